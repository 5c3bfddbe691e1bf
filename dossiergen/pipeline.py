"""Wires the steps together for each command; the CLI calls exactly one function here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dossiergen import reporting
from dossiergen.checking import check_paths
from dossiergen.resources import Resources, default_resources, resolve_peildatum
from dossiergen.schemas import load_schemas


def run_check(
    paths: Sequence[Path],
    *,
    strict: bool = False,
    as_json: bool = False,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
) -> tuple[str, bool]:
    """Check every dossier under ``paths``; return the report and whether all passed."""
    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    schemas = load_schemas(resources.schemas_dir)
    results = check_paths(paths, schemas, peildatum)
    report = reporting.as_json(results) if as_json else reporting.as_text(results, strict=strict)
    return report, not any(result.failed(strict=strict) for result in results)
