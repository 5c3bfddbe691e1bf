"""The brieven document kind: its spec (``SPECS``) and the derivation of its template data."""

from dossiergen.documents.brieven.spec import SPECS

__all__ = ["SPECS"]
