"""The HTML preview writer: the same blocks as the .docx, shown as a web page."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from dossiergen.blocks import Block, Heading, Paragraph, Run
from dossiergen.config import default_resources
from dossiergen.documents import DOCUMENTS
from dossiergen.dossier.load import load_dossier
from dossiergen.engine import document_context, engine_for
from dossiergen.html import render_html
from dossiergen.text.markup import parse_markup
from tests.conftest import EXAMPLES, PEILDATUM


def html_of(markup: str) -> str:
    return render_html(parse_markup(markup))


class _Balance(HTMLParser):
    """Checks that every element that is opened is closed, in order."""

    VOID = frozenset({"br"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> sluit {self.stack[-1:]}"
        self.stack.pop()


def balanced(html: str) -> bool:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    return not parser.stack


def test_headings_get_the_section_numbers_the_word_writer_gives() -> None:
    html = html_of(
        "# Inleiding\n\n# Een {.genummerd}\n\n## Twee {.genummerd}\n\n# Drie {.genummerd}\n"
    )
    assert '<h2 class="kop kop-1" id="kop-1">Inleiding</h2>' in html
    assert '<span class="nummer">1</span> Een' in html
    assert '<span class="nummer">1.1</span> Twee' in html
    assert '<span class="nummer">2</span> Drie' in html


def test_tables_lists_and_emphasis() -> None:
    html = html_of(
        "| Taak | Uren |\n|:--|--:|\n| **Tillen** | 4 |\n\n- een\n- *twee*\n\n3. drie\n4. vier\n"
    )
    assert '<thead><tr><th>Taak</th><th class="rechts">Uren</th></tr></thead>' in html
    assert '<td><strong>Tillen</strong></td><td class="rechts">4</td>' in html
    assert "<ul><li><p>een</p></li><li><p><em>twee</em></p></li></ul>" in html
    assert '<ol start="3">' in html


def test_page_breaks_are_shown_as_such_and_consecutive_ones_make_one() -> None:
    html = html_of("Een\n\n---\n\n---\n\nTwee\n")
    assert html.count('class="paginaeinde"') == 1
    assert html.index("Een") < html.index("paginaeinde") < html.index("Twee")


def test_the_title_page_and_the_contents_end_their_page() -> None:
    html = html_of(
        "::: titelpagina\n# Rapport\n\n## Jansen\n:::\n\n::: inhoudsopgave\n:::\n\n"
        "# Een {.genummerd}\n"
    )
    assert '<p class="titel">Rapport</p><p class="ondertitel">Jansen</p>' in html
    assert html.count('class="paginaeinde"') == 2
    assert '<a href="#kop-1">1 Een</a>' in html


def test_every_text_is_escaped() -> None:
    blocks: tuple[Block, ...] = (
        Heading(1, (Run("<script>alert(1)</script>"),)),
        Paragraph((Run("\"&<>'", bold=True),)),
    )
    html = render_html(blocks)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&quot;&amp;&lt;&gt;&#x27;" in html


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_document_of_the_examples_shows_every_text_of_its_blocks(path: object) -> None:
    engine = engine_for(default_resources())
    dossier = load_dossier(path)  # type: ignore[arg-type]
    for spec in DOCUMENTS.values():
        if not spec.applies(dossier.data):
            continue
        context = document_context(dossier.data, spec, engine, "v1", PEILDATUM)
        blocks = parse_markup(engine.renderer.render(spec.template, context))
        html = render_html(blocks)
        assert balanced(html), spec.name
        text = unescape(re.sub(r"<[^>]+>", "", html))
        for run_text in _texts(blocks):
            assert run_text in text, (spec.name, run_text)


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    found: list[str] = []
    for block in blocks:
        for value in vars(block).values() if hasattr(block, "__dict__") else ():
            found += _from(value)
    return found


def _from(value: object) -> list[str]:
    if isinstance(value, Run):
        return [value.text.strip()] if value.text.strip() else []
    if isinstance(value, tuple):
        return [text for item in value for text in _from(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [text for item in vars(value).values() for text in _from(item)]
    return []
