"""Where the schemas, templates and house style live, and which day counts as "today".

Resolved once at the edge (the CLI) and passed down; nothing inside the pipeline reads the
clock or guesses paths.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from dossiergen.errors import UsageError


@dataclass(frozen=True)
class Resources:
    """The folders the pipeline reads besides the dossiers themselves."""

    schemas_dir: Path
    templates_dir: Path

    @property
    def house_style(self) -> Path:
        """The Word reference document every document is built on."""
        return self.templates_dir / "huisstijl.docx"


def default_resources() -> Resources:
    """The source checkout's ``schemas/`` and ``templates/``, else the installed copies."""
    candidates = [
        Path(__file__).resolve().parent.parent,  # a source checkout (editable install)
        Path(sys.prefix) / "share" / "dossiergen",  # pip install: data-files
    ]
    for root in candidates:
        if (root / "schemas" / "v1").is_dir() and (root / "templates").is_dir():
            return Resources(root / "schemas" / "v1", root / "templates")
    return Resources(candidates[0] / "schemas" / "v1", candidates[0] / "templates")


def resolve_peildatum(
    option: str | None,
    environ: Mapping[str, str] = os.environ,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> date:
    """The reference date: ``--peildatum``, else ``SOURCE_DATE_EPOCH``, else today."""
    if option:
        try:
            return date.fromisoformat(option)
        except ValueError as e:
            raise UsageError(f"--peildatum '{option}' is geen datum (JJJJ-MM-DD)") from e
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError) as e:
            raise UsageError(f"SOURCE_DATE_EPOCH '{epoch}' is geen geldig tijdstip") from e
    return clock().date()


def default_jobs() -> int:
    """One worker per CPU the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def display_path(path: Path) -> str:
    """A path as the consultant knows it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
