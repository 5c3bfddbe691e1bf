"""The loader: hostile and broken input gives Dutch problems with positions, never a traceback."""

from __future__ import annotations

import codecs
import os
import time
import tracemalloc
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


@pytest.mark.parametrize("depth", [60, 5000, 120_000])
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


def test_a_folder_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_dossier(tmp_path)
    assert "dit is een map, geen dossierbestand" in caught.value.problems[0].message


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.yaml"
    os.mkfifo(pipe)
    started = time.perf_counter()
    with pytest.raises(LoadError) as caught:
        load_dossier(pipe)
    assert time.perf_counter() - started < 1
    assert "named pipe" in caught.value.problems[0].message


def test_a_device_is_refused() -> None:
    with pytest.raises(LoadError) as caught:
        load_dossier(Path("/dev/zero"))
    assert "apparaat" in caught.value.problems[0].message


def test_an_unreadable_file_is_a_dutch_problem(tmp_path: Path) -> None:
    loop = tmp_path / "kring.yaml"
    loop.symlink_to(loop)
    with pytest.raises(LoadError) as caught:
        load_dossier(loop)
    assert caught.value.problems[0].message == (
        "bestand kan niet worden gelezen: symbolische koppelingen verwijzen in een kring naar "
        "elkaar"
    )


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
    [(_, _, message)] = problems_of(b"- " * 120_000 + b"x\n")
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


# --- numbers nothing can compute with, bidi controls, size bounds ----------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (".nan", "geen getal, NaN"),
        (".NaN", "geen getal, NaN"),
        (".inf", "oneindig"),
        ("-.Inf", "oneindig"),
        ("1e309", "groter dan 1e308"),
        ("-2.5e400", "groter dan 1e308"),
        ("9" * 4301, "meer dan 4300 cijfers"),
        ("-" + "1" * 5000, "meer dan 4300 cijfers"),
        ("0x" + "f" * 3600, "meer dan 4300 cijfers"),
        ("0o" + "7" * 4800, "meer dan 4300 cijfers"),
    ],
)
def test_numbers_that_cannot_be_computed_with_are_refused_at_their_place(
    value: str, words: str
) -> None:
    [(line, column, message)] = problems_of(f"a: 1\nb:\n  c: {value}\n".encode())
    assert (line, column) == (3, 6)
    assert words in message
    assert len(message) < 200, "the number itself is shortened in the message"


def test_large_but_printable_numbers_still_load() -> None:
    data = parse_dossier_bytes(f"a: {'9' * 4300}\nb: 1e308\nc: 0x{'f' * 3500}\n".encode(), "d")
    assert data["a"] == int("9" * 4300)
    assert data["b"] == 1e308


@pytest.mark.parametrize("character", ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c"])
def test_bidi_control_characters_are_a_problem_at_their_position(character: str) -> None:
    [(line, column, message)] = problems_of(f"a: 1\nb: Jan{character}sen\n".encode())
    assert (line, column) == (2, 7)
    assert f"U+{ord(character):04X}" in message
    assert "richtingsteken" in message


def test_an_escaped_bidi_control_is_a_problem_at_its_value() -> None:
    [(line, column, message)] = problems_of(b'a: 1\nb: "Jan\\u202Esen"\n')
    assert (line, column) == (2, 4)
    assert "RIGHT-TO-LEFT OVERRIDE" in message and "als escape geschreven" in message


def _size_bomb(repeats: int) -> bytes:
    """A 41 kB file whose aliases inflate it to ``40 kB × 40 × repeats`` of text."""
    text = "a: &a " + "x" * 40_000 + "\n"
    text += "b: &b [" + ",".join(["*a"] * 40) + "]\n"
    text += "c: [" + ",".join(["*b"] * repeats) + "]\n"
    return text.encode()


def test_aliases_are_bounded_by_the_size_they_expand_to_not_by_their_count() -> None:
    raw = _size_bomb(190)  # 304 MB after expansion, in fewer than 8,000 nodes
    assert len(raw) < 50_000
    started = time.perf_counter()
    [(line, column, message)] = problems_of(raw)
    assert time.perf_counter() - started < 1.0
    assert (line, column) == (1, 4)
    assert "anker (&)" in message and "1024 kB" in message


def test_a_few_aliases_of_a_small_anchor_are_fine() -> None:
    data = parse_dossier_bytes(b"a: &a [1, 2]\nb: *a\nc: *a\n", "d.yaml")
    assert data["b"] == [1, 2]


def test_a_file_of_the_largest_size_with_tiny_keys_checks_in_under_a_second() -> None:
    from datetime import date

    from dossiergen.checker import check_dossier, schemas_at
    from dossiergen.config import default_resources
    from dossiergen.dossier.load import LoadedDossier

    lines = "".join(f"k{i:06d}: v\n" for i in range(MAX_FILE_BYTES // 10))
    raw = ("schema_version: 2\n" + lines).encode()[: MAX_FILE_BYTES - 20]
    raw = raw[: raw.rindex(b"\n") + 1]
    assert raw.count(b"k") > 90_000
    schemas = schemas_at(default_resources().schemas_dir)
    started = time.process_time()  # CPU time: other work on the machine counts far less
    dossier = LoadedDossier(Path("d.yaml"), "d.yaml", parse_dossier_bytes(raw, "d.yaml"), raw)
    problems = check_dossier(dossier, schemas, date(2026, 11, 25))
    # about 0.8 s of CPU time on an idle machine; a busy one (shared caches) gets slack
    assert time.process_time() - started < 1.5
    tracemalloc.start()  # again, for the memory: tracing slows it four times
    try:
        again = LoadedDossier(Path("d.yaml"), "d.yaml", parse_dossier_bytes(raw, "d.yaml"), raw)
        check_dossier(again, schemas, date(2026, 11, 25))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024  # about 70 MB
    unknown = [p for p in problems if p.message.startswith("onbekende sleutel")]
    assert len(unknown) == 25
    [summary] = [p for p in problems if p.message.startswith("en nog ")]
    assert f"en nog {raw.count(b'k') - 25} onbekende sleutels" in summary.message
