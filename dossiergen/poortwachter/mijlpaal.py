"""The timeline's types: a milestone's status, the milestone and the timeline of one case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dossiergen.poortwachter import wet
from dossiergen.poortwachter.samentelling import VerzuimInvoer, riv_soort

__all__ = [
    "NVT",
    "OPEN",
    "OP_TIJD",
    "TE_LAAT",
    "TE_VROEG",
    "VERLOPEN",
    "Mijlpaal",
    "Status",
    "Tijdlijn",
    "dmj",
    "gat_tekst",
    "status_op",
]


class Status(StrEnum):
    """A milestone's status; the values are the exact Dutch words of the JSON contract."""

    OP_TIJD = "op tijd"
    TE_VROEG = "te vroeg"
    TE_LAAT = "te laat"
    OPEN = "open"
    VERLOPEN = "verlopen"
    NVT = "n.v.t."


OP_TIJD, TE_VROEG, TE_LAAT = Status.OP_TIJD, Status.TE_VROEG, Status.TE_LAAT
OPEN, VERLOPEN, NVT = Status.OPEN, Status.VERLOPEN, Status.NVT


@dataclass(frozen=True)
class Mijlpaal:
    """One step of the timeline. ``vanaf``/``uiterlijk`` are ``None`` where there is no bound."""

    id: str
    omschrijving: str
    vanaf: date | None
    uiterlijk: date | None
    gedaan_op: date | None
    status: Status
    regel: str


@dataclass(frozen=True)
class Tijdlijn:
    """The timeline of the current case at ``peildatum``."""

    eerste_ziektedag: date  # X of the current case
    peildatum: date
    mijlpalen: tuple[Mijlpaal, ...]
    ziektedagen_tot_peildatum: int  # telbare ziektedagen on or before the peildatum
    ziekteweek_op_peildatum: int | None  # None when the peildatum is no telbare ziektedag
    einde_wachttijd: date | None  # last day incl. verlengingen; None: recovered before it
    waarschuwingen: tuple[str, ...]
    # (previous, next) evaluation/bijstelling dates more than the evaluation rhythm apart
    evaluatie_gaten: tuple[tuple[date, date], ...] = ()
    #: What the timeline was computed from (ziek uit dienst, verlengingen, ...).
    invoer: VerzuimInvoer | None = None

    @property
    def riv_soort(self) -> str | None:
        """``verkort``/``volledig`` re-integratieverslag when the employee left sick, else
        ``None`` (see :func:`riv_soort`)."""
        return riv_soort(self.invoer) if self.invoer is not None else None

    def mijlpaal(self, id_: str) -> Mijlpaal:
        """The milestone with this id (``KeyError`` when absent)."""
        for m in self.mijlpalen:
            if m.id == id_:
                return m
        raise KeyError(id_)


def dmj(d: date) -> str:
    """A date as 5-1-2026, the way the timeline's notes write it."""
    return f"{d.day}-{d.month}-{d.year}"


def gat_tekst(vorige: date, volgende: date) -> str:
    """The note on two evaluations more than the evaluation rhythm apart."""
    return (
        f"{(volgende - vorige).days} dagen tussen evaluaties/bijstellingen op {dmj(vorige)} "
        f"en {dmj(volgende)}: meer dan {wet.EVALUATIE_WEKEN} weken."
    )


def status_op(
    vanaf: date | None, uiterlijk: date | None, gedaan: date | None, peildatum: date
) -> Status:
    """A milestone's status at ``peildatum`` from its window and the day it was done."""
    if gedaan is not None:
        if vanaf is not None and gedaan < vanaf:
            return Status.TE_VROEG
        return Status.TE_LAAT if uiterlijk is not None and gedaan > uiterlijk else Status.OP_TIJD
    return Status.VERLOPEN if uiterlijk is not None and peildatum > uiterlijk else Status.OPEN
