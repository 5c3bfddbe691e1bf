"""OOXML fragments the body builder assembles: escaped text, runs, rows, cells, fields, and the
column widths of a table. Plain strings, built fast; only ``docx_*`` modules use them."""

from __future__ import annotations

from collections.abc import Sequence

from dossiergen.blocks import XML_INVALID_CHARS, Cell, Inline, Run, Table
from dossiergen.errors import MarkupError

CHAR_TWIPS = 105  # average width of a 9.5 pt Calibri character, for column widths
#: The width of the widest characters of a word in bold body text (10.5 pt Calibri): a label
#: column gets at least its longest word in these, so no label breaks in the middle of a word.
WORD_TWIPS = {"cell": 125, "small": 110, "normal": 140}


CELL_PADDING = 200  # left + right cell margin of the house table style, roughly


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


SIGNATURE_LINE = (
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>'
    '<w:spacing w:before="840" w:after="240"/><w:ind w:right="567"/>'
)


def xml_text(text: str) -> str:
    """Escape document text; characters XML cannot hold never reach the document."""
    bad = XML_INVALID_CHARS.search(text)
    if bad is not None:
        raise MarkupError(f"tekst bevat teken U+{ord(bad.group()):04X}, dat niet in Word kan staan")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(value: str) -> str:
    return xml_text(value).replace('"', "&quot;")


def mm(millimetres: float) -> int:
    """Millimetres in twips."""
    return round(millimetres * 1440 / 25.4)


#: Where a letter's address block goes, from the top and left of an A4 page. The zone every
#: left-window envelope shows (DIN 680 window 90 x 45 mm, 20 mm from the left, in DL, C6/5 and
#: C5 envelopes, with the letter folded per DIN 5008 and shifted as far as the envelope lets
#: it): address lines 60-88 mm from the top and 25-90 mm from the left; the return address
#: in small print just above, ending at 60 mm; and nothing else down to 105 mm, where the
#: window of any of those envelopes ends -- so date, references and BSN are never in view.
ADDRESS_TOP = mm(60)
ADDRESS_ZONE_END = mm(105)
ADDRESS_WIDTH = mm(65)
#: Exact line heights in the address block: six address lines fit between 61 and 88 mm.
ADDRESS_LINE = 250
RETURN_ADDRESS_LINE = 200


TINY_PARAGRAPH = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)


SPACER = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:p>'
)


#: Table borders switched off, whatever the table style says.
NO_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def address_table_start(style_id: str | None) -> str:
    """The start of a letter's address table: one column of ``ADDRESS_WIDTH``, on the left
    margin, without borders and cell margins (the text starts where the window does)."""
    style = f'<w:tblStyle w:val="{style_id}"/>' if style_id else ""
    no_margins = "".join(
        f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right")
    )
    return (
        f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{ADDRESS_WIDTH}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/>{NO_BORDERS}'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar>{no_margins}</w:tblCellMar>'
        '<w:tblLook w:val="0400" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{ADDRESS_WIDTH}"/></w:tblGrid>'
    )


def address_row_start(height: int, align: str) -> str:
    """A row of exact ``height`` (twips) in the address table, its text aligned ``align``."""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/>'
        f'</w:trPr><w:tc><w:tcPr><w:tcW w:w="{ADDRESS_WIDTH}" w:type="dxa"/>'
        f'<w:vAlign w:val="{align}"/></w:tcPr>'
    )


def _before_spacing(extra_ppr: str, element: str) -> str:
    """``extra_ppr`` with ``element`` where CT_PPr wants it: before w:spacing, w:ind and w:jc."""
    cut = min(
        (i for i in (extra_ppr.find(t) for t in ("<w:spacing", "<w:ind", "<w:jc")) if i >= 0),
        default=len(extra_ppr),
    )
    return extra_ppr[:cut] + element + extra_ppr[cut:]


def with_space_before(extra_ppr: str) -> str:
    """``extra_ppr`` with some space above the paragraph (CT_PPr order: before w:ind/w:jc)."""
    if "<w:spacing" in extra_ppr:
        return extra_ppr
    return _before_spacing(extra_ppr, '<w:spacing w:before="160"/>')


def without_hyphenation(runs: Sequence[Inline], extra_ppr: str) -> str:
    """``extra_ppr``, with automatic hyphenation switched off when the paragraph holds an
    e-mail or web address."""
    for run in runs:
        if isinstance(run, Run) and has_address(run.text):
            return _before_spacing(extra_ppr, "<w:suppressAutoHyphens/>")
    return extra_ppr


def has_address(text: str) -> bool:
    """Text that automatic hyphenation must leave whole: an e-mail or web address with a
    hyphen added reads as another address."""
    return "@" in text or "://" in text or "www." in text


def runs_xml(runs: Sequence[Inline], header: tuple[bool, str | None] | None = None) -> str:
    """The runs as ``w:r`` elements. ``header`` (bold, colour) formats a table's header row
    directly: LibreOffice does not apply a table style's header-row font, so its text would
    stay dark on the dark header fill."""
    if header is None and len(runs) == 1:  # most cells and paragraphs: one plain run
        only = runs[0]
        if type(only) is Run and not (only.bold or only.italic or "\t" in only.text):
            return f"<w:r>{_text_element(only.text)}</w:r>"
    parts = []
    for item in runs:
        if not isinstance(item, Run):
            parts.append("<w:r><w:br/></w:r>")
            continue
        bold = item.bold or (header is not None and header[0])
        color = header[1] if header is not None else None
        rpr = ""
        if bold or item.italic or color:
            # CT_RPr order: b, i, ..., color
            rpr = (
                "<w:rPr>"
                + ("<w:b/>" if bold else "")
                + ("<w:i/>" if item.italic else "")
                + (f'<w:color w:val="{xml_attr(color)}"/>' if color else "")
                + "</w:rPr>"
            )
        text = item.text
        if "\t" in text:
            pieces = "<w:tab/>".join(_text_element(piece) for piece in text.split("\t"))
        else:
            pieces = _text_element(text)
        parts.append(f"<w:r>{rpr}{pieces}</w:r>")
    return "".join(parts)


def _text_element(piece: str) -> str:
    """A ``w:t`` holding ``piece`` (nothing for an empty piece)."""
    if not piece:
        return ""
    text = xml_text(piece)
    # Word drops leading/trailing and doubled spaces unless told to keep them.
    if piece[0].isspace() or piece[-1].isspace() or "  " in piece:
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


#: A table row estimated at more lines than this may split over two pages. LibreOffice cuts
#: off what does not fit of a row that may not split and is taller than a page, and a row that
#: long would leave half a page empty when moved whole; shorter rows stay together.
KEEP_ROW_LINES = 12


def estimated_lines(texts: Sequence[str], widths: Sequence[int]) -> int:
    """How many lines the tallest of a row's cells needs: per cell its text (paragraphs and
    line breaks as newlines) wrapped at the cell's width (twips)."""
    return tallest_cell(texts, line_capacities(widths))


def line_capacities(widths: Sequence[int]) -> list[int]:
    """Characters per line of cells ``widths`` twips wide (for :func:`tallest_cell`)."""
    return [max(1, (width - CELL_PADDING) // CHAR_TWIPS) for width in widths]


def tallest_cell(texts: Sequence[str], capacities: Sequence[int]) -> int:
    """:func:`estimated_lines` with the widths' line capacities computed once per table."""
    tallest = 0
    for text, per_line in zip(texts, capacities, strict=False):
        if "\n" in text:
            lines = sum(-(-max(len(part), 1) // per_line) for part in text.split("\n"))
        else:
            lines = -(-max(len(text), 1) // per_line)
        if lines > tallest:
            tallest = lines
    return tallest


def row_start(header: bool, *, keep: bool = True) -> str:
    """A table row; ``keep``: it never breaks over pages (cantSplit). A header row repeats on
    each page (tblHeader) and always stays whole."""
    if header:
        return "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    return "<w:tr><w:trPr><w:cantSplit/></w:trPr>" if keep else "<w:tr>"


def cell_start(width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'


def bookmark_name(number: int) -> str:
    return f"_Toc{number:08d}"  # Word's prefix for TOC targets; deterministic, no random ids


def field_start(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{xml_text(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


HANDWRITING_CHARS = 40


def is_lead_in(runs: Sequence[Inline]) -> bool:
    """A paragraph that introduces what follows: all bold (a run-in heading), or ending in a
    colon or a question mark (a question above its answer space). It is kept on the page of
    what it introduces."""
    texts = [r for r in runs if isinstance(r, Run) and r.text.strip()]
    if not texts:
        return False
    return all(r.bold for r in texts) or texts[-1].text.rstrip().endswith((":", "?"))


def lines_text(cell: Cell) -> str:
    """A cell's text with its line breaks as newlines."""
    if len(cell) == 1 and type(cell[0]) is Run:  # most cells: one run
        return cell[0].text
    return "".join(item.text if isinstance(item, Run) else "\n" for item in cell)


def table_texts(block: Table) -> list[list[str]]:
    """The text of every cell (:func:`lines_text`), header row first when there is one, each
    row padded with empty cells to the table's column count."""
    columns = block.column_count
    rows = (block.header, *block.rows) if block.header else block.rows
    texts = []
    for row in rows:
        cells = [lines_text(cell) for cell in row]
        if len(cells) < columns:
            cells += [""] * (columns - len(cells))
        texts.append(cells)
    return texts


def column_widths(
    texts: Sequence[Sequence[str]], body_from: int, total: int, word_twips: int = WORD_TWIPS["cell"]
) -> list[int]:
    """Column widths in twips summing to ``total`` for a table of cell ``texts`` (from
    :func:`table_texts`; the rows from ``body_from`` on are the body): every column gets room
    for its longest word (``word_twips`` per character, within an equal share), the rest is
    divided by how much text each column holds."""
    columns = len(texts[0]) if texts else 0
    longest_text = [0] * columns
    longest_word = [0] * columns
    for row in texts:
        for index, text in enumerate(row):
            size = len(text)
            if size > longest_text[index]:
                longest_text[index] = size
            if size > longest_word[index]:  # a shorter text holds no longer word
                word = max(map(len, text.split()), default=0)
                if word > longest_word[index]:
                    longest_word[index] = word
    if len(texts) > body_from:
        # A column left empty in every row is there to be filled in by hand: give it room,
        # as much as a column of ordinary text, instead of the width of its header.
        for index in range(columns):
            if all(not row[index].strip() for row in texts[body_from:]):
                longest_text[index] = max(longest_text[index], HANDWRITING_CHARS)
    share = total // columns
    base = [min(w * word_twips + CELL_PADDING, share) for w in longest_word]
    want = [
        max(0, min(t, 80) * CHAR_TWIPS + CELL_PADDING - b)
        for t, b in zip(longest_text, base, strict=True)
    ]
    rest = total - sum(base)
    wanted = sum(want)
    widths = [
        b + (rest * w // wanted if wanted else rest // columns)
        for b, w in zip(base, want, strict=True)
    ]
    widths[-1] += total - sum(widths)  # rounding: the sum must be exact
    return widths
