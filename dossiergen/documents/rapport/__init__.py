"""The rapport document kind: its spec (``SPECS``) and the derivation of its template data."""

from dossiergen.documents.rapport.spec import SPECS

__all__ = ["SPECS"]
