"""Every document dossiergen makes, by name (the ``--document`` values).

One package or module per document kind, each with its spec and its derivation together
(``SPECS``); this registry only collects them, in the order ``dossiergen build`` makes them.
"""

from __future__ import annotations

from collections.abc import Mapping

from dossiergen.documents import brieven, plan, rapport, riv, vragenlijsten
from dossiergen.documents.spec import DocumentSpec, Requirement, missing_parts

__all__ = ["DOCUMENTS", "DocumentSpec", "Requirement", "missing_parts"]

_KINDS = (rapport, plan, riv, brieven, vragenlijsten)

DOCUMENTS: Mapping[str, DocumentSpec] = {spec.name: spec for kind in _KINDS for spec in kind.SPECS}
