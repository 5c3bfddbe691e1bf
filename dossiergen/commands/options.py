"""What each command needs to know, parsed once by the CLI into typed, immutable values.

The CLI resolves the peildatum (``--peildatum``, else ``SOURCE_DATE_EPOCH``, else the clock) and
every other option before it calls a command; commands never read the clock or ``sys.argv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

#: The folder of dossiers when a command is given none.
DEFAULT_DOSSIERS = (Path("dossiers"),)


class OutputFormat(StrEnum):
    """How a command prints its result: for people, or for other programs."""

    TEKST = "tekst"
    JSON = "json"
    GITLAB = "gitlab"  # GitLab Code Quality report
    SARIF = "sarif"  # SARIF 2.1.0, for GitHub code scanning


@dataclass(frozen=True)
class CheckOptions:
    """``dossiergen check``."""

    peildatum: date
    paths: tuple[Path, ...] = DEFAULT_DOSSIERS
    strict: bool = False
    output_format: OutputFormat = OutputFormat.TEKST
    jobs: int | None = None  # None: one per processor


@dataclass(frozen=True)
class BuildOptions:
    """``dossiergen build``."""

    peildatum: date
    paths: tuple[Path, ...] = DEFAULT_DOSSIERS
    output_dir: Path = Path("build")
    document_names: tuple[str, ...] = ()  # empty: every document
    pdf: bool = False
    strict: bool = False
    jobs: int | None = None  # None: one per processor
    force: bool = False
    prune: bool = False
    colofon: bool = True  # False: documents without their colofon (--zonder-colofon)
    #: Measure the contents' page numbers with LibreOffice when installed
    #: (False: --zonder-paginanummers, the entries without numbers, no LibreOffice run).
    paginanummers: bool = True
    shard: str | None = None  # "I/N": only part I of N of the dossiers (by kenmerk)


@dataclass(frozen=True)
class TimelineOptions:
    """``dossiergen timeline``."""

    peildatum: date
    path: Path = field(default_factory=Path)
    output_format: OutputFormat = OutputFormat.TEKST


@dataclass(frozen=True)
class AgendaOptions:
    """``dossiergen agenda``."""

    peildatum: date
    paths: tuple[Path, ...] = DEFAULT_DOSSIERS
    van: date | None = None
    tot: date | None = None
    ics: Path | None = None


@dataclass(frozen=True)
class MigreerOptions:
    """``dossiergen migreer``."""

    peildatum: date  # whose werkhervatting counts for a dossier without zaak.rapportdatum
    paths: tuple[Path, ...] = DEFAULT_DOSSIERS
    dry_run: bool = False  # show the changes as a unified diff, write nothing
