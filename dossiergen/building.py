"""``dossiergen build``: check each dossier, then render each requested document into Word.

One dossier's failure never stops the others; a document whose data is missing is skipped
with one message listing everything it lacks. Nothing is half-written: each output is written
to a temporary file and renamed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from dossiergen.checking import CheckResult, check_file, discover
from dossiergen.documents import DOCUMENTS, DocumentSpec, missing_parts
from dossiergen.docx_writer import DocumentProperties, HouseStyle, render_docx, write_atomic
from dossiergen.errors import DossierError, UsageError, WriteError
from dossiergen.markup import parse_markup
from dossiergen.problems import Problem, Severity
from dossiergen.rendering import TemplateRenderer
from dossiergen.schemas import SchemaSet
from dossiergen.versions import dossier_versions
from dossiergen.views import make_view


@dataclass(frozen=True)
class Engine:
    """Everything loaded once per process and shared by all documents."""

    schemas: SchemaSet
    renderer: TemplateRenderer
    house_style: HouseStyle


@dataclass
class BuildReport:
    """What a build did: files written, documents skipped with reasons, problems per dossier."""

    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every requested document was built."""
        return not self.failed


def select_documents(names: Sequence[str]) -> list[DocumentSpec]:
    """The document specs for ``--document`` names (all when none given); usage error if unknown."""
    if not names:
        return list(DOCUMENTS.values())
    unknown = [n for n in names if n not in DOCUMENTS]
    if unknown:
        raise UsageError(
            f"onbekend document: {', '.join(unknown)}; kies uit: {', '.join(DOCUMENTS)}"
        )
    return [DOCUMENTS[n] for n in dict.fromkeys(names)]


def build_paths(
    paths: Sequence[Path],
    output_dir: Path,
    documents: Sequence[DocumentSpec],
    engine: Engine,
    peildatum: date,
    *,
    strict: bool = False,
) -> BuildReport:
    """Build ``documents`` for every dossier under ``paths`` into ``output_dir/<stem>/``."""
    report = BuildReport()
    files = discover(list(paths))
    results = [check_file(path, engine.schemas, peildatum) for path in files]
    versions = dossier_versions(
        (path, result.dossier.source)
        for path, result in zip(files, results, strict=True)
        if result.dossier is not None
    )
    stems: dict[str, str] = {}
    for path, result in zip(files, results, strict=True):
        report.problems.extend(result.problems)
        if result.failed(strict=strict):
            report.failed.append(f"{result.display_path}: niet gebouwd (zie de fouten hierboven)")
            continue
        if path.stem in stems:
            report.failed.append(
                f"{result.display_path}: niet gebouwd: dezelfde bestandsnaam als "
                f"{stems[path.stem]} (beide zouden naar {output_dir / path.stem} schrijven)"
            )
            continue
        stems[path.stem] = result.display_path
        for spec in documents:
            _build_one(
                path, result, spec, engine, output_dir, versions.get(path, ""), peildatum, report
            )
    return report


def _build_one(
    path: Path,
    result: CheckResult,
    spec: DocumentSpec,
    engine: Engine,
    output_dir: Path,
    version: str,
    peildatum: date,
    report: BuildReport,
) -> None:
    dossier = result.dossier
    assert dossier is not None
    missing = missing_parts(spec, dossier)
    if missing:
        report.problems.extend(missing)
        report.failed.append(
            f"{result.display_path}: {spec.name} overgeslagen: "
            f"{len(missing)} ontbrekende {'onderdeel' if len(missing) == 1 else 'onderdelen'}"
        )
        return
    try:
        data = render_document(dossier.data, spec, engine, version, peildatum, result.display_path)
        target = output_dir / path.stem / f"{spec.name}.docx"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WriteError(f"kan map {target.parent} niet maken: {e.strerror}") from e
        write_atomic(target, data)
    except DossierError as e:
        report.problems.extend(e.problems)
        report.failed.append(f"{result.display_path}: {spec.name} niet gebouwd: {e}")
        return
    report.written.append(target)


def render_document(
    data: object,
    spec: DocumentSpec,
    engine: Engine,
    version: str,
    peildatum: date,
    display_path: str,
) -> bytes:
    """Pure middle of the pipeline: dossier data → view → markup → Word bytes."""
    from collections.abc import Mapping

    assert isinstance(data, Mapping)
    view = make_view(data, engine.schemas, spec.audiences)
    document_date = spec.document_date(data, peildatum)
    context = {
        "dossier": view,
        "document": {
            "naam": spec.name,
            "titel": spec.title,
            "datum": document_date.isoformat(),
            "versie": version,
            "bron": display_path,
            "doelgroep": sorted(a.value for a in spec.audiences),
        },
        "peildatum": peildatum.isoformat(),
        **spec.derive(view, peildatum),  # from the view: derived data cannot leak either
    }
    markup = engine.renderer.render(spec.template, context)
    blocks = parse_markup(markup)
    created = datetime.combine(document_date, time(12, 0), tzinfo=UTC)
    properties = DocumentProperties(
        title=spec.core_title(data),
        author=spec.author(data),
        subject=spec.title,
        keywords=f"dossiergen; {spec.name}",
        created=created,
    )
    return render_docx(blocks, engine.house_style, properties)


def problem_at(path: str, message: str) -> Problem:
    """A problem without a better position than the start of the file."""
    return Problem(path, 1, 1, Severity.FOUT, message)
