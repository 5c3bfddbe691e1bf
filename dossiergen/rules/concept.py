"""A new dossier is a draft: every value still reading ``INVULLEN`` gets a warning at its place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from dossiergen.dossier.locations import texts_where
from dossiergen.dossier.placeholders import PLACEHOLDER
from dossiergen.rules.base import WAARSCHUWING, Found

__all__ = ["rule_nog_invullen"]


def rule_nog_invullen(data: Any, peildatum: date) -> Iterator[Found]:
    """One warning per value that is still the placeholder of ``dossiergen nieuw``."""
    for parts, _ in texts_where(data, _is_placeholder):
        yield (
            WAARSCHUWING,
            parts,
            f"nog in te vullen: hier staat nog '{PLACEHOLDER}' uit 'dossiergen nieuw'",
        )


def _is_placeholder(text: str) -> bool:
    return text.strip() == PLACEHOLDER
