"""OOXML names, small XML fragments and package helpers shared by the docx_* modules and
scripts/maak_huisstijl.py. No I/O, no python-docx.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

W = f"{{{W_NS}}}"
VAL = W + "val"
XML_SPACE = f"{{{XML_NS}}}space"
REL_TAG = f"{{{PKG_REL_NS}}}Relationship"
OVERRIDE_TAG = f"{{{CT_NS}}}Override"

REL_OFFICE_DOCUMENT = R_NS + "/officeDocument"
REL_STYLES = R_NS + "/styles"
REL_NUMBERING = R_NS + "/numbering"
REL_SETTINGS = R_NS + "/settings"
REL_HEADER = R_NS + "/header"
REL_FOOTER = R_NS + "/footer"
REL_IMAGE = R_NS + "/image"
REL_FONT_TABLE = R_NS + "/fontTable"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = R_NS + "/extended-properties"

_WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT = _WML_CT + "document.main+xml"
CT_TEMPLATE = _WML_CT + "template.main+xml"
CT_STYLES = _WML_CT + "styles+xml"
CT_NUMBERING = _WML_CT + "numbering+xml"
CT_SETTINGS = _WML_CT + "settings+xml"
CT_HEADER = _WML_CT + "header+xml"
CT_FOOTER = _WML_CT + "footer+xml"
CT_FONT_TABLE = _WML_CT + "fontTable+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

# CT_Settings is a strict sequence; updateFields must precede these elements (ECMA-376 §17.15.1.78).
SETTINGS_AFTER_UPDATE_FIELDS = frozenset(
    W + name
    for name in (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
)
SETTINGS_AFTER_UPDATE_FIELDS |= {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"
}

# ... and autoHyphenation must precede these (ECMA-376 §17.15.1.10), besides the ones above.
SETTINGS_AFTER_AUTO_HYPHENATION = SETTINGS_AFTER_UPDATE_FIELDS | frozenset(
    W + name
    for name in (
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
    )
)

#: Indentation (twips) of list level 0 and 1 in the fallback numbering definitions.
LIST_INDENT = (357, 714)


def abstract_num_xml(abstract_id: int, *, ordered: bool, color: str | None = None) -> str:
    """A two-level list definition (``w:abstractNum``) with the ``w:`` prefix, no xmlns.

    Used by the writer when the house style lacks a list definition, and by the house-style
    generator, so both produce the same lists. ``color`` tints the bullet or number.
    """
    rpr = f'<w:rPr><w:color w:val="{escape(color)}"/></w:rPr>' if color else ""
    if ordered:
        levels = (("decimal", "%1."), ("lowerLetter", "%2."))
    else:
        levels = (("bullet", "\u2022"), ("bullet", "\u2013"))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{LIST_INDENT[i]}" w:hanging="357"/></w:pPr>{rpr}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def relationships(rels: Any, source: str) -> dict[str, list[str]]:
    """Relationship type -> package-absolute targets (internal relationships only)."""
    base = posixpath.dirname(source)
    out: dict[str, list[str]] = {}
    for rel in rels.iter(REL_TAG):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(base, target))
        )
        out.setdefault(rel.get("Type", ""), []).append(resolved)
    return out


def rels_part(part: str) -> str:
    """The relationships part of ``part`` (word/document.xml -> word/_rels/document.xml.rels)."""
    return posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")


def add_relationship(rels: Any, kind: str, target: str) -> None:
    """Add a relationship with a fresh, deterministic id."""
    used = {rel.get("Id") for rel in rels}
    number = 1
    while f"rIdDg{number}" in used:
        number += 1
    etree.SubElement(rels, REL_TAG, Id=f"rIdDg{number}", Type=kind, Target=target)


def add_override(content_types: Any, part: str, kind: str) -> None:
    """Declare the content type of a new part."""
    etree.SubElement(content_types, OVERRIDE_TAG, PartName="/" + part, ContentType=kind)


def first_index(parent: Any, tags: Iterable[str]) -> int:
    """Index of the first child with one of ``tags`` (or the end): where a sequence allows an
    element that must precede them."""
    wanted = set(tags)
    return next((i for i, child in enumerate(parent) if child.tag in wanted), len(parent))


def val(element: Any, default: str) -> str:
    """The ``w:val`` of ``element``, or ``default`` when there is no element."""
    return str(element.get(VAL, default)) if element is not None else default


def twips(value: Any, default: int) -> int:
    """A measurement attribute as an int (Word sometimes writes "1440.0")."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default
