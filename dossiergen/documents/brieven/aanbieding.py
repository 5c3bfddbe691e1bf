"""The upload list of the re-integratieverslag (the aanbieding at the WIA-aanvraag): the parts
the RIV-checklist finds on the document's date, each with the dates of its records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.documents.brieven.derive import (
    _DATUMS,
    _basis,
    _invoer,
    _tijdlijn,
    _tot,
    extra_bijlagen,
)
from dossiergen.documents.riv import status as riv
from dossiergen.documents.tijdlijn import dossier_tijdlijn, tijdlijn_op
from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import problem_at
from dossiergen.dutch import long_date as dag
from dossiergen.poortwachter.tijdlijn import Tijdlijn, VerzuimInvoer
from dossiergen.problems import Problem, Severity

#: RIV rows (``riv.status``) made of several records: the dossier part with all their dates.
_RIV_LIJSTEN = {
    "bijstellingen_probleemanalyse": "bijstelling_probleemanalyse",
    "bijstellingen_plan_van_aanpak": "bijstelling_plan_van_aanpak",
    "evaluaties": "evaluaties",
}

#: Letter wording for RIV rows whose checklist name reads as a step rather than a document.
_RIV_NAMEN = {"spoor_2_start": "Rapportages tweede spoor"}


def riv_onderdelen(
    view: Mapping[str, Any], invoer: VerzuimInvoer, datum: date
) -> list[dict[str, Any]]:
    """The parts of the re-integratieverslag the dossier holds on ``datum``, each with the dates
    of its records and whether it is current. Which parts exist and which are outdated comes
    from the RIV-checklist (``riv.status``), so the list and the checklist never disagree: a
    part the checklist marks too early (made before a vrijwillige verlenging, or before its
    window) is ``actueel: False`` with the checklist's explanation. The ziekmelding (UWV has it)
    and a deskundigenoordeel still without outcome are not part of the upload."""
    rows = riv.onderdelen(view, tijdlijn_op(invoer, datum), datum)
    result = []
    for row in rows:
        if row.datum is None or row.id == "ziekmelding_uwv":
            continue
        if row.id.startswith("deskundigenoordeel") and row.status != riv.AANWEZIG:
            continue
        bron = _RIV_LIJSTEN.get(row.id)
        # The checklist dates a list by its latest record; the upload holds what exists on its
        # own date, so lists are re-dated record by record.
        datums = _tot(_DATUMS[bron](view) if bron else [row.datum], datum)
        if datums:
            result.append(
                {
                    "naam": _RIV_NAMEN.get(row.id, row.naam),
                    "datums": datums,
                    "actueel": row.status != riv.TE_VROEG,
                    "toelichting": row.toelichting,
                }
            )
    return result


def derive_aanbieding_riv(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> dict[str, Any]:
    """Context of the upload list of the re-integratieverslag with the WIA-aanvraag: the
    current parts, and apart from them those the checklist marks outdated."""
    context = _basis(view, "aanbieding_riv", peildatum)
    datum = date.fromisoformat(context["brief_datum"])
    onderdelen = riv_onderdelen(view, _invoer(tijdlijn), datum)
    actueel = [o for o in onderdelen if o["actueel"]]
    context.update(
        onderdelen=actueel,
        verouderd=[o for o in onderdelen if not o["actueel"]],
        extra_bijlagen=extra_bijlagen(context["brief"], onderdelen),
        tijdlijn=_tijdlijn(_invoer(tijdlijn), datum),
    )
    return context


def verouderde_riv_onderdelen(dossier: LoadedDossier, peildatum: date) -> list[Problem]:
    """A warning for each part the RIV-checklist marks outdated on the date of the dossier's
    upload list (``brieven``, soort aanbieding_riv): the list leaves it out as current, and the
    re-integratieverslag lacks a current one until it is made again."""
    entries = [
        (index, entry)
        for index, entry in enumerate(dossier.data.get("brieven") or ())
        if isinstance(entry, Mapping) and entry.get("soort") == "aanbieding_riv"
    ]
    if not entries:
        return []
    index, entry = max(entries, key=lambda pair: (str(pair[1].get("datum", "")), pair[0]))
    datum = date.fromisoformat(str(entry["datum"]))
    invoer = _invoer(dossier_tijdlijn(dossier.data, peildatum))
    problems = []
    for onderdeel in riv_onderdelen(dossier.data, invoer, datum):
        if onderdeel["actueel"]:
            continue
        dates = ", ".join(dag(date.fromisoformat(d)) for d in onderdeel["datums"])
        problems.append(
            problem_at(
                dossier.display_path,
                dossier.data,
                Severity.WAARSCHUWING,
                ["brieven", index, "datum"],
                f"de uploadlijst van het re-integratieverslag van {dag(datum)} kan "
                f"'{onderdeel['naam']}' van {dates} niet als actueel stuk noemen; volgens de "
                f"RIV-checklist: {_zin(onderdeel['toelichting'])}",
            )
        )
    return problems


def _zin(text: str) -> str:
    """A sentence of the checklist as part of a message: lower-case start, no final stop."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:]
