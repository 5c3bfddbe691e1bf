"""``dossiergen check``: find dossier files, load, validate, apply the domain rules.

Every file is checked, every problem in every file is collected; nothing stops at the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from dossiergen.dossier.load import LoadedDossier, load_dossier
from dossiergen.dossier.locations import problem_at
from dossiergen.dossier.schemas import SchemaSet, load_schemas
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.dossier.validate import validate_schema
from dossiergen.errors import InvalidDossierError, LoadError
from dossiergen.files import discover, display_path
from dossiergen.poortwachter.tijdlijn import Tijdlijn, tijdlijn_op
from dossiergen.problems import Problem, Severity, has_errors
from dossiergen.rules import COMPUTATION_ERRORS, apply_rules, computation_problem

__all__ = [
    "CheckResult",
    "check_dossier",
    "check_file",
    "check_paths",
    "discover",
    "display_path",
    "schemas_at",
]


@dataclass(frozen=True)
class CheckResult:
    """The outcome for one dossier file: its problems and, when it could be read, its data."""

    display_path: str
    problems: tuple[Problem, ...]
    dossier: LoadedDossier | None  # None when unreadable, or when checked in a worker process
    readable: bool = True

    def failed(self, *, strict: bool = False) -> bool:
        """True when the dossier may not be built (errors, or warnings under ``--strict``)."""
        return not self.readable or has_errors(self.problems, strict=strict)


def check_dossier(dossier: LoadedDossier, schemas: SchemaSet, peildatum: date) -> list[Problem]:
    """Schema problems plus domain-rule problems of one loaded dossier, sorted by position."""
    problems = validate_schema(dossier, schemas)
    problems.extend(apply_rules(dossier, peildatum, schema_problems=problems))
    if not has_errors(problems):
        problems.extend(_consistency(dossier, peildatum))
    return sorted(set(problems), key=_order)


def _consistency(dossier: LoadedDossier, peildatum: date) -> list[Problem]:
    """Where two documents would disagree: the RIV upload list and the RIV-checklist (a part
    the checklist marks outdated). Only for a dossier without errors: it needs the timeline."""
    from dossiergen.documents.brieven.aanbieding import verouderde_riv_onderdelen

    try:
        found = verouderde_riv_onderdelen(dossier, peildatum)
    except COMPUTATION_ERRORS as e:
        return [computation_problem(dossier, e, ("verzuim",))]
    return [replace(p, rule="document.riv_verouderd") for p in found]


def check_file(path: Path, schemas: SchemaSet, peildatum: date) -> CheckResult:
    """Load and check one file; load failures become problems, never exceptions."""
    shown = display_path(path)
    try:
        dossier = load_dossier(path, shown)
    except LoadError as e:
        return CheckResult(shown, e.problems, None, readable=False)
    try:
        problems = check_dossier(dossier, schemas, peildatum)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as e:  # the last net: one dossier never stops the others
        message = (
            f"onverwachte fout bij het controleren ({type(e).__name__}: {e}); "
            "meld dit met het dossier erbij"
        )
        problems = [Problem(shown, 1, 1, Severity.FOUT, message)]
    return CheckResult(shown, tuple(problems), dossier)


#: Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 24


def check_paths(
    paths: Iterable[Path], schemas_dir: Path, peildatum: date, *, jobs: int = 1
) -> list[CheckResult]:
    """Check every dossier file under ``paths``, on ``jobs`` processes for a large practice.

    The schemas are loaded before the workers are forked, so they inherit them instead of
    reloading; workers send back only the problems (not the parsed dossiers).
    """
    files = discover(list(paths))
    schemas = schemas_at(schemas_dir)
    if jobs <= 1 or len(files) < _PARALLEL_FROM:
        return [check_file(path, schemas, peildatum) for path in files]
    from functools import partial

    from dossiergen.workers import parallel_map

    work = partial(_check_without_data, schemas_dir, peildatum)
    chunks = [files[i : i + 32] for i in range(0, len(files), 32)]
    return [result for chunk in parallel_map(work, chunks, jobs) for result in chunk]


@cache
def schemas_at(directory: Path) -> SchemaSet:
    """The schemas in ``directory``, loaded once per process."""
    return load_schemas(directory)


def _check_without_data(directory: Path, peildatum: date, files: list[Path]) -> list[CheckResult]:
    schemas = schemas_at(directory)
    results = []
    for path in files:
        result = check_file(path, schemas, peildatum)
        results.append(CheckResult(result.display_path, result.problems, None, result.readable))
    return results


def _order(problem: Problem) -> tuple[int, int, int, str]:
    return (
        problem.line,
        problem.column,
        problem.severity is Severity.WAARSCHUWING,
        problem.message,
    )


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
    verzuim = dossier.data.get("verzuim") if isinstance(dossier.data, dict) else None
    if not isinstance(verzuim, dict) or "eerste_ziektedag" not in verzuim:
        # no timeline without its start (a misspelt "verzuim:" is reported at the misspelling)
        blocking = [p for p in problems if p.severity is Severity.FOUT] or [
            problem_at(
                dossier.display_path,
                dossier.data,
                Severity.FOUT,
                ["verzuim"],
                "de tijdlijn heeft verzuim.eerste_ziektedag nodig",
            )
        ]
    if blocking:
        raise InvalidDossierError(f"{dossier.display_path}: verzuim ongeldig", tuple(blocking))
    rest = [replace(p, severity=Severity.WAARSCHUWING) for p in problems if p not in blocking]
    try:
        tijdlijn = tijdlijn_op(verzuim_invoer(dossier.data), peildatum)
    except COMPUTATION_ERRORS as e:
        problem = computation_problem(dossier, e, ("verzuim",))
        raise InvalidDossierError(f"{dossier.display_path}: {e}", (problem,)) from e
    return tijdlijn, sorted(rest)
