"""The typed blocks of a document: what the markup parser produces and every writer consumes.

A small document model (like docutils' nodes for sphinx' writers): headings, paragraphs with
formatted runs, lists, tables, page breaks, a table of contents and named containers. The Word
writer (``docx``) and the HTML preview read only these types, never the markup text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

Alignment = Literal["left", "center", "right"] | None


class Run(NamedTuple):
    """A piece of text with one formatting.

    A named tuple rather than a frozen dataclass like the other blocks: a document holds
    thousands of runs, and a frozen dataclass takes four times as long to make (it sets each
    field through ``object.__setattr__``).
    """

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class LineBreak:
    """A hard line break inside a paragraph."""


Inline = Run | LineBreak
Cell = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    """A heading of level 1-3 (inside ``titelpagina``: 1 = title, 2-3 = subtitle).

    A ``numbered`` heading gets its section number from the writer (see :func:`section_numbers`);
    its ``runs`` never hold the number.
    """

    level: int
    runs: tuple[Inline, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``style`` optionally names a house style (the parser never sets it)."""

    runs: tuple[Inline, ...]
    style: str | None = None


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list; every item is a sequence of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table; ``header`` is empty for a table without header row."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    align: tuple[Alignment, ...] = ()

    @property
    def column_count(self) -> int:
        """Number of columns (GFM tables have the same number of cells in every row)."""
        return max([len(self.header), *(len(r) for r in self.rows)], default=0)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class TocField:
    """A table of contents, filled in by Word/LibreOffice on open; ``title`` may be empty."""

    title: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Container:
    """A special block (``::: naam``); ``name`` is one of :data:`CONTAINER_NAMES`."""

    name: str
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | ListBlock | Table | PageBreak | Container | TocField

# Which block types each container may hold; the writer relies on this.
ALLOWED_IN_CONTAINER: dict[str, tuple[type, ...]] = {
    "titelpagina": (Heading, Paragraph, Table),
    "colofon": (Paragraph, ListBlock, Table),
    "handtekening": (Paragraph,),
    "kader": (Paragraph, ListBlock),
    "klein": (Paragraph, ListBlock),
    "inhoudsopgave": (Paragraph,),
    "adres": (Paragraph,),
}
CONTAINER_NAMES: frozenset[str] = frozenset(ALLOWED_IN_CONTAINER)

# XML 1.0 cannot hold these; the validator rejects them earlier, this is the last line of defence.
XML_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def section_numbers(headings: Sequence[Heading]) -> tuple[str | None, ...]:
    """The section number of each heading, in document order: ``1``, ``1.1``, ``1.1.1``.

    Only numbered headings count and get a number (the others get ``None``); a numbered heading
    restarts the numbering of the levels below it. The markup parser guarantees that a numbered
    heading below level 1 sits under a numbered heading one level up, so no number holds a 0.
    """
    counters = [0, 0, 0]
    numbers: list[str | None] = []
    for heading in headings:
        if not heading.numbered:
            numbers.append(None)
            continue
        level = heading.level
        counters[level - 1] += 1
        counters[level:] = [0] * (len(counters) - level)
        numbers.append(".".join(str(c) for c in counters[:level]))
    return tuple(numbers)
