"""Values ``dossiergen migreer`` could not convert: a warning at each until it is looked at.

The migration leaves such a value as it was and writes ``MIGRATIE-CONTROLE`` in a comment on
its line, saying what to check. Comments are not part of the data, so this check reads the
file's text; the warning stands at the value on the comment's line until the consultant has
set the right value and removed the comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import PathPart, json_path
from dossiergen.dossier.placeholders import MIGRATION_MARKER
from dossiergen.problems import Problem, Severity

__all__ = ["migration_warnings"]

_MARKER = re.compile(rf"#\s*{re.escape(MIGRATION_MARKER)}\b")

MESSAGE = (
    f"nog nakijken na 'dossiergen migreer' (opmerking {MIGRATION_MARKER} op deze regel): "
    "sinds versie 2 van het dossierformaat is een loonwaarde de productiviteit per gewerkt uur, "
    "niet meer het deel van het oorspronkelijke loon; zet hier de juiste waarde en haal de "
    "opmerking weg"
)


def migration_warnings(dossier: LoadedDossier) -> list[Problem]:
    """One warning per line that still carries the migration's marker."""
    if MIGRATION_MARKER.encode() not in dossier.source:  # the usual case: one byte search
        return []
    text = dossier.source.decode("utf-8", "replace")
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = _MARKER.search(line)
        if found is None:
            continue
        place = _value_on_line(dossier.data, number)
        parts, column = place if place else ((), found.start() + 1)
        problems.append(
            Problem(
                dossier.display_path,
                number,
                column,
                Severity.WAARSCHUWING,
                MESSAGE,
                json_path(parts),
                rule="regel.migratie_controle",
            )
        )
    return problems


def _value_on_line(data: Any, line: int) -> tuple[tuple[PathPart, ...], int] | None:
    """The path and column of the value written on ``line`` (a loonwaarde before any other)."""
    found = list(_scalars(data, ()))
    on_line = [(parts, column) for parts, (at, column) in found if at == line]
    on_line.sort(key=lambda place: place[0][-1:] != ("loonwaarde",))
    return on_line[0] if on_line else None


def _scalars(node: Any, parts: tuple[PathPart, ...]) -> Iterator[tuple[tuple[PathPart, ...], Any]]:
    """Every scalar under ``node`` with its 1-based ``(line, column)``."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return
    entries: list[tuple[PathPart, Any, tuple[int, int]]]
    if isinstance(node, Mapping):
        entries = [(str(key), child, lc.value(key)) for key, child in node.items()]
    elif isinstance(node, list):
        entries = [(index, child, lc.item(index)) for index, child in enumerate(node)]
    else:
        return
    for part, child, (line, column) in entries:
        if isinstance(child, Mapping | list):
            yield from _scalars(child, (*parts, part))
        else:
            yield (*parts, part), (line + 1, column + 1)
