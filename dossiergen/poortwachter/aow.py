"""AOW-leeftijd by birth date, for the spoor-2 exception of Leidraad 7.2.

The table lives in ``aow_leeftijd.json`` beside this module, with its sources. Cohort
boundaries follow the law's rule: whoever has not reached the AOW-leeftijd of year J-1 by the
end of J-1 gets the age of year J, so cohort J starts at 1 January J minus the age of J-1. Ages
for later years are fixed five years ahead and cannot fall; unknown cohorts carry
``vastgesteld: false``.
"""

from __future__ import annotations

import functools
import json
from datetime import date, timedelta
from importlib import resources

__all__ = ["aow_datum", "plus_maanden"]


def plus_maanden(d: date, maanden: int) -> date:
    """``d`` plus whole months; a day that does not exist becomes the month's last day."""
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    jaar += d.year
    maand += 1
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return date(jaar, maand, min(d.day, (volgende - timedelta(days=1)).day))


_Cohort = tuple[date | None, date | None, int, bool]


@functools.cache
def _aow_tabel() -> tuple[_Cohort, ...]:
    tekst = (
        resources.files("dossiergen.poortwachter").joinpath("aow_leeftijd.json").read_text("utf-8")
    )
    rijen: list[_Cohort] = []
    for c in json.loads(tekst)["cohorten"]:
        van = date.fromisoformat(c["geboren_vanaf"]) if c["geboren_vanaf"] else None
        tot = date.fromisoformat(c["geboren_tot_en_met"]) if c["geboren_tot_en_met"] else None
        rijen.append((van, tot, int(c["jaren"]) * 12 + int(c["maanden"]), bool(c["vastgesteld"])))
    return tuple(rijen)


def aow_datum(geboortedatum: date) -> tuple[date, bool]:
    """The day the AOW-leeftijd is reached, and whether that age is already fixed by law.

    For cohorts whose age is not fixed yet the legal minimum (67 years 3 months) is used.
    """
    for van, tot, maanden, vastgesteld in _aow_tabel():
        if (van is None or van <= geboortedatum) and (tot is None or geboortedatum <= tot):
            return plus_maanden(geboortedatum, maanden), vastgesteld
    raise AssertionError("AOW-tabel dekt niet alle geboortedata")  # the table is open-ended
