"""Werkdagen in the sense of the Algemene termijnenwet (ATW), exact to the day.

A werkdag is a day that is neither a Saturday nor a Sunday nor an "algemeen erkende feestdag"
of ATW art. 3 lid 1: Nieuwjaarsdag, Christelijke tweede Paas- en Pinksterdag, beide Kerstdagen,
Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd (Koningsdag: 27 april,
26 april when 27 april is a Sunday; before 2014 Koninginnedag) and 5 mei — the ATW names
5 mei every year, not only in lustrum years as collective agreements often do.

Goede Vrijdag is equated with these days by ATW art. 3 lid 2 ("Voor de toepassing van deze wet
wordt de Goede Vrijdag met de in het vorige lid genoemde dagen gelijkgesteld"): no werkdag.
Days equated by a Besluit gelijkstelling (ATW art. 3 lid 3, published in the Staatscourant) are
data: ``gelijkgestelde_dagen.json`` beside this module, each day with its Besluit. After the last
day that data covers, further equated days are not known yet: :func:`na_bekende_besluiten`
tells a rule to say so.

Which deadlines move to a werkdag. Only the 42e-weeksmelding ("uiterlijk de eerste werkdag na
de 42e ziekteweek", UWV) and the melding on the last werkdag of a contract (UWV) name a
werkdag themselves; both use the Atw calendar here. No other deadline is shifted, because the
Atw's own extension (art. 1 lid 1: a term "die op een zaterdag, zondag of algemeen erkende
feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag" that is none) does not reach
them: it does not apply to terms counted back from a moment (art. 1 lid 2: "Het vorige lid
geldt niet voor termijnen, bepaald door terugrekening vanaf een tijdstip of een gebeurtenis":
the WIA-aanvraag and the re-integratieverslag, counted back from the end of the wachttijd),
nor to terms of twelve weeks (90 days, three months) or longer (art. 4: the wachttijd itself,
the ziekmelding in week 42, the vervroegde IVA before week 68), and it covers terms in a wet
or algemene maatregel van bestuur, not in a ministeriële regeling (the probleemanalyse and
plan van aanpak of the Regeling procesgang) nor practice (the 6-weekly evaluation, the
Leidraad's spoor 2). The one statutory short term it
could extend, the early ziekmelding within 6 weeks under the Ziektewet vangnet, keeps its
unshifted day: the earlier, safer date (secondary sources for art. 1 lid 2 and art. 4:
debloggendedeurwaarder.nl "Als mosterd na Pasen: de Algemene termijnenwet nog eens bezien";
vdv-vh.nl "Algemene termijnenwet").

The Easter-based days and Koningsdag come from the maintained ``holidays`` package rather than
hand-written Easter arithmetic. We take only the days on our own whitelist from it (so a holiday
the package might add later never silently becomes a non-werkdag) and add 5 mei ourselves,
because ``holidays.NL`` only lists Bevrijdingsdag in lustrum years.
"""

from __future__ import annotations

import functools
import json
from datetime import date, timedelta
from importlib import resources

# The Netherlands' calendar itself, at import: through ``holidays.country_holidays`` the first
# call would import every country (about 0.1 s), again in every worker process of a build.
from holidays.countries.netherlands import Netherlands

from dossiergen.errors import DomainError

__all__ = [
    "eerste_werkdag_na",
    "eerste_werkdag_vanaf",
    "feestdagen",
    "gelijkgestelde_dagen",
    "is_werkdag",
    "laatste_bekende_dag",
    "na_bekende_besluiten",
    "volgende_werkdag",
]

# Names as ``holidays.NL`` spells them with language="en_US" (pinned, so a change of the
# package's default language cannot change our calendar). Each must occur every year.
_VERPLICHT: frozenset[str] = frozenset(
    {
        "New Year's Day",  # Nieuwjaarsdag
        "Easter Monday",  # tweede Paasdag
        "Ascension Day",  # Hemelvaartsdag
        "Pentecost Monday",  # tweede Pinksterdag
        "Christmas Day",  # eerste Kerstdag
        "Second Day of Christmas",  # tweede Kerstdag
        "Good Friday",  # Goede Vrijdag, equated by art. 3 lid 2
    }
)
# Koningsdag (since 2014) or Koninginnedag (until 2013): exactly one of these per year.
_KONINGSDAG: frozenset[str] = frozenset({"King's Day", "Queen's Day"})
# Also accepted when the package lists it (lustrum years); we add 5 mei every year anyway.
_BEVRIJDINGSDAG = "Liberation Day"
_TOEGESTAAN: frozenset[str] = _VERPLICHT | _KONINGSDAG | {_BEVRIJDINGSDAG}

# ``holidays.NL`` lists the Dutch holidays from 1966 up to and including 2100; werkdagen outside
# these years cannot be known, and ``feestdagen`` refuses them.
EERSTE_JAAR = 1966
LAATSTE_JAAR = 2100


@functools.cache
def _besluiten() -> tuple[date, dict[date, str]]:
    tekst = (
        resources.files("dossiergen.poortwachter")
        .joinpath("gelijkgestelde_dagen.json")
        .read_text("utf-8")
    )
    data = json.loads(tekst)
    dagen = {
        date.fromisoformat(dag): str(besluit["titel"])
        for besluit in data["besluiten"]
        for dag in besluit["dagen"]
    }
    return date.fromisoformat(data["bekend_tot_en_met"]), dagen


def gelijkgestelde_dagen() -> dict[date, str]:
    """Days equated with a feestdag (ATW art. 3 lid 3), each with the title of its Besluit."""
    return dict(_besluiten()[1])


def laatste_bekende_dag() -> date:
    """The last day the known Besluiten gelijkstelling cover."""
    return _besluiten()[0]


def na_bekende_besluiten(d: date) -> bool:
    """True when ``d`` lies after the last day the known Besluiten gelijkstelling cover."""
    return d > _besluiten()[0]


@functools.cache
def feestdagen(jaar: int) -> frozenset[date]:
    """The ATW art. 3 feestdagen of ``jaar`` (weekends not included).

    Raises ``ValueError`` for years before 1966 (not covered by ``holidays.NL``) and
    ``RuntimeError`` when the ``holidays`` package no longer yields a day we rely on: a wrong
    calendar would silently shift deadlines, so we refuse rather than guess.
    """
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise DomainError(
            f"jaar {jaar} ligt buiten de feestdagenkalender ({EERSTE_JAAR}–{LAATSTE_JAAR}); "
            "controleer de datums van het verzuim"
        )
    kalender = Netherlands(years=jaar, language="en_US")  # type: ignore[no-untyped-call]
    dagen: set[date] = set()
    gezien: set[str] = set()
    for dag, namen in kalender.items():
        # Two holidays on one date come back joined: "Ascension Day; Liberation Day".
        for naam in str(namen).split("; "):
            if naam in _TOEGESTAAN:  # whitelist: Paas-/Pinksterzondag stay out
                dagen.add(dag)
                gezien.add(naam)
    ontbrekend = _VERPLICHT - gezien
    if ontbrekend or not gezien & _KONINGSDAG:
        raise RuntimeError(
            f"holidays.NL levert voor {jaar} niet alle ATW-feestdagen "
            f"(ontbrekend: {sorted(ontbrekend) or 'Koningsdag'}); kalender niet betrouwbaar"
        )
    dagen.add(date(jaar, 5, 5))  # ATW art. 3 lid 1: "de vijfde mei", every year
    dagen.update(d for d in _besluiten()[1] if d.year == jaar)  # ATW art. 3 lid 3
    return frozenset(dagen)


def is_werkdag(d: date) -> bool:
    """True when ``d`` is a werkdag under ATW art. 3: no weekend day and no feestdag."""
    return d.weekday() < 5 and d not in feestdagen(d.year)


def eerste_werkdag_vanaf(d: date) -> date:
    """The first werkdag on or after ``d`` (``d`` itself when it is a werkdag)."""
    while not is_werkdag(d):
        d += timedelta(days=1)
    return d


def eerste_werkdag_na(d: date) -> date:
    """The first werkdag strictly after ``d``."""
    return eerste_werkdag_vanaf(d + timedelta(days=1))


def volgende_werkdag(d: date) -> date:
    """Alias of :func:`eerste_werkdag_na`: the next werkdag strictly after ``d``."""
    return eerste_werkdag_na(d)
