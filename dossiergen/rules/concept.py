"""A new dossier is a draft: every value still reading ``INVULLEN`` gets a warning at its place."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from dossiergen.dossier.placeholders import PLACEHOLDER
from dossiergen.dossier.texts import Text, text_path
from dossiergen.rules.base import WAARSCHUWING, Found

__all__ = ["rule_nog_invullen"]


def rule_nog_invullen(texts: Sequence[Text], peildatum: date) -> Iterator[Found]:
    """One warning per value that is still the placeholder of ``dossiergen nieuw``
    (``texts``: the dossier's, see ``dossier.texts``)."""
    for entry in texts:
        if PLACEHOLDER in entry[0] and entry[0].strip() == PLACEHOLDER:
            yield (
                WAARSCHUWING,
                text_path(entry),
                f"nog in te vullen: hier staat nog '{PLACEHOLDER}' uit 'dossiergen nieuw'",
            )
