"""The Word writer: package structure, styles, numbering, tables, determinism, atomic writes,
house-style errors, and a LibreOffice round trip."""

from __future__ import annotations

import io
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import ROOT
from lxml import etree

from dossiergen.docx.writer import (
    DocumentProperties,
    HouseStyle,
    render_docx,
    with_page_numbers,
    write_atomic,
)
from dossiergen.errors import HouseStyleError, MarkupError, WriteError
from dossiergen.text.markup import Paragraph, Run, parse_markup

HOUSE = ROOT / "templates" / "huisstijl.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PROPS = DocumentProperties(
    title="Arbeidsdeskundig rapport J. de Vries",
    author="A. Bakker",
    subject="Arbeidsdeskundig rapport",
    keywords="dossiergen; rapport",
    created=datetime(2025, 3, 14, 12, 0, tzinfo=UTC),
)


def sample_markup(rows: int = 40) -> str:
    """Every construct of the markup, in the shape of a real report."""
    table = "\n".join(
        f"| {i} | Taak {i}: tillen tot 15 kg\\* | {10 + i % 7} % | {'ja' if i % 3 else 'nee'} |"
        for i in range(1, rows + 1)
    )
    return f"""::: titelpagina
# Arbeidsdeskundig rapport
## J. de Vries

| | |
|---|---|
| **Werkgever** | Bakkerij Van den Berg B.V. |
| **Datum** | 14 maart 2025 |
:::

::: inhoudsopgave
:::

# Inleiding {{.genummerd}}

Tekst met *nadruk* en **vet**.
Letterlijk: \\*ster\\*, \\|pijp\\|, \\#hekje, \\<b\\>, \\{{{{ x \\}}}}.
{"Donaudampfschifffahrtsgesellschaftskapitän" * 8}

::: kader
**Conclusie.** Het eigen werk is *gedeeltelijk* passend.
:::

## Bronnen {{.genummerd}}

- FML van 3 februari 2025
  - nagesprek
- Werkplekonderzoek

1. Dossierstudie
2. Gesprekken

Tussentekst.

1. Evaluatie
2. Eindgesprek

# Eigen werk {{.genummerd}}

| Nr. | Taak | Aandeel | Passend |
|--:|---|--:|:-:|
{table}

::: klein
Vertrouwelijk.
:::

---

# Ondertekening

::: handtekening
**Werkgever**\\
P. Jansen

**Werknemer**\\
J. de Vries

**Arbeidsdeskundige**\\
A. Bakker
:::

::: colofon
Opgesteld met dossiergen.
:::
"""


@pytest.fixture(scope="module")
def house() -> HouseStyle:
    return HouseStyle.load(HOUSE)


@pytest.fixture(scope="module")
def sample(house: HouseStyle) -> bytes:
    return render_docx(parse_markup(sample_markup()), house, PROPS)


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(parts: dict[str, bytes], name: str) -> Any:
    return etree.fromstring(parts[name])


def vals(root: Any, tag: str, attr: str = "val") -> list[str]:
    return [str(e.get(W + attr)) for e in root.iter(W + tag)]


# -- package structure ---------------------------------------------------------------------------


def check_package(data: bytes) -> dict[str, bytes]:
    """The structural rules Word checks before it offers to repair a document."""
    parts = parts_of(data)
    _check_content_types(parts)
    _check_relationships(parts)
    document = xml(parts, "word/document.xml")
    body = document.find(W + "body")
    assert body[-1].tag == W + "sectPr", "w:sectPr must be the body's last child"
    assert len(body.findall(W + "sectPr")) == 1
    _check_styles_and_numbering(parts, document)
    _check_tables(document)
    # bookmarks that links and PAGEREF fields point to exist
    marks = set(vals(document, "bookmarkStart", "name"))
    for link in document.iter(W + "hyperlink"):
        assert link.get(W + "anchor") in marks
    for instr in document.iter(W + "instrText"):
        match = re.match(r"\s*PAGEREF (\S+)", instr.text)
        if match:
            assert match.group(1) in marks
    return parts


def _check_content_types(parts: dict[str, bytes]) -> None:
    """Every part is well-formed and has a content type; no type names a missing part."""
    assert next(iter(parts)) == "[Content_Types].xml"
    types = xml(parts, "[Content_Types].xml")
    defaults = {d.get("Extension").lower() for d in types.iter(CT + "Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(CT + "Override")}
    for name, content in parts.items():
        if name.endswith(".xml") or name.endswith(".rels"):
            etree.fromstring(content)  # well-formed
        if name != "[Content_Types].xml":
            assert name in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    assert overrides <= set(parts), "content type for a part that does not exist"


def _check_relationships(parts: dict[str, bytes]) -> None:
    """Every internal relationship points at a part that exists."""
    for name, content in parts.items():
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(content).iter(PKG_REL + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(source_dir, rel.get("Target")))
            assert target.lstrip("/") in parts, f"{name}: {rel.get('Target')} missing"


def _check_styles_and_numbering(parts: dict[str, bytes], document: Any) -> None:
    """Every style referenced exists with the right type; every numId and abstractNum too."""
    styles = xml(parts, "word/styles.xml")
    ids = {(s.get(W + "type"), s.get(W + "styleId")) for s in styles.iter(W + "style")}
    for style_id in vals(document, "pStyle"):
        assert ("paragraph", style_id) in ids, style_id
    for style_id in vals(document, "tblStyle"):
        assert ("table", style_id) in ids, style_id
    numbering = xml(parts, "word/numbering.xml")
    num_ids = set(vals(numbering, "num", "numId"))
    abstract_ids = set(vals(numbering, "abstractNum", "abstractNumId"))
    for num in numbering.iter(W + "num"):
        assert num.find(W + "abstractNumId").get(W + "val") in abstract_ids
    assert len(num_ids) == len(list(numbering.iter(W + "num"))), "duplicate numId"
    for num_id in vals(document, "numId"):
        assert num_id in num_ids, num_id


def _check_tables(document: Any) -> None:
    """Tables have a grid, cells as wide as their grid column, and end cells with a paragraph."""
    for tbl in document.iter(W + "tbl"):
        grid = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid")]
        rows = tbl.findall(W + "tr")
        assert rows
        assert len(grid) == max(len(r.findall(W + "tc")) for r in rows)
        for row in rows:
            widths = [int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) for tc in row.findall(W + "tc")]
            assert widths == grid
        for tc in tbl.iter(W + "tc"):
            assert tc[-1].tag == W + "p", "a cell must end with a paragraph"


def test_sample_package_is_consistent(sample: bytes) -> None:
    check_package(sample)


def test_python_docx_reads_it(sample: bytes) -> None:
    document = docx.Document(io.BytesIO(sample))
    texts = [p.text for p in document.paragraphs]
    assert "Arbeidsdeskundig rapport" in texts
    assert document.core_properties.title == PROPS.title
    assert len(document.tables) >= 4


def test_styles_by_name_and_section(sample: bytes, house: HouseStyle) -> None:
    document = xml(parts_of(sample), "word/document.xml")
    used = set(vals(document, "pStyle"))
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        assert house.style_id(name) in used
    assert house.style_id("heading 1") == house.style_id("Heading 1")  # by name, as Word does
    sect = document.find(f"{W}body/{W}sectPr")
    assert sect.find(W + "titlePg") is not None  # title page: first page without header
    assert {r.get(W + "type") for r in sect.iter(W + "headerReference")} == {"default", "first"}


def test_text_is_escaped_literally(sample: bytes) -> None:
    document = xml(parts_of(sample), "word/document.xml")
    text = "".join(t.text or "" for t in document.iter(W + "t"))
    assert "Letterlijk: *ster*, |pijp|, #hekje, <b>, {{ x }}." in text
    assert "Donaudampfschifffahrtsgesellschaftskapitän" * 8 in text
    assert "Taak 40: tillen tot 15 kg*" in text


def test_tables_header_rows_and_widths(sample: bytes, house: HouseStyle) -> None:
    document = xml(parts_of(sample), "word/document.xml")
    task_table = next(t for t in document.iter(W + "tbl") if len(t.findall(W + "tr")) == 41)
    rows = task_table.findall(W + "tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    assert task_table.find(f"{W}tblPr/{W}tblStyle").get(W + "val") == house.style_id(
        "Tabel dossiergen", "table"
    )
    grid = [int(g.get(W + "w")) for g in task_table.find(W + "tblGrid")]
    assert sum(grid) == house.text_width
    assert grid[1] > grid[0]  # the text column gets the room
    # the key/value table on the title page has no header row and no borders
    title_table = next(document.iter(W + "tbl"))
    assert title_table.find(f"{W}tr/{W}trPr/{W}tblHeader") is None
    assert title_table.find(f"{W}tblPr/{W}tblBorders/{W}top").get(W + "val") == "nil"


def test_numbered_lists_restart(house: HouseStyle) -> None:
    markup = "1. a\n2. b\n\ntekst\n\n1. c\n2. d\n\ntekst\n\n5. e\n"
    parts = check_package(render_docx(parse_markup(markup), house, PROPS))
    document = xml(parts, "word/document.xml")
    used = []
    for num_id in vals(document, "numId"):
        if num_id not in used:
            used.append(num_id)
    assert len(used) == 3
    numbering = xml(parts, "word/numbering.xml")
    starts = []
    for num_id in used:
        num = numbering.find(f'{W}num[@{W}numId="{num_id}"]')
        starts.append(num.find(f"{W}lvlOverride/{W}startOverride").get(W + "val"))
    assert starts == ["1", "1", "5"]


def _cached_pages(document: Any) -> list[str]:
    """The cached result of each PAGEREF field of the contents, in order."""
    results, state = [], ""
    for run in document.iter(W + "r"):
        char = run.find(W + "fldChar")
        kind = char.get(W + "fldCharType") if char is not None else None
        if kind == "separate":
            state, text = "result", ""
        elif kind == "end" and state:
            results.append(text)
            state = ""
        elif state:
            text += "".join(t.text or "" for t in run.iter(W + "t"))
    return results


def test_contents_ask_no_update_and_take_measured_pages(sample: bytes, house: HouseStyle) -> None:
    parts = parts_of(sample)
    assert xml(parts, "word/settings.xml").find(W + "updateFields") is None
    assert b"w:dirty" not in parts["word/document.xml"]
    document = xml(parts, "word/document.xml")
    entries = [p for p in document.iter(W + "p") if p.find(W + "hyperlink") is not None]
    titles = ["".join(t.text for t in e.iter(W + "t")) for e in entries]
    assert titles == ["1 Inleiding", "1.1 Bronnen", "2 Eigen werk", "Ondertekening"]
    assert _cached_pages(document) == ["", "", "", ""]  # links without numbers, no prompt
    pages = {"_Toc00000001": 2, "_Toc00000002": 2, "_Toc00000003": 3, "_Toc00000004": 7}
    numbered = with_page_numbers(sample, pages)
    assert numbered == with_page_numbers(sample, pages)  # deterministic
    assert _cached_pages(xml(parts_of(numbered), "word/document.xml")) == ["2", "2", "3", "7"]
    check_package(numbered)
    assert set(parts_of(numbered)) == set(parts)
    no_headings = parts_of(render_docx(parse_markup("::: inhoudsopgave\n:::\n"), house, PROPS))
    assert b"PAGEREF" not in no_headings["word/document.xml"]


def test_numbered_headings_get_their_number_from_the_writer(house: HouseStyle) -> None:
    markup = (
        "::: inhoudsopgave\n:::\n\n# Voorwoord\n\n# Een {.genummerd}\n\n## Sub {.genummerd}\n\n"
        "### Diep {.genummerd}\n\n## Los\n\n## Nog een {.genummerd}\n\n"
        "# **Vet** en *schuin* {.genummerd}\n\n## Sub {.genummerd}\n\n# Slot\n"
    )
    document = xml(parts_of(render_docx(parse_markup(markup), house, PROPS)), "word/document.xml")
    paragraphs = ["".join(t.text for t in p.iter(W + "t")) for p in document.iter(W + "p")]
    expected = [
        "Voorwoord", "1 Een", "1.1 Sub", "1.1.1 Diep", "Los", "1.2 Nog een",
        "2 Vet en schuin", "2.1 Sub", "Slot",
    ]  # fmt: skip
    assert paragraphs[1:10] == expected  # the contents: the numbers the headings show
    assert paragraphs[10:] == expected
    *_, bold = (p for p in document.iter(W + "p") if "Vet" in "".join(p.itertext()))  # heading
    runs = [(r.findtext(W + "t"), r.find(f"{W}rPr/{W}b") is not None) for r in bold.iter(W + "r")]
    assert runs[:3] == [("2 ", False), ("Vet", True), (" en ", False)]  # the number is plain


def test_core_properties_and_footer_title(sample: bytes) -> None:
    parts = parts_of(sample)
    core = parts["docProps/core.xml"].decode()
    for expected in (
        "<dc:title>Arbeidsdeskundig rapport J. de Vries</dc:title>",
        "<dc:creator>A. Bakker</dc:creator>",
        "<cp:lastModifiedBy>A. Bakker</cp:lastModifiedBy>",
        "<cp:revision>1</cp:revision>",
        "<dc:language>nl-NL</dc:language>",
        ">2025-03-14T12:00:00Z</dcterms:created>",
        ">2025-03-14T12:00:00Z</dcterms:modified>",
    ):
        assert expected in core
    footer = parts["word/footer1.xml"].decode()
    assert "Arbeidsdeskundig rapport J. de Vries" in footer
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_deterministic_bytes(sample: bytes) -> None:
    again = render_docx(parse_markup(sample_markup()), HouseStyle.load(HOUSE), PROPS)
    assert again == sample
    with zipfile.ZipFile(io.BytesIO(sample)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_created_must_be_aware_and_is_stored_in_utc() -> None:
    with pytest.raises(ValueError):
        DocumentProperties("t", "a", "s", "k", datetime(2025, 1, 1))  # naive: refused
    cet = timezone(timedelta(hours=1))
    props = DocumentProperties("t", "a", "s", "k", datetime(2025, 1, 1, 13, 0, tzinfo=cet))
    assert props.created == datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


def test_five_hundred_rows_fast(house: HouseStyle) -> None:
    rows = "\n".join(f"| {i} | omschrijving \\| {i} | {i * 3} |" for i in range(500))
    blocks = parse_markup(f"| nr | omschrijving | uren |\n|---|---|--:|\n{rows}\n")
    start = time.perf_counter()
    data = render_docx(blocks, house, PROPS)
    assert time.perf_counter() - start < 0.5
    document = xml(check_package(data), "word/document.xml")
    assert len(list(document.iter(W + "tr"))) == 501


def test_character_xml_cannot_hold_raises_markup_error(house: HouseStyle) -> None:
    with pytest.raises(MarkupError):
        render_docx((Paragraph((Run("bel\x07"),)),), house, PROPS)


def test_unknown_paragraph_style_is_a_house_style_error(house: HouseStyle) -> None:
    with pytest.raises(HouseStyleError, match="Bestaat niet"):
        render_docx((Paragraph((Run("x"),), style="Bestaat niet"),), house, PROPS)


def test_empty_document_is_valid(house: HouseStyle) -> None:
    check_package(render_docx((), house, PROPS))


# -- house style ---------------------------------------------------------------------------------


def rewrite_house(tmp_path: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the house document with parts replaced (bytes) or removed (None)."""
    parts = parts_of(HOUSE.read_bytes())
    for name, content in change.items():
        if content is None:
            parts.pop(name, None)
        else:
            parts[name] = content
    target = tmp_path / f"huis-{uuid.uuid4().hex}.docx"
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return target


def test_house_style_missing_file(tmp_path: Path) -> None:
    with pytest.raises(HouseStyleError, match="bestaat niet"):
        HouseStyle.load(tmp_path / "nergens.docx")


def test_house_style_not_a_docx(tmp_path: Path) -> None:
    text = tmp_path / "huis.docx"
    text.write_text("geen zip")
    with pytest.raises(HouseStyleError, match="geen Word-document"):
        HouseStyle.load(text)
    other_zip = tmp_path / "ander.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("leesmij.txt", "hallo")
    with pytest.raises(HouseStyleError, match="geen Word-document"):
        HouseStyle.load(other_zip)


def test_house_style_missing_styles_are_all_named(tmp_path: Path) -> None:
    styles = parts_of(HOUSE.read_bytes())["word/styles.xml"].decode()
    styles = styles.replace('w:val="heading 2"', 'w:val="Iets anders"')
    styles = styles.replace('w:val="Kader"', 'w:val="Kader oud"')
    path = rewrite_house(tmp_path, {"word/styles.xml": styles.encode()})
    with pytest.raises(HouseStyleError) as caught:
        HouseStyle.load(path)
    assert "Heading 2" in str(caught.value) and "Kader (tabelstijl)" in str(caught.value)


def test_house_style_without_numbering_gets_one(tmp_path: Path) -> None:
    rels = parts_of(HOUSE.read_bytes())["word/_rels/document.xml.rels"].decode()
    rels = re.sub(r'<Relationship [^>]*numbering\.xml"/>', "", rels)
    types = parts_of(HOUSE.read_bytes())["[Content_Types].xml"].decode()
    types = re.sub(r'<Override PartName="/word/numbering.xml"[^>]*/>', "", types)
    path = rewrite_house(
        tmp_path,
        {
            "word/numbering.xml": None,
            "word/_rels/document.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
    )
    data = render_docx(parse_markup("- a\n\n1. b\n"), HouseStyle.load(path), PROPS)
    parts = check_package(data)
    assert len(list(xml(parts, "word/numbering.xml").iter(W + "abstractNum"))) == 2


def test_house_style_as_dotx_gives_a_docx(tmp_path: Path) -> None:
    types = parts_of(HOUSE.read_bytes())["[Content_Types].xml"].decode()
    types = types.replace("document.main+xml", "template.main+xml")
    path = rewrite_house(tmp_path, {"[Content_Types].xml": types.encode()})
    parts = check_package(render_docx(parse_markup("x"), HouseStyle.load(path), PROPS))
    assert b"document.main+xml" in parts["[Content_Types].xml"]


def test_generator_is_deterministic(tmp_path: Path) -> None:
    out = tmp_path / "huisstijl.docx"
    script = ROOT / "scripts" / "maak_huisstijl.py"
    subprocess.run(
        [sys.executable, str(script), str(out)], check=True, capture_output=True, cwd=ROOT
    )
    assert out.read_bytes() == HOUSE.read_bytes(), "templates/huisstijl.docx is out of date"


# -- atomic writes -------------------------------------------------------------------------------


def test_write_atomic_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    write_atomic(target, b"een")
    write_atomic(target, b"twee")
    assert target.read_bytes() == b"twee"
    assert os.listdir(tmp_path) == ["rapport.docx"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_write_atomic_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"vorige versie")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(WriteError, match=r"rapport\.docx"):
        write_atomic(target, b"nieuw")
    monkeypatch.undo()
    assert target.read_bytes() == b"vorige versie"
    assert os.listdir(tmp_path) == ["rapport.docx"]


def test_write_atomic_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        write_atomic(tmp_path / "bestaat-niet" / "x.docx", b"x")


# -- LibreOffice ---------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_converts_to_pdf(sample: bytes, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    source = tmp_path / "rapport.docx"
    source.write_bytes(sample)
    profile = tmp_path / "lo-profiel"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,  # LibreOffice exits 0 even when it fails: the PDF is the proof
    )
    pdf = tmp_path / "rapport.pdf"
    assert pdf.exists(), "LibreOffice produced no PDF"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 4
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
        ).stdout
        assert re.search(r"1 Inleiding\s*\.{5,}\s*\d+", text), "contents without page numbers"
        assert re.search(r"1\.1 Bronnen\s*\.{5,}\s*\d+", text)
        assert re.search(r"^\s*2 Eigen werk\s*$", text, re.M), "heading without its number"
        assert re.search(r"pagina 2 van \d+", text)
        assert "Arbeidsdeskundig rapport J. de Vries" in text  # footer title field


def test_header_row_takes_the_table_styles_font(house: HouseStyle) -> None:
    """LibreOffice ignores a table style's header-row font: the writer sets it directly."""
    data = render_docx(parse_markup("| Kop | Twee |\n|---|---|\n| a | b |\n"), house, PROPS)
    document = xml(parts_of(data), "word/document.xml")
    rows = list(document.iter(W + "tr"))
    header = rows[0].find(f".//{W}r/{W}rPr")
    assert header.find(W + "b") is not None
    assert header.find(W + "color").get(W + "val") == "FFFFFF"
    assert rows[1].find(f".//{W}r/{W}rPr") is None  # body rows as the style has them
