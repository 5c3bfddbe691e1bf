"""Building one dossier: check it, then render and write each requested document.

Runs in a worker process (everything it needs travels in a ``BuildJob``); whatever goes wrong
with this one dossier becomes a message in its ``DossierOutcome``, never an exception.
"""

from __future__ import annotations

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
)
from dossiergen.checker import check_file
from dossiergen.config import Resources
from dossiergen.documents import DocumentSpec, missing_parts
from dossiergen.docx.writer import write_atomic
from dossiergen.dossier.load import LoadedDossier
from dossiergen.engine import DossierFacts, Engine, engine_for, render_document
from dossiergen.errors import DossierError, WriteError
from dossiergen.files import display_path, dutch_os_error
from dossiergen.problems import Problem
from dossiergen.rules import COMPUTATION_ERRORS, computation_problem

__all__ = ["BuildJob", "DossierOutcome", "all_current", "build_dossier"]


@dataclass
class DossierOutcome:
    """What building one dossier did."""

    display_path: str
    written: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The dossier's manifest when it changed: the parent saves it once the documents it
    #: records are on disk (see ``build.ManifestQueue``).
    manifest: Manifest | None = None


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


def build_dossier(job: BuildJob) -> DossierOutcome:
    """Check one dossier and build its documents; never raises for bad input.

    Whatever goes wrong with this dossier (a value the law's code cannot compute with, a disk
    that is full) becomes a message for this dossier; the build goes on with the others.
    """
    outcome = DossierOutcome(job.display_path)
    try:
        _build_dossier(job, outcome)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as e:  # the last net: one dossier never stops the others
        outcome.failed.append(
            f"{job.display_path}: niet gebouwd: onverwachte fout ({type(e).__name__}: {e}); "
            "meld dit met het dossier erbij"
        )
    return outcome


def _build_dossier(job: BuildJob, outcome: DossierOutcome) -> None:
    try:
        engine = engine_for(job.resources)
    except DossierError as e:
        outcome.failed.append(f"{job.display_path}: niet gebouwd: {e}")
        return
    result = check_file(job.path, engine.schemas, job.peildatum)
    outcome.problems += result.problems
    manifest = Manifest.load(job.output_dir / job.path.stem)
    manifest.record_problems(result.problems)  # shown again by builds that skip the dossier
    if result.failed(strict=job.strict) or result.dossier is None:
        outcome.failed.append(f"{job.display_path}: niet gebouwd (zie de fouten hierboven)")
        return  # not current, so checked (and its problems shown) on every build
    dossier = result.dossier
    # The key holds the hash of the bytes that were checked and rendered, never of what is on
    # disk later: a dossier edited during the build is built again next time.
    digest = source_digest(dossier.source)
    version = job.version
    if digest != job.sha256:
        version = f"inhoud {digest[:12]} (gewijzigd tijdens het bouwen)"
    built = _Built(job, engine, dossier, manifest, digest, version, None)
    for spec in job.documents:
        built.document(spec, outcome)
    if manifest.changed:
        outcome.manifest = manifest  # saved by the parent once the documents are on disk


@dataclass
class _Built:
    """One checked dossier while its documents are built."""

    job: BuildJob
    engine: Engine
    dossier: LoadedDossier
    manifest: Manifest
    digest: str
    version: str
    facts: DossierFacts | None  # made for the first document rendered, shared by the others

    def document(self, spec: DocumentSpec, outcome: DossierOutcome) -> None:
        job, dossier, manifest = self.job, self.dossier, self.manifest
        keys = build_keys(job.resources)
        target = job.output_dir / job.path.stem / f"{spec.name}.docx"
        shown = job.display_path
        if not spec.applies(dossier.data):
            if job.explicit:
                outcome.failed.append(
                    f"{shown}: {spec.name} overgeslagen: niet van toepassing op dit "
                    f"dossier ({spec.not_applicable})"
                )
                return
            key = output_key(keys, spec, self.digest, self.version, None)
            _remove_stale(target, manifest, key, outcome, shown)
            return
        missing = missing_parts(spec, dossier)
        if missing:
            outcome.problems += missing
            outcome.failed.append(
                f"{shown}: {spec.name} overgeslagen: {len(missing)} ontbrekende "
                f"{'onderdeel' if len(missing) == 1 else 'onderdelen'}"
            )
            manifest.forget(target)
            return
        dated = shows_peildatum(spec, dossier.data)
        day = job.peildatum if dated else None
        key = output_key(keys, spec, self.digest, self.version, day)
        if not job.force and manifest.is_current(target, key):
            outcome.up_to_date.append(target)
            return
        try:
            if self.facts is None:
                self.facts = DossierFacts(dossier.data, self.engine, job.peildatum)
            data = render_document(
                dossier.data, spec, self.engine, self.version, job.peildatum, self.facts
            )
            _write(target, data)
        except COMPUTATION_ERRORS as e:
            outcome.problems.append(computation_problem(dossier, e))
            outcome.failed.append(f"{shown}: {spec.name} niet gebouwd (zie hierboven)")
            manifest.forget(target)
            return
        except DossierError as e:
            outcome.problems += e.problems
            outcome.failed.append(f"{shown}: {spec.name} niet gebouwd: {e}")
            manifest.forget(target)
            return
        manifest.record(target, key, dated, data)
        outcome.written.append(target)


def _remove_stale(
    target: Path, manifest: Manifest, key: str, outcome: DossierOutcome, shown: str
) -> None:
    """A document that applied before and no longer does: remove dossiergen's copy (and its
    PDF), never a file of the user's."""
    for path in (target, target.with_suffix(".pdf")):
        if not manifest.wrote(path):
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            outcome.failed.append(
                f"{shown}: {display_path(path)} kan niet worden verwijderd: {dutch_os_error(e)}"
            )
            return
    if not target.exists():
        manifest.record_not_applicable(target, key)


def all_current(
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
        raise WriteError(
            f"kan map {display_path(target.parent)} niet maken: {dutch_os_error(e)}"
        ) from e
    write_atomic(target, data, durable=False)  # synced with the others before the manifests
