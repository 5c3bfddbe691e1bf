"""A line-oriented reader for the plain YAML that dossiers are written in.

Reading a dossier through libyaml's events (``yaml_events``) cost more than checking it. Almost
every dossier uses a small part of YAML, line by line, and this module reads exactly that part
into the same ``PositionedMap``/``PositionedList`` data, with the same ``.lc`` positions:

- comments and blank lines; indentation by spaces; ``\\n`` or Windows ``\\r\\n`` line ends;
- block mappings whose keys are plain words (``naam``, ``eerste_ziektedag``) and block
  sequences (``- `` items, an item may be a compact mapping ``- soort: evaluatie``), also the
  sequence written at its key's own indentation;
- a value on the key's line: a plain scalar, a single-quoted scalar, a double-quoted scalar
  with at most the escapes ``\\n \\t \\" \\\\ \\/``, a flow mapping or flow sequence closed on the
  same line (``door: {naam: T. Wijnands, rol: bedrijfsarts}``, ``[]``, ``{}``), or a literal
  (``|``, ``|-``, ``|+``) or folded (``>``, ``>-``, ``>+``) block scalar without an indentation
  indicator (folded: no line indented further than the first);
- an empty value (``tot:``), which is null.

Scalars resolve as YAML 1.2 with the event reader's own table (``plain_tag``) and
``scalar_value``, so types, timestamps kept as text and numbers are the same. Anything else
makes this reader decline: a duplicate key, a bad number, an anchor, alias or tag, a second
document, a tab, a multi-line plain or quoted scalar, a key that is no plain word, indentation
that opens no mapping or sequence, a lone ``\\r``, a file without a final newline, a file of more
than half the size limit. ``read_fast`` then returns ``None`` and the caller reads the file
through the events.

Why the event reader stays the reference: it is libyaml, a complete and well-tested YAML
parser, and every problem message and position comes from it. This reader never reports a
problem: whatever it is not sure of, it leaves to the events, so a dossier's problems are the
same whichever reader would have served it. The tests compare the two readers on the examples,
on generated dossiers, on every short value in every place and on generated hostile texts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dossiergen.dossier.yaml_events import IMPLICIT_FIRST, STR_TAG, plain_tag
from dossiergen.dossier.yaml_nodes import (
    FORBIDDEN,
    MAX_EXPANDED_SIZE,
    YAML_CORE,
    PositionedList,
    PositionedMap,
    scalar_value,
)

__all__ = ["read_fast"]

#: Text that is surely a plain scalar in block context, on its own: no indicator at its start,
#: no ``:`` or ``#`` in it (the usual value; anything else goes through ``_Reader.inline``).
_SIMPLE = r"([^ \"'\[{|>?:,\]}#&*!%@`-][^:#]*)$"
#: A key as dossiers write it (at most 100 characters; libyaml refuses more than 1024), ``:`` and
#: the value: simple text (group 2), other text (group 3), or neither when the line ends there.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +(?:" + _SIMPLE[:-1] + "|(.*)))?$")
_SIMPLE_ITEM = re.compile(r"- +" + _SIMPLE)
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,99}): +")
#: A plain scalar inside a flow collection: no indicator at its start, no ``:``, ``#`` or ``?``
#: in it (libyaml ends a plain scalar at a ``?`` inside a flow collection).
_FLOW_PLAIN = re.compile(r"(?:[^ ,\[\]{}#&*!|>'\"%@`?:-]|-[^ ,\[\]{}#:?])[^,\[\]{}:#?]*")
#: A double-quoted scalar on one line with only the escapes JSON also writes for text.
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\[nt"\\/])*)"')
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
_BLOCK_HEADER = re.compile(r"([|>])([-+]?)(?: +#.*| *)$")
#: What may end a line after a value: spaces, and a comment after at least one space.
_TAIL = re.compile(r"(?: +#.*| *)$")
#: First characters that make a plain scalar something else in block context (or that this
#: reader leaves to the event reader).
_NOT_PLAIN = frozenset("?:,]}#&*!%@`")
_RESOLVED = frozenset(YAML_CORE + n for n in ("int", "float", "bool", "null", "timestamp"))
#: The event reader refuses more than 40 levels; far below that this reader declines.
_MAX_DEPTH = 30
#: Characters libyaml reads as line breaks, tabs, byte-order marks and the characters libyaml
#: refuses: left to the events.
_UNHANDLED = re.compile("[\t\r\x85\u2028\u2029\ufeff]|" + FORBIDDEN.pattern)


class _Decline(Exception):
    """The text uses something outside this reader's part of YAML."""


def read_fast(text: str) -> PositionedMap | None:
    """The dossier's data as the event reader builds it, or ``None`` when this reader declines
    (then the event reader reads the text, and reports whatever is wrong with it)."""
    if "\r" in text:  # Windows line ends: libyaml reads "\r\n" as one line break, as "\n"
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    if not text.endswith("\n") or len(text) > MAX_EXPANDED_SIZE // 2 or _UNHANDLED.search(text):
        return None
    reader = _Reader(text.split("\n"))
    try:
        first = reader.peek()
        if first is None or first[1] != 0:
            return None
        root = reader.mapping(first[0], 0, 0)
        return root if reader.peek() is None else None
    except _Decline:
        return None


@lru_cache(maxsize=8192)
def _plain(text: str) -> Any:
    """A plain scalar's value, resolved as the event reader resolves it (values are immutable,
    so one resolution serves every dossier that writes the same text)."""
    if text[:1] in IMPLICIT_FIRST:
        tag = plain_tag(text)
        if tag != STR_TAG:
            if tag not in _RESOLVED:
                raise _Decline
            try:
                return scalar_value(text, tag)
            except ValueError:  # a bad number: the event reader reports it
                raise _Decline from None
    return text


@lru_cache(maxsize=1024)
def _text_key(key: str) -> bool:
    """Whether a plain word resolves to text (``true`` and ``null`` do not)."""
    return key[:1] not in IMPLICIT_FIRST or plain_tag(key) == STR_TAG


def _quoted(line: str, start: int) -> tuple[str, int]:
    """A quoted scalar closed on its line, and the offset after it."""
    if line[start] == '"':
        found = _DOUBLE_QUOTED.match(line, start)
        if found is None:
            raise _Decline  # not closed on this line, or an escape this reader leaves alone
        text = found.group(1)
        if "\\" in text:
            text = _ESCAPE.sub(lambda escape: _ESCAPED[escape.group(1)], text)
        return text, found.end()
    parts = []
    begin = start + 1
    while True:
        end = line.find("'", begin)
        if end < 0:
            raise _Decline
        parts.append(line[begin:end])
        if line[end + 1 : end + 2] != "'":
            return "".join(parts), end + 1
        parts.append("'")
        begin = end + 2


def _skip_spaces(line: str, offset: int) -> int:
    while line[offset : offset + 1] == " ":
        offset += 1
    return offset


def _tail(line: str, offset: int) -> None:
    """Nothing but spaces and a comment may follow a value on its line."""
    if offset < len(line) and not _TAIL.match(line, offset):
        raise _Decline


class _Reader:
    """Reads the lines of one dossier; ``index`` is the first line not yet read."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.count = len(lines) - 1  # the text ends with a newline: the last item is empty
        self.index = 0

    def peek(self) -> tuple[int, int] | None:
        """Line number and indentation of the next line with content (not blank, no comment)."""
        lines = self.lines
        number = self.index
        while number < self.count:
            line = lines[number]
            content = line.lstrip(" ")
            if content and content[0] != "#":
                self.index = number
                return number, len(line) - len(content)
            number += 1
        self.index = self.count
        return None

    def mapping(self, number: int, column: int, depth: int) -> PositionedMap:
        """The block mapping whose first key stands at ``number``:``column``."""
        if depth > _MAX_DEPTH:
            raise _Decline
        result = PositionedMap()
        keys, values = result.lc.keys, result.lc.values
        while True:
            line = self.lines[number]
            found = _KEY.match(line, column)
            if found is None:
                raise _Decline
            key = found.group(1)
            if key in result or not _text_key(key):
                raise _Decline  # a duplicate key (reported by the event reader), a non-text key
            keys[key] = (number, column)
            self.index = number + 1
            simple, text = found.group(2, 3)
            if simple is not None:
                values[key] = (number, found.start(2))
                result[key] = _plain(simple.rstrip(" "))
            elif not text or text[0] == "#":
                result[key], values[key] = self.below(number, column + len(key) + 1, column, depth)
            else:
                start = found.start(3)
                values[key] = (number, start)
                result[key] = self.inline(number, start, column, depth)
            following = self.peek()
            if following is None or following[1] < column:
                return result
            if following[1] > column:
                raise _Decline
            number = following[0]

    def below(
        self, number: int, after_colon: int, column: int, depth: int
    ) -> tuple[Any, tuple[int, int]]:
        """The value of a key with nothing after its ``:``: a collection on the next lines, or
        null (which the event reader places right after the ``:``)."""
        following = self.peek()
        if following is not None:
            line_number, indent = following
            starts_item = self.lines[line_number][indent] == "-"
            if indent > column:
                if starts_item:
                    return self.sequence(line_number, indent, depth + 1), following
                return self.mapping(line_number, indent, depth + 1), following
            if indent == column and starts_item:
                return self.sequence(line_number, indent, depth + 1), following
        return None, (number, after_colon)

    def sequence(self, number: int, column: int, depth: int) -> PositionedList:
        """The block sequence whose first ``-`` stands at ``number``:``column``."""
        if depth > _MAX_DEPTH:
            raise _Decline
        result = PositionedList()
        items = result.lc.items
        while True:
            line = self.lines[number]
            simple = _SIMPLE_ITEM.match(line, column)
            if simple is not None:
                items.append((number, simple.start(1)))
                result.append(_plain(simple.group(1).rstrip(" ")))
                self.index = number + 1
            else:
                self.item(result, number, column, depth)
            following = self.peek()
            if following is None or following[1] < column:
                return result
            number, indent = following
            if indent > column:
                raise _Decline
            if self.lines[number][column] != "-":
                return result  # a key after a sequence at its key's indentation

    def item(self, result: PositionedList, number: int, column: int, depth: int) -> None:
        """Add the sequence item whose ``-`` stands at ``number``:``column`` to ``result``."""
        line = self.lines[number]
        if line[column + 1 : column + 2] != " ":
            raise _Decline  # "-" alone (a value on the next lines) or "-x"
        start = _skip_spaces(line, column + 2)
        if start >= len(line) or line[start] == "#" or line[start] == "-":
            raise _Decline  # an empty item, a nested "- -"
        result.lc.items.append((number, start))
        if _KEY.match(line, start):
            result.append(self.mapping(number, start, depth + 1))
        else:
            self.index = number + 1
            result.append(self.inline(number, start, column, depth))

    def inline(self, number: int, start: int, parent: int, depth: int) -> Any:
        """The value that starts at ``start`` on line ``number``, inside the collection at
        column ``parent``; lines of a block scalar are read too."""
        line = self.lines[number]
        first = line[start]
        if first in "\"'":
            value, end = _quoted(line, start)
            _tail(line, end)
            return value
        if first in "[{":
            value, end = self.flow(number, line, start, depth + 1)
            _tail(line, end)
            return value
        if first in "|>":
            header = _BLOCK_HEADER.match(line, start)
            if header is None:
                raise _Decline
            return self.block_scalar(number + 1, parent, first, header.group(2))
        if first in _NOT_PLAIN or (first == "-" and line[start + 1 : start + 2] in ("", " ")):
            raise _Decline
        comment = line.find(" #", start)
        text = (line[start:comment] if comment >= 0 else line[start:]).rstrip(" ")
        if ": " in text or text.endswith(":"):
            raise _Decline  # "mapping values are not allowed here": the event reader says so
        return _plain(text)

    def flow(self, number: int, line: str, start: int, depth: int) -> tuple[Any, int]:
        """A flow mapping or sequence closed on its line, and the offset after it."""
        if depth > _MAX_DEPTH:
            raise _Decline
        closing = "}" if line[start] == "{" else "]"
        result: PositionedMap | PositionedList
        result = PositionedMap() if closing == "}" else PositionedList()
        offset = _skip_spaces(line, start + 1)
        if line[offset : offset + 1] == closing:
            return result, offset + 1
        while True:
            if isinstance(result, PositionedMap):
                offset = self.flow_pair(result, number, line, offset, depth)
            else:
                result.lc.items.append((number, offset))
                value, offset = self.flow_item(number, line, offset, depth)
                result.append(value)
            offset = _skip_spaces(line, offset)
            separator = line[offset : offset + 1]
            if separator == closing:
                return result, offset + 1
            if separator != ",":
                raise _Decline
            offset = _skip_spaces(line, offset + 1)

    def flow_pair(
        self, result: PositionedMap, number: int, line: str, start: int, depth: int
    ) -> int:
        """Add the ``key: value`` at ``start`` to the flow mapping; the offset after it."""
        key = _FLOW_KEY.match(line, start)
        if key is None:
            raise _Decline
        name = key.group(1)
        if name in result or not _text_key(name):
            raise _Decline
        result.lc.keys[name] = (number, start)
        result.lc.values[name] = (number, key.end())
        result[name], offset = self.flow_item(number, line, key.end(), depth)
        return offset

    def flow_item(self, number: int, line: str, start: int, depth: int) -> tuple[Any, int]:
        first = line[start : start + 1]
        if first in ("{", "["):
            return self.flow(number, line, start, depth + 1)
        if first in ('"', "'"):
            return _quoted(line, start)
        plain = _FLOW_PLAIN.match(line, start)
        if plain is None:
            raise _Decline
        return _plain(plain.group().rstrip(" ")), plain.end()

    def block_scalar(self, number: int, parent: int, style: str, chomping: str) -> str:
        """A literal or folded block scalar whose lines start at line ``number``."""
        lines, count = self.lines, self.count
        leading = 0
        while number + leading < count and not lines[number + leading].strip(" "):
            leading += 1
        if number + leading >= count:
            raise _Decline  # an empty block scalar
        first = lines[number + leading]
        indent = len(first) - len(first.lstrip(" "))
        if indent <= parent or any(len(lines[number + i]) > indent for i in range(leading)):
            raise _Decline
        content: list[str] = []
        end = number
        while end < count:
            line = lines[end]
            if not line.strip(" "):
                if len(line) > indent:
                    raise _Decline  # a line of spaces only, longer than the indentation
                content.append("")
            elif len(line) - len(line.lstrip(" ")) < indent:
                break
            else:
                content.append(line[indent:])
            end += 1
        self.index = end
        trailing = len(content)
        while not content[trailing - 1]:
            trailing -= 1
        breaks = len(content) - trailing
        body = content[:trailing]
        text = "\n".join(body) if style == "|" else _folded(body)
        if chomping == "-":
            return text
        return text + "\n" * (1 + breaks if chomping == "+" else 1)


def _folded(body: list[str]) -> str:
    """Folded lines of one indentation: a line break becomes a space, blank lines stay."""
    if not body[0] or any(line[:1] == " " for line in body):
        raise _Decline  # leading blank lines or more-indented lines fold differently
    parts = [body[0]]
    blank = 0
    for line in body[1:]:
        if not line:
            blank += 1
            continue
        parts.append("\n" * blank if blank else " ")
        parts.append(line)
        blank = 0
    return "".join(parts)
