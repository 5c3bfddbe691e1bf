"""Incremental builds by content, not modification times (git does not keep mtimes).

Each output's *key* is a hash of everything it depends on: the dossier's bytes and version
text, the template and every template it includes, the schemas, the house style, the
dossiergen version and the dates the document shows. Each dossier's output folder keeps a small
manifest of the keys it was built with; an output is rebuilt when its key changed or the file is
gone. A missing or unreadable manifest means "build everything in this folder" — never a wrong
skip. One manifest per dossier folder means parallel builds never write the same manifest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dossiergen
from dossiergen import __version__
from dossiergen.config import BUILTIN_TEMPLATE_PREFIX, Resources
from dossiergen.errors import WriteError
from dossiergen.files import dutch_os_error, write_atomic
from dossiergen.problems import Problem, Severity

if TYPE_CHECKING:
    from dossiergen.documents import DocumentSpec

MANIFEST_NAME = ".dossiergen-manifest.json"
_FORMAT = 1
_NOT_APPLICABLE = "nvt:"


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def engine_fingerprint(resources: Resources) -> str:
    """Hash of what every document depends on: program version, schemas, house style, the
    bureau's name, whether documents print a colofon and which LibreOffice measures pages."""
    parts = [__version__.encode()]
    # The program itself: a changed module (a fix in the writer) must rebuild too, also in a
    # development checkout where the version number stays the same.
    # Recursive: code in subpackages and data files beside it count as well.
    package = Path(dossiergen.__file__).resolve().parent
    for source in sorted(_program_files(package)):
        parts += [source.relative_to(package).as_posix().encode(), source.read_bytes()]
    for schema in sorted(resources.schemas_dir.glob("*.schema.json")):
        parts += [schema.name.encode(), schema.read_bytes()]
    house = resources.house_style
    parts.append(house.read_bytes() if house.is_file() else b"")
    parts.append(resources.bureau_naam.encode())  # shown in every header
    parts.append(b"colofon" if resources.colofon else b"zonder colofon")
    parts.append(f"paginanummers gemeten met {resources.paginering or 'niets'}".encode())
    return _digest(*parts)


def _program_files(package: Path) -> list[Path]:
    """Every source and data file of the package, at any depth (caches left out)."""
    return [
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


#: ``{% include "x" %}``, ``{% import "x" as m %}``, ``{% from "x" import m %}``,
#: ``{% extends "x" %}``
_REFERENCE = re.compile(r"""{%-?\s*(?:include|import|from|extends)\s+(["'])(?P<name>[^"']+)\1""")
_ANY_REFERENCE = re.compile(r"{%-?\s*(?:include|import|from|extends)\b")


@cache
def template_digest(folders: tuple[Path, ...], name: str) -> str:
    """Hash of a template and, recursively, every template it includes, imports or extends.

    ``folders`` is the search path (a practice's overrides first, then the built-ins); every
    file of a referenced name in any folder counts, so an edited, added or removed override
    rebuilds, and so does a change to the built-in an override extends
    (``dossiergen/<name>``). References are literal names relative to a folder
    (``rapport/2-werkgever.md.j2`` for a chapter in a subfolder); a reference the pattern
    cannot read (a computed name) makes the template depend on every template at any depth,
    which is never a wrong skip.
    """
    seen: dict[str, bytes] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        sources = [_template_source(folder, current) for folder in folders]
        seen[current] = b"\0".join(sources)
        for source in sources:
            text = source.decode("utf-8", "replace")
            found = [match["name"] for match in _REFERENCE.finditer(text)]
            if len(found) < len(_ANY_REFERENCE.findall(text)):
                pending.extend(
                    p.relative_to(folder).as_posix()
                    for folder in folders
                    for p in sorted(folder.rglob("*.j2"))
                )
            pending.extend(found)
    return _digest(*(part for key in sorted(seen) for part in (key.encode(), seen[key])))


def _template_source(folder: Path, name: str) -> bytes:
    """The bytes of template ``name`` in ``folder`` (empty when absent); a built-in reached
    through ``dossiergen/`` is looked up without the prefix."""
    name = name.removeprefix(BUILTIN_TEMPLATE_PREFIX)
    path = folder / name
    try:
        return path.read_bytes() if path.is_file() else b""
    except OSError:
        return b""


def shows_peildatum(spec: DocumentSpec, data: Mapping[str, Any]) -> bool:
    """True when the document prints the peildatum (as its date, or in deadlines and statuses).

    A document dated by the dossier itself (a report date, a letter date) gives the same date
    whatever the peildatum; one that falls back on the peildatum does not.
    """
    if spec.uses_peildatum:
        return True
    return spec.document_date(data, date.min) != spec.document_date(data, date.max)


def source_digest(source: bytes) -> str:
    """The dossier's part of every output key (the sha256 ``dossier_versions`` also gives)."""
    return hashlib.sha256(source).hexdigest()


@dataclass(frozen=True)
class BuildKeys:
    """What every output key shares: the engine's fingerprint and where templates live."""

    fingerprint: str
    template_folders: tuple[Path, ...]


@cache
def build_keys(resources: Resources) -> BuildKeys:
    """The shared key parts, without loading the engine (a no-op rebuild never loads it)."""
    return BuildKeys(engine_fingerprint(resources), resources.template_folders)


def output_key(
    keys: BuildKeys,
    spec: DocumentSpec,
    source: str,
    version: str,
    peildatum: date | None,
) -> str:
    """The content key of one output (see module docstring).

    ``source`` is the dossier's ``source_digest``. ``peildatum`` is ``None`` for documents that
    do not show it (see ``shows_peildatum``): only the dossier's own dates then count.
    """
    return _digest(
        keys.fingerprint.encode(),
        template_digest(keys.template_folders, spec.template).encode(),
        spec.name.encode(),
        source.encode(),
        version.encode(),
        (peildatum.isoformat() if peildatum else "").encode(),
    )


@dataclass(frozen=True)
class Entry:
    """What the manifest knows of one output: its key, whether it shows the peildatum, and the
    sha256 of the bytes dossiergen wrote (``None`` in manifests of older versions)."""

    key: str
    dated: bool = False
    sha256: str | None = None


def file_digest(path: Path) -> str | None:
    """The sha256 of a file's bytes, or ``None`` when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _problem_from(raw: Any) -> Problem | None:
    """A stored problem, or None when the entry is not one."""
    try:
        return Problem(
            str(raw["pad"]),
            int(raw["regel"]),
            int(raw["kolom"]),
            Severity(raw["ernst"]),
            str(raw["melding"]),
            str(raw["json_pad"]),
            str(raw.get("controle", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _problem_to(problem: Problem) -> dict[str, Any]:
    return {
        "pad": problem.path,
        "regel": problem.line,
        "kolom": problem.column,
        "ernst": problem.severity.value,
        "melding": problem.message,
        "json_pad": problem.json_path,
        "controle": problem.rule,
    }


class Manifest:
    """The keys the outputs in one dossier folder were built with, what dossiergen wrote, and
    the warnings the dossier gave when it was last checked (a build that skips the unchanged
    dossier shows them again, so a warning never disappears because nothing was rebuilt).

    A PDF is recorded under its own name with the key of the ``.docx`` it was made from, so a
    PDF is current only while its document is.
    """

    def __init__(
        self, folder: Path, entries: dict[str, Entry], problems: tuple[Problem, ...] = ()
    ) -> None:
        self.folder = folder
        self.entries = entries
        self.problems = problems
        self._changed = False

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """Read the folder's manifest; anything unreadable or of another shape (valid JSON that
        is no object, an old format) counts as damaged: empty, so everything is rebuilt."""
        try:
            raw = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder, {})
        if not isinstance(raw, dict):
            return cls(folder, {})
        entries = raw.get("uitvoer")
        if raw.get("formaat") != _FORMAT or not isinstance(entries, dict):
            return cls(folder, {})
        found: dict[str, Entry] = {}
        for name, entry in entries.items():
            if isinstance(entry, dict) and isinstance(entry.get("sleutel"), str):
                digest = entry.get("sha256")
                found[str(name)] = Entry(
                    entry["sleutel"],
                    entry.get("peildatum") is True,
                    digest if isinstance(digest, str) else None,
                )
        stored = raw.get("meldingen")
        problems = [_problem_from(p) for p in stored] if isinstance(stored, list) else []
        if None in problems:  # a damaged list: forget it all, the next check makes it again
            return cls(folder, {})
        return cls(folder, found, tuple(p for p in problems if p is not None))

    def record_problems(self, problems: Sequence[Problem]) -> None:
        """Remember what checking the dossier reported (shown again while it is unchanged)."""
        if tuple(problems) != self.problems:
            self.problems = tuple(problems)
            self._changed = True

    def shows_peildatum(self, target: Path) -> bool | None:
        """Whether the recorded build of ``target`` depended on the peildatum (None: unknown)."""
        entry = self.entries.get(target.name)
        return entry.dated if entry else None

    def is_current(self, target: Path, key: str) -> bool:
        """True when ``target`` exists and was built with ``key`` (or, with the key of a
        document that does not apply to this dossier, when it is rightly absent)."""
        entry = self.entries.get(target.name)
        if entry is None:
            return False
        if entry.key == _NOT_APPLICABLE + key:
            return not target.exists()
        return entry.key == key and target.is_file()

    def pdf_is_current(self, docx: Path) -> bool:
        """True when the PDF beside ``docx`` was made from the ``.docx`` as it is now: the same
        key, and not older than the ``.docx`` (a PDF made before it never counts)."""
        pdf = docx.with_suffix(".pdf")
        document, made = self.entries.get(docx.name), self.entries.get(pdf.name)
        if document is None or made is None or made.key != document.key:
            return False
        try:
            return pdf.stat().st_mtime_ns >= docx.stat().st_mtime_ns
        except OSError:
            return False

    def wrote(self, target: Path) -> bool:
        """True when dossiergen wrote ``target`` and nobody changed it since (a PDF that was
        signed, a document edited by hand is the user's now)."""
        entry = self.entries.get(target.name)
        if entry is None or entry.key.startswith(_NOT_APPLICABLE) or not target.is_file():
            return False
        return entry.sha256 is None or file_digest(target) == entry.sha256

    def record_not_applicable(self, target: Path, key: str) -> None:
        """Remember that this document does not apply to the dossier as it is now."""
        self.entries[target.name] = Entry(_NOT_APPLICABLE + key)
        self.entries.pop(target.with_suffix(".pdf").name, None)
        self._changed = True

    def record(self, target: Path, key: str, shows_peildatum: bool, content: bytes) -> None:
        """Remember that ``target`` was built with ``key`` and holds ``content``."""
        digest = hashlib.sha256(content).hexdigest()
        self.entries[target.name] = Entry(key, shows_peildatum, digest)
        self._changed = True

    def record_rewritten(self, target: Path) -> None:
        """``target`` was changed by dossiergen after it was recorded (page numbers written into
        its contents): it is still dossiergen's own file, with these bytes."""
        entry = self.entries.get(target.name)
        digest = file_digest(target)
        if entry is not None and digest is not None and digest != entry.sha256:
            self.entries[target.name] = replace(entry, sha256=digest)
            self._changed = True

    def record_pdf(self, docx: Path, content: bytes) -> None:
        """Remember that the PDF beside ``docx`` was made from it as it is now."""
        document = self.entries.get(docx.name)
        if document is None:
            return
        digest = hashlib.sha256(content).hexdigest()
        self.entries[docx.with_suffix(".pdf").name] = Entry(document.key, document.dated, digest)
        self._changed = True

    def forget(self, target: Path) -> None:
        """A failed build, or a file removed: make sure the next run tries again."""
        if self.entries.pop(target.name, None) is not None:
            self._changed = True

    @property
    def changed(self) -> bool:
        """Whether there is something to save."""
        return self._changed

    def save(self, *, durable: bool = True) -> None:
        """Write the manifest atomically when something changed (``durable``: synced now)."""
        if not self._changed:
            return
        body = {
            "formaat": _FORMAT,
            "uitvoer": {
                name: {"sleutel": entry.key, "peildatum": entry.dated}
                | ({"sha256": entry.sha256} if entry.sha256 else {})
                for name, entry in sorted(self.entries.items())
            },
            "meldingen": [_problem_to(problem) for problem in self.problems],
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WriteError(f"kan map {self.folder} niet maken: {dutch_os_error(e)}") from e
        content = json.dumps(body, indent=1).encode() + b"\n"
        write_atomic(self.folder / MANIFEST_NAME, content, durable=durable)
        self._changed = False
