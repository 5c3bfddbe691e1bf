"""Figures for the plan van aanpak (UWV AG140) and the vragenlijsten, derived from a view.

Like ``derive``, every function takes the audience *view* (a withheld medical field can never
reach a derived figure) and is pure: no clock, no I/O. Deadlines come from the timeline engine
(the dossier's typed timeline); this module only compares the dates it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dossiergen.documents.teksten import tekstblokken
from dossiergen.dossier.labels import label
from dossiergen.dossier.readers import as_date as _date
from dossiergen.dossier.readers import as_tuple as _list
from dossiergen.dossier.readers import get as _get
from dossiergen.poortwachter.tijdlijn import Mijlpaal, Tijdlijn
from dossiergen.poortwachter.wet import PLAN_NA_PROBLEEMANALYSE_WEKEN, dagen

#: AG140 part 9: the plan is due within 2 weeks after the probleemanalyse.
TWEE_WEKEN = dagen(PLAN_NA_PROBLEEMANALYSE_WEKEN)
#: Kennisdocument jobcarving, stap 5: "een proefperiode van minimaal 4 weken".
PROEFPERIODE_MINIMUM_DAGEN = 28
#: Kennisdocument jobcarving, stap 5: "wekelijkse check-ins in de eerste maand" (4 weeks).
CHECK_IN_WEKEN = 4

#: The six steps of the kennisdocument jobcarving, in order, with their Dutch names.
JOBCARVING_STAPPEN: tuple[tuple[str, str], ...] = (
    ("belastbaarheid_inventariseren", "Belastbaarheid inventariseren"),
    ("taken_in_kaart_brengen", "Bestaande taken in kaart brengen"),
    ("functie_ontwerpen", "Nieuwe functie samen ontwerpen"),
    ("haalbaarheid_en_draagvlak_toetsen", "Haalbaarheid en draagvlak toetsen"),
    ("begeleide_proefperiode", "Begeleide proefperiode"),
    ("evalueren_en_borgen", "Evalueren en structureel borgen"),
)


# -- AG140 part 9: later than two weeks after the probleemanalyse -----------------------------


@dataclass(frozen=True)
class PlanTermijn:
    """When the plan was made compared with the probleemanalyse and its deadline."""

    datum_plan: str
    datum_probleemanalyse: str | None
    dagen_na_probleemanalyse: int | None
    uiterlijk: str | None
    #: True when the plan came more than 14 days after the probleemanalyse (AG140 part 9).
    later_dan_twee_weken: bool
    #: True when the plan came after the timeline's deadline (week 8 or analysis + 14 days).
    na_uiterlijk: bool
    reden: str | None

    @property
    def reden_nodig(self) -> bool:
        """AG140 asks for the reason whenever the plan came later than it should have."""
        return self.later_dan_twee_weken or self.na_uiterlijk


def plan_termijn(mijlpalen: Mapping[str, Mijlpaal], reden: str | None) -> PlanTermijn | None:
    """Compare the plan's date with the probleemanalyse, from the timeline's milestones.

    ``mijlpalen`` are the timeline's milestones by id; ``reden`` the recorded
    ``reden_later_dan_twee_weken``. ``None`` when the timeline has no plan date.
    """
    plan = mijlpalen.get("plan_van_aanpak")
    gedaan = plan.gedaan_op if plan else None
    if plan is None or gedaan is None:
        return None
    probleemanalyse = mijlpalen.get("probleemanalyse")
    analyse = probleemanalyse.gedaan_op if probleemanalyse else None
    uiterlijk = plan.uiterlijk
    dagen = (gedaan - analyse).days if analyse else None
    return PlanTermijn(
        datum_plan=gedaan.isoformat(),
        datum_probleemanalyse=analyse.isoformat() if analyse else None,
        dagen_na_probleemanalyse=dagen,
        uiterlijk=uiterlijk.isoformat() if uiterlijk else None,
        later_dan_twee_weken=dagen is not None and dagen > TWEE_WEKEN,
        na_uiterlijk=uiterlijk is not None and gedaan > uiterlijk,
        reden=reden.strip() if isinstance(reden, str) and reden.strip() else None,
    )


# -- history: bijstellingen and evaluaties ----------------------------------------------------


@dataclass(frozen=True)
class Historieregel:
    """One dated change or evaluation of the plan."""

    datum: str
    soort: str  # "Bijstelling" or "Evaluatie"
    door: str
    omschrijving: str


@dataclass(frozen=True)
class Versie:
    """A bijstelling of the plan as a version of its own: what changed, and its own akkoord."""

    datum: str
    door: str
    omschrijving: str
    einddoel: str | None  # the einddoel from this version on, when it changes
    einddoel_toelichting: str | None
    afspraken: Mapping[str, Any] | None  # the afspraken made or changed, per onderwerp
    datum_werkgever: str | None  # akkoord of each party (None: not yet signed)
    datum_werknemer: str | None


def versies(verzuim: Mapping[str, Any]) -> tuple[Versie, ...]:
    """The bijstellingen of the plan (not of the probleemanalyse), by date: each a dated
    version with its own changes and akkoord, so a reader sees which text was agreed when."""
    found = []
    for b in _list(_get(verzuim, "bijstellingen")):
        if _get(b, "soort") != "plan_van_aanpak":
            continue
        akkoord = _get(b, "akkoord") or {}
        found.append(
            Versie(
                str(b["datum"]),
                _door(b),
                str(_get(b, "omschrijving") or ""),
                _get(b, "einddoel"),
                _get(b, "einddoel_toelichting"),
                _get(b, "afspraken"),
                _get(akkoord, "datum_werkgever"),
                _get(akkoord, "datum_werknemer"),
            )
        )
    return tuple(sorted(found, key=lambda v: v.datum))


def geldend_einddoel(plan: Mapping[str, Any], bijstellingen: tuple[Versie, ...]) -> tuple[Any, str]:
    """The einddoel in force and since when: the last version that set one, else the plan's."""
    for versie in reversed(bijstellingen):
        if versie.einddoel:
            return versie.einddoel, versie.datum
    return _get(plan, "einddoel"), str(_get(plan, "datum") or "")


def historie(verzuim: Mapping[str, Any]) -> tuple[Historieregel, ...]:
    """The evaluaties, by date (each bijstelling of the plan is a version of its own)."""
    regels = []
    for e in _list(_get(verzuim, "evaluaties")):
        regels.append(
            Historieregel(str(e["datum"]), "Evaluatie", _door(e), str(_get(e, "verslag") or ""))
        )
    return tuple(sorted(regels, key=lambda r: r.datum))


def _door(record: Any) -> str:
    door = _get(record, "door")
    if not isinstance(door, Mapping):
        return ""
    naam = str(door.get("naam", ""))
    rol = label(door.get("rol"), "rol")
    return f"{naam} ({rol})" if naam and rol else naam


def laatst_bijgesteld(verzuim: Mapping[str, Any]) -> str | None:
    """The date of the latest bijstelling of the plan, if any."""
    dates = [
        str(b["datum"])
        for b in _list(_get(verzuim, "bijstellingen"))
        if _get(b, "soort") == "plan_van_aanpak"
    ]
    return max(dates) if dates else None


# -- jobcarving -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stap:
    """One of the six jobcarving steps as recorded (or not yet recorded)."""

    nummer: int
    naam: str
    datum: str | None
    afgerond: bool | None  # None: not recorded
    toelichting: str | None


def jobcarving_stappen(jobcarving: Mapping[str, Any]) -> tuple[Stap, ...]:
    """All six steps in the kennisdocument's order, each with what the dossier records."""
    recorded = {str(s["stap"]): s for s in _list(_get(jobcarving, "stappen"))}
    stappen = []
    for nummer, (sleutel, naam) in enumerate(JOBCARVING_STAPPEN, start=1):
        s = recorded.get(sleutel)
        afgerond = _get(s, "afgerond")
        stappen.append(
            Stap(
                nummer,
                naam,
                str(_get(s, "datum")) if _get(s, "datum") else None,
                None if s is None else bool(afgerond),
                str(_get(s, "toelichting")) if _get(s, "toelichting") else None,
            )
        )
    return tuple(stappen)


@dataclass(frozen=True)
class Proefperiode:
    """The begeleide proefperiode and whether it meets the 4-week minimum."""

    van: str
    tot: str
    dagen: int  # inclusive of both ends
    te_kort: bool


def proefperiode(jobcarving: Mapping[str, Any]) -> Proefperiode | None:
    """The proefperiode with its length in days (both ends included); ``None`` if not set."""
    van = _date(_get(jobcarving, "proefperiode", "van"))
    tot = _date(_get(jobcarving, "proefperiode", "tot"))
    if van is None or tot is None:
        return None
    dagen = (tot - van).days + 1
    return Proefperiode(van.isoformat(), tot.isoformat(), dagen, dagen < PROEFPERIODE_MINIMUM_DAGEN)


@dataclass(frozen=True)
class CheckInWeek:
    """One of the first four weeks of the proefperiode and the check-ins held in it."""

    nummer: int
    van: str
    tot: str
    check_ins: tuple[str, ...]  # ISO dates

    @property
    def ontbreekt(self) -> bool:
        """True when no check-in was held in this week."""
        return not self.check_ins


def check_in_weken(jobcarving: Mapping[str, Any]) -> tuple[CheckInWeek, ...]:
    """The first four weeks of the proefperiode (cut off at its end), with their check-ins."""
    periode = proefperiode(jobcarving)
    if periode is None:
        return ()
    start, einde = date.fromisoformat(periode.van), date.fromisoformat(periode.tot)
    dates = sorted(
        d for d in (_date(_get(c, "datum")) for c in _list(_get(jobcarving, "check_ins"))) if d
    )
    weken = []
    for nummer in range(1, CHECK_IN_WEKEN + 1):
        van = start + timedelta(days=7 * (nummer - 1))
        if van > einde:
            break
        tot = min(van + timedelta(days=6), einde)
        binnen = tuple(d.isoformat() for d in dates if van <= d <= tot)
        weken.append(CheckInWeek(nummer, van.isoformat(), tot.isoformat(), binnen))
    return tuple(weken)


def plan_date(data: Mapping[str, Any], peildatum: date) -> date:
    """The plan is dated by itself: its latest bijstelling, else the day it was made (the
    report date has nothing to do with it)."""
    verzuim = data.get("verzuim")
    plan = verzuim.get("plan_van_aanpak") if isinstance(verzuim, Mapping) else None
    if not isinstance(plan, Mapping) or not plan.get("datum"):
        return peildatum
    dates = [str(plan["datum"])]
    for b in verzuim.get("bijstellingen") or ():  # type: ignore[union-attr]
        if isinstance(b, Mapping) and b.get("soort") == "plan_van_aanpak" and b.get("datum"):
            dates.append(str(b["datum"]))
    return date.fromisoformat(max(dates))


# -- template contexts ------------------------------------------------------------------------


def derive_plan(view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date) -> Mapping[str, Any]:
    """The plan van aanpak's derived data: the AG140 part 9 check, history and jobcarving."""
    verzuim = view["verzuim"]
    plan = _get(verzuim, "plan_van_aanpak") or {}
    mijlpalen = {m.id: m for m in tijdlijn.mijlpalen}
    jobcarving = _get(plan, "jobcarving")
    day = plan_date(view, peildatum).isoformat()
    bijstellingen = versies(verzuim)
    einddoel, einddoel_sinds = geldend_einddoel(plan, bijstellingen)
    return {
        "versies": bijstellingen,
        "geldend_einddoel": einddoel,
        "einddoel_sinds": einddoel_sinds,
        "tekstblokken": tekstblokken,
        "termijn": plan_termijn(mijlpalen, _get(plan, "reden_later_dan_twee_weken")),
        # The evaluations up to the plan's own date: a plan dated by its last bijstelling
        # shows nothing from after that day.
        "historie": tuple(r for r in historie(verzuim) if r.datum <= day),
        "laatst_bijgesteld": laatst_bijgesteld(verzuim),
        "stappen": jobcarving_stappen(jobcarving) if jobcarving else (),
        "proefperiode": proefperiode(jobcarving) if jobcarving else None,
        "check_in_weken": check_in_weken(jobcarving) if jobcarving else (),
        "proefperiode_minimum_weken": PROEFPERIODE_MINIMUM_DAGEN // 7,
    }
