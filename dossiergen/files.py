"""Atomic file output: a reader sees the previous file or the complete new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from dossiergen.errors import WriteError

__all__ = ["write_atomic"]


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
