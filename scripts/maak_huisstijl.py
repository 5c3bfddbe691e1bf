"""Generate templates/huisstijl.docx, dossiergen's default house style (deterministic bytes).

Run ``python scripts/maak_huisstijl.py [uitvoer.docx]``. The output is a normal Word document:
A4, Calibri (LibreOffice substitutes the metric-compatible Carlito), dark-teal accent, a header
with a logo and wordmark, a footer with the document title and "pagina X van Y", and a first page
(the title page) without header or footer. Its body is a specimen of every style; the writer
throws the body away and keeps styles, numbering, settings, headers, footers and section layout.

Replacing the house style
-------------------------
A consultancy may replace templates/huisstijl.docx with its own Word document (.docx or .dotx),
provided it has these styles (Word's English built-in names; Dutch Word shows them as e.g.
"Kop 1", "Lijstopsommingsteken", "Kop van inhoudsopgave" -- the names inside the file are English):

* paragraph: Normal, Title, Subtitle, Heading 1, Heading 2, Heading 3, List Bullet, List Bullet 2,
  List Number, List Number 2, TOC Heading, and the custom styles "Tabeltekst" (table cells) and
  "Kleine tekst" (small print, colofon);
* table: "Tabel dossiergen" (tables; header-row formatting under "Koprij" / firstRow) and "Kader"
  (boxed notes, a single-cell table).

Optional: toc 1-3 (entries of the table of contents), Normal Table (borderless tables). A
``TITLE`` field (Insert > Quick Parts > Field > Title) in a header or footer shows the document
title; PAGE and NUMPAGES give "pagina X van Y". Missing styles are reported all at once.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossiergen.docx.ooxml import (  # after the sys.path line above
    CT_APP,
    CT_CORE,
    CT_DOCUMENT,
    CT_FONT_TABLE,
    CT_FOOTER,
    CT_HEADER,
    CT_NUMBERING,
    CT_RELS,
    CT_SETTINGS,
    CT_STYLES,
    abstract_num_xml,
)

ACCENT = "1F5C63"  # dark teal
ACCENT_LIGHT = "E8F0F1"
TEXT = "262626"
GREY = "6E6E6E"
FONT = "Calibri"
# A4 with 2.5 cm side margins; the text width 9070 twips is what the writer divides among columns.
PAGE_W, PAGE_H, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 11906, 16838, 1418, 1701, 1418
TEXT_W = PAGE_W - 2 * MARGIN_SIDE

NS_DECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
DRAWING_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def make_logo_png(size: int = 96) -> bytes:
    """A teal rounded square holding a white sheet with a folded corner, anti-aliased by 4x4
    supersampling; written with zlib/struct so no imaging library is needed."""
    red, green, blue = (int(ACCENT[i : i + 2], 16) for i in (0, 2, 4))
    sub = 4
    radius = size * 0.2
    sheet = (size * 0.28, size * 0.2, size * 0.72, size * 0.8)  # x0, y0, x1, y1
    fold = size * 0.16

    def colour_at(x: float, y: float) -> tuple[int, int, int, int]:
        # rounded square
        cx = min(max(x, radius), size - radius)
        cy = min(max(y, radius), size - radius)
        if (x - cx) ** 2 + (y - cy) ** 2 > radius**2:
            return (255, 255, 255, 0)
        x0, y0, x1, y1 = sheet
        if x0 <= x <= x1 and y0 <= y <= y1 and (x1 - x) + (y - y0) >= fold:
            lines = [y0 + (y1 - y0) * f for f in (0.42, 0.58, 0.74)]
            on_line = any(abs(y - ly) < size * 0.025 for ly in lines)
            if on_line and x0 + size * 0.07 <= x <= x1 - size * 0.07:
                return (red, green, blue, 255)
            return (255, 255, 255, 255)
        return (red, green, blue, 255)

    raw = bytearray()
    for py in range(size):
        raw.append(0)  # filter type none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(sub):
                for sx in range(sub):
                    r, g, b, a = colour_at(px + (sx + 0.5) / sub, py + (sy + 0.5) / sub)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3]
            if alpha:
                raw += bytes((acc[0] // alpha, acc[1] // alpha, acc[2] // alpha, alpha // sub**2))
            else:
                raw += b"\xff\xff\xff\x00"

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def style(
    kind: str,
    style_id: str,
    name: str,
    body: str,
    *,
    based_on: str = "",
    next_style: str = "",
    extra: str = "",
    meta: str = "<w:qFormat/>",
) -> str:
    """A w:style; the children follow CT_Style's order (name, basedOn, next, meta, properties)."""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{extra}><w:name w:val="{name}"/>'
        f"{based}{nxt}{meta}{body}</w:style>"
    )


def rpr(size: int | None = None, *, color: str | None = None, bold: bool = False) -> str:
    parts = "<w:b/><w:bCs/>" if bold else ""
    parts += f'<w:color w:val="{color}"/>' if color else ""
    parts += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    return f"<w:rPr>{parts}</w:rPr>"


def styles_xml() -> str:
    hdr_border = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="{ACCENT}"/></w:pBdr>'
    )
    toc_tab = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>'
    s = [
        style("paragraph", "Standaard", "Normal", "", extra=' w:default="1"'),
        style(
            "paragraph",
            "Titel",
            "Title",
            '<w:pPr><w:spacing w:before="2800" w:after="240" '
            'w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>'
            + rpr(60, color=ACCENT, bold=True),
            based_on="Standaard",
            next_style="Standaard",
        ),
        style(
            "paragraph",
            "Ondertitel",
            "Subtitle",
            # an accent rule under the subtitle separates it from the title page's details
            f'<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="12" w:color="{ACCENT}"/>'
            '</w:pBdr><w:spacing w:after="480"/></w:pPr>' + rpr(30, color=GREY),
            based_on="Standaard",
            next_style="Standaard",
        ),
    ]
    headings = (
        (1, 32, ACCENT, 400, 120, hdr_border),
        (2, 26, ACCENT, 280, 80, ""),
        (3, 22, "3A3A3A", 200, 60, ""),
    )
    for level, size, color, before, after, border in headings:
        s.append(
            style(
                "paragraph",
                f"Kop{level}",
                f"heading {level}",
                "<w:pPr><w:keepNext/><w:keepLines/>"
                f'{border}<w:spacing w:before="{before}" w:after="{after}" w:line="240" '
                f'w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
                + rpr(size, color=color, bold=True),
                based_on="Standaard",
                next_style="Standaard",
            )
        )
    for name, sid, num, lvl in (
        ("List Bullet", "Lijstopsomteken", 1, 0),
        ("List Bullet 2", "Lijstopsomteken2", 1, 1),
        ("List Number", "Lijstnummering", 2, 0),
        ("List Number 2", "Lijstnummering2", 2, 1),
    ):
        s.append(
            style(
                "paragraph",
                sid,
                name,
                f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
                '<w:spacing w:after="60"/></w:pPr>',
                based_on="Standaard",
            )
        )
    s += [
        style(
            "paragraph",
            "Kopvaninhoudsopgave",
            "TOC Heading",
            '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
            based_on="Kop1",
            next_style="Standaard",
        ),
        style(
            "paragraph",
            "Inhopg1",
            "toc 1",
            f'<w:pPr>{toc_tab}<w:spacing w:before="120" w:after="40"/></w:pPr>' + rpr(bold=True),
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Inhopg2",
            "toc 2",
            f'<w:pPr>{toc_tab}<w:spacing w:after="40"/><w:ind w:left="284"/></w:pPr>',
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Inhopg3",
            "toc 3",
            f'<w:pPr>{toc_tab}<w:spacing w:after="40"/><w:ind w:left="567"/></w:pPr>',
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Koptekst",
            "header",
            f'<w:pPr><w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' + rpr(17, color=GREY),
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Voettekst",
            "footer",
            f'<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="6" w:color="BFBFBF"/></w:pBdr>'
            f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' + rpr(17, color=GREY),
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Tabeltekst",
            "Tabeltekst",
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>'
            + rpr(19),
            based_on="Standaard",
        ),
        style(
            "paragraph",
            "Kleinetekst",
            "Kleine tekst",
            '<w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>'
            + rpr(16, color=GREY),
            based_on="Standaard",
        ),
        style(
            "table",
            "Standaardtabel",
            "Normal Table",
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>",
            extra=' w:default="1"',
            meta='<w:uiPriority w:val="99"/><w:semiHidden/>',
        ),
        style(
            "table",
            "Tabeldossiergen",
            "Tabel dossiergen",
            '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
            f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
            '<w:left w:val="nil"/>'
            f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{ACCENT}"/>'
            '<w:right w:val="nil"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="C5D3D5"/>'
            '<w:insideV w:val="nil"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
            "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr>'
            "</w:tblStylePr>"
            '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT_LIGHT}"/></w:tcPr>'
            "</w:tblStylePr>",
            based_on="Standaardtabel",
        ),
        style(
            "table",
            "Kader",
            "Kader",
            "<w:tblPr><w:tblBorders>"
            f'<w:top w:val="nil"/><w:left w:val="single" w:sz="24" w:space="0" w:color="{ACCENT}"/>'
            '<w:bottom w:val="nil"/><w:right w:val="nil"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="198" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="198" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ACCENT_LIGHT}"/></w:tcPr>',
            based_on="Standaardtabel",
        ),
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'<w:color w:val="{TEXT}"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
        '<w:lang w:val="nl-NL" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f"{DECL}<w:styles {NS_DECL}>{defaults}{''.join(s)}</w:styles>"


def numbering_xml() -> str:
    return (
        f"{DECL}<w:numbering {NS_DECL}>"
        + abstract_num_xml(1, ordered=False, color=ACCENT)
        + abstract_num_xml(2, ordered=True)
        + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
    )


def field(instr: str, shown: str) -> str:
    return f'<w:fldSimple w:instr=" {instr} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'


def header_xml() -> str:
    emu = 306000  # 0.85 cm
    logo = (
        f'<w:r><w:rPr><w:position w:val="-6"/></w:rPr><w:drawing><wp:inline distT="0" distB="0" '
        f'distL="0" distR="0"><wp:extent cx="{emu}" cy="{emu}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Logo" descr="Logo"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu}" cy="{emu}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    wordmark = (
        f'<w:r><w:rPr><w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="26"/></w:rPr>'
        '<w:t xml:space="preserve">  dossiergen</w:t></w:r>'
        "<w:r><w:tab/><w:t>Re-integratie en arbeidsdeskundig advies</w:t></w:r>"
    )
    border = f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="6" w:color="{ACCENT}"/></w:pBdr>'
    return (
        f'{DECL}<w:hdr {NS_DECL} {DRAWING_NS}><w:p><w:pPr><w:pStyle w:val="Koptekst"/>{border}'
        f"</w:pPr>{logo}{wordmark}</w:p></w:hdr>"
    )


def footer_xml() -> str:
    return (
        f'{DECL}<w:ftr {NS_DECL}><w:p><w:pPr><w:pStyle w:val="Voettekst"/></w:pPr>'
        + field("TITLE", "Titel van het document")
        + '<w:r><w:tab/><w:t xml:space="preserve">pagina </w:t></w:r>'
        + field("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
        + field("NUMPAGES", "1")
        + "</w:p></w:ftr>"
    )


def empty_part(tag: str) -> str:
    return f'{DECL}<w:{tag} {NS_DECL}><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p></w:{tag}>'


def para(style_id: str, text: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def document_xml() -> str:
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/>'
        '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_SIDE}" w:header="680" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    body = (
        para("Titel", "Huisstijl dossiergen")
        + para("Ondertitel", "Voorbeeld van alle stijlen die dossiergen gebruikt")
        + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        + para("Kop1", "Kop 1")
        + para("Standaard", "Platte tekst in de stijl Standaard (Normal).")
        + para("Kop2", "Kop 2")
        + para("Lijstopsomteken", "Lijstopsommingsteken (List Bullet)")
        + para("Lijstopsomteken2", "Lijstopsommingsteken 2 (List Bullet 2)")
        + para("Lijstnummering", "Lijstnummering (List Number)")
        + para("Lijstnummering2", "Lijstnummering 2 (List Number 2)")
        + para("Kop3", "Kop 3")
        + para("Kleinetekst", "Kleine tekst, voor het colofon en de kleine lettertjes.")
    )
    return f"{DECL}<w:document {NS_DECL}><w:body>{body}{sect}</w:body></w:document>"


def settings_xml() -> str:
    return (
        f'{DECL}<w:settings {NS_DECL}><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/><w:hyphenationZone w:val="425"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="nl-NL"/><w:decimalSymbol w:val=","/>'
        '<w:listSeparator w:val=";"/></w:settings>'
    )


def font_table_xml() -> str:
    return (
        f'{DECL}<w:fonts {NS_DECL}><w:font w:name="{FONT}">'
        '<w:panose1 w:val="020F0502020204030204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        "</w:fonts>"
    )


def rels(*entries: tuple[str, str, str]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, kind, target in entries
    )
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    return f'{DECL}<Relationships xmlns="{ns}">{body}</Relationships>'


def build() -> dict[str, bytes]:
    """The package parts, in the order they are written."""
    off = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    overrides = {
        "/word/document.xml": CT_DOCUMENT,
        "/word/styles.xml": CT_STYLES,
        "/word/numbering.xml": CT_NUMBERING,
        "/word/settings.xml": CT_SETTINGS,
        "/word/fontTable.xml": CT_FONT_TABLE,
        "/word/header1.xml": CT_HEADER,
        "/word/header2.xml": CT_HEADER,
        "/word/footer1.xml": CT_FOOTER,
        "/word/footer2.xml": CT_FOOTER,
        "/docProps/core.xml": CT_CORE,
        "/docProps/app.xml": CT_APP,
    }
    content_types = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{CT_RELS}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{ct}"/>' for p, ct in overrides.items())
        + "</Types>"
    )
    core = (
        f"{DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Huisstijl dossiergen</dc:title><dc:creator>dossiergen</dc:creator>"
        "<cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
        "<dc:language>nl-NL</dc:language></cp:coreProperties>"
    )
    app = (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>dossiergen</Application></Properties>'
    )
    parts = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": rels(
            ("rId1", off + "officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
            ),
            ("rId3", off + "extended-properties", "docProps/app.xml"),
        ),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": rels(
            ("rId1", off + "styles", "styles.xml"),
            ("rId2", off + "numbering", "numbering.xml"),
            ("rId3", off + "settings", "settings.xml"),
            ("rId4", off + "fontTable", "fontTable.xml"),
            ("rIdHeader", off + "header", "header1.xml"),
            ("rIdHeaderFirst", off + "header", "header2.xml"),
            ("rIdFooter", off + "footer", "footer1.xml"),
            ("rIdFooterFirst", off + "footer", "footer2.xml"),
        ),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/header1.xml": header_xml(),
        "word/_rels/header1.xml.rels": rels(("rIdLogo", off + "image", "media/logo.png")),
        "word/header2.xml": empty_part("hdr"),
        "word/footer1.xml": footer_xml(),
        "word/footer2.xml": empty_part("ftr"),
        "docProps/core.xml": core,
        "docProps/app.xml": app,
    }
    out = {name: text.encode("utf-8") for name, text in parts.items()}
    out["word/media/logo.png"] = make_logo_png()
    return out


def main(argv: list[str]) -> int:
    target = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).parent.parent / "templates" / "huisstijl.docx"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in build().items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
