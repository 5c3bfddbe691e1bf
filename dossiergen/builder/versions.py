"""Which version of a dossier file a document was made from (printed in every colofon).

Inside git: the short hash and date of the last commit that touched the file, plus
"gewijzigd" when the working copy differs from that commit. Outside git: a content hash.
One ``git`` call per folder, not per file, so a thousand dossiers cost no more than one.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dossiergen.dossier.load import read_dossier_bytes
from dossiergen.errors import LoadError


@dataclass(frozen=True)
class _Fingerprint:
    content: str  # sha256 of the bytes (its first 12 characters are shown outside git)
    blob: str  # git's blob id, compared with the committed file


def _git_blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob (``git hash-object``), without a subprocess."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@dataclass(frozen=True)
class DossierVersion:
    """How a document names the dossier version it was made from, and the bytes' sha256."""

    text: str
    sha256: str


def dossier_versions(paths: Iterable[Path]) -> Mapping[Path, DossierVersion]:
    """A version for each file: ``a1b2c3d (2026-03-02)``, maybe "gewijzigd", and its sha256.

    Files are read one at a time and only their fingerprints kept, so memory does not grow
    with the size of the practice.
    """
    versions: dict[Path, DossierVersion] = {}
    by_folder: dict[Path, list[tuple[Path, _Fingerprint]]] = {}
    for path in paths:
        try:
            data = read_dossier_bytes(path, str(path))
        except LoadError:
            data = b""  # the check reports why; an empty file's version is never current
        fingerprint = _Fingerprint(hashlib.sha256(data).hexdigest(), _git_blob_id(data))
        by_folder.setdefault(path.resolve().parent, []).append((path, fingerprint))
    for folder, members in by_folder.items():
        top = _git(["rev-parse", "--show-toplevel"], folder)
        if top is None:
            for path, fingerprint in members:
                versions[path] = DossierVersion(
                    f"inhoud {fingerprint.content[:12]} (niet in git)", fingerprint.content
                )
            continue
        root = Path(top.strip())
        committed = _committed_blobs(root, folder)
        wanted = {path.resolve().relative_to(root).as_posix() for path, _ in members}
        last_commit = _last_commits(root, folder, wanted & committed.keys())
        for path, fingerprint in members:
            relative = path.resolve().relative_to(root).as_posix()
            commit = last_commit.get(relative)
            if commit is None:
                versions[path] = DossierVersion(
                    f"inhoud {fingerprint.content[:12]} (nog niet vastgelegd in git)",
                    fingerprint.content,
                )
                continue
            changed = committed.get(relative) != fingerprint.blob
            versions[path] = DossierVersion(
                commit + (", gewijzigd" if changed else ""), fingerprint.content
            )
    return versions


_GIT_LOG = ("git", "-c", "core.quotePath=false", "log", "--format=@%h %cs", "--name-only")


def _last_commits(root: Path, folder: Path, wanted: set[str]) -> dict[str, str]:
    """The last commit of each ``wanted`` file (committed in HEAD), newest first from ``git
    log``, read only as far back as the oldest of them: the cost follows how long ago the
    least recently changed dossier changed, not the length of the history."""
    found: dict[str, str] = {}
    if not wanted:
        return found
    try:
        process = subprocess.Popen(
            [
                "git",
                "-c",
                "core.quotePath=false",
                "log",
                "--format=@%h %cs",
                "--name-only",
                "--",
                str(folder),
            ],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    except OSError:
        return found
    assert process.stdout is not None
    missing = set(wanted)
    current = ""
    try:
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.startswith("@"):
                short, _, day = line[1:].partition(" ")
                current = f"{short} ({day})"
            elif line in missing:
                found[line] = current
                missing.discard(line)
                if not missing:
                    break
    finally:
        process.kill()
        process.stdout.close()
        process.wait()
    return found


def _committed_blobs(root: Path, folder: Path) -> dict[str, str]:
    listing = _git(["-c", "core.quotePath=false", "ls-tree", "-r", "HEAD", "--", str(folder)], root)
    blobs: dict[str, str] = {}
    for line in (listing or "").splitlines():
        meta, _, name = line.partition("\t")
        parts = meta.split()
        if len(parts) == 3:
            blobs[name] = parts[2]
    return blobs
