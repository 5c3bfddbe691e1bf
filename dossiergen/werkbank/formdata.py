"""A submitted section form back into dossier values, along the schema.

Empty fields are left out (as a consultant leaves a key out of the YAML), dates become dates,
numbers numbers (a Dutch decimal comma too), ``ja``/``nee`` booleans. A value that does not
convert stays the text that was typed, so validation reports it at its place instead of the
form losing it. What the form does not show -- keys the schema does not know, a field that was
not submitted -- keeps its value from the file.

Rows keep the index they had when the page was made (new rows get higher ones), so each row
finds its old value, and a removed row simply does not come back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.dossier.schemas import SchemaSet
from dossiergen.werkbank.formulier import SchemaWalker

#: Stands for "no value": the key is left out.
ABSENT: Any = object()


def section_value(schemas: SchemaSet, name: str, form: Mapping[str, str], old: Any) -> Any:
    """The new value of section ``name`` from ``form`` (``ABSENT``: the section is empty)."""
    walker = SchemaWalker(schemas)
    found = walker.section(name)
    if found is None:
        raise KeyError(name)
    schema, resolver = found
    return _Reader(walker, form).value(schema, resolver, name, old)


class _Reader:
    def __init__(self, walker: SchemaWalker, form: Mapping[str, str]) -> None:
        self.walker = walker
        self.form = form
        self.names = list(form)

    def value(self, schema: Mapping[str, Any], resolver: Any, name: str, old: Any) -> Any:
        schema, resolver = self.walker.follow(schema, resolver)
        if "const" in schema:
            return old if old is not None else ABSENT
        kind = schema.get("type")
        if kind == "object":
            return self.mapping(schema, resolver, name, old)
        if kind == "array":
            return self.rows(schema, resolver, name, old)
        if name not in self.form:
            return old if old is not None else ABSENT
        text = self.form[name].replace("\r\n", "\n")
        if old is not None and as_text(old) == text:
            return old  # unchanged: exactly the value in the file, quoting and type included
        return convert(schema, text)

    def mapping(self, schema: Mapping[str, Any], resolver: Any, name: str, old: Any) -> Any:
        previous = old if isinstance(old, Mapping) else {}
        properties = schema.get("properties", {})
        result: dict[str, Any] = {}
        for key, child in properties.items():
            value = self.value(child, resolver, f"{name}.{key}", previous.get(key))
            if value is not ABSENT:
                result[key] = value
        for key, value in previous.items():  # keys the form cannot show stay as they were
            if key not in properties:
                result[key] = value
        return result if result else ABSENT

    def rows(self, schema: Mapping[str, Any], resolver: Any, name: str, old: Any) -> Any:
        previous = old if isinstance(old, list) else []
        pattern = re.compile(re.escape(name) + r"\.(\d+)(?:\.|$)")
        indexes = sorted({int(m.group(1)) for n in self.names if (m := pattern.match(n))})
        if not indexes and not self._shown(name):
            return old if old is not None else ABSENT
        items = schema.get("items", {})
        result = []
        for index in indexes:
            before = previous[index] if index < len(previous) else None
            value = self.value(items, resolver, f"{name}.{index}", before)
            if value is not ABSENT:
                result.append(value)
        return result if result else ABSENT

    def _shown(self, name: str) -> bool:
        """True when the form had this list (it sends a marker even with no rows left)."""
        return f"{name}.__lijst__" in self.form


def as_text(value: Any) -> str:
    """A value as its form field shows it."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def convert(schema: Mapping[str, Any], text: str) -> Any:
    """A typed form value as the schema wants it; empty is ``ABSENT``."""
    text = text.replace("\r\n", "\n")
    if text.strip() == "":
        return ABSENT
    kind = schema.get("type")
    if "enum" in schema:
        return _enum_value(schema["enum"], text)
    if kind == "boolean":
        return {"ja": True, "nee": False}.get(text, text)
    if kind == "integer":
        return _number(text, integer=True)
    if kind == "number":
        return _number(text, integer=False)
    if schema.get("format") == "date":
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


def _enum_value(choices: list[Any], text: str) -> Any:
    for choice in choices:
        if str(choice) == text:
            return choice
    return text


def _number(text: str, *, integer: bool) -> Any:
    cleaned = text.strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return text
    if number != number or number in (float("inf"), float("-inf")):
        return text
    if number.is_integer() and ("." not in cleaned or integer):
        return int(number)
    return text if integer else number
