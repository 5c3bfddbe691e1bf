"""The line reader gives exactly what the event reader gives, or declines.

Compared are the data (with types), key order and the ``.lc`` position of every key, value and
item; a text the event reader refuses must be declined. The examples, the valid test dossiers
and generated dossiers must be read by the line reader, so that it serves real dossiers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dossiergen.dossier.load import parse_dossier_bytes
from dossiergen.dossier.yaml_events import EventConstructor, read_events
from dossiergen.dossier.yaml_fast import read_fast
from dossiergen.dossier.yaml_nodes import PositionedList, PositionedMap
from dossiergen.errors import LoadError

ROOT = Path(__file__).resolve().parent.parent


def by_events(text: str) -> Any:
    """What the event reader builds of ``text`` (raises for anything it refuses)."""
    stream = read_events(text)
    roots = stream.documents()
    if len(roots) != 1 or stream.kind(roots[0]) != "mapping":
        raise LoadError("not one mapping", ())
    return EventConstructor("d.yaml", stream).build(roots[0])


def layout(data: Any) -> Any:
    """Data with its type and every position, for an exact comparison."""
    if isinstance(data, PositionedMap):
        return (
            "map",
            [(k, data.lc.key(k), data.lc.value(k), layout(v)) for k, v in data.items()],
        )
    if isinstance(data, PositionedList):
        return ("list", [(data.lc.item(i), layout(v)) for i, v in enumerate(data)])
    return (type(data).__name__, data)


def assert_same_as_events(text: str) -> bool:
    """True when the line reader read ``text`` (and then exactly as the event reader did)."""
    fast = read_fast(text)
    if fast is None:
        return False
    try:
        reference = by_events(text)
    except Exception as e:  # the event reader refuses: the line reader should have declined
        pytest.fail(f"read by the line reader, refused by the event reader: {e}\n{text}")
    assert layout(fast) == layout(reference), text
    return True


def dossier_texts() -> list[Path]:
    return sorted((ROOT / "dossiers").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml")
    )


@pytest.mark.parametrize("path", dossier_texts(), ids=lambda p: p.name)
def test_examples_are_read_line_by_line_exactly_as_by_events(path: Path) -> None:
    assert assert_same_as_events(path.read_text("utf-8"))


@pytest.mark.slow
def test_generated_dossiers_are_read_line_by_line_exactly_as_by_events(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import genereer
    finally:
        sys.path.remove(str(ROOT / "bench"))
    paths = genereer.generate(100, tmp_path / "voorbeeld", seed=7, size=1)
    paths += genereer.generate(100, tmp_path / "synthetisch", seed=7)
    for path in paths:
        assert assert_same_as_events(path.read_text("utf-8")), path.name


def test_the_loader_uses_the_line_reader_and_the_events_for_the_rest() -> None:
    text = "werknemer:\n  naam: Bakker\n  uren: 40\n"
    assert parse_dossier_bytes(text.encode(), "d.yaml") == {
        "werknemer": {"naam": "Bakker", "uren": 40}
    }
    with pytest.raises(LoadError) as caught:
        parse_dossier_bytes(b"a: 1\na: 2\n", "d.yaml")
    assert "twee keer" in caught.value.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key: the event reader reports it
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: b\n  c\n",  # a plain scalar over two lines
        "a: 'b\n  c'\n",
        "a:\n\tb: 1\n",
        "a: 1\rb: 2\n",  # a lone carriage return is a line break to libyaml
        "a: 1",  # no final newline
        "a: b: c\n",
        "a: .nan\n",
        "a: 1e400\n",
        '"a": 1\n',
        "? a\n: 1\n",
        "a:\n - 1\n  - 2\n",
        "a: |2\n   b\n",
        "a: >\n  b\n    c\n",
        "a: {b: 1, b: 2}\n",
        "a: [1, 2\n",
        "a: {b: c:d}\n",
        "<<: {a: 1}\n",
        "true: 1\n",
        "- a\n",
        'a: "\\x41"\n',
        "b: [x?y]\n",  # libyaml ends a plain scalar at "?" in a flow collection
        "k" * 1100 + ": 1\n",  # libyaml refuses a key of more than 1024 characters
        "a: {" + "k" * 1100 + ": 1}\n",
    ],
)
def test_what_the_line_reader_leaves_to_the_events(text: str) -> None:
    assert read_fast(text) is None


#: Every text of up to two of these characters, in each of these places, is compared.
SHORT_ALPHABET = "a1 :#-,'\"\\[]{}&*!|>?%@.~`=<+/"
SHORT_PLACES = ["b: {}\n", "b: [{}]\n", "b: {{a: {}}}\n", "- {}\n", "b:\n- {}\n", "b: x{}\n",
                "b: [x{}, y]\n", "{}: 1\n", "b: {{{}: 1}}\n", "b: |\n  {}\n", "b: >\n  {}\n  x\n",
                "b: '{}'\n", 'b: "{}"\n']  # fmt: skip


def test_every_short_value_in_every_place_is_read_as_by_events_or_declined() -> None:
    pairs = [a + b for a in SHORT_ALPHABET for b in SHORT_ALPHABET]
    accepted = sum(
        assert_same_as_events(place.format(text))
        for text in [*SHORT_ALPHABET, *pairs]
        for place in SHORT_PLACES
    )
    assert accepted > 2000  # the comparison is not vacuous


WORDS = ["naam", "rol", "datum", "a", "b_c", "x1", "no", "on", "y", "_", "n", "taken", "van"]
KEYS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5, unique=True)
HOSTILE_KEYS = st.lists(
    st.sampled_from([*WORDS, "true", "Null", "1", "a b", "-", "x:y"]), min_size=1
)
SPECIAL = st.sampled_from(
    ["true", "False", "null", "~", "", "12", "-5", "+3", "0x1F", "0o17", "1_000", "1.5", "1e400",
     ".nan", "-.inf", "2025-04-11", "2025-02-30", "12:30", "<<", "=", "a: b", "a #b", "a#b",
     "x:", "- a", "'q'", '"d"', "[1]", "{a: 1}", "&a", "*a", "!x", "|", ">", "%", "@", "`",
     "?", ":", ",", "T. Wijnands", "Werkt 20 uur; herstel verloopt voorspoedig."]
)  # fmt: skip
TEXT = st.one_of(
    st.from_regex(r"[A-Za-zé][a-z .;,'()/0-9-]{0,20}[a-z.]", fullmatch=True),
    st.sampled_from(["true", "null", "", "12", "-5", "1.5", "2025-04-11", "a\n\nb c\n", "x\n"]),
)
HOSTILE_TEXT = st.one_of(
    TEXT,
    SPECIAL,
    st.text(st.sampled_from("aZé09 .-'?&*!|>%@~/\\\"`=<+"), min_size=1, max_size=6),
    st.text(st.sampled_from("aZé09 :#-,'\"\\[]{}&*!|>?%@.~/\n"), max_size=14),
)


def scalar_lines(value: str, style: str, indent: int) -> tuple[str, list[str]]:
    """A scalar written in ``style``: what follows the key, and the lines below it."""
    pad = " " * indent
    if style == "plain":
        return value, []
    if style == "single":
        return "'" + value.replace("'", "''") + "'", []
    if style == "double":
        return json.dumps(value, ensure_ascii=False), []
    if style == "flow":
        return "{naam: " + value + ", rol: [" + value + ", b]}", []
    header = style.split(":")[1]
    return header, [pad + line if line else "" for line in value.split("\n")]


STYLES = ["plain", "plain", "single", "double", "flow", "block:|", "block:|-", "block:|+",
          "block:>", "block:>-"]  # fmt: skip


@st.composite
def yaml_node(draw: st.DrawFn, indent: int, depth: int, hostile: bool) -> list[str]:
    """The lines of a block mapping at ``indent``, dossier-like (with hostile bits)."""
    lines: list[str] = []
    pad = " " * indent
    for key in draw(HOSTILE_KEYS if hostile else KEYS):
        kind = draw(st.sampled_from(["scalar", "scalar", "map", "list", "empty", "comment"]))
        if kind == "comment":
            lines.append(pad + draw(st.sampled_from(["# opmerking", "", "  # ingesprongen"])))
            kind = "scalar"
        if kind == "map" and depth < 3:
            lines.append(f"{pad}{key}:")
            lines += draw(
                yaml_node(indent + draw(st.sampled_from([2, 2, 4, 1])), depth + 1, hostile)
            )
        elif kind == "list" and depth < 3:
            lines.append(f"{pad}{key}:")
            lines += draw(
                yaml_list(indent + draw(st.sampled_from([0, 2, 2, 4])), depth + 1, hostile)
            )
        elif kind == "empty":
            lines.append(f"{pad}{key}:" + draw(st.sampled_from(["", " ", "  # leeg"])))
        else:
            style = draw(st.sampled_from(STYLES))
            head, below = scalar_lines(draw(HOSTILE_TEXT if hostile else TEXT), style, indent + 2)
            tail = draw(st.sampled_from(["", "", " # c", "  ", "#c" if hostile else ""]))
            lines.append(f"{pad}{key}: {head}{tail}")
            lines += below
    return lines


@st.composite
def yaml_list(draw: st.DrawFn, indent: int, depth: int, hostile: bool) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()) and depth < 3:
            inner = draw(yaml_node(indent + 2, depth + 1, hostile))
            lines.append(pad + "- " + inner[0][indent + 2 :])
            lines += inner[1:]
        else:
            style = draw(st.sampled_from(["plain", "single", "double", "flow", "block:|"]))
            head, below = scalar_lines(draw(HOSTILE_TEXT if hostile else TEXT), style, indent + 2)
            lines.append(f"{pad}- {head}")
            lines += below
    return lines


@st.composite
def dossier_like(draw: st.DrawFn) -> str:
    hostile = draw(st.booleans())
    lines = draw(yaml_node(0, 0, hostile))
    if hostile and draw(st.booleans()):  # a hostile bit somewhere
        number = draw(st.integers(0, len(lines) - 1))
        line = lines[number]
        position = draw(st.integers(0, len(line)))
        bit = draw(st.sampled_from([" ", "\t", "#", ":", "- ", "&a ", "*a", "!", "'", '"',
                                    "---", "? ", "{", "]", "\\", "\r", "\x85", "  "]))  # fmt: skip
        lines[number] = line[:position] + bit + line[position:]
    if hostile and draw(st.booleans()) and len(lines) > 1:
        lines.insert(draw(st.integers(0, len(lines))), lines[draw(st.integers(0, len(lines) - 1))])
    end = "\r\n" if draw(st.integers(0, 4)) == 0 else "\n"  # Windows line ends
    last = draw(st.sampled_from([end, end + "# einde" + end, "" if hostile else end]))
    return end.join(lines) + last


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossier_like())
def test_the_line_reader_agrees_with_the_events_or_declines(text: str) -> None:
    event("read line by line" if assert_same_as_events(text) else "declined")
