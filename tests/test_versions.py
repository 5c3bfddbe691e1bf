"""The dossier version in every colofon: the last commit of each file, read from git once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from dossiergen.builder.versions import dossier_versions

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def _commit(repo: Path, files: dict[str, str], day: int) -> str:
    for name, text in files.items():
        (repo / "dossiers" / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    stamp = f"2026-01-{day:02d}T12:00:00"
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@t", "commit", "-qm", f"dag {day}"],
        cwd=repo,
        check=True,
        env={"GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp, "PATH": "/usr/bin:/bin"},
    )
    return _git(repo, "rev-parse", "--short", "HEAD")


def test_each_file_gets_its_own_last_commit(tmp_path: Path) -> None:
    repo = tmp_path
    (repo / "dossiers").mkdir()
    _git(repo, "init", "-q")
    oud = _commit(repo, {"a.yaml": "a: 1\n", "b.yaml": "b: 1\n", "é.yaml": "c: 1\n"}, 1)
    for day in range(2, 30):  # a history in which only b changes
        latest_b = _commit(repo, {"b.yaml": f"b: {day}\n"}, day)
    (repo / "dossiers" / "a.yaml").write_text("a: 2\n", encoding="utf-8")  # not committed
    (repo / "dossiers" / "nieuw.yaml").write_text("n: 1\n", encoding="utf-8")  # untracked
    files = sorted((repo / "dossiers").glob("*.yaml"))
    versions = {path.name: version.text for path, version in dossier_versions(files).items()}
    assert versions == {
        "a.yaml": f"{oud} (2026-01-01), gewijzigd",
        "b.yaml": f"{latest_b} (2026-01-29)",
        "é.yaml": f"{oud} (2026-01-01)",
        "nieuw.yaml": versions["nieuw.yaml"],
    }
    assert "nog niet vastgelegd in git" in versions["nieuw.yaml"]
