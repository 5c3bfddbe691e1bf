"""The house-style reference document, parsed once and reused for every document.

:meth:`HouseStyle.load` reads templates/huisstijl.docx (or a consultancy's own Word document),
checks that it has every style the writer needs -- by *name*, because a Dutch Word stores
"heading 1" under the style id "Kop1" -- and pre-serialises everything that does not change
between documents, so that rendering only has to build the body.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from dossiergen.docx import fields
from dossiergen.docx.ooxml import (
    CT_CORE,
    CT_DOCUMENT,
    CT_NUMBERING,
    CT_TEMPLATE,
    LIST_INDENT,
    OVERRIDE_TAG,
    REL_APP,
    REL_CORE,
    REL_FOOTER,
    REL_HEADER,
    REL_NUMBERING,
    REL_OFFICE_DOCUMENT,
    REL_SETTINGS,
    REL_STYLES,
    SETTINGS_AFTER_AUTO_HYPHENATION,
    VAL,
    W_NS,
    W,
    abstract_num_xml,
    add_override,
    add_relationship,
    first_index,
    relationships,
    rels_part,
    twips,
    val,
)
from dossiergen.errors import HouseStyleError

#: Paragraph styles the house document must have (Word's English built-in names + our own).
REQUIRED_PARAGRAPH_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "List Number 2",
    "TOC Heading",
    "Tabeltekst",
    "Kleine tekst",
)
#: Table styles the house document must have.
REQUIRED_TABLE_STYLES = ("Tabel dossiergen", "Kader")

_BODY_MARK = "dossiergen-body"
_NUM_MARK = "dossiergen-num"
# The house document comes from outside the code: no entity expansion, no network access.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
_XML_DECL: dict[str, Any] = {"xml_declaration": True, "encoding": "UTF-8", "standalone": True}


@dataclass(frozen=True)
class _Numbering:
    part: str  # zip name of the numbering part
    head: bytes  # serialised part up to where new w:num elements go
    tail: bytes
    bullet_abstract: int
    number_abstract: int
    first_num_id: int


class HouseStyle:
    """A parsed house-style document; load once per process with :meth:`load`.

    Nothing changes it after loading, so one instance can serve many documents and threads.
    """

    def __init__(self) -> None:
        # Filled by load(); a bare HouseStyle() is not usable.
        self.path = Path()
        self.parts: dict[str, bytes] = {}  # original entries, in archive order
        self.document_part = ""
        self.body_head = b""
        self.body_tail = b""  # final sectPr without titlePg + closing tags
        self.body_tail_title_page = b""  # the same, with w:titlePg
        self.text_width = 9070
        self.top_margin = 1440  # twips from the top of the page to the body
        self.list_indent: tuple[int, int] = LIST_INDENT
        self.numbering: _Numbering
        self.settings_part = ""
        self.settings_plain = b""
        # headers, footers and app.xml cut at their TITLE and Company fields (see docx.fields)
        self.field_parts: dict[str, fields.Segments] = {}
        self.company_shown = ""  # the bureau's name as the house document itself shows it
        self.core_part = "docProps/core.xml"
        self.extra_parts: dict[str, bytes] = {}  # changed or added package parts
        self._styles: dict[tuple[str, str], str] = {}  # (type, lower-case name) -> style id
        # table style id -> (bold, colour) of its header row (tblStylePr firstRow)
        self._header_fonts: dict[str, tuple[bool, str | None]] = {}

    @classmethod
    def load(cls, path: Path) -> HouseStyle:
        """Read and check a house-style .docx; raises :class:`HouseStyleError`."""
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as e:
            raise HouseStyleError(f"huisstijldocument {path} bestaat niet") from e
        except OSError as e:
            raise HouseStyleError(f"huisstijldocument {path} is niet leesbaar: {e.strerror}") from e
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                parts = {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as e:
            raise HouseStyleError(f"huisstijldocument {path} is geen Word-document (.docx)") from e
        style = cls()
        style.path = Path(path)
        style.parts = parts
        try:
            style._analyse()
        except etree.XMLSyntaxError as e:
            raise HouseStyleError(f"huisstijldocument {path} is beschadigd: {e}") from e
        return style

    def style_id(self, name: str, kind: str = "paragraph") -> str:
        """The style id of the style called ``name`` (case-insensitive, as Word matches)."""
        try:
            return self._styles[(kind, name.lower())]
        except KeyError:
            raise HouseStyleError(
                f"huisstijldocument {self.path} mist de {_KIND_NL[kind]} '{name}'"
            ) from None

    def header_font(self, table_style_id: str) -> tuple[bool, str | None] | None:
        """Bold and colour of a table style's header row, when the style sets them."""
        return self._header_fonts.get(table_style_id)

    def optional_style_id(self, name: str, kind: str) -> str | None:
        """Like :meth:`style_id`, but ``None`` when the style is absent."""
        return self._styles.get((kind, name.lower()))

    # -- analysis, once per load -------------------------------------------------------------

    def _fail(self, message: str) -> HouseStyleError:
        return HouseStyleError(f"huisstijldocument {self.path}: {message}")

    def _xml(self, part: str) -> Any:
        if part not in self.parts:
            raise self._fail(f"onderdeel {part} ontbreekt")
        return etree.fromstring(self.parts[part], _PARSER)

    def _analyse(self) -> None:
        if "[Content_Types].xml" not in self.parts or "_rels/.rels" not in self.parts:
            raise self._fail(
                "geen Word-document (.docx): [Content_Types].xml of _rels/.rels ontbreekt"
            )
        content_types = self._xml("[Content_Types].xml")
        root_rels = relationships(self._xml("_rels/.rels"), "")
        if REL_OFFICE_DOCUMENT not in root_rels:
            raise self._fail("geen Word-document (.docx): hoofddocument ontbreekt")
        self.document_part = root_rels[REL_OFFICE_DOCUMENT][0]
        self._check_main_content_type(content_types)
        doc_rels_part = rels_part(self.document_part)
        doc_rels_xml = self._xml(doc_rels_part) if doc_rels_part in self.parts else None
        doc_rels = (
            relationships(doc_rels_xml, self.document_part) if doc_rels_xml is not None else {}
        )
        if REL_STYLES not in doc_rels:
            raise self._fail("bevat geen stijlen (styles.xml)")
        styles = self._xml(doc_rels[REL_STYLES][0])
        self._read_styles(styles)
        self._read_document()
        self._read_numbering(styles, doc_rels, doc_rels_xml, content_types)
        self._read_settings(doc_rels)
        for part in doc_rels.get(REL_HEADER, []) + doc_rels.get(REL_FOOTER, []):
            self._read_fields(part)
        if REL_APP in root_rels and root_rels[REL_APP][0] in self.parts:
            app_part = root_rels[REL_APP][0]
            app = self._xml(app_part)
            fields.mark_company(app)
            segments = fields.cut(etree.tostring(app, **_XML_DECL))
            if segments:
                self.field_parts[app_part] = segments
        if REL_CORE in root_rels:
            self.core_part = root_rels[REL_CORE][0]
        else:  # the writer always writes core properties; register the new part
            rels = self._xml("_rels/.rels")
            add_relationship(rels, REL_CORE, self.core_part)
            self.extra_parts["_rels/.rels"] = etree.tostring(rels, **_XML_DECL)
            add_override(content_types, self.core_part, CT_CORE)
        self.extra_parts["[Content_Types].xml"] = etree.tostring(content_types, **_XML_DECL)

    def _with_w_prefix(self, root: Any) -> Any:
        """The root, declaring ``w:`` for WordprocessingML: the writer splices in text that
        uses that prefix. Word always writes it so; other tools may not."""
        bound = root.nsmap.get("w")
        if bound == W_NS:
            return root
        if bound is not None:
            raise self._fail(f"prefix 'w' is gebonden aan {bound} in plaats van WordprocessingML")
        fresh = etree.Element(root.tag, dict(root.attrib), nsmap={**root.nsmap, "w": W_NS})
        fresh.text = root.text
        fresh.extend(list(root))
        return fresh

    def _check_main_content_type(self, content_types: Any) -> None:
        for override in content_types.iter(OVERRIDE_TAG):
            if override.get("PartName", "").lstrip("/") == self.document_part:
                kind = override.get("ContentType")
                if kind == CT_TEMPLATE:  # a .dotx: its output must be a plain document
                    override.set("ContentType", CT_DOCUMENT)
                elif kind != CT_DOCUMENT:
                    raise self._fail(
                        f"hoofddocument heeft inhoudstype {kind}; verwacht .docx/.dotx"
                    )

    def _read_styles(self, styles: Any) -> None:
        for element in styles.iter(W + "style"):
            name = element.find(W + "name")
            style_id = element.get(W + "styleId")
            if name is not None and style_id:
                kind = element.get(W + "type", "paragraph")
                self._styles.setdefault((kind, str(name.get(VAL, "")).lower()), style_id)
                rpr = element.find(f'{W}tblStylePr[@{W}type="firstRow"]/{W}rPr')
                if kind == "table" and rpr is not None:
                    self._header_fonts[style_id] = _font(rpr)
        missing = [
            n for n in REQUIRED_PARAGRAPH_STYLES if ("paragraph", n.lower()) not in self._styles
        ]
        missing += [
            f"{n} (tabelstijl)"
            for n in REQUIRED_TABLE_STYLES
            if ("table", n.lower()) not in self._styles
        ]
        if missing:
            raise self._fail("stijlen ontbreken: " + ", ".join(missing))

    def _read_document(self) -> None:
        root = self._with_w_prefix(self._xml(self.document_part))
        body = root.find(W + "body")
        if body is None:
            raise self._fail("hoofddocument heeft geen w:body")
        sect = body[-1] if len(body) and body[-1].tag == W + "sectPr" else None
        if sect is None:
            sect = etree.fromstring(f'<w:sectPr xmlns:w="{W_NS}"/>')
        for child in list(body):
            body.remove(child)
        size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
        if size is not None and margins is not None:
            width = twips(size.get(W + "w"), 11906)
            for side in ("left", "right", "gutter"):
                width -= twips(margins.get(W + side), 0)
            self.text_width = max(width, 1440)
            self.top_margin = twips(margins.get(W + "top"), 1440)
        for title_pg in sect.findall(W + "titlePg"):
            sect.remove(title_pg)
        body.append(etree.Comment(_BODY_MARK))
        body.append(sect)
        head, tail = etree.tostring(root, **_XML_DECL).split(f"<!--{_BODY_MARK}-->".encode())
        # w:titlePg follows pgSz/pgMar/.../cols in CT_SectPr; insert it before its successors.
        successors = {
            W + n
            for n in (
                "textDirection",
                "bidi",
                "rtlGutter",
                "docGrid",
                "printerSettings",
                "sectPrChange",
            )
        }
        position = next((i for i, c in enumerate(sect) if c.tag in successors), len(sect))
        sect.insert(position, etree.Element(W + "titlePg"))
        _, tail_title_page = etree.tostring(root, **_XML_DECL).split(
            f"<!--{_BODY_MARK}-->".encode()
        )
        self.body_head, self.body_tail, self.body_tail_title_page = head, tail, tail_title_page

    def _read_numbering(
        self, styles: Any, doc_rels: dict[str, list[str]], doc_rels_xml: Any, content_types: Any
    ) -> None:
        if REL_NUMBERING in doc_rels:
            part = doc_rels[REL_NUMBERING][0]
            root = self._with_w_prefix(self._xml(part))
        else:  # no lists in the house document: create the part and register it
            part = posixpath.join(posixpath.dirname(self.document_part), "numbering.xml")
            root = etree.Element(W + "numbering", nsmap={"w": W_NS})
            add_relationship(doc_rels_xml, REL_NUMBERING, "numbering.xml")
            self.extra_parts[rels_part(self.document_part)] = etree.tostring(
                doc_rels_xml, **_XML_DECL
            )
            add_override(content_types, part, CT_NUMBERING)
        abstracts = {int(a.get(W + "abstractNumId", "0")) for a in root.iter(W + "abstractNum")}
        nums = {
            int(n.get(W + "numId", "0")): int(val(n.find(W + "abstractNumId"), "-1"))
            for n in root.iter(W + "num")
        }
        found = {}
        for name in ("List Bullet", "List Number"):
            style_el = styles.find(f'{W}style[@{W}styleId="{self.style_id(name)}"]')
            num_id = val(
                style_el.find(f"{W}pPr/{W}numPr/{W}numId") if style_el is not None else None, ""
            )
            abstract = nums.get(int(num_id)) if num_id.isdigit() else None
            if abstract in abstracts:
                found[name] = abstract
        next_abstract = max(abstracts, default=0) + 1
        for name, ordered in (("List Bullet", False), ("List Number", True)):
            if name not in found:  # the house style has no list definition: create ours
                fragment = abstract_num_xml(next_abstract, ordered=ordered)
                new = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{fragment}</w:x>')[0]
                existing = list(root.iter(W + "abstractNum"))
                anchor = existing[-1] if existing else None
                if anchor is not None:
                    anchor.addnext(new)
                else:
                    root.insert(first_index(root, {W + "num", W + "numIdMacAtCleanup"}), new)
                found[name] = next_abstract
                next_abstract += 1
        # New w:num elements go after the last w:num (before w:numIdMacAtCleanup, if any).
        root.insert(first_index(root, {W + "numIdMacAtCleanup"}), etree.Comment(_NUM_MARK))
        head, tail = etree.tostring(root, **_XML_DECL).split(f"<!--{_NUM_MARK}-->".encode())
        self.list_indent = (
            _indent(root, found["List Bullet"], 0, LIST_INDENT[0]),
            _indent(root, found["List Bullet"], 1, LIST_INDENT[1]),
        )
        self.numbering = _Numbering(
            part,
            head,
            tail,
            found["List Bullet"],
            found["List Number"],
            max(nums, default=0) + 1,
        )

    def _read_settings(self, doc_rels: dict[str, list[str]]) -> None:
        if REL_SETTINGS not in doc_rels:
            raise self._fail("bevat geen instellingen (settings.xml)")
        self.settings_part = doc_rels[REL_SETTINGS][0]
        root = self._xml(self.settings_part)
        for old in root.findall(W + "updateFields"):
            root.remove(old)  # no document asks to update its fields when opened
        # Automatic hyphenation (Dutch, from the styles' language): long Dutch compounds in
        # narrow columns break at a syllable instead of anywhere.
        for old in root.findall(W + "autoHyphenation"):
            root.remove(old)
        hyphenation = etree.Element(W + "autoHyphenation")
        hyphenation.set(VAL, "true")
        root.insert(first_index(root, SETTINGS_AFTER_AUTO_HYPHENATION), hyphenation)
        self.settings_plain = etree.tostring(root, **_XML_DECL)

    def _read_fields(self, part: str) -> None:
        root = self._xml(part)
        shown = fields.mark_fields(root)
        if fields.COMPANY in shown and not self.company_shown:
            self.company_shown = shown[fields.COMPANY]
        segments = fields.cut(etree.tostring(root, **_XML_DECL))
        if segments:
            self.field_parts[part] = segments


_KIND_NL = {"paragraph": "alineastijl", "table": "tabelstijl", "character": "tekenstijl"}


def _font(rpr: Any) -> tuple[bool, str | None]:
    """Bold and colour of a run-properties element."""
    bold = rpr.find(W + "b")
    color = rpr.find(W + "color")
    on = bold is not None and val(bold, "1") not in ("0", "false")
    return on, (str(color.get(VAL)) if color is not None else None)


def _indent(numbering: Any, abstract: int, level: int, default: int) -> int:
    ind = numbering.find(
        f'{W}abstractNum[@{W}abstractNumId="{abstract}"]/{W}lvl[@{W}ilvl="{level}"]/{W}pPr/{W}ind'
    )
    if ind is None:
        return default
    return twips(ind.get(W + "left", ind.get(W + "start")), default)
