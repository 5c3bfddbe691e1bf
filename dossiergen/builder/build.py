"""``dossiergen build``: check each dossier, then render each requested document into Word.

One dossier's failure never stops the others; a document whose data is missing is skipped
with one message listing everything it lacks. Nothing is half-written: each output is written
to a temporary file and renamed. Builds are incremental by content (see ``manifest``) and run
dossiers in parallel worker processes, each loading the engine once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossiergen.builder.manifest import (
    BuildKeys,
    Manifest,
    build_keys,
    output_key,
    shows_peildatum,
    source_digest,
    template_digest,
)
from dossiergen.builder.versions import dossier_versions
from dossiergen.checker import check_file
from dossiergen.config import Resources
from dossiergen.documents import DOCUMENTS, DocumentSpec, missing_parts
from dossiergen.docx.writer import write_atomic
from dossiergen.engine import engine_for, render_document
from dossiergen.errors import DomainError, DossierError, UsageError, WriteError
from dossiergen.files import discover, display_path
from dossiergen.problems import Problem
from dossiergen.rules import domain_problem


@dataclass
class DossierOutcome:
    """What building one dossier did."""

    display_path: str
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class BuildReport:
    """What a build did: files written or up to date, failures with reasons, all problems."""

    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)

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


@dataclass(frozen=True)
class BuildJob:
    """One dossier to build; plain data so it can travel to a worker process."""

    path: Path
    display_path: str
    version: str
    sha256: str  # of the dossier's bytes when the build started
    output_dir: Path
    documents: tuple[DocumentSpec, ...]
    peildatum: date
    strict: bool
    force: bool
    resources: Resources
    explicit: bool = False  # documents named with --document: "does not apply" is a failure


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
    progress: Callable[[DossierOutcome], None] | None = None,
) -> BuildReport:
    """Build ``documents`` for every dossier under ``paths`` into ``output_dir/<stem>/``."""
    report = BuildReport()
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
    keys = build_keys(resources)
    for spec in documents:  # hashed once here; forked workers inherit the cache
        template_digest(resources.template_folders, spec.template)
    pending = []
    for job in build_jobs:
        # Up to date is decided here, from bytes and manifests: a no-op rebuild starts no
        # worker and parses no dossier.
        outcome = DossierOutcome(job.display_path)
        if not job.force and _all_current(
            job, keys, Manifest.load(job.output_dir / job.path.stem), outcome
        ):
            report.add(outcome)
            if progress:
                progress(outcome)
        else:
            pending.append(job)
    if pending:
        engine_for(resources)  # configuration errors stop here, once; workers inherit it
    for outcome in _run_jobs(pending, jobs):
        report.add(outcome)
        if progress:
            progress(outcome)
    if all(p.is_dir() for p in paths) and output_dir.is_dir():
        report.orphans = _orphans(output_dir, {job.path.stem for job in build_jobs})
    return report


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
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(build_dossier, pending, chunksize=4)
    else:
        yield from (build_dossier(job) for job in pending)


def _orphans(output_dir: Path, stems: set[str]) -> list[Path]:
    known = {f"{name}.docx" for name in DOCUMENTS} | {f"{name}.pdf" for name in DOCUMENTS}
    found = []
    for folder in sorted(p for p in output_dir.iterdir() if p.is_dir()):
        for file in sorted(folder.iterdir()):
            if file.suffix in (".docx", ".pdf") and (
                folder.name not in stems or file.name not in known
            ):
                found.append(file)
    return found


def build_dossier(job: BuildJob) -> DossierOutcome:
    """Check one dossier and build its documents; never raises for bad input."""
    outcome = DossierOutcome(job.display_path)
    try:
        engine = engine_for(job.resources)
    except DossierError as e:
        outcome.failed.append(f"{job.display_path}: niet gebouwd: {e}")
        return outcome
    target_dir = job.output_dir / job.path.stem
    manifest = Manifest.load(target_dir)
    keys = build_keys(job.resources)
    if not job.force and _all_current(job, keys, manifest, outcome):
        return outcome  # unchanged: not even parsed, so a no-op rebuild stays instant
    result = check_file(job.path, engine.schemas, job.peildatum)
    outcome.problems += result.problems
    manifest.record_problems(result.problems)  # shown again by builds that skip the dossier
    if result.failed(strict=job.strict) or result.dossier is None:
        outcome.failed.append(f"{job.display_path}: niet gebouwd (zie de fouten hierboven)")
        return outcome
    dossier = result.dossier
    digest = source_digest(dossier.source)
    for spec in job.documents:
        target = target_dir / f"{spec.name}.docx"
        if not spec.applies(dossier.data):
            if job.explicit:
                outcome.failed.append(
                    f"{job.display_path}: {spec.name} overgeslagen: niet van toepassing op dit "
                    f"dossier ({spec.not_applicable})"
                )
            else:
                target.unlink(missing_ok=True)  # it applied before: do not leave a stale copy
                manifest.record_not_applicable(
                    target, output_key(keys, spec, digest, job.version, None)
                )
            continue
        missing = missing_parts(spec, dossier)
        if missing:
            outcome.problems += missing
            outcome.failed.append(
                f"{job.display_path}: {spec.name} overgeslagen: {len(missing)} ontbrekende "
                f"{'onderdeel' if len(missing) == 1 else 'onderdelen'}"
            )
            manifest.forget(target)
            continue
        dated = shows_peildatum(spec, dossier.data)
        key = output_key(keys, spec, digest, job.version, job.peildatum if dated else None)
        if not job.force and manifest.is_current(target, key):
            outcome.up_to_date.append(target)
            continue
        try:
            data = render_document(dossier.data, spec, engine, job.version, job.peildatum)
            _write(target, data)
        except DomainError as e:
            outcome.problems.append(domain_problem(dossier, e))
            outcome.failed.append(f"{job.display_path}: {spec.name} niet gebouwd (zie hierboven)")
            manifest.forget(target)
            continue
        except DossierError as e:
            outcome.problems += e.problems
            outcome.failed.append(f"{job.display_path}: {spec.name} niet gebouwd: {e}")
            manifest.forget(target)
            continue
        manifest.record(target, key, dated)
        outcome.written.append(target)
    try:
        manifest.save()
    except DossierError as e:
        outcome.failed.append(f"{job.display_path}: {e}")
    return outcome


def _all_current(
    job: BuildJob, keys: BuildKeys, manifest: Manifest, outcome: DossierOutcome
) -> bool:
    """True (and recorded in ``outcome``) when every requested output is up to date.

    Decided from the dossier's hash and the manifest alone, without parsing the dossier.
    """
    digest = job.sha256
    targets = []
    for spec in job.documents:
        target = job.output_dir / job.path.stem / f"{spec.name}.docx"
        dated = manifest.shows_peildatum(target)
        if dated is None:
            return False
        key = output_key(keys, spec, digest, job.version, job.peildatum if dated else None)
        if not manifest.is_current(target, key):
            return False
        if target.is_file():
            targets.append(target)
    outcome.up_to_date += targets
    outcome.problems += manifest.problems  # the warnings of the unchanged dossier, again
    return True


def _write(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(f"kan map {target.parent} niet maken: {e.strerror}") from e
    write_atomic(target, data)
