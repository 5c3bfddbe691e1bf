"""The template filters for numbers and counts, and the template macros built on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossiergen.errors import TemplateError
from dossiergen.text.filters import aantal, getal, naar_aantal
from dossiergen.text.sandbox import TemplateRenderer


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (38, None, "38"),
        (18.5, None, "18,5"),
        (12.25, None, "12,25"),
        (1234.5, None, "1.234,5"),
        (2.0, None, "2"),
        (1234, 2, "1.234,00"),
        (0.333, None, "0,33"),
    ],
)
def test_getal_writes_dutch_numbers_without_needless_decimals(
    value: float, decimals: int | None, expected: str
) -> None:
    assert getal(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0 evaluaties"),
        (1, "1 evaluatie"),
        (1.0, "1 evaluatie"),
        (3, "3 evaluaties"),
        (1.5, "1,5 evaluaties"),
        (["a"], "1 evaluatie"),
        (("a", "b"), "2 evaluaties"),
    ],
)
def test_aantal_puts_the_word_that_goes_with_the_count(value: object, expected: str) -> None:
    assert aantal(value, "evaluatie", "evaluaties") == expected


def test_naar_aantal_gives_the_word_alone() -> None:
    assert naar_aantal(["x"], "taak", "taken") == "taak"
    assert naar_aantal([], "taak", "taken") == "taken"
    assert naar_aantal(2, "week", "de weken") == "de weken"


@pytest.mark.parametrize("value", [None, "drie", True])
def test_a_count_must_be_a_number_or_a_collection(value: object) -> None:
    with pytest.raises(TypeError, match="geen aantal"):
        aantal(value, "taak", "taken")


def render(tmp_path: Path, source: str, **context: object) -> str:
    (tmp_path / "t.md.j2").write_text(source, encoding="utf-8")
    return TemplateRenderer(tmp_path).render("t.md.j2", context)


def test_templates_count_with_the_filters(tmp_path: Path) -> None:
    source = "{{ taken|aantal('taak', 'taken') }}; {{ n|aantal('maand', 'maanden') }}\n"
    assert render(tmp_path, source, taken=["a"], n=2.5) == "1 taak; 2\\,5 maanden\n"


def test_a_wrong_count_in_a_template_names_its_line(tmp_path: Path) -> None:
    expected = r"t\.md\.j2:2: fout in sjabloon: 'None' is geen aantal"
    with pytest.raises(TemplateError, match=expected):
        render(tmp_path, "regel een\n{{ niets|aantal('taak', 'taken') }}\n", niets=None)


def test_the_getal_macro_and_filter_agree() -> None:
    templates = Path(__file__).resolve().parents[1] / "templates"
    renderer = TemplateRenderer(templates)
    template = renderer.environment.from_string(
        "{% import '_macros.md.j2' as m %}"
        "{% for x in xs %}{{ m.getal(x) }}={{ x|getal }};{% endfor %}"
    )
    out = template.render(xs=[38, 18.5, 12.25, 1234.5, 0.1])
    assert out == "38=38;18\\,5=18\\,5;12\\,25=12\\,25;1\\.234\\,5=1\\.234\\,5;0\\,1=0\\,1;"


def test_escape_markup_is_the_plain_definition_for_every_character() -> None:
    """Punctuation behind a backslash, whitespace runs one space: checked for every code point
    against the two regular expressions that define it."""
    import re

    from dossiergen.text.filters import escape_markup

    punctuation = re.compile(r"([!-/:-@\[-`{-~])")
    whitespace = re.compile(r"\s+")
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"{chr(code)}a{chr(code)}{chr(code)} "
        expected = punctuation.sub(r"\\\1", whitespace.sub(" ", text))
        assert escape_markup(text) == expected, hex(code)
