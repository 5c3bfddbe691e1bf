"""Wires the steps together for each command; the CLI calls exactly one function here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dossiergen import reporting
from dossiergen.checking import check_paths
from dossiergen.errors import DossierError
from dossiergen.resources import Resources, default_resources, resolve_peildatum
from dossiergen.schemas import load_schemas

if TYPE_CHECKING:
    from dossiergen.building import Engine


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


def load_engine(resources: Resources) -> Engine:
    """Load schemas, templates and the house style once for a whole build."""
    from dossiergen.building import Engine
    from dossiergen.docx_writer import HouseStyle
    from dossiergen.rendering import TemplateRenderer

    return Engine(
        schemas=load_schemas(resources.schemas_dir),
        renderer=TemplateRenderer(resources.templates_dir),
        house_style=HouseStyle.load(resources.house_style),
    )


def run_build(
    paths: Sequence[Path],
    *,
    output_dir: Path,
    document_names: Sequence[str] = (),
    pdf: bool = False,
    strict: bool = False,
    peildatum_option: str | None = None,
    resources: Resources | None = None,
) -> tuple[str, bool]:
    """Build documents for every dossier under ``paths``; return the report and success."""
    from dossiergen.building import build_paths, select_documents

    resources = resources or default_resources()
    peildatum = resolve_peildatum(peildatum_option)
    documents = select_documents(document_names)
    engine = load_engine(resources)
    report = build_paths(paths, output_dir, documents, engine, peildatum, strict=strict)
    lines = [problem.as_text() for problem in report.problems]
    lines.extend(report.failed)
    if pdf:
        from dossiergen.pdf import convert_to_pdf

        for docx in report.written:
            try:
                convert_to_pdf(docx)
            except DossierError as e:
                lines.append(f"{docx}: geen PDF: {e}")
                report.failed.append(str(docx))
    lines.append(
        f"{len(report.written)} {'document' if len(report.written) == 1 else 'documenten'} "
        f"gemaakt in {output_dir}, {len(report.failed)} niet gelukt"
    )
    return "\n".join(lines) + "\n", report.ok
