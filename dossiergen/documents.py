"""Every document dossiergen makes, by name (the ``--document`` values).

Each document kind lives in its own ``doc_*`` module as ``SPECS``; this registry only collects
them, in the order ``dossiergen build`` makes them.
"""

from __future__ import annotations

from collections.abc import Mapping

from dossiergen import doc_brieven, doc_plan, doc_rapport, doc_riv, doc_vragenlijsten
from dossiergen.docspec import DocumentSpec, Requirement, missing_parts

__all__ = ["DOCUMENTS", "DocumentSpec", "Requirement", "missing_parts"]

_MODULES = (doc_rapport, doc_plan, doc_riv, doc_brieven, doc_vragenlijsten)

DOCUMENTS: Mapping[str, DocumentSpec] = {
    spec.name: spec for module in _MODULES for spec in module.SPECS
}
