"""The fast subset parser against the reference (markdown-it): the same blocks, or it steps aside.

Every document of every example dossier, and of synthetic dossiers from the benchmark's
generator, takes the fast path and gives exactly the reference's blocks. Random markup built
from the contract's pieces and the characters that trip CommonMark up either gives the
reference's blocks or is left to the reference (which then also names every error).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossiergen.blocks import Block, Heading, Inline, ListBlock, Paragraph, Run, Table
from dossiergen.documents import DOCUMENTS, missing_parts
from dossiergen.dossier.load import load_dossier
from dossiergen.engine import Engine, document_context
from dossiergen.errors import MarkupError
from dossiergen.text.filters import escape_markup
from dossiergen.text.markup import parse_markup, parse_reference
from dossiergen.text.subset import parse_subset
from tests.conftest import EXAMPLES, PEILDATUM, ROOT


def _documents(engine: Engine, paths: list[Path]) -> Iterator[tuple[str, str]]:
    for path in paths:
        dossier = load_dossier(path)
        for spec in DOCUMENTS.values():
            if not spec.applies(dossier.data) or missing_parts(spec, dossier):
                continue
            context = document_context(dossier.data, spec, engine, "v", PEILDATUM)
            yield f"{path.name}:{spec.name}", engine.renderer.render(spec.template, context)


def test_every_example_document_takes_the_fast_path(engine: Engine) -> None:
    documents = list(_documents(engine, EXAMPLES))
    assert len(documents) >= 19
    for name, markup in documents:
        fast = parse_subset(markup)
        assert fast is not None, f"{name} fell back to the reference parser"
        assert fast == parse_reference(markup), name


@pytest.mark.slow
def test_synthetic_documents_take_the_fast_path(engine: Engine, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import genereer
    finally:
        sys.path.remove(str(ROOT / "bench"))
    paths = genereer.generate(12, tmp_path, seed=7)
    for name, markup in _documents(engine, paths):
        fast = parse_subset(markup)
        assert fast is not None, f"{name} fell back to the reference parser"
        assert fast == parse_reference(markup), name


def _same_as_reference(markup: str) -> None:
    try:
        expected = parse_reference(markup)
    except MarkupError:
        assert parse_subset(markup) is None, repr(markup)
        return
    fast = parse_subset(markup)
    if fast is not None:
        assert fast == expected, repr(markup)


@pytest.mark.parametrize(
    "heading",
    ["# Kop {.genummerd}", "# Kop  {.genummerd}", "# {.genummerd}", "# Kop\\. {.genummerd}",
     "# Kop\\{.genummerd}", "# Kop \\\\{.genummerd}", "# Kop\u00a0{.genummerd}",
     "# Kop {.genummerd}{.genummerd}", "# *Kop* {.genummerd}", "# Kop\\ {.genummerd}"],
)  # fmt: skip
def test_numbered_headings_as_the_reference_reads_them(heading: str) -> None:
    _same_as_reference(f"# Deel {{.genummerd}}\n\n{heading.replace('# ', '## ')}\n")


_WORDS = st.sampled_from(
    ["tekst", "Kop", "a", "1", "16", "é", "\u00a0", " ", "  ", "\u2003", "x.y", "€"]
)
_MARKS = st.sampled_from(
    ["*", "**", "***", "\\", "\\*", "\\\\", "\\|", "|", "{.genummerd}", "{.ander}", "{", "}",
     "_", "`", "[", "]", "<", "&amp;", "&", "#", ":::", "-", "+", ".", ")", ":", "!", "(", ",",
     "\\.", "\\#", "'", '"', "~", ">", "="]
)  # fmt: skip
_INLINE = st.lists(st.one_of(_WORDS, _MARKS, _WORDS), max_size=10).map("".join)
_LINE_STARTS = st.sampled_from(
    ["", "", "", "# ", "## ", "### ", "#### ", "#", "- ", "* ", "+ ", "-", "1. ", "2. ",
     "10. ", "1) ", "| ", "|", ":::", "::: kader", "::: titelpagina", "::: inhoudsopgave",
     "::: colofon", "::: onbekend", "::::", "---", "***", "- - -", "___", "|---|---|",
     "|:--|--:|", "| --- |", "|---|", " ", "  ", "    ", "> ", "```", "~~~", "= "]
)  # fmt: skip
_LINE_ENDS = st.sampled_from(["", "", "", " |", " | x |", "  ", "\\", " {.genummerd}", " #"])
_LINE = st.tuples(_LINE_STARTS, _INLINE, _LINE_ENDS).map("".join)
_MARKUP = st.lists(st.one_of(_LINE, st.just(""), st.just("")), max_size=14).map("\n".join)


@given(_MARKUP)
@settings(max_examples=3000, deadline=None)
def test_random_markup_gives_the_reference_blocks(markup: str) -> None:
    _same_as_reference(markup)


_TABLE = st.lists(
    st.tuples(_INLINE, _INLINE).map(lambda cells: f"| {cells[0]} | {cells[1]} |"),
    min_size=1,
    max_size=4,
).map(lambda rows: "\n".join([rows[0], "|---|:-:|", *rows[1:]]))


@given(st.lists(st.one_of(_TABLE, _LINE, st.just("")), max_size=6).map("\n".join))
@settings(max_examples=1500, deadline=None)
def test_random_tables_give_the_reference_blocks(markup: str) -> None:
    _same_as_reference(markup)


@given(st.text(max_size=40))
@settings(max_examples=1500, deadline=None)
def test_a_dossier_value_stays_text(value: str) -> None:
    """A value escaped as the templates escape it is one run of literal text, in a paragraph,
    a table cell, a list item and a heading, on both paths."""
    escaped = escape_markup(value)
    flat = re.sub(r"\s+", " ", value)
    for markup, text in (
        (f"Voor {escaped} na", f"Voor {flat} na"),
        (f"| Veld | {escaped} |\n|---|---|\n| a | {escaped} |", flat),
        (f"- {escaped} na", f"{flat} na"),
        (f"# Kop {escaped} {{.genummerd}}", f"Kop {flat}"),
    ):
        try:
            blocks = parse_markup(markup)
        except MarkupError:
            continue  # a character XML cannot hold: refused, never turned into markup
        _same_as_reference(markup)
        assert len(blocks) == 1, markup
        runs = _runs(blocks[0])
        assert all(isinstance(run, Run) and not run.bold and not run.italic for run in runs)
        assert text.strip(" ") in "".join(run.text for run in runs if isinstance(run, Run))


def _runs(block: Block) -> list[Inline]:
    if isinstance(block, Paragraph | Heading):
        return list(block.runs)
    if isinstance(block, ListBlock):
        return [run for item in block.items for inner in item for run in _runs(inner)]
    if isinstance(block, Table):
        return [run for row in (block.header, *block.rows) for cell in row for run in cell]
    raise AssertionError(block)
