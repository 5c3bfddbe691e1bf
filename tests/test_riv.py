"""The RIV-checklist: statuses of the re-integratieverslag parts on hand-built dossiers, risks,
UWV's four RIV-toets questions, golden text per dossier, privacy and a LibreOffice round trip.

Set ``DOSSIERGEN_UPDATE_GOLDEN=1`` to rewrite ``tests/golden/riv-checklist/<stem>.txt`` after
an intended change; review the diff before committing it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import PEILDATUM, ROOT
from docx_helpers import assert_golden, docx_text, load, with_medical_canary, xml_parts

from dossiergen.documents import DOCUMENTS
from dossiergen.documents.riv.risicos import HOOG, LET_OP, Risico, risicos
from dossiergen.documents.riv.status import (
    AANWEZIG,
    NOG_NIET,
    NVT,
    ONTBREEKT,
    OP_TIJD,
    OPEN,
    SYMBOLEN,
    TE_LAAT,
    TE_VROEG,
    RivStatus,
    riv_status,
    stap_status,
)
from dossiergen.documents.riv.toets import toetsvragen
from dossiergen.documents.tijdlijn import dossier_tijdlijn
from dossiergen.engine import Engine, render_document
from dossiergen.poortwachter.mijlpaal import gat_tekst
from dossiergen.text.filters import datum

DOSSIERS = [
    *sorted((ROOT / "dossiers").glob("*.yaml")),
    ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml",
    ROOT / "tests" / "dossiers" / "geldig" / "ziek-uit-dienst.yaml",
]
VERSION = "0123abc (2026-11-20)"
SPEC = DOCUMENTS["riv-checklist"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CANARY = "KANARIE-riv-5e1d"
X = date(2025, 1, 6)  # first sick day of the hand-built dossiers (a Monday)


# -- hand-built dossiers ----------------------------------------------------------------------


def dossier(**verzuim: Any) -> dict[str, Any]:
    """A minimal valid dossier, sick since ``X``, with extra ``verzuim`` records."""
    return {
        "schema_version": 2,
        "werknemer": {
            "naam": "Jansen",
            "voorletters": "M.",
            "geboortedatum": "1990-02-14",
            "bsn": "999990020",
            "contract": {"soort": "onbepaalde_tijd", "uren_per_week": 40},
        },
        "werkgever": {"naam": "Bakkerij Jansen"},
        "verzuim": {"eerste_ziektedag": X.isoformat(), **verzuim},
    }


def dag(n: int) -> str:
    """The n-th sick day of the hand-built dossiers (no gaps), as ISO text."""
    return (X + timedelta(days=n - 1)).isoformat()


def door(rol: str = "werkgever") -> dict[str, str]:
    return {"naam": "A. Test", "rol": rol}


def status_van(data: dict[str, Any], peildatum: date) -> tuple[RivStatus, tuple[Risico, ...]]:
    tijdlijn = dossier_tijdlijn(data, peildatum)
    status = riv_status(data, tijdlijn, peildatum)
    return status, risicos(data, status.onderdelen, tijdlijn, peildatum)


def rij(status: RivStatus, id_: str) -> Any:
    return next(o for o in status.onderdelen if o.id == id_)


def teksten(gevonden: tuple[Risico, ...], ernst: str | None = None) -> list[str]:
    return [r.tekst for r in gevonden if ernst is None or r.ernst == ernst]


# A case on time up to the ziekmelding at UWV, evaluated every 6 weeks.
OP_SCHEMA: dict[str, Any] = {
    "probleemanalyse": {"datum": dag(30), "door": door("bedrijfsarts")},
    "plan_van_aanpak": {"datum": dag(40), "door": door("casemanager")},
    "evaluaties": [
        {"datum": dag(40 + 40 * i), "door": door("casemanager"), "verslag": "Besproken."}
        for i in range(1, 8)
    ],
    "ziekmelding_uwv": {"datum": dag(290)},
}


# -- statuses ---------------------------------------------------------------------------------


def test_stap_status_covers_every_status() -> None:
    d = date(2026, 3, 1)
    vanaf, uiterlijk = d - timedelta(days=10), d + timedelta(days=10)
    assert stap_status(vanaf, uiterlijk, d, d) == OP_TIJD
    assert stap_status(None, uiterlijk, uiterlijk + timedelta(days=1), d) == TE_LAAT
    assert stap_status(vanaf, uiterlijk, vanaf - timedelta(days=1), d) == TE_VROEG
    assert stap_status(None, d - timedelta(days=1), None, d) == ONTBREEKT
    assert stap_status(None, d, None, d) == OPEN  # the deadline day itself is still open
    assert stap_status(None, d + timedelta(days=42), None, d) == OPEN
    assert stap_status(None, d + timedelta(days=43), None, d) == NOG_NIET
    assert stap_status(d, d + timedelta(days=50), None, d) == OPEN  # window open
    assert stap_status(d + timedelta(days=1), None, None, d) == NOG_NIET
    assert set(SYMBOLEN) == {OP_TIJD, AANWEZIG, TE_LAAT, TE_VROEG, ONTBREEKT, OPEN, NOG_NIET, NVT}


def test_week_1_most_rows_not_needed_yet() -> None:
    status, gevonden = status_van(dossier(), X + timedelta(days=3))
    assert rij(status, "probleemanalyse").status == OPEN  # due in week 6: act now
    statuses = [o.status for o in status.onderdelen]
    assert statuses.count(NOG_NIET) >= 8
    assert ONTBREEKT not in statuses and TE_LAAT not in statuses
    assert gevonden == ()
    assert status.volgende is not None and status.volgende.id == "probleemanalyse"
    assert status.oordeel == "1 onderdeel staat open"


def test_steps_on_time_and_next_ones_not_needed() -> None:
    status, gevonden = status_van(dossier(**OP_SCHEMA), X + timedelta(days=300))
    for id_ in ("probleemanalyse", "plan_van_aanpak", "evaluaties", "ziekmelding_uwv"):
        assert rij(status, id_).status == OP_TIJD, id_
    assert rij(status, "eerstejaarsevaluatie").status == NOG_NIET  # window from day 316
    assert rij(status, "bijstellingen_plan_van_aanpak").status == NVT
    assert teksten(gevonden, HOOG) == []
    assert status.oordeel == "alles wat nu nodig is, is aanwezig en op tijd"


def test_late_step_is_a_risk_with_its_delay() -> None:
    data = dossier(probleemanalyse={"datum": dag(45), "door": door("bedrijfsarts")})
    status, gevonden = status_van(data, X + timedelta(days=50))
    pa = rij(status, "probleemanalyse")
    assert (pa.status, pa.uiterlijk, pa.symbool) == (TE_LAAT, dag(42), "!")
    assert (
        "Probleemanalyse op 19 februari 2025: 3 dagen na de uiterste datum 16 februari 2025."
        in (teksten(gevonden, HOOG))
    )


def test_missing_step_after_its_deadline() -> None:
    status, gevonden = status_van(dossier(), X + timedelta(days=60))
    assert rij(status, "probleemanalyse").status == ONTBREEKT
    assert rij(status, "plan_van_aanpak").status == ONTBREEKT
    assert "Probleemanalyse ontbreekt; de uiterste datum 16 februari 2025 is verstreken." in (
        teksten(gevonden, HOOG)
    )
    assert status.oordeel.startswith("2 onderdelen ontbreken")


def test_evaluation_gap_reuses_the_timeline_note() -> None:
    data = dossier(**{**OP_SCHEMA, "evaluaties": [
        {"datum": dag(80), "door": door(), "verslag": "Besproken."},
        {"datum": dag(140), "door": door(), "verslag": "Besproken."},  # 60 days later
        {"datum": dag(170), "door": door(), "verslag": "Besproken."},
    ]})  # fmt: skip
    peildatum = X + timedelta(days=180)
    tijdlijn = dossier_tijdlijn(data, peildatum)
    assert len(tijdlijn.evaluatie_gaten) == 1
    status, gevonden = status_van(data, peildatum)
    evaluaties = rij(status, "evaluaties")
    assert evaluaties.status == TE_LAAT
    assert "1 keer meer dan 6 weken" in evaluaties.toelichting
    vorige, volgende = tijdlijn.evaluatie_gaten[0]
    note = gat_tekst(vorige, volgende)
    assert note in tijdlijn.waarschuwingen
    # One gap of 60 days (just over 6 weeks) is a note, not by itself a high risk.
    assert note[:1].upper() + note[1:] in teksten(gevonden, LET_OP)
    assert note[:1].upper() + note[1:] not in teksten(gevonden, HOOG)


def test_evaluation_gaps_that_are_a_high_risk() -> None:
    # Two gaps (43 and 50 days), or one of more than 12 weeks (90 days): high.
    twee = dossier(**{**OP_SCHEMA, "evaluaties": [
        {"datum": dag(80), "door": door(), "verslag": "Besproken."},
        {"datum": dag(123), "door": door(), "verslag": "Besproken."},
        {"datum": dag(173), "door": door(), "verslag": "Besproken."},
    ]})  # fmt: skip
    lang = dossier(**{**OP_SCHEMA, "evaluaties": [
        {"datum": dag(80), "door": door(), "verslag": "Besproken."},
        {"datum": dag(170), "door": door(), "verslag": "Besproken."},
    ]})  # fmt: skip
    for data in (twee, lang):
        peildatum = X + timedelta(days=180)
        tijdlijn = dossier_tijdlijn(data, peildatum)
        _, gevonden = status_van(data, peildatum)
        hoog = teksten(gevonden, HOOG)
        for vorige, volgende in tijdlijn.evaluatie_gaten:
            note = gat_tekst(vorige, volgende)
            assert note[:1].upper() + note[1:] in hoog


def test_next_evaluation_overdue() -> None:
    data = dossier(**{**OP_SCHEMA, "evaluaties": OP_SCHEMA["evaluaties"][:2]})
    status, gevonden = status_van(data, X + timedelta(days=200))  # last evaluation day 120
    assert rij(status, "evaluaties").status == ONTBREEKT
    assert any(t.startswith("De evaluatie die uiterlijk") for t in teksten(gevonden, HOOG))


def spoor_2_data(start: int | None, **extra: Any) -> dict[str, Any]:
    verzuim = {
        **OP_SCHEMA,
        "eerstejaarsevaluatie": {"datum": dag(330), "door": door()},
        "evaluaties": [
            {"datum": dag(40 + 40 * i), "door": door(), "verslag": "Besproken."}
            for i in range(1, 12)
        ],
    }
    if start is not None:
        verzuim["spoor_2_start"] = {"datum": dag(start), "re_integratiebedrijf": "Werkpad"}
    data = dossier(**verzuim)
    data.update(extra)
    return data


def test_spoor_2_started_late() -> None:
    status, gevonden = status_van(spoor_2_data(330 + 60), X + timedelta(days=420))
    spoor_2 = rij(status, "spoor_2_start")
    assert (spoor_2.status, spoor_2.door, spoor_2.uiterlijk) == (TE_LAAT, "Werkpad", dag(372))
    assert any(t.startswith("Start spoor 2 op") for t in teksten(gevonden, HOOG))


def test_spoor_2_missing_without_exception() -> None:
    status, gevonden = status_van(spoor_2_data(None), X + timedelta(days=420))
    assert rij(status, "spoor_2_start").status == ONTBREEKT
    assert any("Spoor 2 is niet gestart" in t for t in teksten(gevonden, HOOG))


def test_spoor_2_exception_is_not_applicable_and_named() -> None:
    data = spoor_2_data(None, spoor_2={"inzetten": False, "uitzondering": "wsw"})
    status, gevonden = status_van(data, X + timedelta(days=420))
    spoor_2 = rij(status, "spoor_2_start")
    assert spoor_2.status == NVT
    assert spoor_2.toelichting == "Uitzondering: WSW-dienstverband (Leidraad 8.2)."
    assert not any("Spoor 2" in t for t in teksten(gevonden))
    toets = toetsvragen(data, status, gevonden, dossier_tijdlijn(data, X), X)
    assert "Uitzondering op spoor 2: WSW-dienstverband (Leidraad 8.2)." in toets[2].feiten


def test_first_year_evaluation_without_spoor_2_or_exception() -> None:
    data = spoor_2_data(None)
    data["verzuim"]["eerstejaarsevaluatie"]["spoor_2_nodig"] = False
    status, gevonden = status_van(data, X + timedelta(days=340))
    assert rij(status, "spoor_2_start").status in (OPEN, NOG_NIET)
    assert any("zet geen spoor 2 in" in t for t in teksten(gevonden, HOOG))


def test_missing_end_parts_are_a_risk_near_the_wia_aanvraag() -> None:
    data = dossier(**OP_SCHEMA)
    tijdlijn = dossier_tijdlijn(data, X)
    wia = tijdlijn.mijlpaal("wia_aanvraag").uiterlijk
    assert wia is not None
    _, ver = status_van(data, wia - timedelta(days=57))
    status, dichtbij = status_van(data, wia - timedelta(days=56))
    assert not any("ontbreekt nog" in t for t in teksten(ver))
    missing = [t for t in teksten(dichtbij, HOOG) if "ontbreekt nog" in t]
    assert [t.split(" ontbreekt")[0] for t in missing] == [
        "Actueel oordeel bedrijfsarts",
        "Eindevaluatie",
        "Visie van de werknemer",
    ]
    assert rij(status, "medische_informatie").status == NOG_NIET  # window opens in week 91
    status, _ = status_van(data, wia - timedelta(days=10))
    assert rij(status, "medische_informatie").status == OPEN  # due: ask the bedrijfsarts


def test_end_parts_made_too_early_must_be_updated() -> None:
    data = dossier(eindevaluatie={"datum": dag(500), "door": door()})
    status, gevonden = status_van(data, X + timedelta(days=600))
    # No legal earliest date: made early (without a verlenging) it is simply on time.
    assert rij(status, "eindevaluatie").status == OP_TIJD
    assert not any(t.startswith("Eindevaluatie van") for t in teksten(gevonden))


def test_ziek_uit_dienst_verkort() -> None:
    data = dossier(probleemanalyse={"datum": dag(30), "door": door("bedrijfsarts")})
    data["werknemer"]["uit_dienst"] = {"datum": dag(56), "reden": "einde_bepaalde_tijd"}
    status, gevonden = status_van(data, X + timedelta(days=70))
    assert status.riv_soort == "verkort" and status.uit_dienst == dag(56)
    for id_ in ("eindevaluatie", "actueel_oordeel", "medische_informatie"):
        assert rij(status, id_).status == NVT, id_
    assert rij(status, "eindevaluatie").toelichting == "Geen onderdeel van het verkorte verslag."
    visie = rij(status, "visie_werknemer")
    assert (visie.status, visie.uiterlijk) == (ONTBREEKT, dag(56))
    assert rij(status, "eerstejaarsevaluatie").status == NVT  # after the end of employment
    assert rij(status, "ziekmelding_uwv").naam == "Ziekmelding bij UWV (ziek uit dienst)"
    toets = toetsvragen(data, status, gevonden, dossier_tijdlijn(data, X), X)
    assert any("verkort re-integratieverslag" in f for f in toets[3].feiten)


def test_ziek_uit_dienst_volledig() -> None:
    data = dossier(**OP_SCHEMA)
    data["werknemer"]["uit_dienst"] = {"datum": dag(100), "reden": "einde_bepaalde_tijd"}
    status, gevonden = status_van(data, X + timedelta(days=90))
    assert status.riv_soort == "volledig"
    for id_ in ("eindevaluatie", "actueel_oordeel", "visie_werknemer"):
        o = rij(status, id_)
        assert (o.status, o.vanaf, o.uiterlijk) == (OPEN, None, dag(100)), id_
    assert sum("ontbreekt nog" in t for t in teksten(gevonden, HOOG)) == 3


def test_blokkerend_advies_and_deskundigenoordeel_are_points_of_attention() -> None:
    data = dossier(
        **OP_SCHEMA,
        deskundigenoordelen=[
            {"datum": dag(200), "vraag": "passend_werk", "datum_oordeel": dag(230),
             "uitkomst": "Het aangeboden werk is passend"},
            {"datum": dag(260), "vraag": "geschiktheid_eigen_werk"},
        ],
    )  # fmt: skip
    data["bedrijfsarts"] = {
        "re_integratie_blokkerend_advies": {
            "gegeven": True,
            "soort": "geen_benutbare_mogelijkheden",
            "geldt_voor": "alle_arbeid",
            "datum": dag(100),
        }
    }
    status, gevonden = status_van(data, X + timedelta(days=280))
    let_op = teksten(gevonden, LET_OP)
    assert any(
        t.startswith("De bedrijfsarts gaf een re-integratieblokkerend advies") for t in let_op
    )
    assert "geen benutbare mogelijkheden), voor alle arbeid." in let_op[0]
    assert any("het aangeboden werk is passend. Verwerk de uitkomst" in t for t in let_op)
    assert any("de uitkomst ontbreekt nog" in t for t in let_op)
    assert [o.status for o in status.onderdelen if o.id.startswith("deskundigenoordeel")] == [
        AANWEZIG,
        OPEN,
    ]


def test_toets_questions_in_uwv_order() -> None:
    data = dossier(
        **OP_SCHEMA,
        werkhervatting=[{"van": dag(100), "uren_per_week": 30, "soort": "aangepast_eigen_werk"}],
    )
    peildatum = X + timedelta(days=300)
    status, gevonden = status_van(data, peildatum)
    toets = toetsvragen(data, status, gevonden, dossier_tijdlijn(data, peildatum), peildatum)
    assert [v.nummer for v in toets] == [1, 2, 3, 4]
    assert "30 uur per week van de 40 contracturen (75%)" in toets[0].feiten[0]
    assert [v.oordeel for v in toets] == [
        "gedeeltelijk",
        "laag",
        "geen_tekort",
        "niets_te_herstellen",
    ]


def test_plan_late_with_recorded_reason_is_weighed() -> None:
    data = dossier(
        probleemanalyse={"datum": dag(20), "door": door("bedrijfsarts")},
        plan_van_aanpak={"datum": dag(45), "door": door(),
                         "reden_later_dan_twee_weken": "Werknemer was op vakantie"},
    )  # fmt: skip
    peildatum = X + timedelta(days=60)
    status, gevonden = status_van(data, peildatum)
    assert rij(status, "plan_van_aanpak").status == TE_LAAT
    toets = toetsvragen(data, status, gevonden, dossier_tijdlijn(data, peildatum), peildatum)
    assert toets[2].feiten[0].endswith(": werknemer was op vakantie.")
    assert toets[2].oordeel == "redenen"


def test_every_toets_verdict_is_worded_in_the_template() -> None:
    # Python gives the verdict, the template words it: a verdict without words would print an
    # empty or wrong risk. The verdicts are the string literals assigned to ``oordeel``.
    code = (ROOT / "dossiergen" / "documents" / "riv" / "toets.py").read_text("utf-8")
    verdicts = set(re.findall(r'"([a-z_]+)"', " ".join(re.findall(r"oordeel = (.+)", code))))
    verdicts |= set(re.findall(r'Toetsvraag\(\d, .+?, "([a-z_]+)"', code))
    template = (ROOT / "templates" / "riv-checklist.md.j2").read_text("utf-8")
    worded = set(re.findall(r"v\.oordeel == '([a-z_]+)'", template))
    # The last verdict of each question is the template's {% else %}.
    assert verdicts - worded <= {"gedeeltelijk", "nog_niet", "geen_redenen", "te_laat"}
    assert worded <= verdicts
    assert len(verdicts) >= 15


# -- the document -----------------------------------------------------------------------------


def build(engine: Engine, data: Any) -> bytes:
    return render_document(data, SPEC, engine, VERSION, PEILDATUM)


def test_spec_applies_from_week_1() -> None:
    minimaal = load(DOSSIERS[-2])
    assert SPEC.applies(minimaal) and SPEC.uses_peildatum
    assert SPEC.document_date({"zaak": {"rapportdatum": "2025-12-19"}}, PEILDATUM) == PEILDATUM


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_golden_text(engine: Engine, path: Path) -> None:
    text = docx_text(build(engine, load(path)))
    assert_golden("riv-checklist", path.stem, text)


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_no_medical_data(engine: Engine, path: Path) -> None:
    output = build(engine, with_medical_canary(load(path), CANARY))
    for name, xml in xml_parts(output):
        assert CANARY not in xml, f"{name} bevat medische gegevens"


def test_symbols_come_from_the_house_font() -> None:
    """Calibri/Carlito hold these; check marks (U+2713/2714) they do not."""
    assert all(ord(s) in (0x25CF, 0x21, 0xD7, 0x2192, 0x25CB, 0x2013) for s in SYMBOLEN.values())


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) ontbreekt")
@pytest.mark.parametrize("stem", ["bakker-spoor2", "minimaal-week-1"])
def test_libreoffice_converts_to_pdf(engine: Engine, tmp_path: Path, stem: str) -> None:
    path = next(p for p in DOSSIERS if p.stem == stem)
    source = tmp_path / f"{stem}.docx"
    source.write_bytes(build(engine, load(path)))
    subprocess.run(
        [
            "soffice", "--headless", "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to", "pdf", "--outdir", str(tmp_path), str(source),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / f"{stem}.pdf"
    assert pdf.is_file(), "LibreOffice maakte geen PDF (de conversie meldt fouten niet)"
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())) >= 1  # pages


def test_verlenging_request_date_near_the_wia_aanvraag() -> None:
    # No statutory date; the timeline's safe day is 2 weeks before the WIA-aanvraag deadline:
    # X+650-14 = X+636. Within 8 weeks of it the checklist says so; earlier it keeps quiet.
    data = dossier(**OP_SCHEMA)
    safe = dag(637)  # the 637th sick day is X+636
    _, dichtbij = status_van(data, X + timedelta(days=600))
    assert any("vrijwillig verlengen" in t and datum(date.fromisoformat(safe)) in t
               for t in teksten(dichtbij, LET_OP))  # fmt: skip
    _, vroeg = status_van(data, X + timedelta(days=500))
    assert not any("vrijwillig verlengen" in t for t in teksten(vroeg, LET_OP))
