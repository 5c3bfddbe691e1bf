"""Typed, immutable input for the derivations, built from validated dossier data.

Only what code computes with is modelled here (the timeline's input); templates read the
audience view instead. Dates arrive as ISO text (the loader keeps them as typed) and are parsed
here, after the schema has checked them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.poortwachter.tijdlijn import (
    GEDAAN_STAPPEN,
    Verlenging,
    Verlof,
    VerzuimInvoer,
    Ziekteperiode,
)

#: The years a date in a dossier may lie in (``rules.grenzen`` reports a date outside them): a
#: birth date after 1900, a deadline or plan before 2100. Outside them a date is a typo, and the
#: deadlines computed from it would not exist.
FIRST_YEAR = 1900
LAST_YEAR = 2100


def _date(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value not in (None, "") else None


def _optional_date(value: Any) -> date | None:
    """A date outside ``verzuim`` that may still be invalid or out of bounds (the timeline then
    goes without it; the checker reports it)."""
    try:
        day = _date(value)
    except ValueError:
        return None
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def verzuim_invoer(data: Mapping[str, Any]) -> VerzuimInvoer:
    """The timeline input of a dossier whose ``verzuim`` section passed validation."""
    verzuim = _mapping(data.get("verzuim"))
    werknemer = _mapping(data.get("werknemer"))
    first = _date(verzuim.get("eerste_ziektedag"))
    if first is None:
        raise ValueError("verzuim.eerste_ziektedag ontbreekt")
    periods = tuple(
        Ziekteperiode(van=_date(p["van"]) or first, tot=_date(p.get("tot")))
        for p in _list(verzuim.get("ziekteperioden"))
    )
    leave = tuple(
        Verlof(soort=str(v["soort"]), van=_date(v["van"]) or first, tot=_date(v["tot"]) or first)
        for v in _list(verzuim.get("verlof"))
    )
    extensions = tuple(
        Verlenging(grond=str(v["grond"]), weken=int(v["weken"]))
        for v in _list(verzuim.get("verlenging_wachttijd"))
    )
    done: dict[str, date] = {}
    for key in GEDAAN_STAPPEN:
        day = _date(_mapping(verzuim.get(key)).get("datum"))
        if day is not None:
            done[key] = day
    evaluations = sorted(
        {
            day
            for entry in _list(verzuim.get("evaluaties"))
            + [
                b
                for b in _list(verzuim.get("bijstellingen"))
                if _mapping(b).get("soort") == "plan_van_aanpak"
            ]
            if (day := _date(_mapping(entry).get("datum"))) is not None
        }
    )
    spoor_2 = _mapping(data.get("spoor_2"))
    exception = spoor_2.get("uitzondering")
    return VerzuimInvoer(
        eerste_ziektedag=first,
        ziekteperioden=periods,
        verlof=leave,
        verlengingen=extensions,
        gedaan=done,
        evaluaties=tuple(evaluations),
        geboortedatum=_optional_date(werknemer.get("geboortedatum")),
        uit_dienst=_optional_date(_mapping(werknemer.get("uit_dienst")).get("datum")),
        spoor_2_uitzondering=str(exception) if exception and exception != "geen" else None,
    )
