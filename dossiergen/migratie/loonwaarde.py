"""Loonwaarde from version 1 to version 2 of the dossier format: a share of the wage becomes a
productivity per hour worked.

In version 1 every ``loonwaarde`` was the share of the original wage the work earns back ("in
procenten van het oorspronkelijke loon"). From version 2 it is what the employee produces per
hour worked, next to a healthy colleague; dossiergen derives the share itself as loonwaarde ×
hours worked ÷ contract hours (see ``documents.rapport.loonwaarde``). So the version-2 value is

    loonwaarde = share × contract hours ÷ hours worked

with the hours the rapport uses for that place: the adapted work's and each function's own
``uren_per_week``, for the work resumed (``werkgever_informatie``) the hours of the
werkhervatting running on the report date, and the contract hours of ``werknemer.contract``
(else ``eigen_werk``). Where the dossier lacks an hour figure, or the result exceeds 100 (the
share was then most likely already a productivity), the value is left for the consultant to
decide, with the numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossiergen.documents.rapport.derive import rapportdatum, werkhervatting
from dossiergen.documents.rapport.loonwaarde import Loonwaarde, loonwaarde_van
from dossiergen.dossier.placeholders import MIGRATION_MARKER
from dossiergen.dossier.readers import as_date, as_mapping
from dossiergen.dossier.roundtrip import YamlPath
from dossiergen.dutch import long_date
from dossiergen.text.filters import getal

__all__ = ["Omrekening", "omrekeningen"]

#: A productivity above this is not a loonwaarde (the schema's percentage ends there).
MAX_LOONWAARDE = 100


@dataclass(frozen=True)
class Omrekening:
    """One loonwaarde of a version-1 dossier and what it becomes in version 2.

    ``nieuw`` is the version-2 value, ``None`` when it cannot be computed (``reden`` says why;
    the value stays and gets a marked comment). ``uren`` says where the hours came from.
    """

    path: YamlPath
    oud: float
    nieuw: float | None
    reden: str = ""
    uitleg: str = ""  # the calculation, with its numbers

    @property
    def gewijzigd(self) -> bool:
        """Whether the value in the file changes."""
        return self.nieuw is not None and self.nieuw != self.oud

    @property
    def commentaar(self) -> str | None:
        """The comment for the value's line: the calculation, or what to check; none when the
        value means the same in both versions."""
        if self.nieuw is None:
            return (
                f"{MIGRATION_MARKER}: loonwaarde is sinds versie 2 per gewerkt uur, niet meer "
                f"een deel van het loon; {self.reden}. Zet de juiste waarde en haal deze "
                "opmerking weg"
            )
        if not self.gewijzigd:
            return None
        return f"versie 1: {getal(self.oud)} % van het oorspronkelijke loon; {self.uitleg}"

    @property
    def melding(self) -> tuple[str, str]:
        """What the report says: a kind (``omgerekend``, ``ongewijzigd``, ``nakijken``) and
        the text."""
        if self.nieuw is None:
            return "nakijken", (
                f"loonwaarde {getal(self.oud)} niet omgerekend: {self.reden}; de regel heeft nu "
                f"de opmerking {MIGRATION_MARKER}"
            )
        if self.gewijzigd:
            return "omgerekend", (
                f"loonwaarde {getal(self.oud)} → {getal(self.nieuw)}: in versie 1 "
                f"{getal(self.oud)} % van het oorspronkelijke loon, {self.uitleg}"
            )
        return "ongewijzigd", f"loonwaarde {getal(self.oud)}: {self.uitleg}"


def omrekeningen(view: Mapping[str, Any], peildatum: date) -> list[Omrekening]:
    """Every loonwaarde of a (valid) version-1 dossier with its version-2 value."""
    return [_omrekening(place) for place in _places(view, peildatum)]


@dataclass(frozen=True)
class _Plek:
    """A loonwaarde with its hours; what to say when they are missing, and where they came
    from when that is not the work itself."""

    path: YamlPath
    figures: Loonwaarde
    zonder_uren: str
    uren_van: str = ""


def _places(view: Mapping[str, Any], peildatum: date) -> Iterator[_Plek]:
    functions = _at(view, ("ander_passend_werk", "functies"))
    works: list[tuple[YamlPath, str]] = [
        (("aangepast_eigen_werk",), "het aangepaste werk"),
        *[
            (("ander_passend_werk", "functies", index), "deze functie")
            for index in range(len(functions) if isinstance(functions, list) else 0)
        ],
        (("ander_passend_werk", "jobcarving", "functie"), "de jobcarvingfunctie"),
        (("ander_passend_werk", "conclusie"), "de conclusie"),
    ]
    for where, work in works:
        found = loonwaarde_van(as_mapping(_at(view, where)), view)
        if found is not None:
            missing = f"bij {work} staan geen uren om mee om te rekenen"
            yield _Plek((*where, "loonwaarde"), found, missing)
    yield from _resumed(view, peildatum)


def _at(view: Mapping[str, Any], path: YamlPath) -> Any:
    node: Any = view
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = as_mapping(node).get(part)
    return node


def _resumed(view: Mapping[str, Any], peildatum: date) -> Iterator[_Plek]:
    """The loonwaarde of the work resumed, with the hours of the werkhervatting running on the
    report date (as the rapport computes its share of the wage)."""
    day = rapportdatum(view, peildatum)
    running = [p for p in werkhervatting(view, day) if p.tot is None]
    hours = running[-1].uren_per_week if running else None
    found = loonwaarde_van(as_mapping(view.get("werkgever_informatie")), view, hours)
    if found is not None:
        missing = f"op {long_date(day)} loopt geen werkhervatting met uren per week"
        if not as_mapping(view.get("verzuim")).get("werkhervatting"):
            missing = "het dossier noemt geen werkhervatting met uren per week"
        since = as_date(running[-1].van) if running else None
        source = f"werkhervatting vanaf {long_date(since)}" if since else ""
        yield _Plek(("werkgever_informatie", "loonwaarde"), found, missing, source)


def _omrekening(place: _Plek) -> Omrekening:
    path = place.path
    share, hours, contract = (
        place.figures.loonwaarde,
        place.figures.uren,
        place.figures.contracturen,
    )
    if share == 0:
        return Omrekening(path, share, share, uitleg="0 % van het loon is ook 0 per gewerkt uur")
    if not contract:
        reason = "het dossier noemt geen contracturen (werknemer.contract.uren_per_week)"
        return Omrekening(path, share, None, reden=reason)
    if hours is None:
        return Omrekening(path, share, None, reden=place.zonder_uren)
    if not hours:
        return Omrekening(path, share, None, reden="bij deze loonwaarde staan 0 gewerkte uren")
    if hours == contract:
        explained = (
            f"alle {getal(contract)} contracturen gewerkt, dus per gewerkt uur ook {getal(share)}"
        )
        return Omrekening(path, share, share, uitleg=explained)
    productivity = round(share * contract / hours, 1)
    source = f" ({place.uren_van})" if place.uren_van else ""
    calculation = (
        f"{getal(share)} × {getal(contract)} contracturen ÷ {getal(hours)} uur{source} "
        f"= {getal(productivity)} per gewerkt uur"
    )
    if productivity > MAX_LOONWAARDE:
        reason = (
            f"{calculation}, meer dan {MAX_LOONWAARDE} (was {getal(share)} al per gewerkt uur?)"
        )
        return Omrekening(path, share, None, reden=reason)
    value = int(productivity) if productivity.is_integer() else productivity
    return Omrekening(path, share, value, uitleg=calculation)
