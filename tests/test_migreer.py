"""``dossiergen migreer``: version-1 dossiers become version 2 and keep everything else.

Each ``tests/dossiers/migratie/<naam>.yaml`` is a version-1 dossier with ``<naam>.meldingen``,
precisely the report of ``--dry-run``, and either ``<naam>.verwacht`` (the whole version-2 text,
for the commented examples), ``<naam>.diff`` (the unified diff of ``--dry-run``, for the released
version-1 examples) or neither (a file migreer refuses).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT

from dossiergen.cli import main
from dossiergen.config import FORMAT_VERSION, format_schemas_dir

MIGRATIE = ROOT / "tests" / "dossiers" / "migratie"
FIXTURES = sorted(MIGRATIE.glob("*.yaml"))
PEILDATUM = "2026-06-01"  # the day whose werkhervatting counts without zaak.rapportdatum
RELEASED = ("bakker-spoor2", "de-vries-spoor1-aangepast-werk", "el-amrani-jobcarving")
MODELINE_V1 = "# yaml-language-server: $schema=../../../schemas/v1/dossier.schema.json"


def migreer(*args: str) -> Result:
    return CliRunner().invoke(main, ["migreer", "--peildatum", PEILDATUM, *args])


def expected_stdout(name: str) -> str:
    """What ``--dry-run`` prints on standard output for a fixture."""
    diff = MIGRATIE / f"{name}.diff"
    if diff.exists():
        return diff.read_text(encoding="utf-8")
    verwacht = MIGRATIE / f"{name}.verwacht"
    if not verwacht.exists():
        return ""  # refused: no diff
    shown = f"tests/dossiers/migratie/{name}.yaml"
    before = (MIGRATIE / f"{name}.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    after = verwacht.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"a/{shown}", f"b/{shown}"))


def loonwaarden(data: Any, path: tuple[str | int, ...] = ()) -> dict[tuple[str | int, ...], Any]:
    """Every loonwaarde in a dossier's data, by path."""
    found = {}
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        if key == "loonwaarde":
            found[(*path, key)] = value
        found.update(loonwaarden(value, (*path, key)))
    return found


def data_of(path: Path) -> Any:
    from dossiergen.dossier.load import load_dossier

    return load_dossier(path).data


# -- the fixtures ---------------------------------------------------------------------------------


def test_the_fixtures_are_complete() -> None:
    names = {p.stem for p in FIXTURES}
    assert {"kantoor", "winkel", "fouten-v1", "opmaak", *RELEASED} <= names
    for name in names:
        assert (MIGRATIE / f"{name}.meldingen").exists(), name
        text = (MIGRATIE / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith(MODELINE_V1 + "\nschema_version: 1\n"), name
    for extra in MIGRATIE.iterdir():
        assert extra.suffix in (".yaml", ".meldingen", ".verwacht", ".diff"), extra.name
        assert extra.stem in names, extra.name


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_dry_run_shows_the_diff_and_the_report_and_writes_nothing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    before = path.read_bytes()
    result = migreer("--dry-run", f"tests/dossiers/migratie/{path.name}")
    refused = not (path.with_suffix(".verwacht").exists() or path.with_suffix(".diff").exists())
    assert result.exit_code == (1 if refused else 0), result.output
    assert result.stdout == expected_stdout(path.stem)
    assert result.stderr == path.with_suffix(".meldingen").read_text(encoding="utf-8")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["kantoor", "winkel"])
def test_a_commented_dossier_migrates_to_exactly_the_expected_text(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"{name}.yaml"
    shutil.copy(MIGRATIE / f"{name}.yaml", target)
    target.chmod(0o600)  # a dossier holds a BSN: its permissions stay
    monkeypatch.chdir(tmp_path)
    result = migreer(target.name)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == (MIGRATIE / f"{name}.verwacht").read_text("utf-8")
    assert target.stat().st_mode & 0o777 == 0o600
    assert not [p.name for p in tmp_path.iterdir() if p.name != target.name]
    report = result.stdout.splitlines()
    assert report[-1] == "1 dossier: 1 omgezet naar versie 2, 0 al in versie 2, 0 niet omgezet"


def test_line_endings_and_byte_order_mark_stay(tmp_path: Path) -> None:
    source = (MIGRATIE / "kantoor.yaml").read_bytes()
    target = tmp_path / "kantoor.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + source.replace(b"\n", b"\r\n"))
    assert migreer(str(target)).exit_code == 0
    expected = (MIGRATIE / "kantoor.verwacht").read_bytes().replace(b"\n", b"\r\n")
    assert target.read_bytes() == b"\xef\xbb\xbf" + expected


def test_a_second_run_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in FIXTURES:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    first = migreer(".")
    assert first.exit_code == 1  # two fixtures are refused
    assert first.stdout.splitlines()[-1] == (
        f"{len(FIXTURES)} dossiers: {len(FIXTURES) - 2} omgezet naar versie 2, 0 al in versie 2, "
        "2 niet omgezet"
    )
    after_first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for refused in ("opmaak.yaml", "fouten-v1.yaml"):
        assert after_first.pop(refused) == (MIGRATIE / refused).read_bytes()
        (tmp_path / refused).unlink()
    count = len(after_first)
    second = migreer("--dry-run", ".")
    assert (second.exit_code, second.stdout) == (0, "")
    assert second.stderr == (
        f"{count} dossiers: 0 om te zetten naar versie 2, {count} al in versie 2, 0 niet omgezet "
        "(--dry-run: niets geschreven)\n"
    )
    assert migreer(".").exit_code == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == after_first


# -- the released examples ------------------------------------------------------------------------


@pytest.mark.parametrize("name", RELEASED)
def test_a_released_example_becomes_a_valid_version_2_dossier(name: str, tmp_path: Path) -> None:
    """The examples as released in version 1 migrate to a dossier without errors, and every
    loonwaarde ends up as the version-2 example holds it: Bakker's share of 40 % over 16 of 40
    hours becomes 100; de Vries and El Amrani recorded productivities already (their toelichting
    says so), which the migration sees because the conversion would exceed 100, and leaves."""
    from datetime import date

    from dossiergen.checker import check_file, schemas_at
    from dossiergen.problems import Severity

    target = tmp_path / f"{name}.yaml"
    shutil.copy(MIGRATIE / f"{name}.yaml", target)
    assert migreer(str(target)).exit_code == 0
    result = check_file(target, schemas_at(format_schemas_dir()), date(2026, 11, 25))
    assert not [p for p in result.problems if p.severity is Severity.FOUT]
    migrated = loonwaarden(data_of(target))
    current = loonwaarden(data_of(ROOT / "dossiers" / f"{name}.yaml"))
    assert migrated and migrated == {path: current[path] for path in migrated}
    markers = {p.json_path for p in result.problems if p.rule == "regel.migratie_controle"}
    unconverted = [
        line
        for line in (MIGRATIE / f"{name}.meldingen").read_text().splitlines()
        if ": nakijken: " in line
    ]
    assert len(markers) == len(unconverted)


def test_bakker_converts_its_share_of_the_wage_from_its_own_hours() -> None:
    diff = (MIGRATIE / "bakker-spoor2.diff").read_text(encoding="utf-8")
    assert "-  loonwaarde: 40\n" in diff
    assert (
        "+  loonwaarde: 100  # versie 1: 40 % van het oorspronkelijke loon; "
        "40 × 40 contracturen ÷ 16 uur = 100 per gewerkt uur\n"
    ) in diff


# -- check on an old dossier, and after migrating -------------------------------------------------


OLD = "tests/dossiers/migratie/kantoor.yaml"
UPGRADE = (
    f"{OLD}:2:17: fout: dit dossier is in versie 1 van het dossierformaat; dossiergen leest "
    f"versie 2. Zet het om met: dossiergen migreer {OLD} [$.schema_version]"
)


def test_check_on_an_old_dossier_names_the_command_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", OLD, "--peildatum", "2026-11-25"])
    assert result.exit_code == 1
    assert result.output == (
        f"{UPGRADE}\n1 dossier gecontroleerd: 1 afgekeurd, 1 fout, 0 waarschuwingen\n"
    )
    listed = CliRunner().invoke(main, ["check", OLD, "--format", "json"])
    (problem,) = json.loads(listed.stdout)["problems"]
    assert problem["rule"] == "schema.versie"


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", OLD, "--peildatum", "2026-11-25"],
        ["agenda", OLD, "--peildatum", "2026-11-25"],
        ["build", OLD, "--peildatum", "2026-11-25", "--zonder-paginanummers", "-q", "-o"],
    ],
    ids=["timeline", "agenda", "build"],
)
def test_every_command_says_the_same(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    if args[0] == "build":
        args = [*args, str(tmp_path / "build")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert UPGRADE in result.stderr.splitlines() + result.stdout.splitlines()
    assert not list(tmp_path.rglob("*.docx"))


def test_the_werkbank_shows_the_same(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from tests.test_werkbank import BASE, TOKEN, dossier_link, werkbank_app
    from tests.werkbank_helpers import make_practice

    practice = make_practice(tmp_path / "praktijk")
    shutil.copy(MIGRATIE / "kantoor.yaml", practice / "dossiers" / "kantoor.yaml")
    with TestClient(werkbank_app(practice), base_url=BASE, follow_redirects=False) as client:
        assert client.get(f"/?token={TOKEN}").status_code == 303
        page = client.get(dossier_link(client, "H.J. Kok")).text
    assert "dossiergen migreer dossiers/kantoor.yaml" in page


def test_check_warns_at_each_value_to_look_at_until_its_comment_goes(tmp_path: Path) -> None:
    target = tmp_path / "winkel.yaml"
    shutil.copy(MIGRATIE / "winkel.yaml", target)
    assert migreer(str(target)).exit_code == 0
    result = CliRunner().invoke(
        main, ["check", str(target), "--peildatum", PEILDATUM, "--format", "json"]
    )
    found = [
        p for p in json.loads(result.stdout)["problems"] if p["rule"] == "regel.migratie_controle"
    ]
    assert [(p["line"], p["column"], p["json_path"], p["severity"]) for p in found] == [
        (17, 15, "$.werkgever_informatie.loonwaarde", "waarschuwing"),
        (20, 15, "$.aangepast_eigen_werk.loonwaarde", "waarschuwing"),
    ]
    assert "zet hier de juiste waarde en haal de opmerking weg" in found[0]["message"]
    text = target.read_text(encoding="utf-8")
    looked_at = text.replace(
        "loonwaarde: 90  # telling van de bedrijfsleider  # MIGRATIE-CONTROLE",
        "loonwaarde: 90  # telling van de bedrijfsleider; nagekeken, al per uur  #",
    )
    target.write_text(looked_at, encoding="utf-8")
    again = CliRunner().invoke(
        main, ["check", str(target), "--peildatum", PEILDATUM, "--format", "json"]
    )
    left = [
        p["line"]
        for p in json.loads(again.stdout)["problems"]
        if p["rule"] == "regel.migratie_controle"
    ]
    assert left == [17]


# -- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"schema_version: 3\nwerknemer: {}\n",
            "schema_version is 3; omzetten kan alleen van versie 1 naar 2",
        ),
        (
            b"werknemer: {naam: X}\n",
            "schema_version ontbreekt; omzetten kan alleen van versie 1 naar 2",
        ),
        (b"schema_version: 1\nwerknemer:\n\tnaam: X\n", "het bestand is niet leesbaar"),
    ],
    ids=["versie-3", "zonder-versie", "tab"],
)
def test_what_is_not_a_version_1_dossier_is_refused_and_left(
    content: bytes, reason: str, tmp_path: Path
) -> None:
    target = tmp_path / "x.yaml"
    target.write_bytes(content)
    result = migreer(str(target))
    assert result.exit_code == 1
    assert f"x.yaml: niet omgezet: {reason}" in result.stdout
    assert target.read_bytes() == content


def test_a_file_changed_while_migrating_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dossiergen.commands.migreer as command

    target = tmp_path / "kantoor.yaml"
    shutil.copy(MIGRATIE / "kantoor.yaml", target)
    real = command.migreer_bestand

    def edited_meanwhile(*args: Any) -> Any:
        result = real(*args)
        target.write_bytes(target.read_bytes() + b"# ondertussen in de editor\n")
        return result

    monkeypatch.setattr(command, "migreer_bestand", edited_meanwhile)
    result = migreer(str(target))
    assert result.exit_code == 1
    assert "niet omgezet: het bestand is intussen gewijzigd" in result.stdout
    assert target.read_bytes().endswith(b"# ondertussen in de editor\n")
    assert b"schema_version: 1\n" in target.read_bytes()


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert migreer(str(tmp_path / "bestaat-niet.yaml")).exit_code == 2


def test_the_modeline_that_finds_no_schema_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "kantoor.yaml"
    shutil.copy(MIGRATIE / "kantoor.yaml", target)
    result = migreer(str(target))
    assert (
        f"{target}:1:1: let op: de editor vindt het schema ../../../schemas/v2/dossier.schema.json "
        "niet; zet de schema's neer met 'dossiergen schemas'"
    ) in result.stdout.splitlines()


# -- the conversion itself ------------------------------------------------------------------------


def _conversions(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    from datetime import date

    from dossiergen.migratie.loonwaarde import omrekeningen

    return [(o.path, o.oud, o.nieuw, o.reden) for o in omrekeningen(data, date(2026, 6, 1))]


def test_contract_hours_come_from_the_eigen_werk_when_the_contract_has_none() -> None:
    data = {
        "eigen_werk": {"uren_per_week": 32},
        "aangepast_eigen_werk": {"uren_per_week": 16, "loonwaarde": 25},
    }
    assert _conversions(data) == [(("aangepast_eigen_werk", "loonwaarde"), 25, 50, "")]


def test_without_contract_hours_the_value_stays() -> None:
    data = {"aangepast_eigen_werk": {"uren_per_week": 16, "loonwaarde": 25}}
    ((_, old, new, reason),) = _conversions(data)
    assert (old, new) == (25, None)
    assert reason == "het dossier noemt geen contracturen (werknemer.contract.uren_per_week)"


def test_a_decimal_result_keeps_one_decimal() -> None:
    data = {
        "werknemer": {"contract": {"uren_per_week": 38}},
        "aangepast_eigen_werk": {"uren_per_week": 30, "loonwaarde": 50},
    }
    assert _conversions(data)[0][2] == 63.3


def test_the_migrated_share_of_the_wage_is_what_the_rapport_prints() -> None:
    """The point of the conversion: the rapport's share of the wage (loonwaarde × hours ÷
    contract hours) of the migrated value is the version-1 value."""
    from dossiergen.documents.rapport.loonwaarde import Loonwaarde

    for share, hours, contract in [
        (40, 16, 40),
        (45, 18, 36),
        (45, 24, 36),
        (60, 16, 20),
        (50, 30, 38),
    ]:
        data = {
            "werknemer": {"contract": {"uren_per_week": contract}},
            "aangepast_eigen_werk": {"uren_per_week": hours, "loonwaarde": share},
        }
        productivity = _conversions(data)[0][2]
        assert Loonwaarde(productivity, hours, contract).loonaandeel == pytest.approx(
            share, abs=0.05
        )


# -- schemas and the editor -----------------------------------------------------------------------


def test_both_versions_are_shipped_and_apart() -> None:
    for version in range(1, FORMAT_VERSION + 1):
        root = json.loads((format_schemas_dir(version) / "dossier.schema.json").read_text("utf-8"))
        assert root["properties"]["schema_version"]["const"] == version
        for path in format_schemas_dir(version).glob("*.schema.json"):
            schema_id = json.loads(path.read_text(encoding="utf-8"))["$id"]
            assert schema_id == f"https://dossiergen.nl/schemas/v{version}/{path.name}"
    old = json.loads(
        (format_schemas_dir(1) / "aangepast_eigen_werk.schema.json").read_text("utf-8")
    )
    assert "van het oorspronkelijke loon" in old["properties"]["loonwaarde"]["description"]
    new = json.loads(
        (format_schemas_dir(2) / "aangepast_eigen_werk.schema.json").read_text("utf-8")
    )
    assert "per gewerkt uur" in new["properties"]["loonwaarde"]["description"]


def test_schemas_refreshes_an_old_practice_for_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["init", "--naam", "Bureau Oud"]).exit_code == 0
    settings = tmp_path / ".vscode" / "settings.json"
    old = settings.read_text(encoding="utf-8").replace("/v2/dossier.schema", "/v1/dossier.schema")
    settings.write_text(old, encoding="utf-8")
    shutil.rmtree(tmp_path / "schemas" / "v2")
    result = CliRunner().invoke(main, ["schemas"])
    assert result.exit_code == 0, result.output
    assert ".vscode/settings.json: de editor controleert dossiers nu met v2" in result.output
    bound = json.loads(settings.read_text(encoding="utf-8"))["yaml.schemas"]
    assert bound == {"./schemas/v2/dossier.schema.json": "dossiers/**/*.yaml"}
    for version in ("v1", "v2"):
        assert (tmp_path / "schemas" / version / "dossier.schema.json").is_file()
    assert os.path.exists(tmp_path / "schemas" / "v1" / "aangepast_eigen_werk.schema.json")
