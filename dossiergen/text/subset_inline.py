"""The inline level of :mod:`dossiergen.text.subset`: text, escapes, line breaks, ``*`` and
``**`` emphasis and a heading's ``{.genummerd}``, decided as markdown-it decides them.

Anything else (backticks, ``_``, links, ``<``, entities, ambiguous or unbalanced emphasis, an
attribute out of place) raises :class:`Outside`: the caller then leaves the whole text to the
reference parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from dossiergen.blocks import Inline, LineBreak, Run

__all__ = ["Outside", "append_text", "cell_runs", "heading_inline", "inline", "row_runs"]


class Outside(Exception):
    """The text leaves the subset: the reference parser decides."""


NUMBERED = "genummerd"
_NUMBERED_MARK = "{." + NUMBERED + "}"
_ATTRIBUTE = re.compile(r"\{\.([a-z]+)\}")
#: Where the plain text of an inline stops: characters an inline rule may act on.
_SPECIAL = re.compile(r"[\\\n*{`_&<\[\]]")
#: Text that is plain apart from backslash escapes of ASCII punctuation (most cells, items and
#: paragraphs): one substitution gives its single run (see :func:`_is_plain`). The quick
#: pattern takes every special character for one an inline rule acts on; the exact one knows
#: that a special character behind a backslash is escaped (dossier values hold "\\&", "\\_",
#: "\\["), unless that backslash is escaped itself (left to the scanner). The exact pattern
#: scans several times slower, so it runs only where the quick one finds something.
_MAYBE_NOT_PLAIN = re.compile(r"[\n*{`_&<\[\]]|\\(?![!-/:-@\[-`{-~])")
_NOT_PLAIN = re.compile(r"\\\\|(?<!\\)[\n*{`_&<\[\]]|\\(?![!-/:-@\[-`{-~])")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: ``**text**`` opening a text, alone (a cell's label) or followed by a space and more text (a
#: paragraph's lead-in).
_BOLD_START = re.compile(r"\*\*([^\s*][^*]*)\*\*((?: [^*]*)?)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _is_plain(text: str) -> bool:
    """Whether ``text`` is plain text apart from backslash escapes of ASCII punctuation."""
    return _MAYBE_NOT_PLAIN.search(text) is None or _NOT_PLAIN.search(text) is None


def heading_inline(source: str) -> tuple[tuple[Inline, ...], bool]:
    """The runs of a heading and whether it ends in ``{.genummerd}``."""
    if source.endswith(_NUMBERED_MARK):  # most headings: plain text, then the attribute
        text = source[: -len(_NUMBERED_MARK)]
        if _is_plain(text):
            text = _unescape(text).rstrip()
            return ((Run(text),) if text else ()), True
    runs, numbered = _inline_runs(source, True)
    if not numbered:
        return runs, False
    trimmed = list(runs)
    while trimmed and isinstance(trimmed[-1], Run) and not trimmed[-1].text.rstrip():
        trimmed.pop()
    last = trimmed[-1] if trimmed else None
    if isinstance(last, Run):
        trimmed[-1] = Run(last.text.rstrip(), last.bold, last.italic)
    return tuple(trimmed), True


def cell_runs(source: str) -> tuple[Inline, ...]:
    """The runs of a table cell: ``inline(source, False)``, plain text answered first (most
    cells: there are thousands in a large rapport)."""
    if not source:
        return ()
    if _is_plain(source):
        return (Run(_unescape(source)),)
    return _inline_runs(source, False)[0]


def row_runs(line: str, cells: Sequence[str]) -> tuple[tuple[Inline, ...], ...]:
    """The runs of the (trimmed) ``cells`` of table row ``line``: a row with no character an
    inline rule acts on (most rows) answered for all its cells at once."""
    if _is_plain(line):
        return tuple([(Run(_unescape(cell)),) if cell else () for cell in cells])
    return tuple([cell_runs(cell) for cell in cells])


def inline(source: str, heading: bool) -> tuple[Inline, ...]:
    return _inline_runs(source, heading)[0]


_SOFT, _HARD = object(), object()  # line breaks among the text tokens
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _delimiter_run(source: str, start: int, end: int) -> tuple[bool, bool]:
    """``(can_open, can_close)`` of the ``*`` run at ``start:end`` (markdown-it's scanDelims)."""
    last = source[start - 1] if start > 0 else " "
    after = source[end] if end < len(source) else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(after))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right


def _inline_runs(source: str, heading: bool) -> tuple[tuple[Inline, ...], bool]:
    """The runs of one inline text (paragraph, item, cell or heading content), and whether it
    ends in the heading attribute ``{.genummerd}`` (allowed only when ``heading``)."""
    if _is_plain(source):
        return ((Run(_unescape(source)),) if source else ()), False
    bold = _BOLD_START.fullmatch(source)
    if bold is not None:
        # The opening run can only open (start of text, a letter or mark after it), the closing
        # one only close (no space before it, the end or a space after it): one pair, as
        # markdown-it pairs them.
        inner, rest = bold.group(1, 2)
        if _is_plain(inner) and _is_plain(rest) and not isWhiteSpace(ord(inner[-1])):
            strong = Run(_unescape(inner), bold=True)
            return ((strong, Run(_unescape(rest))) if rest else (strong,)), False
    scanner = _Scanner(source, heading)
    scanner.scan()
    return _runs(scanner.tokens, scanner.runs, _pairs(scanner.runs)), scanner.numbered


class _Scanner:
    """markdown-it's inline rules for our subset, making its tokens: text, soft and hard breaks
    and ``*`` runs (as indexes into ``runs``); pending text is flushed by every other token, as
    in markdown-it's inline state (the newline rule looks at the pending text)."""

    def __init__(self, source: str, heading: bool) -> None:
        self.source = source
        self.heading = heading
        self.tokens: list[object] = []
        self.runs: list[tuple[int, bool, bool]] = []  # (length, can_open, can_close)
        self.pending: list[str] = []
        self.numbered = False

    def scan(self) -> None:
        source, pending = self.source, self.pending
        position, size = 0, len(source)
        while position < size:
            found = _SPECIAL.search(source, position)
            if found is None:
                pending.append(source[position:])
                break
            if found.start() > position:
                pending.append(source[position : found.start()])
                position = found.start()
            character = source[position]
            if character == "\\":
                position = self.escape(position)
            elif character == "\n":
                position = self.newline(position)
            elif character == "*":
                position = self.stars(position)
            elif character == "{":
                position = self.brace(position)
            elif character == "&" and _ENTITY.match(source, position) is None:
                pending.append("&")
                position += 1
            else:
                raise Outside  # backticks, links, autolinks, entities, underscores
        self.flush()

    def flush(self) -> None:
        if self.pending:
            text = "".join(self.pending)
            self.pending.clear()
            if text:
                self.tokens.append(text)

    def escape(self, position: int) -> int:
        source = self.source
        if position + 1 >= len(source):
            self.pending.append("\\")  # a backslash at the end is text
            return position + 1
        escaped = source[position + 1]
        self.flush()
        if escaped == "\n":
            self.tokens.append(_HARD)
            return _skip_spaces(source, position + 2)
        self.tokens.append(escaped if escaped in _ESCAPABLE else "\\" + escaped)
        return position + 2

    def newline(self, position: int) -> int:
        # markdown-it's newline rule: two spaces or more ending the pending text: a hard break
        text = "".join(self.pending)
        self.pending.clear()
        hard = text.endswith("  ")
        text = text.rstrip(" ") if hard else text.removesuffix(" ")
        if text:
            self.tokens.append(text)
        self.tokens.append(_HARD if hard else _SOFT)
        return _skip_spaces(self.source, position + 1)

    def stars(self, position: int) -> int:
        source = self.source
        end = position
        while end < len(source) and source[end] == "*":
            end += 1
        can_open, can_close = _delimiter_run(source, position, end)
        if end - position > 2 or (can_open and can_close):
            raise Outside  # the cases where CommonMark's pairing needs more than a stack
        self.flush()
        self.tokens.append(len(self.runs))
        self.runs.append((end - position, can_open, can_close))
        return end

    def brace(self, position: int) -> int:
        attribute = _ATTRIBUTE.match(self.source, position)
        if attribute is None:
            self.pending.append("{")
            return position + 1
        if not self.heading or attribute.end() != len(self.source):
            raise Outside  # an error, or not where a heading's attribute belongs
        if attribute.group(1) != NUMBERED:
            raise Outside
        self.flush()
        self.numbered = True
        return len(self.source)


def _unescape(plain: str) -> str:
    """Plain text without its escapes (every backslash in it escapes ASCII punctuation)."""
    if "\\" not in plain:
        return plain
    if "\\\\" not in plain:
        return plain.replace("\\", "")
    return _UNESCAPE.sub(r"\1", plain)


def _skip_spaces(source: str, position: int) -> int:
    while position < len(source) and source[position] in " \t":
        position += 1
    return position


def _pairs(runs: Sequence[tuple[int, bool, bool]]) -> list[str]:
    """Per ``*`` run: ``open``, ``close`` or ``text``; nested pairs of equal length only."""
    roles = ["text"] * len(runs)
    openers: list[int] = []
    for number, (length, can_open, can_close) in enumerate(runs):
        if can_close and openers:
            opener = openers.pop()
            if runs[opener][0] != length:
                raise Outside
            roles[opener], roles[number] = "open", "close"
        elif can_open:
            openers.append(number)
    return roles


def _runs(
    tokens: Sequence[object], runs: Sequence[tuple[int, bool, bool]], roles: Sequence[str]
) -> tuple[Inline, ...]:
    result: list[Inline] = []
    bold = italic = 0
    for token in tokens:
        if isinstance(token, int):
            length, role = runs[token][0], roles[token]
            if role == "text":
                append_text(result, "*" * length, bold > 0, italic > 0)
            elif length == 2:
                bold += 1 if role == "open" else -1
            else:
                italic += 1 if role == "open" else -1
        elif token is _SOFT:
            append_text(result, " ", bold > 0, italic > 0)
        elif token is _HARD:
            result.append(LineBreak())
        else:
            append_text(result, str(token), bold > 0, italic > 0)
    return tuple(result)


def append_text(runs: list[Inline], text: str, bold: bool, italic: bool) -> None:
    """Merge adjacent text of equal formatting (as the reference parser does)."""
    last = runs[-1] if runs else None
    if isinstance(last, Run) and last.bold == bold and last.italic == italic:
        runs[-1] = Run(last.text + text, bold, italic)
    else:
        runs.append(Run(text, bold, italic))
