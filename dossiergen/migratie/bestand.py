"""One dossier file from version 1 to version 2: read, check, edit, check again.

Nothing is written here: the result holds the old and the new bytes, and the caller writes
(or, for ``--dry-run``, shows the difference). A file is refused, with the reasons, when it is
not a valid version-1 dossier, when the round-trip writer cannot edit it without reformatting
it, or when the edited text is not a valid version-2 dossier holding exactly the old values
with the converted ones changed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from dossiergen.dossier.load import LoadedDossier, load_dossier, parse_dossier_bytes
from dossiergen.dossier.locations import json_path, position
from dossiergen.dossier.roundtrip import RoundTripError, YamlDocument
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.dossier.validate import validate_schema
from dossiergen.dossier.versie import version_of
from dossiergen.errors import LoadError
from dossiergen.migratie.versie2 import VERSION, Melding, naar_versie_2

__all__ = ["BestandsMigratie", "Uitkomst", "migreer_bestand"]

_MODELINE_TARGET = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.M)


class Uitkomst(StrEnum):
    """What became of one file."""

    OMGEZET = "omgezet"
    ACTUEEL = "al versie 2"
    GEWEIGERD = "niet omgezet"


@dataclass(frozen=True)
class BestandsMigratie:
    """The outcome for one file: its old bytes, its new ones (when migrated) and the report's
    lines (``path:line:col: soort: tekst``)."""

    display_path: str
    uitkomst: Uitkomst
    voor: bytes = b""
    na: bytes | None = None
    regels: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Schemas:
    """The schemas the input (version 1) and the output (version 2) are checked against."""

    oud: SchemaSet
    nieuw: SchemaSet


def migreer_bestand(path: Path, shown: str, schemas: Schemas, peildatum: date) -> BestandsMigratie:
    """Migrate the file at ``path`` (``shown`` in messages) in memory."""
    try:
        dossier = load_dossier(path, shown)
    except LoadError as e:
        return _refused(
            shown, b"", [p.as_text() for p in e.problems], "het bestand is niet leesbaar"
        )
    raw = dossier.source
    version = version_of(dossier.data)
    if version == VERSION:
        return BestandsMigratie(shown, Uitkomst.ACTUEEL, raw)
    if version != 1:
        stated = dossier.data.get("schema_version") if isinstance(dossier.data, dict) else None
        found = "ontbreekt" if stated is None else f"is {stated!r}"
        reason = f"schema_version {found}; omzetten kan alleen van versie 1 naar {VERSION}"
        return _refused(shown, raw, [], reason)
    problems = validate_schema(dossier, schemas.oud)
    if problems:
        lines = [p.as_text() for p in problems]
        return _refused(
            shown, raw, lines, "het is geen geldig dossier van versie 1; herstel eerst deze fouten"
        )
    try:
        document = YamlDocument.parse(raw, shown)
    except RoundTripError as e:
        reason = str(e).removeprefix(f"{shown}: ").split("; ")[0]
        advice = "zet het met de hand om, of spring in met 2 spaties en probeer het opnieuw"
        return _refused(shown, raw, [], f"{reason}; {advice}")
    try:
        omzetting = naar_versie_2(document, dossier.data, peildatum)
        after = document.dump()
    except (KeyError, IndexError, TypeError, ValueError) as e:  # the last net: never a traceback
        reason = (
            f"onverwachte fout bij het omzetten ({type(e).__name__}: {e}); meld dit met het "
            "dossier erbij"
        )
        return _refused(shown, raw, [], reason)
    refusal = _check_result(after, shown, schemas.nieuw, omzetting.verwacht)
    if refusal:
        return _refused(
            shown, raw, refusal, "het omgezette dossier klopt niet; er is niets geschreven"
        )
    lines = _modeline_note(after, path, shown)
    lines += [
        _located(dossier, melding) for melding in _in_file_order(dossier, omzetting.meldingen)
    ]
    return BestandsMigratie(shown, Uitkomst.OMGEZET, raw, after, tuple(lines))


def _check_result(after: bytes, shown: str, schemas: SchemaSet, expected: object) -> list[str]:
    """Why the migrated text is not what it must be; empty when it is."""
    try:
        data = parse_dossier_bytes(after, shown)
    except LoadError as e:
        return [p.as_text() for p in e.problems]
    problems = validate_schema(LoadedDossier(Path(shown), shown, data, after), schemas)
    if problems:
        return [p.as_text() for p in problems]
    if data != expected:
        return [f"{shown}: het omgezette bestand bevat andere waarden dan bedoeld"]
    return []


def _refused(shown: str, raw: bytes, lines: list[str], reason: str) -> BestandsMigratie:
    return BestandsMigratie(
        shown, Uitkomst.GEWEIGERD, raw, None, (*lines, f"{shown}: niet omgezet: {reason}")
    )


def _in_file_order(dossier: LoadedDossier, meldingen: list[Melding]) -> list[Melding]:
    return sorted(meldingen, key=lambda melding: position(dossier.data, list(melding.path)))


def _located(dossier: LoadedDossier, melding: Melding) -> str:
    line, column = position(dossier.data, list(melding.path))
    where = json_path(melding.path)
    return f"{dossier.display_path}:{line}:{column}: {melding.soort}: {melding.tekst} [{where}]"


def _modeline_note(after: bytes, path: Path, shown: str) -> list[str]:
    """A note when the migrated modeline points at a schema file that is not there (a practice
    whose exported schemas predate version 2)."""
    text = after.decode("utf-8", "replace")
    found = _MODELINE_TARGET.search(text)
    if found is None or "://" in found[1]:
        return []
    if Path(os.path.normpath(path.parent / found[1])).is_file():
        return []
    line = text.count("\n", 0, found.start()) + 1
    return [
        f"{shown}:{line}:1: let op: de editor vindt het schema {found[1]} niet; zet de "
        "schema's neer met 'dossiergen schemas'"
    ]
