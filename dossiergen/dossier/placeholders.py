"""The word a new dossier carries where the consultant still has to fill in a value.

``dossiergen nieuw`` writes it into every required text field it cannot know; ``check`` warns
about each one left, so a draft validates but never reaches a document unnoticed.
"""

from __future__ import annotations

PLACEHOLDER = "INVULLEN"
