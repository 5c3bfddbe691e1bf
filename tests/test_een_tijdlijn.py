"""One value, one route: every document of a dossier prints the dates of ``dossiergen timeline``.

For every example and every document that applies (rapport, plan van aanpak, RIV-checklist,
letters, vragenlijsten), the rendered markup is compared with the JSON of ``dossiergen timeline
--format json`` on the same peildatum: the printed eerste ziektedag, every date a document
prints as a deadline ("uiterlijk ..."), and (RIV-checklist) the deadline of every milestone it
lists.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dossiergen.commands.options import OutputFormat, TimelineOptions
from dossiergen.commands.timeline import run_timeline
from dossiergen.documents import DOCUMENTS, missing_parts
from dossiergen.dossier.load import load_dossier
from dossiergen.engine import Engine, document_context
from dossiergen.text.filters import datum
from tests.conftest import EXAMPLES, PEILDATUM, ROOT

GELDIG = sorted((ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml"))
_EERSTE = re.compile(r"Eerste ziektedag \| ([^|\n]+?) *\|")
_UITERLIJK = re.compile(r"uiterlijk(?: op)? (\d{1,2} [a-z]+ \d{4})")


def _timeline(path: Path) -> dict[str, Any]:
    options = TimelineOptions(peildatum=PEILDATUM, path=path, output_format=OutputFormat.JSON)
    out, _ = run_timeline(options)
    result: dict[str, Any] = json.loads(out)
    return result


def _markups(engine: Engine, path: Path) -> dict[str, str]:
    dossier = load_dossier(path, str(path.relative_to(ROOT)))
    result = {}
    for name, spec in DOCUMENTS.items():
        if not spec.applies(dossier.data) or missing_parts(spec, dossier):
            continue
        context = document_context(dossier.data, spec, engine, "v", PEILDATUM)
        result[name] = engine.renderer.render(spec.template, context)
    return result


def _lang(iso: str) -> str:
    return datum(date.fromisoformat(iso))


@pytest.mark.parametrize("path", [*EXAMPLES, *GELDIG], ids=lambda p: p.stem)
def test_every_document_prints_the_timelines_dates(engine: Engine, path: Path) -> None:
    timeline = _timeline(path)
    markups = _markups(engine, path)
    assert markups, "no document applies"
    eerste = _lang(timeline["eerste_ziektedag"])
    for name, markup in markups.items():
        for printed in _EERSTE.findall(markup):
            assert printed.replace("\\", "") == eerste, f"{name} prints {printed}"
        if "ziek sinds" in markup or "ziek is" in markup:
            assert eerste in markup.replace("\\", ""), name
    # A deadline in any document is one of the timeline's dates, never one computed elsewhere.
    dagen = {timeline["einde_wachttijd"]} | {
        m[k] for m in timeline["mijlpalen"] for k in ("vanaf", "uiterlijk") if m[k]
    }
    lang = {_lang(d) for d in dagen if d}
    for name, markup in markups.items():
        for printed in _UITERLIJK.findall(markup.replace("\\", "")):
            assert printed in lang, f"{name} prints the deadline {printed}, not the timeline's"
    checklist = markups.get("riv-checklist", "").replace("\\", "")
    werknemer = load_dossier(path, path.name).data["werknemer"]
    uit = str(werknemer.get("uit_dienst", {}).get("datum", "9999-12-31"))
    for m in timeline["mijlpalen"]:
        # After the end of employment the checklist leaves a step to UWV, without a date.
        due = m["status"] != "n.v.t." and m["uiterlijk"] and m["uiterlijk"] <= uit
        if checklist and due and m["id"] in _RIV_ROWS:
            kort = datum(date.fromisoformat(m["uiterlijk"]), "kort")
            assert kort in checklist, f"riv-checklist lacks {m['id']} {kort}"


#: Milestones that are a row of the RIV-checklist with the timeline's own deadline.
_RIV_ROWS = frozenset(
    {
        "probleemanalyse",
        "plan_van_aanpak",
        "eerstejaarsevaluatie",
        "spoor_2_start",
        "eindevaluatie",
        "actueel_oordeel",
    }
)
