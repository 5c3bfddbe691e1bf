"""The round-trip writer: an edit changes the edited values and not one other byte."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import pytest

from dossiergen.dossier.load import parse_dossier_bytes
from dossiergen.dossier.roundtrip import RoundTripError, YamlDocument

ROOT = Path(__file__).resolve().parent.parent
VALID = sorted((ROOT / "dossiers").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml")
)

COMMENTED = b"""\
# Een dossier met commentaar op elke plek.
schema_version: 2

werknemer:
  naam: Jansen  # achternaam
  voorletters: 'A.'
  bsn: "999990068"  # fictief
  notitie: |
    Eerste regel.
    Tweede regel.

verzuim:
  eerste_ziektedag: 2026-01-05
  ziekteperioden:
    - van: 2026-01-05
      tot: 2026-02-01  # hersteld
    # de terugval
    - van: 2026-02-10
      toelichting: terugval

# De bedrijfsarts komt hierna.
bedrijfsarts:
  naam: T. Wijnands
"""


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines removed and added, as ``-text`` and ``+text``."""
    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    return [line[0] + line[2:] for line in diff if line[:1] in "+-"]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_every_valid_dossier_comes_back_byte_identical(path: Path) -> None:
    raw = path.read_bytes()
    assert YamlDocument.parse(raw, path.name).dump() == raw


def test_a_date_edit_changes_only_its_line() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.set(("verzuim", "eerste_ziektedag"), date(2026, 1, 12))
    assert changed_lines(COMMENTED, document.dump()) == [
        "-  eerste_ziektedag: 2026-01-05",
        "+  eerste_ziektedag: 2026-01-12",
    ]


def test_a_string_keeps_its_quotes_and_its_comment() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.set(("werknemer", "bsn"), "999888777")
    document.set(("werknemer", "voorletters"), "B.")
    document.set(("werknemer", "naam"), "Pietersen")
    assert sorted(changed_lines(COMMENTED, document.dump())) == [
        '+  bsn: "999888777"  # fictief',
        "+  naam: Pietersen  # achternaam",
        "+  voorletters: 'B.'",
        '-  bsn: "999990068"  # fictief',
        "-  naam: Jansen  # achternaam",
        "-  voorletters: 'A.'",
    ]


def test_a_block_string_stays_a_block() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.set(("werknemer", "notitie"), "Eerste regel.\nAndere tweede regel.\n")
    assert changed_lines(COMMENTED, document.dump()) == [
        "-    Tweede regel.",
        "+    Andere tweede regel.",
    ]


def test_text_that_yaml_would_misread_is_quoted() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.set(("bedrijfsarts", "naam"), "2026-01-05")
    document.set(("bedrijfsarts", "telefoon"), "0612345678")
    data = parse_dossier_bytes(document.dump(), "x.yaml")
    assert data["bedrijfsarts"]["naam"] == "2026-01-05"
    assert data["bedrijfsarts"]["telefoon"] == "0612345678"


def test_a_row_added_in_the_middle_leaves_the_other_rows_and_comments() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    rows = [
        {"van": date(2026, 1, 5), "tot": date(2026, 2, 1)},
        {"van": date(2026, 2, 5), "tot": date(2026, 2, 6)},
        {"van": date(2026, 2, 10), "toelichting": "terugval"},
    ]
    document.merge(("verzuim", "ziekteperioden"), rows)
    assert changed_lines(COMMENTED, document.dump()) == [
        "+    - van: 2026-02-05",
        "+      tot: 2026-02-06",
    ]


def test_a_row_removed_takes_only_its_own_lines() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.merge(
        ("verzuim", "ziekteperioden"), [{"van": date(2026, 2, 10), "toelichting": "terugval"}]
    )
    after = document.dump().decode()
    assert "tot: 2026-02-01  # hersteld" not in after
    assert "    - van: 2026-02-10\n      toelichting: terugval\n" in after
    assert "# De bedrijfsarts komt hierna.\nbedrijfsarts:" in after


def test_a_row_appended_at_the_end_goes_before_the_next_sections_comment() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    rows = [
        {"van": date(2026, 1, 5), "tot": date(2026, 2, 1)},
        {"van": date(2026, 2, 10), "toelichting": "terugval"},
        {"van": date(2026, 4, 1)},
    ]
    document.merge(("verzuim", "ziekteperioden"), rows)
    assert changed_lines(COMMENTED, document.dump()) == ["+    - van: 2026-04-01"]
    after = document.dump().decode()
    assert "    - van: 2026-04-01\n\n# De bedrijfsarts komt hierna.\n" in after


def test_removing_the_last_key_keeps_the_comment_after_it() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.delete(("verzuim", "ziekteperioden", 1, "toelichting"))
    after = document.dump().decode()
    assert "    - van: 2026-02-10\n\n# De bedrijfsarts komt hierna.\n" in after
    assert changed_lines(COMMENTED, document.dump()) == ["-      toelichting: terugval"]


def test_a_new_key_goes_where_the_order_puts_it() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    order = ["naam", "voorletters", "roepnaam", "bsn", "notitie"]
    document.set(("werknemer", "roepnaam"), "Anna", key_order=order)
    after = document.dump().decode()
    assert "  voorletters: 'A.'\n  roepnaam: Anna\n  bsn:" in after


def test_merge_of_an_equal_section_changes_nothing() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    section = {
        "eerste_ziektedag": date(2026, 1, 5),
        "ziekteperioden": [
            {"van": date(2026, 1, 5), "tot": date(2026, 2, 1)},
            {"van": date(2026, 2, 10), "toelichting": "terugval"},
        ],
    }
    document.merge(("verzuim",), section)
    assert document.dump() == COMMENTED


def test_merge_of_a_whole_section_edits_only_what_differs() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    section = {
        "naam": "Jansen",
        "voorletters": "A.",
        "bsn": "999990068",
        "notitie": "Eerste regel.\nTweede regel.\n",
        "geslacht": "vrouw",
    }
    document.merge(("werknemer",), section, key_order={("werknemer",): ["naam", "geslacht"]})
    assert changed_lines(COMMENTED, document.dump()) == ["+  geslacht: vrouw"]


def test_windows_line_endings_stay() -> None:
    raw = COMMENTED.replace(b"\n", b"\r\n")
    document = YamlDocument.parse(raw, "x.yaml")
    assert document.dump() == raw
    document.set(("bedrijfsarts", "naam"), "A. de Boer")
    assert b"  naam: A. de Boer\r\n" in document.dump()
    assert b"\n" not in document.dump().replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"a:   1\n", "opmaak"),
        (b"a:\n- 1\n-   2\n", "opmaak"),
        (b"- 1\n- 2\n", "geen YAML-mapping"),
        (b"a: [1\n", "geen geldige YAML"),
        (b"a: 1\r\nb: 2\n", "gemengde regeleinden"),
        (b"a: \xff\n", "geen UTF-8"),
    ],
)
def test_a_file_that_would_be_reformatted_is_refused(raw: bytes, reason: str) -> None:
    with pytest.raises(RoundTripError, match=reason):
        YamlDocument.parse(raw, "x.yaml")


def _leaves(node: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [leaf for index, value in enumerate(node) for leaf in _leaves(value, (*path, index))]
    return [path]


def _changed(value: object) -> object:
    from datetime import timedelta

    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, date):
        return value + timedelta(days=1)
    return f"{value} anders"


@pytest.mark.slow
@pytest.mark.parametrize("path", VALID[:3], ids=lambda p: p.name)
def test_every_single_value_edit_changes_exactly_its_own_line(path: Path) -> None:
    raw = path.read_bytes()
    whole = YamlDocument.parse(raw, path.name)
    leaves = [leaf for leaf in _leaves(whole.data) if "\n" not in str(whole.get(leaf))]
    assert len(leaves) > 100
    for leaf in leaves[:: len(leaves) // 25]:  # 25 values from top to bottom of the file
        document = YamlDocument.parse(raw, path.name)
        old = document.get(leaf)
        document.set(leaf, _changed(old))
        lines = changed_lines(raw, document.dump())
        assert len(lines) == 2, (leaf, lines)
        assert lines[0].startswith("-") and lines[1].startswith("+"), (leaf, lines)
        assert parse_dossier_bytes(document.dump(), path.name) is not None


# -- comments ------------------------------------------------------------------------------------


def test_a_comment_goes_at_the_end_of_its_line_and_nothing_else_moves() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.comment(("werknemer", "voorletters"), "nagekeken")
    document.comment(("werknemer", "naam"), "uit het paspoort")
    document.comment(("verzuim", "ziekteperioden", 1, "van"), "na de terugval")
    document.comment(("verzuim", "ziekteperioden", 1, "toelichting"), "zie het verslag")
    assert changed_lines(COMMENTED, document.dump()) == [
        "-  naam: Jansen  # achternaam",
        "-  voorletters: 'A.'",
        "+  naam: Jansen  # achternaam  # uit het paspoort",
        "+  voorletters: 'A.'  # nagekeken",
        "-    - van: 2026-02-10",
        "-      toelichting: terugval",
        "+    - van: 2026-02-10  # na de terugval",
        "+      toelichting: terugval  # zie het verslag",
    ]
    assert (
        "terugval  # zie het verslag\n\n# De bedrijfsarts komt hierna.\n"
        in document.dump().decode()
    )


def test_a_comment_in_a_flow_mapping_goes_after_it() -> None:
    raw = b"rijen:\n  - {naam: a, uren: 8}\n  - {naam: b, uren: 4}\nnaam: x\n"
    document = YamlDocument.parse(raw, "x.yaml")
    document.set(("rijen", 0, "uren"), 16)
    document.comment(("rijen", 0, "uren"), "verdubbeld")
    assert changed_lines(raw, document.dump()) == [
        "-  - {naam: a, uren: 8}",
        "+  - {naam: a, uren: 16}  # verdubbeld",
    ]


def test_edit_comments_reaches_every_comment() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    document.edit_comments(lambda text: text.replace("# ", "# X "))
    after = document.dump().decode()
    assert "\n# X De bedrijfsarts komt hierna.\n" in after
    assert "\n    # X de terugval\n" in after
    assert after.startswith("# X Een dossier")
    assert after.replace("# X ", "# ") == COMMENTED.decode()


def test_a_comment_on_a_missing_value_is_an_error() -> None:
    document = YamlDocument.parse(COMMENTED, "x.yaml")
    with pytest.raises(KeyError):
        document.comment(("werknemer", "roepnaam"), "x")
