"""The README works as written: its commands run, its examples validate, its output is real."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from dossiergen.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.S | re.M)


def blocks(language: str) -> list[str]:
    return [m["body"] for m in BLOCK.finditer(README) if m["lang"] == language]


def _command(line: str) -> list[str]:
    """A shell line without its comment, as words."""
    return shlex.split(line, comments=True)


def _invoke(args: list[str]) -> tuple[int, str]:
    from dossiergen.builder.manifest import build_keys, template_digest
    from dossiergen.engine import engine_for

    for cached in (template_digest, build_keys, engine_for):  # as a fresh process would
        cached.cache_clear()
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


@pytest.mark.slow
def test_every_command_in_the_readme_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "dossiers", tmp_path / "dossiers")
    migratie = Path("tests/dossiers/migratie")
    shutil.copytree(ROOT / migratie, tmp_path / migratie)
    monkeypatch.chdir(tmp_path)
    ran = []
    for body in blocks("sh"):
        for line in body.splitlines():
            words = _command(line)
            if not words:
                continue
            if words[0] == "mkdir":
                Path(words[-1]).mkdir()
            elif words[0] == "cd":
                os.chdir(words[1])
            elif words[0] == "dossiergen":
                if "--pdf" in words and shutil.which("soffice") is None:
                    continue
                code, output = _invoke(words[1:])
                assert code == 0, f"{line}\n{output}"
                ran.append(" ".join(words[:2]))
    for command in (
        "check",
        "build",
        "timeline",
        "agenda",
        "migreer",
        "init",
        "nieuw",
        "huisstijl",
    ):
        assert f"dossiergen {command}" in ran, command
    # The worked example of an override, on a letter the examples make.
    practice = Path.cwd()
    shutil.copy(ROOT / "dossiers" / "el-amrani-jobcarving.yaml", practice / "dossiers")
    (override,) = blocks("jinja")
    (practice / "templates" / "brief-ziekmelding-42e-week.md.j2").write_text(override)
    letter_args = ["dossiers/el-amrani-jobcarving.yaml", "--document", "brief-ziekmelding-42e-week"]
    code, output = _invoke(["build", *letter_args])
    assert code == 0, output
    from docx_helpers import docx_text

    letter = practice / "build/el-amrani-jobcarving/brief-ziekmelding-42e-week.docx"
    assert "Wij horen graag van u. Bel W. Mulder als u iets mist." in docx_text(letter.read_bytes())


def test_the_example_output_is_what_check_prints() -> None:
    match = re.search(r"\(`(dossiergen check [^`]+)`\):\n\n```\n(.*?)```", README, re.S)
    assert match, "voorbeelduitvoer ontbreekt in README.md"
    code, output = _invoke(_command(match[1])[1:])
    assert code == 1
    assert output == match[2]


def test_the_example_migration_is_what_migreer_prints() -> None:
    match = re.search(
        r"\(`(dossiergen migreer --dry-run [^`]+)`\).*?```diff\n(.*?)```.*?```\n(.*?)```",
        README,
        re.S,
    )
    assert match, "voorbeeld van migreer ontbreekt in README.md"
    result = CliRunner().invoke(main, _command(match[1])[1:])
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == (match[2], match[3])


def test_the_minimum_dossier_validates(tmp_path: Path) -> None:
    from dossiergen.checker import check_file, schemas_at
    from dossiergen.config import default_resources
    from dossiergen.problems import has_errors

    (minimum,) = [b for b in blocks("yaml") if "eerste_ziektedag" in b and "schema_version" in b]
    path = tmp_path / "minimum.yaml"
    path.write_text(minimum, encoding="utf-8")
    first = minimum.splitlines()[0]
    assert (ROOT / "dossiers" / first.split("=", 1)[1]).resolve().is_file()
    from datetime import date

    result = check_file(path, schemas_at(default_resources().schemas_dir), date(2026, 1, 5))
    assert not has_errors(list(result.problems)), result.problems


def test_shell_completion_as_documented() -> None:
    program = Path(sys.executable).parent / "dossiergen"
    if not program.is_file():
        pytest.skip("dossiergen is niet als programma geïnstalleerd")
    assert '"$(_DOSSIERGEN_COMPLETE=bash_source dossiergen)"' in README
    result = subprocess.run(
        [str(program)],
        env={**os.environ, "_DOSSIERGEN_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "_dossiergen_completion" in result.stdout
    words = subprocess.run(
        [str(program)],
        env={
            **os.environ,
            "_DOSSIERGEN_COMPLETE": "bash_complete",
            "COMP_WORDS": "dossiergen hu",
            "COMP_CWORD": "1",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert "huisstijl" in words.stdout
