"""Files at the edges: finding dossier files, showing their paths, and atomic output (a reader
sees the previous file or the complete new one, never half)."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dossiergen.errors import UsageError, WriteError

__all__ = [
    "DOSSIER_SUFFIXES",
    "discover",
    "display_path",
    "dutch_os_error",
    "not_a_regular_file",
    "remove_stale_temporaries",
    "write_atomic",
]

#: The operating system's error texts are English; these are the ones a consultant meets.
_OS_ERRORS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toestemming (rechten)",
    errno.EPERM: "geen toestemming (rechten)",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "is een map",
    errno.ELOOP: "symbolische koppelingen verwijzen in een kring naar elkaar",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "invoer-/uitvoerfout van de schijf",
    errno.EBUSY: "is in gebruik",
    errno.ETXTBSY: "is in gebruik",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
    errno.EXDEV: "ligt op een ander bestandssysteem",
    errno.ENOTEMPTY: "de map is niet leeg",
}


def dutch_os_error(error: OSError) -> str:
    """An operating-system error in Dutch (its number when no translation is known)."""
    if error.errno in _OS_ERRORS:
        return _OS_ERRORS[error.errno]
    name = errno.errorcode.get(error.errno or 0)
    return f"systeemfout {name}" if name else f"systeemfout ({type(error).__name__})"


def write_atomic(path: Path, data: bytes, mode: int = 0o644, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory, fsync and
    ``os.replace``; raises :class:`WriteError`. A failed or killed write leaves the previous
    file (or none) and no temporary file behind; parallel writers (``make -j``) each use their
    own temporary name, and the last rename wins. ``mode`` is the new file's permissions (a
    rewritten dossier keeps its own).

    With ``durable=False`` nothing is synced: the caller syncs many files at once with
    :func:`sync_filesystem` before it writes what refers to them (the build's manifests)."""
    path = Path(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise WriteError(f"kan {display_path(path)} niet schrijven: {dutch_os_error(e)}") from e
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        # mkstemp makes the file 0600; an output document should be readable like any other file
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(e, OSError):
            raise WriteError(f"kan {display_path(path)} niet schrijven: {dutch_os_error(e)}") from e
        raise
    if durable:
        _fsync_directory(path.parent)


def sync_filesystem(folder: Path) -> None:
    """Flush everything written to the file system that holds ``folder`` to disk: one
    ``syncfs`` (Linux) instead of an fsync per file, else ``sync``. Raises
    :class:`WriteError` when the file system reports that a write failed (a full disk)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        os.sync()
        return
    try:
        syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
        if syncfs is None:
            os.sync()
        elif syncfs(fd) != 0:
            code = ctypes.get_errno()
            error = OSError(code, os.strerror(code))
            raise WriteError(
                f"kan niet naar {display_path(folder)} schrijven: {dutch_os_error(error)}"
            )
    finally:
        os.close(fd)


#: What ``write_atomic`` names its temporary files: ``.<target>.<8 random characters>.tmp``.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_stale_temporaries(folder: Path, targets: Sequence[str]) -> list[Path]:
    """Remove temporary files a killed build left in ``folder`` for any of ``targets``.

    Only names ``write_atomic`` makes for these targets are touched (``.rapport.docx.x1y2z3w4
    .tmp``), never a file of the user's; the caller holds the output folder's lock, so no other
    build is writing them. Returns what was removed.
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    prefixes = tuple(f".{name}." for name in targets)
    for entry in entries:
        name = entry.name
        if _TEMPORARY.fullmatch(name) and name.startswith(prefixes):
            with contextlib.suppress(OSError):
                if entry.is_file() and not entry.is_symlink():
                    entry.unlink()
                    removed.append(entry)
    return removed


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
    A folder named like a dossier (``jansen.yaml/``) is taken as one, and refused. Inside
    folders, anything named ``*.yaml`` is returned, also a folder, pipe or device of that name:
    the loader refuses it with a message instead of it being silently skipped.
    """
    missing = [display_path(p) for p in paths if not os.path.lexists(p) or not _exists(p)]
    if missing:
        raise UsageError("bestaat niet: " + ", ".join(missing))
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and path.suffix not in DOSSIER_SUFFIXES:  # "x.yaml/" is a mistake
            found.extend(_search(path))
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def _exists(path: Path) -> bool:
    try:
        path.stat()
    except OSError as e:
        return e.errno != errno.ENOENT  # a symlink loop exists, and gets its own message
    return True


def _search(folder: Path) -> list[Path]:
    found = []
    for directory, folders, files in os.walk(folder, onerror=None, followlinks=False):
        folders.sort()
        for name in sorted([*files, *folders]):
            if Path(name).suffix in DOSSIER_SUFFIXES:
                found.append(Path(directory) / name)
    return sorted(found)


def not_a_regular_file(path: Path) -> str | None:
    """Why ``path`` cannot be a dossier file (a folder, a pipe, a device), or ``None``.

    Checked before opening: reading a named pipe would wait for ever, a device could be
    endless.
    """
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"bestand kan niet worden gelezen: {dutch_os_error(e)}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        kind = "een map"
    elif stat.S_ISFIFO(mode):
        kind = "een named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "een apparaat"
    elif stat.S_ISSOCK(mode):
        kind = "een socket"
    else:
        kind = "geen gewoon bestand"
    return f"dit is {kind}, geen dossierbestand; een dossier is een tekstbestand (.yaml)"


def display_path(path: Path) -> str:
    """A path as the consultant knows it: relative to the working folder when possible.

    Bytes that are no UTF-8 (a name from an old Windows share) are shown as \\xNN and control
    characters as \\uNNNN, so every message can be printed and read.
    """
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        shown = str(path)
    return printable_name(shown)


def printable_name(text: str) -> str:
    """``text`` with undecodable bytes and control characters written as escapes."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif not char.isprintable() and char != " ":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
