"""The plan document kind: its spec (``SPECS``) and the derivation of its template data."""

from dossiergen.documents.plan.spec import SPECS

__all__ = ["SPECS"]
