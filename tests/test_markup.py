"""The markup parser: every construct of the subset, escaping, and errors with line numbers."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossiergen.blocks import section_numbers
from dossiergen.errors import MarkupError
from dossiergen.text.markup import (
    Container,
    Heading,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TocField,
    parse_markup,
)

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def escape(value: str) -> str:
    """The contract the renderer keeps: backslash before every ASCII punctuation character."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(value.split()))


def text_of(runs: tuple[Run | LineBreak, ...]) -> str:
    return "".join(r.text if isinstance(r, Run) else "\n" for r in runs)


def only_paragraph_text(markup: str) -> str:
    (block,) = parse_markup(markup)
    assert isinstance(block, Paragraph)
    return text_of(block.runs)


def test_headings_levels_one_to_three() -> None:
    blocks = parse_markup("# Een\n\n## Twee\n\n### Drie\n")
    assert blocks == (
        Heading(1, (Run("Een"),)),
        Heading(2, (Run("Twee"),)),
        Heading(3, (Run("Drie"),)),
    )


def test_heading_level_four_is_an_error_with_its_line() -> None:
    with pytest.raises(MarkupError, match=r"regel 3: kop van niveau 4"):
        parse_markup("tekst\n\n#### Vier\n")


def test_paragraph_emphasis_and_breaks() -> None:
    (block,) = parse_markup("a *schuin* **vet** ***beide***\nzacht  \nhard\\\nook hard")
    assert isinstance(block, Paragraph)
    assert block.runs == (
        Run("a "),
        Run("schuin", italic=True),
        Run(" "),
        Run("vet", bold=True),
        Run(" "),
        Run("beide", bold=True, italic=True),
        Run(" zacht"),  # soft break became a space, merged with the text around it
        LineBreak(),
        Run("hard"),
        LineBreak(),
        Run("ook hard"),
    )


def test_bullet_and_numbered_lists_nested_one_level() -> None:
    (bullets, numbers) = parse_markup("- a\n- b\n  1. b1\n  2. b2\n\n3. drie\n4. vier\n")
    assert bullets == ListBlock(
        ordered=False,
        items=(
            (Paragraph((Run("a"),)),),
            (
                Paragraph((Run("b"),)),
                ListBlock(True, ((Paragraph((Run("b1"),)),), (Paragraph((Run("b2"),)),)), 1),
            ),
        ),
    )
    assert isinstance(numbers, ListBlock)
    assert numbers.ordered and numbers.start == 3 and len(numbers.items) == 2


def test_lists_nested_two_levels_are_an_error() -> None:
    with pytest.raises(MarkupError, match="regel 3: lijsten mogen maar één niveau"):
        parse_markup("- a\n  - b\n    - c\n")


def test_table_with_header_and_alignment() -> None:
    (table,) = parse_markup("| A | B | C |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 |\n")
    assert isinstance(table, Table)
    assert table.header == ((Run("A"),), (Run("B"),), (Run("C"),))
    assert table.align == ("left", "center", "right")
    assert table.rows == (((Run("1"),), (Run("2"),), (Run("3"),)), ((Run("4"),), (), ()))
    assert table.column_count == 3


def test_table_with_empty_header_has_no_header_row() -> None:
    (table,) = parse_markup("| | |\n|---|---|\n| Naam | Jan |\n")
    assert isinstance(table, Table)
    assert table.header == ()
    assert table.rows == (((Run("Naam"),), (Run("Jan"),)),)


def test_thematic_break_is_a_page_break_even_under_a_paragraph() -> None:
    blocks = parse_markup("een\n---\ntwee\n\n***\n")
    assert blocks == (Paragraph((Run("een"),)), PageBreak(), Paragraph((Run("twee"),)), PageBreak())


@pytest.mark.parametrize("name", ["titelpagina", "colofon", "handtekening", "kader", "klein"])
def test_containers(name: str) -> None:
    (block,) = parse_markup(f"::: {name}\nInhoud\n:::\n")
    assert block == Container(name, (Paragraph((Run("Inhoud"),)),))


def test_table_of_contents_container() -> None:
    assert parse_markup("::: inhoudsopgave\n:::\n") == (TocField(),)
    assert parse_markup("::: inhoudsopgave\nInhoudsopgave\n:::\n") == (
        TocField((Run("Inhoudsopgave"),)),
    )


def test_unknown_container_names_its_line() -> None:
    with pytest.raises(MarkupError, match=r"regel 4: onbekend blok '::: bijlage'"):
        parse_markup("# Kop\n\ntekst\n::: bijlage\nx\n:::\n")


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("::: kader\n| a |\n|---|\n| b |\n:::\n", "tabel is niet toegestaan in '::: kader'"),
        ("::: handtekening\n- a\n:::\n", "lijst is niet toegestaan"),
        ("- a\n\n  ::: kader\n  x\n  :::\n", "mag niet binnen een lijst of blok"),
        ("- a\n\n  | a |\n  |---|\n  | b |\n", "tabel in een lijst"),
        ("::: inhoudsopgave\neen\n\ntwee\n:::\n", "hoogstens één alinea"),
    ],
)
def test_blocks_a_container_or_list_does_not_allow(markup: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        parse_markup(markup)


@pytest.mark.parametrize(
    ("markup", "line", "what"),
    [
        ("tekst\n\n[link](https://example.org)\n", 3, "link"),
        ("tekst\nmet ![beeld](a.png)\n", 2, "afbeelding"),
        ("a\nb\nc `code`\n", 3, "code"),
        ("<https://example.org>\n", 1, "link"),
        ("tekst\n\n```\ncode\n```\n", 3, "codeblok"),
        ("tekst\n\n> citaat\n", 3, "citaat"),
    ],
)
def test_constructs_outside_the_subset_name_their_line(markup: str, line: int, what: str) -> None:
    with pytest.raises(MarkupError, match=rf"regel {line}: {what}"):
        parse_markup(markup)


def test_raw_html_and_indentation_stay_text() -> None:
    assert only_paragraph_text("<b>vet</b> <!-- x -->") == "<b>vet</b> <!-- x -->"
    # indented code blocks are off: Jinja indentation cannot turn text into code
    assert parse_markup("tekst\n\n        ingesprongen") == (
        Paragraph((Run("tekst"),)),
        Paragraph((Run("ingesprongen"),)),
    )
    assert only_paragraph_text("[a]: https://example.org") == "[a]: https://example.org"


def test_characters_xml_cannot_hold_are_an_error_with_line() -> None:
    with pytest.raises(MarkupError, match=r"regel 2: teken U\+0007"):
        parse_markup("goed\nfout \x07\n")


@pytest.mark.parametrize(
    "value",
    [
        "*geen nadruk*",
        "**geen vet**",
        "a | b | c",
        "# geen kop",
        "1. geen lijst",
        "- geen lijst",
        "<script>alert(1)</script>",
        "{{ dossier.bsn }} {% if x %}",
        "::: kader",
        "---",
        "[tekst](https://example.org) ![x](y.png) `code`",
        "&amp; &lt; &#42;",
        "C:\\pad\\naar\\bestand \\* \\\\",
        "> geen citaat",
        "~~geen doorhaling~~ _geen_ __nadruk__",
        "x" * 5000,
    ],
)
def test_escaped_values_come_out_literally(value: str) -> None:
    assert only_paragraph_text(escape(value)) == value


def test_escaped_values_in_table_cells_come_out_literally() -> None:
    nasty = ["a | b", "*x*", "#", "<b>", "{{ x }}", "\\", "1."]
    row = "| " + " | ".join(escape(v) for v in nasty) + " |"
    markup = "| " + " | ".join("k" for _ in nasty) + " |\n|" + "---|" * len(nasty) + "\n" + row
    (table,) = parse_markup(markup)
    assert isinstance(table, Table)
    assert [text_of(cell) for cell in table.rows[0]] == nasty


@pytest.mark.fuzz
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1))
def test_any_escaped_value_is_literal_text(value: str) -> None:
    flat = " ".join(value.split())
    if not flat or "\ufffe" in flat or "\uffff" in flat:
        return
    blocks = parse_markup(escape(flat))
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    assert text_of(blocks[0].runs) == flat


def test_five_hundred_row_table() -> None:
    rows = "\n".join(f"| {i} | waarde \\| {i} |" for i in range(500))
    (table,) = parse_markup(f"| nr | waarde |\n|---|---|\n{rows}\n")
    assert isinstance(table, Table)
    assert len(table.rows) == 500
    assert text_of(table.rows[499][1]) == "waarde | 499"


# -- numbered headings ------------------------------------------------------------------------


def test_numbered_heading_marks_the_heading_and_leaves_its_text() -> None:
    blocks = parse_markup("# Een {.genummerd}\n\n## **Vet** {.genummerd}\n\n# Los\n")
    assert blocks == (
        Heading(1, (Run("Een"),), numbered=True),
        Heading(2, (Run("Vet", bold=True),), numbered=True),
        Heading(1, (Run("Los"),)),
    )


def test_escaped_attribute_stays_text() -> None:
    (heading,) = parse_markup("# Kop " + escape("{.genummerd}") + "\n")
    assert heading == Heading(1, (Run("Kop {.genummerd}"),))


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("tekst {.genummerd}\n", r"regel 1: \{\.genummerd\} hoort aan het eind van een kop"),
        ("# a {.genummerd} b\n", r"regel 1: \{\.genummerd\} hoort aan het eind van een kop"),
        ("| a {.genummerd} |\n|---|\n", r"hoort aan het eind van een kop"),
        ("- a {.genummerd}\n", r"hoort aan het eind van een kop"),
        ("# a {.genumerd}\n", r"regel 1: onbekend kenmerk \{\.genumerd\}"),
        ("::: titelpagina\n# a {.genummerd}\n:::\n", r"regel 2: een kop in een blok kan niet"),
        ("## a {.genummerd}\n", r"regel 1: genummerde kop van niveau 2 staat niet onder"),
        ("# a\n\n## b {.genummerd}\n", r"regel 3: genummerde kop van niveau 2"),
        ("# a {.genummerd}\n\n### b {.genummerd}\n", r"regel 3: genummerde kop van niveau 3"),
    ],
)
def test_numbered_heading_misuse_is_an_error(markup: str, message: str) -> None:
    with pytest.raises(MarkupError, match=message):
        parse_markup(markup)


def test_section_numbers_count_per_level_without_gaps() -> None:
    markup = (
        "# Voor\n\n# A {.genummerd}\n\n## A1 {.genummerd}\n\n### A1a {.genummerd}\n\n"
        "### A1b {.genummerd}\n\n## Los\n\n## A2 {.genummerd}\n\n# B {.genummerd}\n\n"
        "## B1 {.genummerd}\n\n# Na\n"
    )
    headings = [b for b in parse_markup(markup) if isinstance(b, Heading)]
    assert section_numbers(headings) == (
        None, "1", "1.1", "1.1.1", "1.1.2", None, "1.2", "2", "2.1", None
    )  # fmt: skip
