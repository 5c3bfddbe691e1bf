"""UWV's RIV-toets for the RIV-checklist, on the rows and risks found before.

Pure, like :mod:`.status`: works on the audience view, the timeline context, the rows of
:func:`.status.riv_status` and the risks of :mod:`.risicos`. UWV's
RIV-toets asks four questions in this order (Werkwijzer
Poortwachter): a satisfying result? enough effort? a sound reason for what fell short? can it
still be repaired? Each answer lists what the dossier holds, the risk and a short advice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
from dossiergen.poortwachter.wet import EVALUATIE_WEKEN, LOONSANCTIE_MAX_WEKEN

# -- UWV's RIV-toets -----------------------------------------------------------------------


@dataclass(frozen=True)
class Toetsvraag:
    """One question of the RIV-toets with what the dossier holds, the risk and an advice."""

    nummer: int
    vraag: str
    uitleg: str  # what UWV looks at
    feiten: tuple[str, ...]
    risico: str
    advies: str


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
    uitleg = (
        "UWV vindt het resultaat bevredigend als de werknemer structureel passend werk doet dat "
        "min of meer aansluit bij de mogelijkheden volgens de bedrijfsarts."
    )
    if not lopend:
        feit = "Er is geen werkhervatting vastgelegd."
        if hervattingen:
            h = hervattingen[-1]
            feit = (
                f"Geen lopende werkhervatting; de laatste liep van {dag(h['van'])} tot "
                f"{dag(h.get('tot'))} ({_uren(h['uren_per_week'])} uur per week)."
            )
        advies = (
            "Leg vast wat er tot het einde van het dienstverband aan werk is geprobeerd."
            if uit_dienst(view)
            else "Blijf passend werk zoeken in spoor 1 en, zodra dat aan de orde is, in spoor "
            "2, en leg elke stap vast."
        )
        return Toetsvraag(
            1, "Is er een bevredigend re-integratieresultaat bereikt?", uitleg, (feit,),
            "Geen resultaat: UWV beoordeelt dan vooral de inspanningen (vraag 2).", advies,
        )  # fmt: skip
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
        risico = "Hoog: arbeidstherapeutisch werk geldt niet als structurele werkhervatting."
    elif soort == "ander_werk_andere_werkgever":
        risico = (
            "Let op: werk bij een andere werkgever (bijvoorbeeld een detachering) is pas een "
            "bevredigend resultaat met een arbeidsovereenkomst bij die werkgever."
        )
    elif structureel is False:
        risico = "Hoog: het arbeidsdeskundig onderzoek noemt dit werk niet structureel."
    elif volledig:
        risico = "Laag: volledige hervatting in passend werk."
    else:
        risico = (
            "Let op: gedeeltelijke hervatting. UWV kijkt of meer uren of ander werk mogelijk waren."
        )
    if soort == "ander_werk_andere_werkgever":
        advies = "Leg de arbeidsovereenkomst bij de nieuwe werkgever vast zodra die er is."
    else:
        advies = "" if volledig else "Leg vast waarom meer uren (nog) niet passend zijn. "
        advies += (
            "Leg vast dat de hervatting structureel is, bijvoorbeeld met een addendum bij de "
            "arbeidsovereenkomst."
            if structureel is not True
            else "Houd de afspraken over het werk actueel in het plan van aanpak."
        )
    return Toetsvraag(
        1, "Is er een bevredigend re-integratieresultaat bereikt?", uitleg, tuple(feiten),
        risico, advies,
    )  # fmt: skip


def _herstelwerk(status: RivStatus) -> str:
    """What repair the rows ask for, as one clause."""
    werk = [
        wat
        for status_, wat in (
            (ONTBREEKT, "maak ontbrekende stappen alsnog"),
            (TE_VROEG, "actualiseer wat te vroeg is"),
            (TE_LAAT, "leg uit waarom stappen te laat waren"),
        )
        if status.aantal(status_)
    ]
    return _en(werk)


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
    if hoog:
        risico = f"Hoog: {_tel(hoog, 'risico', 'risico’s')} (zie Risico’s)."
        werk = _herstelwerk(status)
        advies = f"{werk[:1].upper()}{werk[1:]}." if werk else "Pak de risico’s hierboven aan."
    else:
        risico = (
            "Laag: de vastgelegde stappen zijn compleet en op tijd."
            if tellingen
            else "Nog niet te beoordelen: er is nog geen stap vastgelegd."
        )
        advies = f"Evalueer het plan van aanpak ten minste elke {EVALUATIE_WEKEN} weken."
        if status.volgende is not None:
            advies = (
                f"Zet de volgende stap op tijd: {_klein(status.volgende.naam)} uiterlijk "
                f"{dag(status.volgende.uiterlijk)}. " + advies
            )
    return Toetsvraag(
        2, "Zijn de re-integratie-inspanningen voldoende geweest?",
        "UWV kijkt of werkgever en werknemer alle stappen op tijd hebben gezet en in spoor 1 "
        "en spoor 2 hebben gedaan wat redelijkerwijs mogelijk was.",
        tuple(feiten), risico, advies,
    )  # fmt: skip


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
    for oordeel in deskundigenoordelen(view):
        if oordeel["vraag"] == "re_integratie_inspanningen" and "uitkomst" in oordeel:
            feiten.append(f"Deskundigenoordeel over de re-integratie-inspanningen: "
                          f"{_klein(zin(oordeel['uitkomst']))}")  # fmt: skip
    # Shortcomings are steps late or missing; a step done too early only needs an update.
    problemen = status.aantal(TE_LAAT) + status.aantal(ONTBREEKT) + len(evaluatie_gaten(tijdlijn))
    if not problemen:
        risico = "Niet aan de orde: er zijn geen te late of ontbrekende stappen."
        advies = "Geen actie nodig."
    elif feiten:
        risico = "Let op: UWV weegt of deze redenen de tekortkomingen verklaren."
        advies = "Controleer of elke te late of ontbrekende stap door deze redenen is verklaard."
    else:
        risico = "Hoog: voor de tekortkomingen legt het dossier geen reden vast."
        advies = (
            "Leg bij elke te late of ontbrekende stap vast waarom, wanneer en door wie dat is "
            "besloten; vraag bij twijfel een deskundigenoordeel bij UWV aan."
        )
    if not feiten:
        feiten.append("Het dossier legt geen redenen vast voor afwijkingen van de termijnen.")
    return Toetsvraag(
        3, "Is er een deugdelijke grond voor onvoldoende inspanningen?",
        "Als iets te laat is of ontbreekt, kijkt UWV of daar een goede reden voor was, "
        "bijvoorbeeld een advies van de bedrijfsarts of een uitzondering op spoor 2.",
        tuple(feiten), risico, advies,
    )  # fmt: skip


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
        risico = "Niet aan de orde: er is niets te herstellen."
        advies = ("Bewaak de komende termijnen; maak eindevaluatie, actueel oordeel en visie "
                  "van de werknemer kort vóór de WIA-aanvraag.")  # fmt: skip
    elif uit is not None and peildatum > uit:
        risico = "Hoog: na het einde van het dienstverband kan de werkgever niets meer herstellen."
        advies = "Maak het verslag zo compleet mogelijk en leg uit waarom onderdelen ontbreken."
    elif weken is not None and weken >= 8:
        risico = f"Herstel is nog mogelijk: er resten {_tel(weken, 'week', 'weken')}."
        advies = f"Herstel de tekortkomingen nu: {_herstelwerk(status)}."
    elif weken is not None and weken >= 0:
        risico = f"Hoog: nog maar {_tel(weken, 'week', 'weken')} om te herstellen."
        advies = ("Herstel direct wat kan; overweeg samen met de werknemer een vrijwillige "
                  "verlenging van de loondoorbetaling (art. 24 WIA) om het traject af te "
                  "ronden.")  # fmt: skip
    else:
        risico = (
            "Hoog: te laat om vóór de WIA-aanvraag te herstellen; UWV kan een loonsanctie opleggen."
        )
        advies = "Herstel de tekortkomingen alsnog en leg vast wanneer dat is gebeurd."
    return Toetsvraag(
        4, "Kan het tekort nog worden hersteld?",
        "Pas als er voor een tekortkoming geen deugdelijke grond is (vraag 3), kijkt UWV of die "
        "nog te herstellen is. Is dat zo, dan legt UWV een loonsanctie op: de loondoorbetaling "
        f"wordt met ten hoogste {LOONSANCTIE_MAX_WEKEN} weken verlengd, zodat de werkgever de "
        "tekortkoming in die tijd herstelt; na herstel kan hij om bekorting vragen (art. 25 lid "
        "9 en 12 tot en met 15 WIA). Wat vóór de WIA-aanvraag al is hersteld, hoeft UWV niet "
        "meer te sanctioneren.",
        tuple(feiten), risico, advies,
    )  # fmt: skip


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
