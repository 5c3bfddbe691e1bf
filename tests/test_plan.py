"""The plan van aanpak (AG140): golden text per example dossier, the AG140 part 9 check, the
jobcarving proefperiode and check-ins, missing parts, and privacy across all three documents
of this module pair (plan and vragenlijsten).

Set ``DOSSIERGEN_UPDATE_GOLDEN=1`` to rewrite ``tests/golden/plan-van-aanpak/<stem>.txt``.
"""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import PEILDATUM, ROOT
from docx_helpers import assert_golden, docx_text, load, with_medical_canary

from dossiergen.documents import DOCUMENTS, missing_parts
from dossiergen.documents.plan.derive import check_in_weken, plan_termijn, proefperiode
from dossiergen.dossier.load import load_dossier
from dossiergen.engine import Engine, render_document
from dossiergen.poortwachter.tijdlijn import Mijlpaal, Status

DOSSIERS = sorted((ROOT / "dossiers").glob("*.yaml"))
MINIMAAL = ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml"
VERSION = "0123abc (2026-11-20)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CANARY = "KANARIE-5e1b2d"
MINE = ("plan-van-aanpak", "vragenlijst-werknemer", "vragenlijst-werkgever")


def build(engine: Engine, name: str, data: Any) -> bytes:
    return render_document(data, DOCUMENTS[name], engine, VERSION, PEILDATUM)


# -- golden text ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_golden_text(engine: Engine, path: Path) -> None:
    assert_golden(
        "plan-van-aanpak", path.stem, docx_text(build(engine, "plan-van-aanpak", load(path)))
    )


def test_ag140_structure(engine: Engine) -> None:
    text = docx_text(build(engine, "plan-van-aanpak", load(DOSSIERS[0])))
    headings = [
        "1 Werknemer", "2 Werkgever", "3 Arbodienst en bedrijfsarts", "4 Functie en werkzaamheden",
        "5 Mening over de arbeidsmogelijkheden", "6 Einddoel", "7 Afspraken",
        "8 Mening over de afspraken", "9 Reden als het plan later is opgesteld", "10 Ondertekening",
    ]  # fmt: skip
    lines = text.splitlines()
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    for letter in "ABCDEF":
        assert any(line.startswith(f"{letter} ") for line in lines)


# -- AG140 part 9: more than two weeks after the probleemanalyse --------------------------------


def _mijlpaal(id_: str, gedaan: str | None, uiterlijk: str) -> Mijlpaal:
    gedaan_op = date.fromisoformat(gedaan) if gedaan else None
    return Mijlpaal(id_, id_, None, date.fromisoformat(uiterlijk), gedaan_op, Status.OPEN, "")


def _mijlpalen(analyse: str | None, plan: str, uiterlijk: str) -> dict[str, Mijlpaal]:
    return {
        "probleemanalyse": _mijlpaal("probleemanalyse", analyse, "2026-03-29"),
        "plan_van_aanpak": _mijlpaal("plan_van_aanpak", plan, uiterlijk),
    }


def test_plan_within_two_weeks_needs_no_reason() -> None:
    termijn = plan_termijn(_mijlpalen("2026-03-17", "2026-03-31", "2026-03-31"), None)
    assert termijn is not None
    assert termijn.dagen_na_probleemanalyse == 14
    assert not termijn.later_dan_twee_weken and not termijn.na_uiterlijk
    assert not termijn.reden_nodig


def test_plan_later_than_two_weeks_with_reason() -> None:
    termijn = plan_termijn(
        _mijlpalen("2026-03-17", "2026-04-01", "2026-03-31"), "  Werknemer was op vakantie.  "
    )
    assert termijn is not None
    assert termijn.dagen_na_probleemanalyse == 15
    assert termijn.later_dan_twee_weken and termijn.na_uiterlijk and termijn.reden_nodig
    assert termijn.reden == "Werknemer was op vakantie."


def test_plan_later_than_two_weeks_without_reason() -> None:
    termijn = plan_termijn(_mijlpalen("2026-03-17", "2026-04-20", "2026-03-31"), "  ")
    assert termijn is not None
    assert termijn.dagen_na_probleemanalyse == 34
    assert termijn.reden_nodig and termijn.reden is None


def test_plan_after_week_8_without_probleemanalyse() -> None:
    termijn = plan_termijn(_mijlpalen(None, "2026-04-20", "2026-04-12"), None)
    assert termijn is not None
    assert termijn.dagen_na_probleemanalyse is None
    assert not termijn.later_dan_twee_weken and termijn.na_uiterlijk and termijn.reden_nodig


def test_no_plan_date_no_termijn() -> None:
    plan = _mijlpaal("plan_van_aanpak", None, "2026-03-31")
    assert plan_termijn({"plan_van_aanpak": plan}, None) is None


def _late(data: dict[str, Any], reden: str | None) -> dict[str, Any]:
    data = copy.deepcopy(data)
    plan = data["verzuim"]["plan_van_aanpak"]
    plan["datum"] = "2026-04-20"  # El Amrani: probleemanalyse 17 maart, 34 dagen eerder
    plan["ondertekening"] = {"datum_werknemer": "2026-04-20", "datum_werkgever": "2026-04-20"}
    if reden:
        plan["reden_later_dan_twee_weken"] = reden
    return data


def test_late_plan_prompts_for_missing_reason(engine: Engine) -> None:
    data = _late(load(ROOT / "dossiers" / "el-amrani-jobcarving.yaml"), None)
    text = docx_text(build(engine, "plan-van-aanpak", data))
    assert "Reden ontbreekt." in text
    assert "34 dagen na de probleemanalyse van 17 maart 2026" in text
    # the consultant finds the key in the check's message; the client text names no dossier key
    assert "verzuim.plan_van_aanpak" not in text and "reden_later" not in text


def test_late_plan_prints_recorded_reason(engine: Engine) -> None:
    data = _late(load(ROOT / "dossiers" / "el-amrani-jobcarving.yaml"), "Bedrijfsarts afwezig.")
    text = docx_text(build(engine, "plan-van-aanpak", data))
    assert "Reden: Bedrijfsarts afwezig." in text
    assert "Reden ontbreekt." not in text


# -- jobcarving -------------------------------------------------------------------------------


def test_proefperiode_shorter_than_four_weeks_is_flagged(engine: Engine) -> None:
    assert proefperiode({"proefperiode": {"van": "2026-07-06", "tot": "2026-08-02"}}) is not None
    ok = proefperiode({"proefperiode": {"van": "2026-07-06", "tot": "2026-08-02"}})
    short = proefperiode({"proefperiode": {"van": "2026-07-06", "tot": "2026-08-01"}})
    assert ok is not None and ok.dagen == 28 and not ok.te_kort
    assert short is not None and short.dagen == 27 and short.te_kort
    data = load(ROOT / "dossiers" / "el-amrani-jobcarving.yaml")
    data["verzuim"]["plan_van_aanpak"]["jobcarving"]["proefperiode"]["tot"] = "2026-07-24"
    text = docx_text(build(engine, "plan-van-aanpak", data))
    assert "de proefperiode duurt 19 dagen, korter dan de minimaal 4 weken" in text


def test_missing_check_in_weeks_are_flagged(engine: Engine) -> None:
    jobcarving = {
        "proefperiode": {"van": "2026-07-06", "tot": "2026-08-30"},
        "check_ins": [{"datum": "2026-07-10"}, {"datum": "2026-07-30"}, {"datum": "2026-08-20"}],
    }
    weken = check_in_weken(jobcarving)
    assert [w.nummer for w in weken] == [1, 2, 3, 4]  # only the first month counts
    assert [w.ontbreekt for w in weken] == [False, True, True, False]
    data = load(ROOT / "dossiers" / "el-amrani-jobcarving.yaml")
    jc = data["verzuim"]["plan_van_aanpak"]["jobcarving"]
    jc["check_ins"] = [c for c in jc["check_ins"] if c["datum"] != "2026-07-17"]
    text = docx_text(build(engine, "plan-van-aanpak", data))
    assert "Week 2 | 13-07-2026 – 19-07-2026 | geen check-in" in text
    assert "in week 2 van de proefperiode is geen check-in vastgelegd" in text


# -- missing data -----------------------------------------------------------------------------


def test_missing_parts_listed_together(tmp_path: Path) -> None:
    source = (ROOT / "dossiers" / "el-amrani-jobcarving.yaml").read_text(encoding="utf-8")
    for key in ("    einddoel: ander_werk_eigen_werkgever\n",):
        source = source.replace(key, "")
    start = source.index("    afspraken:\n")
    end = source.index("    mening_werknemer_afspraken:")
    source = source[:start] + source[end:]
    path = tmp_path / "zonder-afspraken.yaml"
    path.write_text(source, encoding="utf-8")
    problems = missing_parts(DOCUMENTS["plan-van-aanpak"], load_dossier(path))
    messages = [p.message for p in problems]
    assert len(messages) == 2
    assert any("einddoel" in m for m in messages)
    assert any("afspraken" in m for m in messages)


def test_not_applicable_without_plan() -> None:
    spec = DOCUMENTS["plan-van-aanpak"]
    assert not spec.applies(load(MINIMAAL))
    assert spec.applies(load(DOSSIERS[0]))


# -- privacy: all three documents -------------------------------------------------------------


@pytest.mark.parametrize("name", MINE)
@pytest.mark.parametrize("path", [*DOSSIERS, MINIMAAL], ids=lambda p: p.stem)
def test_no_medical_data(engine: Engine, name: str, path: Path) -> None:
    data = with_medical_canary(load(path), CANARY)
    assert list(engine.schemas.validator.iter_errors(data)) == []
    if not DOCUMENTS[name].applies(data):
        pytest.skip("document niet van toepassing")
    document = build(engine, name, data)
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        for part in package.namelist():
            assert CANARY not in package.read(part).decode("utf-8", "replace"), part


def test_each_bijstelling_is_a_version_with_its_own_akkoord(engine: Engine) -> None:
    """The original plan with its own date, einddoel and signatures; each bijstelling after it
    with what changed and its own akkoord (a line to sign on when not yet agreed)."""
    data = load(ROOT / "dossiers" / "bakker-spoor2.yaml")
    text = docx_text(build(engine, "plan-van-aanpak", data))
    original, versions = text.split("\nBijstellingen\n")
    assert "☒ | Spoor 1: terugkeer in het eigen werk" in original  # as agreed in March 2025
    assert "Spoor 2-traject" not in original
    assert "Datum: 14 maart 2025" in original
    assert "Het einddoel dat nu geldt: Spoor 2: werk bij een andere werkgever" in original
    assert "Bijstelling van 27 januari 2026" in versions
    assert "Nieuw einddoel: Spoor 2: werk bij een andere werkgever." in versions
    assert "Akkoord op: 29 januari 2026" in versions and "Akkoord op: 27 mei 2025" in versions
    del data["verzuim"]["bijstellingen"][2]["akkoord"]
    text = docx_text(build(engine, "plan-van-aanpak", data))
    assert "Akkoord op: ______" in text.split("Bijstelling van 27 januari 2026")[1]
