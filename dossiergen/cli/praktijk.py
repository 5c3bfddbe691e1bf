"""The practice commands on the command line: ``init``, ``nieuw``, ``huisstijl``, ``schemas``,
``migreer``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from dossiergen.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    current_practice,
    practice_defaults,
    run,
    today,
)


@click.command()
@click.argument(
    "folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."), metavar="[MAP]"
)
@click.option("--naam", required=True, help="Naam van het bureau, zoals in de kop van documenten.")
@click.option(
    "--logo",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Logo (PNG of JPEG) voor de kop van de huisstijl.",
)
def init(folder: Path, naam: str, logo: Path | None) -> None:
    """Maak een praktijkrepository: instellingen, huisstijl, mappen, .gitignore, pre-commit.

    MAP is de map van de praktijk (standaard: deze map). Bestaande bestanden blijven staan:
    init weigert als er al een van zijn bestanden is.
    """

    def action() -> int:
        from dossiergen.commands.praktijk import run_init

        click.echo(run_init(folder, naam, logo), nl=False)
        return EXIT_OK

    run(action)


def _date_answer(text: str) -> str:
    try:
        date.fromisoformat(text)
    except ValueError as e:
        raise click.BadParameter("schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-05") from e
    return text


def _bsn_answer(text: str) -> str:
    from dossiergen.rules.verzuim import elfproef

    if not (len(text) == 9 and text.isdigit() and elfproef(text)):
        raise click.BadParameter("een BSN heeft 9 cijfers en voldoet aan de elfproef")
    return text


def _ask(today_text: str) -> dict[tuple[str, ...], str]:
    from dossiergen.praktijk.nieuw import QUESTIONS

    checks = {"geboortedatum": _date_answer, "eerste_ziektedag": _date_answer, "bsn": _bsn_answer}
    answers = {}
    for path, question in QUESTIONS:
        default = today_text if path[-1] == "eerste_ziektedag" else None
        answers[path] = click.prompt(
            question, default=default, value_proc=checks.get(path[-1]), err=True
        ).strip()
    return answers


@click.command()
@click.argument("name", metavar="NAAM")
@click.option("--vragen", is_flag=True, help="Vraag de eerste gegevens op de terminal.")
@click.option("--peildatum", metavar="JJJJ-MM-DD", help="Datum van vandaag (standaard: vandaag).")
def nieuw(name: str, vragen: bool, peildatum: str | None) -> None:
    """Maak dossiers/NAAM.yaml met alles wat vanaf dag één verplicht is.

    Elk veld krijgt de uitleg uit het schema als commentaar; datums staan op vandaag.
    """

    def action() -> int:
        from dossiergen.commands.praktijk import NieuwOptions, run_nieuw

        day = today(peildatum)
        answers = _ask(day.isoformat()) if vragen else {}
        options = NieuwOptions(name=name, today=day, answers=answers)
        click.echo(run_nieuw(options, current_practice()), nl=False)
        return EXIT_OK

    run(action)


@click.command()
@click.argument(
    "path", type=click.Path(path_type=Path, dir_okay=False), required=False, metavar="[DOCX]"
)
@click.option("--maak", is_flag=True, help="Maak de huisstijl eerst uit dossiergen.toml.")
@click.option("--overschrijf", is_flag=True, help="Met --maak: vervang een bestaande huisstijl.")
def huisstijl(path: Path | None, maak: bool, overschrijf: bool) -> None:
    """Controleer een huisstijldocument en noem wat ontbreekt.

    DOCX is standaard de huisstijl van de praktijk (of de meegeleverde).
    """

    def action() -> int:
        from dossiergen.commands.praktijk import run_huisstijl

        report, usable = run_huisstijl(path, current_practice(), make=maak, overwrite=overschrijf)
        click.echo(report, nl=False)
        return EXIT_OK if usable else EXIT_FAILED

    run(action)


@click.command()
@click.option(
    "--map",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Doelmap (standaard: de schemamap van de praktijk).",
)
def schemas(folder: Path | None) -> None:
    """Zet de schema's neer voor de editor en check-jsonschema (ververst een oude kopie)."""

    def action() -> int:
        from dossiergen.commands.praktijk import run_schemas

        click.echo(run_schemas(folder, current_practice()), nl=False)
        return EXIT_OK

    run(action)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@click.option(
    "--dry-run", is_flag=True, help="Toon de wijzigingen als unified diff; schrijf niets."
)
@click.option(
    "--peildatum",
    metavar="JJJJ-MM-DD",
    help=(
        "Voor een dossier zonder zaak.rapportdatum: de dag waarop de lopende werkhervatting "
        "telt (standaard: SOURCE_DATE_EPOCH of vandaag)."
    ),
)
def migreer(paths: tuple[Path, ...], dry_run: bool, peildatum: str | None) -> None:
    """Zet dossiers van formaatversie 1 om naar versie 2.

    PAD is een dossierbestand of een map (standaard: dossiers/). Commentaar, volgorde en
    aanhalingstekens blijven staan; loonwaarden worden omgerekend naar productiviteit per
    gewerkt uur, of krijgen de opmerking MIGRATIE-CONTROLE als dat niet kan. Met --dry-run
    komt de diff op de standaarduitvoer en het verslag op de foutuitvoer.
    """

    def action() -> int:
        from dossiergen.commands.migreer import run_migreer
        from dossiergen.commands.options import MigreerOptions

        dossiers, _ = practice_defaults(current_practice())
        options = MigreerOptions(
            peildatum=today(peildatum), paths=paths or dossiers, dry_run=dry_run
        )
        result = run_migreer(options)
        click.echo(result.diff, nl=False)
        click.echo(result.verslag, nl=False, err=dry_run)
        return EXIT_OK if result.ok else EXIT_FAILED

    run(action)


PRACTICE_COMMANDS = (init, nieuw, huisstijl, schemas, migreer)
