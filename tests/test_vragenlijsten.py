"""The vragenlijsten of Leidraad bijlagen 1-3: golden text per example dossier and for the
minimal week-1 dossier (showing the blanks), pre-filled answers marked, no medical data (the
privacy canary for these documents is in ``test_plan``).

Set ``DOSSIERGEN_UPDATE_GOLDEN=1`` to rewrite ``tests/golden/vragenlijst-*/<stem>.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_helpers import assert_golden
from test_plan import DOSSIERS, MINIMAAL, build, docx_text, load

from dossiergen.documents import DOCUMENTS
from dossiergen.engine import Engine

BEKEND = "bekend uit het dossier — graag controleren"
NAMES = ("vragenlijst-werknemer", "vragenlijst-werkgever")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("path", [*DOSSIERS, MINIMAAL], ids=lambda p: p.stem)
def test_golden_text(engine: Engine, name: str, path: Path) -> None:
    text = docx_text(build(engine, name, load(path)))
    assert_golden(name, path.stem, text)


@pytest.mark.parametrize("name", NAMES)
def test_always_applies(name: str) -> None:
    assert DOCUMENTS[name].applies(load(MINIMAAL))
    assert not DOCUMENTS[name].requires


def test_minimal_dossier_leaves_blanks(engine: Engine) -> None:
    text = docx_text(build(engine, "vragenlijst-werknemer", load(MINIMAAL)))
    assert "Naam | M. Jansen | " + BEKEND in text
    assert "Telefoonnummer |  |" in text  # blank to fill in, not marked
    assert "Geachte M. Jansen," in text
    text = docx_text(build(engine, "vragenlijst-werkgever", load(MINIMAAL)))
    assert "Bedrijfsnaam | Bakkerij Jansen & Co | " + BEKEND in text
    assert "Contactpersoon |  |" in text
    assert "Geachte heer, mevrouw," in text


def test_prefilled_answers_are_marked(engine: Engine) -> None:
    data = load(Path(DOSSIERS[1]))  # de Vries
    text = docx_text(build(engine, "vragenlijst-werknemer", data))
    assert "Geachte heer De Vries," in text
    assert f"Antwoord ({BEKEND}):" in text
    assert "r.koster@koster-ad.nl" in text
    text = docx_text(build(engine, "vragenlijst-werkgever", data))
    assert "Geachte S. Verhoeven," in text
    assert f"Antwoord ({BEKEND}):" in text


def test_questions_are_numbered_in_order(engine: Engine) -> None:
    for name in NAMES:
        text = docx_text(build(engine, name, load(MINIMAAL)))
        numbers = [int(m.group(1)) for m in re.finditer(r"(?m)^(\d+)\. (?![^\n]*\|)", text)]
        assert numbers == list(range(1, len(numbers) + 1)), name
