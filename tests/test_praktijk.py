"""A practice repository: init, nieuw, the configuration, the house style and overrides."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, ROOT
from docx_helpers import header_parts

from dossiergen.cli import main
from dossiergen.docx.housestyle import HouseStyle
from dossiergen.praktijk.huisstijl_controle import check_house_style
from dossiergen.praktijk.huisstijl_maken import HouseStyleDesign, make_house_style

PEILDATUM = "2026-11-25"
NAME = "Arbeidsdeskundig Bureau Noord"
LETTER = "brief-ziekmelding-42e-week"
LETTER_DOSSIER = ROOT / "dossiers" / "el-amrani-jobcarving.yaml"


def invoke(*args: str) -> Result:
    """One command, as a fresh process would run it: without what an earlier one cached."""
    from dossiergen.builder.manifest import build_keys, template_digest
    from dossiergen.engine import engine_for

    for cached in (template_digest, build_keys, engine_for):
        cached.cache_clear()
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh practice made by ``dossiergen init``, as the working folder."""
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "--naam", "Bureau De Brug")
    assert result.exit_code == 0, result.output
    yield tmp_path


# --- init ---------------------------------------------------------------------------------------


def test_init_makes_a_practice(practice: Path) -> None:
    for name in (
        "dossiergen.toml",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        "README.md",
        "huisstijl/huisstijl.docx",
        "schemas/v2/dossier.schema.json",
    ):
        assert (practice / name).is_file(), name
    assert (practice / "dossiers").is_dir() and (practice / "templates").is_dir()
    ignored = (practice / ".gitignore").read_text().splitlines()
    assert {"/build/", "*.pdf", "*.ics"} <= set(ignored)
    settings = json.loads((practice / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"] == {"./schemas/v2/dossier.schema.json": "dossiers/**/*.yaml"}
    assert "repo: local" in (practice / ".pre-commit-config.yaml").read_text()


def test_init_overwrites_nothing(practice: Path) -> None:
    config = practice / "dossiergen.toml"
    config.write_text('[bureau]\nnaam = "Eigen"\n', encoding="utf-8")
    (practice / "README.md").unlink()
    result = invoke("init", "--naam", "Ander bureau")
    assert result.exit_code == 2
    assert "bestaat al" in result.output and "dossiergen.toml" in result.output
    assert config.read_text(encoding="utf-8") == '[bureau]\nnaam = "Eigen"\n'
    assert not (practice / "README.md").exists()  # all or nothing


# --- nieuw --------------------------------------------------------------------------------------


def test_nieuw_makes_a_dossier_that_passes_check(practice: Path) -> None:
    result = invoke("nieuw", "de-vries", "--peildatum", PEILDATUM)
    assert result.exit_code == 0, result.output
    text = (practice / "dossiers" / "de-vries.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/v2/dossier.schema.json"
    assert (practice / "dossiers" / first.split("=", 1)[1]).resolve().is_file()
    assert "schema_version: 2" in text
    assert "eerste_ziektedag: 2026-11-25" in text
    assert 'naam: "De Vries"' in text
    assert "# Eerste ziektedag: De eerste dag van ongeschiktheid" in text
    checked = invoke("check", "--peildatum", PEILDATUM)
    assert checked.exit_code == 0, checked.output
    assert "0 fouten" in checked.output


def test_nieuw_refuses_an_existing_file_and_a_bad_name(practice: Path) -> None:
    assert invoke("nieuw", "jansen", "--peildatum", PEILDATUM).exit_code == 0
    again = invoke("nieuw", "jansen", "--peildatum", PEILDATUM)
    assert again.exit_code == 2 and "bestaat al" in again.output
    bad = invoke("nieuw", "../jansen", "--peildatum", PEILDATUM)
    assert bad.exit_code == 2 and "geen geschikte bestandsnaam" in bad.output


def test_nieuw_asks_the_first_fields(practice: Path) -> None:
    answers = "\n".join(
        ["Jansen", "P.", "1978-04-12", "12345678", "999990019", "Voorbeeld B.V.", ""]
    )
    result = CliRunner().invoke(
        main, ["nieuw", "jansen", "--vragen", "--peildatum", PEILDATUM], input=answers + "\n"
    )
    assert result.exit_code == 0, result.output
    assert "elfproef" in result.output  # the first BSN was refused and asked again
    text = (practice / "dossiers" / "jansen.yaml").read_text(encoding="utf-8")
    assert 'voorletters: "P."' in text and "geboortedatum: 1978-04-12" in text
    assert 'bsn: "999990019"' in text and 'naam: "Voorbeeld B.V."' in text


# --- configuration ------------------------------------------------------------------------------


def test_commands_find_the_practice_from_a_subfolder(
    practice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(LETTER_DOSSIER, practice / "dossiers")
    monkeypatch.chdir(practice / "dossiers")
    result = invoke("build", "--peildatum", PEILDATUM, "--document", LETTER)
    assert result.exit_code == 0, result.output
    assert (practice / "build" / LETTER_DOSSIER.stem / f"{LETTER}.docx").is_file()
    assert not (practice / "dossiers" / "build").exists()


def test_config_errors_are_located_and_dutch(practice: Path) -> None:
    (practice / "dossiergen.toml").write_text(
        '[bureau]\nnaam = "X"\nkleur = "groen"\ntelefon = "030"\n\n[paden]\nuitvoer = 3\n',
        encoding="utf-8",
    )
    result = invoke("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        "dossiergen.toml:3:9: fout: Huiskleur (kleur): 'groen' heeft niet de juiste vorm "
        "(zes hexadecimale tekens, bijvoorbeeld 1F5C63) [$.bureau.kleur]",
        "dossiergen.toml:4:1: fout: onbekende sleutel 'telefon'; bedoelde u 'telefoon'? "
        "[$.bureau.telefon]",
        "dossiergen.toml:7:11: fout: Uitvoer moet tekst zijn, niet een geheel getal; zet de "
        'waarde tussen aanhalingstekens ("...") zodat voorloopnullen blijven [$.paden.uitvoer]',
    ]


def test_broken_toml_and_missing_files_are_located(practice: Path) -> None:
    config = practice / "dossiergen.toml"
    config.write_text("[bureau]\nnaam = Noord\n", encoding="utf-8")
    broken = invoke("check")
    assert broken.exit_code == 1
    assert broken.output.startswith("dossiergen.toml:2:8: fout: geen geldige TOML: ongeldige")
    config.write_text('[bureau]\nnaam = "Noord"\nlogo = "logo.png"\n', encoding="utf-8")
    missing = invoke("check")
    assert missing.output.startswith("dossiergen.toml:3:8: fout: logo 'logo.png' bestaat niet")


def test_config_option_overrides_the_search(
    practice: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    monkeypatch.chdir(elsewhere)
    assert invoke("check").exit_code == 2  # no dossiers/ here, no practice found
    result = invoke("--config", str(practice / "dossiergen.toml"), "check")
    assert result.exit_code == 0, result.output
    assert "0 dossiers gecontroleerd" in result.output
    assert invoke("--config", "bestaat-niet.toml", "check").exit_code == 2


# --- house style --------------------------------------------------------------------------------


def test_every_header_shows_the_bureau_from_the_configuration(practice: Path) -> None:
    config = practice / "dossiergen.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('"Bureau De Brug"', f'"{NAME}"'),
        encoding="utf-8",
    )
    for example in EXAMPLES:
        shutil.copy(example, practice / "dossiers")
    result = invoke("build", "--peildatum", PEILDATUM)
    assert result.exit_code == 0, result.output
    built = sorted((practice / "build").rglob("*.docx"))
    assert len(built) > 10
    for document in built:
        parts = header_parts(document)
        assert parts and all(NAME in part for part in parts), document
        assert not any("dossiergen" in part.lower() for part in parts), document


def test_a_made_house_style_passes_the_check_and_names_what_is_missing(tmp_path: Path) -> None:
    plain = tmp_path / "zonder-logo.docx"
    plain.write_bytes(make_house_style(HouseStyleDesign("Bureau")))
    assert [f.message for f in check_house_style(plain)] == [
        "de kop heeft geen logo (een afbeelding)"
    ]
    logo = (ROOT / "templates" / "huisstijl.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(logo)) as archive:
        png = next(archive.read(n) for n in archive.namelist() if n.endswith(".png"))
    with_logo = tmp_path / "met-logo.docx"
    with_logo.write_bytes(make_house_style(HouseStyleDesign("Bureau", logo=png)))
    assert check_house_style(with_logo) == []
    # A house style edited in Word without the name field and without a style the writer needs
    document = docx.Document(str(with_logo))
    for field in document.sections[0].header._element.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fldSimple"
    ):
        field.getparent().remove(field)
    document.styles["Kader"].delete()
    edited = tmp_path / "bewerkt.docx"
    document.save(str(edited))
    findings = check_house_style(edited)
    assert [f.blocking for f in findings] == [True, False]
    assert findings[0].message == "tabelstijl 'Kader' ontbreekt"
    assert "DocProperty Company" in findings[1].message


def test_a_dutch_word_house_style_is_read_by_style_names(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(make_house_style(HouseStyleDesign("Bureau"))))
    document.styles["Heading 1"].style_id = "Kop1"  # what a Dutch Word writes
    for style in document.styles:
        based = style.element.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}basedOn"
        )
        if based is not None and based.get(f"{{{based.nsmap['w']}}}val") == "Heading1":
            based.set(f"{{{based.nsmap['w']}}}val", "Kop1")
    path = tmp_path / "nl.docx"
    document.save(str(path))
    assert HouseStyle.load(path).style_id("Heading 1") == "Kop1"


def test_init_with_a_logo_records_it_and_uses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with zipfile.ZipFile(ROOT / "templates" / "huisstijl.docx") as archive:
        png = next(archive.read(n) for n in archive.namelist() if n.endswith(".png"))
    (tmp_path / "Logo.PNG").write_bytes(png)
    assert invoke("init", "--naam", NAME, "--logo", "Logo.PNG").exit_code == 0
    assert (tmp_path / "huisstijl" / "logo.png").read_bytes() == png
    assert 'logo = "huisstijl/logo.png"' in (tmp_path / "dossiergen.toml").read_text()
    checked = invoke("huisstijl")
    assert checked.exit_code == 0 and checked.output.endswith(": in orde\n"), checked.output
    remade = invoke("huisstijl", "--maak", "--overschrijf")
    assert remade.exit_code == 0 and "in orde" in remade.output, remade.output
    assert invoke("init", "--naam", " ", "nog-een").exit_code == 2


def test_huisstijl_command(practice: Path) -> None:
    checked = invoke("huisstijl")
    assert checked.exit_code == 0, checked.output
    assert "geen logo" in checked.output
    refused = invoke("huisstijl", "--maak")
    assert refused.exit_code == 2 and "--overschrijf" in refused.output
    made = invoke("huisstijl", "--maak", "--overschrijf")
    assert made.exit_code == 0 and "gemaakt uit dossiergen.toml" in made.output
    broken = practice / "kapot.docx"
    broken.write_bytes(b"geen zip")
    result = invoke("huisstijl", str(broken))
    assert result.exit_code == 1 and "fout: " in result.output


# --- templates ----------------------------------------------------------------------------------

OVERRIDE = """\
{% extends "dossiergen/brief-ziekmelding-42e-week.md.j2" %}
{% block slot %}Wij horen graag van u. Bel {{ cp.naam }} als u iets mist.{% endblock %}
"""


def _letter_text(practice: Path) -> str:
    from docx_helpers import docx_text

    built = practice / "build" / LETTER_DOSSIER.stem / f"{LETTER}.docx"
    return docx_text(built.read_bytes())


def test_an_override_extends_a_builtin_and_rebuilds_when_edited(practice: Path) -> None:
    shutil.copy(LETTER_DOSSIER, practice / "dossiers")
    args = ("build", "--peildatum", PEILDATUM, "--document", LETTER)
    assert invoke(*args).exit_code == 0
    before = _letter_text(practice)
    assert "Vragen over deze invulhulp? Neem contact op met A. Brouwer" in before
    (practice / "templates" / f"{LETTER}.md.j2").write_text(OVERRIDE, encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 0 and "1 gebouwd" in result.output, result.output
    after = _letter_text(practice)
    assert "Wij horen graag van u. Bel W. Mulder als u iets mist." in after
    assert "Vragen over deze invulhulp" not in after
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1  # one sentence, the rest of the letter as it was


def test_an_override_stays_in_the_sandbox(practice: Path) -> None:
    shutil.copy(LETTER_DOSSIER, practice / "dossiers")
    (practice / "templates" / f"{LETTER}.md.j2").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    result = invoke("build", "--peildatum", PEILDATUM, "--document", LETTER)
    assert result.exit_code == 1
    assert "fout in sjabloon" in result.output and "Traceback" not in result.output
