"""The single edits of the round-trip writer, on ruamel's containers.

Each keeps what it does not change: a replaced string keeps its quoting or block style and the
comment at the end of its line keeps its distance; an entry added or removed at the end of a
container leaves the comment lines that introduce the next part of the file in place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from dossiergen.dossier.yaml_nodes import plain_scalar

_STYLES = (
    SingleQuotedScalarString,
    DoubleQuotedScalarString,
    LiteralScalarString,
    FoldedScalarString,
    PlainScalarString,
)


def insert_entry(container: Any, index: int, value: Any, key: str | None = None) -> None:
    """Insert into a mapping (``key``) or list; at the end, the comment lines that followed
    the old last entry (they belong to what comes after it) move behind the new one."""
    before = _tail(container)
    if key is None:
        container.insert(index, value)
    else:
        container.insert(index, key, value)
    _move_following_comment(before, _tail(container))


def replace_entry(container: Any, entry: Any, new: Any) -> None:
    """Replace one value; a comment at the end of its line keeps its distance to the value."""
    old = container[entry]
    container[entry] = styled(old, new)
    slots = container.ca.items.get(entry)
    token = slots[2 if isinstance(container, CommentedMap) else 0] if slots else None
    if (
        isinstance(token, CommentToken)
        and not token.value.startswith("\n")
        and token.start_mark is not None
    ):
        shift = len(str(_plain(new))) - len(str(_plain(old)))
        token.start_mark.column = max(0, token.start_mark.column + shift)


def remove_entry(container: Any, entry: Any) -> None:
    """Remove a key or list item; when it was the last, the comment lines that followed it
    stay, behind the new last entry."""
    before = _tail(container)
    del container[entry]
    _move_following_comment(before, _tail(container))


def add_line_comment(container: Any, entry: Any, text: str, column: int | None) -> None:
    """Write ``# text`` at the end of the line of ``container[entry]``: after a comment that
    already stands there, before the comment lines and blank lines that follow. When the line
    has no comment yet, at ``column``; ``None``: two spaces after whatever ends the line."""
    in_map = isinstance(container, CommentedMap)
    slots = container.ca.items.setdefault(entry, [None] * (4 if in_map else 2))
    slot = 2 if in_map else 0
    token = slots[slot]
    # the emitter puts at least one space before a comment; a leading space makes it two
    start, mark = ("# ", CommentMark(column)) if column is not None else (" # ", CommentMark(0))
    if not isinstance(token, CommentToken):
        slots[slot] = CommentToken(f"{start}{text}\n", mark, None)
    elif token.value.startswith("\n"):  # only the lines that follow: ours comes before them
        slots[slot] = CommentToken(f"{start}{text}{token.value}", mark, None)
    else:
        own, newline, following = token.value.partition("\n")
        token.value = f"{own}  # {text}{newline}{following}"


def comment_tokens(node: Any) -> Iterator[CommentToken]:
    """Every comment of a document, from the root container down."""
    if not isinstance(node, CommentedMap | CommentedSeq):
        return
    yield from _tokens(node.ca.comment)
    for slots in node.ca.items.values():
        yield from _tokens(slots)
    for child in node.values() if isinstance(node, CommentedMap) else node:
        yield from comment_tokens(child)


def _tokens(value: Any) -> Iterator[CommentToken]:
    if isinstance(value, CommentToken):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _tokens(item)


def _move_following_comment(
    before: tuple[Any, Any, int] | None, after: tuple[Any, Any, int] | None
) -> None:
    """Move the comment lines after the line of ``before`` (they introduce what follows the
    container) to ``after``, the new deepest last entry."""
    if before is None or after is None or before[:2] == after[:2]:
        return
    token = _comment(before)
    if token is None or "\n" not in token.value:
        return
    own, _, following = token.value.partition("\n")
    if not following:
        return
    token.value = own + "\n"
    node, entry, slot = after
    slots = node.ca.items.setdefault(entry, [None, None, None, None] if slot == 2 else [None, None])
    existing = slots[slot]
    if isinstance(existing, CommentToken):
        existing.value = existing.value + following
    else:
        slots[slot] = CommentToken("\n" + following, token.start_mark, None)


def _tail(node: Any) -> tuple[Any, Any, int] | None:
    """The deepest last entry under ``node``: (its container, key or index, comment slot)."""
    found: tuple[Any, Any, int] | None = None
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        if isinstance(node, CommentedMap):
            entry: Any = list(node)[-1]
            found = (node, entry, 2)
        else:
            entry = len(node) - 1
            found = (node, entry, 0)
        node = node[entry]
    return found


def _comment(tail: tuple[Any, Any, int]) -> CommentToken | None:
    node, entry, slot = tail
    slots = node.ca.items.get(entry)
    token = slots[slot] if slots and len(slots) > slot else None
    return token if isinstance(token, CommentToken) else None


def _plain(value: Any) -> Any:
    """Plain Python for comparing: ruamel's containers and string styles dropped."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return plain_scalar(value)


def fingerprint(value: Any) -> str:
    return json.dumps(_typed(value), sort_keys=True, default=str)


def _typed(value: Any) -> Any:
    """``_plain`` with the type kept, so ``1``, ``True`` and ``"1"`` differ."""
    if isinstance(value, Mapping):
        return {str(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_typed(v) for v in value]
    return [type(_plain(value)).__name__, _plain(value), isinstance(value, date)]


def same_value(old: Any, new: Any) -> bool:
    return bool(_typed(old) == _typed(new))


def styled(old: Any, new: Any) -> Any:
    """``new`` as a string in ``old``'s quoting or block style, when both are strings."""
    if isinstance(new, str) and not isinstance(new, _STYLES):
        for style in _STYLES:
            if isinstance(old, style):
                if style in (SingleQuotedScalarString, PlainScalarString) and "\n" in new:
                    return LiteralScalarString(new)
                return style(new)
    return new_value(new)


def new_value(value: Any) -> Any:
    """A plain value as ruamel writes it readably: multi-line text as a ``|`` block."""
    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = new_value(item)
        return mapping
    if isinstance(value, list | tuple):
        return CommentedSeq(new_value(item) for item in value)
    if isinstance(value, str) and "\n" in value and not isinstance(value, _STYLES):
        return LiteralScalarString(value)
    return value
