"""Tests of the dossier JSON Schemas (schemas/v2; schemas/v1 for migrating) themselves.

These use jsonschema and referencing directly, not the project loader, so that the format
contract holds on its own: every file is a valid 2020-12 schema, every property is documented
in Dutch for the VS Code hover, every object is closed, and every example dossier validates.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

SCHEMA_DIR = ROOT / "schemas" / "v2"
BASE_ID = "https://dossiergen.nl/schemas/v2/"
GELDIG = sorted((ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml"))
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))

VERTROUWELIJKHEID = {"medisch", "prive"}


class _StringDateConstructor(SafeConstructor):
    """Safe constructor that keeps YAML timestamps as strings (dates are checked by format)."""


# add_constructor copies the class's table first, so SafeConstructor itself is untouched.
_StringDateConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str
)


def load_yaml(path: Path) -> Any:
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _StringDateConstructor
    return yaml.load(path.read_text(encoding="utf-8"))


def load_schemas() -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_FILES}


SCHEMAS = load_schemas()


def make_registry() -> Registry:
    return Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in SCHEMAS.values()
    )


REGISTRY = make_registry()


def make_validator() -> Draft202012Validator:
    return Draft202012Validator(
        SCHEMAS["dossier.schema.json"],
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


VALIDATOR = make_validator()


def walk(schema: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every structural subschema (through properties, items, $defs) with a readable path.

    Conditional parts (if/then in brieven) are skipped: they only restate required keys.
    """
    if not isinstance(schema, dict):
        return
    yield path, schema
    for name, sub in schema.get("properties", {}).items():
        yield from walk(sub, f"{path}.{name}")
    for name, sub in schema.get("$defs", {}).items():
        yield from walk(sub, f"{path}#{name}")
    if "items" in schema:
        yield from walk(schema["items"], f"{path}[]")


def all_properties() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for file_name, schema in SCHEMAS.items():
        for path, sub in walk(schema, file_name):
            for name, prop in sub.get("properties", {}).items():
                yield file_name, f"{path}.{name}", prop


def errors_for(data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def minimal() -> dict[str, Any]:
    return {
        "schema_version": 2,
        "werknemer": {
            "naam": "Jansen",
            "voorletters": "M.",
            "geboortedatum": "1990-02-14",
            "bsn": "999990020",
        },
        "werkgever": {"naam": "Bakkerij Jansen"},
        "verzuim": {"eerste_ziektedag": "2026-11-23"},
    }


# --- the schema files themselves -------------------------------------------------------------


def test_expected_files_present() -> None:
    names = set(SCHEMAS)
    assert "dossier.schema.json" in names
    assert "gemeenschappelijk.schema.json" in names
    assert len(names) >= 10


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = SCHEMAS[path.name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == BASE_ID + path.name


def test_all_refs_resolve() -> None:
    resolver = REGISTRY.resolver()
    refs: list[tuple[str, str]] = []

    def collect(node: Any, file_name: str) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append((file_name, node["$ref"]))
            for value in node.values():
                collect(value, file_name)
        elif isinstance(node, list):
            for value in node:
                collect(value, file_name)

    for file_name, schema in SCHEMAS.items():
        collect(schema, file_name)
    assert refs
    for file_name, ref in refs:
        assert not ref.startswith("http"), f"{file_name}: use a relative $ref, not {ref}"
        resolver.lookup(BASE_ID + ref if not ref.startswith("#") else BASE_ID + file_name + ref)


def test_every_property_documented() -> None:
    problems = []
    for _file, path, prop in all_properties():
        for key in ("title", "description", "x-leidraad"):
            value = prop.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{path}: {key} ontbreekt")
    assert not problems, "\n".join(problems)


def test_every_object_closed() -> None:
    problems = []
    for file_name, schema in SCHEMAS.items():
        for path, sub in walk(schema, file_name):
            is_object = sub.get("type") == "object" or "properties" in sub
            if is_object and sub.get("additionalProperties") is not False:
                problems.append(path)
    assert not problems, "objecten zonder additionalProperties: false:\n" + "\n".join(problems)


def test_strings_and_lists_bounded() -> None:
    problems = []
    for file_name, schema in SCHEMAS.items():
        for path, sub in walk(schema, file_name):
            if sub.get("type") == "string" and "enum" not in sub and "maxLength" not in sub:
                problems.append(f"{path}: maxLength ontbreekt")
            if sub.get("type") == "array" and "maxItems" not in sub:
                problems.append(f"{path}: maxItems ontbreekt")
    assert not problems, "\n".join(problems)


def test_vertrouwelijkheid_values() -> None:
    for file_name, schema in SCHEMAS.items():
        for path, sub in walk(schema, file_name):
            if "x-vertrouwelijkheid" in sub:
                assert sub["x-vertrouwelijkheid"] in VERTROUWELIJKHEID, path


def _prop(file_name: str, *keys: str) -> dict[str, Any]:
    node: dict[str, Any] = SCHEMAS[file_name]
    for key in keys:
        node = node["items"] if key == "[]" else node["properties"][key]
    return node


@pytest.mark.parametrize(
    "file_name,keys",
    [
        ("bedrijfsarts.schema.json", ("medisch",)),
        ("bedrijfsarts.schema.json", ("medisch", "diagnose")),
        ("bedrijfsarts.schema.json", ("medisch", "oorzaak")),
        ("bedrijfsarts.schema.json", ("medisch", "behandeling")),
        ("bedrijfsarts.schema.json", ("medisch", "afspraken_behandelaars")),
        ("bedrijfsarts.schema.json", ("medisch", "medicatie")),
        ("bedrijfsarts.schema.json", ("medisch", "voorgeschiedenis")),
        ("verzuim.schema.json", ("probleemanalyse", "medische_toelichting")),
        ("verzuim.schema.json", ("bijstellingen", "[]", "medische_toelichting")),
        ("verzuim.schema.json", ("actueel_oordeel", "medische_toelichting")),
    ],
)
def test_medical_fields_marked(file_name: str, keys: tuple[str, ...]) -> None:
    assert _prop(file_name, *keys).get("x-vertrouwelijkheid") == "medisch"


@pytest.mark.parametrize(
    "file_name,keys",
    [
        ("werknemer_informatie.schema.json", ("secundaire_factoren",)),
        ("werknemer_informatie.schema.json", ("privesituatie",)),
        ("werknemer_informatie.schema.json", ("uitkeringsverleden",)),
        ("spoor_2.schema.json", ("persoonsprofiel", "belemmerende_factoren")),
    ],
)
def test_private_fields_marked(file_name: str, keys: tuple[str, ...]) -> None:
    assert _prop(file_name, *keys).get("x-vertrouwelijkheid") == "prive"


@pytest.mark.parametrize(
    "file_name,keys",
    [
        ("bedrijfsarts.schema.json", ("belastbaarheid",)),
        ("bedrijfsarts.schema.json", ("prognose",)),
        ("eigen_werk.schema.json", ("weging",)),
        ("verzuim.schema.json", ("plan_van_aanpak",)),
    ],
)
def test_functional_fields_not_marked(file_name: str, keys: tuple[str, ...]) -> None:
    # Beperkingen, prognose and afspraken are what the employer may know (AP beleidsregels).
    assert "x-vertrouwelijkheid" not in _prop(file_name, *keys)


# --- example and valid dossiers -------------------------------------------------------------


def test_enough_examples() -> None:
    assert len(EXAMPLES) >= 3
    assert 3 <= len(GELDIG) <= 5


@pytest.mark.parametrize("path", EXAMPLES + GELDIG, ids=lambda p: p.name)
def test_dossier_validates(path: Path) -> None:
    data = load_yaml(path)
    assert errors_for(data) == []


@pytest.mark.parametrize("path", EXAMPLES + GELDIG, ids=lambda p: p.name)
def test_dossier_header(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    depth = "../" if path.parent.name == "dossiers" else "../../../"
    assert lines[0] == f"# yaml-language-server: $schema={depth}schemas/v2/dossier.schema.json"
    assert (path.parent / f"{depth}schemas/v2/dossier.schema.json").resolve().is_file()
    assert lines[1] == "schema_version: 2"


def test_dates_stay_strings() -> None:
    data = load_yaml(EXAMPLES[0])
    assert isinstance(data["verzuim"]["eerste_ziektedag"], str)


def test_examples_cover_all_letter_kinds() -> None:
    kinds = {b["soort"] for path in EXAMPLES for b in load_yaml(path).get("brieven", [])}
    assert kinds == {
        "ziekmelding_42e_week",
        "deskundigenoordeel",
        "verlenging_loondoorbetaling",
        "aanbieding_riv",
    }


def test_examples_include_medical_section() -> None:
    for path in EXAMPLES:
        assert load_yaml(path)["bedrijfsarts"]["medisch"]["diagnose"], path.name


# --- negative cases --------------------------------------------------------------------------


def test_minimal_dossier_valid() -> None:
    assert errors_for(minimal()) == []


@pytest.mark.parametrize("key", ["schema_version", "werknemer", "werkgever", "verzuim"])
def test_required_from_day_one(key: str) -> None:
    data = minimal()
    del data[key]
    assert any(key in e for e in errors_for(data))


def test_eerste_ziektedag_required() -> None:
    data = minimal()
    data["verzuim"] = {}
    assert any("eerste_ziektedag" in e for e in errors_for(data))


@pytest.mark.parametrize("version", [1, 3, "2"])
def test_schema_version_must_be_2(version: object) -> None:
    data = minimal()
    data["schema_version"] = version
    assert errors_for(data)


@pytest.mark.parametrize("value", ["2026-02-30", "05-01-2026", "2026-1-5"])
def test_invalid_date_rejected(value: str) -> None:
    data = minimal()
    data["verzuim"]["eerste_ziektedag"] = value
    assert errors_for(data)


def test_unknown_key_rejected() -> None:
    data = minimal()
    data["werknemer"]["diagnose"] = "griep"
    assert any("diagnose" in e for e in errors_for(data))


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "12345678a", 999990019])
def test_bsn_shape(bsn: Any) -> None:
    data = minimal()
    data["werknemer"]["bsn"] = bsn
    assert errors_for(data)


def test_loonheffingennummer_shape() -> None:
    data = minimal()
    data["werkgever"]["loonheffingennummer"] = "123456789L1"
    assert errors_for(data)
    data["werkgever"]["loonheffingennummer"] = "123456789L01"
    assert errors_for(data) == []


def test_beperking_id_shape() -> None:
    data = minimal()
    data["eigen_werk"] = {
        "functie": "Orderpicker",
        "weging": [{"beperking": "Tillen zwaar", "overschrijding": "ja"}],
    }
    assert errors_for(data)


def test_overschrijding_enum() -> None:
    data = minimal()
    data["eigen_werk"] = {
        "functie": "Orderpicker",
        "weging": [{"beperking": "tillen", "overschrijding": "misschien"}],
    }
    assert errors_for(data)


def test_more_than_five_tasks_allowed_by_schema() -> None:
    # The 4-5 cluster limit is a domain rule with a friendlier message, not a schema cap.
    data = minimal()
    data["eigen_werk"] = {
        "functie": "Orderpicker",
        "taken": [{"naam": f"Taak {i}", "aandeel": 10} for i in range(10)],
    }
    assert errors_for(data) == []
    data["eigen_werk"]["taken"] = [{"naam": f"Taak {i}", "aandeel": 1} for i in range(41)]
    assert errors_for(data)


def test_letter_specific_fields_required() -> None:
    data = minimal()
    data["brieven"] = [{"soort": "deskundigenoordeel", "datum": "2026-12-01"}]
    assert any("vraag" in e for e in errors_for(data))
    data["brieven"] = [{"soort": "verlenging_loondoorbetaling", "datum": "2026-12-01"}]
    assert any("weken" in e for e in errors_for(data))
    data["brieven"] = [{"soort": "ziekmelding_42e_week", "datum": "2026-12-01"}]
    assert errors_for(data) == []


def test_verlenging_weken_bounds() -> None:
    data = minimal()
    # art. 24 WIA sets no maximum for a vrijwillige verlenging (the 52 weeks of a loonsanctie
    # are a domain rule over all sancties together); the schema only bounds absurd values.
    data["verzuim"]["verlenging_wachttijd"] = [{"grond": "vrijwillig", "weken": 521}]
    assert errors_for(data)
    data["verzuim"]["verlenging_wachttijd"] = [{"grond": "vrijwillig", "weken": 0}]
    assert errors_for(data)
    data["verzuim"]["verlenging_wachttijd"] = [{"grond": "vrijwillig", "weken": 60}]
    assert errors_for(data) == []


def test_door_requires_known_role() -> None:
    data = minimal()
    data["verzuim"]["probleemanalyse"] = {
        "datum": "2026-12-01",
        "door": {"naam": "A. Arts", "rol": "huisarts"},
    }
    assert errors_for(data)
