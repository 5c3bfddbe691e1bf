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
    # The dossier's note is written about the employee; it is quoted as the dossier's, under a
    # question that says "u".
    assert "Zo staat het nu in het dossier (graag controleren):" in text
    assert "r.koster@koster-ad.nl" in text
    text = docx_text(build(engine, "vragenlijst-werkgever", data))
    assert "Geachte S. Verhoeven," in text
    assert "Zo staat het nu in het dossier (graag controleren):" in text


def test_dated_by_the_dossier_and_worded_for_the_moment(engine: Engine) -> None:
    """Sent before the first talk: preparation; after it: to complete; without a sending date:
    a line for the date, never the day of building."""
    data = load(Path(DOSSIERS[1]))  # de Vries: talks on 20 and 22 October 2026
    data["zaak"]["vragenlijsten_verstuurd"] = "2026-10-12"
    text = docx_text(build(engine, "vragenlijst-werknemer", data))
    assert "Datum | 12 oktober 2026" in text and "Binnenkort voer ik" in text
    data["zaak"]["vragenlijsten_verstuurd"] = "2026-10-26"
    text = docx_text(build(engine, "vragenlijst-werknemer", data))
    assert "Op 22 oktober 2026 spraken wij elkaar" in text and "Binnenkort" not in text
    text = docx_text(build(engine, "vragenlijst-werkgever", data))
    assert "Op 20 oktober 2026 spraken wij elkaar" in text and "Onlangs" not in text
    del data["zaak"]["vragenlijsten_verstuurd"]
    text = docx_text(build(engine, "vragenlijst-werknemer", data))
    assert "Datum | ____" in text and "25 november 2026" not in text.split("Geachte")[0]


def test_questions_are_numbered_in_order(engine: Engine) -> None:
    for name in NAMES:
        text = docx_text(build(engine, name, load(MINIMAAL)))
        numbers = [int(m.group(1)) for m in re.finditer(r"(?m)^(\d+)\. (?![^\n]*\|)", text)]
        assert numbers == list(range(1, len(numbers) + 1)), name
