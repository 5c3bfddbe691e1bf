"""Validate a loaded dossier against the JSON Schemas and report every problem in Dutch.

All schema errors are collected (``iter_errors``), never just the first; each becomes one
``Problem`` at the line and column of the offending key or value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from jsonschema.exceptions import ValidationError

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import PathPart, container_position, json_path, position
from dossiergen.dossier.messages import field_label, suggestion, translate
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.problems import Problem, Severity


def validate_schema(dossier: LoadedDossier, schemas: SchemaSet) -> list[Problem]:
    """Every schema problem in ``dossier``, sorted by position."""
    if schemas.quick_is_valid(dossier.data):
        return []
    problems: list[Problem] = []
    errors = list(schemas.validator.iter_errors(dossier.data))
    # A date in the wrong form fails both "pattern" and "format": one message is enough.
    wrong_form = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in wrong_form:
            continue
        problems.extend(_problems_for(error, dossier, schemas))
    return sorted(set(_merge_typos(problems)), key=lambda p: (p.line, p.column, p.message))


_TYPO = re.compile(r"onbekende sleutel '(?P<typed>.+?)'; bedoelde u '(?P<meant>.+?)'\?")


def _merge_typos(problems: list[Problem]) -> list[Problem]:
    """A misspelt required key is one mistake: keep "bedoelde u …?", drop "… ontbreekt"."""
    required = {p.json_path for p in problems if p.message.startswith("verplicht onderdeel")}
    covered = set()
    merged = []
    for problem in problems:
        match = _TYPO.match(problem.message)
        if match:
            target = problem.json_path.rsplit(".", 1)[0] + "." + match["meant"]
            if target in required:
                covered.add(target)
                problem = replace(problem, message=problem.message + " (verplicht onderdeel)")
        merged.append(problem)
    return [
        p
        for p in merged
        if not (p.json_path in covered and p.message.startswith("verplicht onderdeel"))
    ]


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For ``oneOf``/``anyOf`` report the errors of the closest alternative, not a riddle."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = min(error.context, key=lambda e: (len(e.absolute_path) * -1, len(e.context or [])))
        depth = len(best.absolute_path)
        siblings = [
            e for e in error.context if e.relative_schema_path[0] == best.relative_schema_path[0]
        ]
        deepest = [e for e in siblings if len(e.absolute_path) == depth] or [best]
        for sub in deepest:
            yield from _leaf_errors(sub)
        return
    yield error


def _problems_for(
    error: ValidationError, dossier: LoadedDossier, schemas: SchemaSet
) -> list[Problem]:
    problems = []
    for leaf in _leaf_errors(error):
        problems.extend(_problems_for_leaf(leaf, dossier, schemas))
    return problems


#: Unknown keys of one section reported one by one; the rest are counted in one problem.
_UNKNOWN_KEYS_SHOWN = 25


def _problems_for_leaf(
    error: ValidationError, dossier: LoadedDossier, schemas: SchemaSet
) -> list[Problem]:
    parts: list[PathPart] = list(error.absolute_path)
    data = dossier.data

    def make(line_column: tuple[int, int], message: str, at: list[PathPart]) -> Problem:
        line, column = line_column
        return Problem(
            dossier.display_path,
            line,
            column,
            Severity.FOUT,
            message,
            json_path(at),
            rule=f"schema.{error.validator}",
        )

    if error.validator == "required":
        titled, object_schema, resolver = _schema_context(error, schemas)
        properties = object_schema.get("properties", {})
        present = error.instance if isinstance(error.instance, Mapping) else {}
        problems = []
        for name in error.validator_value:
            if name in present:
                continue
            if name not in properties:  # e.g. required by an if/then: the property is above
                properties, resolver = _enclosing_properties(error, schemas, name)
            sub = schemas.follow(properties.get(name, {}), resolver)
            where = field_label(titled, parts[-1]) if parts else "het dossier"
            message = f"verplicht onderdeel {field_label(sub, name)} ontbreekt in {where}"
            problems.append(make(container_position(data, parts), message, [*parts, name]))
        return problems
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        object_schema = error.schema if isinstance(error.schema, Mapping) else {}
        known = list(object_schema.get("properties", {}))
        problems = []
        unknown = [name for name in error.instance if name not in known]
        for count, name in enumerate(unknown):
            if count == _UNKNOWN_KEYS_SHOWN:
                # thousands of unknown keys are one mistake (a pasted file), not thousands
                message = (
                    f"en nog {len(unknown) - count} onbekende sleutels in deze sectie "
                    f"(vanaf '{name}'); alleen de eerste {count} zijn afzonderlijk gemeld"
                )
                location = position(data, [*parts, name], at_key=True)
                problems.append(make(location, message, [*parts, str(name)]))
                break
            hint = suggestion(str(name), known)
            if not hint and known:
                hint = (
                    "; toegestaan zijn: "
                    + ", ".join(known[:12])
                    + (" …" if len(known) > 12 else "")
                )
            message = f"onbekende sleutel '{name}'{hint}"
            location = position(data, [*parts, name], at_key=True)
            problems.append(make(location, message, [*parts, str(name)]))
        return problems
    if not parts:
        location = position(data, parts)
    elif isinstance(error.instance, dict | list):
        # a section or list where something else belongs: point at its key (``taken:``)
        location = container_position(data, parts)
    else:
        location = position(data, parts)
    titled, _, _ = _schema_context(error, schemas)
    return [make(location, translate(error, titled), parts)]


def _enclosing_properties(
    error: ValidationError, schemas: SchemaSet, name: str
) -> tuple[Mapping[str, Any], Any]:
    """The nearest schema on the error's path that declares property ``name``."""
    for schema, resolver, _ in reversed(schemas.trail(error.absolute_schema_path)):
        properties = schema.get("properties")
        if isinstance(properties, Mapping) and name in properties:
            return properties, resolver
    return {}, None


def _schema_context(
    error: ValidationError, schemas: SchemaSet
) -> tuple[Mapping[str, Any], Mapping[str, Any], Any]:
    """(schema carrying the field's title, the failing schema itself, its resolver).

    A keyword such as ``format`` may sit in a shared ``$defs/datum`` without a title, while the
    property that refers to it has one: the nearest titled schema on the path names the field.
    """
    trail = schemas.trail(error.absolute_schema_path)
    own, resolver = trail[-1][0], trail[-1][1]
    titled = own
    for index in range(len(trail) - 1, -1, -1):
        schema, _, via_ref = trail[index]
        if "title" not in schema:
            continue
        # A property that refers to a shared definition ($defs/datum) names the field itself.
        if via_ref and index > 0 and "title" in trail[index - 1][0]:
            titled = trail[index - 1][0]
        else:
            titled = schema
        break
    return titled, own, resolver
