"""The words that mark where the consultant still has to fill in or look at a value.

``dossiergen nieuw`` writes ``INVULLEN`` into every required text field it cannot know;
``dossiergen migreer`` writes ``MIGRATIE-CONTROLE`` in a comment beside a value it could not
convert. ``check`` warns about each one left, so neither reaches a document unnoticed.
"""

from __future__ import annotations

PLACEHOLDER = "INVULLEN"

#: The word ``dossiergen migreer`` writes in a comment beside a value it could not convert to
#: the new format version; ``check`` warns about each one until the consultant has looked at the
#: value and removed the comment.
MIGRATION_MARKER = "MIGRATIE-CONTROLE"
