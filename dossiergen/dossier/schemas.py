"""The JSON Schemas of the dossier format, loaded once and registered up front.

Every schema file of one format version (``schemas/v2/``; ``schemas/v1/`` for ``migreer``) is
read and put in one ``referencing.Registry`` keyed by its ``$id``; ``$ref`` between files
resolves through that registry only, so validation never touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError as JsonSchemaError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable
from referencing.jsonschema import DRAFT202012

from dossiergen.errors import SchemaError

ROOT_SCHEMA = "dossier.schema.json"


def _no_network(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


@dataclass(frozen=True)
class SchemaSet:
    """All schemas of one format version, a validator for the root, and a fast look-up by $id."""

    root_id: str
    registry: Registry[Any]
    validator: Draft202012Validator
    documents: Mapping[str, Mapping[str, Any]]
    fast: Any = None  # jsonschema-rs validator of the same schemas: a quick "valid?" only
    #: Things derived from these schemas once per process (e.g. the views' walk plan).
    derived: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def quick_is_valid(self, instance: Any) -> bool:
        """True when the compiled validator finds ``instance`` valid (false: ask ``validator``).

        jsonschema-rs answers in a fraction of a millisecond; the Python validator, which gives
        the detailed errors, only runs for dossiers that have any. A test holds the two to the
        same verdict over the whole test corpus.
        """
        if self.fast is None:
            return False
        try:
            return bool(self.fast.is_valid(instance))
        except (ValueError, TypeError, OverflowError):  # e.g. a non-text key: let Python judge
            return False

    def trail(self, schema_path: Iterable[str | int]) -> list[tuple[Mapping[str, Any], Any, bool]]:
        """The schemas passed on the way along an error's ``absolute_schema_path``.

        Each entry is ``(schema, resolver, reached_through_ref)``; ``$ref`` steps are followed
        through the registry, so the caller can find the schema that names the field.
        """
        resolver = self.registry.resolver(self.root_id)
        current: Any = self.documents[self.root_id]
        steps: list[tuple[Mapping[str, Any], Any, bool]] = [(current, resolver, False)]
        for part in schema_path:
            try:
                # jsonschema leaves "$ref" out of the path: follow it when the next step is
                # not a keyword of the referring schema itself.
                while (
                    isinstance(current, Mapping)
                    and "$ref" in current
                    and (part == "$ref" or part not in current)
                ):
                    resolved = resolver.lookup(current["$ref"])
                    resolver, current = resolved.resolver, resolved.contents
                    if isinstance(current, Mapping):
                        steps.append((current, resolver, True))
                if part != "$ref":
                    current = current[part]
            except (KeyError, IndexError, TypeError, Unresolvable):
                break
            if isinstance(current, Mapping):
                steps.append((current, resolver, False))
        return steps

    def follow(self, schema: Mapping[str, Any], resolver: Any) -> Mapping[str, Any]:
        """``schema`` with its ``$ref`` followed once, the local keywords winning."""
        ref = schema.get("$ref")
        if not isinstance(ref, str):
            return schema
        try:
            target = resolver.lookup(ref).contents
        except Unresolvable:
            return schema
        return {**target, **schema} if isinstance(target, Mapping) else schema


def load_schemas(directory: Path, root: str = ROOT_SCHEMA) -> SchemaSet:
    """Read every ``*.schema.json`` in ``directory``; raise ``SchemaError`` naming each problem.

    ``root`` is the file name of the schema a document is validated against.
    """
    documents: dict[str, Mapping[str, Any]] = {}
    problems: list[str] = []
    root_id = ""
    files = sorted(directory.glob("*.schema.json"))
    if not files:
        raise SchemaError(f"geen schema's gevonden in {directory}")
    for file in files:
        try:
            contents = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            problems.append(f"{file}: {e}")
            continue
        schema_id = contents.get("$id") if isinstance(contents, dict) else None
        if not isinstance(schema_id, str):
            problems.append(f"{file}: '$id' ontbreekt")
            continue
        try:
            if not _meta_valid(contents):
                Draft202012Validator.check_schema(contents)
        except JsonSchemaError as e:
            problems.append(f"{file}: ongeldig schema: {e.message}")
            continue
        documents[schema_id] = contents
        if file.name == root:
            root_id = schema_id
    if not root_id:
        problems.append(f"{directory / root}: hoofdschema ontbreekt")
    if problems:
        raise SchemaError("schema's zijn niet bruikbaar:\n" + "\n".join(problems))
    empty: Registry[Any] = Registry(retrieve=_no_network)  # type: ignore[call-arg]
    registry = empty.with_resources(
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012))
        for uri, doc in documents.items()
    )
    registry = registry.crawl()
    validator = Draft202012Validator(
        documents[root_id],
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return SchemaSet(root_id, registry, validator, documents, _compiled(root_id, documents))


_DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


def _meta_valid(schema: Any) -> bool:
    """Whether jsonschema-rs finds a draft 2020-12 schema valid against its metaschema (200
    times faster than jsonschema); when not, or unsure, jsonschema checks it and names the
    problem."""
    if not isinstance(schema, dict) or schema.get("$schema", _DRAFT_2020_12) != _DRAFT_2020_12:
        return False
    try:
        import jsonschema_rs

        return bool(jsonschema_rs.meta.is_valid(schema))
    except (ImportError, AttributeError, ValueError):  # pragma: no cover - an older version
        return False


def _compiled(root_id: str, documents: Mapping[str, Mapping[str, Any]]) -> Any:
    """The jsonschema-rs validator for the same schemas, offline; ``None`` if unavailable."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a dependency; without it validation is slower
        return None
    registry = jsonschema_rs.Registry([(uri, dict(doc)) for uri, doc in documents.items()])
    return jsonschema_rs.validator_for(
        dict(documents[root_id]), registry=registry, validate_formats=True, offline=True
    )
