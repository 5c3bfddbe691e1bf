"""A practice from scratch, as a new user would: the built wheel in a fresh environment, a new
git repository, ``init``, ``nieuw``, the bureau's name, an own template, the editor's schemas
offline and pre-commit blocking a broken dossier (``make praktijktest``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import ROOT
from docx_helpers import docx_text, header_parts

pytestmark = pytest.mark.slow

NAME = "Arbeidsdeskundig Bureau Noord"
LETTER = "brief-ziekmelding-42e-week"
EXAMPLE = "el-amrani-jobcarving.yaml"
OVERRIDE = """\
{% extends "dossiergen/brief-ziekmelding-42e-week.md.j2" %}
{% block slot %}Wij horen graag van u. Bel {{ cp.naam }} als u iets mist.{% endblock %}
"""
DEV_BIN = Path(sys.executable).parent


def run(
    command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def ok(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = run(command, cwd, env)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def offline(command: list[str | Path]) -> list[str | Path]:
    """``command`` without network, where this machine allows it (Linux user namespaces)."""
    if shutil.which("unshare") and run(["unshare", "-rn", "true"], Path.cwd()).returncode == 0:
        return ["unshare", "-rn", *command]
    return command


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh environment with the wheel of this checkout installed."""
    base = tmp_path_factory.mktemp("installatie")
    ok([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", base / "dist", ROOT], base)
    (wheel,) = (base / "dist").glob("dossiergen-*.whl")
    ok([sys.executable, "-m", "venv", base / "venv"], base)
    bin_dir = base / "venv" / ("Scripts" if os.name == "nt" else "bin")
    ok([bin_dir / "python", "-m", "pip", "install", "-q", wheel], base)
    return bin_dir


def test_a_practice_from_scratch(installed: Path, tmp_path: Path) -> None:
    dossiergen = installed / "dossiergen"
    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    assert ok([dossiergen, "--version"], elsewhere).startswith("dossiergen ")

    practice = tmp_path / "praktijk"
    practice.mkdir()
    ok(["git", "init", "-q"], practice)
    ok([dossiergen, "init", "--naam", "Bureau in oprichting"], practice)
    ok([dossiergen, "nieuw", "de-vries"], practice / "dossiers")  # from a subfolder
    shutil.copy(ROOT / "dossiers" / EXAMPLE, practice / "dossiers")
    config = practice / "dossiergen.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('"Bureau in oprichting"', f'"{NAME}"'),
        encoding="utf-8",
    )
    ok([dossiergen, "check"], practice)
    ok([dossiergen, "build"], practice / "dossiers")
    built = sorted((practice / "build").rglob("*.docx"))
    assert {d.parent.name for d in built} == {"de-vries", Path(EXAMPLE).stem}
    for document in built:
        headers = header_parts(document)
        assert headers and all(NAME in h for h in headers), document
        assert not any("dossiergen" in h.lower() for h in headers), document

    # An own template changes one sentence of one letter, and only that letter is rebuilt.
    letter = practice / "build" / Path(EXAMPLE).stem / f"{LETTER}.docx"
    before = docx_text(letter.read_bytes())
    (practice / "templates" / f"{LETTER}.md.j2").write_text(OVERRIDE, encoding="utf-8")
    report = ok([dossiergen, "build"], practice)
    assert "1 gebouwd" in report, report
    after = docx_text(letter.read_bytes())
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1
    assert "Wij horen graag van u. Bel W. Mulder als u iets mist." in changed[0][1]

    # The editor's schemas work offline.
    checker = DEV_BIN / "check-jsonschema"
    schema = practice / "schemas" / "v2" / "dossier.schema.json"
    ok(offline([checker, "--schemafile", schema, "dossiers/de-vries.yaml"]), practice)

    # pre-commit with the generated configuration: passes, then blocks a broken dossier.
    env = {
        **os.environ,
        "PATH": f"{installed}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
    }
    pre_commit = DEV_BIN / "pre-commit"
    ok(["git", "add", "-A"], practice)
    ok([pre_commit, "run", "--all-files"], practice, env)
    broken = practice / "dossiers" / "kapot.yaml"
    broken.write_text(
        (practice / "dossiers" / "de-vries.yaml")
        .read_text(encoding="utf-8")
        .replace('"999999990"', '"999999991"'),
        encoding="utf-8",
    )
    ok(["git", "add", "-A"], practice)
    blocked = run([pre_commit, "run", "--all-files"], practice, env)
    assert blocked.returncode == 1, blocked.stdout
    assert "dossiers/kapot.yaml" in blocked.stdout and "elfproef" in blocked.stdout
    assert "build/" not in ok(["git", "status", "--porcelain", "--ignored=no"], practice)


def test_a_version_1_dossier_migrates_with_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    """Both schema versions ship in the wheel: the editor keeps validating a dossier that is
    not yet migrated, ``check`` names the command, and ``migreer`` upgrades it."""
    dossiergen = installed / "dossiergen"
    practice = tmp_path / "praktijk"
    practice.mkdir()
    ok([dossiergen, "init", "--naam", NAME], practice)
    old = practice / "dossiers" / "kok.yaml"
    text = (ROOT / "tests" / "dossiers" / "migratie" / "kantoor.yaml").read_text(encoding="utf-8")
    old.write_text(text.replace("../../../schemas/", "../schemas/", 1), encoding="utf-8")
    checker = DEV_BIN / "check-jsonschema"
    v1 = practice / "schemas" / "v1" / "dossier.schema.json"
    ok(offline([checker, "--schemafile", v1, "dossiers/kok.yaml"]), practice)

    refused = run([dossiergen, "check"], practice)
    assert refused.returncode == 1
    assert "Zet het om met: dossiergen migreer dossiers/kok.yaml" in refused.stdout

    report = ok([dossiergen, "migreer"], practice)
    assert "1 dossier: 1 omgezet naar versie 2" in report
    assert "let op: de editor vindt" not in report  # init exported schemas/v2
    migrated = old.read_text(encoding="utf-8")
    assert migrated.startswith("# yaml-language-server: $schema=../schemas/v2/dossier.schema.json")
    ok([dossiergen, "check"], practice)  # warnings only: the value left to look at
    v2 = practice / "schemas" / "v2" / "dossier.schema.json"
    ok(offline([checker, "--schemafile", v2, "dossiers/kok.yaml"]), practice)
