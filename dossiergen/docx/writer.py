"""Write markup blocks as a Word document on the house-style reference document.

Usage::

    house = HouseStyle.load(Path("templates/huisstijl.docx"))     # once per process
    data = render_docx(parse_markup(text), house, properties)      # deterministic bytes
    write_atomic(Path("build/jansen/rapport.docx"), data)

The output package is the house document's package with its body replaced; headers, footers,
logo, styles, numbering definitions and section layout stay as the house made them. Only the
parts that differ per document are rebuilt: the body, the numbering part (one new ``w:num`` per
list, so numbered lists restart), headers/footers holding a ``TITLE`` or ``DOCPROPERTY Company``
field (the document's title, the bureau's name; see ``fields``), and the core and extended
properties. The archive is assembled here with fixed entry order and timestamps: the same input
gives the same bytes on every run. :func:`with_page_numbers` fills in the page numbers of the
contents once a layout has measured them; nothing asks a viewer to update fields.

The docx_* modules are the only ones that touch WordprocessingML. They build it with lxml directly
rather than through python-docx's object layer, which is quadratic for tables and ~10x slower.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from lxml import etree

from dossiergen.blocks import Block
from dossiergen.docx import fields
from dossiergen.docx.body import BodyBuilder
from dossiergen.docx.fragments import xml_text
from dossiergen.docx.headings import with_cached_pages
from dossiergen.docx.housestyle import (
    REQUIRED_PARAGRAPH_STYLES,
    REQUIRED_TABLE_STYLES,
    HouseStyle,
)
from dossiergen.docx.package import DOCUMENT_LEVEL, PartCache, cache_for, compress, zip_archive
from dossiergen.errors import MarkupError
from dossiergen.files import write_atomic

__all__ = [
    "REQUIRED_PARAGRAPH_STYLES",
    "REQUIRED_TABLE_STYLES",
    "DocumentProperties",
    "HouseStyle",
    "PartCache",
    "fixed_parts",
    "render_docx",
    "with_page_numbers",
    "write_atomic",
]

_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


@dataclass(frozen=True)
class DocumentProperties:
    """Core properties of one document; ``created`` must be timezone-aware (it is stored in UTC)."""

    title: str
    author: str
    subject: str
    keywords: str
    created: datetime
    language: str = "nl-NL"
    #: The bureau's name for the house style's Company fields; empty: as the house style shows.
    company: str = ""

    def __post_init__(self) -> None:
        offset = self.created.utcoffset()
        if offset is None:
            raise ValueError("DocumentProperties.created must be timezone-aware")
        if offset != timedelta(0):
            object.__setattr__(self, "created", self.created.astimezone(UTC))


def fixed_parts(house_style: HouseStyle) -> PartCache:
    """The house style's parts that are the same in every document, compressed once: pass it
    to :func:`render_docx` for every document on this house style."""
    house = house_style
    per_document = {house.document_part, house.numbering.part, house.core_part}
    per_document |= set(house.field_parts)
    fixed: dict[str, bytes | tuple[bytes, ...]] = {
        name: data for name, data in house.parts.items() if name not in per_document
    }
    fixed.update((n, d) for n, d in house.extra_parts.items() if n not in per_document)
    fixed[house.settings_part] = house.settings_plain
    return cache_for(fixed)


def render_docx(
    blocks: Sequence[Block],
    house_style: HouseStyle,
    properties: DocumentProperties,
    fixed: PartCache | None = None,
) -> bytes:
    """Render ``blocks`` as a .docx on ``house_style``; the same input gives the same bytes.

    ``fixed`` is :func:`fixed_parts` of ``house_style``, made once; without it every part is
    compressed for this document alone (the same bytes, more work).

    Raises :class:`MarkupError` when text holds a character XML cannot store (the validator
    should have rejected it earlier) and :class:`HouseStyleError` for a ``Paragraph.style`` the
    house document lacks.
    """
    house = house_style
    builder = BodyBuilder(house)
    inner = builder.build(blocks).encode()
    try:
        core = _core_xml(properties)
    except ValueError as e:  # lxml refuses control characters and lone surrogates
        raise MarkupError(
            f"documenteigenschap bevat een teken dat niet in Word kan staan: {e}"
        ) from e
    values = {
        fields.TITLE: xml_text(properties.title).encode(),
        fields.COMPANY: xml_text(properties.company or house.company_shown).encode(),
    }
    filled = {
        part: fields.join_segments(segments, values) for part, segments in house.field_parts.items()
    }
    tail = house.body_tail_title_page if builder.title_page else house.body_tail
    numbering = house.numbering
    replaced: dict[str, bytes] = {
        **house.extra_parts,
        **filled,
        house.document_part: house.body_head + inner + tail,
        numbering.part: numbering.head + "".join(builder.nums).encode() + numbering.tail,
        house.settings_part: house.settings_plain,
        house.core_part: core,
    }
    names = ["[Content_Types].xml"]  # first, as Word writes it; some readers sniff it there
    names += [n for n in house.parts if n != "[Content_Types].xml"]
    names += sorted(n for n in replaced if n not in house.parts and n not in names)
    parts = fixed if fixed is not None else fixed_parts(house)
    return zip_archive(
        parts.part(name, replaced[name] if name in replaced else house.parts[name])
        for name in names
    )


def _archive(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of ``entries`` in their order, with fixed timestamps and attributes."""
    return zip_archive(compress(name, data, DOCUMENT_LEVEL) for name, data in entries)


def with_page_numbers(docx: bytes, pages: Mapping[str, int]) -> bytes:
    """A document made by :func:`render_docx` with the page numbers of its contents filled in
    (bookmark name -> page, as measured in a layout); the same input gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        entries = [(info.filename, package.read(info)) for info in package.infolist()]
    rels = dict(entries).get("_rels/.rels", b"").decode("utf-8")
    found = re.search(r'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', rels) or re.search(
        r'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"', rels
    )
    main = found.group(1) if found else "word/document.xml"
    return _archive(
        [
            (name, with_cached_pages(data.decode("utf-8"), pages).encode("utf-8"))
            if name == main
            else (name, data)
            for name, data in entries
        ]
    )


def _core_xml(properties: DocumentProperties) -> bytes:
    cp, dc, dcterms, xsi = (_CORE_NS[k] for k in ("cp", "dc", "dcterms", "xsi"))
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap=_CORE_NS)
    stamp = properties.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag, text in (
        (f"{{{dc}}}title", properties.title),
        (f"{{{dc}}}subject", properties.subject),
        (f"{{{dc}}}creator", properties.author),
        (f"{{{cp}}}keywords", properties.keywords),
        (f"{{{dc}}}language", properties.language),
        (f"{{{cp}}}lastModifiedBy", properties.author),
        (f"{{{cp}}}revision", "1"),
        (f"{{{dcterms}}}created", stamp),
        (f"{{{dcterms}}}modified", stamp),
    ):
        element = etree.SubElement(root, tag)
        element.text = text
        if tag.startswith(f"{{{dcterms}}}"):
            element.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
