"""A new dossier is a draft: every value still reading ``INVULLEN`` gets a warning at its place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.placeholders import PLACEHOLDER
from dossiergen.rules.base import WAARSCHUWING, Found

__all__ = ["rule_nog_invullen"]


def rule_nog_invullen(data: Any, peildatum: date) -> Iterator[Found]:
    """One warning per value that is still the placeholder of ``dossiergen nieuw``."""
    for parts in _placeholders(data, ()):
        yield (
            WAARSCHUWING,
            list(parts),
            f"nog in te vullen: hier staat nog '{PLACEHOLDER}' uit 'dossiergen nieuw'",
        )


def _placeholders(value: Any, parts: tuple[PathPart, ...]) -> Iterator[tuple[PathPart, ...]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _placeholders(item, (*parts, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, (*parts, index))
    elif isinstance(value, str) and value.strip() == PLACEHOLDER:
        yield parts
