"""Print check results for people: one line per problem, then a summary (tools: ``ci_report``)."""

from __future__ import annotations

from collections.abc import Sequence

from dossiergen.checker import CheckResult
from dossiergen.problems import Severity


def as_text(results: Sequence[CheckResult], *, strict: bool = False) -> str:
    """Every problem as ``path:line:col: fout: message [json_path]``, then a Dutch summary."""
    lines = [problem.as_text() for result in results for problem in result.problems]
    errors = sum(p.severity is Severity.FOUT for r in results for p in r.problems)
    warnings = sum(p.severity is Severity.WAARSCHUWING for r in results for p in r.problems)
    failed = sum(r.failed(strict=strict) for r in results)
    count = len(results)
    summary = (
        f"{count} {'dossier' if count == 1 else 'dossiers'} gecontroleerd: "
        f"{failed} afgekeurd, {errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
    )
    if strict and warnings:
        summary += " (--strict: waarschuwingen tellen als fout)"
    return "\n".join([*lines, summary]) + "\n"
