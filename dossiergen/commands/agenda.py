"""``dossiergen agenda``: the open deadlines of every dossier, as a table and as iCalendar."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dossiergen.commands.options import AgendaOptions
from dossiergen.commands.timeline import kort as _kort
from dossiergen.commands.timeline import table as _table
from dossiergen.config import Resources, default_resources
from dossiergen.dossier.schemas import load_schemas
from dossiergen.errors import DossierError
from dossiergen.poortwachter.tijdlijn import NVT, OPEN, VERLOPEN, Mijlpaal, Tijdlijn
from dossiergen.text.filters import datum


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


def run_agenda(
    options: AgendaOptions, *, resources: Resources | None = None
) -> tuple[str, str, bool]:
    """Open milestones of all dossiers: (agenda text, problems for stderr, all dossiers usable)."""
    from dossiergen.checker import timeline_for
    from dossiergen.dossier.load import load_dossier
    from dossiergen.errors import LoadError
    from dossiergen.files import discover, display_path, write_atomic

    peildatum = options.peildatum
    resources = resources or default_resources()
    schemas = load_schemas(resources.schemas_dir)
    entries = []
    problems: list[str] = []
    usable = True
    for path in discover(list(options.paths)):
        shown = display_path(path)
        try:
            dossier = load_dossier(path, shown)
            tijdlijn, _ = timeline_for(dossier, schemas, peildatum)
        except (LoadError, DossierError) as e:
            problems.extend(p.as_text() for p in e.problems)
            usable = False
            continue
        werknemer = dossier.data.get("werknemer", {})
        name = str(werknemer.get("naam", path.stem)) if hasattr(werknemer, "get") else path.stem
        entries.append((shown, path.stem, name, tijdlijn))
    items = agenda_items(entries, options.van, options.tot)
    if options.ics is not None:
        write_atomic(options.ics, agenda_ics(items, peildatum))
    return agenda_text(items, peildatum), "".join(p + "\n" for p in problems), usable
