"""``dossiergen build``: the documents of every dossier, incremental and in parallel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from dossiergen.commands.options import BuildOptions
from dossiergen.config import Resources, default_jobs, default_resources
from dossiergen.errors import DossierError

if TYPE_CHECKING:
    from dossiergen.builder.build import DossierOutcome


def run_build(
    options: BuildOptions,
    *,
    resources: Resources | None = None,
    progress: Callable[[DossierOutcome], None] | None = None,
) -> tuple[str, bool]:
    """Build documents for every dossier under ``options.paths``; return the report and success.

    ``progress`` is called once per dossier as it finishes (the CLI's progress bar).
    """
    import time

    from dossiergen.builder.build import build_paths, select_documents

    started = time.perf_counter()
    from dossiergen.builder.paginas import libreoffice_identity, number_contents

    measuring = libreoffice_identity() if options.paginanummers else ""
    resources = replace(
        resources or default_resources(), colofon=options.colofon, paginering=measuring
    )
    documents = select_documents(options.document_names)
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
        progress=progress,
    )
    lines = [problem.as_text() for problem in report.problems]
    lines.extend(report.failed)
    if measuring:
        lines.extend(number_contents(report.written))
    if options.pdf:
        from dossiergen.builder.pdf import convert_to_pdf

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
        if options.prune:
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
