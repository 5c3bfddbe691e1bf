"""Write markup blocks as an HTML fragment: the preview of a document.

The Word writer's sibling: it reads the same typed blocks (``dossiergen.blocks``) that become
the .docx, so the preview shows what the document holds -- headings with the section numbers
the writer gives them, tables, lists, the title page, boxed notes and every page break, marked
as such. Only the look differs (a screen, not the house style's page).

Every piece of document text is HTML-escaped here; the output holds no script, no style
attribute and no link outside the fragment itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from dossiergen.blocks import (
    Block,
    Cell,
    Container,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Table,
    TocField,
    section_numbers,
)

__all__ = ["render_html"]

PAGE_BREAK = '<div class="paginaeinde" role="separator"><span>nieuwe pagina</span></div>'


def render_html(blocks: Sequence[Block]) -> str:
    """The blocks as an HTML fragment (one ``<article>``); the same blocks give the same text."""
    return _Writer(blocks).write()


def inline_html(runs: Sequence[Inline]) -> str:
    """Runs as escaped HTML with ``<strong>``, ``<em>`` and ``<br>``."""
    out = []
    for run in runs:
        if isinstance(run, LineBreak):
            out.append("<br>")
            continue
        text = escape(run.text)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


class _Writer:
    """One document; top-level headings are numbered and anchored as the Word writer does."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = blocks
        self.headings = [block for block in blocks if isinstance(block, Heading)]
        numbers = section_numbers(self.headings)
        self.numbers = {id(h): n for h, n in zip(self.headings, numbers, strict=True)}
        self.anchors = {id(h): f"kop-{index}" for index, h in enumerate(self.headings, 1)}
        self.out: list[str] = []
        self.pending_break = False

    def write(self) -> str:
        self.out.append('<article class="document">')
        for block in self.blocks:
            self.block(block)
        self.out.append("</article>")
        return "".join(self.out)

    def block(self, block: Block) -> None:
        if isinstance(block, PageBreak):
            self.pending_break = True  # consecutive breaks make one page, as in Word
            return
        if self.pending_break:
            self.out.append(PAGE_BREAK)
            self.pending_break = False
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, ListBlock):
            self.list_block(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, TocField):
            self.contents(block)
        else:
            self.container(block)

    def heading(self, block: Heading) -> None:
        tag = f"h{min(block.level + 1, 6)}"
        number = self.numbers.get(id(block))
        anchor = self.anchors.get(id(block))
        prefix = f'<span class="nummer">{escape(number)}</span> ' if number else ""
        ident = f' id="{anchor}"' if anchor else ""
        self.out.append(
            f'<{tag} class="kop kop-{block.level}"{ident}>{prefix}{inline_html(block.runs)}</{tag}>'
        )

    def paragraph(self, block: Paragraph, extra: str = "") -> None:
        classes = " ".join(c for c in (extra, _style_class(block.style)) if c)
        attribute = f' class="{classes}"' if classes else ""
        self.out.append(f"<p{attribute}>{inline_html(block.runs)}</p>")

    def list_block(self, block: ListBlock) -> None:
        if block.ordered:
            start = f' start="{block.start}"' if block.start != 1 else ""
            self.out.append(f"<ol{start}>")
        else:
            self.out.append("<ul>")
        for item in block.items:
            self.out.append("<li>")
            for inner in item:
                self.block(inner)
            self.out.append("</li>")
        self.out.append("</ol>" if block.ordered else "</ul>")

    def table(self, block: Table, extra: str = "") -> None:
        columns = block.column_count
        if columns == 0:
            return
        align = (*block.align, *(None,) * columns)
        classes = "tabel" + (f" {extra}" if extra else "")
        self.out.append(f'<table class="{classes}">')
        if block.header:
            self.out.append("<thead>" + _row(block.header, align, columns, "th") + "</thead>")
        self.out.append("<tbody>")
        self.out.extend(_row(row, align, columns, "td") for row in block.rows)
        self.out.append("</tbody></table>")

    def contents(self, block: TocField) -> None:
        """The table of contents: the same entries the Word writer makes, as links."""
        title = inline_html(block.title) if block.title else "Inhoud"
        self.out.append(f'<nav class="inhoudsopgave"><p class="inhoud-titel">{title}</p><ul>')
        for heading in self.headings:
            number = self.numbers.get(id(heading))
            text = "".join(r.text for r in heading.runs if isinstance(r, Run))
            label = f"{number} {text}" if number else text
            self.out.append(
                f'<li class="inhoud-{heading.level}">'
                f'<a href="#{self.anchors[id(heading)]}">{escape(label)}</a></li>'
            )
        self.out.append("</ul></nav>")
        self.pending_break = True  # the contents get a page of their own

    def container(self, block: Container) -> None:
        self.out.append(f'<section class="blok blok-{escape(block.name)}">')
        if block.name == "handtekening":
            for inner in block.blocks:
                self.out.append('<div class="ondertekenaar">')
                self.block(inner)
                self.out.append('<div class="tekenlijn"></div></div>')
        else:
            for inner in block.blocks:
                if block.name == "titelpagina" and isinstance(inner, Heading):
                    kind = "titel" if inner.level == 1 else "ondertitel"
                    self.out.append(f'<p class="{kind}">{inline_html(inner.runs)}</p>')
                elif isinstance(inner, Table) and block.name != "kader":
                    self.table(inner, "zonder-rand")
                else:
                    self.block(inner)
        self.out.append("</section>")
        if block.name == "titelpagina":
            self.pending_break = True  # the body starts on a new page


def _row(cells: Sequence[Cell], align: Sequence[str | None], columns: int, tag: str) -> str:
    out = ["<tr>"]
    for index in range(columns):
        runs = cells[index] if index < len(cells) else ()
        side = align[index]
        attribute = ' class="rechts"' if side == "right" else ""
        if side == "center":
            attribute = ' class="midden"'
        out.append(f"<{tag}{attribute}>{inline_html(runs)}</{tag}>")
    out.append("</tr>")
    return "".join(out)


def _style_class(style: str | None) -> str:
    """A house style's paragraph style as a class: ``Kleine tekst`` -> ``stijl-kleine-tekst``."""
    if not style:
        return ""
    slug = "".join(c if c.isalnum() else "-" for c in style.lower()).strip("-")
    return f"stijl-{slug}"
