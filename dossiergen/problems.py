"""A problem found in a dossier: where it is, how bad it is, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is; the value is the Dutch word printed to the consultant."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One message about one place in one dossier file (line and column are 1-based)."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    json_path: str = "$"
    #: Which check found it, for CI reports: ``yaml``, ``schema.<keyword>``, ``regel.<name>``,
    #: ``privacy.diagnosewoord``, ``document.ontbreekt``, ``document.riv_verouderd`` (see
    #: docs/ci-uitvoer.md).
    rule: str = ""

    def as_text(self) -> str:
        """``path:line:col: fout: message [json_path]`` — the format editors and CI understand."""
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity.value}: "
            f"{self.message} [{self.json_path}]"
        )


def has_errors(problems: tuple[Problem, ...] | list[Problem], *, strict: bool = False) -> bool:
    """True when a problem blocks: any error, or any warning under ``--strict``."""
    return any(p.severity is Severity.FOUT or strict for p in problems)
