"""The overview: every dossier of the practice, the most urgent first, with its filters.

Urgency, from the top: a deadline that has passed (the oldest first), a dossier whose timeline
cannot be computed (it needs repair before anything else can be said of it), then the next
deadline, soonest first, and last the cases with nothing open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dossiergen.poortwachter.tijdlijn import VERLOPEN, Mijlpaal
from dossiergen.werkbank.samenvatting import Samenvatting, due

#: "Soon": a deadline within this many days.
BINNENKORT_DAGEN = 14

STATUSSEN = (
    ("", "alle dossiers"),
    ("verlopen", "termijn verlopen"),
    ("binnenkort", f"termijn binnen {BINNENKORT_DAGEN} dagen"),
    ("fouten", "met fouten"),
    ("verouderd", "documenten verouderd of niet gebouwd"),
)


@dataclass(frozen=True)
class Rij:
    """One dossier in the overview."""

    id: str
    bestand: str
    naam: str
    kenmerk: str
    consulent: str
    ziekteweek: int | None
    volgende: Mijlpaal | None
    dagen: int | None  # days from the peildatum to the next deadline (negative: overdue)
    verlopen: int
    fouten: int
    waarschuwingen: int
    verouderd: tuple[str, ...]
    tijdlijn: bool  # False when the timeline cannot be computed
    gebouwd: bool = True  # False: no document of it was ever built into the output folder

    @property
    def urgentie(self) -> tuple[int, int, str]:
        """The sort key (see module docstring)."""
        days = self.dagen if self.dagen is not None else 10**6
        if self.verlopen:
            return (0, days, self.naam)
        if not self.tijdlijn:
            return (1, 0, self.naam)
        if self.volgende is not None:
            return (2, days, self.naam)
        return (3, 0, self.naam)


@dataclass(frozen=True)
class Filters:
    """What the consultant narrowed the overview to."""

    consulent: str = ""
    status: str = ""
    week_van: int | None = None
    week_tot: int | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """Filters from the overview's address; values that are no number are ignored."""
        known = {key for key, _ in STATUSSEN}
        return cls(
            consulent=query.get("consulent", ""),
            status=query.get("status", "") if query.get("status", "") in known else "",
            week_van=_week(query.get("week_van")),
            week_tot=_week(query.get("week_tot")),
        )

    def keep(self, row: Rij) -> bool:
        """True when ``row`` passes every filter."""
        if self.consulent and row.consulent != self.consulent:
            return False
        if not _status_matches(self.status, row):
            return False
        week = row.ziekteweek
        if self.week_van is not None and (week is None or week < self.week_van):
            return False
        return not (self.week_tot is not None and (week is None or week > self.week_tot))


def _status_matches(status: str, row: Rij) -> bool:
    if status == "verlopen":
        return row.verlopen > 0
    if status == "binnenkort":
        return row.dagen is not None and row.dagen <= BINNENKORT_DAGEN
    if status == "fouten":
        return row.fouten > 0
    if status == "verouderd":
        return bool(row.verouderd) or not row.gebouwd
    return True


def _week(text: str | None) -> int | None:
    if text is None or not text.strip().isdigit():
        return None
    return int(text.strip())


def make_row(
    ident: str,
    summary: Samenvatting,
    verouderd: Sequence[str],
    peildatum: date,
    *,
    gebouwd: bool = True,
) -> Rij:
    """The overview row of one dossier."""
    volgende = summary.volgende
    dagen = (due(volgende) - peildatum).days if volgende is not None else None
    return Rij(
        id=ident,
        bestand=summary.shown,
        naam=summary.naam or summary.path.stem,
        kenmerk=summary.kenmerk,
        consulent=summary.consulent,
        ziekteweek=summary.ziekteweek,
        volgende=volgende,
        dagen=dagen,
        verlopen=summary.verlopen,
        fouten=summary.fouten,
        waarschuwingen=summary.waarschuwingen,
        verouderd=tuple(verouderd),
        tijdlijn=summary.tijdlijn is not None,
        gebouwd=gebouwd,
    )


def sorted_rows(rows: Sequence[Rij], filters: Filters) -> list[Rij]:
    """The rows that pass ``filters``, the most urgent first."""
    return sorted((r for r in rows if filters.keep(r)), key=lambda r: r.urgentie)


def consultants(rows: Sequence[Rij]) -> list[str]:
    """Every consultant named in the practice, for the filter's choices."""
    return sorted({r.consulent for r in rows if r.consulent})


def is_overdue(mijlpaal: Mijlpaal | None) -> bool:
    """True for a milestone whose deadline has passed."""
    return mijlpaal is not None and mijlpaal.status == VERLOPEN
