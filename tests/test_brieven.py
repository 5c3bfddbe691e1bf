"""The letters to UWV: golden text per requested letter, attachments per question, the
verlenging dates by hand, privacy, and letters that are not (or cannot be) built.

Set ``DOSSIERGEN_UPDATE_GOLDEN=1`` to rewrite ``tests/golden/<letter>/<stem>.txt`` after an
intended change; read the diff before committing it.
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
from docx_helpers import assert_golden, docx_text, load
from ruamel.yaml import YAML

from dossiergen.documents import DOCUMENTS, missing_parts
from dossiergen.documents.brieven.aanbieding import riv_onderdelen
from dossiergen.documents.brieven.derive import (
    BIJLAGEN_DESKUNDIGENOORDEEL,
    bijlagen_deskundigenoordeel,
    derive_verlenging,
    extra_bijlagen,
    laatste_brief,
    verlenging_datums,
)
from dossiergen.documents.tijdlijn import dossier_tijdlijn
from dossiergen.dossier.load import load_dossier
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.engine import Engine, render_document
from dossiergen.errors import MissingDataError

DOSSIERS = sorted((ROOT / "dossiers").glob("*.yaml"))
VERSION = "0123abc (2026-11-20)"
LETTERS = (
    "brief-ziekmelding-42e-week",
    "brief-deskundigenoordeel",
    "brief-verlenging-loondoorbetaling",
    "brief-aanbieding-riv",
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CANARY = "KANARIE-b41ef7"


def build(engine: Engine, data: Any, name: str) -> bytes:
    return render_document(data, DOCUMENTS[name], engine, VERSION, PEILDATUM)


# -- which letters ------------------------------------------------------------------------------

REQUESTED = [
    (name, path)
    for name in LETTERS
    for path in DOSSIERS
    if DOCUMENTS[name].applies(load_dossier(path).data)
]


def test_every_letter_is_requested_by_an_example_dossier() -> None:
    assert {name for name, _ in REQUESTED} == set(LETTERS)


def test_a_letter_not_requested_is_not_built() -> None:
    de_vries = load(ROOT / "dossiers" / "de-vries-spoor1-aangepast-werk.yaml")
    applies = {name: DOCUMENTS[name].applies(de_vries) for name in LETTERS}
    assert applies == {
        "brief-ziekmelding-42e-week": False,
        "brief-deskundigenoordeel": True,
        "brief-verlenging-loondoorbetaling": False,
        "brief-aanbieding-riv": False,
    }
    del de_vries["brieven"]
    assert not any(DOCUMENTS[name].applies(de_vries) for name in LETTERS)


def test_the_latest_letter_of_a_kind_counts_and_dates_the_document() -> None:
    data = {
        "brieven": [
            {"soort": "deskundigenoordeel", "datum": "2026-12-01", "vraag": "passend_werk"},
            {"soort": "aanbieding_riv", "datum": "2027-01-01"},
            {"soort": "deskundigenoordeel", "datum": "2026-10-01", "vraag": "passend_werk"},
        ]
    }
    latest = laatste_brief(data, "deskundigenoordeel")
    assert latest is not None and latest["datum"] == "2026-12-01"
    spec = DOCUMENTS["brief-deskundigenoordeel"]
    assert spec.document_date(data, PEILDATUM) == date(2026, 12, 1)


# -- golden text --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "path"), REQUESTED, ids=[f"{n}-{p.stem}" for n, p in REQUESTED])
def test_golden_text(engine: Engine, name: str, path: Path) -> None:
    text = docx_text(build(engine, load(path), name))
    assert_golden(name, path.stem, text)


# -- deskundigenoordeel: attachments per question -----------------------------------------------

VIEW: dict[str, Any] = {
    "verzuim": {
        "eerste_ziektedag": "2026-01-05",
        "probleemanalyse": {"datum": "2026-02-10"},
        "plan_van_aanpak": {"datum": "2026-02-20"},
        "bijstellingen": [
            {"datum": "2026-05-01", "soort": "probleemanalyse"},
            {"datum": "2026-05-08", "soort": "plan_van_aanpak"},
            {"datum": "2026-12-01", "soort": "plan_van_aanpak"},  # after the letter
        ],
        "evaluaties": [{"datum": "2026-04-01"}, {"datum": "2026-06-10"}],
        "actueel_oordeel": {"datum": "2026-09-01"},
    },
    "bedrijfsarts": {"belastbaarheid": [{"datum": "2026-03-01"}, {"datum": "2026-08-15"}]},
}
LETTER_DATE = date(2026, 10, 1)


def test_attachments_geschiktheid_eigen_werk() -> None:
    assert bijlagen_deskundigenoordeel(VIEW, "geschiktheid_eigen_werk", LETTER_DATE) == [
        {"naam": "Functiebeschrijving van het eigen werk", "datums": []},
        {
            "naam": "Oordeel van de bedrijfsarts over de (on)geschiktheid voor het eigen werk",
            "datums": ["2026-09-01"],  # the latest advice: the actueel oordeel
        },
    ]


def test_attachments_passend_werk_without_and_with_arbeidsdeskundig_rapport() -> None:
    expected = [
        {"naam": "Beschrijving van het aangeboden werk", "datums": []},
        {
            "naam": "Belastbaarheid en inzetbaarheid volgens de bedrijfsarts",
            "datums": ["2026-08-15"],
        },
    ]
    assert bijlagen_deskundigenoordeel(VIEW, "passend_werk", LETTER_DATE) == expected
    view = copy.deepcopy(VIEW)
    view["verzuim"]["arbeidsdeskundig_onderzoek"] = {"datum": "2026-07-01"}
    assert bijlagen_deskundigenoordeel(view, "passend_werk", LETTER_DATE) == [
        *expected,
        {"naam": "Arbeidsdeskundig rapport", "datums": ["2026-07-01"]},
    ]


def test_attachments_re_integratie_inspanningen() -> None:
    assert bijlagen_deskundigenoordeel(VIEW, "re_integratie_inspanningen", LETTER_DATE) == [
        {"naam": "Probleemanalyse en bijstellingen", "datums": ["2026-02-10", "2026-05-01"]},
        # the bijstelling of 1 December is after the letter: not enclosed
        {"naam": "Plan van aanpak en bijstellingen", "datums": ["2026-02-20", "2026-05-08"]},
        {
            "naam": "Evaluaties van de re-integratie-inspanningen",
            "datums": ["2026-04-01", "2026-06-10"],
        },
        {
            "naam": "Belastbaarheid en inzetbaarheid volgens de bedrijfsarts",
            "datums": ["2026-08-15"],
        },
        {
            "naam": "Meest recente advies van de bedrijfsarts of arbodienst",
            "datums": ["2026-09-01"],
        },
    ]


def test_every_question_of_the_schema_has_attachments() -> None:
    schema = (ROOT / "schemas" / "v1" / "brieven.schema.json").read_text(encoding="utf-8")
    for vraag in ("geschiktheid_eigen_werk", "passend_werk", "re_integratie_inspanningen"):
        assert vraag in schema and BIJLAGEN_DESKUNDIGENOORDEEL[vraag]


def test_own_attachments_already_listed_are_not_repeated() -> None:
    entry = {"bijlagen": ["Arbeidsdeskundig rapport van 6 november 2026", "Verklaring werknemer"]}
    listed = [{"naam": "Arbeidsdeskundig rapport", "datums": []}]
    assert extra_bijlagen(entry, listed) == ["Verklaring werknemer"]


# -- verlenging: dates by hand --------------------------------------------------------------------


def test_verlenging_dates_without_gaps() -> None:
    # X = 5 January 2026. Einde wachttijd = the 728th ziektedag = X + 727 = 2 January 2028;
    # with 13 weeks: + 91 days = 2 April 2028 (2028 is a leap year). WIA-aanvraag uiterlijk =
    # einde - 77 days: 17 October 2027 without, 16 January 2028 with the verlenging. The
    # request is safe 2 weeks (UWV's decision) before the WIA-aanvraag deadline: 3 October 2027.
    invoer = verzuim_invoer({"verzuim": {"eerste_ziektedag": "2026-01-05"}})
    assert verlenging_datums(invoer, 13, date(2027, 9, 1)) == {
        "eerste_ziektedag": "2026-01-05",
        "einde_wachttijd": "2028-01-02",
        "wia_aanvraag_uiterlijk": "2027-10-17",
        "verzoek_verlenging_uiterlijk": "2027-10-03",
        "nieuw_einde_wachttijd": "2028-04-02",
        "nieuw_wia_aanvraag_uiterlijk": "2028-01-16",
    }


def test_verlenging_dates_bakker_with_samentelling_and_recorded_extension() -> None:
    # Bakker: X = 3 February 2025, recovered 19 April to 5 May 2025 (17 days, < 4 weeks: the
    # periods count together and the 17 days do not count). 728th ziektedag = X + 727 + 17 =
    # 17 February 2027; + 13 weeks (91 days) = 19 May 2027. WIA-aanvraag = einde - 77 days:
    # 2 December 2026 and 3 March 2027; the request is safe by 2 December - 14 days =
    # 18 November 2026. The dossier already records this vrijwillige verlenging (granted
    # after the letter): it must count once, not twice.
    view = load(ROOT / "dossiers" / "bakker-spoor2.yaml")
    context = derive_verlenging(view, dossier_tijdlijn(view, PEILDATUM), PEILDATUM)
    assert context["weken"] == 13
    assert context["tijdlijn"] == {
        "eerste_ziektedag": "2025-02-03",
        "einde_wachttijd": "2027-02-17",
        "wia_aanvraag_uiterlijk": "2026-12-02",
        "verzoek_verlenging_uiterlijk": "2026-11-18",
        "nieuw_einde_wachttijd": "2027-05-19",
        "nieuw_wia_aanvraag_uiterlijk": "2027-03-03",
    }


def test_verlenging_under_13_weeks_is_not_built(engine: Engine) -> None:
    view = load(ROOT / "dossiers" / "bakker-spoor2.yaml")
    entry = next(b for b in view["brieven"] if b["soort"] == "verlenging_loondoorbetaling")
    entry["weken"] = 8
    del entry["toelichting"]
    with pytest.raises(MissingDataError) as caught:
        build(engine, view, "brief-verlenging-loondoorbetaling")
    message = str(caught.value)
    assert "vraagt 8 weken" in message and "minimaal 13 weken (art. 24 WIA)" in message
    assert "toelichting" in message  # every problem in one message


# -- aanbieding RIV ---------------------------------------------------------------------------


def test_riv_parts_are_those_present_on_the_letter_date() -> None:
    view = load(ROOT / "dossiers" / "bakker-spoor2.yaml")
    names = [p["naam"] for p in riv_onderdelen(view, verzuim_invoer(view), date(2026, 1, 31))]
    # Eindevaluatie, actueel oordeel and visie come later (October 2026); the ziekmelding is
    # UWV's own and is not enclosed.
    assert names == [
        "Probleemanalyse",
        "Bijstellingen probleemanalyse",
        "Plan van aanpak",
        "Bijstellingen plan van aanpak",
        "Evaluaties van het plan van aanpak",
        "Eerstejaarsevaluatie",
        "Arbeidsdeskundig rapport",
    ]


# -- missing data -------------------------------------------------------------------------------


def test_a_requested_letter_lacking_data_lists_everything_missing(tmp_path: Path) -> None:
    yaml = YAML()
    source = ROOT / "dossiers" / "el-amrani-jobcarving.yaml"
    data = yaml.load(source.read_text(encoding="utf-8"))
    del data["werkgever"]["loonheffingennummer"]
    del data["werkgever"]["contactpersoon"]
    del data["werknemer"]["adres"]
    del data["werknemer"]["contract"]["uren_per_week"]
    broken = tmp_path / "el-amrani.yaml"
    with broken.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    dossier = load_dossier(broken, "dossiers/el-amrani.yaml")
    problems = missing_parts(DOCUMENTS["brief-ziekmelding-42e-week"], dossier)
    messages = [p.message for p in problems]
    assert messages == [
        "brief-ziekmelding-42e-week: het loonheffingennummer van de werkgever ontbreekt "
        "('werkgever.loonheffingennummer')",
        "brief-ziekmelding-42e-week: de contactpersoon van de werkgever "
        "ontbreekt ('werkgever.contactpersoon')",
        "brief-ziekmelding-42e-week: het adres van de werknemer ontbreekt ('werknemer.adres')",
        "brief-ziekmelding-42e-week: de contractuele uren per week ontbreekt "
        "('werknemer.contract.uren_per_week')",
    ]
    lines = broken.read_text(encoding="utf-8").splitlines()
    for problem in problems:  # each names the line of the section that lacks the part
        assert problem.path == "dossiers/el-amrani.yaml" and problem.line >= 1
        assert lines[problem.line - 1].strip().startswith(("werkgever:", "werknemer:", "contract:"))


# -- privacy ----------------------------------------------------------------------------------


def _poison(node: Any, medical: bool = False) -> None:
    """Put the canary in every medical field: all of bedrijfsarts.medisch, every
    medische_toelichting."""
    if isinstance(node, dict):
        for key, value in node.items():
            inside = medical or key == "medisch"
            if isinstance(value, str) and (inside or key == "medische_toelichting"):
                node[key] = f"{CANARY} {value}"
            else:
                _poison(value, inside)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, str) and medical:
                node[i] = f"{CANARY} {item}"
            else:
                _poison(item, medical)


ALL_LETTERS = [
    {"soort": "ziekmelding_42e_week", "datum": "2026-11-20"},
    {"soort": "deskundigenoordeel", "datum": "2026-11-20", "vraag": "re_integratie_inspanningen"},
    {
        "soort": "verlenging_loondoorbetaling",
        "datum": "2026-11-20",
        "weken": 20,
        "toelichting": "Samen gevraagd.",
    },
    {"soort": "aanbieding_riv", "datum": "2026-11-20"},
]


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_privacy_canary_never_reaches_a_letter(engine: Engine, path: Path) -> None:
    data = load(path)
    _poison(data)
    assert CANARY in repr(data)
    data["brieven"] = copy.deepcopy(ALL_LETTERS)  # every letter, for every example dossier
    for name in LETTERS:
        package = build(engine, data, name)
        with zipfile.ZipFile(io.BytesIO(package)) as docx:
            for part in docx.namelist():
                assert CANARY.encode() not in docx.read(part), f"{name}: {part}"
