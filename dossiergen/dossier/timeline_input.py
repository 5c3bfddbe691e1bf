"""Typed, immutable input for the derivations, built from validated dossier data.

Only what code computes with is modelled here (the timeline's input); templates read the
audience view instead. Dates arrive as ISO text (the loader keeps them as typed) and are parsed
here, after the schema has checked them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.errors import DomainError
from dossiergen.poortwachter.tijdlijn import (
    GEDAAN_STAPPEN,
    Verlenging,
    Verlof,
    VerzuimInvoer,
    Ziekteperiode,
)
from dossiergen.poortwachter.werkdagen import EERSTE_JAAR, LAATSTE_JAAR

#: The years a date in a dossier may lie in (``rules.grenzen`` reports a date outside them): a
#: birth date after 1900, a deadline or plan before 2100. Outside them a date is a typo, and the
#: deadlines computed from it would not exist.
FIRST_YEAR = 1900
LAST_YEAR = 2100

#: How far past a date in ``verzuim`` the timeline may look up werkdagen: the end of the
#: wachttijd with its extensions and the steps around it stay within this many years.
TIJDLIJN_JAREN = 4
#: The years a date in ``verzuim`` may lie in: the holiday calendar must cover the timeline.
VERZUIM_EERSTE_JAAR, VERZUIM_LAATSTE_JAAR = EERSTE_JAAR, LAATSTE_JAAR - TIJDLIJN_JAREN
_EERSTE_JAAR, _LAATSTE_JAAR = VERZUIM_EERSTE_JAAR, VERZUIM_LAATSTE_JAAR
#: No employee in a dossier was born before this year; earlier is a typing error, and the AOW
#: table and month arithmetic need a sane year.
_GEBOREN_VANAF = FIRST_YEAR
#: Longer than any verlenging the law allows in practice (art. 24 has no maximum, but a
#: wachttijd extended by more than 10 years cannot be computed with sensibly).
_MAX_VERLENGING_WEKEN = 520


def _date(value: Any, *path: str | int) -> date | None:
    if value in (None, ""):
        return None
    day = date.fromisoformat(str(value))
    if path and not _EERSTE_JAAR <= day.year <= _LAATSTE_JAAR:
        raise DomainError(
            f"datum {day.isoformat()} ligt buiten {_EERSTE_JAAR}–{_LAATSTE_JAAR}; de tijdlijn "
            "kan er niet mee rekenen",
            path,
        )
    return day


def _optional_date(value: Any, *path: str, vanaf: int = _EERSTE_JAAR) -> date | None:
    """A date outside ``verzuim``: one the schema rejects (it reports it) gives ``None``; one
    the timeline cannot compute with (before ``vanaf`` or after the calendar) is a located
    ``DomainError`` rather than silently ignored."""
    try:
        day = date.fromisoformat(str(value)) if value not in (None, "") else None
    except ValueError:
        return None
    if day is not None and not vanaf <= day.year <= _LAATSTE_JAAR:
        raise DomainError(
            f"datum {day.isoformat()} ligt buiten {vanaf}–{_LAATSTE_JAAR}; de tijdlijn kan er "
            "niet mee rekenen",
            path,
        )
    return day


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def verzuim_invoer(data: Mapping[str, Any]) -> VerzuimInvoer:
    """The timeline input of a dossier whose ``verzuim`` section passed validation."""
    verzuim = _mapping(data.get("verzuim"))
    werknemer = _mapping(data.get("werknemer"))
    first = _date(verzuim.get("eerste_ziektedag"), "verzuim", "eerste_ziektedag")
    if first is None:
        raise ValueError("verzuim.eerste_ziektedag ontbreekt")  # the schema reports it
    periods = []
    for i, p in enumerate(_list(verzuim.get("ziekteperioden"))):
        where = ("verzuim", "ziekteperioden", i)
        van = _date(p["van"], *where, "van") or first
        tot = _date(p.get("tot"), *where, "tot")
        if tot is not None and tot < van:
            raise DomainError(f"ziekteperiode eindigt ({tot}) vóór het begin ({van})", where)
        periods.append(Ziekteperiode(van=van, tot=tot))
    leave = []
    for i, v in enumerate(_list(verzuim.get("verlof"))):
        where = ("verzuim", "verlof", i)
        van = _date(v["van"], *where, "van") or first
        tot = _date(v["tot"], *where, "tot") or first
        if tot < van:
            raise DomainError(f"verlof eindigt ({tot}) vóór het begin ({van})", where)
        oorzaak = v.get("zelfde_oorzaak")
        leave.append(
            Verlof(str(v["soort"]), van, tot, oorzaak if isinstance(oorzaak, bool) else None)
        )
    extensions = []
    for i, v in enumerate(_list(verzuim.get("verlenging_wachttijd"))):
        weken = int(v["weken"])
        if not 0 <= weken <= _MAX_VERLENGING_WEKEN:
            raise DomainError(
                f"verlenging van {weken} weken: de tijdlijn rekent met ten hoogste "
                f"{_MAX_VERLENGING_WEKEN} weken",
                ("verzuim", "verlenging_wachttijd", i, "weken"),
            )
        extensions.append(Verlenging(grond=str(v["grond"]), weken=weken))
    done: dict[str, date] = {}
    for key in GEDAAN_STAPPEN:
        day = _date(_mapping(verzuim.get(key)).get("datum"), "verzuim", key, "datum")
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
            if (day := _date(_mapping(entry).get("datum"), "verzuim")) is not None
        }
    )
    spoor_2 = _mapping(data.get("spoor_2"))
    exception = spoor_2.get("uitzondering")
    erd = _mapping(data.get("werkgever")).get("eigenrisicodrager")
    vangnet = _mapping(verzuim.get("ziekmelding_vangnet")).get("grond")
    if vangnet is None and _mapping(data.get("werkgever_informatie")).get("no_risk_polis") is True:
        vangnet = "no_risk_polis"  # recorded at the employer's interview (Leidraad 2.3)
    return VerzuimInvoer(
        eerste_ziektedag=first,
        ziekteperioden=tuple(periods),
        verlof=tuple(leave),
        verlengingen=tuple(extensions),
        gedaan=done,
        evaluaties=tuple(evaluations),
        geboortedatum=_optional_date(
            werknemer.get("geboortedatum"), "werknemer", "geboortedatum", vanaf=_GEBOREN_VANAF
        ),
        uit_dienst=_optional_date(
            _mapping(werknemer.get("uit_dienst")).get("datum"), "werknemer", "uit_dienst", "datum"
        ),
        spoor_2_uitzondering=str(exception) if exception and exception != "geen" else None,
        eigenrisicodrager_zw=erd in ("ziektewet", "ziektewet_en_wga"),
        vangnet=str(vangnet) if vangnet else None,
        vervroegde_iva=isinstance(verzuim.get("vervroegde_iva"), Mapping),
    )
