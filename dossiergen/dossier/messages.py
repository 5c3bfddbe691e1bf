"""Dutch messages for JSON Schema errors, in the vocabulary of the schema's own titles.

jsonschema speaks English to programmers ("'x' is a required property"); a consultant needs
"Verplicht onderdeel 'Eerste ziektedag' (eerste_ziektedag) ontbreekt". Each keyword gets its own
sentence; the schema's ``title`` names the field.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja/nee (true of false)",
    "object": "een sectie met sleutels",
    "array": "een lijst (regels die beginnen met '- ')",
    "null": "leeg",
}


def type_name_of(value: Any) -> str:
    """The Dutch name of the kind of value the consultant wrote."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, int):
        return "een geheel getal"
    if isinstance(value, float):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, dict):
        return "een sectie met sleutels"
    if isinstance(value, list):
        return "een lijst"
    return type(value).__name__


def _shown(value: Any, limit: int = 60) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) or value is None:
        return str(value) if value is not None else "leeg"
    text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def field_label(schema: Mapping[str, Any], key: str | int | None) -> str:
    """``'Eerste ziektedag' (eerste_ziektedag)`` or just the key when there is no title."""
    title = schema.get("title") if isinstance(schema, Mapping) else None
    if isinstance(key, int):
        return (
            f"{title} (regel {key + 1} van de lijst)" if title else f"regel {key + 1} van de lijst"
        )
    if title and key is not None and title.lower().replace(" ", "_") != key:
        return f"{title} ({key})"
    return str(title or key or "dossier")


def suggestion(unknown: str, known: list[str], cutoff: float = 0.75) -> str:
    """``; bedoelde u 'belastbaarheid'?`` for the closest known key, or nothing.

    Keys get a strict cutoff (an unrelated key is a worse hint than none); a short list of
    choices a looser one, since any close value is likely the one meant.
    """
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=cutoff)
    if not close:
        close = [k for k in known if k.replace("_", "") == unknown.replace("_", "").lower()]
    return f"; bedoelde u '{close[0]}'?" if close else ""


def schema_format(error: ValidationError) -> str | None:
    """The ``format`` next to the failing keyword in the same schema, if any."""
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    found = schema.get("format")
    return found if isinstance(found, str) else None


def _own(error: ValidationError, keyword: str) -> Any:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    return schema.get(keyword)


def translate(error: ValidationError, property_schema: Mapping[str, Any]) -> str:
    """One Dutch sentence for one jsonschema error.

    ``property_schema`` is the (resolved) schema of the failing field, used for its title.
    """
    key = error.path[-1] if error.path else None
    fout = _Fout(error, property_schema, field_label(property_schema, key))
    handler = _HANDLERS.get(str(error.validator))
    return handler(fout) if handler else f"{fout.label}: ongeldige waarde ({error.validator})"


@dataclass(frozen=True)
class _Fout:
    """One schema error with what every message needs: the field's Dutch label."""

    error: ValidationError
    property_schema: Mapping[str, Any]
    label: str

    @property
    def expected(self) -> Any:
        return self.error.validator_value

    @property
    def value(self) -> Any:
        return self.error.instance


def _type(f: _Fout) -> str:
    names = [f.expected] if isinstance(f.expected, str) else list(f.expected)
    wanted = " of ".join(_TYPE_NAMES.get(n, n) for n in names)
    value = f.value
    if value is None:
        return f"{f.label} is leeg; vul {wanted} in of laat de sleutel weg"
    hint = ""
    if "string" in names and isinstance(value, int | float) and not isinstance(value, bool):
        hint = '; zet de waarde tussen aanhalingstekens ("...") zodat voorloopnullen blijven'
    return f"{f.label} moet {wanted} zijn, niet {type_name_of(value)}{hint}"


def _enum(f: _Fout) -> str:
    options = ", ".join(f"'{o}'" for o in f.expected)
    tip = suggestion(str(f.value), [str(o) for o in f.expected], cutoff=0.6)
    if tip:
        return f"{f.label}: {_shown(f.value)} is geen toegestane waarde{tip} Kies uit: {options}"
    return f"{f.label}: {_shown(f.value)} is geen toegestane waarde; kies uit: {options}"


def _format(f: _Fout) -> str:
    if f.expected == "date":
        return (
            f"{f.label}: {_shown(f.value)} is geen bestaande datum; schrijf JJJJ-MM-DD, "
            "bijvoorbeeld 2026-01-05"
        )
    if f.expected == "email":
        return f"{f.label}: {_shown(f.value)} is geen geldig e-mailadres"
    return f"{f.label}: {_shown(f.value)} heeft niet de vorm {f.expected}"


def _pattern(f: _Fout) -> str:
    if schema_format(f.error) == "date":
        return (
            f"{f.label}: {_shown(f.value)} is geen datum in de vorm JJJJ-MM-DD; schrijf "
            "bijvoorbeeld 2026-01-05"
        )
    explanation = f.property_schema.get("x-patroon-uitleg") or _own(f.error, "x-patroon-uitleg")
    tail = f" ({explanation})" if explanation else ""
    return f"{f.label}: {_shown(f.value)} heeft niet de juiste vorm{tail}"


def _bound(word: str) -> Callable[[_Fout], str]:
    return lambda f: f"{f.label} moet {word} {f.expected} zijn, niet {f.value}"


def _min_length(f: _Fout) -> str:
    if f.expected == 1:
        return f"{f.label} is leeg; vul tekst in of laat de sleutel weg"
    return f"{f.label} is te kort (minstens {f.expected} tekens)"


def _min_items(f: _Fout) -> str:
    if f.expected == 1:
        return f"{f.label} is een lege lijst; voeg minstens één regel toe of laat de sleutel weg"
    return f"{f.label} moet minstens {f.expected} regels hebben (nu {len(f.value)})"


_HANDLERS: Mapping[str, Callable[[_Fout], str]] = {
    "type": _type,
    "enum": _enum,
    "const": lambda f: f"{f.label} moet {_shown(f.expected)} zijn, niet {_shown(f.value)}",
    "format": _format,
    "pattern": _pattern,
    "minimum": _bound("minstens"),
    "exclusiveMinimum": _bound("meer dan"),
    "maximum": _bound("hoogstens"),
    "exclusiveMaximum": _bound("minder dan"),
    "minLength": _min_length,
    "maxLength": lambda f: f"{f.label} is te lang ({len(f.value)} tekens; hoogstens {f.expected})",
    "minItems": _min_items,
    "maxItems": (
        lambda f: f"{f.label} heeft te veel regels ({len(f.value)}; hoogstens {f.expected})"
    ),
    "uniqueItems": lambda f: f"{f.label} bevat dubbele regels",
    "multipleOf": lambda f: f"{f.label} moet een veelvoud van {f.expected} zijn",
    "minProperties": lambda f: f"{f.label} is leeg; vul de sectie of laat haar weg",
    "oneOf": lambda f: f"{f.label} past bij geen van de toegestane vormen",
    "anyOf": lambda f: f"{f.label} past bij geen van de toegestane vormen",
    "not": lambda f: f"{f.label}: deze waarde is hier niet toegestaan",
    "dependentRequired": (
        lambda f: f"{f.label}: bij deze gegevens hoort ook {', '.join(map(repr, f.expected))}"
    ),
}
