"""The timeline and agenda commands: the JSON contract, the table, and an importable .ics."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from icalendar import Calendar

from dossiergen.cli import main

MILESTONES = {
    "probleemanalyse",
    "plan_van_aanpak",
    "ziekmelding_uwv",
    "eerstejaarsevaluatie",
    "spoor_2_start",
    "wia_aanvraag",
    "einde_wachttijd",
}
STATUSES = {"op tijd", "te laat", "te vroeg", "open", "verlopen", "n.v.t."}


def test_timeline_json_contract_for_every_example() -> None:
    runner = CliRunner()
    for path in EXAMPLES:
        result = runner.invoke(
            main, ["timeline", str(path), "--peildatum", "2026-11-23", "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["dossier"] == str(path.relative_to(ROOT))
        assert data["peildatum"] == "2026-11-23"
        assert {"dossier", "eerste_ziektedag", "peildatum", "mijlpalen"} <= set(data)
        ids = {m["id"] for m in data["mijlpalen"]}
        assert MILESTONES - {"spoor_2_start"} <= ids
        for milestone in data["mijlpalen"]:
            assert set(milestone) == {
                "id",
                "omschrijving",
                "vanaf",
                "uiterlijk",
                "gedaan_op",
                "status",
                "regel",
            }
            assert milestone["status"] in STATUSES
            assert milestone["regel"]


def test_timeline_of_el_amrani_by_hand() -> None:
    # Eerste ziektedag maandag 16-02-2026 (X). Probleemanalyse: 42e ziektedag = X+41 = 29-03.
    # Ziekmelding: week 42 ends on the 294th day, zondag 06-12-2026; first werkdag after it is
    # maandag 07-12-2026. WIA-aanvraag: einde wachttijd (X+727 = 13-02-2028) minus 77 days.
    result = CliRunner().invoke(
        main,
        [
            "timeline",
            "dossiers/el-amrani-jobcarving.yaml",
            "--peildatum",
            "2026-11-23",
            "--format",
            "json",
        ],
    )
    data = {m["id"]: m for m in json.loads(result.stdout)["mijlpalen"]}
    assert data["probleemanalyse"]["uiterlijk"] == "2026-03-29"
    assert data["ziekmelding_uwv"]["uiterlijk"] == "2026-12-07"
    assert data["ziekmelding_uwv"]["status"] == "open"
    assert data["einde_wachttijd"]["uiterlijk"] == "2028-02-13"
    assert data["wia_aanvraag"]["uiterlijk"] == "2027-11-28"


def test_timeline_table_is_dutch_and_readable() -> None:
    result = CliRunner().invoke(
        main, ["timeline", "dossiers/bakker-spoor2.yaml", "--peildatum", "2026-11-25"]
    )
    assert result.exit_code == 0
    assert "Eerste ziektedag" in result.stdout
    assert "Ziekmelding bij UWV" in result.stdout
    assert "Samentelling" in result.stdout


def test_timeline_survives_problems_outside_verzuim(tmp_path: Path) -> None:
    dossier = tmp_path / "week2.yaml"
    dossier.write_text(
        "schema_version: 1\nwerknemer:\n  naam: Test\n  onbekend: x\n"
        "werkgever:\n  naam: B.V.\nverzuim:\n  eerste_ziektedag: 2026-11-09\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["timeline", str(dossier), "--peildatum", "2026-11-23"])
    assert result.exit_code == 0
    assert "waarschuwing: onbekende sleutel 'onbekend'" in result.stderr
    assert "Probleemanalyse" in result.stdout


def test_timeline_stops_on_invalid_verzuim(tmp_path: Path) -> None:
    dossier = tmp_path / "fout.yaml"
    dossier.write_text(
        "schema_version: 1\nwerknemer:\n  naam: Test\nwerkgever:\n  naam: B.V.\n"
        "verzuim:\n  eerste_ziektedag: 2026-02-30\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["timeline", str(dossier)])
    assert result.exit_code == 1
    assert f"{dossier}:7:21: fout:" in result.stderr


def test_agenda_lists_open_milestones_soonest_first_and_writes_ics(tmp_path: Path) -> None:
    ics = tmp_path / "agenda.ics"
    result = CliRunner().invoke(
        main, ["agenda", "dossiers", "--peildatum", "2026-11-25", "--ics", str(ics)]
    )
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line[2:3] == "-" and line[:2].isdigit()]
    days = [tuple(reversed(row[:10].split("-"))) for row in rows]
    assert days == sorted(days) and rows
    calendar = Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(rows)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    # Stable UIDs: a second export gives the same UIDs, so a re-import updates.
    again = tmp_path / "again.ics"
    CliRunner().invoke(
        main, ["agenda", "dossiers", "--peildatum", "2026-11-25", "--ics", str(again)]
    )
    assert [str(e["UID"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")] == uids


def test_agenda_marks_overdue_and_filters_by_period() -> None:
    late = CliRunner().invoke(main, ["agenda", "dossiers", "--peildatum", "2027-06-01"])
    assert "VERLOPEN" in late.stdout
    window = CliRunner().invoke(
        main,
        [
            "agenda",
            "dossiers",
            "--peildatum",
            "2026-11-25",
            "--van",
            "2027-01-01",
            "--tot",
            "2027-01-31",
        ],
    )
    rows = [line for line in window.stdout.splitlines() if line[2:3] == "-" and line[:2].isdigit()]
    assert rows and all(row[3:10] == "01-2027" for row in rows)


def test_agenda_bad_date_is_usage_error() -> None:
    result = CliRunner().invoke(main, ["agenda", "dossiers", "--van", "morgen"])
    assert result.exit_code == 2
