"""The law is written once: its numbers live in ``poortwachter.wet``, with their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossiergen.poortwachter import wet

ROOT = Path(__file__).resolve().parents[1]

#: Legal numbers as they would be written elsewhere: as a bare figure in code, or with a unit
#: in prose. "6 weken" and "42" are too common to hunt for blindly; these are not.
_LEGAL = re.compile(
    r"\b(104|728|294|316|364|469|617|631|651)\b"
    r"|\b68e\b"
    r"|\b(11|13|52|88|91) weken\b"
    r"|\b(11|13|52|88|91) weeks\b"
    r"|\b70 ?%"
    r"|= *(13|52|77|0\.70)\b"
)


def _sources() -> list[Path]:
    """All code and every template, the rapport's chapter templates included."""
    files = [*(ROOT / "dossiergen").rglob("*.py"), *(ROOT / "templates").rglob("*.j2")]
    return sorted(p for p in files if p.name != "wet.py" and "__pycache__" not in p.parts)


def test_the_rapport_chapters_are_checked() -> None:
    assert ROOT / "templates" / "rapport" / "6-ander-passend-werk.md.j2" in _sources()


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_legal_number_outside_the_law_module(path: Path) -> None:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if _LEGAL.search(line):
            found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "legal numbers belong in poortwachter/wet.py:\n" + "\n".join(found)


def test_every_number_in_the_law_module_has_its_source() -> None:
    """Each constant is preceded by a comment that names where it comes from."""
    lines = (ROOT / "dossiergen" / "poortwachter" / "wet.py").read_text("utf-8").splitlines()
    for index, line in enumerate(lines):
        match = re.match(r"^([A-Z][A-Z_0-9]+) = (\d|date\()", line)
        if not match or match.group(1) == "WEEK":
            continue
        above = index - 1
        while above >= 0 and re.match(r"^[A-Z][A-Z_0-9]+ = ", lines[above]):
            above -= 1  # constants grouped under one comment share it
        assert lines[above].startswith("#:"), f"{match.group(1)} has no source comment"


def test_step_definitions_are_unique() -> None:
    ids = [s.id for s in wet.STAPPEN]
    assert len(ids) == len(set(ids))
    assert wet.stap("plan_van_aanpak").label == "het plan van aanpak"
    with pytest.raises(KeyError):
        wet.stap("onbekend")
