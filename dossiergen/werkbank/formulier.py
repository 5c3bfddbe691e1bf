"""Forms generated from the dossier's JSON Schemas, one per section of a dossier.

Each field takes what the schema says of it: the Dutch ``title`` as its label, the
``description`` as help text, an ``enum`` as choices (in the words of ``dossier.labels``), a
``format: date`` as a date input, numbers with their bounds, and arrays as rows to add and
remove. Fields marked ``x-vertrouwelijkheid`` carry that mark, so a medical field is visibly one.

Form names are the value's path with dots (``verzuim.ziekteperioden.0.van``); ``formdata``
turns a submitted form back into values along the same tree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from referencing.exceptions import Unresolvable

from dossiergen.dossier.labels import LABELS, label
from dossiergen.dossier.schemas import SchemaSet

#: The placeholder of a row index in a row template; the page's script replaces it.
ROW = "__rij__"
#: Text longer than this gets a text area instead of one line.
_LONG_TEXT = 300


@dataclass(frozen=True)
class Veld:
    """One field of a form, or a group of fields, or a list of rows."""

    naam: str  # the form name: the path with dots
    pad: tuple[str | int, ...]
    titel: str
    uitleg: str = ""
    soort: str = "tekst"  # tekst tekstvak datum getal geheel keuze janee groep lijst vast
    waarde: Any = None
    verplicht: bool = False
    keuzes: tuple[tuple[str, str], ...] = ()
    vertrouwelijk: str = ""  # "medisch" or "prive"
    kinderen: tuple[Veld, ...] = ()
    rij: Veld | None = None  # a list's empty row, with ROW as its index
    grenzen: Mapping[str, Any] = field(default_factory=dict)  # min, max, maxlength, stap

    @property
    def samengesteld(self) -> bool:
        """True for a group or a list (a fieldset rather than one input)."""
        return self.soort in ("groep", "lijst")


class SchemaWalker:
    """Follows ``$ref`` through the schemas' registry (offline), local keywords winning."""

    def __init__(self, schemas: SchemaSet) -> None:
        self.schemas = schemas

    def root(self) -> tuple[Mapping[str, Any], Any]:
        """The dossier schema and its resolver."""
        schemas = self.schemas
        return schemas.documents[schemas.root_id], schemas.registry.resolver(schemas.root_id)

    def follow(self, schema: Mapping[str, Any], resolver: Any) -> tuple[Mapping[str, Any], Any]:
        """``schema`` with every ``$ref`` followed."""
        while isinstance(schema.get("$ref"), str):
            try:
                resolved = resolver.lookup(schema["$ref"])
            except Unresolvable:
                return schema, resolver
            local = {k: v for k, v in schema.items() if k != "$ref"}
            schema, resolver = {**resolved.contents, **local}, resolved.resolver
        return schema, resolver

    def section(self, name: str) -> tuple[Mapping[str, Any], Any] | None:
        """The schema of a top-level section, or None for an unknown one."""
        root, resolver = self.root()
        raw = root.get("properties", {}).get(name)
        return self.follow(raw, resolver) if isinstance(raw, Mapping) else None


def sections(schemas: SchemaSet) -> list[tuple[str, str, str]]:
    """The sections a dossier can have: ``(key, title, description)``, in schema order."""
    root, _ = SchemaWalker(schemas).root()
    return [
        (key, str(raw.get("title", key)), str(raw.get("description", "")))
        for key, raw in root.get("properties", {}).items()
        if "const" not in raw
    ]


def section_form(schemas: SchemaSet, name: str, value: Any) -> Veld | None:
    """The form of section ``name`` filled with ``value`` (None for an unknown section)."""
    walker = SchemaWalker(schemas)
    found = walker.section(name)
    if found is None:
        return None
    schema, resolver = found
    root, _ = walker.root()
    required = name in root.get("required", ())
    return _field(walker, schema, resolver, (name,), value, required)


def _field(
    walker: SchemaWalker,
    schema: Mapping[str, Any],
    resolver: Any,
    path: tuple[str | int, ...],
    value: Any,
    required: bool,
) -> Veld:
    schema, resolver = walker.follow(schema, resolver)
    base: dict[str, Any] = {
        "naam": ".".join(str(p) for p in path),
        "pad": path,
        "titel": str(schema.get("title") or path[-1]),
        "uitleg": str(schema.get("description", "")),
        "verplicht": required,
        "vertrouwelijk": str(schema.get("x-vertrouwelijkheid", "")),
    }
    kind = schema.get("type")
    if "const" in schema:
        return Veld(**base, soort="vast", waarde=schema["const"])
    if kind == "object":
        return _group(walker, schema, resolver, path, value, base)
    if kind == "array":
        return _rows(walker, schema, resolver, path, value, base)
    return _scalar(schema, path, value, base)


def _group(
    walker: SchemaWalker,
    schema: Mapping[str, Any],
    resolver: Any,
    path: tuple[str | int, ...],
    value: Any,
    base: dict[str, Any],
) -> Veld:
    current = value if isinstance(value, Mapping) else {}
    required = set(schema.get("required", ()))
    children = tuple(
        _field(walker, child, resolver, (*path, key), current.get(key), key in required)
        for key, child in schema.get("properties", {}).items()
        if isinstance(child, Mapping)
    )
    return Veld(**base, soort="groep", kinderen=children)


def _rows(
    walker: SchemaWalker,
    schema: Mapping[str, Any],
    resolver: Any,
    path: tuple[str | int, ...],
    value: Any,
    base: dict[str, Any],
) -> Veld:
    items = schema.get("items", {})
    rows = value if isinstance(value, list) else []
    children = tuple(
        _field(walker, items, resolver, (*path, index), row, True) for index, row in enumerate(rows)
    )
    template = _field(walker, items, resolver, (*path, ROW), None, True)
    limits = {"max": schema.get("maxItems"), "min": schema.get("minItems", 0)}
    return Veld(**base, soort="lijst", kinderen=children, rij=template, grenzen=limits)


def _scalar(
    schema: Mapping[str, Any], path: tuple[str | int, ...], value: Any, base: dict[str, Any]
) -> Veld:
    kind = schema.get("type")
    shown = "" if value is None else value
    if "enum" in schema:
        soort = str(path[-1]) if isinstance(path[-1], str) else ""
        choices = tuple((str(v), _choice_label(v, soort)) for v in schema["enum"])
        if shown != "" and str(shown) not in {c for c, _ in choices}:
            choices += ((str(shown), f"{shown} (ongeldig)"),)
        return Veld(**base, soort="keuze", waarde=str(shown), keuzes=choices)
    if kind == "boolean":
        mark = {True: "ja", False: "nee"}.get(value, "") if isinstance(value, bool) else ""
        return Veld(**base, soort="janee", waarde=mark)
    if kind in ("integer", "number"):
        limits = {
            "min": schema.get("minimum"),
            "max": schema.get("maximum"),
            "stap": "1" if kind == "integer" else "any",
        }
        soort = "geheel" if kind == "integer" else "getal"
        return Veld(**base, soort=soort, waarde=str(shown), grenzen=limits)
    if schema.get("format") == "date":
        return Veld(**base, soort="datum", waarde=str(shown))
    maximum = schema.get("maxLength")
    long_text = maximum is None or maximum > _LONG_TEXT or "\n" in str(shown)
    limits = {"maxlength": maximum}
    return Veld(
        **base, soort="tekstvak" if long_text else "tekst", waarde=str(shown), grenzen=limits
    )


def key_orders(schemas: SchemaSet, name: str) -> dict[tuple[str | int, ...], list[str]]:
    """Per mapping in section ``name`` (its path without list indexes), the schema's key order:
    where the round-trip writer puts a key that is new in the file."""
    walker = SchemaWalker(schemas)
    root, resolver = walker.root()
    orders: dict[tuple[str | int, ...], list[str]] = {(): list(root.get("properties", {}))}
    pending: list[tuple[tuple[str, ...], Mapping[str, Any], Any]] = [
        ((name,), *walker.follow(root.get("properties", {}).get(name, {}), resolver))
    ]
    while pending:
        shape, schema, resolver = pending.pop()
        if schema.get("type") == "array":
            items = schema.get("items", {})
            if isinstance(items, Mapping):
                pending.append((shape, *walker.follow(items, resolver)))
            continue
        properties = schema.get("properties", {})
        if shape in orders or not properties:
            continue
        orders[shape] = list(properties)
        for key, child in properties.items():
            if isinstance(child, Mapping):
                pending.append(((*shape, key), *walker.follow(child, resolver)))
    return orders


def _choice_label(value: object, soort: str) -> str:
    """An enum value in words: its label when ``dossier.labels`` has one for the field."""
    if soort in LABELS and str(value) in LABELS[soort]:
        return LABELS[soort][str(value)] or str(value).replace("_", " ")
    return label(value, soort)
