"""The werkbank in-process: its pages, forms, saving and its guard (no browser needed)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from dossiergen.checker import schemas_at
from dossiergen.config import default_resources
from dossiergen.werkbank.app import make_app
from dossiergen.werkbank.beveiliging import ASGIApp
from dossiergen.werkbank.formdata import ABSENT, convert, section_value
from dossiergen.werkbank.formulier import Veld, section_form
from dossiergen.werkbank.werkplaats import open_werkplaats
from tests.werkbank_helpers import (
    PEILDATUM,
    WAARSCHUWING_REGEL,
    changed_lines,
    make_practice,
)

PORT = 48765
TOKEN = "t" * 43
CSRF = "c" * 43
BASE = f"http://127.0.0.1:{PORT}"
DE_VRIES = "dossiers/de-vries-spoor1-aangepast-werk.yaml"


def werkbank_app(practice: Path) -> ASGIApp:
    """The werkbank of ``practice`` on a fixed day, without file watching."""
    return make_app(
        open_werkplaats(practice),
        port=PORT,
        token=TOKEN,
        csrf=CSRF,
        clock=lambda: PEILDATUM,
        watch_files=False,
    )


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    return make_practice(tmp_path / "praktijk")


@pytest.fixture
def client(practice: Path) -> Iterator[TestClient]:
    app = werkbank_app(practice)
    with TestClient(app, base_url=BASE, follow_redirects=False) as test_client:
        entered = test_client.get(f"/?token={TOKEN}")
        assert entered.status_code == 303
        yield test_client


def dossier_link(client: TestClient, name: str) -> str:
    page = client.get("/").text
    found = re.search(rf'<a class="naam" href="(/dossier/[0-9a-f]+)">{re.escape(name)}</a>', page)
    assert found, name
    return found.group(1)


# -- pages ------------------------------------------------------------------------------------


def test_the_overview_lists_every_dossier_most_urgent_first(client: TestClient) -> None:
    page = client.get("/").text
    names = re.findall(r'<a class="naam" href="/dossier/[0-9a-f]+">([^<]+)</a>', page)
    assert names == ["S. El Amrani", "P.J. Bakker", "J.P. de Vries"]
    assert "Ziekmelding bij UWV (42e-weeksmelding)" in page
    assert "over 12 dagen" in page
    assert "1 waarschuwing" in page


def test_the_overview_filters(client: TestClient) -> None:
    page = client.get("/?week_van=30&week_tot=50").text
    assert "S. El Amrani" in page
    assert "P.J. Bakker" not in page
    assert "J.P. de Vries" not in page
    page = client.get("/?consulent=H.+Smit").text
    assert re.findall(r'class="naam"[^>]*>([^<]+)<', page) == ["P.J. Bakker"]


def test_the_agenda_is_the_one_of_dossiergen_agenda(client: TestClient) -> None:
    calendar = client.get("/agenda.ics")
    assert calendar.status_code == 200
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in calendar.text
    assert "Ziekmelding bij UWV" in calendar.text


def test_the_dossier_page_shows_the_problem_with_its_line_and_an_editor_link(
    client: TestClient, practice: Path
) -> None:
    page = client.get(dossier_link(client, "J.P. de Vries")).text
    assert "whiplash" in page
    assert f"regel {WAARSCHUWING_REGEL}, kolom" in page
    target = (practice / DE_VRIES).resolve().as_posix()
    assert f'href="vscode://file{target}:{WAARSCHUWING_REGEL}:' in page
    assert "Probleemanalyse door de bedrijfsarts" in page
    assert "Regeling procesgang" in page  # the rule and its source beside each date


def test_a_preview_never_holds_what_its_audience_may_not_see(client: TestClient) -> None:
    link = dossier_link(client, "J.P. de Vries")
    for document in ("rapport", "plan-van-aanpak", "riv-checklist", "vragenlijst-werkgever"):
        page = client.get(f"{link}?document={document}").text
        assert 'class="papier"' in page, document
        assert "hernia" not in page.lower(), (
            document
        )  # verzuim.probleemanalyse.medische_toelichting


def test_a_document_downloads_as_docx_built_into_the_output_folder(
    client: TestClient, practice: Path
) -> None:
    link = dossier_link(client, "J.P. de Vries")
    response = client.get(f"{link}/document/riv-checklist.docx")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    built = practice / "build" / "de-vries-spoor1-aangepast-werk" / "riv-checklist.docx"
    assert built.read_bytes() == response.content


@pytest.mark.libreoffice
def test_a_document_downloads_as_pdf_where_libreoffice_is(client: TestClient) -> None:
    from dossiergen.builder.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice ontbreekt")
    link = dossier_link(client, "J.P. de Vries")
    assert ">PDF</a>" in client.get(link).text
    response = client.get(f"{link}/document/riv-checklist.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_a_broken_dossier_is_listed_with_its_problem(client: TestClient, practice: Path) -> None:
    (practice / "dossiers" / "kapot.yaml").write_text("werknemer:\n\tnaam: X\n")
    page = client.get("/").text
    assert "1 fout" in page
    assert "geen tijdlijn" in page
    link = dossier_link(client, "kapot")
    assert "tab gevonden" in client.get(link).text
    form = client.get(f"{link}/bewerken/werknemer")
    assert form.status_code == 404
    assert "herstel eerst de fouten" in form.text


def test_without_its_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import importlib.util

    from click.testing import CliRunner

    from dossiergen.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a)
    )
    result = CliRunner().invoke(main, ["werkbank", str(tmp_path), "--geen-browser"])
    assert result.exit_code == 2
    assert "pip install 'dossiergen[werkbank]'" in result.output
    assert "(uvicorn)" in result.output


# -- forms ------------------------------------------------------------------------------------


def _fields(form: Veld) -> dict[str, Veld]:
    found = {form.naam: form}
    for child in form.kinderen:
        found.update(_fields(child))
    if form.rij is not None:
        found.update(_fields(form.rij))
    return found


def test_a_form_follows_the_schema() -> None:
    schemas = schemas_at(default_resources().schemas_dir)
    value = {"eerste_ziektedag": "2026-06-01", "verlof": [{"soort": "zwangerschapsverlof"}]}
    form = section_form(schemas, "verzuim", value)
    assert form is not None
    fields = _fields(form)
    assert fields["verzuim.eerste_ziektedag"].soort == "datum"
    assert fields["verzuim.eerste_ziektedag"].titel == "Eerste ziektedag"
    assert fields["verzuim.eerste_ziektedag"].verplicht
    assert "JJJJ-MM-DD" in fields["verzuim.eerste_ziektedag"].uitleg
    assert fields["verzuim.verlof"].soort == "lijst"
    assert fields["verzuim.verlof.0.soort"].keuzes == (
        ("zwangerschapsverlof", "zwangerschapsverlof"),
        ("bevallingsverlof", "bevallingsverlof"),
    )
    assert fields["verzuim.verlof.__rij__.van"].soort == "datum"
    assert fields["verzuim.verlenging_wachttijd.__rij__.weken"].soort == "geheel"
    assert fields["verzuim.verlof.0.zelfde_oorzaak"].soort == "janee"
    assert fields["verzuim.probleemanalyse.medische_toelichting"].vertrouwelijk == "medisch"


def test_the_form_page_marks_medical_fields(client: TestClient) -> None:
    page = client.get(dossier_link(client, "J.P. de Vries") + "/bewerken/verzuim").text
    assert page.count("medisch · alleen bedrijfsarts") >= 3
    assert 'name="verzuim.eerste_ziektedag" value="2026-06-01"' in page
    assert f'name="csrf" value="{CSRF}"' in page


@pytest.mark.parametrize(
    ("schema", "text", "value"),
    [
        ({"type": "string", "format": "date"}, "2026-01-05", "date:2026-01-05"),
        ({"type": "string", "format": "date"}, "2026-02-30", "2026-02-30"),
        ({"type": "number"}, "18,5", 18.5),
        ({"type": "number"}, "40", 40),
        ({"type": "integer"}, "13", 13),
        ({"type": "integer"}, "13,5", "13,5"),
        ({"type": "boolean"}, "nee", False),
        ({"type": "string"}, "regel 1\r\nregel 2", "regel 1\nregel 2"),
        ({"type": "string"}, "   ", ABSENT),
    ],
)
def test_form_values_convert_as_the_schema_says(schema: dict, text: str, value: object) -> None:
    converted = convert(schema, text)
    if isinstance(value, str) and value.startswith("date:"):
        assert str(converted) == value.removeprefix("date:")
        assert not isinstance(converted, str)
    else:
        assert converted == value
        assert type(converted) is type(value)


def test_rows_keep_their_old_values_and_removed_rows_go() -> None:
    schemas = schemas_at(default_resources().schemas_dir)
    old = {"eerste_ziektedag": "2026-01-05", "ziekteperioden": [{"van": "2026-01-05"}]}
    form = {
        "verzuim.eerste_ziektedag": "2026-01-05",
        "verzuim.ziekteperioden.__lijst__": "1",
        "verzuim.ziekteperioden.1.van": "2026-03-01",
        "verzuim.ziekteperioden.1.tot": "",
        "verzuim.ziekteperioden.1.toelichting": "",
    }
    value = section_value(schemas, "verzuim", form, old)
    assert value["eerste_ziektedag"] == "2026-01-05"  # unchanged: the old value itself
    assert [str(row["van"]) for row in value["ziekteperioden"]] == ["2026-03-01"]


# -- saving -----------------------------------------------------------------------------------


def _form(client: TestClient, link: str, section: str) -> dict[str, str]:
    page = client.get(f"{link}/bewerken/{section}").text
    fields: dict[str, str] = {}
    for match in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        if "__rij__" not in match.group(1):
            fields[match.group(1)] = _unescape(match.group(2))
    for match in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S):
        if "__rij__" not in match.group(1):
            fields[match.group(1)] = _unescape(match.group(2))
    for match in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', match.group(2))
        if "__rij__" not in match.group(1):
            fields[match.group(1)] = _unescape(chosen.group(1)) if chosen else ""
    fields.pop("git", None)
    return fields


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def test_saving_a_date_changes_only_that_line(client: TestClient, practice: Path) -> None:
    link = dossier_link(client, "J.P. de Vries")
    (practice / DE_VRIES).chmod(0o600)  # a dossier holds a BSN: its permissions stay
    before = (practice / DE_VRIES).read_text(encoding="utf-8")
    form = _form(client, link, "verzuim")
    form["verzuim.eerste_ziektedag"] = "2026-06-08"
    response = client.post(f"{link}/bewerken/verzuim", data=form)
    assert response.status_code == 303, response.text
    after = (practice / DE_VRIES).read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-  eerste_ziektedag: 2026-06-01",
        "+  eerste_ziektedag: 2026-06-08",
    ]
    assert (practice / DE_VRIES).stat().st_mode & 0o777 == 0o600
    assert "Eerste ziektedag 8 juni 2026" in client.get(link).text


@pytest.mark.slow
@pytest.mark.parametrize("name", ["S. El Amrani", "P.J. Bakker", "J.P. de Vries"])
def test_an_unchanged_form_writes_nothing(client: TestClient, practice: Path, name: str) -> None:
    from dossiergen.dossier.load import load_dossier

    link = dossier_link(client, name)
    files = {p.read_bytes(): p for p in (practice / "dossiers").glob("*.yaml")}
    for path in files.values():
        data = load_dossier(path).data
        if str(data.get("werknemer", {}).get("naam", "")) in name:
            break
    before = path.read_bytes()
    for section in [k for k in data if k != "schema_version"]:
        response = client.post(f"{link}/bewerken/{section}", data=_form(client, link, section))
        assert response.status_code == 422, section
        assert "Niets gewijzigd" in response.text, section
        assert path.read_bytes() == before, section


def test_an_error_in_the_section_keeps_the_file(client: TestClient, practice: Path) -> None:
    link = dossier_link(client, "J.P. de Vries")
    before = (practice / DE_VRIES).read_bytes()
    form = _form(client, link, "werknemer")
    form["werknemer.bsn"] = "999990010"
    response = client.post(f"{link}/bewerken/werknemer", data=form)
    assert response.status_code == 422
    assert "voldoet niet aan de elfproef" in response.text
    assert "niet opgeslagen: 1 fout in dit onderdeel" in response.text.lower()
    assert (practice / DE_VRIES).read_bytes() == before


def test_a_file_changed_since_the_form_was_made_is_not_overwritten(
    client: TestClient, practice: Path
) -> None:
    link = dossier_link(client, "J.P. de Vries")
    form = _form(client, link, "verzuim")
    path = practice / DE_VRIES
    path.write_text(path.read_text(encoding="utf-8") + "# nog een regel\n", encoding="utf-8")
    form["verzuim.eerste_ziektedag"] = "2026-06-08"
    response = client.post(f"{link}/bewerken/verzuim", data=form)
    assert response.status_code == 422
    assert "intussen buiten de werkbank gewijzigd" in response.text
    assert "eerste_ziektedag: 2026-06-01" in path.read_text(encoding="utf-8")


def test_saving_can_commit_the_change(tmp_path: Path) -> None:
    import subprocess

    practice = make_practice(tmp_path / "praktijk", git=True)
    app = werkbank_app(practice)
    with TestClient(app, base_url=BASE, follow_redirects=False) as client:
        client.get(f"/?token={TOKEN}")
        link = dossier_link(client, "J.P. de Vries")
        form = _form(client, link, "verzuim")
        form.update({"verzuim.eerste_ziektedag": "2026-06-02", "git": "ja", "bericht": "Datum"})
        response = client.post(f"{link}/bewerken/verzuim", data=form)
        assert response.status_code == 303
        assert "vastgelegd+in+git" in response.headers["location"]
    log = subprocess.run(
        ["git", "log", "--format=%s", "--name-only", "-1"],
        cwd=practice,
        capture_output=True,
        text=True,
        check=True,
    )
    assert log.stdout.split() == ["Datum", DE_VRIES]


# -- the guard ----------------------------------------------------------------------------------


def test_a_wrong_host_header_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "aanvaller.example:80"}).status_code == 403
    assert client.get("/", headers={"host": f"127.0.0.1.nip.io:{PORT}"}).status_code == 403
    assert client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_without_the_token_nothing_is_served(practice: Path) -> None:
    app = werkbank_app(practice)
    with TestClient(app, base_url=BASE, follow_redirects=False) as fresh:
        for path in ("/", "/agenda.ics", "/static/werkbank.css", "/gebeurtenissen"):
            assert fresh.get(path).status_code == 403, path
        assert fresh.get("/?token=" + "x" * 43).status_code == 403
        fresh.cookies.set(f"dossiergen_werkbank_{PORT}", "x" * 43)
        assert fresh.get("/").status_code == 403
        fresh.cookies.clear()
        assert fresh.get(f"/agenda.ics?token={TOKEN}").status_code == 200
        entered = fresh.get(f"/?token={TOKEN}&status=fouten")
        assert entered.status_code == 303
        assert entered.headers["location"] == "/?status=fouten"  # the token leaves the address
        assert "HttpOnly" in entered.headers["set-cookie"]
        assert "SameSite=Strict" in entered.headers["set-cookie"]
        assert fresh.get("/").status_code == 200


def test_a_change_without_the_csrf_token_is_refused(client: TestClient, practice: Path) -> None:
    link = dossier_link(client, "J.P. de Vries")
    before = (practice / DE_VRIES).read_bytes()
    form = _form(client, link, "verzuim")
    form["verzuim.eerste_ziektedag"] = "2026-06-08"
    without = {k: v for k, v in form.items() if k != "csrf"}
    assert client.post(f"{link}/bewerken/verzuim", data=without).status_code == 403
    wrong = {**form, "csrf": "x" * 43}
    assert client.post(f"{link}/bewerken/verzuim", data=wrong).status_code == 403
    elsewhere = client.post(
        f"{link}/bewerken/verzuim", data=form, headers={"origin": "http://aanvaller.example"}
    )
    assert elsewhere.status_code == 403
    assert (practice / DE_VRIES).read_bytes() == before


def test_nothing_outside_the_practice_is_served(
    client: TestClient, practice: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "buiten.yaml"
    outside.write_bytes((practice / DE_VRIES).read_bytes().replace(b"de Vries", b"Buitenstaander"))
    (practice / "dossiers" / "link.yaml").symlink_to(outside)
    page = client.get("/").text
    assert "Buitenstaander" not in page
    for path in (
        "/static/../../pyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/werkbank.py",
        "/dossier/..%2F..%2Fetc%2Fpasswd",
        "/dossier/0000000000000000",
        "/dossier/0000000000000000/document/rapport.docx",
        "/dossier/0000000000000000/bewerken/verzuim",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "[project]" not in response.text
    link = dossier_link(client, "J.P. de Vries")
    assert client.get(f"{link}/document/..%2F..%2Fpyproject.docx").status_code == 404
    assert client.get(f"{link}/bewerken/..%2F..%2Fetc").status_code == 404


def test_every_answer_forbids_caching_framing_and_foreign_scripts(client: TestClient) -> None:
    response = client.get("/")
    assert response.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


def test_no_dossier_content_in_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    link = dossier_link(client, "J.P. de Vries")
    client.get(link)
    client.get(f"{link}?document=rapport")
    form = _form(client, link, "werknemer")
    form["werknemer.roepnaam"] = "Geheimenaam"
    client.post(f"{link}/bewerken/werknemer", data=form)
    client.get("/", headers={"host": "aanvaller.example"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"GET {link} 200" in logged
    for secret in ("Geheimenaam", "Vries", "de-vries", "whiplash", "AD-2026", TOKEN, CSRF):
        assert secret not in logged, secret
