"""What every command of the command line shares: exit codes, "today", the practice it runs
in, and turning our errors into a Dutch message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dossiergen.errors import DossierError, UsageError

if TYPE_CHECKING:
    from dossiergen.config import Resources
    from dossiergen.praktijk.config import Practice

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def today(option: str | None) -> date:
    """The one "today" of this run: ``--peildatum``, else ``SOURCE_DATE_EPOCH``, else the clock."""
    from dossiergen.config import resolve_peildatum

    return resolve_peildatum(option)


def run(action: Callable[[], int]) -> None:
    """Run a command body; turn our errors into a Dutch message and an exit code.

    SIGTERM stops the command (and its worker processes) like Ctrl-C does.
    """
    from dossiergen.workers import stop_on_sigterm

    try:
        with stop_on_sigterm():
            code = action()
    except UsageError as e:
        click.echo(f"dossiergen: {e}", err=True)
        sys.exit(EXIT_USAGE)
    except DossierError as e:
        for problem in e.problems:
            click.echo(problem.as_text(), err=True)
        if not e.problems:
            click.echo(f"dossiergen: {e}", err=True)
        sys.exit(EXIT_FAILED)
    sys.exit(code)


def config_option() -> Path | None:
    """The ``--config`` given to ``dossiergen`` itself, if any."""
    context = click.get_current_context(silent=True)
    value = context.find_root().obj if context else None
    return value if isinstance(value, Path) else None


def current_practice() -> Practice | None:
    """The practice this command runs in: ``--config``, else the nearest ``dossiergen.toml``
    from the working folder upwards; ``None`` outside any practice."""
    from dossiergen.praktijk.config import find_config, load_practice

    explicit = config_option()
    if explicit is not None:
        if not explicit.is_file():
            raise UsageError(f"--config {explicit}: bestand bestaat niet")
        return load_practice(explicit)
    found = find_config(Path.cwd())
    return load_practice(found) if found else None


def practice_defaults(practice: Practice | None) -> tuple[tuple[Path, ...], Resources | None]:
    """The dossiers folder a command uses when given no paths, and the resources to use."""
    from dossiergen.commands.options import DEFAULT_DOSSIERS

    if practice is None:
        return DEFAULT_DOSSIERS, None
    return (practice.dossiers,), practice.resources()
