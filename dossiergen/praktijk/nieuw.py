"""``dossiergen nieuw``: a new dossier with every field that is required from day one.

The file is written from the schema itself: each required section and field in the schema's
order, with its title and description as a Dutch comment above it, today's date where a date
is expected and a marked placeholder elsewhere. It passes ``dossiergen check`` as it is (a
draft: the sections that come later in the case are optional until then), so the consultant
fills it in from a working file. Answers given on the terminal (``--vragen``) replace the
placeholders.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossiergen.dossier.placeholders import PLACEHOLDER
from dossiergen.dossier.schemas import SchemaSet

#: An obviously fictional BSN (the 999 range of test numbers) that passes the elfproef.
PLACEHOLDER_BSN = "999999990"
#: A dossier's file name: lower-case words joined by hyphens, like the examples.
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_WIDTH = 96

#: The questions ``--vragen`` asks, in order: the path of the field and its question.
QUESTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("werknemer", "naam"), "Achternaam van de werknemer"),
    (("werknemer", "voorletters"), "Voorletters"),
    (("werknemer", "geboortedatum"), "Geboortedatum (JJJJ-MM-DD)"),
    (("werknemer", "bsn"), "BSN"),
    (("werkgever", "naam"), "Naam van de werkgever"),
    (("verzuim", "eerste_ziektedag"), "Eerste ziektedag (JJJJ-MM-DD)"),
)


@dataclass(frozen=True)
class NewDossier:
    """What goes into a new dossier besides the schema's own structure."""

    today: date
    modeline: str
    werknemer: str = ""  # the surname, from the file name when not asked
    kenmerk_prefix: str = ""
    answers: Mapping[tuple[str, ...], str] | None = None


def surname_from(name: str) -> str:
    """``de-vries-2026`` -> ``De Vries``: the file name's words without numbers."""
    words = [w for w in re.split(r"[-_]+", name) if w and not w.isdigit()]
    return " ".join(words).title() if words else PLACEHOLDER


def new_dossier_text(schemas: SchemaSet, new: NewDossier) -> str:
    """The text of a new dossier for ``schemas`` (see the module docstring)."""
    root = schemas.documents[schemas.root_id]
    resolver = schemas.registry.resolver(schemas.root_id)
    lines = [new.modeline, *_comment(_describe(root), ""), ""]
    lines += list(_fields(schemas, root, resolver, (), new, ""))
    if new.kenmerk_prefix:
        lines += [
            "",
            "# Zodra er een opdracht is: de zaak met het kenmerk van uw bureau.",
            "# zaak:",
            f"#   kenmerk: {new.kenmerk_prefix}-{new.today.year}-001",
        ]
    return "\n".join(lines) + "\n"


def _fields(
    schemas: SchemaSet,
    schema: Mapping[str, Any],
    resolver: Any,
    path: tuple[str, ...],
    new: NewDossier,
    indent: str,
) -> Iterator[str]:
    properties = schema.get("properties", {})
    for key in [k for k in properties if k in schema.get("required", ())]:
        field, field_resolver = _resolved(schemas, properties[key], resolver)
        here = (*path, key)
        if not path and key != properties_first(schema):
            yield ""
        if field.get("type") == "object":
            yield from _comment(_describe(field), indent)
            yield f"{indent}{key}:"
            yield from _fields(schemas, field, field_resolver, here, new, indent + "  ")
            continue
        yield from _comment(_describe(field), indent)
        yield f"{indent}{key}: {_value(field, here, new)}"


def properties_first(schema: Mapping[str, Any]) -> str:
    """The first required key of ``schema`` (no blank line above it)."""
    return next((k for k in schema.get("properties", {}) if k in schema.get("required", ())), "")


def _resolved(schemas: SchemaSet, schema: Mapping[str, Any], resolver: Any) -> tuple[Any, Any]:
    """The schema with its ``$ref`` followed (local keywords win), and the resolver there."""
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return schema, resolver
    resolved = resolver.lookup(ref)
    return {**resolved.contents, **schema}, resolved.resolver


def _value(field: Mapping[str, Any], path: tuple[str, ...], new: NewDossier) -> str:
    answer = (new.answers or {}).get(path)
    if "const" in field:
        return json.dumps(field["const"])
    if answer:
        return answer if _is_date(field) else json.dumps(answer, ensure_ascii=False)
    if path == ("werknemer", "geboortedatum"):
        # Not today: a birth date must lie before the first day of illness. A placeholder age
        # of 40 keeps the AOW exception of spoor 2 out of the timeline until the real date.
        placeholder = new.today.replace(year=new.today.year - 40, day=min(new.today.day, 28))
        return f"{placeholder.isoformat()}  # {PLACEHOLDER}: de echte geboortedatum"
    if _is_date(field):
        return new.today.isoformat()
    if path == ("werknemer", "bsn"):
        return f'"{PLACEHOLDER_BSN}"  # fictief: vervang door het BSN van de werknemer'
    if path == ("werknemer", "naam") and new.werknemer:
        return json.dumps(new.werknemer, ensure_ascii=False)
    if "enum" in field:
        return json.dumps(field["enum"][0], ensure_ascii=False)
    kind = field.get("type")
    if kind in ("integer", "number"):
        return str(field.get("minimum", 0))
    if kind == "boolean":
        return "false"
    return f"{PLACEHOLDER}"


def _is_date(field: Mapping[str, Any]) -> bool:
    return field.get("format") == "date"


def _describe(schema: Mapping[str, Any]) -> str:
    title, description = schema.get("title", ""), schema.get("description", "")
    if title and description:
        return f"{title}: {description}"
    return str(title or description)


def _comment(text: str, indent: str) -> list[str]:
    if not text:
        return []
    width = max(40, _WIDTH - len(indent) - 2)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width)]
