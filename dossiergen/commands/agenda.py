"""``dossiergen agenda``: the open deadlines of every dossier, as a table and as iCalendar.

The calendar holds every milestone with a date, not only the open ones: a milestone done since
the last export comes back as done, one that no longer applies as cancelled, with the same UID
and a higher SEQUENCE, so a calendar that imported it before updates it instead of keeping a
stale deadline for ever. UIDs come from the case (its kenmerk), not from the file's path.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from dossiergen.commands.options import AgendaOptions
from dossiergen.commands.timeline import kort as _kort
from dossiergen.commands.timeline import table as _table
from dossiergen.config import Resources, default_resources
from dossiergen.errors import DossierError
from dossiergen.poortwachter.tijdlijn import NVT, OPEN, VERLOPEN, Mijlpaal, Tijdlijn
from dossiergen.text.filters import datum


@dataclass(frozen=True)
class AgendaItem:
    """One milestone of one dossier."""

    dossier: str
    case: str  # what identifies the case across renames and folders (see ``case_identity``)
    werknemer: str
    mijlpaal: Mijlpaal

    @property
    def due(self) -> date | None:
        """The date the item sits on in the agenda: its deadline, else its opening."""
        return self.mijlpaal.uiterlijk or self.mijlpaal.vanaf

    @property
    def open(self) -> bool:
        """Still to do (open or overdue), with a date to put it on."""
        return self.mijlpaal.status in (OPEN, VERLOPEN) and self.due is not None


def case_identity(data: Any, fallback: str) -> str:
    """What names a case whatever its file is called or where it lies: the kenmerk in
    ``zaak``, else the employee's BSN with the first day of illness, else ``fallback``."""
    zaak = data.get("zaak") if isinstance(data, dict) else None
    kenmerk = zaak.get("kenmerk") if isinstance(zaak, dict) else None
    if isinstance(kenmerk, str) and kenmerk.strip():
        return "kenmerk:" + kenmerk.strip()
    werknemer = data.get("werknemer") if isinstance(data, dict) else None
    verzuim = data.get("verzuim") if isinstance(data, dict) else None
    bsn = werknemer.get("bsn") if isinstance(werknemer, dict) else None
    first = verzuim.get("eerste_ziektedag") if isinstance(verzuim, dict) else None
    if isinstance(bsn, str) and bsn and first:
        return f"bsn:{bsn}:{first}"
    return "pad:" + fallback


def agenda_items(
    entries: Iterable[tuple[str, str, str, Tijdlijn]],
    van: date | None = None,
    tot: date | None = None,
) -> list[AgendaItem]:
    """Every milestone of ``(display path, case, name, timeline)``; open ones soonest first.

    ``van``/``tot`` limit the open ones (an overdue one always shows); done and cancelled ones
    follow, for the calendar.
    """
    items = [
        AgendaItem(path, case, name, m)
        for path, case, name, tijdlijn in entries
        for m in tijdlijn.mijlpalen
    ]
    shown = [
        i
        for i in items
        if i.open
        and i.due is not None
        and (van is None or i.due >= van or i.mijlpaal.status == VERLOPEN)
        and (tot is None or i.due <= tot)
    ]
    closed = [i for i in items if not i.open and (i.due or i.mijlpaal.status == NVT)]
    return sorted(shown, key=_order) + sorted(closed, key=_order)


def _order(item: AgendaItem) -> tuple[date, str, str]:
    return (item.due or date.min, item.dossier, item.mijlpaal.id)


def agenda_text(items: Sequence[AgendaItem], peildatum: date) -> str:
    """The open milestones as a table; overdue rows are marked ``VERLOPEN``."""
    items = [i for i in items if i.open]
    if not items:
        return f"Geen openstaande mijlpalen (peildatum {datum(peildatum)}).\n"
    rows = [
        [
            _kort(i.due),
            "VERLOPEN"
            if i.mijlpaal.status == VERLOPEN
            else f"over {((i.due or peildatum) - peildatum).days} d",
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

    The UID depends on the case and the milestone only, so importing a newer agenda into
    Outlook updates the events instead of duplicating them; SEQUENCE grows with the peildatum,
    so the newer export wins. Done milestones say so, ones that no longer apply are CANCELLED.
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
        event.add("uid", event_uid(item.case, m.id))
        event.add("sequence", max(0, (peildatum - _SEQUENCE_START).days))
        event.add("dtstamp", stamp)
        day = item.due or peildatum
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{_prefix(m)}{m.omschrijving} – {item.werknemer}")
        event.add(
            "description",
            f"Dossier: {item.dossier}\nUiterlijk: {_kort(m.uiterlijk)}\n"
            f"Vanaf: {_kort(m.vanaf)}\nGedaan op: {_kort(m.gedaan_op)}\n"
            f"Status: {m.status}\nRegel: {m.regel}",
        )
        event.add("status", "CANCELLED" if m.status == NVT else "CONFIRMED")
        event.add("categories", ["Poortwachter"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


#: SEQUENCE counts days from here: a later export always has the higher one.
_SEQUENCE_START = date(2020, 1, 1)


def event_uid(case: str, milestone: str) -> str:
    """The UID of one milestone of one case (a hash: the kenmerk or BSN stays out of it)."""
    key = f"{case}/{milestone}".encode()
    return hashlib.sha256(key).hexdigest()[:32] + "@dossiergen"


def _prefix(m: Mijlpaal) -> str:
    if m.status == VERLOPEN:
        return "VERLOPEN: "
    if m.status == NVT:
        return "Vervallen: "
    if m.status == OPEN:
        return ""
    return f"Gedaan ({_kort(m.gedaan_op)}): "


def run_agenda(
    options: AgendaOptions, *, resources: Resources | None = None
) -> tuple[str, str, bool]:
    """Open milestones of all dossiers: (agenda text, problems for stderr, all dossiers usable).

    A dossier that cannot be read or computed is reported and left out; the others go on.
    """
    from dossiergen.checker import schemas_at, timeline_for
    from dossiergen.dossier.load import load_dossier
    from dossiergen.files import discover, display_path

    peildatum = options.peildatum
    resources = resources or default_resources()
    schemas = schemas_at(resources.schemas_dir)  # loaded once per process
    entries = []
    problems: list[str] = []
    cases: dict[str, str] = {}
    failed = 0
    for path in discover(list(options.paths)):
        shown = display_path(path)
        try:
            dossier = load_dossier(path, shown)
            tijdlijn, _ = timeline_for(dossier, schemas, peildatum)
        except DossierError as e:
            problems.extend(p.as_text() for p in e.problems)
            if not e.problems:
                problems.append(f"{shown}: {e}")
            failed += 1
            continue
        except Exception as e:  # the last net: one dossier never stops the others
            problems.append(f"{shown}: overgeslagen: onverwachte fout ({type(e).__name__}: {e})")
            failed += 1
            continue
        case = case_identity(dossier.data, shown)
        if case in cases:
            problems.append(
                f"{shown}: hetzelfde kenmerk als {cases[case]}; de agenda-items van beide "
                "dossiers zouden samenvallen, dus dit dossier krijgt eigen items"
            )
            case += "|" + shown
        cases[case] = shown
        entries.append((shown, case, _employee(dossier.data, path.stem), tijdlijn))
    items = agenda_items(entries, options.van, options.tot)
    if options.ics is not None:
        write_through_link(options.ics, agenda_ics(items, peildatum))
    return agenda_text(items, peildatum), "".join(p + "\n" for p in problems), not failed


def _employee(data: Any, fallback: str) -> str:
    werknemer = data.get("werknemer") if isinstance(data, dict) else None
    return str(werknemer.get("naam", fallback)) if isinstance(werknemer, dict) else fallback


def write_through_link(path: Path, data: bytes) -> None:
    """Write ``data`` atomically to ``path``, or, when it is a symbolic link, to its target
    (the link stays a link); a link that leads nowhere usable is refused."""
    from dossiergen.errors import WriteError
    from dossiergen.files import write_atomic

    target = path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if target.is_symlink() or target.is_dir():
            raise WriteError(
                f"{path} is een symbolische koppeling die niet naar een bruikbaar bestand "
                "verwijst (een kring, of een map); geef een ander bestand op"
            )
    write_atomic(target, data)
