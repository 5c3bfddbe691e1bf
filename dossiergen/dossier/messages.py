"""Dutch messages for JSON Schema errors, in the vocabulary of the schema's own titles.

jsonschema speaks English to programmers ("'x' is a required property"); a consultant needs
"Verplicht onderdeel 'Eerste ziektedag' (eerste_ziektedag) ontbreekt". Each keyword gets its own
sentence; the schema's ``title`` names the field.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
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
    label = field_label(property_schema, key)
    keyword = error.validator
    expected = error.validator_value
    value = error.instance
    if keyword == "type":
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " of ".join(_TYPE_NAMES.get(n, n) for n in names)
        hint = ""
        if "string" in names and isinstance(value, int | float) and not isinstance(value, bool):
            hint = '; zet de waarde tussen aanhalingstekens ("...") zodat voorloopnullen blijven'
        if value is None:
            return f"{label} is leeg; vul {wanted} in of laat de sleutel weg"
        return f"{label} moet {wanted} zijn, niet {type_name_of(value)}{hint}"
    if keyword == "enum":
        options = ", ".join(f"'{o}'" for o in expected)
        tip = suggestion(str(value), [str(o) for o in expected], cutoff=0.6)
        if tip:
            return f"{label}: {_shown(value)} is geen toegestane waarde{tip} Kies uit: {options}"
        return f"{label}: {_shown(value)} is geen toegestane waarde; kies uit: {options}"
    if keyword == "const":
        return f"{label} moet {_shown(expected)} zijn, niet {_shown(value)}"
    if keyword == "format" or (keyword == "pattern" and schema_format(error) == "date"):
        if expected == "date" or keyword == "pattern":
            if keyword == "pattern":
                return (
                    f"{label}: {_shown(value)} is geen datum in de vorm JJJJ-MM-DD; schrijf "
                    "bijvoorbeeld 2026-01-05"
                )
            return (
                f"{label}: {_shown(value)} is geen bestaande datum; schrijf JJJJ-MM-DD, "
                "bijvoorbeeld 2026-01-05"
            )
        if expected == "email":
            return f"{label}: {_shown(value)} is geen geldig e-mailadres"
        return f"{label}: {_shown(value)} heeft niet de vorm {expected}"
    if keyword == "pattern":
        explanation = property_schema.get("x-patroon-uitleg") or _own(error, "x-patroon-uitleg")
        tail = f" ({explanation})" if explanation else ""
        return f"{label}: {_shown(value)} heeft niet de juiste vorm{tail}"
    if keyword in ("minimum", "exclusiveMinimum"):
        word = "minstens" if keyword == "minimum" else "meer dan"
        return f"{label} moet {word} {expected} zijn, niet {value}"
    if keyword in ("maximum", "exclusiveMaximum"):
        word = "hoogstens" if keyword == "maximum" else "minder dan"
        return f"{label} moet {word} {expected} zijn, niet {value}"
    if keyword == "minLength":
        if expected == 1:
            return f"{label} is leeg; vul tekst in of laat de sleutel weg"
        return f"{label} is te kort (minstens {expected} tekens)"
    if keyword == "maxLength":
        return f"{label} is te lang ({len(value)} tekens; hoogstens {expected})"
    if keyword == "minItems":
        if expected == 1:
            return f"{label} is een lege lijst; voeg minstens één regel toe of laat de sleutel weg"
        return f"{label} moet minstens {expected} regels hebben (nu {len(value)})"
    if keyword == "maxItems":
        return f"{label} heeft te veel regels ({len(value)}; hoogstens {expected})"
    if keyword == "uniqueItems":
        return f"{label} bevat dubbele regels"
    if keyword == "multipleOf":
        return f"{label} moet een veelvoud van {expected} zijn"
    if keyword == "minProperties":
        return f"{label} is leeg; vul de sectie of laat haar weg"
    if keyword in ("oneOf", "anyOf"):
        return f"{label} past bij geen van de toegestane vormen"
    if keyword == "not":
        return f"{label}: deze waarde is hier niet toegestaan"
    if keyword == "dependentRequired":
        return f"{label}: bij deze gegevens hoort ook {', '.join(map(repr, expected))}"
    return f"{label}: ongeldige waarde ({keyword})"
