"""``check`` for CI (json, gitlab, sarif), the schemas for editors, and finding LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT

from dossiergen.cli import main
from dossiergen.commands.ci_report import mask
from dossiergen.libreoffice import find_libreoffice, standard_locations
from dossiergen.praktijk.editor import export_schemas

BSN_DOSSIER = "tests/dossiers/ongeldig/bsn-elfproef.yaml"
WARNING_DOSSIER = "tests/dossiers/ongeldig/fml-verouderd.yaml"
PEILDATUM = "2026-11-25"


def check(*args: str) -> tuple[int, Any]:
    result = CliRunner().invoke(main, ["check", "--peildatum", PEILDATUM, *args])
    return result.exit_code, json.loads(result.stdout)


def test_identifiers_are_masked() -> None:
    assert mask("BSN '999990010' voldoet niet") == "BSN '*********' voldoet niet"
    assert mask("nummer 123456789L01 en KvK 12345678") == "nummer ************ en KvK ********"
    assert mask("mail p.jansen@voorbeeld.nl of NL91ABNA0417164300") == (
        "mail *.******@*********.** of ******************"
    )
    assert mask("'06-1234' heeft niet de juiste vorm", "$.werkgever.telefoon") == (
        "'**-****' heeft niet de juiste vorm"
    )
    assert mask("op 2026-01-05, 3 weken") == "op 2026-01-05, 3 weken"  # dates and counts stay


@pytest.mark.parametrize("output_format", ["json", "gitlab", "sarif"])
def test_no_ci_output_shows_the_bsn(output_format: str) -> None:
    text = Path(BSN_DOSSIER).read_text(encoding="utf-8")
    code, _ = check("--format", output_format, BSN_DOSSIER)
    raw = CliRunner().invoke(
        main, ["check", "--peildatum", PEILDATUM, "--format", output_format, BSN_DOSSIER]
    )
    assert code == 1
    bsn = next(line.split('"')[1] for line in text.splitlines() if "bsn:" in line)
    assert bsn not in raw.stdout


def test_strict_turns_warnings_into_errors_in_the_json() -> None:
    _, lenient = check("--format", "json", WARNING_DOSSIER)
    code, strict = check("--format", "json", "--strict", WARNING_DOSSIER)
    assert {p["severity"] for p in lenient["problems"]} == {"waarschuwing"}
    assert {p["severity"] for p in strict["problems"]} == {"fout"}
    assert strict["strict"] is True and code == 1
    assert [p["fingerprint"] for p in lenient["problems"]] == [
        p["fingerprint"] for p in strict["problems"]
    ]
    assert lenient["problems"][0]["rule"] == "regel.fml_actueel"


def test_gitlab_code_quality_shape() -> None:
    _, issues = check("--format", "gitlab", "tests/dossiers/ongeldig/meerdere-problemen.yaml")
    assert issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("major", "minor")
        assert issue["location"]["path"] == "tests/dossiers/ongeldig/meerdere-problemen.yaml"
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_sarif_shape() -> None:
    _, log = check("--format", "sarif", "tests/dossiers/ongeldig/meerdere-problemen.yaml")
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules))
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert len(result["partialFingerprints"]["dossiergen/v1"]) == 64


def test_a_valid_dossier_gives_empty_reports() -> None:
    valid = "tests/dossiers/geldig/minimaal-week-1.yaml"
    assert check("--format", "gitlab", valid) == (0, [])
    assert check("--format", "sarif", valid)[1]["runs"][0]["results"] == []


# --- the schemas for editors --------------------------------------------------------------------


def test_every_pattern_has_a_dutch_editor_message() -> None:
    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if "pattern" in node:
                yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for path in sorted((ROOT / "schemas" / "v2").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert " van en van " not in text, path
        for schema in walk(json.loads(text)):
            assert schema.get("patternErrorMessage"), (path.name, schema["pattern"])


def test_exported_schemas_resolve_offline(tmp_path: Path) -> None:
    written = export_schemas(tmp_path / "schemas", "test")
    shipped = sorted((ROOT / "schemas").glob("v*/*.schema.json"))
    assert [p.relative_to(tmp_path) for p in written] == [p.relative_to(ROOT) for p in shipped]
    for path in written:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert "$id" not in schema and schema["$comment"].startswith("Kopie van het schema")
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if checker is None:
        pytest.skip("check-jsonschema ontbreekt (pip install -e '.[dev]')")
    command = [checker, "--schemafile", str(tmp_path / "schemas/v2/dossier.schema.json")]
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"]).returncode == 0:
        command = ["unshare", "-rn", *command]  # no network at all: nothing to download
    valid = subprocess.run([*command, *map(str, sorted((ROOT / "dossiers").glob("*.yaml")))])
    assert valid.returncode == 0
    invalid = subprocess.run(
        [*command, str(ROOT / "tests/dossiers/ongeldig/verplicht-ontbreekt.yaml")],
        capture_output=True,
        text=True,
    )
    assert invalid.returncode == 1 and "required property" in invalid.stdout


# --- LibreOffice --------------------------------------------------------------------------------


def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_libreoffice_in_the_windows_program_folder(tmp_path: Path) -> None:
    program = _program(tmp_path / "LibreOffice" / "program" / "soffice.exe")
    environ = {"ProgramFiles": str(tmp_path), "ProgramFiles(x86)": str(tmp_path / "x86")}
    assert find_libreoffice(environ, "win32", which=lambda name: None) == str(program)


def test_libreoffice_in_the_macos_applications(tmp_path: Path) -> None:
    program = _program(tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    found = find_libreoffice({"HOME": str(tmp_path)}, "darwin", which=lambda name: None)
    assert found in (str(program), "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def test_libreoffice_on_path_first_and_named_explicitly(tmp_path: Path) -> None:
    assert find_libreoffice({}, "linux", which=lambda name: f"/bin/{name}") == "/bin/soffice"
    program = _program(tmp_path / "portable" / "soffice")
    assert find_libreoffice({"DOSSIERGEN_SOFFICE": str(program)}, "linux") == str(program)
    assert find_libreoffice({"DOSSIERGEN_SOFFICE": str(tmp_path / "weg")}, "linux") is None
    assert Path("/usr/lib/libreoffice/program/soffice") in standard_locations("linux", {})


def test_no_libreoffice_anywhere(tmp_path: Path) -> None:
    environ = {"ProgramFiles": str(tmp_path), "LOCALAPPDATA": str(tmp_path), "HOME": "/nergens"}
    assert find_libreoffice(environ, "win32", which=lambda name: None) is None
