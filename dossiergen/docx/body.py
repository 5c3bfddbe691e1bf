"""Turn markup blocks into the WordprocessingML body.

The body is written as text, not through an element tree: creating an lxml element costs
~1.5 µs and a ten-page document has thousands, while an f-string costs ~0.1 µs -- the difference
between missing and meeting the 10 ms-per-document target, and a 500-row table in ~5 ms. Safety
does not suffer: every piece of document text goes through :func:`xml_text` (escape + reject what
XML cannot hold), every attribute value through :func:`xml_attr`, the markup is fixed, and the tests
re-parse the result with lxml. Each row is written once, in order, so nothing is quadratic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from dossiergen.blocks import (
    Block,
    Cell,
    Container,
    Heading,
    Inline,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TocField,
)
from dossiergen.docx.fragments import (
    KEEP_ROW_LINES,
    NO_BORDERS,
    PAGE_BREAK,
    SPACER,
    TINY_PARAGRAPH,
    WORD_TWIPS,
    cell_start,
    column_widths,
    estimated_lines,
    has_address,
    is_lead_in,
    line_capacities,
    lines_text,
    row_start,
    runs_xml,
    table_texts,
    tallest_cell,
    with_space_before,
    without_hyphenation,
    xml_attr,
)
from dossiergen.docx.headings import HeadingIndex
from dossiergen.docx.housestyle import HouseStyle
from dossiergen.docx.letter import write_address, write_signatures


class BodyBuilder:
    """Builds one document body; create a new builder per document."""

    def __init__(self, house: HouseStyle) -> None:
        self.house = house
        self.out: list[str] = []
        self.nums: list[str] = []  # w:num elements for the numbering part
        self.next_num_id = house.numbering.first_num_id
        self.title_page = False
        self._page_break = False  # a page break waiting for the next top-level paragraph
        self.cell_depth = 0
        self.last = ""  # kind of the last top-level element: "p" or "tbl"
        self._headings = HeadingIndex(())
        s = house.style_id
        self.ids = {
            key: xml_attr(s(name))
            for key, name in (
                ("normal", "Normal"),
                ("title", "Title"),
                ("subtitle", "Subtitle"),
                ("h1", "Heading 1"),
                ("h2", "Heading 2"),
                ("h3", "Heading 3"),
                ("bullet", "List Bullet"),
                ("bullet2", "List Bullet 2"),
                ("number", "List Number"),
                ("number2", "List Number 2"),
                ("toc", "TOC Heading"),
                ("cell", "Tabeltekst"),
                ("small", "Kleine tekst"),
            )
        }
        self.ids["table"] = xml_attr(s("Tabel dossiergen", "table"))
        self.ids["box"] = xml_attr(s("Kader", "table"))
        plain = house.optional_style_id("Normal Table", "table")
        self.plain_table = xml_attr(plain) if plain else None
        self._heading_ids = {self.ids[key] for key in ("h1", "h2", "h3", "title", "subtitle")}
        self.toc_levels = [
            xml_attr(house.optional_style_id(f"toc {n}", "paragraph") or s("Normal"))
            for n in (1, 2, 3)
        ]

    def build(self, blocks: Sequence[Block]) -> str:
        """The body's children (without ``w:body`` and the final ``w:sectPr``)."""
        # Number and bookmark every heading first: the contents precede the headings they list.
        self._headings = HeadingIndex(blocks)
        for index, block in enumerate(blocks):
            if index == 0 and isinstance(block, Container) and block.name == "titelpagina":
                self.title_page = True  # first page without header: w:titlePg
            self.block(block, "normal")
        if self.last != "p":
            # Word ends a document with a paragraph, not a table; keep it tiny so it never
            # spills onto a blank last page after a table that fills the page.
            self.out.append(TINY_PARAGRAPH)
        return "".join(self.out)

    # -- blocks ------------------------------------------------------------------------------

    def block(self, block: Block, para_style: str) -> None:
        if isinstance(block, Paragraph):
            style = (
                xml_attr(self.house.style_id(block.style)) if block.style else self.ids[para_style]
            )
            self.paragraph(style, block.runs)
            if not self.cell_depth and is_lead_in(block.runs):
                self.keep_with_next()  # "**Werkhervatting tot nu toe**", "Functiegebouw:"
        elif isinstance(block, Heading):
            style = self.ids[f"h{block.level}"]
            runs = self._headings.runs(block)
            self.paragraph(style, runs, around=self._headings.bookmark(block))
        elif isinstance(block, ListBlock):
            self.list_block(block, 0)
        elif isinstance(block, Table):
            self.table(block, self.ids["table"], "cell", plain=False)
        elif isinstance(block, PageBreak):
            self._page_break = True  # consecutive breaks make one, never an empty page
        elif isinstance(block, TocField):
            self.toc(block)
        else:
            self.container(block)

    def paragraph(
        self,
        style_id: str,
        runs: Sequence[Inline],
        *,
        num: tuple[int, int] | None = None,
        extra_ppr: str = "",
        around: tuple[str, str] = ("", ""),
    ) -> None:
        # w:pPr children in CT_PPr order: pStyle, pageBreakBefore, numPr, pBdr, spacing, ind, jc
        ppr = f'<w:pStyle w:val="{style_id}"/>'
        if self._page_break and not self.cell_depth:
            ppr += "<w:pageBreakBefore/>"  # instead of a break paragraph: no empty first line
            self._page_break = False
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if self.last == "tbl" and not self.cell_depth and style_id not in self._heading_ids:
            extra_ppr = with_space_before(extra_ppr)  # text must not touch the table above
        extra_ppr = without_hyphenation(runs, extra_ppr)
        self.out.append(
            f"<w:p><w:pPr>{ppr}{extra_ppr}</w:pPr>{around[0]}{runs_xml(runs)}{around[1]}</w:p>"
        )
        if not self.cell_depth:
            self.last = "p"

    def paragraph_xml(
        self, style_id: str, runs: Sequence[Inline], extra_ppr: str = "", *, keep_next: bool = False
    ) -> str:
        """A paragraph inside a table cell, as text (``keep_next``: it moves with what follows)."""
        keep = "<w:keepNext/>" if keep_next else ""  # CT_PPr: keepNext follows pStyle
        extra_ppr = without_hyphenation(runs, extra_ppr)
        return (
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{extra_ppr}</w:pPr>'
            f"{runs_xml(runs)}</w:p>"
        )

    def list_block(self, block: ListBlock, level: int) -> None:
        numbering = self.house.numbering
        num_id = self.next_num_id
        self.next_num_id += 1
        abstract = numbering.number_abstract if block.ordered else numbering.bullet_abstract
        # A fresh w:num per list, restarting at the list's first number: "1." again each time.
        start = f'<w:startOverride w:val="{block.start}"/>'
        override = (
            f'<w:lvlOverride w:ilvl="{level}">{start}</w:lvlOverride>' if block.ordered else ""
        )
        self.nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
        )
        kind = "number" if block.ordered else "bullet"
        style = self.ids[kind if level == 0 else kind + "2"]
        for item in block.items:
            if not item or not isinstance(item[0], Paragraph):
                self.paragraph(style, (), num=(num_id, level))
            for index, inner in enumerate(item):
                if isinstance(inner, ListBlock):
                    self.list_block(inner, level + 1)
                elif isinstance(inner, Paragraph) and index == 0:
                    self.paragraph(style, inner.runs, num=(num_id, level))
                elif isinstance(inner, Paragraph):  # further paragraphs of the item: indented
                    indent = f'<w:ind w:left="{self.house.list_indent[min(level, 1)]}"/>'
                    self.paragraph(self.ids["normal"], inner.runs, extra_ppr=indent)

    def toc(self, block: TocField) -> None:
        """The table of contents as ready entries: per heading a ``toc N`` paragraph linking to
        the heading's bookmark, its page number a PAGEREF field.

        Not a TOC field, because LibreOffice never regenerates one -- it shows the field's
        cached result verbatim -- whereas it does compute PAGEREF fields. The fields' cached
        results are empty here: no viewer asks to update fields (no ``w:updateFields``, nothing
        dirty), and the page numbers, measured in LibreOffice's layout, are written into them
        afterwards when LibreOffice is installed (see :func:`with_page_numbers`). Without
        headings there are no contents.
        """
        if not self._headings.headings:
            return
        self.paragraph(self.ids["toc"], block.title or (Run("Inhoud"),))
        self.out.append(self._headings.contents_entries(self.toc_levels))
        self._page_break = True  # the contents get a page of their own

    def container(self, block: Container) -> None:
        handlers: dict[str, Callable[[Container], None]] = {
            "titelpagina": self.title_page_block,
            "colofon": self.small_print,
            "klein": self.small_print,
            "kader": self.boxed_note,
            "handtekening": partial(write_signatures, self),
            "adres": partial(write_address, self),
        }
        handler = handlers.get(block.name)
        if handler is not None:
            handler(block)

    def title_page_block(self, block: Container) -> None:
        """Title and subtitles, tables without borders; the body starts on a new page."""
        for inner in block.blocks:
            if isinstance(inner, Heading):
                self.paragraph(self.ids["title" if inner.level == 1 else "subtitle"], inner.runs)
            elif isinstance(inner, Table):
                self.table(inner, self.plain_table, "normal", plain=True)
            else:
                self.block(inner, "normal")
        self._page_break = True

    def small_print(self, block: Container) -> None:
        """A colofon or a note in small print; tables without borders. The colofon closes a
        document: it stays on the page of what stands before it, so it never fills a last page
        of its own."""
        if block.name == "colofon":
            self.keep_last_with_next()
        for inner in block.blocks:
            if isinstance(inner, Table):
                self.table(inner, self.plain_table, "small", plain=True)
            else:
                self.block(inner, "small")

    def boxed_note(self, block: Container) -> None:
        """A boxed note: a one-cell table in the house style's box style."""
        width = self.house.text_width
        self.table_start(self.ids["box"], [width], header=False, plain=False)
        self.cell_depth += 1
        text = "\n".join(_plain_lines(inner) for inner in block.blocks)
        keep = estimated_lines([text], [width]) <= KEEP_ROW_LINES
        self.out.append(row_start(False, keep=keep) + cell_start(width))
        for inner in block.blocks:
            self.block(inner, "normal")
        if not block.blocks:
            self.out.append("<w:p/>")  # a w:tc must hold a paragraph
        self.out.append("</w:tc></w:tr></w:tbl>")
        self.cell_depth -= 1

    # -- tables ------------------------------------------------------------------------------

    def table_start(
        self, style_id: str | None, widths: Sequence[int], *, header: bool, plain: bool
    ) -> None:
        if self._page_break and not self.cell_depth:
            self._page_break = False  # a table cannot carry pageBreakBefore: break paragraph
            self.out.append(PAGE_BREAK)
        elif self.last == "tbl" and not self.cell_depth:
            # Word and LibreOffice merge adjacent tables into one: keep them apart.
            self.out.append(SPACER)
        # w:tblPr children in CT_TblPr order: tblStyle, tblW, tblBorders, tblLayout, tblLook
        style = f'<w:tblStyle w:val="{style_id}"/>' if style_id else ""
        borders = NO_BORDERS if plain else ""  # borderless, whatever the table style says
        look = 0x0420 if header else 0x0400  # firstRow | noVBand
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        self.out.append(
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="{look:04X}" '
            f'w:firstRow="{int(header)}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        )
        self.last = "tbl"

    def table(self, block: Table, style_id: str | None, cell_style: str, *, plain: bool) -> None:
        columns = block.column_count
        if columns == 0:
            return
        texts = table_texts(block)  # once per cell, for the widths and the row heights
        body_from = 1 if block.header else 0
        widths = column_widths(texts, body_from, self.house.text_width, WORD_TWIPS[cell_style])
        capacities = line_capacities(widths)
        self.table_start(style_id, widths, header=bool(block.header), plain=plain)
        style = self.ids[cell_style]
        align = (*block.align, *(None,) * columns)
        cell_jc = [
            f'<w:jc w:val="{align[i]}"/>' if align[i] in ("center", "right") else ""
            for i in range(columns)
        ]
        cell_ppr = [f'<w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>' for jc in cell_jc]
        cell_open = [cell_start(width) for width in widths]
        header_font = self.house.header_font(style_id) if style_id else None
        out = self.out
        rows: list[tuple[tuple[Cell, ...], bool]] = [(block.header, True)] if block.header else []
        rows += [(row, False) for row in block.rows]
        for (row, is_header), row_texts in zip(rows, texts, strict=True):
            keep = tallest_cell(row_texts, capacities) <= KEEP_ROW_LINES
            out.append(row_start(is_header, keep=keep))
            font = header_font if is_header else None
            for index in range(columns):
                runs = row[index] if index < len(row) else ()
                ppr = cell_ppr[index]
                if has_address(row_texts[index]):  # rare: then the exact test, run by run
                    extra = without_hyphenation(runs, cell_jc[index])
                    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>'
                out.append(f"{cell_open[index]}<w:p>{ppr}{runs_xml(runs, font)}</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")

    def keep_last_with_next(self) -> None:
        """``w:keepNext`` on the last top-level block: the paragraph just written, or every
        paragraph of the last row of the table just written."""
        if self.last != "tbl":
            self.keep_with_next()
            return
        out = self.out
        start = len(out) - 1
        while not out[start].startswith("<w:tr"):  # from the end: the table was just written
            start -= 1
        for index in range(start, len(out)):
            out[index] = _KEEP_NEXT.sub(r"\1<w:keepNext/>", out[index])

    def keep_with_next(self) -> None:
        """Give the paragraph just written ``w:keepNext`` (it then moves with the next block)."""
        if self.last != "p" or not self.out or not self.out[-1].startswith("<w:p><w:pPr>"):
            return
        last = self.out[-1]
        end = last.index("/>", last.index("<w:pStyle")) + 2  # CT_PPr: keepNext follows pStyle
        self.out[-1] = last[:end] + "<w:keepNext/>" + last[end:]


#: A paragraph's style without a following keepNext (CT_PPr: keepNext follows pStyle).
_KEEP_NEXT = re.compile(r'(<w:p><w:pPr><w:pStyle w:val="[^"]*"/>)(?!<w:keepNext/>)')


def _plain_lines(block: Block) -> str:
    """The text of a paragraph or list, one line per paragraph (for estimating heights)."""
    if isinstance(block, Paragraph):
        return lines_text(block.runs)
    if isinstance(block, ListBlock):
        return "\n".join(_plain_lines(inner) for item in block.items for inner in item)
    return ""
