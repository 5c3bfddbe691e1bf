"""``dossiergen check``: every problem of every dossier, for people or for tools."""

from __future__ import annotations

from dossiergen.checker import check_paths
from dossiergen.commands import ci_report
from dossiergen.commands import report as reporting
from dossiergen.commands.options import CheckOptions, OutputFormat
from dossiergen.config import Resources, default_jobs, default_resources


def run_check(options: CheckOptions, *, resources: Resources | None = None) -> tuple[str, bool]:
    """Check every dossier under ``options.paths``; return the report and whether all passed."""
    resources = resources or default_resources()
    jobs = options.jobs or default_jobs()
    results = check_paths(options.paths, resources.schemas_dir, options.peildatum, jobs=jobs)
    strict = options.strict
    writers = {
        OutputFormat.JSON: ci_report.as_json,
        OutputFormat.GITLAB: ci_report.as_gitlab,
        OutputFormat.SARIF: ci_report.as_sarif,
        OutputFormat.TEKST: reporting.as_text,
    }
    report = writers[options.output_format](results, strict=strict)
    return report, not any(result.failed(strict=strict) for result in results)
