"""What a recipient sees of a document, measured in the PDF LibreOffice makes (and, where the
text is enough, in the .docx): privacy on paper, the sender, nothing internal."""

from __future__ import annotations

import html
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES
from docx_helpers import load
from pdf_helpers import Word, pdf_tokens, pdf_words, tokens

from dossiergen.documents import DOCUMENTS
from dossiergen.dossier.views import Audience

#: The band of page 1 that a window envelope may show (left or right window, DL, C6/5, C5):
#: only the return address and the address may stand there.
WINDOW_BAND = (30.0, 102.0)
ADDRESS_LINES = (60.0, 88.0)
ADDRESS_COLUMN = (25.0, 90.0)


def _visible_text(docx: Path) -> str:
    """The text of the body, headers and footers (what Word shows), without the markup."""
    with zipfile.ZipFile(docx) as archive:
        parts = [
            archive.read(name).decode()
            for name in archive.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)
        ]
    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", " ".join(parts)))


def _dossier_of(docx: Path) -> Path:
    return next(path for path in EXAMPLES if path.stem == docx.parent.name)


def test_no_file_path_or_tool_name_in_any_document(examples_built: list[Path]) -> None:
    """A file or folder name can hold a name or a diagnosis; the tool is not the sender."""
    for docx in examples_built:
        text = _visible_text(docx).lower()
        stem = docx.parent.name
        for fragment in (stem, ".yaml", "dossiers/", "dossiergen"):
            assert fragment not in text, f"{docx}: '{fragment}' staat in het document"


def test_every_employer_document_is_checked(examples_built: list[Path]) -> None:
    employer = [d for d in examples_built if Audience.WERKGEVER in DOCUMENTS[d.stem].audiences]
    assert {d.stem for d in employer} >= {"rapport", "plan-van-aanpak", "riv-checklist"}


def _band(word: Word, band: tuple[float, float]) -> bool:
    return word.y_max > band[0] and word.y_min < band[1]


#: A letter as a practice's own template writes it with the ``_brief.md.j2`` macros: the
#: address block first, then the references.
LETTER = """::: adres
Retouradres: Stichting Zorggroep De Linde, Lindelaan 1, 3818 AB Amersfoort

**UWV**\\
Afdeling Werkgevers\\
Postbus 58285\\
1040 HG Amsterdam
:::

Datum: 30 november 2026\\
Uw kenmerk: UWV-ZM-2025-778812\\
Ons kenmerk: AD-2026-0093\\
BSN werknemer: 999990056\\
Loonheffingennummer werkgever: 823456782L01

**Onderwerp: Ziekmelding**

Geachte heer, mevrouw,
"""
SECRETS = {"UWV-ZM-2025-778812", "AD-2026-0093", "999990056", "823456782L01"}


@pytest.mark.libreoffice
@pytest.mark.slow
def test_window_shows_only_the_address(tmp_path: Path) -> None:
    """Page 1 of a letter: in the window band only the return address (small, above 60 mm) and
    the address lines (60-88 mm from the top, 25-90 mm from the left); the BSN, kenmerken and
    loonheffingennummer below 105 mm, out of every window."""
    from datetime import UTC, datetime

    from pdf_helpers import convert_all

    from dossiergen.config import default_resources
    from dossiergen.docx.writer import DocumentProperties, HouseStyle, render_docx
    from dossiergen.text.markup import parse_markup

    house = HouseStyle.load(default_resources().house_style)
    properties = DocumentProperties("Brief", "A. Brouwer", "Brief", "brief", datetime.now(UTC))
    docx = tmp_path / "brief.docx"
    docx.write_bytes(render_docx(parse_markup(LETTER), house, properties))
    pdf = convert_all([docx], tmp_path / "pdf")[docx]
    page_one = [w for w in pdf_words(pdf) if w.page == 1]
    in_band = [w for w in page_one if _band(w, WINDOW_BAND)]
    address = [w for w in in_band if w.y_min >= ADDRESS_LINES[0]]
    returns = [w for w in in_band if w.y_min < ADDRESS_LINES[0]]
    assert {w.text for w in address} >= {"UWV", "Postbus", "58285", "Amsterdam"}
    assert "Retouradres:" in {w.text for w in returns}
    for word in address:
        assert word.y_max <= ADDRESS_LINES[1], f"'{word.text}' onder het venster"
        assert ADDRESS_COLUMN[0] - 0.5 <= word.x_min and word.x_max <= ADDRESS_COLUMN[1]
    for word in returns:
        assert word.y_max - word.y_min < 4.5, f"'{word.text}' is geen kleine tekst"
    found = [w for w in page_one if w.text.strip(",.:") in SECRETS]
    assert len(found) == len(SECRETS)
    for word in found:
        assert word.y_min > 105.0, word


def _body_cells(docx: Path) -> tuple[str, list[str]]:
    """The body's whole text and the text of each table cell (paragraphs joined by a space)."""
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode()
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
    cells = [
        " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell))
        for cell in re.findall(r"<w:tc>(.*?)</w:tc>", body, flags=re.S)
    ]
    return html.unescape(text), [html.unescape(c) for c in cells if c.strip()]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_keeps_every_table_cell(examples_pdf: dict[Path, Path | None]) -> None:
    """Every word of the body -- every table cell's text above all -- is in the PDF as often
    as in the .docx (LibreOffice drops a row that may not split at a page break)."""
    lost = []
    for docx, pdf in examples_pdf.items():
        assert pdf is not None, f"geen PDF voor {docx}"
        body, cells = _body_cells(docx)
        have = Counter(pdf_tokens(pdf))
        need = Counter(tokens(body))
        missing = {t for t, n in need.items() if have[t] < n}
        lost += [
            f"{docx.parent.name}/{docx.stem}: {c!r}" for c in cells if missing & set(tokens(c))
        ]
        if missing and not any(missing & set(tokens(c)) for c in cells):
            lost.append(f"{docx.parent.name}/{docx.stem}: buiten tabellen: {sorted(missing)}")
    assert not lost, "\n".join(lost)


def _long_cell_dossier(tmp_path: Path) -> Path:
    """An example whose werkhervatting has a toelichting longer than a page in its column."""
    import yaml

    data = load(next(p for p in EXAMPLES if p.stem == "el-amrani-jobcarving"))
    sentences = (f"Zin {i} over het werk en de afspraken in deze periode." for i in range(80))
    data["verzuim"]["werkhervatting"][1]["toelichting"] = " ".join(sentences)
    path = tmp_path / "lange-cel.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_only_short_rows_are_kept_whole(tmp_path: Path) -> None:
    from conftest import PEILDATUM

    from dossiergen.builder.build import build_paths
    from dossiergen.config import default_resources

    spec = DOCUMENTS["brief-ziekmelding-42e-week"]
    report = build_paths(
        [_long_cell_dossier(tmp_path)], tmp_path / "uit", [spec], default_resources(), PEILDATUM
    )
    with zipfile.ZipFile(report.written[0]) as archive:
        body = archive.read("word/document.xml").decode()
    rows = re.findall(r"<w:tr>.*?</w:tr>", body)
    long_rows = [r for r in rows if "Zin 79" in r]
    assert len(long_rows) == 1 and "<w:cantSplit/>" not in long_rows[0]
    assert sum("<w:cantSplit/>" in r for r in rows) >= len(rows) - 1


@pytest.mark.libreoffice
@pytest.mark.slow
def test_pdf_keeps_a_cell_longer_than_a_page(tmp_path: Path) -> None:
    """The row LibreOffice used to cut off: a row that may not split, taller than a page."""
    from conftest import PEILDATUM
    from pdf_helpers import convert_all

    from dossiergen.builder.build import build_paths
    from dossiergen.config import default_resources

    spec = DOCUMENTS["brief-ziekmelding-42e-week"]
    report = build_paths(
        [_long_cell_dossier(tmp_path)], tmp_path / "uit", [spec], default_resources(), PEILDATUM
    )
    docx = report.written[0]
    pdf = convert_all([docx], tmp_path / "pdf")[docx]
    have = Counter(pdf_tokens(pdf))
    body, _ = _body_cells(docx)
    need = Counter(tokens(body))
    assert not {t for t, n in need.items() if have[t] < n}


def _contents(docx: Path) -> list[tuple[str, str]]:
    """(entry text, cached page number) of each contents entry of ``docx``."""
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode()
    found = []
    for entry in re.findall(r"<w:hyperlink w:anchor=\"_Toc\d+\"[^>]*>(.*?)</w:hyperlink>", body):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", entry.split("PAGEREF")[0]))
        page = "".join(
            re.findall(r"<w:t>([^<]*)</w:t>", entry.split('w:fldCharType="separate"')[1])
        )
        found.append((html.unescape(text), page))
    return found


def _build_rapport(tmp_path: Path, *, measure: bool, pdf: bool = False) -> Path:
    from conftest import PEILDATUM

    from dossiergen.commands.build import run_build
    from dossiergen.commands.options import BuildOptions

    options = BuildOptions(
        peildatum=PEILDATUM,
        paths=(EXAMPLES[0],),
        output_dir=tmp_path,
        document_names=("rapport",),
        pdf=pdf,
        paginanummers=measure,
    )
    _, ok = run_build(options)
    assert ok
    return tmp_path / EXAMPLES[0].stem / "rapport.docx"


def test_contents_without_measuring_are_links_without_numbers(tmp_path: Path) -> None:
    docx = _build_rapport(tmp_path, measure=False)
    entries = _contents(docx)
    assert len(entries) > 20 and all(page == "" for _, page in entries)
    with zipfile.ZipFile(docx) as archive:
        assert b"updateFields" not in archive.read("word/settings.xml")
        assert b"w:dirty" not in archive.read("word/document.xml")


@pytest.mark.libreoffice
@pytest.mark.slow
def test_contents_carry_measured_page_numbers(tmp_path: Path) -> None:
    """With LibreOffice the cached numbers are there, rise with the document, and each heading
    stands on the page its entry names (in the PDF of the numbered document)."""
    from dossiergen.builder.paginas import libreoffice_identity

    if not libreoffice_identity():
        pytest.skip("LibreOffice of pdfinfo is niet geïnstalleerd")
    docx = _build_rapport(tmp_path, measure=True, pdf=True)
    entries = _contents(docx)
    pages = [int(page) for _, page in entries]
    assert pages == sorted(pages) and pages[0] >= 3  # after the title page and the contents
    words = pdf_words(docx.with_suffix(".pdf"))
    assert pages[-1] <= max(w.page for w in words)
    for (text, _), page in zip(entries, pages, strict=True):
        on_page = " ".join(w.text for w in words if w.page == page)
        assert text.split(" ", 1)[-1].split()[0] in on_page, (text, page)


def test_author_is_who_wrote_the_document(examples_built: list[Path]) -> None:
    """The Word author is a person of the case: the plan's maker for the plan, else the
    arbeidsdeskundige; never the tool."""
    for docx in examples_built:
        with zipfile.ZipFile(docx) as archive:
            core = archive.read("docProps/core.xml").decode()
        author = html.unescape(re.search(r"<dc:creator>([^<]*)</dc:creator>", core).group(1))
        data = load(_dossier_of(docx))
        if docx.stem == "plan-van-aanpak":
            assert author == data["verzuim"]["plan_van_aanpak"]["door"]["naam"]
        else:
            assert author == data["zaak"]["arbeidsdeskundige"]["naam"], docx
        assert "dossiergen" not in core.lower()


def test_hyphenation_on_but_never_in_an_address(examples_built: list[Path]) -> None:
    for docx in examples_built:
        with zipfile.ZipFile(docx) as archive:
            settings = archive.read("word/settings.xml").decode()
            body = archive.read("word/document.xml").decode()
        assert '<w:autoHyphenation w:val="true"/>' in settings
        for paragraph in re.findall(r"<w:p>.*?</w:p>", body):
            if "@" in "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)):
                assert "<w:suppressAutoHyphens/>" in paragraph, (docx, paragraph[:200])


def test_no_internal_references_or_iso_dates_in_client_text(examples_built: list[Path]) -> None:
    """Client text names no dossier key, form code or ISO date it does not explain."""
    key = re.compile(r"\b[a-z]+(?:\.[a-z]+(?:_[a-z]+)+)+\b|\b[a-z]+_[a-z]+_[a-z_]+\b")
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    for docx in examples_built:
        text = _visible_text(docx)
        assert not key.search(text), (docx, key.search(text))
        assert "AG140" not in text
        body = text.split("Dossier AD-")[0]  # the colofon's version shows the commit date
        if docx.stem != "riv-checklist":
            assert not iso.search(body), (docx, iso.search(body))


def test_surname_starting_a_phrase_takes_a_capital(examples_built: list[Path]) -> None:
    """ "De Vries" where the surname starts the phrase (the title in every footer), "J.P. de
    Vries" after the initials; a function on the employee's own site has no travel time."""
    plan = next(
        d for d in examples_built if d.parent.name.startswith("de-vries") and "plan" in d.stem
    )
    with zipfile.ZipFile(plan) as archive:
        core = archive.read("docProps/core.xml").decode()
        footers = " ".join(archive.read(n).decode() for n in archive.namelist() if "footer" in n)
    assert "Plan van aanpak – De Vries" in core and "– De Vries" in footers
    assert "J.P. de Vries" in _visible_text(plan)


def test_no_zero_travel_time(tmp_path: Path) -> None:
    import yaml
    from conftest import PEILDATUM
    from docx_helpers import docx_text

    from dossiergen.builder.build import build_paths
    from dossiergen.config import default_resources

    data = load(next(p for p in EXAMPLES if p.stem == "de-vries-spoor1-aangepast-werk"))
    for function in data["ander_passend_werk"]["functies"]:
        function["reistijd_minuten"] = 0
    path = tmp_path / "eigen-vestiging.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    spec = DOCUMENTS["rapport"]
    report = build_paths([path], tmp_path / "uit", [spec], default_resources(), PEILDATUM)
    text = docx_text(report.written[0].read_bytes())
    assert "| 0 minuten" not in text and "Reistijd | geen: op dezelfde plek" in text
