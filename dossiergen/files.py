"""Files at the edges: finding dossier files, showing their paths, and atomic output (a reader
sees the previous file or the complete new one, never half)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dossiergen.errors import UsageError, WriteError

__all__ = ["DOSSIER_SUFFIXES", "discover", "display_path", "write_atomic"]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory, fsync and
    ``os.replace``; raises :class:`WriteError`. A failed or killed write leaves the previous
    file (or none) and no temporary file behind; parallel writers (``make -j``) each use their
    own temporary name, and the last rename wins."""
    path = Path(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise WriteError(f"kan {path} niet schrijven: {e.strerror or e}") from e
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600; an output document should be readable like any other file
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(e, OSError):
            raise WriteError(f"kan {path} niet schrijven: {e.strerror or e}") from e
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform lets a directory be fsynced."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


#: File names of dossiers inside a folder.
DOSSIER_SUFFIXES = (".yaml", ".yml")


def discover(paths: Sequence[Path]) -> list[Path]:
    """The dossier files named by ``paths``: files as given, folders searched recursively.

    A path that does not exist is a usage error (exit code 2), reported for all paths at once.
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError("bestaat niet: " + ", ".join(missing))
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix in DOSSIER_SUFFIXES and p.is_file())
            )
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def display_path(path: Path) -> str:
    """A path as the consultant knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
