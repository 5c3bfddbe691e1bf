"""The loader: hostile and broken input gives Dutch problems with positions, never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossiergen.dossier.load import MAX_FILE_BYTES, load_dossier, parse_dossier_bytes
from dossiergen.errors import LoadError


def problems_of(raw: bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(LoadError) as caught:
        parse_dossier_bytes(raw, "d.yaml")
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def test_dates_stay_text_and_positions_are_kept() -> None:
    data = parse_dossier_bytes(b"verzuim:\n  eerste_ziektedag: 2026-01-05\n", "d.yaml")
    assert data["verzuim"]["eerste_ziektedag"] == "2026-01-05"
    assert isinstance(data["verzuim"]["eerste_ziektedag"], str)
    assert data["verzuim"].lc.value("eerste_ziektedag") == (1, 20)


def test_impossible_date_is_text_not_a_crash() -> None:
    data = parse_dossier_bytes(b"a: 2026-02-30\n", "d.yaml")
    assert data["a"] == "2026-02-30"


@pytest.mark.parametrize(
    ("raw", "line", "column", "words"),
    [
        (b"", 1, 1, "bestand is leeg"),
        (b"# alleen commentaar\n\n", 1, 1, "bestand is leeg"),
        (b"- a\n- b\n", 1, 1, "het dossier is een lijst"),
        (b"hallo\n", 1, 1, "het dossier is een losse waarde"),
        (b"a: [1, 2\nb: 3\n", 2, 2, "haakje"),
        (b"a:\n\tb: 1\n", 2, 1, "tab gevonden"),
        (b"a: 1\nb: 2\na: 3\n", 3, 1, "sleutel 'a' staat twee keer"),
        (b"a: 1\n---\nb: 2\n", 3, 1, "meer dan één YAML-document"),
        (b"a: b: c\n", 1, 5, "onverwachte ':'"),
        (b'a: "abc\nb: 1\n', 3, 1, "aanhalingsteken"),
        (b"a: *nope\n", 1, 4, "anker"),
        ("naam: José\n".encode("latin-1"), 1, 10, "geen UTF-8"),
        ("naam: x\n".encode("utf-16"), 1, 1, "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, 1, "binair bestand"),
    ],
)
def test_broken_files_get_a_dutch_message_at_the_right_place(
    raw: bytes, line: int, column: int, words: str
) -> None:
    [(got_line, got_column, message)] = problems_of(raw)
    assert words in message
    assert (got_line, got_column) == (line, column)


def test_every_forbidden_control_character_is_reported() -> None:
    found = problems_of(b'a: "x\x07y"\nb: "\x0b"\nc: ok\n')
    assert [(line, column) for line, column, _ in found] == [(1, 6), (2, 5)]
    assert all("besturingsteken" in message for _, _, message in found)


def test_python_tags_never_construct_anything(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    raw = f'a: !!python/object/apply:os.system ["touch {marker}"]\nb: !eigen x\n'.encode()
    found = problems_of(raw)
    assert [(line, column) for line, column, _ in found] == [(1, 4), (2, 4)]
    assert "!!python/object/apply:os.system" in found[0][2]
    assert not marker.exists()


def test_alias_bomb_is_stopped() -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghij":
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    [(_, _, message)] = problems_of(text.encode())
    assert "ankers" in message


@pytest.mark.parametrize("depth", [60, 5000, 300_000])
def test_extreme_nesting_is_stopped(depth: int) -> None:
    [(_, _, message)] = problems_of(b"a: " + b"[" * depth + b"]" * depth + b"\n")
    assert "te diep genest" in message


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    with pytest.raises(LoadError) as caught:
        load_dossier(path)
    assert "te groot" in caught.value.problems[0].message


def test_utf8_bom_is_accepted() -> None:
    assert parse_dossier_bytes(codecs.BOM_UTF8 + b"a: 1\n", "d.yaml")["a"] == 1


def test_unreadable_path_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_dossier(tmp_path)  # a folder cannot be read as a file
    assert "kan niet worden gelezen" in caught.value.problems[0].message


@pytest.mark.fuzz
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_escape_as_anything_but_load_error(raw: bytes) -> None:
    try:
        parse_dossier_bytes(raw, "d.yaml")
    except LoadError as e:
        assert e.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in e.problems)


_yamlish = st.lists(
    st.sampled_from([*"ab:-[]{}&*!|>'\"#% \n\t,?", "2026-02-30", "\x07", "é", "!!python/name:"]),
    max_size=80,
).map("".join)


@pytest.mark.fuzz
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_yamlish)
def test_yaml_like_text_never_escapes_as_anything_but_load_error(text: str) -> None:
    try:
        parse_dossier_bytes(text.encode(), "d.yaml")
    except LoadError as e:
        assert e.problems


def test_deep_block_nesting_on_one_line_is_refused_not_crashed() -> None:
    [(_, _, message)] = problems_of(b"- " * 200_000 + b"x\n")
    assert "te diep genest" in message


def test_numbers_booleans_and_nulls_follow_yaml_1_2() -> None:
    data = parse_dossier_bytes(
        b"a: 0612\nb: ja\nc: yes\nd: true\ne: ~\nf: 1.5\ng: 0o17\nh: '0612'\n", "d.yaml"
    )
    assert data == {
        "a": 612,
        "b": "ja",
        "c": "yes",
        "d": True,
        "e": None,
        "f": 1.5,
        "g": 15,
        "h": "0612",
    }


def test_all_duplicate_keys_are_reported() -> None:
    found = problems_of(b"a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert [(line, column) for line, column, _ in found] == [(4, 3), (5, 1)]
