"""The riv document kind: its spec (``SPECS``) and the derivation of its template data."""

from dossiergen.documents.riv.spec import SPECS

__all__ = ["SPECS"]
