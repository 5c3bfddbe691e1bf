"""Shared test helpers: dossiers as plain data, and the text and XML of a produced .docx."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from dossiergen.loading import load_dossier

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def plain(value: Any) -> Any:
    """Loaded dossier containers as plain dicts and lists (a deep copy tests may change)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def load(path: Path) -> dict[str, Any]:
    """A dossier file as plain data."""
    data = plain(load_dossier(path).data)
    assert isinstance(data, dict)
    return data


def _paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{W}tab" else " / ")
    return "".join(parts)


def docx_text(data: bytes) -> str:
    """The text in reading order: a line per paragraph, a line per table row (cells `` | ``,
    paragraphs within a cell `` / ``). This is the form of the golden files."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    lines: list[str] = []
    for element in body:
        if element.tag == f"{W}p":
            lines.append(_paragraph_text(element))
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                cells = [
                    " / ".join(_paragraph_text(p) for p in cell.iter(f"{W}p"))
                    for cell in row.iter(f"{W}tc")
                ]
                lines.append(" | ".join(cells))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def xml_parts(data: bytes) -> Iterator[tuple[str, str]]:
    """Every XML part of the package as ``(name, text)`` (for privacy canaries)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                yield name, package.read(name).decode("utf-8")
