"""Wires the steps together for each command; the CLI calls exactly one function here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dossiergen import reporting
from dossiergen.checking import check_paths
from dossiergen.dossier.schemas import load_schemas
from dossiergen.errors import DossierError
from dossiergen.resources import Resources, default_jobs, default_resources, resolve_peildatum

if TYPE_CHECKING:
    from dossiergen.building import DossierOutcome


def run_check(
    paths: Sequence[Path],
    *,
    strict: bool = False,
    as_json: bool = False,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
    jobs: int | None = None,
) -> tuple[str, bool]:
    """Check every dossier under ``paths``; return the report and whether all passed."""
    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    results = check_paths(paths, resources.schemas_dir, peildatum, jobs=jobs or default_jobs())
    report = reporting.as_json(results) if as_json else reporting.as_text(results, strict=strict)
    return report, not any(result.failed(strict=strict) for result in results)


def run_build(
    paths: Sequence[Path],
    *,
    output_dir: Path,
    document_names: Sequence[str] = (),
    pdf: bool = False,
    strict: bool = False,
    jobs: int | None = None,
    force: bool = False,
    prune: bool = False,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
    progress: Callable[[DossierOutcome], None] | None = None,
) -> tuple[str, bool]:
    """Build documents for every dossier under ``paths``; return the report and success."""
    import time

    from dossiergen.building import build_paths, select_documents

    started = time.perf_counter()
    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    documents = select_documents(document_names)
    report = build_paths(
        paths,
        output_dir,
        documents,
        resources,
        peildatum,
        strict=strict,
        jobs=jobs or default_jobs(),
        force=force,
        explicit=bool(document_names),
        progress=progress,
    )
    lines = [problem.as_text() for problem in report.problems]
    lines.extend(report.failed)
    if pdf:
        from dossiergen.pdf import convert_to_pdf

        for docx in report.written + report.up_to_date:
            pdf_path = docx.with_suffix(".pdf")
            if docx in report.up_to_date and pdf_path.is_file():
                continue
            try:
                convert_to_pdf(docx)
            except DossierError as e:
                lines.append(f"{docx}: geen PDF: {e}")
                report.failed.append(str(docx))
    for orphan in report.orphans:
        if prune:
            orphan.unlink(missing_ok=True)
            lines.append(f"{orphan}: verwijderd (geen dossier of document maakt dit nog)")
        else:
            lines.append(f"{orphan}: verouderd, geen dossier maakt dit nog (--prune verwijdert)")
    seconds = time.perf_counter() - started
    lines.append(
        f"{len(report.written)} gebouwd, {len(report.up_to_date)} al actueel, "
        f"{len(report.failed)} mislukt in {seconds:.1f} s ({output_dir})"
    )
    return "\n".join(lines) + "\n", report.ok


def run_timeline(
    path: Path,
    *,
    as_json: bool = False,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
) -> tuple[str, str]:
    """The timeline of one dossier: (report for stdout, warnings for stderr)."""
    import json

    from dossiergen.agenda import timeline_for, timeline_json, timeline_text
    from dossiergen.checking import display_path
    from dossiergen.dossier.load import load_dossier
    from dossiergen.errors import UsageError

    if not path.is_file():
        raise UsageError(f"bestaat niet of is geen bestand: {path}")
    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    shown = display_path(path)
    dossier = load_dossier(path, shown)
    tijdlijn, warnings = timeline_for(dossier, load_schemas(resources.schemas_dir), peildatum)
    if as_json:
        out = json.dumps(timeline_json(shown, tijdlijn), ensure_ascii=False, indent=2) + "\n"
    else:
        out = timeline_text(shown, tijdlijn)
    return out, "".join(p.as_text() + "\n" for p in warnings)


def run_agenda(
    paths: Sequence[Path],
    *,
    van: str | None = None,
    tot: str | None = None,
    ics: Path | None = None,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
) -> tuple[str, str, bool]:
    """Open milestones of all dossiers: (agenda text, problems for stderr, all dossiers usable)."""
    from datetime import date

    from dossiergen.agenda import agenda_ics, agenda_items, agenda_text, timeline_for
    from dossiergen.checking import discover, display_path
    from dossiergen.dossier.load import load_dossier
    from dossiergen.errors import LoadError, UsageError
    from dossiergen.files import write_atomic

    def parse(option: str | None, name: str) -> date | None:
        try:
            return date.fromisoformat(option) if option else None
        except ValueError as e:
            raise UsageError(f"{name} '{option}' is geen datum (JJJJ-MM-DD)") from e

    start, end = parse(van, "--van"), parse(tot, "--tot")
    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    schemas = load_schemas(resources.schemas_dir)
    entries = []
    problems: list[str] = []
    usable = True
    for path in discover(list(paths)):
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
    items = agenda_items(entries, start, end)
    if ics is not None:
        write_atomic(ics, agenda_ics(items, peildatum))
    return agenda_text(items, peildatum), "".join(p + "\n" for p in problems), usable
