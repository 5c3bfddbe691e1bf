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

from dossiergen.dossier.schemas import SchemaSet
from dossiergen.dossier.yaml_nodes import plain_scalar
from dossiergen.errors import PrivacyError

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


_ABSENT = object()


def _refusal(withheld: Withheld) -> PrivacyError:
    return PrivacyError(
        f"het veld '{withheld.path}' is {withheld.reason} en mag niet in dit document "
        "(doelgroep zonder recht op deze gegevens)"
    )


class View(Mapping[str, Any]):
    """A read-only mapping whose withheld fields raise ``PrivacyError`` when read."""

    __slots__ = ("_items", "_path")

    def __init__(self, items: dict[str, Any], path: str) -> None:
        self._items = items
        self._path = path

    def __getitem__(self, key: str) -> Any:
        value = self._items[key]
        if isinstance(value, Withheld):
            raise _refusal(value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        """``Mapping.get`` in one step (templates call it often); a withheld field refuses."""
        value = self._items.get(key, _ABSENT)
        if value is _ABSENT:
            return default
        if isinstance(value, Withheld):
            raise _refusal(value)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._items and not isinstance(self._items[key], Withheld)

    def __iter__(self) -> Iterator[str]:
        return (k for k, v in self._items.items() if not isinstance(v, Withheld))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __getattr__(self, name: str) -> Any:
        # Jinja tries attributes before items: answering here spares it a failed look-up and
        # an exception per ``dossier.x.y``; a withheld field refuses here as well.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

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
    view = _convert(data, _plan_for(schemas), frozenset(allowed), "$")
    assert isinstance(view, View)
    return view


class _Plan:
    """What the schema says about one place in a dossier, with every ``$ref`` followed once.

    ``children`` maps a key to its confidentiality mark and plan; ``items`` is the plan of a
    list's items. Plans are built lazily and shared, so making a view is a plain walk.
    """

    __slots__ = ("_children", "_items", "_resolver", "_schema", "_schemas")

    def __init__(self, schema: Mapping[str, Any], resolver: Any, schemas: SchemaSet) -> None:
        self._schema, self._resolver = _follow(schema, resolver)
        self._schemas = schemas
        self._children: dict[str, tuple[str | None, _Plan]] = {}
        self._items: _Plan | None = None

    def child(self, key: str) -> tuple[str | None, _Plan]:
        found = self._children.get(key)
        if found is None:
            raw = self._schema.get("properties", {}).get(key, {})
            plan = _Plan(raw, self._resolver, self._schemas)
            mark = raw.get("x-vertrouwelijkheid") or plan._schema.get("x-vertrouwelijkheid")
            found = self._children[key] = (mark, plan)
        return found

    def items(self) -> _Plan:
        if self._items is None:
            self._items = _Plan(self._schema.get("items", {}), self._resolver, self._schemas)
        return self._items


def _plan_for(schemas: SchemaSet) -> _Plan:
    plan = schemas.derived.get("view-plan")
    if plan is None:
        root = schemas.documents[schemas.root_id]
        plan = _Plan(root, schemas.registry.resolver(schemas.root_id), schemas)
        schemas.derived["view-plan"] = plan
    assert isinstance(plan, _Plan)
    return plan


_PLAIN_SCALARS = (str, int, float, bool, type(None))


def _convert(value: Any, plan: _Plan, allowed: frozenset[str], path: str) -> Any:
    kind = type(value)
    if kind in _PLAIN_SCALARS:  # most values: nothing to convert (checked first, fast)
        return value
    if kind is dict or isinstance(value, Mapping):
        items: dict[str, Any] = {}
        for key, child in value.items():
            name = key if type(key) is str else str(key)
            mark, child_plan = plan.child(name)
            if mark and mark not in allowed:
                items[name] = Withheld(f"{path}.{name}", _reason(mark))
            elif type(child) in _PLAIN_SCALARS:
                items[name] = child
            else:
                items[name] = _convert(child, child_plan, allowed, f"{path}.{name}")
        return View(items, path)
    if kind is list or isinstance(value, list):
        item_plan = plan.items()
        return tuple(
            [
                item
                if type(item) in _PLAIN_SCALARS
                else _convert(item, item_plan, allowed, f"{path}[{i}]")
                for i, item in enumerate(value)
            ]
        )
    return plain_scalar(value)  # drop scalar subclasses: templates see plain values


def _follow(schema: Mapping[str, Any], resolver: Any) -> tuple[Mapping[str, Any], Any]:
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if not isinstance(ref, str):
        return (schema if isinstance(schema, Mapping) else {}), resolver
    resolved = resolver.lookup(ref)
    merged = {**resolved.contents, **{k: v for k, v in schema.items() if k != "$ref"}}
    return _follow(merged, resolved.resolver)


def _reason(mark: str) -> str:
    return {
        MEDISCH: "medisch",
        PRIVE: "privégevoelig (Leidraad 3.7) en de werknemer heeft geen toestemming gegeven",
    }.get(mark, mark)
