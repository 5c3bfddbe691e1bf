"""Parse dossiergen's block markup (a Markdown subset) into a small typed intermediate form.

The Jinja templates render to this markup; :mod:`dossiergen.docx.writer` turns the blocks into
Word. The reference is a real CommonMark parser (markdown-it-py): :mod:`dossiergen.text.subset`
parses the shapes our templates emit ten times faster and gives the same blocks; everything else
(and every error) goes to markdown-it, so the contract below is markdown-it's.

Markup contract
---------------
* ``#``, ``##``, ``###`` headings (``####`` and deeper are an error);
* ``# Kop {.genummerd}``: a numbered heading. The writer puts its section number in front of
  the text (``1``, ``1.1``, ``1.1.1``, in document order, without gaps), so a template never
  counts. A numbered heading below level 1 must sit under a numbered heading one level up;
  ``{.genummerd}`` anywhere else than at the end of a heading outside a container, and any
  other ``{.woord}``, is an error;
* paragraphs; ``*italic*`` and ``**bold**``; a hard line break is two trailing spaces or a
  trailing backslash; a soft line break becomes a space;
* bullet lists (``-``, ``*``, ``+``) and numbered lists (``1.``; the first number is kept), nested
  at most one level; each numbered list restarts its numbering;
* GFM pipe tables with a header row and optional ``:--:`` alignment; a table whose header cells
  are all empty is a table without a header row;
* ``---`` (or ``***``/``___``) on its own line is a page break -- also directly under a paragraph
  line, because setext headings are switched off;
* ``::: naam`` ... ``:::`` containers: ``titelpagina``, ``inhoudsopgave`` (empty, or holding one
  paragraph that becomes the heading of the table of contents), ``colofon``, ``handtekening``
  (one paragraph per signatory; its leading lines that end in a comma or colon stand above the
  line to sign on, the rest below it), ``kader`` (boxed note), ``klein`` (small print), ``adres``
  (the address block of a letter, placed for the window of a window envelope);
* backslash escapes of all ASCII punctuation (``\\*``, ``\\|``, ``\\#``, ``\\<``, ``\\{``, ...) give
  the literal character, also inside table cells. Values from a dossier are escaped this way before
  they reach the markup, so a value can never become markup.

Outside the subset
------------------
* Raw HTML and entity-free ``<...>`` text stay literal text (HTML is off in the parser).
* Indented code blocks and link reference definitions are switched off: template indentation and
  ``[x]: y`` lines stay ordinary text instead of silently changing meaning or disappearing.
* Everything else the parser recognises -- links, autolinks, images, inline code, fenced code,
  block quotes, headings of level 4-6, lists nested deeper than one level, unknown containers,
  nested containers, blocks a container does not allow, and characters XML cannot hold -- raises
  :class:`~dossiergen.errors.MarkupError` naming the 1-based line of the markup. An error beats a
  silently mangled document: these are template bugs, and the template author must see them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from dossiergen.blocks import (
    ALLOWED_IN_CONTAINER,
    CONTAINER_NAMES,
    XML_INVALID_CHARS,
    Alignment,
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
)
from dossiergen.errors import MarkupError
from dossiergen.text.subset import parse_subset
from dossiergen.text.subset_inline import append_text

__all__ = [
    "CONTAINER_NAMES",
    "XML_INVALID_CHARS",
    "Block",
    "Cell",
    "Container",
    "Heading",
    "Inline",
    "LineBreak",
    "ListBlock",
    "PageBreak",
    "Paragraph",
    "Run",
    "Table",
    "TocField",
    "parse_markup",
    "parse_reference",
]

_BLOCK_NAMES: dict[type, str] = {
    Heading: "kop",
    Paragraph: "alinea",
    ListBlock: "lijst",
    Table: "tabel",
    PageBreak: "paginaeinde",
    Container: "blok",
    TocField: "inhoudsopgave",
}


#: The one heading attribute there is: ``{.genummerd}``.
NUMBERED = "genummerd"
_ATTRIBUTE = re.compile(r"\{\.([a-z]+)\}")


def _attribute_rule(state: StateInline, silent: bool) -> bool:
    """``{.woord}`` as an ``attribuut`` token (an escaped ``\\{`` never gets here: the escape
    rule has taken it); the parser decides where one may stand."""
    match = _ATTRIBUTE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("attribuut", "", 0)
        token.info = match.group(1)
    state.pos = match.end()
    return True


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    # lheading: "tekst\n---" must be text + page break, not a level-2 heading.
    # code: Jinja indentation must not turn text into a code block.
    # reference: "[x]: y" would vanish silently.
    md.disable(["lheading", "code", "reference"])
    # One generic container; the name is checked here so unknown names get a line number.
    container_plugin(md, "blok", validate=lambda params, *args: True)
    md.inline.ruler.after("text", "attribuut", _attribute_rule)
    return md


_PARSER = _make_parser()


class _Parser:
    """Walks markdown-it's flat token stream and builds nested blocks."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.last_line = 1
        # Per level, whether the section now open at that level is numbered (the outline so far).
        self.numbered_levels: dict[int, bool] = {}

    def fail(self, message: str, token: Token | None = None) -> MarkupError:
        line = token.map[0] + 1 if token is not None and token.map else self.last_line
        return MarkupError(f"regel {line}: {message}")

    def next(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.map:
            self.last_line = token.map[0] + 1
        return token

    def expect(self, token_type: str) -> Token:
        token = self.next()
        if token.type != token_type:  # pragma: no cover - markdown-it guarantees nesting
            raise self.fail(f"interne fout: {token_type} verwacht, {token.type} gevonden", token)
        return token

    def blocks_until(self, closing: str | None, lists: int, boxed: bool) -> tuple[Block, ...]:
        """Blocks up to the ``closing`` token; ``lists`` is the list depth, ``boxed`` whether
        we are inside a container."""
        blocks: list[Block] = []
        while self.pos < len(self.tokens):
            if closing is not None and self.tokens[self.pos].type == closing:
                self.pos += 1
                return tuple(blocks)
            blocks.append(self.block(lists, boxed))
        return tuple(blocks)

    def block(self, lists: int, boxed: bool) -> Block:
        token = self.next()
        kind = token.type
        if kind == "heading_open":
            return self.heading(token, boxed)
        if kind == "paragraph_open":
            runs = self.inline(self.expect("inline"))
            self.expect("paragraph_close")
            return Paragraph(runs)
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.list_block(token, lists, boxed)
        if kind == "table_open":
            return self.table()
        if kind == "hr":
            return PageBreak()
        if kind == "container_blok_open":
            return self.container(token, lists > 0 or boxed)
        unsupported = {
            "fence": "codeblok (```)",
            "code_block": "codeblok",
            "blockquote_open": "citaat (>)",
            "html_block": "HTML",
        }
        raise self.fail(f"{unsupported.get(kind, kind)} wordt niet ondersteund", token)

    def heading(self, token: Token, boxed: bool) -> Heading:
        level = int(token.tag[1:])
        if level > 3:
            raise self.fail(f"kop van niveau {level} wordt niet ondersteund (max. ###)", token)
        attributes: list[str] = []
        runs = self.inline(self.expect("inline"), attributes)
        self.expect("heading_close")
        numbered = NUMBERED in attributes
        if numbered and boxed:
            raise self.fail("een kop in een blok kan niet genummerd zijn", token)
        if not boxed:
            if numbered and level > 1 and not self.numbered_levels.get(level - 1, False):
                raise self.fail(
                    f"genummerde kop van niveau {level} staat niet onder een genummerde kop van "
                    f"niveau {level - 1}",
                    token,
                )
            self.numbered_levels = {k: v for k, v in self.numbered_levels.items() if k < level}
            self.numbered_levels[level] = numbered
        return Heading(level, runs, numbered)

    def list_block(self, token: Token, lists: int, boxed: bool) -> ListBlock:
        if lists >= 2:
            raise self.fail("lijsten mogen maar één niveau diep genest worden", token)
        ordered = token.type == "ordered_list_open"
        closing = "ordered_list_close" if ordered else "bullet_list_close"
        start = int(token.attrGet("start") or 1) if ordered else 1
        items: list[tuple[Block, ...]] = []
        while self.tokens[self.pos].type != closing:
            item_token = self.expect("list_item_open")
            blocks = self.blocks_until("list_item_close", lists + 1, boxed)
            for block in blocks:
                if not isinstance(block, Paragraph | ListBlock):
                    what = _BLOCK_NAMES[type(block)]
                    raise self.fail(f"een {what} in een lijst wordt niet ondersteund", item_token)
            items.append(blocks)
        self.pos += 1
        return ListBlock(ordered, tuple(items), start)

    def table(self) -> Table:
        header: tuple[Cell, ...] = ()
        rows: list[tuple[Cell, ...]] = []
        align: list[Alignment] = []
        current: list[Cell] = []
        in_head = False
        while True:
            token = self.next()
            kind = token.type
            if kind == "table_close":
                break
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                current = []
            elif kind in ("th_open", "td_open"):
                if kind == "th_open":
                    align.append(_alignment(token.attrGet("style")))
                current.append(self.inline(self.expect("inline")))
            elif kind == "tr_close":
                if in_head:
                    header = tuple(current)
                else:
                    rows.append(tuple(current))
        if all(not cell for cell in header):
            header = ()  # "| | |" header: a key/value table without header row
        return Table(header, tuple(rows), tuple(align))

    def container(self, token: Token, nested: bool) -> Block:
        name = token.info.strip().split(" ", 1)[0]
        if name not in ALLOWED_IN_CONTAINER:
            known = ", ".join(sorted(ALLOWED_IN_CONTAINER))
            raise self.fail(f"onbekend blok '::: {name}' (bekend: {known})", token)
        if nested:
            raise self.fail(f"blok '::: {name}' mag niet binnen een lijst of blok staan", token)
        blocks = self.blocks_until("container_blok_close", 0, True)
        self.check_allowed(name, blocks, token)
        if name == "inhoudsopgave":
            if len(blocks) > 1:
                raise self.fail("'::: inhoudsopgave' bevat hoogstens één alinea (de kop)", token)
            title = blocks[0].runs if blocks and isinstance(blocks[0], Paragraph) else ()
            return TocField(title)
        return Container(name, blocks)

    def check_allowed(self, name: str, blocks: Sequence[Block], token: Token) -> None:
        """Fail on the first block a container may not hold (the writer relies on this)."""
        for block in blocks:
            if not isinstance(block, ALLOWED_IN_CONTAINER[name]):
                what = _BLOCK_NAMES[type(block)]
                raise self.fail(f"een {what} is niet toegestaan in '::: {name}'", token)

    def inline(self, token: Token, attributes: list[str] | None = None) -> tuple[Inline, ...]:
        """The runs of an inline token; a heading passes ``attributes`` to collect its trailing
        ``{.woord}`` attributes in (anywhere else an attribute is an error)."""
        runs: list[Inline] = []
        bold = italic = 0
        line = token.map[0] + 1 if token.map else self.last_line
        children = token.children or []
        for index, child in enumerate(children):
            kind = child.type
            if kind in _EMPHASIS:
                bold += _EMPHASIS[kind][0]
                italic += _EMPHASIS[kind][1]
            elif kind == "text":
                if child.content:
                    append_text(runs, child.content, bold > 0, italic > 0)
            elif kind in ("softbreak", "hardbreak"):
                line += 1  # children carry no line map; count the breaks instead
                if kind == "softbreak":
                    append_text(runs, " ", bold > 0, italic > 0)
                else:
                    runs.append(LineBreak())
            elif kind == "attribuut":
                _check_attribute(child.info, children[index + 1 :], attributes is not None, line)
                if attributes is not None:
                    attributes.append(child.info)
            else:
                what = _UNSUPPORTED_INLINE.get(kind, kind)
                raise MarkupError(f"regel {line}: {what} wordt niet ondersteund")
        if attributes:
            _strip_trailing_space(runs)
        return tuple(runs)


#: How an emphasis token changes the (bold, italic) nesting depth.
_EMPHASIS = {
    "strong_open": (1, 0),
    "strong_close": (-1, 0),
    "em_open": (0, 1),
    "em_close": (0, -1),
}
_UNSUPPORTED_INLINE = {"link_open": "link", "image": "afbeelding", "code_inline": "code (`...`)"}


def _check_attribute(name: str, following: Sequence[Token], in_heading: bool, line: int) -> None:
    """An attribute must be a known one, at the end of a heading."""
    if name != NUMBERED:
        raise MarkupError(f"regel {line}: onbekend kenmerk {{.{name}}} (bekend: {{.{NUMBERED}}})")
    at_end = all(t.type == "text" and not t.content.strip() for t in following)
    if not in_heading or not at_end:
        raise MarkupError(f"regel {line}: {{.{name}}} hoort aan het eind van een kop")


def _strip_trailing_space(runs: list[Inline]) -> None:
    """Drop the space between a heading's text and its attributes."""
    while runs and isinstance(runs[-1], Run) and not runs[-1].text.rstrip():
        runs.pop()
    last = runs[-1] if runs else None
    if isinstance(last, Run):
        runs[-1] = Run(last.text.rstrip(), last.bold, last.italic)


def _alignment(style: Any) -> Alignment:
    # markdown-it renders ":--:" as style="text-align:center"
    if not isinstance(style, str):
        return None
    if "center" in style:
        return "center"
    if "right" in style:
        return "right"
    if "left" in style:
        return "left"
    return None


def parse_markup(text: str) -> tuple[Block, ...]:
    """Parse markup into blocks; raises :class:`MarkupError` naming the line of a problem."""
    bad = XML_INVALID_CHARS.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise MarkupError(f"regel {line}: teken U+{ord(bad.group()):04X} kan niet in Word staan")
    fast = parse_subset(text)
    if fast is not None:
        return fast
    return parse_reference(text)


def parse_reference(text: str) -> tuple[Block, ...]:
    """Parse markup with markdown-it alone (what :func:`parse_markup` falls back to)."""
    return _Parser(_PARSER.parse(text)).blocks_until(None, 0, False)
