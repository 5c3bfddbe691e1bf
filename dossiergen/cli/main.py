"""Command line: parse options, call one function, map ``DossierError`` to an exit code.

Exit codes: 0 ok, 1 invalid dossier or failed build, 2 usage error. Heavy modules are imported
inside the commands so ``dossiergen --help`` starts fast.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from dossiergen import __version__
from dossiergen.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    current_practice,
    practice_defaults,
    run,
    today,
)
from dossiergen.cli.nl import DutchGroup
from dossiergen.cli.praktijk import PRACTICE_COMMANDS
from dossiergen.errors import UsageError


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="dossiergen",
    message="%(prog)s %(version)s",
    help="Toon de versie en stop.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BESTAND",
    help="Instellingen van de praktijk (standaard: dossiergen.toml in deze map of erboven).",
)
@click.pass_context
def main(context: click.Context, config_file: Path | None) -> None:
    """Re-integratiedossiers (Wet verbetering Poortwachter) controleren en omzetten naar Word.

    Binnen een praktijk (een map met dossiergen.toml, of een map daaronder) gelden de mappen,
    de huisstijl en de eigen sjablonen uit dossiergen.toml.
    """
    context.obj = config_file


for _command in PRACTICE_COMMANDS:
    main.add_command(_command)


_paths = click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
_peildatum = click.option(
    "--peildatum",
    metavar="JJJJ-MM-DD",
    help="Datum waarop termijnen worden beoordeeld (standaard: SOURCE_DATE_EPOCH of vandaag).",
)


@main.command()
@_paths
@click.option("--strict", is_flag=True, help="Waarschuwingen tellen als fout.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tekst", "text", "json", "gitlab", "sarif"]),
    default="tekst",
    help=(
        "Uitvoer voor mensen (tekst, standaard), voor programma's (json), voor GitLab Code "
        "Quality (gitlab) of voor GitHub code scanning (sarif). BSN's en andere nummers zijn "
        "in json, gitlab en sarif gemaskeerd."
    ),
)
@_peildatum
def check(paths: tuple[Path, ...], strict: bool, output_format: str, peildatum: str | None) -> None:
    """Controleer dossiers en meld elk probleem.

    PAD is een dossierbestand of een map (standaard: dossiers/).
    """

    def action() -> int:
        from dossiergen.commands.check import run_check
        from dossiergen.commands.options import CheckOptions, OutputFormat

        dossiers, resources = practice_defaults(current_practice())
        options = CheckOptions(
            peildatum=today(peildatum),
            paths=paths or dossiers,
            strict=strict,
            output_format=OutputFormat("tekst" if output_format == "text" else output_format),
        )
        report, ok = run_check(options, resources=resources)
        click.echo(report, nl=False)
        return EXIT_OK if ok else EXIT_FAILED

    run(action)


class _ProgressBars:
    """One progress bar per phase of a build: the dossiers, then the PDFs."""

    def __init__(self) -> None:
        self.phase = ""
        self.bar: Any = None
        self.done = 0

    def __enter__(self) -> _ProgressBars:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def update(self, phase: str, done: int, total: int) -> None:
        """Move the bar of ``phase`` to ``done`` of ``total`` (a new phase, a new bar)."""
        if phase != self.phase:
            self.__exit__()
            label = {"dossiers": "Bouwen", "pdf": "PDF's maken"}.get(phase, phase)
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()
            self.phase, self.done = phase, 0
        self.bar.update(done - self.done)
        self.done = done


def _capped_jobs(jobs: int | None) -> int | None:
    """``--jobs``, at most the number of processors (more only wait for each other)."""
    from dossiergen.config import default_jobs

    available = default_jobs()
    if jobs is not None and jobs > available:
        click.echo(
            f"dossiergen: --jobs {jobs} is meer dan het aantal processoren ({available}); "
            f"er worden er {available} gebruikt",
            err=True,
        )
        return available
    return jobs


@main.command()
@_paths
@click.option(
    "--output-dir",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=(
        "Map voor de documenten: <map>/<dossierbestand>/<document>.docx (standaard: build, "
        "of de uitvoermap uit dossiergen.toml)."
    ),
)
@click.option(
    "--document",
    "-d",
    "documents",
    multiple=True,
    metavar="NAAM",
    help="Alleen dit document (herhaalbaar), bijvoorbeeld 'rapport'. Standaard: alle.",
)
@click.option("--pdf", is_flag=True, help="Maak ook een PDF (LibreOffice nodig).")
@click.option("--strict", is_flag=True, help="Waarschuwingen tellen als fout.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Aantal dossiers tegelijk (standaard: aantal processoren).",
)
@click.option("--opnieuw", "force", is_flag=True, help="Bouw alles, ook wat al actueel is.")
@click.option("--prune", is_flag=True, help="Verwijder documenten die geen dossier meer maakt.")
@click.option(
    "--zonder-colofon",
    "no_colofon",
    is_flag=True,
    help="Documenten zonder colofon (de kleine regels over dossierversie en bestemming).",
)
@click.option(
    "--zonder-paginanummers",
    "no_page_numbers",
    is_flag=True,
    help="Sneller: meet de paginanummers van de inhoudsopgave niet met LibreOffice.",
)
@click.option(
    "--shard",
    metavar="DEEL/AANTAL",
    default=None,
    help="Bouw alleen dit deel van de dossiers, bijvoorbeeld 2/4 (vaste verdeling op kenmerk; "
    "voor CI-jobs naast elkaar).",
)
@click.option("--quiet", "-q", is_flag=True, help="Geen voortgangsbalk.")
@_peildatum
def build(
    paths: tuple[Path, ...],
    output_dir: Path | None,
    documents: tuple[str, ...],
    pdf: bool,
    strict: bool,
    jobs: int | None,
    force: bool,
    prune: bool,
    no_colofon: bool,
    no_page_numbers: bool,
    shard: str | None,
    quiet: bool,
    peildatum: str | None,
) -> None:
    """Bouw de Word-documenten van dossiers.

    PAD is een dossierbestand of een map (standaard: dossiers/). Wat al actueel is, wordt
    overgeslagen.
    """

    def action() -> int:
        from dossiergen.commands.build import run_build
        from dossiergen.commands.options import BuildOptions

        practice = current_practice()
        dossiers, resources = practice_defaults(practice)
        default_output = practice.output if practice else Path("build")
        options = BuildOptions(
            peildatum=today(peildatum),
            paths=paths or dossiers,
            output_dir=output_dir or default_output,
            document_names=documents,
            pdf=pdf,
            strict=strict,
            jobs=_capped_jobs(jobs),
            force=force,
            prune=prune,
            colofon=not no_colofon,
            paginanummers=not no_page_numbers,
            shard=shard,
        )
        if quiet or not sys.stderr.isatty():
            report, ok = run_build(options, resources=resources)
        else:
            with _ProgressBars() as bars:
                report, ok = run_build(options, resources=resources, progress=bars.update)
        click.echo(report, nl=False)
        return EXIT_OK if ok else EXIT_FAILED

    run(action)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), metavar="PAD")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tekst", "text", "json"]),
    default="tekst",
    help="Tabel voor mensen (tekst, standaard) of één JSON-object.",
)
@_peildatum
def timeline(path: Path, output_format: str, peildatum: str | None) -> None:
    """Toon de Poortwachter-termijnen van een dossier (of van elk dossier in een map).

    Per mijlpaal: vanaf, uiterlijk, gedaan op, status en de regel met de bron.
    """

    def action() -> int:
        from dossiergen.commands.options import OutputFormat, TimelineOptions
        from dossiergen.commands.timeline import run_timelines

        options = TimelineOptions(
            peildatum=today(peildatum),
            path=path,
            output_format=OutputFormat.JSON if output_format == "json" else OutputFormat.TEKST,
        )
        _, resources = practice_defaults(current_practice())
        out, warnings, failed = run_timelines(options, resources=resources)
        for error in failed:
            for problem in error.problems:
                click.echo(problem.as_text(), err=True)
            if not error.problems:
                click.echo(f"dossiergen: {error}", err=True)
        if warnings:
            click.echo(warnings, nl=False, err=True)
        click.echo(out, nl=False)
        return EXIT_FAILED if failed else EXIT_OK

    run(action)


@main.command()
@_paths
@click.option("--van", metavar="JJJJ-MM-DD", help="Alleen termijnen vanaf deze datum.")
@click.option("--tot", metavar="JJJJ-MM-DD", help="Alleen termijnen tot en met deze datum.")
@click.option(
    "--ics",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Schrijf ook een agendabestand (iCalendar) om in Outlook te importeren.",
)
@_peildatum
def agenda(
    paths: tuple[Path, ...],
    van: str | None,
    tot: str | None,
    ics: Path | None,
    peildatum: str | None,
) -> None:
    """Openstaande termijnen van alle dossiers, eerstvolgende eerst."""

    def action() -> int:
        from dossiergen.commands.agenda import run_agenda
        from dossiergen.commands.options import AgendaOptions

        dossiers, resources = practice_defaults(current_practice())
        options = AgendaOptions(
            peildatum=today(peildatum),
            paths=paths or dossiers,
            van=_date_option(van, "--van"),
            tot=_date_option(tot, "--tot"),
            ics=ics,
        )
        out, problems, usable = run_agenda(options, resources=resources)
        if problems:
            click.echo(problems, nl=False, err=True)
        click.echo(out, nl=False)
        return EXIT_OK if usable else EXIT_FAILED

    run(action)


def _date_option(value: str | None, name: str) -> date | None:
    """A ``JJJJ-MM-DD`` option as a date; a usage error (exit code 2) when it is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise UsageError(f"{name} '{value}' is geen datum (JJJJ-MM-DD)") from e


@main.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."), metavar="[MAP]"
)
@click.option("--poort", type=click.IntRange(0, 65535), default=0, help="Poort (standaard: vrij).")
@click.option("--geen-browser", is_flag=True, help="Open de browser niet zelf.")
@_peildatum
def werkbank(folder: Path, poort: int, geen_browser: bool, peildatum: str | None) -> None:
    """Open de werkbank: alle dossiers, termijnen en documenten in de browser.

    MAP is de praktijk (standaard: deze map). Alleen bereikbaar op deze computer, via de link
    die verschijnt; stop met Ctrl+C.
    """

    def action() -> int:
        from dossiergen.werkbank.server import WerkbankOptions, run_werkbank

        options = WerkbankOptions(
            folder=folder,
            port=poort,
            open_browser=not geen_browser,
            peildatum=today(peildatum) if peildatum else None,
        )
        return run_werkbank(
            options, announce=lambda url: click.echo(f"Werkbank: {url}  (stop met Ctrl+C)")
        )

    run(action)
