"""The format reference (docs/dossierformaat.md) lists every key the schemas allow."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from conftest import ROOT

SCHEMAS = ROOT / "schemas" / "v1"
DOC = ROOT / "docs" / "dossierformaat.md"
SECTIONS = {
    "zaak": "zaak",
    "werknemer": "werknemer",
    "werkgever": "werkgever",
    "verzuim": "verzuim",
    "plan_van_aanpak": "plan_van_aanpak",
    "bedrijfsarts": "bedrijfsarts",
    "werkgever_informatie": "werkgever_informatie",
    "werknemer_informatie": "werknemer_informatie",
    "eigen_werk": "eigen_werk",
    "aangepast_eigen_werk": "aangepast_eigen_werk",
    "ander_passend_werk": "ander_passend_werk",
    "spoor_2": "spoor_2",
    "bijzondere_omstandigheden": "bijzondere_omstandigheden",
    "privacycontrole": "privacycontrole",
}


def _paths(schema: dict[str, Any], prefix: str = "") -> Iterator[str]:
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        yield from _paths(schema["items"], prefix + "[]")
        return
    for name, sub in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        yield path
        if "$ref" not in sub or "properties" in sub:
            yield from _paths(sub, path)


def _section(text: str, name: str) -> str:
    match = re.search(rf"^## {name}\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, f"sectie '## {name}' ontbreekt in {DOC}"
    return match.group(1)


def test_every_schema_key_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = []
    for heading, file in SECTIONS.items():
        schema = json.loads((SCHEMAS / f"{file}.schema.json").read_text(encoding="utf-8"))
        body = _section(text, heading)
        for path in _paths(schema):
            if f"| `{path}` |" not in body:
                missing.append(f"{heading}: {path}")
    assert not missing, "niet beschreven in docs/dossierformaat.md:\n" + "\n".join(missing)
