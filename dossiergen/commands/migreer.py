"""``dossiergen migreer``: upgrade version-1 dossiers to version 2 of the dossier format.

Every file is migrated in memory first (see ``dossiergen.migratie``); a file that passes every
check is written atomically, keeping its permissions, unless ``--dry-run`` asks for the unified
diff instead. A file already in version 2 is left alone, so a second run changes nothing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from dossiergen.checker import schemas_at
from dossiergen.commands.options import MigreerOptions
from dossiergen.config import FORMAT_VERSION, format_schemas_dir
from dossiergen.dossier.schemas import load_schemas
from dossiergen.errors import WriteError
from dossiergen.files import discover, display_path, dutch_os_error, write_atomic
from dossiergen.migratie import BestandsMigratie, Schemas, Uitkomst, migreer_bestand

__all__ = ["MigreerUitvoer", "run_migreer"]


@dataclass(frozen=True)
class MigreerUitvoer:
    """What the command prints: the diffs (``--dry-run``), the report, and whether every file
    was migrated or already current."""

    diff: str
    verslag: str
    ok: bool


def run_migreer(options: MigreerOptions) -> MigreerUitvoer:
    """Migrate every dossier file under ``options.paths``; collect every outcome."""
    files = discover(list(options.paths))
    schemas = Schemas(load_schemas(format_schemas_dir(1)), schemas_at(format_schemas_dir()))
    results = []
    for path in files:
        result = migreer_bestand(path, display_path(path), schemas, options.peildatum)
        if result.na is not None and not options.dry_run:
            result = _write(path, result, result.na)
        results.append(result)
    diff = "".join(_diff(r) for r in results) if options.dry_run else ""
    lines = [line for result in results for line in result.regels]
    lines.append(_summary(results, dry_run=options.dry_run))
    ok = all(r.uitkomst is not Uitkomst.GEWEIGERD for r in results)
    return MigreerUitvoer(diff, "\n".join(lines) + "\n", ok)


def _write(path: Path, result: BestandsMigratie, after: bytes) -> BestandsMigratie:
    """Write the migrated text over the file, unless the file changed since it was read."""
    target = path.resolve()  # a symbolic link stays a link to the migrated file
    try:
        if target.read_bytes() != result.voor:
            return _not_written(result, "het bestand is intussen gewijzigd; probeer het opnieuw")
        write_atomic(target, after, mode=target.stat().st_mode & 0o7777)
    except WriteError as e:
        return _not_written(result, str(e))
    except OSError as e:
        return _not_written(result, dutch_os_error(e))
    return result


def _not_written(result: BestandsMigratie, reason: str) -> BestandsMigratie:
    line = f"{result.display_path}: niet omgezet: {reason}"
    return BestandsMigratie(
        result.display_path, Uitkomst.GEWEIGERD, result.voor, None, (*result.regels, line)
    )


def _diff(result: BestandsMigratie) -> str:
    """The unified diff of one migrated file (``a/`` and ``b/`` as git writes them)."""
    if result.na is None:
        return ""
    before = result.voor.decode("utf-8").splitlines(keepends=True)
    after = result.na.decode("utf-8").splitlines(keepends=True)
    name = result.display_path
    lines = difflib.unified_diff(before, after, f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _summary(results: list[BestandsMigratie], *, dry_run: bool) -> str:
    def count(outcome: Uitkomst) -> int:
        return sum(1 for r in results if r.uitkomst is outcome)

    files = "1 dossier" if len(results) == 1 else f"{len(results)} dossiers"
    migrated = "om te zetten" if dry_run else "omgezet"
    text = (
        f"{files}: {count(Uitkomst.OMGEZET)} {migrated} naar versie {FORMAT_VERSION}, "
        f"{count(Uitkomst.ACTUEEL)} al in versie {FORMAT_VERSION}, "
        f"{count(Uitkomst.GEWEIGERD)} niet omgezet"
    )
    return text + (" (--dry-run: niets geschreven)" if dry_run else "")
