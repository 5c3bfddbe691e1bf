"""A practice repository's configuration: ``dossiergen.toml``, found from any subfolder.

The practice root is the nearest folder, from the working folder upwards, that holds
``dossiergen.toml`` (``--config`` names the file directly). The file is validated against
``praktijk.schema.json`` with the same Dutch, located messages as a dossier; every relative
path in it is relative to the root, so ``dossiergen build`` means the same in ``dossiers/``
as in the root.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dossiergen.config import Resources, default_resources
from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import problem_at
from dossiergen.dossier.schemas import SchemaSet, load_schemas
from dossiergen.dossier.validate import validate_schema
from dossiergen.errors import InvalidDossierError, LoadError
from dossiergen.files import display_path
from dossiergen.praktijk.toml_positions import parse_config
from dossiergen.problems import Problem, Severity

CONFIG_NAME = "dossiergen.toml"
SCHEMA_NAME = "praktijk.schema.json"
#: A configuration is a few hundred bytes; more is a mistake.
MAX_CONFIG_BYTES = 100_000

#: Default folders of a practice, relative to its root.
DEFAULT_PATHS = {
    "dossiers": "dossiers",
    "sjablonen": "templates",
    "schemas": "schemas",
    "uitvoer": "build",
}
DEFAULT_HOUSE_STYLE = "huisstijl/huisstijl.docx"
DEFAULT_COLOUR = "1F5C63"
DEFAULT_COLOUR_LIGHT = "E8F0F1"
DEFAULT_FONT = "Calibri"


@dataclass(frozen=True)
class Bureau:
    """Who sends the documents: shown in every header, and in the house style made for it."""

    naam: str
    adres: str = ""
    postcode: str = ""
    plaats: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""
    kenmerk_prefix: str = ""
    logo: Path | None = None
    kleur: str = DEFAULT_COLOUR
    kleur_licht: str = DEFAULT_COLOUR_LIGHT

    def contact_line(self) -> str:
        """Address, phone and e-mail on one line (the footer's second line by default)."""
        place = " ".join(p for p in (self.postcode, self.plaats) if p)
        parts = [self.adres, place, self.telefoon, self.email, self.website]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class Practice:
    """A practice repository: its root, bureau, house style and folders (absolute paths)."""

    root: Path
    config_file: Path
    bureau: Bureau
    house_style: Path
    font: str
    header_text: str
    footer_text: str
    dossiers: Path
    templates: Path
    schemas: Path
    output: Path

    def resources(self) -> Resources:
        """The packaged schemas and templates, with this practice's overrides, house style
        and bureau name."""
        packaged = default_resources()
        overrides = self.templates if self.templates.is_dir() else None
        return Resources(
            packaged.schemas_dir,
            packaged.templates_dir,
            overrides_dir=overrides,
            house_style_file=self.house_style,
            bureau_naam=self.bureau.naam,
        )


def find_config(start: Path) -> Path | None:
    """The nearest ``dossiergen.toml`` in ``start`` or a folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


@cache
def _config_schemas() -> SchemaSet:
    return load_schemas(Path(__file__).resolve().parent, root=SCHEMA_NAME)


def load_practice(config_file: Path) -> Practice:
    """Read and validate ``config_file``; raise ``InvalidDossierError`` with every problem."""
    shown = display_path(config_file)
    try:
        with config_file.open("rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as e:
        problem = Problem(shown, 1, 1, Severity.FOUT, f"niet leesbaar: {e.strerror or e}")
        raise LoadError(f"{shown}: niet leesbaar", (problem,)) from e
    if len(raw) > MAX_CONFIG_BYTES:
        problem = Problem(shown, 1, 1, Severity.FOUT, "bestand is te groot voor instellingen")
        raise LoadError(f"{shown}: te groot", (problem,))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        problem = Problem(shown, 1, 1, Severity.FOUT, "geen UTF-8-tekst; sla op als UTF-8")
        raise LoadError(f"{shown}: geen UTF-8", (problem,)) from e
    data = parse_config(text, shown)
    document = LoadedDossier(config_file, shown, data, raw)
    problems = validate_schema(document, _config_schemas())
    root = config_file.resolve().parent
    if not problems:
        problems = _missing_files(data, root, shown)
    if problems:
        raise InvalidDossierError(f"{shown}: instellingen afgekeurd", tuple(problems))
    return _practice(data, root, config_file.resolve())


def _missing_files(data: Any, root: Path, shown: str) -> list[Problem]:
    """A configured logo or house style that does not exist, at the line that names it."""
    problems = []
    for section, key, what in (("bureau", "logo", "logo"), ("huisstijl", "document", "bestand")):
        value = data.get(section, {}).get(key)
        if isinstance(value, str) and not (root / value).is_file():
            message = f"{what} '{value}' bestaat niet (gezocht in {display_path(root)})"
            problems.append(problem_at(shown, data, Severity.FOUT, [section, key], message))
    return problems


def _practice(data: Mapping[str, Any], root: Path, config_file: Path) -> Practice:
    bureau_data = dict(data["bureau"])
    logo = bureau_data.pop("logo", None)
    bureau = Bureau(**bureau_data, logo=root / logo if logo else None)
    bureau = _normalised_colours(bureau)
    style = data.get("huisstijl", {})
    paths = {**DEFAULT_PATHS, **data.get("paden", {})}
    return Practice(
        root=root,
        config_file=config_file,
        bureau=bureau,
        house_style=root / style.get("document", DEFAULT_HOUSE_STYLE),
        font=style.get("lettertype", DEFAULT_FONT),
        header_text=style.get("koptekst", ""),
        footer_text=style.get("voettekst", bureau.contact_line()),
        dossiers=root / paths["dossiers"],
        templates=root / paths["sjablonen"],
        schemas=root / paths["schemas"],
        output=root / paths["uitvoer"],
    )


def _normalised_colours(bureau: Bureau) -> Bureau:
    from dataclasses import replace

    return replace(
        bureau,
        kleur=bureau.kleur.lstrip("#").upper(),
        kleur_licht=bureau.kleur_licht.lstrip("#").upper(),
    )
