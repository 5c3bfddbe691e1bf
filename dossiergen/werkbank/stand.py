"""What the werkbank knows of the practice, kept up to date by content.

Every request asks for the state it shows; files are compared by size and modification time
first and by content hash second, so an unchanged dossier is never read twice and a changed
one is never missed, with or without the file watcher. Summaries are made in worker processes
when many dossiers changed at once (the first look at a large practice).

The documents' build state comes from the incremental build's own manifests and keys
(``builder.manifest``): the werkbank and ``dossiergen build`` agree on what is out of date,
and the werkbank builds through ``builder.build_paths``, into the same output folder.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dossiergen.builder.manifest import (
    MANIFEST_NAME,
    Manifest,
    build_keys,
    output_key,
    template_digest,
)
from dossiergen.builder.versions import dossier_versions
from dossiergen.documents import DOCUMENTS, DocumentSpec
from dossiergen.dossier.load import LoadedDossier, load_dossier
from dossiergen.engine import engine_for
from dossiergen.errors import DossierError
from dossiergen.files import discover
from dossiergen.werkbank.samenvatting import Samenvatting, summarise_files, summarise_in_worker
from dossiergen.werkbank.voorbeeld import PreviewCache, Voorbeeld
from dossiergen.werkbank.werkplaats import Werkplaats, dossier_id

#: From this many changed dossiers on, summaries are made in worker processes.
_PARALLEL_FROM = 24


@dataclass(frozen=True)
class _Seen:
    """A dossier file as last read: its stat signature and content hash."""

    signature: tuple[int, int, int]
    sha256: str


class Stand:
    """The werkbank's state of one practice; thread-safe (requests run in a thread pool)."""

    def __init__(self, werkplaats: Werkplaats, *, jobs: int = 1) -> None:
        self.werkplaats = werkplaats
        self.jobs = jobs
        self._lock = threading.RLock()
        self._seen: dict[Path, _Seen] = {}
        self._summaries: dict[Path, Samenvatting] = {}
        self._paths: dict[str, Path] = {}
        self._versions: dict[Path, tuple[str, tuple[int, ...], str]] = {}
        self._git_dir = _git_dir(werkplaats.root)
        self._loaded: dict[Path, LoadedDossier] = {}
        self._outdated: dict[Path, tuple[tuple[object, ...], list[DocumentSpec]]] = {}
        self.previews = PreviewCache()
        #: Grows with every change the watcher reports; pages compare it to know they are stale.
        self.generation = 0

    # -- dossiers ------------------------------------------------------------------------------

    def summaries(self, peildatum: date) -> list[Samenvatting]:
        """Every dossier of the practice, up to date with the files on disk."""
        with self._lock:
            files = self._files()
            stale: list[tuple[Path, str, bytes, str]] = []
            for path in files:
                read = self._read_if_changed(path, peildatum)
                if read is not None:
                    stale.append((path, self.werkplaats.shown(path), *read))
            for summary in self._summarise(stale, peildatum):
                self._summaries[summary.path] = summary
            present = set(files)
            for gone in [p for p in self._summaries if p not in present]:
                del self._summaries[gone]
                self._seen.pop(gone, None)
            self._paths = {dossier_id(self.werkplaats, p): p for p in files}
            return [self._summaries[p] for p in files if p in self._summaries]

    def summary(self, ident: str, peildatum: date) -> Samenvatting | None:
        """One dossier by its id (``None`` for an id that is no dossier of this practice)."""
        with self._lock:
            path = self._paths.get(ident)
            if path is None:
                self.summaries(peildatum)
                path = self._paths.get(ident)
            if path is None:
                return None
            read = self._read_if_changed(path, peildatum)
            if read is not None:
                shown = self.werkplaats.shown(path)
                (fresh,) = summarise_files(
                    [(path, shown, *read)], self.werkplaats.resources.schemas_dir, peildatum
                )
                self._summaries[path] = fresh
            return self._summaries.get(path)

    def ident(self, path: Path) -> str:
        """The id of a dossier file."""
        return dossier_id(self.werkplaats, path)

    def _files(self) -> list[Path]:
        folder = self.werkplaats.dossiers
        if not folder.is_dir():
            return []
        return [p.resolve() for p in discover([folder]) if self.werkplaats.inside(p)]

    def _read_if_changed(self, path: Path, peildatum: date) -> tuple[bytes, str] | None:
        """The bytes and hash of ``path`` when its summary must be made again, else None."""
        try:
            info = path.stat()
        except OSError:
            info = None
        signature = (info.st_size, info.st_mtime_ns, info.st_ino) if info else (-1, -1, -1)
        seen = self._seen.get(path)
        summary = self._summaries.get(path)
        current = summary is not None and summary.peildatum == peildatum
        if seen is not None and seen.signature == signature and current:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b""
        sha = hashlib.sha256(raw).hexdigest()
        self._seen[path] = _Seen(signature, sha)
        if current and summary is not None and summary.sha256 == sha:
            return None
        return raw, sha

    def _summarise(
        self, stale: list[tuple[Path, str, bytes, str]], peildatum: date
    ) -> list[Samenvatting]:
        schemas_dir = self.werkplaats.resources.schemas_dir
        if self.jobs <= 1 or len(stale) < _PARALLEL_FROM:
            return summarise_files(stale, schemas_dir, peildatum)
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial
        from multiprocessing import get_context

        chunks = [stale[i : i + 16] for i in range(0, len(stale), 16)]
        work = partial(summarise_in_worker, schemas_dir=schemas_dir, peildatum=peildatum)
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=get_context("fork")) as pool:
            return [s for chunk in pool.map(work, chunks) for s in chunk]

    # -- versions and build state --------------------------------------------------------------

    def versions(self, paths: list[Path]) -> dict[Path, str]:
        """The version text each document prints for these files (git, else a content hash);
        asked of git again only for a file whose content or repository state changed."""
        with self._lock:
            state = self._git_signature()
            missing = [
                p for p in paths if self._versions.get(p, ("", (), ""))[:2] != (self._sha(p), state)
            ]
            if missing:
                for path, version in dossier_versions(missing).items():
                    self._versions[path] = (self._sha(path), state, version.text)
            return {p: self._versions[p][2] for p in paths}

    def outdated(self, summary: Samenvatting, version: str) -> list[DocumentSpec]:
        """The documents whose .docx in the output folder does not match the dossier now."""
        folder = self.werkplaats.output / summary.path.stem
        keys = build_keys(self.werkplaats.resources)
        try:
            stamp = (folder / MANIFEST_NAME).stat().st_mtime_ns
        except OSError:
            stamp = 0
        signature = (summary.sha256, summary.peildatum, version, stamp, keys.fingerprint)
        with self._lock:
            cached = self._outdated.get(summary.path)
            if cached is not None and cached[0] == signature:
                return cached[1]
        stale = self._compare_manifest(summary, version, folder)
        with self._lock:
            self._outdated[summary.path] = (signature, stale)
        return stale

    def built(self, summary: Samenvatting) -> bool:
        """True when the build has written this dossier's output folder (its manifest)."""
        return (self.werkplaats.output / summary.path.stem / MANIFEST_NAME).is_file()

    def _compare_manifest(
        self, summary: Samenvatting, version: str, folder: Path
    ) -> list[DocumentSpec]:
        manifest = Manifest.load(folder)
        keys = build_keys(self.werkplaats.resources)
        digest = summary.sha256
        stale = []
        for spec in DOCUMENTS.values():
            target = folder / f"{spec.name}.docx"
            dated = manifest.shows_peildatum(target)
            if dated is None:
                stale.append(spec)
                continue
            key = output_key(keys, spec, digest, version, summary.peildatum if dated else None)
            if not manifest.is_current(target, key):
                stale.append(spec)
        return stale

    def _sha(self, path: Path) -> str:
        seen = self._seen.get(path)
        return seen.sha256 if seen else ""

    def _git_signature(self) -> tuple[int, ...]:
        if self._git_dir is None:
            return ()
        stamps = []
        for name in ("HEAD", "index", "packed-refs"):
            try:
                stamps.append((self._git_dir / name).stat().st_mtime_ns)
            except OSError:
                stamps.append(0)
        return tuple(stamps)

    def loaded(self, summary: Samenvatting) -> LoadedDossier | None:
        """The parsed dossier of a summary (read again only when its content changed)."""
        with self._lock:
            found = self._loaded.get(summary.path)
            if found is not None and source_sha(found) == summary.sha256:
                return found
        try:
            found = load_dossier(summary.path, summary.shown)
        except DossierError:
            return None
        with self._lock:
            self._loaded[summary.path] = found
        return found

    def preview(self, summary: Samenvatting, spec: DocumentSpec, version: str) -> Voorbeeld | None:
        """The preview of one document of a dossier (None when the dossier cannot be read)."""
        dossier = self.loaded(summary)
        if dossier is None:
            return None
        with self._lock:
            return self.previews.preview(
                dossier, spec, self.werkplaats.resources, version, summary.peildatum
            )

    # -- changes -------------------------------------------------------------------------------

    def files_changed(self, paths: list[Path]) -> int:
        """Files changed on disk (the watcher's report); the new generation.

        A template of the practice: its templates are compiled anew (the engine stays). The
        house style or the configuration: the engine is loaded anew. Dossiers need nothing
        here: every request compares them by content.
        """
        with self._lock:
            resources = self.werkplaats.resources
            overrides = resources.overrides_dir
            templates = overrides is not None and any(p.is_relative_to(overrides) for p in paths)
            house = {resources.house_style, self.werkplaats.config_file}
            engine = any(p in house for p in paths)
            if engine:
                for cached in (engine_for, build_keys):
                    clear: Callable[[], None] = cached.cache_clear
                    clear()
            elif templates:
                compiled = engine_for(resources).renderer.environment.cache
                if compiled is not None:
                    compiled.clear()
            if engine or templates:
                template_digest.cache_clear()
                self.previews.clear()
                self._outdated.clear()
            self.generation += 1
            return self.generation

    def changed(self) -> None:
        """Something the pages show changed (a form was saved)."""
        with self._lock:
            self.generation += 1


def source_sha(dossier: LoadedDossier) -> str:
    """The content hash of a loaded dossier's bytes."""
    return hashlib.sha256(dossier.source).hexdigest()


def _git_dir(root: Path) -> Path | None:
    """The repository's git folder (worktrees included), or None outside git."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--absolute-git-dir"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
