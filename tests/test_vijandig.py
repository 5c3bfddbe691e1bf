"""The hostile corpus: dossiers a consultant (or an attacker) can produce, through every command.

Each ``tests/dossiers/vijandig/<naam>.yaml`` has a ``<naam>.verwacht`` with exactly the lines
``dossiergen check --peildatum 2026-11-25`` prints for it. ``build`` and ``timeline`` must give
a located message for each, never a traceback, and go on with the other dossiers.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from dossiergen.cli import main
from dossiergen.commands.check import run_check
from dossiergen.commands.options import CheckOptions

VIJANDIG = ROOT / "tests" / "dossiers" / "vijandig"
CASES = sorted(VIJANDIG.glob("*.yaml"))
PEILDATUM = "2026-11-25"
LOCATED = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>fout|waarschuwing): "
)
#: The last nets: a corpus case must be caught by a rule that names its value, not by these.
GENERIC = ("onverwachte fout", "kan met een waarde in dit onderdeel niet rekenen", "Traceback")


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _expected(path: Path) -> list[str]:
    return path.with_suffix(".verwacht").read_text(encoding="utf-8").splitlines()


def test_the_corpus_is_large_and_complete() -> None:
    assert len(CASES) >= 60
    assert sorted(p.stem for p in VIJANDIG.glob("*.verwacht")) == sorted(p.stem for p in CASES)
    for path in CASES:
        lines = _expected(path)
        assert lines, path.name
        for line in lines:
            match = LOCATED.match(line)
            assert match, line
            assert match["path"] == _relative(path)
        assert any(LOCATED.match(line)["severity"] == "fout" for line in lines)  # type: ignore[index]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_check_gives_exactly_the_expected_located_problems(path: Path) -> None:
    options = CheckOptions(peildatum=date.fromisoformat(PEILDATUM), paths=(Path(_relative(path)),))
    report, ok = run_check(options)
    assert not ok
    assert report.splitlines()[:-1] == _expected(path)
    assert not any(words in report for words in GENERIC)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_timeline_reports_each_case_located_without_traceback(path: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", _relative(path), "--peildatum", PEILDATUM])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    located = [line for line in result.stderr.splitlines() if LOCATED.match(line)]
    assert located, result.output
    assert all(LOCATED.match(line)["path"] == _relative(path) for line in located)  # type: ignore[index]
    assert not any(words in result.output for words in GENERIC)


def test_check_build_and_timeline_on_the_corpus_folder_do_the_good_dossier_too(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "dossiers"
    shutil.copytree(VIJANDIG, folder, ignore=shutil.ignore_patterns("*.verwacht"))
    shutil.copy(EXAMPLES[0], folder / EXAMPLES[0].name)
    runner = CliRunner()
    check = runner.invoke(main, ["check", str(folder), "--peildatum", PEILDATUM])
    assert check.exit_code == 1
    assert check.output.splitlines()[-1].startswith(f"{len(CASES) + 1} dossiers gecontroleerd: ")
    out = tmp_path / "build"
    build = runner.invoke(
        main, ["build", str(folder), "-o", str(out), "-q", "--peildatum", PEILDATUM]
    )
    assert build.exit_code == 1
    assert "Traceback" not in build.output
    for path in CASES:
        shown = str(folder / path.name)
        assert any(line.startswith(f"{shown}:") and LOCATED.match(line) for line in
                   build.output.splitlines()), path.name  # fmt: skip
    assert (out / EXAMPLES[0].stem / "rapport.docx").is_file()
    assert not [p for p in out.rglob("*") if p.is_dir() and p.name != EXAMPLES[0].stem]
    timeline = runner.invoke(main, ["timeline", str(folder), "--peildatum", PEILDATUM])
    assert timeline.exit_code == 1
    assert f"Tijdlijn {folder / EXAMPLES[0].name}" in timeline.stdout
    agenda = runner.invoke(main, ["agenda", str(folder), "--peildatum", PEILDATUM])
    assert agenda.exit_code == 1
    assert EXAMPLES[0].name in agenda.stdout


# --- fuzzing: mutations of the examples (bench/fuzz.py) ---------------------------------------


def _fuzz() -> object:
    sys.path.insert(0, str(ROOT / "bench"))
    import fuzz

    return fuzz


#: ``make test`` runs a fixed slice; DOSSIERGEN_FUZZ=10000 (or ``make fuzz``) the full run.
FUZZ_COUNT = int(os.environ.get("DOSSIERGEN_FUZZ", "400"))


@pytest.mark.fuzz
@pytest.mark.parametrize("part", range(4))
def test_mutations_of_the_examples_never_break_through(part: int) -> None:
    fuzz = _fuzz()
    indexes = range(part, FUZZ_COUNT, 4)
    findings = fuzz.run(2026, indexes)  # type: ignore[attr-defined]
    assert not findings, "\n".join(f"{f.seed}-{f.index} ({f.example}): {f.what}" for f in findings)


def test_a_mutation_is_the_same_text_every_time() -> None:
    fuzz = _fuzz()
    assert fuzz.mutant(7, 3) == fuzz.mutant(7, 3)  # type: ignore[attr-defined]
    assert fuzz.mutant(7, 3) != fuzz.mutant(7, 4)  # type: ignore[attr-defined]


def test_the_fuzzer_finds_what_it_is_meant_to_find(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fuzzer that could not see a crash would find nothing: both kinds are findings."""
    import dossiergen.checker as checker
    import dossiergen.rules as rules

    fuzz = _fuzz()
    text = (ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml").read_text("utf-8")
    assert fuzz.exercise(text, documents=True) is None  # type: ignore[attr-defined]

    def divides_by_zero(data: object, peildatum: date) -> object:
        raise ZeroDivisionError("deling door nul")
        yield

    monkeypatch.setattr(rules, "RULES", (divides_by_zero,))
    caught = fuzz.exercise(text, documents=False)  # type: ignore[attr-defined]
    assert caught is not None and caught.startswith("laatste vangnet")
    monkeypatch.setattr(checker, "validate_schema", lambda *args: 1 / 0)
    escaped = fuzz.exercise(text, documents=False)  # type: ignore[attr-defined]
    assert escaped is not None and escaped.startswith("ZeroDivisionError in ")
