"""The parts of a letter the body builder writes with care for paper: the address block where a
window envelope shows it, and the signatures, each line to sign on above the signatory's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossiergen.blocks import Container, Inline, LineBreak, Paragraph, Run
from dossiergen.docx.fragments import (
    ADDRESS_LINE,
    ADDRESS_TOP,
    ADDRESS_ZONE_END,
    RETURN_ADDRESS_LINE,
    SIGNATURE_LINE,
    address_row_start,
    address_table_start,
    cell_start,
    mm,
    row_start,
)

if TYPE_CHECKING:
    from dossiergen.docx.body import BodyBuilder


def write_address(builder: BodyBuilder, block: Container) -> None:
    """A letter's address block, where a window envelope shows it and nothing else.

    A borderless table of two rows of exact height, its left edge on the page margin: the
    first from the top of the body down to ``ADDRESS_TOP`` holds the return address (the first
    paragraph, when there is more than one) at its bottom, in small print; the second down to
    ``ADDRESS_ZONE_END`` holds the address lines. Whatever the letter says next starts below the
    window, whatever the lengths of the lines. Meant as the first block of a letter: the rows
    are measured from the house style's top margin.
    """
    paragraphs = [inner for inner in block.blocks if isinstance(inner, Paragraph)]
    sender = paragraphs[0] if len(paragraphs) > 1 else None
    lines = paragraphs[1:] if sender is not None else paragraphs
    top = builder.house.top_margin
    builder.out.append(address_table_start(builder.plain_table))
    builder.cell_depth += 1
    rows = (
        (max(ADDRESS_TOP - top, RETURN_ADDRESS_LINE), "bottom", [sender] if sender else []),
        (ADDRESS_ZONE_END - max(top, ADDRESS_TOP), "top", lines),
    )
    for height, align, content in rows:
        builder.out.append(address_row_start(height, align))
        small = align == "bottom"
        line = RETURN_ADDRESS_LINE if small else ADDRESS_LINE
        for index, paragraph in enumerate(content):
            before = mm(1) if index == 0 and not small else 0
            spacing = (
                f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="exact"/>'
            )
            style_id = builder.ids["small" if small else "normal"]
            builder.paragraph(style_id, paragraph.runs, extra_ppr=spacing)
        if not content:
            builder.out.append("<w:p/>")  # a w:tc must hold a paragraph
        builder.out.append("</w:tc></w:tr>")
    builder.out.append("</w:tbl>")
    builder.cell_depth -= 1
    builder.last = "tbl"


def _lines(runs: Sequence[Inline]) -> list[tuple[Inline, ...]]:
    """The runs of a paragraph cut at its line breaks."""
    lines: list[list[Inline]] = [[]]
    for run in runs:
        if isinstance(run, LineBreak):
            lines.append([])
        else:
            lines[-1].append(run)
    return [tuple(line) for line in lines]


def _joined(lines: Sequence[tuple[Inline, ...]]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            out.append(LineBreak())
        out.extend(line)
    return tuple(out)


def signatory_parts(paragraph: Paragraph) -> tuple[tuple[Inline, ...], tuple[Inline, ...]]:
    """A signatory's lead-in ("Met vriendelijke groet,", "Werkgever:": the leading lines that
    end in a comma or colon), to stand above the line to sign on, and the rest (name,
    function, organisation, date), to stand below it."""
    lines = _lines(paragraph.runs)
    count = 0
    for line in lines[:-1]:
        text = "".join(r.text for r in line if isinstance(r, Run)).rstrip()
        if not text.endswith((",", ":")):
            break
        count += 1
    return _joined(lines[:count]), _joined(lines[count:])


def _row(builder: BodyBuilder, widths: Sequence[int], cells: Sequence[str | None]) -> None:
    """One row of the signature table; each cell's paragraph (``None``: empty) is kept with the
    next row, so lead-in, line and name never part."""
    builder.out.append(row_start(False))
    for width, cell in zip(widths, cells, strict=True):
        builder.out.append(cell_start(width) + (cell if cell is not None else "<w:p/>") + "</w:tc>")
    builder.out.append("</w:tr>")


def write_signatures(builder: BodyBuilder, block: Container) -> None:
    """Two signatories per row group of a borderless table: their lead-ins, below them a line
    to sign on (with room above it), and below the line their names. The rows of one group
    stay together and with the paragraph before the table."""
    half = builder.house.text_width // 2
    widths = [half, builder.house.text_width - half]
    builder.keep_with_next()  # "Met vriendelijke groet," stays with the signatures
    builder.table_start(builder.plain_table, widths, header=False, plain=True)
    builder.cell_depth += 1
    normal = builder.ids["normal"]
    signers = [inner for inner in block.blocks if isinstance(inner, Paragraph)]
    for start in range(0, len(signers), 2):
        pair = [signatory_parts(p) for p in signers[start : start + 2]]
        if any(lead for lead, _ in pair):
            cells = [builder.paragraph_xml(normal, lead, keep_next=True) for lead, _ in pair]
            _row(builder, widths, [*cells, None][:2])
        lines = [builder.paragraph_xml(normal, (), SIGNATURE_LINE, keep_next=True) for _ in pair]
        _row(builder, widths, [*lines, None][:2])
        names = [builder.paragraph_xml(normal, rest) for _, rest in pair]
        _row(builder, widths, [*names, None][:2])
    builder.out.append("</w:tbl>")
    builder.cell_depth -= 1
