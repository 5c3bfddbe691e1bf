"""The timeline and agenda commands: the JSON contract, the table, and an importable .ics."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
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
        "schema_version: 2\nwerknemer:\n  naam: Test\n  onbekend: x\n"
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
        "schema_version: 2\nwerknemer:\n  naam: Test\nwerkgever:\n  naam: B.V.\n"
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
    still_open = [e for e in events if not str(e["SUMMARY"]).startswith(("Gedaan", "Vervallen"))]
    assert len(still_open) == len(rows)
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


# --- the calendar: UIDs of the case, done and cancelled milestones, links --------------------


def _events(ics: Path) -> dict[str, dict[str, str]]:
    """Per event summary without prefix: UID, STATUS, SUMMARY and SEQUENCE."""
    found = {}
    for event in Calendar.from_ical(ics.read_bytes()).walk("VEVENT"):
        found[str(event["UID"])] = {
            "status": str(event["STATUS"]),
            "summary": str(event["SUMMARY"]),
            "sequence": str(event["SEQUENCE"]),
        }
    return found


def _agenda(paths: list[Path], ics: Path, peildatum: str = "2026-11-25") -> Result:
    args = ["agenda", *map(str, paths), "--peildatum", peildatum, "--ics", str(ics)]
    return CliRunner().invoke(main, args)


def test_ics_uids_come_from_the_case_not_the_file_name_or_folder(tmp_path: Path) -> None:
    source = (ROOT / "dossiers" / "bakker-spoor2.yaml").read_text(encoding="utf-8")
    kenmerk = source.split("kenmerk:", 1)[1].split("\n", 1)[0].strip()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "dossier.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "b" / "dossier.yaml").write_text(
        source.replace(f"kenmerk: {kenmerk}", "kenmerk: AD-2026-9999", 1), encoding="utf-8"
    )
    both = _agenda([tmp_path], tmp_path / "beide.ics")
    assert both.exit_code == 0, both.output
    uids = list(_events(tmp_path / "beide.ics"))
    assert len(set(uids)) == len(uids), "same file name in two folders: distinct UIDs"
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "kopie.yaml").write_text(source, encoding="utf-8")  # the same kenmerk
    copied = _agenda([tmp_path], tmp_path / "kopie.ics")
    assert copied.exit_code == 0
    assert "hetzelfde kenmerk als" in copied.stderr
    uids = list(_events(tmp_path / "kopie.ics"))
    assert len(set(uids)) == len(uids)
    (tmp_path / "c" / "kopie.yaml").unlink()
    alone = _agenda([tmp_path / "a" / "dossier.yaml"], tmp_path / "a.ics")
    assert alone.exit_code == 0
    renamed = tmp_path / "elders" / "hernoemd.yaml"
    renamed.parent.mkdir()
    (tmp_path / "a" / "dossier.yaml").rename(renamed)
    again = _agenda([renamed], tmp_path / "hernoemd.ics")
    assert again.exit_code == 0
    assert list(_events(tmp_path / "hernoemd.ics")) == list(_events(tmp_path / "a.ics"))


def test_ics_marks_done_and_no_longer_applicable_milestones(tmp_path: Path) -> None:
    minimal = (ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml").read_text("utf-8")
    dossier = tmp_path / "jansen.yaml"
    dossier.write_text(minimal, encoding="utf-8")
    before = tmp_path / "voor.ics"
    assert _agenda([dossier], before, "2026-11-25").exit_code == 0
    # The employee recovers, and the probleemanalyse is recorded: its deadline is met.
    dossier.write_text(
        minimal
        + "  ziekteperioden:\n    - van: 2026-11-23\n      tot: 2026-11-27\n"
        + "  probleemanalyse:\n    datum: 2026-11-26\n"
        + "    door: {naam: N. Bos, rol: bedrijfsarts}\n",
        encoding="utf-8",
    )
    after = tmp_path / "na.ics"
    result = _agenda([dossier], after, "2026-12-01")
    assert result.exit_code == 0, result.output
    old, new = _events(before), _events(after)
    assert set(old) <= set(new), "every event exported before comes back, so it is updated"
    changed = {uid: new[uid] for uid in old if new[uid]["summary"] != old[uid]["summary"]}
    assert changed
    assert any(e["status"] == "CANCELLED" for e in changed.values())
    assert all(int(new[uid]["sequence"]) > int(old[uid]["sequence"]) for uid in old)
    statuses = {e["summary"].split(" ")[0] for e in new.values()}
    assert "Gedaan" in statuses or any(e["status"] == "CANCELLED" for e in new.values())


def test_ics_through_a_symbolic_link_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "agenda" / "termijnen.ics"
    target.parent.mkdir()
    target.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    result = _agenda([ROOT / "dossiers"], link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    loop = tmp_path / "kring.ics"
    loop.symlink_to(loop)
    refused = _agenda([ROOT / "dossiers"], loop)
    assert refused.exit_code == 1
    assert "symbolische koppeling" in refused.output
    assert loop.is_symlink()


def test_agenda_and_timeline_on_a_folder_with_one_bad_file_do_all_the_others(
    tmp_path: Path,
) -> None:
    for example in EXAMPLES:
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / "kapot.yaml").write_text("schema_version: 2\nverzuim: [\n", encoding="utf-8")
    agenda = CliRunner().invoke(main, ["agenda", str(tmp_path), "--peildatum", "2026-11-25"])
    assert agenda.exit_code == 1
    assert f"{tmp_path / 'kapot.yaml'}:" in agenda.stderr
    for example in EXAMPLES:
        assert f"{example.name}" in agenda.stdout
    timeline = CliRunner().invoke(
        main, ["timeline", str(tmp_path), "--peildatum", "2026-11-25", "--format", "json"]
    )
    assert timeline.exit_code == 1
    assert f"{tmp_path / 'kapot.yaml'}:" in timeline.stderr
    assert len(json.loads(timeline.stdout)) == len(EXAMPLES)
