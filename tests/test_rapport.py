"""The arbeidsdeskundig rapport: golden text per example dossier, privacy by construction,
hostile values, and sections the dossier does not cover left out.

Set ``DOSSIERGEN_UPDATE_GOLDEN=1`` to rewrite ``tests/golden/rapport/<stem>.txt`` after an
intended change; review the diff before committing it.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import PEILDATUM, ROOT
from docx_helpers import assert_golden, docx_text, load, with_medical_canary, xml_parts
from lxml import etree

from dossiergen.blocks import section_numbers
from dossiergen.config import Resources, default_resources
from dossiergen.documents import DOCUMENTS
from dossiergen.documents.rapport.derive import arbeidsverleden, kostentoets, tekstblokken
from dossiergen.docx.headings import numbered_runs
from dossiergen.dossier.views import make_view
from dossiergen.engine import Engine, document_context, engine_for, render_document
from dossiergen.errors import PrivacyError
from dossiergen.text.markup import Heading, parse_markup

DOSSIERS = sorted((ROOT / "dossiers").glob("*.yaml"))
VERSION = "0123abc (2026-11-20)"
SPEC = DOCUMENTS["rapport"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CANARY = "KANARIE-7f3a9c"


def build(engine: Engine, data: Any) -> bytes:
    return render_document(data, SPEC, engine, VERSION, PEILDATUM)


def markup(engine: Engine, data: Any) -> str:
    """The template's markup for ``data`` (the step before the writer)."""
    context = document_context(data, SPEC, engine, VERSION, PEILDATUM)
    return engine.renderer.render(SPEC.template, context)


def heading_texts(blocks: Any) -> list[str]:
    """The headings as the reader sees them: numbered ones with the writer's number in front."""
    headings = [b for b in blocks if isinstance(b, Heading)]
    return [
        "".join(getattr(r, "text", "") for r in numbered_runs(number, heading.runs))
        for heading, number in zip(headings, section_numbers(headings), strict=True)
    ]


def empty_sections(blocks: Any) -> list[str]:
    """Headings directly followed by a heading of the same or a higher level (or by nothing)."""
    found = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or (isinstance(following, Heading) and following.level <= block.level):
            found.append("".join(getattr(r, "text", "") for r in block.runs))
    return found


# -- golden text ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_golden_text(engine: Engine, path: Path) -> None:
    text = docx_text(build(engine, load(path)))
    assert_golden("rapport", path.stem, text)


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_reads_cleanly(engine: Engine, path: Path) -> None:
    """No escape backslashes, no Python values, no empty sections, BSN left out."""
    data = load(path)
    text = docx_text(build(engine, data))
    assert "\\" not in text
    for word in ("None", "True", "False", "Undefined", "{{", "{%", "**"):
        assert word not in text
    assert data["werknemer"]["bsn"] not in text  # data minimisation: not needed in the report
    blocks = parse_markup(markup(engine, data))
    assert empty_sections(blocks) == []
    headings = heading_texts(blocks)
    for expected in ("1 Belastbaarheid", "2 Werkgever", "3 Werknemer", "4 Eigen werk"):
        assert expected in headings


# -- privacy ----------------------------------------------------------------------------------


def with_canaries(data: dict[str, Any], consent: bool) -> dict[str, Any]:
    """The medical canary everywhere, and private canaries in the §3.7 fields."""
    data = with_medical_canary(data, CANARY)
    data["werknemer"]["toestemming_prive_gegevens"] = {"gegeven": consent, "datum": "2026-01-05"}
    wni = data.setdefault("werknemer_informatie", {})
    for key in ("secundaire_factoren", "privesituatie", "uitkeringsverleden"):
        wni[key] = f"{CANARY} {key}"
    data["bedrijfsarts"]["wia_wao_wajong"] = {
        "van_toepassing": True,
        "regeling": "wajong",
        "toelichting": f"{CANARY} uitkeringsverleden",
    }
    spoor_2 = data.setdefault("spoor_2", {"inzetten": True})
    spoor_2.setdefault("persoonsprofiel", {})["belemmerende_factoren"] = f"{CANARY} factoren"
    return data


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_no_medical_or_private_data_without_consent(engine: Engine, path: Path) -> None:
    data = with_canaries(load(path), consent=False)
    assert list(engine.schemas.validator.iter_errors(data)) == []
    document = build(engine, data)
    for name, xml in xml_parts(document):
        assert CANARY not in xml, f"{name} bevat vertrouwelijke gegevens"


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_private_data_with_consent_but_never_medical(engine: Engine, path: Path) -> None:
    """The canary test can see a leak: with consent the private fields do appear."""
    data = with_canaries(load(path), consent=True)
    text = docx_text(build(engine, data))
    for key in ("secundaire_factoren", "privesituatie", "uitkeringsverleden", "factoren"):
        assert f"{CANARY} {key}" in text
    for word in ("diagnose", "oorzaak", "behandeling", "medicatie", "medische toelichting"):
        assert f"{CANARY} {word}" not in text
    assert text.count(CANARY) == 5  # the five private fields, nothing medical


def test_template_reading_a_medical_field_fails(engine: Engine, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "templates" / "huisstijl.docx", templates / "huisstijl.docx")
    shutil.copy(ROOT / "templates" / "_macros.md.j2", templates / "_macros.md.j2")
    (templates / "rapport.md.j2").write_text(
        "# Rapport\n\nDiagnose: {{ dossier.bedrijfsarts.medisch.diagnose }}\n", encoding="utf-8"
    )
    leaky = engine_for(Resources(default_resources().schemas_dir, templates))
    with pytest.raises(PrivacyError, match="medisch"):
        build(leaky, load(DOSSIERS[0]))


def test_template_reading_a_private_field_without_consent_fails(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "templates" / "huisstijl.docx", templates / "huisstijl.docx")
    (templates / "rapport.md.j2").write_text(
        "{{ dossier.werknemer_informatie.privesituatie }}\n", encoding="utf-8"
    )
    leaky = engine_for(Resources(default_resources().schemas_dir, templates))
    el_amrani = next(p for p in DOSSIERS if "el-amrani" in p.stem)  # no consent recorded
    with pytest.raises(PrivacyError, match="privesituatie"):
        build(leaky, load(el_amrani))


# -- hostile values ---------------------------------------------------------------------------

HOSTILE = "**vet** | pijp # kop <b>html</b> {{ x }} {% if %} [link](http://x) `code` \\ &amp;"
LONG_WORD = "x" * 300


def test_hostile_values_stay_literal_text(engine: Engine) -> None:
    data = load(DOSSIERS[0])
    data["werknemer"]["naam"] = HOSTILE
    data["eigen_werk"]["functie"] = "regel een\nregel twee | drie"
    data["werknemer_informatie"]["visie_werknemer"] = f"Begin\n\n# geen kop\n\n{LONG_WORD} eind"
    data["eigen_werk"]["taken"] = [
        {
            "naam": f"Taak {i} {HOSTILE}",
            "aandeel": 0.2,
            "omschrijving": "- geen lijst\n1. ook geen lijst",
            "belasting": [{"factor": "tillen |", "mate": "*", "duur": "#", "frequentie": "<b>"}],
        }
        for i in range(500)
    ]
    data["advies"] = "1. Eerste *punt*\n2. Tweede | punt\n\n- los {{ punt }}"
    document = build(engine, data)
    text = docx_text(document)
    assert HOSTILE in text  # title page, gegevens, signature lines
    assert "regel een regel twee | drie" in text
    assert "# geen kop" in text
    assert LONG_WORD in text
    assert text.count(f"{HOSTILE} |") >= 500  # every task row, literally
    assert "Eerste *punt*" in text and "Tweede | punt" in text and "los {{ punt }}" in text
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&lt;b&gt;html&lt;/b&gt;" in xml
    assert "<b>" not in xml
    etree.fromstring(xml.encode("utf-8"))  # still well-formed


# -- left out what the dossier does not cover -----------------------------------------------


def minimal_dossier() -> dict[str, Any]:
    """Only what a rapport requires (documents.DOCUMENTS['rapport'].requires)."""
    return {
        "schema_version": 2,
        "zaak": {
            "kenmerk": "AD-2026-0001",
            "vraagstelling": ["Is de werknemer geschikt voor het eigen werk?"],
            "arbeidsdeskundige": {"naam": "A. Adviseur"},
            "rapportdatum": "2026-11-02",
        },
        "werknemer": {
            "naam": "Jansen",
            "voorletters": "M.",
            "geboortedatum": "1990-02-14",
            "bsn": "999990068",
        },
        "werkgever": {"naam": "Bakkerij Jansen & Co"},
        "verzuim": {"eerste_ziektedag": "2026-09-01"},
        "bedrijfsarts": {
            "belastbaarheid": [
                {
                    "soort": "FML",
                    "datum": "2026-10-20",
                    "opgesteld_door": "B. Arts",
                    "beperkingen": [
                        {
                            "id": "tillen",
                            "rubriek": "dynamische_handelingen",
                            "omschrijving": "Tillen beperkt",
                        }
                    ],
                }
            ]
        },
        "eigen_werk": {
            "functie": "Bakker",
            "taken": [{"naam": "Deeg kneden", "aandeel": 100}],
            "conclusie": {"oordeel": "geschikt", "argumentatie": "Geen overschrijding."},
        },
        "advies": "Hervat het eigen werk.",
    }


def test_sections_the_dossier_does_not_cover_are_left_out(engine: Engine) -> None:
    data = minimal_dossier()
    assert list(engine.schemas.validator.iter_errors(data)) == []
    blocks = parse_markup(markup(engine, data))
    headings = heading_texts(blocks)
    assert empty_sections(blocks) == []
    absent_parts = ("Aangepast eigen werk", "Ander passend werk", "spoor 2", "Bijzondere")
    absent_parts += ("Beschouwing", "Conclusie ander", "Werkwijze", "Weging", "Belasting per")
    for absent in absent_parts:
        assert not any(absent in h for h in headings), absent
    assert headings[-3:] == ["4.3 Conclusie eigen werk", "5 Advies", "Ondertekening"]
    text = docx_text(build(engine, data))
    assert "None" not in text and "\\" not in text


# -- derived figures --------------------------------------------------------------------------


def test_tekstblokken_splits_paragraphs_and_lists() -> None:
    blocks = tekstblokken("Wij adviseren:\n1. eerste\n   vervolg\n2. tweede\n\n- los\nNa afloop.")
    assert [(b.soort, b.tekst, b.items, b.genummerd) for b in blocks] == [
        ("alinea", "Wij adviseren:", (), False),
        ("lijst", "", ("eerste vervolg", "tweede"), True),
        ("lijst", "", ("los Na afloop.",), False),
    ]
    assert tekstblokken(None) == ()
    assert tekstblokken("Ca. 1 uur.\nMax. 2 keer.")[0].tekst == "Ca. 1 uur. Max. 2 keer."


def test_arbeidsverleden_shows_explained_gaps_in_place(engine: Engine) -> None:
    data = load(next(p for p in DOSSIERS if "de-vries" in p.stem))
    rows = arbeidsverleden(make_view(data, engine.schemas, SPEC.audiences))
    gap = rows[1]
    assert gap.hiaat and (gap.van, gap.tot) == ("2005-01-01", "2005-03-31")
    assert rows[-1].tot is None


def test_kostentoets_against_seventy_percent(engine: Engine) -> None:
    data = load(next(p for p in DOSSIERS if "de-vries" in p.stem))
    toets = kostentoets(make_view(data, engine.schemas, SPEC.audiences))
    assert toets is not None and toets.grens == pytest.approx(30310)
    assert [(p.onderdeel, p.kosten, p.binnen_grens) for p in toets.posten] == [
        ("Aangepast eigen werk", 14500, True),
        ("Planner transport", 4800, True),
    ]


def test_loonwaarde_and_share_of_the_wage_are_not_mixed() -> None:
    from dossiergen.documents.rapport.loonwaarde import Loonwaarde, loonwaarde_van

    assert Loonwaarde(95, 30, 38).loonaandeel == 75.0  # not 95
    assert Loonwaarde(95).loonaandeel is None  # without hours only the loonwaarde
    view = {"werknemer": {"contract": {"uren_per_week": 40}}}
    lw = loonwaarde_van({"loonwaarde": 100, "uren_per_week": 16}, view)
    assert lw is not None and lw.loonaandeel == 40.0
    assert loonwaarde_van({"uren_per_week": 16}, view) is None
