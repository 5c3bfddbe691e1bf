"""``dossiergen build``: the documents of every dossier, incremental and in parallel."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dossiergen.commands.options import BuildOptions
from dossiergen.config import Resources, default_jobs, default_resources

if TYPE_CHECKING:
    from dossiergen.builder.build import Progress


def run_build(
    options: BuildOptions,
    *,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> tuple[str, bool]:
    """Build documents for every dossier under ``options.paths``; return the report and success.

    ``progress(phase, done, total)`` follows the build ("dossiers") and the PDFs ("pdf").
    """
    import time

    from dossiergen.builder.build import build_paths, select_documents
    from dossiergen.builder.shard import Shard

    started = time.perf_counter()
    from dossiergen.builder.paginas import libreoffice_identity

    measuring = libreoffice_identity() if options.paginanummers else ""
    resources = replace(
        resources or default_resources(), colofon=options.colofon, paginering=measuring
    )
    documents = select_documents(options.document_names)
    shard = Shard.parse(options.shard) if options.shard else None
    output_dir = options.output_dir
    report = build_paths(
        options.paths,
        output_dir,
        documents,
        resources,
        options.peildatum,
        strict=options.strict,
        jobs=options.jobs or default_jobs(),
        force=options.force,
        explicit=bool(options.document_names),
        pdf=options.pdf,
        prune_orphans=options.prune,
        progress=progress,
        shard=shard,
    )
    lines = [problem.as_text() for problem in report.problems]
    lines.extend(report.failed)
    lines.extend(report.notes)
    lines += [f"{p}: verwijderd (geen dossier of document maakt dit nog)" for p in report.removed]
    lines += [
        f"{p}: verouderd, geen dossier maakt dit nog (--prune verwijdert)" for p in report.orphans
    ]
    seconds = time.perf_counter() - started
    summary = (
        f"{len(report.written)} gebouwd, {len(report.up_to_date)} al actueel, "
        f"{len(report.failed)} mislukt"
    )
    if options.pdf:
        summary += (
            f"; PDF: {len(report.pdf_written)} gemaakt, {len(report.pdf_up_to_date)} al actueel"
        )
    if shard is not None:
        summary += f"; deel {shard}: {report.dossiers} van de {report.all_dossiers} dossiers"
    lines.append(f"{summary} in {seconds:.1f} s ({output_dir})")
    return "\n".join(lines) + "\n", report.ok
