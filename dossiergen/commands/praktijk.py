"""The practice commands: ``init``, ``nieuw``, ``huisstijl`` and ``schemas``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dossiergen import __version__
from dossiergen.checker import check_file, schemas_at
from dossiergen.config import default_resources
from dossiergen.errors import InvalidDossierError, UsageError, WriteError
from dossiergen.files import display_path, write_atomic
from dossiergen.praktijk.config import DEFAULT_PATHS, Practice
from dossiergen.praktijk.editor import (
    VERSION_FOLDER,
    export_schemas,
    modeline,
    upgrade_vscode_settings,
)
from dossiergen.praktijk.huisstijl_controle import check_house_style
from dossiergen.praktijk.huisstijl_maken import HouseStyleDesign, make_house_style
from dossiergen.praktijk.init import PracticeSetup, init_practice
from dossiergen.praktijk.nieuw import NAME, NewDossier, new_dossier_text, surname_from
from dossiergen.problems import has_errors


def _logo_bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as e:
        raise UsageError(f"logo {path} is niet leesbaar: {e.strerror}") from e


def run_init(folder: Path, bureau_naam: str, logo: Path | None) -> str:
    """Make a practice repository in ``folder``; return what was made."""
    suffix = logo.suffix if logo else ".png"
    setup = PracticeSetup(folder, bureau_naam, __version__, _logo_bytes(logo), suffix)
    written = init_practice(setup)
    lines = [f"  {display_path(path)}" for path in written]
    return (
        f"Praktijk '{bureau_naam}' gemaakt in {display_path(folder)}:\n"
        + "\n".join(lines)
        + "\nVerder: pas dossiergen.toml aan, maak een dossier met 'dossiergen nieuw NAAM' "
        "en zet de controle bij elke commit aan met 'pre-commit install'.\n"
    )


@dataclass(frozen=True)
class NieuwOptions:
    """``dossiergen nieuw``."""

    name: str
    today: date
    answers: dict[tuple[str, ...], str]


def run_nieuw(options: NieuwOptions, practice: Practice | None) -> str:
    """Write ``dossiers/NAAM.yaml`` (checked before it is written); return what was made."""
    if not NAME.match(options.name):
        raise UsageError(
            f"'{options.name}' is geen geschikte bestandsnaam: gebruik kleine letters, cijfers "
            "en -, bijvoorbeeld 'de-vries' of 'jansen-2026'"
        )
    dossiers = practice.dossiers if practice else Path(DEFAULT_PATHS["dossiers"])
    schemas_dir = practice.schemas if practice else Path(DEFAULT_PATHS["schemas"])
    target = dossiers / f"{options.name}.yaml"
    if target.exists():
        raise UsageError(f"{display_path(target)} bestaat al; nieuw overschrijft niets")
    resources = default_resources()
    new = NewDossier(
        today=options.today,
        modeline=modeline(dossiers, schemas_dir),
        werknemer=surname_from(options.name),
        kenmerk_prefix=practice.bureau.kenmerk_prefix if practice else "",
        answers=options.answers,
    )
    text = new_dossier_text(schemas_at(resources.schemas_dir), new)
    try:
        dossiers.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(f"kan map {dossiers} niet maken: {e.strerror}") from e
    scratch = dossiers / f".{options.name}.nieuw.yaml"
    write_atomic(scratch, text.encode("utf-8"))
    try:
        result = check_file(scratch, schemas_at(resources.schemas_dir), options.today)
    finally:
        scratch.unlink(missing_ok=True)
    if has_errors(list(result.problems)):
        problems = tuple(replace(p, path=display_path(target)) for p in result.problems)
        raise InvalidDossierError(f"{display_path(target)}: niet gemaakt", problems)
    write_atomic(target, text.encode("utf-8"))
    return (
        f"{display_path(target)} gemaakt; vul de velden met INVULLEN in en vervang het "
        "fictieve BSN. Controleren: dossiergen check\n"
    )


def design_for(practice: Practice) -> HouseStyleDesign:
    """The house style a practice's settings describe."""
    bureau = practice.bureau
    return HouseStyleDesign(
        bureau_naam=bureau.naam,
        kleur=bureau.kleur,
        kleur_licht=bureau.kleur_licht,
        lettertype=practice.font,
        koptekst=practice.header_text,
        voettekst=practice.footer_text,
        logo=_logo_bytes(bureau.logo),
    )


def run_huisstijl(
    path: Path | None, practice: Practice | None, *, make: bool, overwrite: bool
) -> tuple[str, bool]:
    """Check (and with ``make`` first make) a house style; return the report and whether the
    house style can be used."""
    made = ""
    if make:
        if practice is None:
            raise UsageError("--maak werkt binnen een praktijk (een map met dossiergen.toml)")
        target = path or practice.house_style
        if target.exists() and not overwrite:
            raise UsageError(
                f"{display_path(target)} bestaat al; --overschrijf vervangt het "
                "(wijzigingen die in Word zijn gemaakt gaan dan verloren)"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, make_house_style(design_for(practice)))
        made = f"{display_path(target)}: gemaakt uit {display_path(practice.config_file)}"
    target = path or (practice.house_style if practice else default_resources().house_style)
    findings = check_house_style(target)
    lines = [f"{display_path(target)}: {f.as_text()}" for f in findings]
    if made:
        lines.insert(0, made)
    if not findings:
        lines.append(f"{display_path(target)}: in orde")
    usable = not any(f.blocking for f in findings)
    return "\n".join(lines) + "\n", usable


def run_schemas(target: Path | None, practice: Practice | None) -> str:
    """Export the schemas for the editor into the practice; return what was written."""
    folder = target or (practice.schemas if practice else Path(DEFAULT_PATHS["schemas"]))
    written = export_schemas(folder, __version__)
    report = f"{len(written)} schema's geschreven naar {display_path(folder)}\n"
    settings = practice.root / ".vscode" / "settings.json" if practice else None
    if settings is not None and upgrade_vscode_settings(settings):
        report += (
            f"{display_path(settings)}: de editor controleert dossiers nu met {VERSION_FOLDER}\n"
        )
    return report
