"""Shared test helpers: dossiers as plain data, and the text and XML of a produced .docx."""

from __future__ import annotations

import copy
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from dossiergen.dossier.load import load_dossier

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


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(document: str, stem: str, text: str) -> None:
    """``text`` equals ``tests/golden/<document>/<stem>.txt``; ``DOSSIERGEN_UPDATE_GOLDEN=1``
    rewrites the file instead (then read the difference)."""
    golden = GOLDEN / document / f"{stem}.txt"
    if os.environ.get("DOSSIERGEN_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} ontbreekt: draai met DOSSIERGEN_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def with_medical_canary(data: dict[str, Any], canary: str) -> dict[str, Any]:
    """A copy with ``canary`` in every medical field: all of ``bedrijfsarts.medisch`` and a
    ``medische_toelichting`` on every record that may hold one."""
    data = copy.deepcopy(data)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "medische_toelichting":
                    node[key] = f"{canary} toelichting"
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    verzuim = data["verzuim"]
    for key in ("probleemanalyse", "actueel_oordeel"):
        if isinstance(verzuim.get(key), dict):
            verzuim[key]["medische_toelichting"] = f"{canary} {key}"
    for bijstelling in verzuim.get("bijstellingen", []):
        bijstelling["medische_toelichting"] = f"{canary} bijstelling"
    data.setdefault("bedrijfsarts", {})["medisch"] = {
        "diagnose": f"{canary} diagnose",
        "oorzaak": f"{canary} oorzaak",
        "behandeling": f"{canary} behandeling",
        "afspraken_behandelaars": [
            {"datum": "2026-01-05", "behandelaar": f"{canary} arts", "omschrijving": canary}
        ],
        "medicatie": f"{canary} medicatie",
        "voorgeschiedenis": f"{canary} voorgeschiedenis",
    }
    return data


def header_parts(docx_file: Path) -> list[str]:
    """The XML of every header part of a .docx file."""
    with zipfile.ZipFile(docx_file) as archive:
        return [
            archive.read(n).decode()
            for n in archive.namelist()
            if n.startswith("word/header") and n.endswith(".xml")
        ]
