"""A practice to open in the werkbank, shared by its tests."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEILDATUM = date(2026, 11, 25)
WHIPLASH = (
    "    verwachting: Gedeeltelijke hervatting binnen 4 weken; opbouw naar volledige uren in ca. "
    "6 maanden.\n",
    "    verwachting: Gedeeltelijke hervatting binnen 4 weken na de whiplash; opbouw naar "
    "volledige uren in ca. 6 maanden.\n",
)

#: A diagnosis word in a field the employer may read: one warning at a known line.
WAARSCHUWING_REGEL = 1 + next(
    number
    for number, line in enumerate(
        (ROOT / "dossiers" / "de-vries-spoor1-aangepast-werk.yaml")
        .read_text(encoding="utf-8")
        .splitlines(keepends=True)
    )
    if line == WHIPLASH[0]
)


def make_practice(folder: Path, *, git: bool = False) -> Path:
    """A practice folder with the three example dossiers; de Vries has one warning."""
    dossiers = folder / "dossiers"
    dossiers.mkdir(parents=True, exist_ok=True)
    for example in sorted((ROOT / "dossiers").glob("*.yaml")):
        shutil.copy(example, dossiers / example.name)
    de_vries = dossiers / "de-vries-spoor1-aangepast-werk.yaml"
    text = de_vries.read_text(encoding="utf-8")
    assert WHIPLASH[0] in text
    de_vries.write_text(text.replace(*WHIPLASH), encoding="utf-8")
    if git:
        for args in (
            ["init", "-q", "-b", "main"],
            ["config", "user.email", "consulent@voorbeeld.nl"],
            ["config", "user.name", "Consulent"],
            ["add", "."],
            ["commit", "-q", "-m", "Dossiers"],
        ):
            subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    return folder


def changed_lines(before: str, after: str) -> list[str]:
    """The lines removed (``-``) and added (``+``) between two texts."""
    import difflib

    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line[0] + line[2:] for line in diff if line[:1] in "+-"]
