"""``dossiergen init``: a new practice repository, ready for git, the editor and pre-commit.

Everything is decided first and written only when none of the files exists yet: ``init``
never overwrites, and never leaves half a practice behind because one file was in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossiergen.errors import UsageError, WriteError
from dossiergen.files import write_atomic
from dossiergen.praktijk.config import (
    CONFIG_NAME,
    DEFAULT_COLOUR,
    DEFAULT_FONT,
    DEFAULT_HOUSE_STYLE,
    DEFAULT_PATHS,
)
from dossiergen.praktijk.editor import export_schemas, vscode_settings
from dossiergen.praktijk.huisstijl_maken import HouseStyleDesign, make_house_style

DEFAULT_TAGLINE = "Re-integratie en arbeidsdeskundig advies"

_CONFIG = """\
# Instellingen van de praktijk voor dossiergen {version}.
# Alle paden zijn ten opzichte van deze map; dossiergen vindt dit bestand ook vanuit elke
# map eronder. Een fout hierin meldt dossiergen met regel en kolom, net als in een dossier.

[bureau]
naam = {naam}               # staat in de kop van elk document
# adres = "Stationsplein 12"
# postcode = "3511 ED"
# plaats = "Utrecht"
# telefoon = "030 123 45 67"
# email = "info@voorbeeld.nl"
# website = "www.voorbeeld.nl"
# kenmerk_prefix = "DB"     # 'dossiergen nieuw' stelt er een kenmerk mee voor: DB-2026-001
{logo_regel}
kleur = "{kleur}"           # koppen, lijnen en tabelkoppen
# kleur_licht = "E8F0F1"    # kaders en om-en-om-rijen

[huisstijl]
document = "{document}"     # het Word-document onder elk document; mag u in Word bewerken
lettertype = "{lettertype}"
koptekst = "{koptekst}"
# voettekst = "..."         # standaard: adres, telefoon en e-mail van het bureau

[paden]
dossiers = "{dossiers}"
sjablonen = "{sjablonen}"   # eigen sjablonen: vervangen of breiden de meegeleverde uit
schemas = "{schemas}"       # voor de editor; 'dossiergen schemas' ververst ze
uitvoer = "{uitvoer}"       # staat in .gitignore: documenten bevatten BSN's
"""

_GITIGNORE = """\
# Documenten, PDF's en agenda's bevatten persoonsgegevens: die horen niet in git.
/{uitvoer}/
*.pdf
*.ics
# Tijdelijke bestanden van Word en LibreOffice
~$*
.~lock.*#
"""

_PRE_COMMIT = """\
# Controleert elk gewijzigd dossier bij elke commit, met de geïnstalleerde dossiergen
# ({version}). Eenmalig per clone: pre-commit install
repos:
  - repo: local
    hooks:
      - id: dossiergen-check
        name: dossiergen check
        entry: dossiergen check
        language: system
        files: ^{dossiers}/.*\\.ya?ml$
        pass_filenames: true
"""

_README = """\
# Dossiers van {naam}

Re-integratiedossiers volgens de Wet verbetering Poortwachter, bijgehouden met dossiergen.

| map of bestand | wat |
|---|---|
| `{dossiers}/` | één YAML-bestand per zaak; nieuw: `dossiergen nieuw achternaam` |
| `{document}` | de huisstijl: kop, voet en stijlen; controleren: `dossiergen huisstijl` |
| `{sjablonen}/` | eigen sjablonen die de meegeleverde vervangen of uitbreiden |
| `{schemas}/` | de schema's voor de editor (`dossiergen schemas` ververst ze) |
| `dossiergen.toml` | naam, adres, kleuren en mappen van het bureau |

Dagelijks werk, vanuit elke map in deze repository:

```sh
dossiergen check      # alle dossiers controleren
dossiergen build      # alle documenten naar {uitvoer}/ (niet in git: bevat BSN's)
dossiergen agenda     # openstaande Poortwachter-termijnen
```

Eenmalig na het clonen: `pre-commit install`, dan wordt elk dossier bij elke commit
gecontroleerd. Open de map in VS Code met de extensie YAML (redhat.vscode-yaml) voor
aanvullen, uitleg en foutmeldingen tijdens het typen.
"""


@dataclass(frozen=True)
class PracticeSetup:
    """What ``init`` needs to know; the rest are defaults the practice edits afterwards."""

    folder: Path
    bureau_naam: str
    version: str
    logo: bytes | None = None
    logo_suffix: str = ".png"  # of the logo file given to init


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def planned_files(setup: PracticeSetup) -> dict[Path, bytes]:
    """Every file ``init`` writes (schemas apart), with its content."""
    logo_file = f"huisstijl/logo{setup.logo_suffix.lower()}"
    logo_line = f'logo = "{logo_file}"' if setup.logo else f'# logo = "{logo_file}"'
    values = {
        **DEFAULT_PATHS,
        "logo_regel": logo_line + "  # PNG of JPEG; na een nieuw logo: dossiergen huisstijl --maak",
        "naam": _toml_string(setup.bureau_naam),
        "kleur": DEFAULT_COLOUR,
        "document": DEFAULT_HOUSE_STYLE,
        "lettertype": DEFAULT_FONT,
        "koptekst": DEFAULT_TAGLINE,
        "version": setup.version,
    }
    design = HouseStyleDesign(setup.bureau_naam, koptekst=DEFAULT_TAGLINE, logo=setup.logo)
    folder = setup.folder
    readme_values = {**values, "naam": setup.bureau_naam}
    files = {
        folder / CONFIG_NAME: _CONFIG.format(**values).encode(),
        folder / ".gitignore": _GITIGNORE.format(**values).encode(),
        folder / ".pre-commit-config.yaml": _PRE_COMMIT.format(**values).encode(),
        folder / ".vscode" / "settings.json": vscode_settings(
            DEFAULT_PATHS["schemas"], DEFAULT_PATHS["dossiers"]
        ).encode(),
        folder / "README.md": _README.format(**readme_values).encode(),
        folder / DEFAULT_HOUSE_STYLE: make_house_style(design),
        folder / DEFAULT_PATHS["dossiers"] / ".gitkeep": b"",
        folder / DEFAULT_PATHS["sjablonen"] / ".gitkeep": b"",
    }
    if setup.logo:
        files[folder / logo_file] = setup.logo
    return files


def init_practice(setup: PracticeSetup) -> list[Path]:
    """Create the practice in ``setup.folder``; return every file written.

    Raises ``UsageError`` naming every file that already exists (nothing is written then).
    """
    if not setup.bureau_naam.strip():
        raise UsageError("--naam is leeg: geef de naam van het bureau")
    files = planned_files(setup)
    schemas = setup.folder / DEFAULT_PATHS["schemas"]
    existing = [path for path in files if path.exists()]
    if schemas.exists() and any(schemas.iterdir()):
        existing.append(schemas)
    if existing:
        shown = ", ".join(str(p) for p in existing)
        raise UsageError(f"bestaat al, init overschrijft niets: {shown}")
    for path, content in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise WriteError(f"kan map {path.parent} niet maken: {e.strerror}") from e
        write_atomic(path, content)
    return [*files, *export_schemas(schemas, setup.version)]
