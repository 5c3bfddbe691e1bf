"""Shared fixtures and settings of the test suite.

The suite runs from any folder: every test works in the repository root (display paths in
messages are relative to it, as a consultant sees them), and module-level paths are absolute.

Markers let a developer run the fast set in seconds (``make test-snel``):
``libreoffice`` (converts with LibreOffice), ``property`` (hypothesis, marked automatically),
``fuzz`` (hostile and random input) and ``slow``.

Hypothesis runs derandomized with no example database by default, so ``make test`` (and CI)
never fails at random; ``HYPOTHESIS_PROFILE=verkennen`` explores with fresh random examples.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from dossiergen.config import default_resources
from dossiergen.engine import Engine, engine_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "dossiers").glob("*.yaml"))
#: The peildatum of the golden documents and most expectations.
PEILDATUM = date(2026, 11, 25)

settings.register_profile("vast", derandomize=True, database=None, print_blob=True)
settings.register_profile("verkennen", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vast"))


@pytest.fixture(scope="session", autouse=True)
def _in_repository_root() -> Iterator[None]:
    """Work in the repository root, without a SOURCE_DATE_EPOCH from the environment."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        yield


@pytest.fixture(scope="session")
def examples_built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every document of every example dossier, built once per session (on ``PEILDATUM``)."""
    from dossiergen.builder.build import build_paths
    from dossiergen.documents import DOCUMENTS

    out = tmp_path_factory.mktemp("voorbeelden")
    report = build_paths(
        [ROOT / "dossiers"], out, list(DOCUMENTS.values()), default_resources(), PEILDATUM, jobs=2
    )
    assert report.ok, report.failed
    return sorted(report.written)


@pytest.fixture(scope="session")
def examples_pdf(
    examples_built: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[Path, Path | None]:
    """The PDF LibreOffice makes of each document of ``examples_built`` (None: it made none);
    skips when LibreOffice or poppler-utils is missing."""
    from pdf_helpers import convert_all

    pdfs = convert_all(examples_built, tmp_path_factory.mktemp("pdf"))
    return {path: pdfs.get(path) for path in examples_built}


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine on the packaged schemas, templates and house style, loaded once."""
    return engine_for(default_resources())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every hypothesis test is a ``property`` test."""
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and hasattr(function, "hypothesis"):
            item.add_marker(pytest.mark.property)
