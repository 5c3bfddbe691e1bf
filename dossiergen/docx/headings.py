"""The headings of a document body: their section numbers, bookmarks and the contents entries.

Section numbers are written as plain text in front of the heading (``1.2 Prognose``), not as
Word list numbering: plain text looks the same in Word, LibreOffice and every viewer, survives
copying, and the table of contents -- written here from the same numbered runs -- shows exactly
the numbers the headings show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dossiergen.blocks import Block, Heading, Inline, Run, TocField, section_numbers
from dossiergen.docx.fragments import FIELD_END, bookmark_name, field_start, runs_xml


def numbered_runs(number: str | None, runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``runs`` with ``number`` and a space in front; joined to a plain first run, so a
    numbered heading is one run just like a heading typed with its number."""
    if number is None:
        return runs
    first = runs[0] if runs else None
    if isinstance(first, Run) and not first.bold and not first.italic:
        return (Run(f"{number} {first.text}"), *runs[1:])
    return (Run(f"{number} "), *runs)


class HeadingIndex:
    """The top-level headings of one body, looked up by identity (equal headings, such as the
    same text twice, still get numbers and bookmarks of their own)."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.headings = [block for block in blocks if isinstance(block, Heading)]
        numbers = section_numbers(self.headings)
        self._runs = {
            id(heading): numbered_runs(number, heading.runs)
            for heading, number in zip(self.headings, numbers, strict=True)
        }
        # Only a body with a table of contents needs bookmarks: the entries link to them.
        has_toc = any(isinstance(block, TocField) for block in blocks)
        self._bookmarks = (
            {id(heading): n for n, heading in enumerate(self.headings, 1)} if has_toc else {}
        )

    def runs(self, heading: Heading) -> tuple[Inline, ...]:
        """The heading's text with its section number (a heading inside a container: as is)."""
        return self._runs.get(id(heading), heading.runs)

    def bookmark(self, heading: Heading) -> tuple[str, str]:
        """The bookmark start and end around the heading's text (empty without contents)."""
        number = self._bookmarks.get(id(heading))
        if number is None:
            return ("", "")
        return (
            f'<w:bookmarkStart w:id="{number}" w:name="{bookmark_name(number)}"/>',
            f'<w:bookmarkEnd w:id="{number}"/>',
        )

    def contents_entries(self, level_styles: Sequence[str]) -> str:
        """Per heading a ``toc N`` paragraph (style id from ``level_styles``) linking to the
        heading's bookmark, its page number a PAGEREF field."""
        out = []
        for heading in self.headings:
            name = bookmark_name(self._bookmarks[id(heading)])
            # Entries take the toc style, not the heading's emphasis.
            text = runs_xml(tuple(Run(r.text) for r in self.runs(heading) if isinstance(r, Run)))
            page = field_start(f" PAGEREF {name} \\h ") + FIELD_END
            out.append(
                f'<w:p><w:pPr><w:pStyle w:val="{level_styles[heading.level - 1]}"/></w:pPr>'
                f'<w:hyperlink w:anchor="{name}" w:history="1">{text}<w:r><w:tab/></w:r>'
                f"{page}</w:hyperlink></w:p>"
            )
        return "".join(out)


#: A contents entry's PAGEREF field as ``contents_entries`` writes it, with its cached result.
_PAGEREF = re.compile(
    r'(<w:instrText xml:space="preserve"> PAGEREF (_Toc\d{8}) \\h </w:instrText></w:r>'
    r'<w:r><w:fldChar w:fldCharType="separate"/></w:r>)(.*?)'
    r'(<w:r><w:fldChar w:fldCharType="end"/></w:r>)'
)


def with_cached_pages(document_xml: str, pages: Mapping[str, int]) -> str:
    """The document part with each contents entry's page number (by bookmark name, from
    ``pages``) as its PAGEREF field's cached result: what every viewer shows without updating
    fields. An entry whose bookmark ``pages`` lacks keeps an empty result."""

    def fill(match: re.Match[str]) -> str:
        page = pages.get(match.group(2))
        shown = f"<w:r><w:t>{page}</w:t></w:r>" if page is not None else ""
        return match.group(1) + shown + match.group(4)

    return _PAGEREF.sub(fill, document_xml)
