"""Saving a section form: merge into the file, validate like ``check``, write, maybe commit.

The file is changed through the round-trip writer: only the values that differ are edited, so
comments, key order and quoting of everything else stay byte-identical. The would-be file is
checked with the same checks and Dutch, located messages as ``dossiergen check`` before it is
written; an error in the edited section keeps the file as it was. A file that changed on disk
since the form was made is not overwritten.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dossiergen.checker import check_dossier
from dossiergen.dossier.load import LoadedDossier, parse_dossier_bytes
from dossiergen.dossier.roundtrip import YamlDocument
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.errors import DossierError
from dossiergen.files import write_atomic
from dossiergen.problems import Problem, Severity
from dossiergen.werkbank.formdata import ABSENT, section_value
from dossiergen.werkbank.formulier import key_orders


@dataclass(frozen=True)
class Opslag:
    """What saving a form did."""

    opgeslagen: bool
    melding: str
    problems: tuple[Problem, ...] = ()  # every problem of the file as it is (or would be)
    blokkerend: tuple[Problem, ...] = ()  # the errors in the edited section that stopped it
    git: str = ""
    waarde: Any = None  # the section as the form gave it (to show the form again)


@dataclass(frozen=True)
class Wijziging:
    """One form submission for one section of one dossier file."""

    path: Path
    shown: str
    sectie: str
    velden: Mapping[str, str]
    versie: str  # sha256 of the file when the form was made
    commit_bericht: str | None = None  # None: no commit


def save_section(change: Wijziging, schemas: SchemaSet, peildatum: date, git_root: Path) -> Opslag:
    """Apply ``change`` (see module docstring); never raises for bad input."""
    try:
        raw = change.path.read_bytes()
    except OSError as e:
        return Opslag(False, f"het bestand kan niet worden gelezen: {e.strerror or e}")
    if hashlib.sha256(raw).hexdigest() != change.versie:
        return Opslag(
            False,
            "het bestand is intussen buiten de werkbank gewijzigd; er is niets opgeslagen. "
            "Laad het formulier opnieuw en voer de wijziging nog eens in.",
        )
    new: Any = None
    try:
        document = YamlDocument.parse(raw, change.shown)
        old = document.get((change.sectie,))
        new = section_value(schemas, change.sectie, change.velden, old)
        if new is ABSENT:
            document.delete((change.sectie,))
        else:
            orders = key_orders(schemas, change.sectie)
            document.merge((change.sectie,), new, key_order=orders)
        edited = document.dump()
        data = parse_dossier_bytes(edited, change.shown)
    except DossierError as e:
        return Opslag(False, str(e), e.problems, waarde=_shown(new))
    if edited == raw:
        return Opslag(False, "niets gewijzigd", waarde=_shown(new))
    problems = tuple(
        check_dossier(LoadedDossier(change.path, change.shown, data, edited), schemas, peildatum)
    )
    blocking = tuple(p for p in problems if p.severity is Severity.FOUT and _in(p, change.sectie))
    if blocking:
        count = len(blocking)
        return Opslag(
            False,
            f"niet opgeslagen: {count} {'fout' if count == 1 else 'fouten'} in dit onderdeel",
            problems,
            blocking,
            waarde=_shown(new),
        )
    try:
        write_atomic(change.path, edited)
    except DossierError as e:
        return Opslag(False, str(e), problems, waarde=_shown(new))
    git = commit(git_root, change.path, change.commit_bericht) if change.commit_bericht else ""
    return Opslag(True, "opgeslagen", problems, git=git)


def _shown(value: Any) -> Any:
    """The submitted section for showing the form again (an emptied section: empty)."""
    return {} if value is ABSENT or value is None else value


def _in(problem: Problem, section: str) -> bool:
    """True when ``problem`` concerns ``section`` (or a value inside it)."""
    prefix = f"$.{section}"
    path = problem.json_path
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def commit(root: Path, path: Path, message: str) -> str:
    """Commit ``path`` alone with ``message``; a Dutch sentence on what happened."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            env=environment,
        )

    try:
        inside = git("rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0:
            return "niet vastgelegd: de praktijkmap is geen git-repository"
        added = git("add", "--", str(path))
        done = git("commit", "-m", message, "--", str(path)) if added.returncode == 0 else added
    except (OSError, subprocess.SubprocessError) as e:
        return f"niet vastgelegd: git kon niet worden uitgevoerd ({type(e).__name__})"
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        return "niet vastgelegd: " + (reason[-1] if reason else "git weigerde")
    head = git("rev-parse", "--short", "HEAD").stdout.strip()
    return f"vastgelegd in git ({head})"
