"""Fields in a house style's headers and footers that every document fills in.

Two fields carry what differs per document or per practice: ``TITLE`` (the document's title)
and ``DOCPROPERTY Company`` (the bureau's name; in Word: Invoegen > Snelonderdelen > Veld >
DocProperty > Company). Word stores a field as ``w:fldSimple`` or as a run sequence
``fldChar begin … instrText … separate … result … end``; both are found. The field's shown
result is replaced by a marker, and the serialised part is cut at the markers once, so each
document only joins bytes. The package's ``docProps/app.xml`` gets the same treatment for its
``Company`` element, so that Word, when it updates the fields, shows the same name.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from dossiergen.docx.ooxml import W

#: Field keys, as :func:`join_segments` receives their values.
TITLE = "title"
COMPANY = "company"

# Private-use characters: they cannot occur in a real title or name.
_MARKS = {TITLE: "\ue000dossiergen-titel\ue000", COMPANY: "\ue000dossiergen-bureau\ue000"}
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in _MARKS.values()) + ")")
_KEY_OF_MARK = {mark: key for key, mark in _MARKS.items()}
_INSTRUCTIONS = {
    TITLE: re.compile(r"^\s*TITLE\b", re.IGNORECASE),
    COMPANY: re.compile(r'^\s*DOCPROPERTY\s+"?Company"?(\s|\\|$)', re.IGNORECASE),
}
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

#: A part cut at its fields: bytes, then a field key, then bytes, and so on.
Segments = tuple[bytes | str, ...]


def _field_key(instruction: str) -> str | None:
    for key, pattern in _INSTRUCTIONS.items():
        if pattern.match(instruction):
            return key
    return None


def _set_result(texts: list[Any], parent: Any, key: str) -> str:
    """Put ``key``'s marker in the first result text; return the text shown before."""
    if not texts:
        run = etree.SubElement(parent, W + "r")
        texts = [etree.SubElement(run, W + "t")]
    shown = "".join(t.text or "" for t in texts)
    texts[0].text = _MARKS[key]
    for extra in texts[1:]:
        extra.text = ""
    return shown


def mark_fields(root: Any) -> dict[str, str]:
    """Mark every TITLE and Company field in a header or footer; return each key's shown text."""
    shown: dict[str, str] = {}
    for field in root.iter(W + "fldSimple"):
        key = _field_key(field.get(W + "instr", ""))
        if key:
            shown.setdefault(key, _set_result(list(field.iter(W + "t")), field, key))
    for paragraph in root.iter(W + "p"):
        for key, texts, last_run in _complex_fields(paragraph):
            shown.setdefault(key, _set_result(texts, last_run, key))
    return shown


def _complex_fields(paragraph: Any) -> list[tuple[str, list[Any], Any]]:
    """``(key, result texts, a run to add a text to)`` of each complex field in a paragraph."""
    found = []
    state, instruction, anchor = "", "", None
    texts: list[Any] = []
    for run in paragraph.iter(W + "r"):
        char = run.find(W + "fldChar")
        kind = char.get(W + "fldCharType") if char is not None else None
        if kind == "begin":
            state, instruction, texts, anchor = "instr", "", [], run
        elif kind == "separate" and state == "instr":
            state = "result"
        elif kind == "end" and state:
            key = _field_key(instruction)
            if key:
                found.append((key, texts, texts[0].getparent() if texts else anchor))
            state = ""
        elif state == "instr":
            instruction += "".join(t.text or "" for t in run.iter(W + "instrText"))
        elif state == "result":
            texts += run.findall(W + "t")
    return found


def mark_company(app: Any) -> None:
    """Mark the ``Company`` element of ``docProps/app.xml`` (added when absent)."""
    company = app.find(f"{{{_APP_NS}}}Company")
    if company is None:
        company = etree.SubElement(app, f"{{{_APP_NS}}}Company")
    company.text = _MARKS[COMPANY]


def cut(serialised: bytes) -> Segments | None:
    """The serialised part cut at its markers; ``None`` when it has none."""
    pieces = _SPLIT.split(serialised.decode("utf-8"))
    if len(pieces) == 1:
        return None
    return tuple(
        _KEY_OF_MARK[piece] if index % 2 else piece.encode("utf-8")
        for index, piece in enumerate(pieces)
    )


def join_segments(segments: Segments, values: dict[str, bytes]) -> bytes:
    """The part with each field's value (already XML-escaped) in place of its marker."""
    return b"".join(values[s] if isinstance(s, str) else s for s in segments)
