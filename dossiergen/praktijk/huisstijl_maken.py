"""Make a house-style document (huisstijl.docx) with python-docx, from a practice's settings.

The result is an ordinary Word document the practice may go on editing in Word: A4, its font
and colours, every style the writer needs (``docx.housestyle.REQUIRED_*``), a header with the
logo and the bureau's name, and a footer with the document title, "pagina X van Y" and the
bureau's contact line. The bureau's name is a ``DOCPROPERTY Company`` field: every document
fills in the name from ``dossiergen.toml``, so a new name needs no new house style. The first
page (a report's title page) has the same header and only the contact line below.

Making a house style is one-off work, so python-docx's object layer serves here; the writer of
the documents themselves stays on lxml for speed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

TEXT_COLOUR = "262626"
GREY = "6E6E6E"
#: A4 with 2.5 cm side margins: the text width the writer divides among table columns.
PAGE_WIDTH, PAGE_HEIGHT, SIDE_MARGIN = Mm(210), Mm(297), Cm(2.5)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIXED_DATE = datetime(2024, 1, 1)


@dataclass(frozen=True)
class HouseStyleDesign:
    """What a house style is made of; colours are six hex digits without ``#``."""

    bureau_naam: str
    kleur: str = "1F5C63"
    kleur_licht: str = "E8F0F1"
    lettertype: str = "Calibri"
    koptekst: str = ""
    voettekst: str = ""
    logo: bytes | None = None  # PNG or JPEG


def make_house_style(design: HouseStyleDesign) -> bytes:
    """The house-style document as .docx bytes (the same design gives the same bytes)."""
    document = docx.Document()
    _drop_thumbnail(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin, section.bottom_margin = Cm(3), Cm(2.5)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1)
    section.different_first_page_header_footer = True
    text_width = PAGE_WIDTH - 2 * SIDE_MARGIN
    _Styles(document, design, text_width).apply()
    for header in (section.header, section.first_page_header):
        _header(header, design, text_width)
    _footer(section.footer, design, text_width, with_page_numbers=True)
    _footer(section.first_page_footer, design, text_width, with_page_numbers=False)
    _specimen(document, design)
    properties = document.core_properties
    properties.title = f"Huisstijl {design.bureau_naam}"
    properties.author = properties.last_modified_by = design.bureau_naam
    properties.created = properties.modified = _FIXED_DATE
    properties.revision = 1
    properties.language = "nl-NL"
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised(buffer.getvalue(), design.bureau_naam)


def _drop_thumbnail(document: Any) -> None:
    """python-docx's own template carries a preview picture of another document."""
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            rels.pop(rel_id)


class _Styles:
    """The styles of the house style, set through python-docx (plus the XML it has no API for)."""

    def __init__(self, document: Any, design: HouseStyleDesign, text_width: int) -> None:
        self.styles = document.styles
        self.design = design
        self.text_width = text_width
        self.accent = RGBColor.from_string(design.kleur)

    def apply(self) -> None:
        self._fonts()
        normal = self.styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.font.color.rgb = RGBColor.from_string(TEXT_COLOUR)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        self._paragraph("Title", 30, self.accent, bold=True, before=140, after=12)
        subtitle = self._paragraph("Subtitle", 15, RGBColor.from_string(GREY), after=24)
        self._border(subtitle, "bottom", 12, self.design.kleur)
        for level, size, before, after in ((1, 16, 20, 6), (2, 13, 14, 4), (3, 11, 10, 3)):
            heading = self._paragraph(
                f"Heading {level}", size, self.accent, bold=True, before=before, after=after
            )
            heading.paragraph_format.keep_with_next = True
            if level == 1:
                self._border(heading, "bottom", 6, self.design.kleur)
        for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
            self.styles[name].paragraph_format.space_after = Pt(3)
        for level in (1, 2, 3):
            toc = self._custom(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
            toc.paragraph_format.space_after = Pt(2)
            toc.font.bold = level == 1
            toc.paragraph_format.tab_stops.add_tab_stop(
                self.text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
        cell = self._custom("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
        cell.font.size = Pt(9.5)
        cell.paragraph_format.space_after = Pt(0)
        cell.paragraph_format.line_spacing = 1.05
        small = self._custom("Kleine tekst", WD_STYLE_TYPE.PARAGRAPH)
        small.font.size = Pt(8)
        small.font.color.rgb = RGBColor.from_string(GREY)
        small.paragraph_format.space_after = Pt(3)
        for name in ("Header", "Footer"):
            style = self.styles[name]
            style.font.size = Pt(8.5)
            style.font.color.rgb = RGBColor.from_string(GREY)
            style.paragraph_format.tab_stops.clear_all()
            style.paragraph_format.tab_stops.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
        self._table_styles()

    def _fonts(self) -> None:
        """One font everywhere: the template's theme fonts would win over a plain name."""
        font = self.design.lettertype
        root = self.styles.element
        for fonts in root.iter(qn("w:rFonts")):
            for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(qn(f"w:{attribute}"), None)
            for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(qn(f"w:{attribute}"), font)
        for language in root.iter(qn("w:lang")):
            language.set(qn("w:val"), "nl-NL")

    def _paragraph(
        self,
        name: str,
        size: float,
        colour: RGBColor,
        *,
        bold: bool = False,
        before: float = 0,
        after: float = 6,
    ) -> Any:
        style = self.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = bold
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        p_pr = style.element.get_or_add_pPr()
        for border in p_pr.findall(qn("w:pBdr")):  # the template's own rules go
            p_pr.remove(border)
        r_pr = style.element.get_or_add_rPr()
        for spacing in r_pr.findall(qn("w:spacing")):  # and its letter-spacing
            r_pr.remove(spacing)
        return style

    def _custom(self, name: str, kind: Any) -> Any:
        names = {style.name for style in self.styles}
        style = self.styles[name] if name in names else self.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = self.styles["Normal"]
        return style

    @staticmethod
    def _border(style: Any, side: str, size: int, colour: str) -> None:
        border = parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" w:space="4" '
            f'w:color="{colour}"/></w:pBdr>'
        )
        p_pr = style.element.get_or_add_pPr()
        p_pr.insert_element_before(border, *_AFTER_PBDR)

    def _table_styles(self) -> None:
        accent, light = self.design.kleur, self.design.kleur_licht
        table = self._custom("Tabel dossiergen", WD_STYLE_TYPE.TABLE)
        table.base_style = self.styles["Normal Table"]
        _append(
            table,
            '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
            f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{accent}"/>'
            f'<w:left w:val="nil"/><w:bottom w:val="single" w:sz="8" w:space="0" '
            f'w:color="{accent}"/><w:right w:val="nil"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="C5D3D5"/>'
            '<w:insideV w:val="nil"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>",
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/>'
            "</w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{accent}"/></w:tcPr>'
            "</w:tblStylePr>",
            '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{light}"/></w:tcPr>'
            "</w:tblStylePr>",
        )
        box = self._custom("Kader", WD_STYLE_TYPE.TABLE)
        box.base_style = self.styles["Normal Table"]
        _append(
            box,
            '<w:tblPr><w:tblBorders><w:top w:val="nil"/>'
            f'<w:left w:val="single" w:sz="24" w:space="0" w:color="{accent}"/>'
            '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="198" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="198" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>",
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{light}"/></w:tcPr>',
        )


#: What follows ``w:pBdr`` inside ``w:pPr`` (CT_PPrBase), so a border lands in its place.
_AFTER_PBDR = tuple(
    f"w:{name}"
    for name in (
        "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
        "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
        "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip


def _append(style: Any, *fragments: str) -> None:
    """Table properties python-docx has no API for, in CT_Style's order (they come last)."""
    for fragment in fragments:
        style.element.append(parse_xml(f"<w:x {nsdecls('w')}>{fragment}</w:x>")[0])


def _field(paragraph: Any, instruction: str, shown: str, run_properties: str = "") -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r>'
            f'<w:rPr>{run_properties}</w:rPr><w:t xml:space="preserve">{_xml(shown)}</w:t>'
            "</w:r></w:fldSimple>"
        )
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph_border(paragraph: Any, side: str, colour: str) -> None:
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="4" w:space="6" '
        f'w:color="{colour}"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def _header(header: Any, design: HouseStyleDesign, text_width: int) -> None:
    """Logo, the bureau's name (a Company field) and the header text, on one ruled line."""
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    _paragraph_border(paragraph, "bottom", design.kleur)
    if design.logo:
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(design.logo), height=Cm(0.85))
        run.font.position = Pt(-3)  # the logo's foot on the text's baseline, roughly
        paragraph.add_run("  ")
    _field(
        paragraph,
        "DOCPROPERTY Company \\* MERGEFORMAT",
        design.bureau_naam,
        f'<w:b/><w:color w:val="{design.kleur}"/><w:sz w:val="26"/>',
    )
    if design.koptekst:
        paragraph.add_run("\t" + design.koptekst)


def _footer(
    footer: Any, design: HouseStyleDesign, text_width: int, *, with_page_numbers: bool
) -> None:
    """Title and "pagina X van Y" (not on the first page), then the bureau's contact line."""
    footer.is_linked_to_previous = False
    first = footer.paragraphs[0]
    first.style = "Footer"
    if with_page_numbers:
        _paragraph_border(first, "top", "BFBFBF")
        _field(first, "TITLE", "Titel van het document")
        first.add_run("\tpagina ")
        _field(first, "PAGE", "1")
        first.add_run(" van ")
        _field(first, "NUMPAGES", "1")
        contact = footer.add_paragraph(style="Footer")
    else:
        contact = first
    _field(contact, "DOCPROPERTY Company \\* MERGEFORMAT", design.bureau_naam)
    if design.voettekst:
        contact.add_run(" · " + design.voettekst)


def _specimen(document: Any, design: HouseStyleDesign) -> None:
    """A page showing every style; the writer replaces the body, Word users see the styles."""
    document.add_paragraph(f"Huisstijl {design.bureau_naam}", style="Title")
    document.add_paragraph("Voorbeeld van alle stijlen die de documenten gebruiken", "Subtitle")
    document.add_page_break()
    for text, style in (
        ("Kop 1", "Heading 1"),
        ("Platte tekst in de stijl Standaard (Normal).", "Normal"),
        ("Kop 2", "Heading 2"),
        ("Lijstopsommingsteken (List Bullet)", "List Bullet"),
        ("Lijstopsommingsteken 2 (List Bullet 2)", "List Bullet 2"),
        ("Lijstnummering (List Number)", "List Number"),
        ("Lijstnummering 2 (List Number 2)", "List Number 2"),
        ("Kop 3", "Heading 3"),
        ("Tekst in een tabel (Tabeltekst).", "Tabeltekst"),
        ("Kleine tekst, voor het colofon en de kleine lettertjes.", "Kleine tekst"),
    ):
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=3, cols=2, style="Tabel dossiergen")
    for row, (left, right) in enumerate((("Kop", "Tabel dossiergen"), ("a", "b"), ("c", "d"))):
        table.cell(row, 0).text, table.cell(row, 1).text = left, right
    box = document.add_table(rows=1, cols=1, style="Kader")
    box.cell(0, 0).text = "Een kader voor een opmerking (Kader)."


def _normalised(data: bytes, company: str) -> bytes:
    """Fixed zip timestamps and the bureau in the extended properties: the same design gives
    the same bytes, and Word's own Company field shows the bureau."""
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="'
        'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Company>{_xml(company)}</Company></Properties>"
    ).encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    names.sort(key=lambda n: n != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            content = app if name == "docProps/app.xml" else source.read(name)
            target.writestr(info, content, compresslevel=9)
    return out.getvalue()
