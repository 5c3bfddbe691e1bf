"""Figures derived from a dossier view for the templates (never from the unfiltered data).

Templates only lay out; anything computed (sums, look-ups, the weging) is computed here, once,
in plain Python that tests can call. Every function takes the *view* (so a withheld field can
never end up in a derived figure) and is pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dossiergen.documents.rapport.loonwaarde import loonwaarde_van
from dossiergen.documents.teksten import Tekstblok, tekstblokken
from dossiergen.dossier.functiegebouw import functie_dekking
from dossiergen.dossier.readers import as_date as _date
from dossiergen.dossier.readers import as_mapping
from dossiergen.dossier.readers import as_tuple as _list
from dossiergen.dossier.readers import get as _get
from dossiergen.poortwachter.tijdlijn import Tijdlijn
from dossiergen.poortwachter.wet import KOSTEN_MAX_PROCENT

# FML rubrieken in the order of the FML (I-VI), with their Roman numeral.
RUBRIEKEN: tuple[tuple[str, str], ...] = (
    ("persoonlijk_functioneren", "I Persoonlijk functioneren"),
    ("sociaal_functioneren", "II Sociaal functioneren"),
    ("aanpassing_aan_fysieke_omgevingseisen", "III Aanpassing aan fysieke omgevingseisen"),
    ("dynamische_handelingen", "IV Dynamische handelingen"),
    ("statische_houdingen", "V Statische houdingen"),
    ("werktijden", "VI Werktijden"),
)

# UWV's practical line (Leidraad 6, Werkwijzer Poortwachter): the share of the wage still to be
# paid that re-integration costs may take (``wet.KOSTEN_REGEL``).
ZEVENTIG_PROCENT = KOSTEN_MAX_PROCENT / 100


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


# -- belastbaarheid ----------------------------------------------------------------------------


def _profiles(view: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The profiles oldest first (by date; equal dates keep the dossier's order)."""
    profiles = [
        p for p in _list(_get(view, "bedrijfsarts", "belastbaarheid")) if isinstance(p, Mapping)
    ]
    return sorted(profiles, key=lambda p: str(p.get("datum", "")))


def current_profile(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The most recent belastbaarheidsprofiel (by date), or ``None``."""
    profiles = _profiles(view)
    return profiles[-1] if profiles else None


def earlier_profiles(view: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    """Every profile but the most recent one, newest first."""
    return tuple(reversed(_profiles(view)[:-1]))


def beperkingen_by_id(view: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Every beperking of every profile by its id; the most recent profile wins."""
    found: dict[str, Mapping[str, Any]] = {}
    for profile in _profiles(view):
        for beperking in _list(profile.get("beperkingen")):
            if isinstance(beperking, Mapping) and "id" in beperking:
                found[str(beperking["id"])] = beperking
    return found


@dataclass(frozen=True)
class Rubriek:
    """The beperkingen of one FML rubriek."""

    naam: str
    beperkingen: tuple[Mapping[str, Any], ...]


def beperkingen_per_rubriek(profile: Mapping[str, Any] | None) -> tuple[Rubriek, ...]:
    """The beperkingen of ``profile`` grouped by FML rubriek, in FML order; unknown last."""
    if profile is None:
        return ()
    beperkingen = [b for b in _list(profile.get("beperkingen")) if isinstance(b, Mapping)]
    known = dict(RUBRIEKEN)
    groups: list[Rubriek] = []
    for key, name in RUBRIEKEN:
        members = tuple(b for b in beperkingen if b.get("rubriek") == key)
        if members:
            groups.append(Rubriek(name, members))
    rest = tuple(b for b in beperkingen if b.get("rubriek") not in known)
    if rest:
        groups.append(Rubriek("Overig", rest))
    return tuple(groups)


# -- dates and periods -------------------------------------------------------------------------


def rapportdatum(view: Mapping[str, Any], peildatum: date) -> date:
    """The date of the report: ``zaak.rapportdatum``, else the peildatum."""
    return _date(_get(view, "zaak", "rapportdatum")) or peildatum


@dataclass(frozen=True)
class Periode:
    """A first and last date (either may be unknown)."""

    van: str | None
    tot: str | None


def onderzoeksperiode(view: Mapping[str, Any]) -> Periode | None:
    """First and last date of the conversations held for the report, or ``None``."""
    dates = sorted(
        d for g in _list(_get(view, "zaak", "gesprekken")) if (d := _date(_get(g, "datum")))
    )
    if not dates:
        return None
    return Periode(dates[0].isoformat(), dates[-1].isoformat())


def until(items: Any, day: date, key: str = "datum") -> tuple[Any, ...]:
    """The dated entries of ``items`` that happened on or before ``day`` (undated ones stay).

    A report describes the situation on its own date: entries added to the dossier later (the
    dossier lives on after the report) are not part of it.
    """
    kept = []
    for item in _list(items):
        when = _date(_get(item, key))
        if when is None or when <= day:
            kept.append(item)
    return tuple(kept)


@dataclass(frozen=True)
class Hervatting:
    """A period of (partial) work resumption as it stood on the report date."""

    van: str
    tot: str | None  # None: still running on the report date
    uren_per_week: float | None
    soort: str | None
    toelichting: str | None
    arbeidstherapeutisch: bool = False  # Leidraad 2.5: printed, with its SMART goal
    doel: str | None = None


def werkhervatting(view: Mapping[str, Any], day: date) -> tuple[Hervatting, ...]:
    """The periods of ``verzuim.werkhervatting`` begun by ``day``; later ends become open."""
    periods = []
    for item in until(_get(view, "verzuim", "werkhervatting"), day, "van"):
        start = _date(_get(item, "van"))
        if start is None:
            continue
        end = _date(_get(item, "tot"))
        periods.append(
            Hervatting(
                van=start.isoformat(),
                tot=end.isoformat() if end is not None and end <= day else None,
                uren_per_week=_number(_get(item, "uren_per_week")),
                soort=_get(item, "soort"),
                toelichting=_get(item, "toelichting"),
                arbeidstherapeutisch=_get(item, "arbeidstherapeutisch") is True,
                doel=_get(item, "doel"),
            )
        )
    return tuple(periods)


@dataclass(frozen=True)
class Loopbaanregel:
    """One row of the arbeidsverleden: a job, or the explained gap before one."""

    van: str | None
    tot: str | None
    werkgever: str
    functie: str
    uren_per_week: float | None
    toelichting: str
    hiaat: bool = False


def arbeidsverleden(view: Mapping[str, Any]) -> tuple[Loopbaanregel, ...]:
    """The work history, oldest first, with each explained gap as a row of its own.

    Leidraad 3.3 asks for a chronological overview without unexplained gaps; showing the gap
    with its explanation (``toelichting_hiaat``) in its place makes that visible at a glance.
    """
    rows: list[Loopbaanregel] = []
    previous_end: date | None = None
    for job in _list(_get(view, "werknemer_informatie", "arbeidsverleden")):
        if not isinstance(job, Mapping):
            continue
        start = _date(job.get("van"))
        end = _date(job.get("tot"))
        gap = job.get("toelichting_hiaat")
        if gap:
            gap_start = previous_end + timedelta(days=1) if previous_end else None
            gap_end = start - timedelta(days=1) if start else None
            rows.append(
                Loopbaanregel(
                    van=gap_start.isoformat() if gap_start else None,
                    tot=gap_end.isoformat() if gap_end else None,
                    werkgever="",
                    functie="",
                    uren_per_week=None,
                    toelichting=str(gap),
                    hiaat=True,
                )
            )
        rows.append(
            Loopbaanregel(
                van=start.isoformat() if start else None,
                tot=end.isoformat() if end else None,
                werkgever=str(job.get("werkgever", "")),
                functie=str(job.get("functie", "")),
                uren_per_week=_number(job.get("uren_per_week")),
                toelichting=str(job.get("toelichting") or ""),
            )
        )
        previous_end = end
    return tuple(rows)


# -- costs: the cost rule -----------------------------------------------------------------------


@dataclass(frozen=True)
class Kostenpost:
    """What one way back to work costs the employer, against the cost limit."""

    onderdeel: str
    maatregelen: tuple[str, ...]
    kosten: float
    binnen_grens: bool | None  # None: no limit known


@dataclass(frozen=True)
class Kostentoets:
    """The cost rule (Leidraad 6): the limit and each option's costs against it."""

    resterend_loon: float | None
    grens: float | None
    posten: tuple[Kostenpost, ...]


def _functions(view: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    functions = [
        f for f in _list(_get(view, "ander_passend_werk", "functies")) if isinstance(f, Mapping)
    ]
    carved = _get(view, "ander_passend_werk", "jobcarving", "functie")
    if isinstance(carved, Mapping):
        functions.append(carved)
    return functions


def kostentoets(view: Mapping[str, Any]) -> Kostentoets | None:
    """Costs of the adjustments and of each function's bridging measures, against the share of
    the remaining wage that ``wet.KOSTEN_MAX_PROCENT`` allows; ``None`` when the dossier has no
    costs and no remaining wage."""
    remaining = _number(_get(view, "ander_passend_werk", "loondoorbetaling", "resterend_loon"))
    limit = remaining * ZEVENTIG_PROCENT if remaining is not None else None

    def post(name: str, measures: list[tuple[str, float]]) -> Kostenpost:
        total = sum(cost for _, cost in measures)
        return Kostenpost(
            onderdeel=name,
            maatregelen=tuple(m for m, _ in measures),
            kosten=total,
            binnen_grens=None if limit is None else total <= limit,
        )

    posts: list[Kostenpost] = []
    adjustments = [
        (str(a.get("omschrijving", "")), cost)
        for a in _list(_get(view, "aangepast_eigen_werk", "aanpassingen"))
        if isinstance(a, Mapping) and (cost := _number(a.get("kosten")))
    ]
    if adjustments:
        posts.append(post("Aangepast eigen werk", adjustments))
    for function in _functions(view):
        measures = [
            (str(m.get("omschrijving", "")), cost)
            for m in _list(function.get("overbrugbaar_door"))
            if isinstance(m, Mapping) and (cost := _number(m.get("kosten")))
        ]
        if measures:
            posts.append(post(str(function.get("naam", "")), measures))
    if remaining is None and not posts:
        return None
    return Kostentoets(remaining, limit, tuple(posts))


def jobcarving_uren(view: Mapping[str, Any]) -> float | None:
    """Total hours per week of the tasks a jobcarving function is made of, if all are known."""
    tasks = _list(_get(view, "ander_passend_werk", "jobcarving", "herkomst_taken"))
    hours = [_number(_get(t, "uren_per_week")) for t in tasks]
    if not hours or any(h is None for h in hours):
        return None
    return sum(h for h in hours if h is not None)


# -- the rapport -------------------------------------------------------------------------------


def derive_rapport(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> Mapping[str, Any]:
    """What the rapport template needs beyond the view itself."""
    day = rapportdatum(view, peildatum)
    profile = current_profile(view)
    blocks: Callable[[Any], tuple[Tekstblok, ...]] = tekstblokken
    return {
        "profiel": profile,
        "eerdere_profielen": earlier_profiles(view),
        "beperkingen": beperkingen_by_id(view),
        "rubrieken": beperkingen_per_rubriek(profile),
        "onderzoeksperiode": onderzoeksperiode(view),
        "arbeidsverleden": arbeidsverleden(view),
        "inspanningen": until(
            _get(view, "werkgever_informatie", "re_integratie_inspanningen"), day
        ),
        "werkhervatting": werkhervatting(view, day),
        "kostentoets": kostentoets(view),
        "jobcarving_uren": jobcarving_uren(view),
        "loonwaarden": loonwaarden(view, day),
        "functiegebouw": functie_dekking(view),
        "tekstblokken": blocks,
    }


def loonwaarden(view: Mapping[str, Any], day: date) -> dict[str, Any]:
    """Loonwaarde and share of the wage of the aangepast eigen werk, of each investigated
    function (by name), and of the work the employee has resumed (hours of the period that
    runs on ``day``)."""
    apw = as_mapping(view.get("ander_passend_werk"))
    resumed = [p for p in werkhervatting(view, day) if p.tot is None]
    return {
        "aangepast_werk": loonwaarde_van(as_mapping(view.get("aangepast_eigen_werk")), view),
        "functies": {
            str(f.get("naam")): loonwaarde_van(f, view)
            for f in [*_list(apw.get("functies")), _get(apw, "jobcarving", "functie")]
            if isinstance(f, Mapping) and f.get("naam")
        },
        "werkgever": loonwaarde_van(
            as_mapping(view.get("werkgever_informatie")),
            view,
            resumed[-1].uren_per_week if resumed else None,
        ),
    }
