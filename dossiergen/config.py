"""Where the schemas, templates and house style live, and which day counts as "today".

Resolved once at the edge (the CLI) and passed down; nothing inside the pipeline reads the
clock or guesses paths.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from dossiergen.errors import UsageError

#: The prefix under which an override template reaches the built-in template of the same name:
#: ``{% extends "dossiergen/rapport.md.j2" %}`` in a practice's own ``templates/rapport.md.j2``.
BUILTIN_TEMPLATE_PREFIX = "dossiergen/"


@dataclass(frozen=True)
class Resources:
    """The folders and files the pipeline reads besides the dossiers themselves.

    ``overrides_dir`` is a practice's own ``templates/`` folder: a template there replaces the
    built-in one of the same name (or extends it). ``house_style_file`` is the practice's
    ``huisstijl.docx``; without it the built-in house style is used. ``bureau_naam`` is what
    the house style's ``DOCPROPERTY Company`` fields show (the bureau's name in every header).
    ``colofon`` is whether documents print their colofon (``build --zonder-colofon``);
    ``paginering`` names the LibreOffice that measures the page numbers of the contents (empty:
    none, the contents without numbers). Like the house style, both go into every output's build
    key.
    """

    schemas_dir: Path
    templates_dir: Path
    overrides_dir: Path | None = None
    house_style_file: Path | None = None
    bureau_naam: str = ""
    colofon: bool = True
    paginering: str = ""

    @property
    def house_style(self) -> Path:
        """The Word reference document every document is built on."""
        return self.house_style_file or self.templates_dir / "huisstijl.docx"

    @property
    def template_folders(self) -> tuple[Path, ...]:
        """Where templates are looked up, first match wins: the overrides, then the built-ins."""
        if self.overrides_dir is None:
            return (self.templates_dir,)
        return (self.overrides_dir, self.templates_dir)


def packaged_folder(name: str) -> Path:
    """A data folder shipped with dossiergen (``schemas``, ``templates``).

    An installed package (wheel, ``pip install --user``, pipx) holds it as package data inside
    ``dossiergen/``; an editable install of a source checkout reads the checkout's top-level
    folder of the same name.
    """
    from importlib import resources

    inside = Path(str(resources.files("dossiergen"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / name


def default_resources() -> Resources:
    """The schemas and templates that come with dossiergen."""
    return Resources(packaged_folder("schemas") / "v1", packaged_folder("templates"))


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
