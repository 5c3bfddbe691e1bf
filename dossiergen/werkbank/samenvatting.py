"""One dossier as the overview needs it: its problems, its timeline and a few names.

The same checks as ``dossiergen check`` (``check_dossier``) and the same timeline as
``dossiergen timeline`` and ``agenda`` (only a valid ``verzuim`` is needed for it). Summaries are
plain, picklable data, so a large practice is summarised in worker processes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dossiergen.checker import check_dossier, timeline_for
from dossiergen.commands.agenda import case_identity
from dossiergen.dossier.load import LoadedDossier, parse_dossier_bytes
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.errors import DossierError, LoadError
from dossiergen.poortwachter.tijdlijn import OPEN, VERLOPEN, Mijlpaal, Tijdlijn
from dossiergen.problems import Problem, Severity


@dataclass(frozen=True)
class Samenvatting:
    """What the overview shows of one dossier file at one peildatum."""

    path: Path
    shown: str
    sha256: str
    peildatum: date
    problems: tuple[Problem, ...]
    readable: bool
    naam: str = ""
    kenmerk: str = ""
    consulent: str = ""
    #: What names the case in the agenda (``commands.agenda.case_identity``).
    zaak: str = ""
    tijdlijn: Tijdlijn | None = None
    #: Why there is no timeline (the problems that stop it), when there is none.
    geen_tijdlijn: tuple[Problem, ...] = ()

    @property
    def fouten(self) -> int:
        """The number of errors (what stops ``dossiergen build``)."""
        return sum(p.severity is Severity.FOUT for p in self.problems)

    @property
    def waarschuwingen(self) -> int:
        """The number of warnings."""
        return sum(p.severity is Severity.WAARSCHUWING for p in self.problems)

    @property
    def open_mijlpalen(self) -> tuple[Mijlpaal, ...]:
        """Milestones still to do that have a date, soonest first (as ``agenda`` lists them)."""
        if self.tijdlijn is None:
            return ()
        todo = [
            m
            for m in self.tijdlijn.mijlpalen
            if m.status in (OPEN, VERLOPEN) and (m.uiterlijk or m.vanaf)
        ]
        return tuple(sorted(todo, key=lambda m: (due(m), m.id)))

    @property
    def volgende(self) -> Mijlpaal | None:
        """The first milestone to do: an overdue one, else the next deadline."""
        todo = self.open_mijlpalen
        return todo[0] if todo else None

    @property
    def verlopen(self) -> int:
        """How many milestones are overdue."""
        return sum(m.status == VERLOPEN for m in self.open_mijlpalen)

    @property
    def ziekteweek(self) -> int | None:
        """The week of illness at the peildatum (none when not ill or without a timeline)."""
        return self.tijdlijn.ziekteweek_op_peildatum if self.tijdlijn else None


def due(mijlpaal: Mijlpaal) -> date:
    """The date a milestone sits on in the agenda: its deadline, else its opening."""
    day = mijlpaal.uiterlijk or mijlpaal.vanaf
    return day or date.max


def summarise(
    path: Path, shown: str, raw: bytes, sha256: str, schemas: SchemaSet, peildatum: date
) -> Samenvatting:
    """Check one dossier's bytes and compute its timeline; never raises for bad input."""
    try:
        data = parse_dossier_bytes(raw, shown)
    except LoadError as e:
        return Samenvatting(path, shown, sha256, peildatum, e.problems, readable=False)
    dossier = LoadedDossier(path, shown, data, raw)
    try:
        problems = tuple(check_dossier(dossier, schemas, peildatum))
        tijdlijn, blocking = _timeline(dossier, schemas, peildatum)
    except Exception as e:  # the last net, as in ``check``: one dossier never stops the others
        message = (
            f"onverwachte fout bij het controleren ({type(e).__name__}); "
            "meld dit met het dossier erbij"
        )
        problem = Problem(shown, 1, 1, Severity.FOUT, message)
        return Samenvatting(path, shown, sha256, peildatum, (problem,), readable=True)
    return Samenvatting(
        path,
        shown,
        sha256,
        peildatum,
        problems,
        readable=True,
        naam=person_name(data) or path.stem,
        kenmerk=_text(data, "zaak", "kenmerk"),
        consulent=consultant(data),
        zaak=case_identity(data, shown),
        tijdlijn=tijdlijn,
        geen_tijdlijn=blocking,
    )


def _timeline(
    dossier: LoadedDossier, schemas: SchemaSet, peildatum: date
) -> tuple[Tijdlijn | None, tuple[Problem, ...]]:
    try:
        tijdlijn, _ = timeline_for(dossier, schemas, peildatum)
    except DossierError as e:
        return None, e.problems
    return tijdlijn, ()


def person_name(data: Any) -> str:
    """``P.J. Bakker``: the employee's initials and surname as the documents write them."""
    werknemer = data.get("werknemer") if isinstance(data, Mapping) else None
    if not isinstance(werknemer, Mapping):
        return ""
    parts = [werknemer.get("voorletters"), werknemer.get("naam")]
    return " ".join(str(p) for p in parts if isinstance(p, str) and p)


def consultant(data: Any) -> str:
    """Who handles the case: the arbeidsdeskundige of ``zaak``, else the casemanager."""
    return _text(data, "zaak", "arbeidsdeskundige", "naam") or _text(
        data, "werkgever", "casemanager", "naam"
    )


def _text(data: Any, *path: str) -> str:
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node if isinstance(node, str) else ""


def summarise_files(
    files: Sequence[tuple[Path, str, bytes, str]], schemas_dir: Path, peildatum: date
) -> list[Samenvatting]:
    """Summaries of ``(path, shown, bytes, sha256)``, in a worker process (schemas cached)."""
    from dossiergen.checker import schemas_at

    schemas = schemas_at(schemas_dir)
    return [summarise(p, s, raw, sha, schemas, peildatum) for p, s, raw, sha in files]


def summarise_in_worker(
    files: Sequence[tuple[Path, str, bytes, str]], schemas_dir: Path, peildatum: date
) -> list[Samenvatting]:
    """``summarise_files`` for a worker process: the timeline travels without its input
    (which holds read-only mappings that do not pickle); the pages use only its results."""
    from dataclasses import replace

    return [
        replace(s, tijdlijn=replace(s.tijdlijn, invoer=None)) if s.tijdlijn is not None else s
        for s in summarise_files(files, schemas_dir, peildatum)
    ]
