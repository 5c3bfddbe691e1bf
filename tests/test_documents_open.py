"""Every document of every example dossier is a sound package and opens in LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_docx_writer import check_package

from dossiergen.documents import DOCUMENTS

#: Minimum pages a document of the examples must have (catches a conversion that lost pages).
MIN_PAGES = {"rapport": 10, "plan-van-aanpak": 3, "riv-checklist": 2}


def test_every_document_kind_is_built_for_some_example(examples_built: list[Path]) -> None:
    assert {path.stem for path in examples_built} == set(DOCUMENTS)


def test_every_document_is_a_sound_package(examples_built: list[Path]) -> None:
    for path in examples_built:
        check_package(path.read_bytes())


@pytest.mark.libreoffice
@pytest.mark.slow
def test_every_document_opens_in_libreoffice(examples_pdf: dict[Path, Path]) -> None:
    for path, pdf in examples_pdf.items():
        assert pdf is not None, f"geen PDF voor {path}"
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
        assert pages >= MIN_PAGES.get(path.stem, 1), f"{path}: {pages} pagina's"
