"""UWV's RIV-toets for the RIV-checklist, on the rows and risks found before.

Pure, like :mod:`.status`: works on the audience view, the timeline context, the rows of
:func:`.status.riv_status` and the risks of :mod:`.risicos`. UWV's
RIV-toets asks four questions in this order (Werkwijzer
Poortwachter): a satisfying result? enough effort? a sound reason for what fell short? can it
still be repaired? Each answer lists what the dossier holds and names the verdict; the
riv-checklist template words the question, the risk and the advice for that verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dossiergen.documents.riv.risicos import HOOG, Risico, blokkerend_advies
from dossiergen.documents.riv.risicos import klein as _klein
from dossiergen.documents.riv.risicos import tel as _tel
from dossiergen.documents.riv.status import (
    NOG_NIET,
    NVT,
    ONTBREEKT,
    OPEN,
    TE_LAAT,
    TE_VROEG,
    UITZONDERINGEN,
    RivStatus,
    dag,
    deskundigenoordelen,
    evaluatie_gaten,
    uit_dienst,
    zin,
)
from dossiergen.dossier.functiegebouw import functie_dekking
from dossiergen.dossier.labels import label
from dossiergen.dossier.readers import as_date as _day
from dossiergen.dossier.readers import as_mapping as _map
from dossiergen.dossier.readers import as_tuple as _seq
from dossiergen.poortwachter.tijdlijn import Tijdlijn
from dossiergen.poortwachter.wet import EVALUATIE_WEKEN

# -- UWV's RIV-toets -----------------------------------------------------------------------

#: With this many weeks left before the WIA-aanvraag (or the end of employment) a shortcoming
#: can still be repaired in time; fewer is "hoog" (practice, no statute: two evaluation rounds).
HERSTEL_RUIM_WEKEN = 8


@dataclass(frozen=True)
class Toetsvraag:
    """One question of the RIV-toets: what the dossier holds and the verdict.

    The wording of the question, of what UWV looks at, of the risk and of the advice is the
    template's (``riv-checklist.md.j2``), so a consultant can reword it in an own template;
    ``oordeel`` names the verdict and ``gegevens`` holds the figures that wording may use.
    """

    nummer: int
    feiten: tuple[str, ...]
    oordeel: str
    gegevens: Mapping[str, Any] = field(default_factory=dict)


_STRUCTUREEL_UIT = {
    "aangepast_eigen_werk": "aangepast_eigen_werk",
    "ander_werk_eigen_werkgever": "ander_passend_werk",
}


def _uren(x: Any) -> str:
    return f"{x:g}".replace(".", ",") if isinstance(x, int | float) else str(x)


def _resultaat(view: Mapping[str, Any], peildatum: date) -> Toetsvraag:
    hervattingen = [_map(h) for h in _seq(_map(view.get("verzuim")).get("werkhervatting"))]
    lopend = [
        h
        for h in hervattingen
        if str(h["van"]) <= peildatum.isoformat() and str(h.get("tot") or "9") >= str(peildatum)
    ]
    contract = _map(_map(view.get("werknemer")).get("contract")).get("uren_per_week")
    if not lopend:
        feit = "Er is geen werkhervatting vastgelegd."
        if hervattingen:
            h = hervattingen[-1]
            feit = (
                f"Geen lopende werkhervatting; de laatste liep van {dag(h['van'])} tot "
                f"{dag(h.get('tot'))} ({_uren(h['uren_per_week'])} uur per week)."
            )
        return Toetsvraag(1, (feit,), "geen_resultaat", {"uit_dienst": bool(uit_dienst(view))})
    h = lopend[-1]
    uren, soort = h["uren_per_week"], str(h["soort"])
    deel = ""
    if isinstance(contract, int | float) and contract > 0:
        deel = f" van de {_uren(contract)} contracturen ({round(100 * uren / contract)}%)"
    feiten = [
        f"Sinds {dag(h['van'])} werkt de werknemer {_uren(uren)} uur per week{deel} in "
        f"{label(soort, 'hervatting')}"
        + (", op arbeidstherapeutische basis." if h.get("arbeidstherapeutisch") else ".")
    ]
    conclusie = _map(_map(view.get(_STRUCTUREEL_UIT.get(soort, ""))).get("conclusie"))
    structureel = conclusie.get("structureel")
    if isinstance(structureel, bool):
        feiten.append(
            f"Structureel volgens het arbeidsdeskundig onderzoek: {'ja' if structureel else 'nee'}."
        )
    volledig = isinstance(contract, int | float) and uren >= contract
    if h.get("arbeidstherapeutisch"):
        oordeel = "arbeidstherapeutisch"
    elif soort == "ander_werk_andere_werkgever":
        oordeel = "andere_werkgever"
    elif structureel is False:
        oordeel = "niet_structureel"
    else:
        oordeel = "volledig" if volledig else "gedeeltelijk"
    gegevens = {
        "volledig": volledig,
        "structureel": structureel if isinstance(structureel, bool) else None,
        "andere_werkgever": soort == "ander_werk_andere_werkgever",
    }
    return Toetsvraag(1, tuple(feiten), oordeel, gegevens)


def _herstelwerk(status: RivStatus) -> tuple[str, ...]:
    """What repair the rows ask for: ``ontbreekt``, ``te vroeg`` and/or ``te laat``."""
    return tuple(s for s in (ONTBREEKT, TE_VROEG, TE_LAAT) if status.aantal(s))


def _en(delen: Sequence[str]) -> str:
    """``a, b en c``."""
    return ", ".join(delen[:-1]) + (" en " if len(delen) > 1 else "") + (delen[-1] if delen else "")


def _spoor_1_feiten(view: Mapping[str, Any], verzuim: Mapping[str, Any]) -> list[str]:
    """What the dossier records of the work in spoor 1: resumption, adjustments, other work."""
    feiten: list[str] = []
    hervattingen = _seq(verzuim.get("werkhervatting"))
    if hervattingen:
        feiten.append(f"Spoor 1: {_tel(len(hervattingen), 'periode', 'perioden')} van "
                      "werkhervatting vastgelegd.")  # fmt: skip
    aanpassingen = _seq(_map(view.get("aangepast_eigen_werk")).get("aanpassingen"))
    if aanpassingen:
        feiten.append(f"Spoor 1: {_tel(len(aanpassingen), 'aanpassing', 'aanpassingen')} van "
                      "het eigen werk.")  # fmt: skip
    if "jobcarving" in _map(verzuim.get("plan_van_aanpak")):
        feiten.append("Spoor 1: een jobcarvingtraject in het plan van aanpak.")
    functies = _seq(_map(view.get("ander_passend_werk")).get("functies"))
    if functies:
        feiten.append(f"Spoor 1: {_tel(len(functies), 'functie', 'functies')} bij de eigen "
                      "werkgever onderzocht op passendheid.")  # fmt: skip
    dekking = functie_dekking(view)
    if dekking is not None and dekking.te_beoordelen:
        open_ = len(dekking.ontbrekend)
        feiten.append(f"Functiegebouw: {dekking.te_beoordelen - open_} van de "
                      f"{dekking.te_beoordelen} functies op en onder niveau beoordeeld of met een "
                      "reden uitgesloten (Leidraad 6.2).")  # fmt: skip
    return feiten


def _inspanningen(
    view: Mapping[str, Any],
    status: RivStatus,
    risicos: Sequence[Risico],
    tijdlijn: Tijdlijn,
) -> Toetsvraag:
    rij = {o.id: o for o in status.onderdelen}
    verzuim = _map(view.get("verzuim"))
    goed = sum(1 for o in status.onderdelen if o.status in ("op tijd", "aanwezig"))
    tellingen = [
        f"{n} {wat}"
        for n, wat in (
            (goed, "in orde"),
            (status.aantal(TE_LAAT), "te laat"),
            (status.aantal(TE_VROEG), "te vroeg"),
            (status.aantal(ONTBREEKT), "ontbrekend"),
        )
        if n
    ]
    feiten = (
        [f"Onderdelen van het verslag: {_en(tellingen)} (zie het overzicht)."]
        if tellingen
        else ["Er zijn nog geen onderdelen van het verslag vastgelegd."]
    )
    evaluaties = _seq(verzuim.get("evaluaties"))
    if evaluaties:
        gaten = len(evaluatie_gaten(tijdlijn))
        feiten.append(
            f"{_tel(len(evaluaties), 'evaluatie', 'evaluaties')} van het plan van aanpak, de "
            f"laatste op {dag(rij['evaluaties'].datum)}; "
            + (f"{gaten} keer meer dan {EVALUATIE_WEKEN} weken ertussen." if gaten else
               f"nooit meer dan {EVALUATIE_WEKEN} weken ertussen.")
        )  # fmt: skip
    feiten += _spoor_1_feiten(view, verzuim)
    inspanningen = _seq(_map(view.get("werkgever_informatie")).get("re_integratie_inspanningen"))
    if inspanningen:
        feiten.append(f"De werkgever legde {_tel(len(inspanningen), 'inspanning', 'inspanningen')}"
                      " vast.")  # fmt: skip
    spoor_2 = rij["spoor_2_start"]
    if spoor_2.datum:
        feiten.append(f"Spoor 2: gestart op {dag(spoor_2.datum)} ({spoor_2.door}).")
    elif spoor_2.status == NVT and spoor_2.toelichting:
        feiten.append(f"Spoor 2: {spoor_2.toelichting[:1].lower()}{spoor_2.toelichting[1:]}")
    elif spoor_2.status in (OPEN, NOG_NIET):
        feiten.append(f"Spoor 2: nog niet aan de orde; uiterlijk {dag(spoor_2.uiterlijk)}.")
    ad = _map(verzuim.get("arbeidsdeskundig_onderzoek"))
    if "datum" in ad:
        uitkomst = f": {_klein(zin(ad['uitkomst']))}" if "uitkomst" in ad else "."
        feiten.append(f"Arbeidsdeskundig onderzoek op {dag(ad['datum'])}{uitkomst}")
    hoog = sum(1 for r in risicos if r.ernst == HOOG)
    volgende = status.volgende
    gegevens = {
        "hoog": hoog,
        "herstelwerk": _herstelwerk(status),
        "volgende": {"naam": volgende.naam, "uiterlijk": volgende.uiterlijk} if volgende else None,
    }
    oordeel = "hoog" if hoog else "laag" if tellingen else "nog_niet"
    return Toetsvraag(2, tuple(feiten), oordeel, gegevens)


def _grond(view: Mapping[str, Any], status: RivStatus, tijdlijn: Tijdlijn) -> Toetsvraag:
    verzuim = _map(view.get("verzuim"))
    feiten = []
    plan = _map(verzuim.get("plan_van_aanpak"))
    if "reden_later_dan_twee_weken" in plan:
        feiten.append("Plan van aanpak later dan 2 weken na de probleemanalyse: "
                      f"{_klein(zin(plan['reden_later_dan_twee_weken']))}")  # fmt: skip
    if blokkerend := blokkerend_advies(view):
        feiten.append(blokkerend)
    spoor_2 = _map(view.get("spoor_2"))
    if "uitzondering" in spoor_2:
        waarde = str(spoor_2["uitzondering"])
        feiten.append(f"Uitzondering op spoor 2: {UITZONDERINGEN.get(waarde, waarde)}.")
        if "uitzondering_toelichting" in spoor_2:
            feiten.append(zin(spoor_2["uitzondering_toelichting"]))
    profielen = _seq(_map(view.get("bedrijfsarts")).get("belastbaarheid"))
    if profielen and _map(profielen[-1]).get("geen_benutbare_mogelijkheden") is True:
        feiten.append(f"De bedrijfsarts stelde op {dag(_map(profielen[-1])['datum'])} vast dat "
                      "er geen benutbare mogelijkheden zijn.")  # fmt: skip
    for deskundige in deskundigenoordelen(view):
        if deskundige["vraag"] == "re_integratie_inspanningen" and "uitkomst" in deskundige:
            feiten.append(f"Deskundigenoordeel over de re-integratie-inspanningen: "
                          f"{_klein(zin(deskundige['uitkomst']))}")  # fmt: skip
    # Shortcomings are steps late or missing; a step done too early only needs an update.
    problemen = status.aantal(TE_LAAT) + status.aantal(ONTBREEKT) + len(evaluatie_gaten(tijdlijn))
    oordeel = "geen_tekort" if not problemen else "redenen" if feiten else "geen_redenen"
    if not feiten:
        feiten.append("Het dossier legt geen redenen vast voor afwijkingen van de termijnen.")
    return Toetsvraag(3, tuple(feiten), oordeel)


def _herstel(view: Mapping[str, Any], status: RivStatus, peildatum: date) -> Toetsvraag:
    feiten = []
    if status.ziekteweek:
        feiten.append(f"Op {dag(peildatum)} is de werknemer in ziekteweek {status.ziekteweek}.")
    uit = uit_dienst(view)
    wia = _day(status.wia_uiterlijk)
    grens = uit or wia
    weken = (grens - peildatum).days // 7 if grens else None
    if uit is not None:
        soort = {"verkort": "een verkort", "volledig": "een volledig"}.get(status.riv_soort)
        feiten.append(f"Ziek uit dienst op {dag(uit)}: "
                      + (f"{soort} re-integratieverslag is nodig." if soort else
                         "geen re-integratieverslag nodig."))  # fmt: skip
        if status.riv_soort == "verkort":
            feiten.append("In het verkorte verslag geeft de werkgever aan of hij de werknemer "
                          "weer in dienst wil nemen als die weer kan werken.")  # fmt: skip
    elif wia is not None:
        nog = f" (nog {_tel(weken or 0, 'week', 'weken')})" if wia >= peildatum else " (verstreken)"
        feiten.append(f"Het verslag gaat mee met de WIA-aanvraag, uiterlijk {dag(wia)}{nog}.")
    if status.einde_wachttijd:
        feiten.append(f"Einde van de wachttijd: {dag(status.einde_wachttijd)}.")
    for v in _seq(_map(view.get("verzuim")).get("verlenging_wachttijd")):
        v = _map(v)
        grond = "vrijwillig" if v.get("grond") == "vrijwillig" else "loonsanctie"
        feiten.append(f"Wachttijd verlengd met {_tel(int(v['weken']), 'week', 'weken')} ({grond}).")
    problemen = sum(1 for o in status.onderdelen if o.probleem)
    if not problemen:
        oordeel = "niets_te_herstellen"
    elif uit is not None and peildatum > uit:
        oordeel = "na_dienst"
    elif weken is not None and weken >= HERSTEL_RUIM_WEKEN:
        oordeel = "herstel_mogelijk"
    elif weken is not None and weken >= 0:
        oordeel = "herstel_kort"
    else:
        oordeel = "te_laat"
    gegevens = {"weken": weken, "herstelwerk": _herstelwerk(status)}
    return Toetsvraag(4, tuple(feiten), oordeel, gegevens)


def toetsvragen(
    view: Mapping[str, Any],
    status: RivStatus,
    risicos: Sequence[Risico],
    tijdlijn: Tijdlijn,
    peildatum: date,
) -> tuple[Toetsvraag, ...]:
    """UWV's four RIV-toets questions, in UWV's order, answered from the dossier."""
    return (
        _resultaat(view, peildatum),
        _inspanningen(view, status, risicos, tijdlijn),
        _grond(view, status, tijdlijn),
        _herstel(view, status, peildatum),
    )
