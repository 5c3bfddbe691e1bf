"""dossiergen: re-integratiedossiers valideren en omzetten naar Word-documenten."""

from __future__ import annotations

__version__ = "0.1.0"
