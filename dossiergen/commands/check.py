"""``dossiergen check``: every problem of every dossier, for people or for tools."""

from __future__ import annotations

from dossiergen.checker import check_paths
from dossiergen.commands import report as reporting
from dossiergen.commands.options import CheckOptions, OutputFormat
from dossiergen.config import Resources, default_jobs, default_resources


def run_check(options: CheckOptions, *, resources: Resources | None = None) -> tuple[str, bool]:
    """Check every dossier under ``options.paths``; return the report and whether all passed."""
    resources = resources or default_resources()
    jobs = options.jobs or default_jobs()
    results = check_paths(options.paths, resources.schemas_dir, options.peildatum, jobs=jobs)
    strict = options.strict
    if options.output_format is OutputFormat.JSON:
        report = reporting.as_json(results)
    else:
        report = reporting.as_text(results, strict=strict)
    return report, not any(result.failed(strict=strict) for result in results)
