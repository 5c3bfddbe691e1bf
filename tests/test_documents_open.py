"""Every document of every example dossier is a sound package and opens in LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT
from test_docx_writer import check_package

from dossiergen.builder.build import build_paths
from dossiergen.config import default_resources
from dossiergen.documents import DOCUMENTS

#: Minimum pages a document of the examples must have (catches a conversion that lost pages).
MIN_PAGES = {"rapport": 10, "plan-van-aanpak": 3, "riv-checklist": 2}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("build")
    report = build_paths(
        [ROOT / "dossiers"],
        out,
        list(DOCUMENTS.values()),
        default_resources(),
        date(2026, 11, 25),
        jobs=2,
    )
    assert report.ok, report.failed
    return sorted(report.written)


def test_every_document_kind_is_built_for_some_example(built: list[Path]) -> None:
    assert {path.stem for path in built} == set(DOCUMENTS)


def test_every_document_is_a_sound_package(built: list[Path]) -> None:
    for path in built:
        check_package(path.read_bytes())


@pytest.mark.libreoffice
@pytest.mark.slow
def test_every_document_opens_in_libreoffice(built: list[Path], tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    for folder in sorted({path.parent for path in built}):  # names repeat across folders
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / folder.name),
                *sorted(str(p) for p in folder.glob("*.docx")),
            ],
            capture_output=True,
            timeout=600,
            check=False,  # LibreOffice exits 0 even when it fails: the PDF is the proof
        )
    for path in built:
        pdf = tmp_path / path.parent.name / f"{path.stem}.pdf"
        assert pdf.is_file(), f"geen PDF voor {path}"
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
        assert pages >= MIN_PAGES.get(path.stem, 1), f"{path}: {pages} pagina's"
