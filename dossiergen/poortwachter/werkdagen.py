"""Werkdagen in the sense of the Algemene termijnenwet (ATW), exact to the day.

A werkdag is a day that is neither a Saturday nor a Sunday nor an "algemeen erkende feestdag"
of ATW art. 3 lid 1: Nieuwjaarsdag, Christelijke tweede Paas- en Pinksterdag, beide Kerstdagen,
Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd (Koningsdag: 27 april,
26 april when 27 april is a Sunday; before 2014 Koninginnedag) and 5 mei — the ATW names
5 mei every year, not only in lustrum years as collective agreements often do.

Goede Vrijdag is NOT in the ATW list and therefore IS a werkdag here.

The Easter-based days and Koningsdag come from the maintained ``holidays`` package rather than
hand-written Easter arithmetic. We take only the days on our own whitelist from it (so a holiday
the package might add later never silently becomes a non-werkdag) and add 5 mei ourselves,
because ``holidays.NL`` only lists Bevrijdingsdag in lustrum years. Days the minister may declare
equal to a feestdag under ATW art. 3 lid 3 (ad hoc, rare) are not known here.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import holidays

__all__ = [
    "eerste_werkdag_na",
    "eerste_werkdag_vanaf",
    "feestdagen",
    "is_werkdag",
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
    }
)
# Koningsdag (since 2014) or Koninginnedag (until 2013): exactly one of these per year.
_KONINGSDAG: frozenset[str] = frozenset({"King's Day", "Queen's Day"})
# Also accepted when the package lists it (lustrum years); we add 5 mei every year anyway.
_BEVRIJDINGSDAG = "Liberation Day"
_TOEGESTAAN: frozenset[str] = _VERPLICHT | _KONINGSDAG | {_BEVRIJDINGSDAG}

# ``holidays.NL`` starts in 1966; no dossier date lies before that.
EERSTE_JAAR = 1966


@functools.cache
def feestdagen(jaar: int) -> frozenset[date]:
    """The ATW art. 3 feestdagen of ``jaar`` (weekends not included).

    Raises ``ValueError`` for years before 1966 (not covered by ``holidays.NL``) and
    ``RuntimeError`` when the ``holidays`` package no longer yields a day we rely on: a wrong
    calendar would silently shift deadlines, so we refuse rather than guess.
    """
    if jaar < EERSTE_JAAR:
        raise ValueError(f"jaar {jaar} ligt vóór {EERSTE_JAAR}; geen feestdagenkalender bekend")
    kalender = holidays.country_holidays("NL", years=jaar, language="en_US")
    dagen: set[date] = set()
    gezien: set[str] = set()
    for dag, namen in kalender.items():
        # Two holidays on one date come back joined: "Ascension Day; Liberation Day".
        for naam in str(namen).split("; "):
            if naam in _TOEGESTAAN:  # whitelist: Goede Vrijdag, Paas-/Pinksterzondag stay out
                dagen.add(dag)
                gezien.add(naam)
    ontbrekend = _VERPLICHT - gezien
    if ontbrekend or not gezien & _KONINGSDAG:
        raise RuntimeError(
            f"holidays.NL levert voor {jaar} niet alle ATW-feestdagen "
            f"(ontbrekend: {sorted(ontbrekend) or 'Koningsdag'}); kalender niet betrouwbaar"
        )
    dagen.add(date(jaar, 5, 5))  # ATW art. 3 lid 1: "de vijfde mei", every year
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
