"""Free text of a dossier as paragraphs and lists, shared by every document's derivation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Tekstblok", "tekstblokken"]

# A list item in free text: "- tekst", "* tekst", "• tekst", "1. tekst" or "1) tekst".
_ITEM = re.compile(r"^\s*(?:([-*•])|(\d{1,3})[.)])\s+(\S.*)$")


@dataclass(frozen=True)
class Tekstblok:
    """One block of free text: a paragraph (``tekst``) or a list (``items``)."""

    soort: str  # "alinea" or "lijst"
    tekst: str = ""
    items: tuple[str, ...] = ()
    genummerd: bool = False
    start: int = 1


def tekstblokken(value: Any) -> tuple[Tekstblok, ...]:
    """Free text as paragraphs and lists, the way a consultant types it in a ``|`` block.

    Blank lines separate paragraphs; within a paragraph, lines starting with ``-``, ``*``, ``•``
    or a number (``1.``/``1)``) are list items, and the lines that follow an item continue it
    (wrapped text). Text before the first item is a paragraph of its own. Numbered and bulleted
    items never mix in one list: a change of kind starts a new list.
    """
    if value is None:
        return ()
    blocks: list[Tekstblok] = []
    for chunk in re.split(r"\n\s*\n", str(value)):
        blocks.extend(_chunk_blocks([line for line in chunk.split("\n") if line.strip()]))
    return tuple(blocks)


def _chunk_blocks(lines: list[str]) -> list[Tekstblok]:
    """The paragraph and lists of one blank-line-separated chunk."""
    blocks: list[Tekstblok] = []
    text: list[str] = []
    items: list[str] = []
    numbered = False
    start = 1
    for line in lines:
        match = _ITEM.match(line)
        if match is None:
            if items:
                items[-1] = f"{items[-1]} {line.strip()}"  # a wrapped item continues
            else:
                text.append(line.strip())
            continue
        is_numbered = match.group(2) is not None
        if items and is_numbered != numbered:
            blocks.append(Tekstblok("lijst", items=tuple(items), genummerd=numbered, start=start))
            items = []
        if text:
            blocks.append(Tekstblok("alinea", tekst=" ".join(text)))
            text = []
        if not items:
            numbered = is_numbered
            start = int(match.group(2)) if is_numbered else 1
        items.append(match.group(3).strip())
    if text:
        blocks.append(Tekstblok("alinea", tekst=" ".join(text)))
    if items:
        blocks.append(Tekstblok("lijst", items=tuple(items), genummerd=numbered, start=start))
    return blocks
