"""The timeline of one dossier and the deadline agenda over many, as text, JSON and iCalendar.

The timeline needs only a valid ``verzuim`` section: a case in week 2 has little else, so
problems elsewhere in the dossier are passed back as warnings and do not stop it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.readers import iso as _iso
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.dossier.validate import validate_schema
from dossiergen.errors import InvalidDossierError
from dossiergen.poortwachter.tijdlijn import (
    NVT,
    OPEN,
    VERLOPEN,
    Mijlpaal,
    Tijdlijn,
    bereken_tijdlijn,
)
from dossiergen.problems import Problem, Severity
from dossiergen.rules import apply_rules
from dossiergen.text.filters import datum

#: Only problems in ``verzuim`` stop the timeline; an invalid birth date or end of employment
#: elsewhere is reported as a warning and left out of the AOW and ziek-uit-dienst checks.
_TIMELINE_PATHS = ("$.verzuim",)


def _needed_by_timeline(problem: Problem) -> bool:
    return problem.json_path.startswith(_TIMELINE_PATHS)


def timeline_for(
    dossier: LoadedDossier, schemas: SchemaSet, peildatum: date
) -> tuple[Tijdlijn, list[Problem]]:
    """The timeline of ``dossier`` and the problems elsewhere, demoted to warnings.

    Raises ``InvalidDossierError`` when the parts the timeline needs are invalid.
    """
    problems = validate_schema(dossier, schemas)
    problems += apply_rules(dossier, peildatum, schema_problems=problems)
    blocking = [p for p in problems if p.severity is Severity.FOUT and _needed_by_timeline(p)]
    if blocking:
        raise InvalidDossierError(f"{dossier.display_path}: verzuim ongeldig", tuple(blocking))
    rest = [
        Problem(p.path, p.line, p.column, Severity.WAARSCHUWING, p.message, p.json_path)
        for p in problems
        if p not in blocking
    ]
    return bereken_tijdlijn(verzuim_invoer(dossier.data), peildatum), sorted(rest)


def timeline_json(display_path: str, tijdlijn: Tijdlijn) -> dict[str, Any]:
    """The ``dossiergen timeline --format json`` object."""
    return {
        "dossier": display_path,
        "eerste_ziektedag": tijdlijn.eerste_ziektedag.isoformat(),
        "peildatum": tijdlijn.peildatum.isoformat(),
        "ziekteweek": tijdlijn.ziekteweek_op_peildatum,
        "einde_wachttijd": _iso(tijdlijn.einde_wachttijd),
        "mijlpalen": [
            {
                "id": m.id,
                "omschrijving": m.omschrijving,
                "vanaf": _iso(m.vanaf),
                "uiterlijk": _iso(m.uiterlijk),
                "gedaan_op": _iso(m.gedaan_op),
                "status": m.status,
                "regel": m.regel,
            }
            for m in tijdlijn.mijlpalen
        ],
        "opmerkingen": list(tijdlijn.waarschuwingen),
    }


def _kort(day: date | None) -> str:
    return datum(day, "kort") if day else "–"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def timeline_text(display_path: str, tijdlijn: Tijdlijn) -> str:
    """A readable table of the milestones, with the rule of each underneath."""
    week = tijdlijn.ziekteweek_op_peildatum
    lines = [
        f"Tijdlijn {display_path}",
        f"Eerste ziektedag {datum(tijdlijn.eerste_ziektedag)}; peildatum "
        f"{datum(tijdlijn.peildatum)}" + (f" (ziekteweek {week})" if week else " (niet ziek)"),
        "",
    ]
    rows = [
        [m.omschrijving, _kort(m.vanaf), _kort(m.uiterlijk), _kort(m.gedaan_op), _status(m)]
        for m in tijdlijn.mijlpalen
    ]
    lines += _table(["mijlpaal", "vanaf", "uiterlijk", "gedaan op", "status"], rows)
    lines += ["", "Regels:"]
    lines += [f"- {m.omschrijving}: {m.regel}" for m in tijdlijn.mijlpalen]
    if tijdlijn.waarschuwingen:
        lines += ["", "Opmerkingen:"]
        lines += [f"- {w}" for w in tijdlijn.waarschuwingen]
    return "\n".join(lines) + "\n"


def _status(m: Mijlpaal) -> str:
    return f"{m.status} (!)" if m.status == VERLOPEN else m.status


@dataclass(frozen=True)
class AgendaItem:
    """One open milestone of one dossier."""

    dossier: str
    stem: str
    werknemer: str
    mijlpaal: Mijlpaal

    @property
    def due(self) -> date:
        """The date the item sits on in the agenda: its deadline, else its opening."""
        day = self.mijlpaal.uiterlijk or self.mijlpaal.vanaf
        assert day is not None
        return day


def agenda_items(
    entries: Iterable[tuple[str, str, str, Tijdlijn]],
    van: date | None = None,
    tot: date | None = None,
) -> list[AgendaItem]:
    """Open and overdue milestones of ``(display path, stem, name, timeline)``, soonest first."""
    items = [
        AgendaItem(path, stem, name, m)
        for path, stem, name, tijdlijn in entries
        for m in tijdlijn.mijlpalen
        if m.status in (OPEN, VERLOPEN) and m.status != NVT and (m.uiterlijk or m.vanaf)
    ]
    items = [
        i
        for i in items
        if (van is None or i.due >= van or i.mijlpaal.status == VERLOPEN)
        and (tot is None or i.due <= tot)
    ]
    return sorted(items, key=lambda i: (i.due, i.dossier, i.mijlpaal.id))


def agenda_text(items: Sequence[AgendaItem], peildatum: date) -> str:
    """The agenda as a table; overdue rows are marked ``VERLOPEN``."""
    if not items:
        return f"Geen openstaande mijlpalen (peildatum {datum(peildatum)}).\n"
    rows = [
        [
            _kort(i.due),
            "VERLOPEN" if i.mijlpaal.status == VERLOPEN else f"over {(i.due - peildatum).days} d",
            i.werknemer,
            i.mijlpaal.omschrijving,
            i.dossier,
        ]
        for i in items
    ]
    overdue = sum(i.mijlpaal.status == VERLOPEN for i in items)
    lines = _table(["uiterlijk", "termijn", "werknemer", "mijlpaal", "dossier"], rows)
    lines.append("")
    lines.append(
        f"{len(items)} openstaande mijlpalen, waarvan {overdue} verlopen "
        f"(peildatum {datum(peildatum)})"
    )
    return "\n".join(lines) + "\n"


def agenda_ics(items: Sequence[AgendaItem], peildatum: date) -> bytes:
    """An RFC 5545 calendar: one all-day event per milestone, with a UID stable across runs.

    The UID depends on the dossier file and the milestone only, so importing a newer agenda
    into Outlook updates the events instead of duplicating them.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//dossiergen//Poortwachter-agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Poortwachter-termijnen")
    stamp = datetime.combine(peildatum, datetime.min.time(), tzinfo=UTC)
    for item in items:
        m = item.mijlpaal
        event = Event()
        key = f"{item.stem}/{m.id}".encode()
        event.add("uid", hashlib.sha256(key).hexdigest()[:32] + "@dossiergen")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        prefix = "VERLOPEN: " if m.status == VERLOPEN else ""
        event.add("summary", f"{prefix}{m.omschrijving} – {item.werknemer}")
        event.add(
            "description",
            f"Dossier: {item.dossier}\nUiterlijk: {_kort(m.uiterlijk)}\n"
            f"Vanaf: {_kort(m.vanaf)}\nRegel: {m.regel}",
        )
        event.add("categories", ["Poortwachter"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
