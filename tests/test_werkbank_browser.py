"""The werkbank as a consultant uses it: ``dossiergen werkbank`` started as a program, driven
in headless Chromium (Debian's package) through Playwright.

Screenshots of the overview and a dossier page go to ``build/werkbank/``;
``DOSSIERGEN_UPDATE_SCREENSHOT=1`` also refreshes the README's ``docs/werkbank.png``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.werkbank_helpers import (
    PEILDATUM,
    ROOT,
    WAARSCHUWING_REGEL,
    changed_lines,
    make_practice,
)

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.is_file(), reason="Chromium ontbreekt (apt-get install chromium)"
    ),
]
playwright = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / "build" / "werkbank"
DE_VRIES = "dossiers/de-vries-spoor1-aangepast-werk.yaml"


class Server:
    """``dossiergen werkbank`` in its own process, with what it printed and logged."""

    def __init__(self, practice: Path) -> None:
        self.practice = practice
        command = [
            str(Path(sys.executable).parent / "dossiergen"),
            "werkbank",
            str(practice),
            "--geen-browser",
            "--peildatum",
            PEILDATUM.isoformat(),
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=practice
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        assert found, line
        self.url = found.group(0)
        self.base = self.url.split("/?")[0]

    def stop(self) -> str:
        """Stop the server; everything it wrote to stderr (its log)."""
        self.process.terminate()
        try:
            _, log = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, log = self.process.communicate()
        return log


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    return make_practice(tmp_path / "praktijk", git=True)


@pytest.fixture
def server(practice: Path) -> Iterator[Server]:
    running = Server(practice)
    yield running
    running.stop()


@pytest.fixture
def page(server: Server) -> Iterator[object]:
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(
            viewport={"width": 1400, "height": 900}, locale="nl-NL", device_scale_factor=1
        )
        opened = context.new_page()
        opened.set_default_timeout(15_000)
        yield opened
        browser.close()


def test_a_consultant_edits_a_date_and_sees_timeline_and_preview_change(
    server: Server, page: object, practice: Path
) -> None:
    p: Any = page
    before = (practice / DE_VRIES).read_text(encoding="utf-8")
    p.goto(server.url)
    assert p.url == server.base + "/"  # token gone from the bar
    names = p.locator("a.naam").all_inner_texts()
    assert names == ["S. El Amrani", "P.J. Bakker", "J.P. de Vries"]

    p.click("text=J.P. de Vries")
    problem = p.locator("#problemen li", has_text="whiplash")
    assert problem.count() == 1
    place = problem.locator("a.plek")
    assert place.inner_text().startswith(f"regel {WAARSCHUWING_REGEL}, kolom")
    assert f":{WAARSCHUWING_REGEL}:" in (place.get_attribute("href") or "")
    first_row = p.locator("#tijdlijn tbody tr", has_text="Probleemanalyse door de bedrijfsarts")
    assert "12-07-2026" in first_row.inner_text()
    p.click("text=RIV-checklist")
    preview = p.locator(".papier")
    assert "1 juni 2026" in preview.inner_text()

    p.click("nav.secties >> text=Verzuim")
    p.fill('input[name="verzuim.eerste_ziektedag"]', "2026-06-08")
    p.click("button:has-text('Opslaan')")
    p.wait_for_url(re.compile(r"/dossier/[0-9a-f]+\?opgeslagen=verzuim"))
    assert "Opgeslagen" in p.locator(".melding").inner_text()
    first_row = p.locator("#tijdlijn tbody tr", has_text="Probleemanalyse door de bedrijfsarts")
    assert "19-07-2026" in first_row.inner_text()
    p.click("text=RIV-checklist")
    preview_text = p.locator(".papier").inner_text()
    assert "8 juni 2026" in preview_text
    assert "1 juni 2026" not in preview_text

    after = (practice / DE_VRIES).read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-  eerste_ziektedag: 2026-06-01",
        "+  eerste_ziektedag: 2026-06-08",
    ]
    assert "# Geen ziekteperioden opgegeven" in after  # the comments are intact

    log = server.stop()
    assert "GET /dossier/" in log
    for secret in ("Vries", "whiplash", "2026-06-08", "AD-2026", server.url.split("=")[1]):
        assert secret not in log, secret


def test_saving_in_the_editor_updates_the_open_page_within_a_second(
    server: Server, page: object, practice: Path
) -> None:
    p: Any = page
    p.goto(server.url)
    p.click("text=J.P. de Vries")
    p.wait_for_selector("#live.aan")
    path = practice / DE_VRIES
    text = path.read_text(encoding="utf-8")
    started = time.monotonic()
    path.write_text(text.replace("eerste_ziektedag: 2026-06-01", "eerste_ziektedag: 2026-06-15"))
    p.wait_for_function(
        "() => document.querySelector('#tijdlijn').innerText.includes('15 juni 2026')",
        timeout=5_000,
    )
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s"


def test_an_own_template_saved_updates_the_open_preview(tmp_path: Path) -> None:
    from dossiergen.commands.praktijk import run_init

    practice = tmp_path / "praktijk"
    run_init(practice, "Bureau Voorbeeld", None)
    make_practice(practice)
    (practice / "templates").mkdir(exist_ok=True)
    server = Server(practice)
    try:
        with playwright.sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            p: Any = browser.new_page()
            p.goto(server.url)
            p.click("text=J.P. de Vries")
            p.click("text=RIV-checklist")
            p.wait_for_selector("#live.aan")
            assert "Eigen regel" not in p.locator(".papier").inner_text()
            builtin = (ROOT / "templates" / "riv-checklist.md.j2").read_text(encoding="utf-8")
            started = time.monotonic()
            (practice / "templates" / "riv-checklist.md.j2").write_text(
                builtin + "\nEigen regel van het bureau.\n", encoding="utf-8"
            )
            p.wait_for_function(
                "() => document.querySelector('.papier').innerText.includes('Eigen regel')",
                timeout=5_000,
            )
            elapsed = time.monotonic() - started
            browser.close()
    finally:
        server.stop()
    assert elapsed < 1.0, f"{elapsed:.2f} s"


def test_screenshots_of_the_overview_and_a_dossier_page(server: Server, page: object) -> None:
    p: Any = page
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.goto(server.url)
    p.wait_for_selector("#live.aan")
    p.screenshot(path=str(SHOTS / "overzicht.png"))
    p.click("text=J.P. de Vries")
    p.wait_for_selector(".papier")
    p.screenshot(path=str(SHOTS / "dossier.png"))
    p.goto(p.url.split("?")[0] + "/bewerken/verzuim")
    p.screenshot(path=str(SHOTS / "bewerken.png"))
    for name in ("overzicht", "dossier", "bewerken"):
        assert (SHOTS / f"{name}.png").stat().st_size > 20_000
    if os.environ.get("DOSSIERGEN_UPDATE_SCREENSHOT"):
        p.goto(server.base + "/")
        p.set_viewport_size({"width": 1200, "height": 600})
        p.screenshot(path=str(ROOT / "docs" / "werkbank.png"))
