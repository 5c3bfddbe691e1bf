"""Diagnosis words: compounds, stems and phrases found, ordinary words left alone; a hit in a
document for the employer stops that document unless the dossier records the phrase as checked;
the dossier's warnings come back on every build, also when nothing is rebuilt."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, PEILDATUM
from docx_helpers import load
from hypothesis import given
from hypothesis import strategies as st

from dossiergen.builder.build import build_paths
from dossiergen.config import default_resources
from dossiergen.documents import DOCUMENTS
from dossiergen.rules.privacy import compile_word_list, diagnosis_words


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Na de hernia-operatie thuis", {"hernia-operatie"}),
        ("herstel van long-covid", {"long-covid"}),
        ("Long COVID en longcovid", {"Long COVID", "longcovid"}),
        ("besmet met COVID-19.", {"COVID-19"}),
        ("een herniaoperatie en een nekhernia", {"herniaoperatie", "nekhernia"}),
        ("depressieve klachten; epileptische aanval", {"depressieve", "epileptische"}),
        ("als longkankerpatiënt", {"longkankerpatiënt"}),
        ("RSI-klachten na een CVA", {"RSI-klachten", "CVA"}),
        ("ziekte van Crohn", {"ziekte van Crohn"}),
        ("burn-out, burnout, Burn out", {"burn-out", "burnout", "Burn out"}),
    ],
)
def test_compounds_stems_and_phrases_are_found(text: str, found: set[str]) -> None:
    assert diagnosis_words().find(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "de nieuwste versie van het rooster",  # rsi
        "medicatiecontrole en rapportage",  # a task of a verzorgende
        "opnames op zolders, archief ordenen",  # hiv
        "scans van werkbonnen; kansen op werk",  # cans
        "Servicemonteur cv en installatietechniek",
    ],
)
def test_ordinary_words_are_left_alone(text: str) -> None:
    assert diagnosis_words().find(text) == set()


def test_one_compiled_pattern() -> None:
    words = compile_word_list(["hernia", "cva", "long covid", "epilep*", "# commentaar", ""])
    assert words.find("cva, epileptisch, long-covid, herniaoperatie") == {
        "cva",
        "epileptisch",
        "long-covid",
        "herniaoperatie",
    }
    assert words.find("cvaatje") == set()


def _entries() -> list[str]:
    text = resources.files("dossiergen.rules").joinpath("diagnosewoorden.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return [line.strip().rstrip("*") for line in lines if line.strip() and line[0] != "#"]


_PIECES = st.one_of(
    st.sampled_from(_entries()),
    st.sampled_from(_entries()).map(str.upper),
    st.sampled_from(_entries()).flatmap(lambda e: st.integers(1, len(e)).map(lambda n: e[:n])),
    st.text(alphabet="abcdeiklnorstuvïéÏ- \n.,19", max_size=6),
)


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_prefiltered_matches_are_the_patterns_own(text: str) -> None:
    """The pattern tried only where an entry's first word stands finds exactly what the
    pattern finds trying every position."""
    words = diagnosis_words()
    lowered = text.lower()
    expected = [m.span() for m in words.pattern.finditer(lowered)]
    assert [m.span() for m in words.matches(lowered)] == expected


def _with_advice(tmp_path: Path, advice: str, checked: list[dict[str, Any]] | None) -> Path:
    data = load(next(p for p in EXAMPLES if p.stem == "de-vries-spoor1-aangepast-werk"))
    data["verzuim"]["plan_van_aanpak"]["mening_werknemer_afspraken"] = advice
    if checked is not None:
        data["privacycontrole"] = checked
    path = tmp_path / "de-vries.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_employer_document_with_a_diagnosis_is_not_built(tmp_path: Path) -> None:
    path = _with_advice(tmp_path, "Na de hernia-operatie eerst halve dagen.", None)
    plan = DOCUMENTS["plan-van-aanpak"]
    report = build_paths([path], tmp_path / "uit", [plan], default_resources(), PEILDATUM)
    assert not report.ok and not report.written
    messages = [p.as_text() for p in report.problems]
    assert any(
        "fout: Plan van aanpak is voor de werkgever en bevat 'hernia-operatie'" in m
        and "[$.verzuim.plan_van_aanpak.mening_werknemer_afspraken]" in m
        for m in messages
    ), messages
    # the dossier's own warning says the same, at the same field
    assert any("waarschuwing:" in m and "'hernia-operatie'" in m for m in messages)


def test_checked_phrase_is_built_and_warnings_return_on_every_build(tmp_path: Path) -> None:
    checked = [{"formulering": "Hernia-operatie", "datum": "2026-11-02", "door": "R.M. Koster"}]
    path = _with_advice(tmp_path, "Na de hernia-operatie en de burn-out halve dagen.", checked)
    plan = DOCUMENTS["plan-van-aanpak"]
    out = tmp_path / "uit"
    first = build_paths([path], out, [plan], default_resources(), PEILDATUM)
    # 'burn-out' is not checked: the plan, which shows the advice, is refused
    assert not first.ok
    path.write_text(
        path.read_text(encoding="utf-8").replace("en de burn-out ", ""), encoding="utf-8"
    )
    second = build_paths([path], out, [plan], default_resources(), PEILDATUM)
    assert second.ok and second.written
    third = build_paths([path], out, [plan], default_resources(), PEILDATUM)  # nothing to do
    assert third.ok and not third.written and third.up_to_date
    assert [p.as_text() for p in third.problems] == [p.as_text() for p in second.problems]
    assert all("hernia-operatie" not in p.message for p in third.problems)  # checked


def test_texts_gathered_once_with_their_paths() -> None:
    from dossiergen.dossier.texts import dossier_texts, text_path

    data = {
        "a": {"b": ["x", {"medisch": {"c": "geheim"}}], "n": 3},
        "privacycontrole": [{"formulering": "y"}],
        "z": {"privacycontrole": "niet bovenaan"},
    }
    texts = dossier_texts(data, {"medisch"}, {"privacycontrole"})
    assert [(t[0], text_path(t), t[3]) for t in texts] == [
        ("x", ["a", "b", 0], False),
        ("geheim", ["a", "b", 1, "medisch", "c"], True),
        ("y", ["privacycontrole", 0, "formulering"], True),
        ("niet bovenaan", ["z", "privacycontrole"], False),
    ]
