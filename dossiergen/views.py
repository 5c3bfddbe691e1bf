"""Per-audience views of a dossier: what a document's readers may see, and nothing more.

The schema marks sensitive fields with ``x-vertrouwelijkheid`` (``medisch`` or ``prive``).
A view is an immutable copy of the dossier in which each marked field the audience may not
see is *withheld*: reading it from a template raises ``PrivacyError`` (the build fails) instead
of quietly printing it. Any reference to it fails, ``is defined`` included; templates test
optional fields with ``'key' in mapping``, which answers false for a withheld field.
Privacy-sensitive non-medical details (Leidraad §3.7) are shown only when the dossier records
the employee's consent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

from dossiergen.errors import PrivacyError
from dossiergen.schemas import SchemaSet

MEDISCH = "medisch"
PRIVE = "prive"


class Audience(StrEnum):
    """Who reads a document."""

    WERKGEVER = "werkgever"
    WERKNEMER = "werknemer"
    UWV = "uwv"
    BEDRIJFSARTS = "bedrijfsarts"


# AVG / AP beleidsregels "De zieke werknemer": only the bedrijfsarts (and UWV's own doctors,
# who get medical information from the bedrijfsarts directly, never through these documents)
# may see medical data. A document for several audiences gets what all of them may see.
_MAY_SEE_MEDICAL = frozenset({Audience.BEDRIJFSARTS})


class Withheld:
    """Stands in a view for a field the audience may not see; any use of it is refused."""

    __slots__ = ("path", "reason")

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason


class View(Mapping[str, Any]):
    """A read-only mapping whose withheld fields raise ``PrivacyError`` when read."""

    __slots__ = ("_items", "_path")

    def __init__(self, items: dict[str, Any], path: str) -> None:
        self._items = items
        self._path = path

    def __getitem__(self, key: str) -> Any:
        value = self._items[key]
        if isinstance(value, Withheld):
            raise PrivacyError(
                f"het veld '{value.path}' is {value.reason} en mag niet in dit document "
                "(doelgroep zonder recht op deze gegevens)"
            )
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._items and not isinstance(self._items[key], Withheld)

    def __iter__(self) -> Iterator[str]:
        return (k for k, v in self._items.items() if not isinstance(v, Withheld))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __getattr__(self, name: str) -> Any:
        # Jinja tries attributes before items; a withheld field must refuse here as well.
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._items and isinstance(self._items[name], Withheld):
            return self[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"View({self._path})"


def consent_given(data: Mapping[str, Any]) -> bool:
    """True when the dossier records the employee's consent for private details (§3.7)."""
    werknemer = data.get("werknemer")
    consent = (
        werknemer.get("toestemming_prive_gegevens") if isinstance(werknemer, Mapping) else None
    )
    return isinstance(consent, Mapping) and consent.get("gegeven") is True


def make_view(data: Mapping[str, Any], schemas: SchemaSet, audiences: frozenset[Audience]) -> View:
    """The dossier as ``audiences`` may see it (see module docstring)."""
    allowed = set()
    if audiences and audiences <= _MAY_SEE_MEDICAL:
        allowed.add(MEDISCH)
    if consent_given(data) or (audiences and audiences <= _MAY_SEE_MEDICAL):
        allowed.add(PRIVE)
    root_schema = schemas.documents[schemas.root_id]
    resolver = schemas.registry.resolver(schemas.root_id)
    view = _convert(data, root_schema, resolver, schemas, frozenset(allowed), "$")
    assert isinstance(view, View)
    return view


def _convert(
    value: Any,
    schema: Mapping[str, Any],
    resolver: Any,
    schemas: SchemaSet,
    allowed: frozenset[str],
    path: str,
) -> Any:
    schema, resolver = _follow(schema, resolver, schemas)
    if isinstance(value, Mapping):
        properties = schema.get("properties", {})
        items: dict[str, Any] = {}
        for key, child in value.items():
            child_schema = properties.get(key, {})
            child_schema_resolved, _ = _follow(child_schema, resolver, schemas)
            mark = child_schema.get("x-vertrouwelijkheid") or child_schema_resolved.get(
                "x-vertrouwelijkheid"
            )
            child_path = f"{path}.{key}"
            if mark and mark not in allowed:
                items[str(key)] = Withheld(child_path, _reason(mark))
            else:
                items[str(key)] = _convert(
                    child, child_schema, resolver, schemas, allowed, child_path
                )
        return View(items, path)
    if isinstance(value, list):
        item_schema = schema.get("items", {})
        return tuple(
            _convert(item, item_schema, resolver, schemas, allowed, f"{path}[{i}]")
            for i, item in enumerate(value)
        )
    if isinstance(value, str):
        return str(value)  # drop ruamel's scalar subclasses: templates see plain values
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _follow(schema: Mapping[str, Any], resolver: Any, schemas: SchemaSet) -> tuple[Any, Any]:
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if not isinstance(ref, str):
        return (schema if isinstance(schema, Mapping) else {}), resolver
    resolved = resolver.lookup(ref)
    merged = {**resolved.contents, **{k: v for k, v in schema.items() if k != "$ref"}}
    return _follow(merged, resolved.resolver, schemas)


def _reason(mark: str) -> str:
    return {
        MEDISCH: "medisch",
        PRIVE: "privégevoelig (Leidraad 3.7) en de werknemer heeft geen toestemming gegeven",
    }.get(mark, mark)
