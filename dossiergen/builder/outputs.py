"""The output folder: one build at a time, no temporary files left, and only dossiergen's own
files pruned.

A build takes the folder's lock (``.dossiergen.lock``); a second build into the same folder
stops with a message instead of interleaving its writes. Under the lock, temporary files that
a killed build left are removed. ``--prune`` removes only what a folder's manifest says
dossiergen wrote and nobody changed since: a signed PDF or a note of the user's is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dossiergen.builder.manifest import MANIFEST_NAME, Manifest
from dossiergen.errors import DossierError
from dossiergen.files import dutch_os_error, remove_stale_temporaries

__all__ = ["BuildLockedError", "Orphan", "find_orphans", "folder_name_problem", "output_lock"]

LOCK_NAME = ".dossiergen.lock"


class BuildLockedError(DossierError):
    """Another build is writing into the same output folder."""


@contextlib.contextmanager
def output_lock(output_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock while inside; ``BuildLockedError`` when another build has it.

    When the folder cannot be made (it lies under a file, the disk is read-only) there is
    nothing to lock: each document then reports why it could not be written.
    """
    import fcntl

    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(output_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildLockedError(
                    f"kan de map {output_dir} niet vergrendelen: {dutch_os_error(e)}"
                ) from e
            raise BuildLockedError(
                f"een andere build schrijft al naar {output_dir}; wacht tot die klaar is en "
                "probeer het dan opnieuw"
            ) from e
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays for the next build


def dossier_folders(output_dir: Path) -> list[Path]:
    """The dossier folders in ``output_dir`` (not following symbolic links)."""
    try:
        entries = sorted(output_dir.iterdir())
    except OSError:
        return []
    return [entry for entry in entries if entry.is_dir() and not entry.is_symlink()]


def clean_temporaries(output_dir: Path, names: Iterable[str]) -> list[Path]:
    """Remove what killed builds left in the dossier folders (call under the lock)."""
    targets = [*names, MANIFEST_NAME]
    removed = []
    for folder in dossier_folders(output_dir):
        removed += remove_stale_temporaries(folder, targets)
    return removed


@dataclass(frozen=True)
class Orphan:
    """A file dossiergen wrote that no dossier or document makes any more."""

    path: Path
    manifest: Manifest


def find_orphans(output_dir: Path, wanted: dict[str, set[str]]) -> list[Orphan]:
    """Files dossiergen wrote in ``output_dir`` that nothing in ``wanted`` makes any more.

    ``wanted`` maps each dossier folder name of this build to the file names it may hold. Only
    files listed in a folder's manifest whose bytes are still what dossiergen wrote count:
    a file the user put there or changed (a signed PDF) is never an orphan.
    """
    found = []
    for folder in dossier_folders(output_dir):
        manifest = Manifest.load(folder)
        allowed = wanted.get(folder.name, set())
        for name in sorted(manifest.entries):
            target = folder / name
            if name not in allowed and manifest.wrote(target):
                found.append(Orphan(target, manifest))
    return found


def prune(orphans: Iterable[Orphan]) -> tuple[list[Path], list[str]]:
    """Remove ``orphans``; return what was removed and a Dutch message per failure."""
    removed: list[Path] = []
    failures: list[str] = []
    manifests: dict[Path, Manifest] = {}
    for orphan in orphans:
        try:
            orphan.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            failures.append(f"{orphan.path}: kan niet worden verwijderd: {dutch_os_error(e)}")
            continue
        removed.append(orphan.path)
        orphan.manifest.forget(orphan.path)
        manifests[orphan.manifest.folder] = orphan.manifest
    for folder, manifest in manifests.items():
        try:
            if any(manifest.wrote(folder / name) for name in manifest.entries):
                manifest.save()
                continue
            (folder / MANIFEST_NAME).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when nothing of the user's is left in it
        except (OSError, DossierError) as e:
            reason = dutch_os_error(e) if isinstance(e, OSError) else str(e)
            failures.append(f"{folder}: overzicht kan niet worden bijgewerkt: {reason}")
    return removed, failures


def folder_name_problem(stem: str) -> str | None:
    """Why a dossier's file name cannot name its output folder, or ``None`` when it can.

    ``...yaml`` would write into the parent folder (``..``), ``..yaml`` into the output folder
    itself; a name that is no UTF-8 cannot be printed or recorded.
    """
    if stem in ("", ".", ".."):
        return "de naam bestaat alleen uit punten"
    if stem.startswith("."):
        return "de naam begint met een punt (een verborgen map)"
    try:
        stem.encode("utf-8")
    except UnicodeEncodeError:
        return "de naam is geen UTF-8 (tekens uit een andere tekenset)"
    if not stem.isprintable():
        return "de naam bevat een onzichtbaar besturingsteken"
    if "/" in stem or "\\" in stem or len(stem.encode()) > 200:
        return "de naam is te lang of bevat een schuine streep"
    return None
