"""``dossiergen check``: find dossier files, load, validate, apply the domain rules.

Every file is checked, every problem in every file is collected; nothing stops at the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dossiergen.errors import LoadError, UsageError
from dossiergen.loading import LoadedDossier, load_dossier
from dossiergen.problems import Problem, Severity, has_errors
from dossiergen.rules import apply_rules
from dossiergen.schemas import SchemaSet
from dossiergen.validation import validate_schema

DOSSIER_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class CheckResult:
    """The outcome for one dossier file: its problems and, when it could be read, its data."""

    display_path: str
    problems: tuple[Problem, ...]
    dossier: LoadedDossier | None

    def failed(self, *, strict: bool = False) -> bool:
        """True when the dossier may not be built (errors, or warnings under ``--strict``)."""
        return self.dossier is None or has_errors(self.problems, strict=strict)

    @property
    def schema_valid(self) -> bool:
        """True when the dossier was read and has no errors (warnings allowed)."""
        return self.dossier is not None and not has_errors(self.problems)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The dossier files named by ``paths``: files as given, folders searched recursively.

    A path that does not exist is a usage error (exit code 2), reported for all paths at once.
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError("bestaat niet: " + ", ".join(missing))
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix in DOSSIER_SUFFIXES and p.is_file())
            )
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def check_dossier(dossier: LoadedDossier, schemas: SchemaSet, peildatum: date) -> list[Problem]:
    """Schema problems plus domain-rule problems of one loaded dossier, sorted by position."""
    problems = validate_schema(dossier, schemas)
    problems.extend(apply_rules(dossier, peildatum, schema_problems=problems))
    return sorted(set(problems), key=_order)


def check_file(path: Path, schemas: SchemaSet, peildatum: date) -> CheckResult:
    """Load and check one file; load failures become problems, never exceptions."""
    shown = display_path(path)
    try:
        dossier = load_dossier(path, shown)
    except LoadError as e:
        return CheckResult(shown, e.problems, None)
    return CheckResult(shown, tuple(check_dossier(dossier, schemas, peildatum)), dossier)


def check_paths(paths: Iterable[Path], schemas: SchemaSet, peildatum: date) -> list[CheckResult]:
    """Check every dossier file under ``paths``."""
    return [check_file(path, schemas, peildatum) for path in discover(list(paths))]


def display_path(path: Path) -> str:
    """The path as the consultant knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _order(problem: Problem) -> tuple[int, int, int, str]:
    return (
        problem.line,
        problem.column,
        problem.severity is Severity.WAARSCHUWING,
        problem.message,
    )
