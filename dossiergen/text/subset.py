"""A parser for exactly the markup our templates emit, six times faster than the reference.

:func:`parse_subset` reads the common shapes of the markup contract (see
:mod:`dossiergen.text.markup`): ``#``-headings with ``{.genummerd}``, paragraphs, one-line list
items, pipe tables, page breaks, ``:::`` containers, backslash escapes and ``*``/``**`` emphasis.
It gives the blocks markdown-it would give, decided by the same CommonMark rules (the
character classes are markdown-it's own). Whatever it is not certain about -- indentation, an
interrupted or lazily continued block, ``_``, backticks, links, ``<``, entities, ambiguous or
unbalanced emphasis, an error of any kind -- makes it answer ``None``, and the caller hands the
whole text to the reference parser, which parses it or names the error. A test fuzzes the two
against each other; the templates' output takes the fast path.

Dossier values reach the markup escaped (every ASCII punctuation character behind a backslash,
newlines flattened), so they are literal text here exactly as in the reference parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.common.utils import MD_TRIM_CHARS, mdTrim

from dossiergen.blocks import (
    ALLOWED_IN_CONTAINER,
    Block,
    Container,
    Heading,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    Table,
    TocField,
)
from dossiergen.text.subset_inline import Outside, cell_runs, heading_inline, inline, row_runs

__all__ = ["parse_subset"]


_HR = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*")
_HEADING = re.compile(r"(#{1,6})(?:[ \t](.*))?")
_BULLET = re.compile(r"([-*+])([ \t].*)?")
_ORDERED = re.compile(r"(\d{1,9})([.)])([ \t].*)?")
_ITEM_CONTENT = re.compile(r" {1,4}(\S.*)")
_DELIMITER_ROW = re.compile(r"[-:|][-:| \t]*")
_ALIGNMENT_CELL = re.compile(r":?-+:?")


def parse_subset(text: str) -> tuple[Block, ...] | None:
    """The blocks of ``text``, or ``None`` when ``text`` is not certainly in the subset."""
    if "\r" in text or "\t" in text:
        return None
    try:
        return _Blocks(text.split("\n")).parse(0, None, boxed=False)
    except Outside:
        return None


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def _is_table_start(lines: Sequence[str], index: int, end: int) -> bool:
    """Whether markdown-it's table rule may claim the line at ``index`` (the first rule it
    tries): a ``|`` in it and a delimiter row under it. Only the plain shape is ours."""
    if index + 1 >= end or "|" not in lines[index]:
        return False
    below = lines[index + 1].lstrip(" \t")
    if not _DELIMITER_ROW.fullmatch(below) or below[:2] in ("- ", "-\t"):
        return False
    if not lines[index].startswith("|") or below != lines[index + 1]:
        raise Outside
    return True


def _item(line: str) -> tuple[str, int, str] | None:
    """``(kind, start, content)`` of a list item line (kind ``-``, ``*``, ``+`` or ``.``)."""
    bullet = _BULLET.fullmatch(line)
    if bullet is not None:
        return bullet.group(1), 1, _item_content(bullet.group(2))
    ordered = _ORDERED.fullmatch(line)
    if ordered is not None:
        if ordered.group(2) != ".":
            raise Outside
        return ".", int(ordered.group(1)), _item_content(ordered.group(3))
    return None


def _item_content(rest: str | None) -> str:
    """The text of an item after its marker: one to four spaces, then something."""
    content = _ITEM_CONTENT.fullmatch(rest or "")
    if content is None:
        raise Outside  # empty, tabs, or indented like code
    return content.group(1)


def _starts_block(line: str) -> bool:
    """Whether ``line`` starts a block that ends a paragraph above it; ``Outside`` when it
    might or might not."""
    first = line[0]
    if first in " \t>`~":
        raise Outside
    if line.startswith(":::") or _HR.fullmatch(line) or _HEADING.fullmatch(line):
        return True
    item = _item(line)
    if item is None:
        return False
    if item[0] == "." and item[1] != 1:
        raise Outside  # continues the paragraph in CommonMark; not ours
    return True


class _Blocks:
    """The block level, over the lines of the whole text."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        # Per level, whether the section now open at that level is numbered (the outline so far).
        self.numbered_levels: dict[int, bool] = {}

    def parse(self, start: int, end: int | None, boxed: bool) -> tuple[Block, ...]:
        lines = self.lines
        stop = len(lines) if end is None else end
        blocks: list[Block] = []
        index = start
        while index < stop:
            line = lines[index]
            if _is_blank(line):
                index += 1
                continue
            first = line[0]
            if first in " \t>`~":
                raise Outside
            if _is_table_start(lines, index, stop):
                index = self.table(index, stop, blocks)
            elif line.startswith(":::"):
                if boxed:
                    raise Outside
                index = self.container(index, stop, blocks)
            elif _HR.fullmatch(line):
                blocks.append(PageBreak())
                index += 1
            elif (heading := _HEADING.fullmatch(line)) is not None:
                blocks.append(self.heading(heading, boxed))
                index += 1
            elif (item := _item(line)) is not None:
                index = self.list_block(index, stop, item, blocks)
            else:
                index = self.paragraph(index, stop, blocks)
        return tuple(blocks)

    def paragraph(self, index: int, stop: int, blocks: list[Block]) -> int:
        lines = self.lines
        end = index + 1
        while end < stop:
            line = lines[end]
            if _is_blank(line) or _starts_block(line):
                break
            if _is_table_start(lines, end, stop):
                raise Outside  # a table interrupting a paragraph: not ours
            end += 1
        blocks.append(Paragraph(inline(mdTrim("\n".join(lines[index:end])), False)))
        return end

    def heading(self, match: re.Match[str], boxed: bool) -> Heading:
        level = len(match.group(1))
        content = match.group(2) or ""
        if level > 3 or content.rstrip(" \t").endswith("#"):
            raise Outside
        runs, numbered = heading_inline(mdTrim(content))
        if numbered and boxed:
            raise Outside
        if not boxed:
            if numbered and level > 1 and not self.numbered_levels.get(level - 1, False):
                raise Outside
            self.numbered_levels = {k: v for k, v in self.numbered_levels.items() if k < level}
            self.numbered_levels[level] = numbered
        return Heading(level, runs, numbered)

    def list_block(
        self, index: int, stop: int, item: tuple[str, int, str], blocks: list[Block]
    ) -> int:
        """A list of one-line items of one kind, blank lines between them allowed."""
        lines = self.lines
        kind, start, content = item
        items: list[tuple[Block, ...]] = []
        while True:
            if content[0] in "#>`~|:" or _starts_block(content):
                raise Outside  # an item holding another block
            items.append((Paragraph(inline(mdTrim(content), False)),))
            index += 1
            following = index
            while following < stop and _is_blank(lines[following]):
                following += 1
            if following >= stop:
                break
            line = lines[following]
            nxt = None if _HR.fullmatch(line) else _item(line) if line[0] not in " \t" else None
            if nxt is not None and nxt[0] == kind:
                index, content = following, nxt[2]
                continue
            if following == index:
                raise Outside  # lazy continuation or an interruption right under an item
            break
        blocks.append(ListBlock(kind == ".", tuple(items), start))
        return index

    def table(self, index: int, stop: int, blocks: list[Block]) -> int:
        lines = self.lines
        align: list[str] = []
        columns = lines[index + 1].split("|")
        for number, column in enumerate(columns):
            cell = mdTrim(column)
            if not cell:
                if number in (0, len(columns) - 1):
                    continue
                raise Outside
            if not _ALIGNMENT_CELL.fullmatch(cell):
                raise Outside
            if cell.endswith(":"):
                align.append("center" if cell.startswith(":") else "right")
            else:
                align.append("left" if cell.startswith(":") else "")
        header_cells = _row_cells(mdTrim(lines[index]))
        count = len(header_cells)
        if count == 0 or count != len(align):
            raise Outside
        header = tuple(cell_runs(mdTrim(cell)) for cell in header_cells)
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        row = index + 2
        while row < stop:
            line = lines[row]
            if _is_blank(line):
                break
            if not line.startswith("|"):
                raise Outside  # a lazy row or a block ending the table: not ours
            cells = _row_cells(line.strip(MD_TRIM_CHARS))  # mdTrim, without its call
            if len(cells) < count:
                cells += [""] * (count - len(cells))
            rows.append(row_runs(line, [cell.strip(MD_TRIM_CHARS) for cell in cells[:count]]))
            row += 1
        if all(not cell for cell in header):
            header = ()  # "| | |" header: a key/value table without header row
        alignment = tuple(value or None for value in align)
        blocks.append(Table(header, tuple(rows), alignment))  # type: ignore[arg-type]
        return row

    def container(self, index: int, stop: int, blocks: list[Block]) -> int:
        lines = self.lines
        line = lines[index]
        if line.startswith("::::"):
            raise Outside
        name = line[3:].strip().split(" ", 1)[0]
        if name not in ALLOWED_IN_CONTAINER:
            raise Outside
        close = index + 1
        while close < stop:
            candidate = lines[close]
            if candidate.lstrip(" ").startswith(":::"):
                if candidate.rstrip(" ") == ":::":
                    break
                if not candidate.startswith(":::") or not candidate[3:].strip(" "):
                    raise Outside
            close += 1
        inner = self.parse(index + 1, close, boxed=True)
        allowed = ALLOWED_IN_CONTAINER[name]
        if any(not isinstance(block, allowed) for block in inner):
            raise Outside
        if name == "inhoudsopgave":
            if len(inner) > 1:
                raise Outside
            title = inner[0].runs if inner and isinstance(inner[0], Paragraph) else ()
            blocks.append(TocField(title))
        else:
            blocks.append(Container(name, inner))
        return close + 1


def _row_cells(line: str) -> list[str]:
    """markdown-it's ``escapedSplit`` of a trimmed table row, outer empty cells dropped."""
    cells = line.split("|") if "\\|" not in line else _escaped_split(line)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _escaped_split(line: str) -> list[str]:
    """Split on ``|`` except after a backslash (which is dropped), as markdown-it does."""
    cells: list[str] = []
    current = ""
    last = 0
    escaped = False
    for position, character in enumerate(line):
        if character == "|":
            if not escaped:
                cells.append(current + line[last:position])
                current = ""
                last = position + 1
            else:
                current += line[last : position - 1]
                last = position
        escaped = character == "\\"
    cells.append(current + line[last:])
    return cells
