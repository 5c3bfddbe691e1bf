"""Dutch help and usage messages for click (which only speaks English out of the box)."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import click

#: click's usage errors, in the words a consultant reads.
_USAGE_MESSAGES = (
    (
        r"No such option:? '?([^'\s]+?)'?\.? Did you mean '?([^'\s]+?)'?\?",
        "onbekende optie {0}; bedoelde u {1}?",
    ),
    (
        r"No such option:? '?([^'\s]+?)'?\.? \(Possible options: (.+)\)",
        "onbekende optie {0}; bedoelde u een van: {1}?",
    ),
    (r"No such option:? '?([^'\s]+?)'?\.?$", "onbekende optie {0}"),
    (r"No such command '(.+?)'\.", "onbekende opdracht '{0}'"),
    (r"Missing command\.", "opdracht ontbreekt"),
    (r"Missing argument '(.+?)'\.", "argument {0} ontbreekt"),
    (r"Missing option '(.+?)'\.", "optie {0} ontbreekt"),
    (r"Option '(.+?)' requires an argument\.", "optie {0} heeft een waarde nodig"),
    (r"Option '(.+?)' requires (\d+) arguments\.", "optie {0} heeft {1} waarden nodig"),
    (r"Option '(.+?)' does not take a value\.", "optie {0} heeft geen waarde"),
    (r"Got unexpected extra arguments? \((.+?)\)", "onverwachte extra argumenten: {0}"),
    (r"Invalid value for (.+?): (.+)", "ongeldige waarde voor {0}: {1}"),
    (r"Invalid value: (.+)", "ongeldige waarde: {0}"),
)

#: What click says about the value itself, after "Invalid value for ...:".
_VALUE_MESSAGES = (
    (r"'(.*)' is not one of (.+)\.", "'{0}'; kies uit {1}"),
    (r"'(.*)' is not a valid integer range\.", "'{0}' is geen geheel getal"),
    (r"'(.*)' is not a valid integer\.", "'{0}' is geen geheel getal"),
    (r"'(.*)' is not a valid float range\.", "'{0}' is geen getal"),
    (r"'(.*)' is not a valid float\.", "'{0}' is geen getal"),
    (r"'(.*)' is not a valid boolean\.", "'{0}' is geen ja of nee"),
    (r"'(.*)' is not a valid UUID\.", "'{0}' is geen UUID"),
    (r"(.*) is not in the range (.+)\.", "{0} ligt niet in het bereik {1}"),
    (r"'(.*)' does not match the formats? (.+)\.", "'{0}' heeft niet de vorm {1}"),
    (r"(?:File|Directory|Path) '(.*)' does not exist\.", "'{0}' bestaat niet"),
    (r"(?:File|Directory|Path) '(.*)' is a file\.", "'{0}' is een bestand, geen map"),
    (r"(?:File|Directory|Path) '(.*)' is a directory\.", "'{0}' is een map, geen bestand"),
    (r"(?:File|Directory|Path) '(.*)' is not readable\.", "'{0}' is niet leesbaar"),
    (r"(?:File|Directory|Path) '(.*)' is not writable\.", "'{0}' is niet schrijfbaar"),
    (r"(?:File|Directory|Path) '(.*)' is not executable\.", "'{0}' is niet uitvoerbaar"),
    (r"Could not open file '(.*)': (.+)", "kan bestand '{0}' niet openen: {1}"),
    (r"'(.*)' is not (.+)\.", "'{0}'; kies {1}"),
)

#: The operating system's words that click passes on.
_SYSTEM_WORDS = (
    ("No such file or directory", "bestaat niet"),
    ("Permission denied", "geen toestemming (rechten)"),
    ("Is a directory", "is een map"),
    ("Not a directory", "een deel van het pad is een bestand, geen map"),
    ("Read-only file system", "het bestandssysteem is alleen-lezen"),
    ("No space left on device", "de schijf is vol"),
)


def dutch_usage_message(message: str) -> str:
    """click's English usage message in Dutch (the original when no translation is known)."""
    for pattern, dutch in _USAGE_MESSAGES:
        match = re.search(pattern, message)
        if match:
            parts = [_option_names(part) for part in match.groups()]
            if pattern.startswith("Invalid value"):
                parts[-1] = _dutch_value_message(parts[-1])
            return dutch.format(*parts)
    return _dutch_value_message(message)


def _option_names(text: str) -> str:
    """``'--jobs' / '-j'`` as ``--jobs/-j``."""
    if text.startswith("'") and "' / '" in text:
        return "/".join(name.strip("'") for name in text.split(" / "))
    return text.strip("'") if re.fullmatch(r"'-{1,2}[\w-]+'", text) else text


def _dutch_value_message(detail: str) -> str:
    for pattern, dutch in _VALUE_MESSAGES:
        match = re.fullmatch(pattern, detail.strip(), flags=re.DOTALL)
        if match:
            detail = dutch.format(*match.groups())
            break
    for english, dutch in _SYSTEM_WORDS:
        detail = detail.replace(english, dutch)
    return detail


class _DutchHelp:
    """Mixed into click's Command and Group: Dutch section titles and help option."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option  # type: ignore[no-any-return]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Gebruik: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)  # type: ignore[attr-defined]
            if isinstance(param, click.Option)
            and (record := param.get_help_record(ctx)) is not None
        ]
        if records:
            with formatter.section("Opties"):
                formatter.write_dl(records)


class DutchCommand(_DutchHelp, click.Command):
    """A click command with Dutch help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class DutchGroup(_DutchHelp, click.Group):
    """A click group with Dutch help and Dutch usage errors (exit code 2)."""

    command_class = DutchCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=70)))
        if rows:
            with formatter.section("Opdrachten"):
                formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        """Like click's, but usage errors are printed in Dutch."""
        kwargs.pop("standalone_mode", None)
        try:
            return super().main(args, standalone_mode=False, **kwargs)
        except click.UsageError as e:
            hint = f"{e.ctx.command_path} -h" if e.ctx is not None else "dossiergen -h"
            click.echo(f"dossiergen: {dutch_usage_message(e.format_message())}", err=True)
            click.echo(f"Hulp: {hint}", err=True)
            sys.exit(2)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
