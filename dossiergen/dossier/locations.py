"""Map a JSON path inside a dossier to the ``line:column`` where the consultant typed it.

ruamel.yaml's round-trip containers remember the position of every key, value and item
(``.lc``); this module walks down a path and reports the deepest position it can find.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dossiergen.problems import Problem, Severity

PathPart = str | int


def json_path(parts: Iterable[PathPart]) -> str:
    """Render a path as ``$.eigen_werk.taken[2].aandeel`` (the form printed after each message)."""
    text = "$"
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.isidentifier():
            text += f".{part}"
        else:
            text += "[" + repr(part) + "]"
    return text


def position(root: Any, parts: Sequence[PathPart], *, at_key: bool = False) -> tuple[int, int]:
    """1-based ``(line, column)`` of the node at ``parts``.

    With ``at_key`` the position of the last key itself is returned (used for unknown keys);
    otherwise the value's position. When the path leaves the data (a missing key), the deepest
    existing node's key is used, which is where the consultant must add the missing part.
    """
    node = root
    best = (1, 1)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        found = _child_position(node, part, key=at_key and last)
        if found is None:
            break
        best = found
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return best


def container_position(root: Any, parts: Sequence[PathPart]) -> tuple[int, int]:
    """Where the mapping at ``parts`` is introduced: its key in the parent (``werknemer:``)."""
    if not parts:
        return (1, 1)
    return position(root, parts, at_key=isinstance(parts[-1], str))


def _child_position(node: Any, part: PathPart, *, key: bool) -> tuple[int, int] | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(part, int) and isinstance(node, list):
            line, column = lc.item(part)
        elif isinstance(node, dict) and part in node:
            line, column = lc.key(part) if key else lc.value(part)
        else:
            return None
    except (KeyError, IndexError, TypeError):
        return None
    return (line + 1, column + 1)


def problem_at(
    display_path: str, root: Any, severity: Severity, parts: Sequence[PathPart], message: str
) -> Problem:
    """A problem placed where the consultant typed the value at ``parts`` (a section or list:
    at its key)."""
    line, column = position(root, parts)
    if isinstance(_at(root, parts), Mapping | list):
        line, column = container_position(root, parts)
    return Problem(display_path, line, column, severity, message, json_path(parts))


def _at(data: Any, parts: Sequence[PathPart]) -> Any:
    for part in parts:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
