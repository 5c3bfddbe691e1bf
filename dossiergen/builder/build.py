"""``dossiergen build``: check each dossier, then render each requested document into Word.

One dossier's failure never stops the others; a document whose data is missing is skipped
with one message listing everything it lacks. Nothing is half-written: each output is written
to a temporary file and renamed. Builds are incremental by content (see ``manifest``) and run
dossiers in parallel worker processes, each loading the engine once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossiergen.builder.dossier_build import BuildJob, DossierOutcome, all_current, build_dossier
from dossiergen.builder.manifest import Manifest, build_keys, template_digest
from dossiergen.builder.outputs import (
    clean_temporaries,
    find_orphans,
    folder_name_problem,
    output_lock,
    prune,
)
from dossiergen.builder.pdf import make_pdfs
from dossiergen.builder.shard import Shard
from dossiergen.builder.versions import dossier_versions
from dossiergen.config import Resources
from dossiergen.documents import DOCUMENTS, DocumentSpec
from dossiergen.engine import engine_for
from dossiergen.errors import DossierError, UsageError
from dossiergen.files import discover, display_path, sync_filesystem
from dossiergen.problems import Problem
from dossiergen.workers import parallel_map

#: ``progress(phase, done, total)``: phase "dossiers" while building, "pdf" while converting.
Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: files written or up to date, failures with reasons, all problems."""

    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)  # left in place (no --prune)
    removed: list[Path] = field(default_factory=list)  # orphans removed by --prune
    pdf_written: list[Path] = field(default_factory=list)
    pdf_up_to_date: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth saying, not a failure
    dossiers: int = 0  # dossiers built or checked as up to date (with --shard: this part's)
    all_dossiers: int = 0  # dossiers found

    @property
    def ok(self) -> bool:
        """True when every requested document was built or already up to date."""
        return not self.failed

    def add(self, outcome: DossierOutcome) -> None:
        """Merge one dossier's outcome."""
        self.written += outcome.written
        self.up_to_date += outcome.up_to_date
        self.failed += outcome.failed
        self.problems += outcome.problems


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
    resources: Resources,
    peildatum: date,
    *,
    strict: bool = False,
    jobs: int = 1,
    force: bool = False,
    explicit: bool = False,
    pdf: bool = False,
    prune_orphans: bool = False,
    progress: Progress | None = None,
    shard: Shard | None = None,
) -> BuildReport:
    """Build ``documents`` for every dossier under ``paths`` into ``output_dir/<stem>/``.

    Holds the output folder's lock throughout (``BuildLockedError`` when another build has it).
    With ``pdf`` every document built or up to date gets a current PDF, all converted by one
    LibreOffice run; with ``prune_orphans`` what no dossier makes any more is removed. With
    ``shard`` only that part of the dossiers is built; the others' outputs are no orphans.
    """
    report = BuildReport()
    with output_lock(output_dir):
        clean_temporaries(output_dir, _output_names())
        build_jobs = _jobs(
            paths,
            output_dir,
            documents,
            resources,
            peildatum,
            report,
            strict=strict,
            force=force,
            explicit=explicit,
        )
        every_job = build_jobs
        if shard is not None:
            build_jobs = [job for job in build_jobs if shard.holds(job.path)]
        report.dossiers, report.all_dossiers = len(build_jobs), len(every_job)
        _build(build_jobs, resources, jobs, report, progress)
        if resources.paginering:
            _number_contents(report)
        if pdf:
            _pdfs(build_jobs, report, jobs, progress)
        if all(p.is_dir() for p in paths):
            wanted = {job.path.stem: _output_names() for job in every_job}
            orphans = find_orphans(output_dir, wanted)
            if prune_orphans:
                report.removed, failures = prune(orphans)
                report.failed += failures
            else:
                report.orphans = [orphan.path for orphan in orphans]
    return report


def _number_contents(report: BuildReport) -> None:
    """The page numbers of the contents, measured in LibreOffice's layout, written into the
    documents just built (before their PDFs are made); the manifests learn the new bytes."""
    from dossiergen.builder.paginas import number_contents

    report.notes += number_contents(report.written)
    folders: dict[Path, list[Path]] = {}
    for docx in report.written:
        folders.setdefault(docx.parent, []).append(docx)
    for folder, documents in folders.items():
        manifest = Manifest.load(folder)
        for docx in documents:
            manifest.record_rewritten(docx)
        try:
            manifest.save()
        except DossierError as e:
            report.failed.append(f"{display_path(folder)}: {e}")


def _output_names() -> set[str]:
    return {f"{name}{suffix}" for name in DOCUMENTS for suffix in (".docx", ".pdf")}


class ManifestQueue:
    """The manifests of built dossiers, saved in batches after their documents are on disk.

    Documents are written without an fsync each; before a batch of manifests is written the
    output's file system is synced once, and after it once more. A crash at any moment leaves
    no manifest that claims a document not fully on disk (a document it did not reach is
    rebuilt next time). Batches keep an interrupted build's progress.
    """

    def __init__(self, output_dir: Path, report: BuildReport, every: float = 5.0) -> None:
        self.output_dir = output_dir
        self.report = report
        self.every = every
        self.pending: list[tuple[str, Manifest]] = []
        self.last = time.monotonic()

    def add(self, outcome: DossierOutcome) -> None:
        if outcome.manifest is not None:
            self.pending.append((outcome.display_path, outcome.manifest))
            outcome.manifest = None
        if time.monotonic() - self.last >= self.every:
            self.save()

    def save(self) -> None:
        """Sync the documents written so far, then write and sync their manifests."""
        self.last = time.monotonic()
        if not self.pending:
            return
        try:
            sync_filesystem(self.output_dir)
        except DossierError as e:  # not on disk: record nothing, so everything is rebuilt
            self.report.failed += [f"{shown}: niet vastgelegd: {e}" for shown, _ in self.pending]
            self.pending.clear()
            return
        for shown, manifest in self.pending:
            try:
                manifest.save(durable=False)
            except DossierError as e:
                self.report.failed.append(f"{shown}: {e}")
        self.pending.clear()
        try:
            sync_filesystem(self.output_dir)
        except DossierError as e:
            self.report.failed.append(f"{display_path(self.output_dir)}: {e}")


def _build(
    build_jobs: Sequence[BuildJob],
    resources: Resources,
    jobs: int,
    report: BuildReport,
    progress: Progress | None,
) -> None:
    keys = build_keys(resources)
    for spec in build_jobs[0].documents if build_jobs else ():
        template_digest(resources.template_folders, spec.template)  # forked workers inherit it
    pending = []
    done = 0
    for job in build_jobs:
        # Up to date is decided here, from bytes and manifests: a no-op rebuild starts no
        # worker and parses no dossier.
        outcome = DossierOutcome(job.display_path)
        if not job.force and all_current(
            job, keys, Manifest.load(job.output_dir / job.path.stem), outcome
        ):
            report.add(outcome)
            done += 1
            if progress:
                progress("dossiers", done, len(build_jobs))
        else:
            pending.append(job)
    if pending:
        # Configuration errors stop here, once; forked workers inherit the engine with every
        # template compiled and the house style's fixed parts compressed.
        engine_for(resources).renderer.compile_all()
    manifests = ManifestQueue(build_jobs[0].output_dir if build_jobs else Path("."), report)
    try:
        for outcome in _run_jobs(pending, jobs):
            report.add(outcome)
            manifests.add(outcome)
            done += 1
            if progress:
                progress("dossiers", done, len(build_jobs))
    finally:
        manifests.save()  # also when interrupted: what was built stays recorded


def _pdfs(
    build_jobs: Sequence[BuildJob], report: BuildReport, jobs: int, progress: Progress | None
) -> None:
    """Make the missing or stale PDFs of every document built or up to date, in one go."""
    documents = set(report.written) | set(report.up_to_date)
    needed = []
    manifests = {}
    for job in build_jobs:
        folder = job.output_dir / job.path.stem
        manifest = Manifest.load(folder)
        for spec in job.documents:
            docx = folder / f"{spec.name}.docx"
            if docx not in documents:
                continue
            if manifest.pdf_is_current(docx):
                report.pdf_up_to_date.append(docx.with_suffix(".pdf"))
            else:
                needed.append(docx)
                manifests[docx] = manifest

    def converted(done: int, total: int) -> None:
        if progress:
            progress("pdf", done, total)

    results = make_pdfs(needed, workers=min(jobs, 2), progress=converted)
    for docx, outcome in results.items():
        manifest = manifests[docx]
        if isinstance(outcome, bytes):
            manifest.record_pdf(docx, outcome)
            report.pdf_written.append(docx.with_suffix(".pdf"))
        else:
            report.failed.append(f"{display_path(docx)}: geen PDF: {outcome}")
    for manifest in {id(m): m for m in manifests.values()}.values():
        try:
            manifest.save()
        except DossierError as e:
            report.failed.append(f"{manifest.folder}: {e}")


def _jobs(
    paths: Sequence[Path],
    output_dir: Path,
    documents: Sequence[DocumentSpec],
    resources: Resources,
    peildatum: date,
    report: BuildReport,
    *,
    strict: bool,
    force: bool,
    explicit: bool,
) -> list[BuildJob]:
    """One job per dossier file; two files with the same name would share an output folder,
    so the second one fails (reported in ``report``)."""
    files = discover(list(paths))
    versions = dossier_versions(files)
    stems: dict[str, str] = {}
    build_jobs = []
    for path in files:
        shown = display_path(path)
        reason = folder_name_problem(path.stem)
        if reason is not None:
            report.failed.append(
                f"{shown}: niet gebouwd: deze bestandsnaam kan geen map voor de documenten "
                f"worden ({reason}); geef het dossier een naam als 'jansen-2026.yaml'"
            )
            continue
        if path.stem in stems:
            report.failed.append(
                f"{shown}: niet gebouwd: dezelfde bestandsnaam als {stems[path.stem]} "
                f"(beide zouden naar {output_dir / path.stem} schrijven)"
            )
            continue
        stems[path.stem] = shown
        version = versions[path]
        build_jobs.append(
            BuildJob(
                path,
                shown,
                version.text,
                version.sha256,
                output_dir,
                tuple(documents),
                peildatum,
                strict,
                force,
                resources,
                explicit,
            )
        )
    return build_jobs


def _run_jobs(pending: Sequence[BuildJob], jobs: int) -> Iterator[DossierOutcome]:
    """Build the pending dossiers, in ``jobs`` worker processes when there is more than one."""
    if jobs > 1 and len(pending) > 1:
        yield from parallel_map(build_dossier, pending, jobs)
    else:
        yield from (build_dossier(job) for job in pending)
