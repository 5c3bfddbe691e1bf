"""Diagnosis words in text that reaches the employer: found in the dossier and in documents.

The schema keeps medical data in marked fields that employer documents never receive; this
check catches the other route, a diagnosis typed into an ordinary text field. The word list is
data (``diagnosewoorden.txt`` beside this module, with its sources), in Dutch, so a consultancy
can extend it. One compiled pattern finds every entry in one pass over a text:

* an entry of five letters or more, and a stem (``epilep*``), counts anywhere in a word, so
  compounds and inflections are caught: ``herniaoperatie``, ``nekhernia``, ``depressieve``,
  ``longkankerpatiënt``, ``epileptisch``;
* a shorter entry (``cva``, ``hiv``, ``rsi``) counts only as a whole word between non-letters,
  so ``COVID-19`` is ``covid`` but ``versie`` is not ``rsi``;
* a phrase (``long covid``) matches with a space, a hyphen or nothing between its words.

A hit is reported as the phrase that stands in the text (``hernia-operatie``, ``Long-COVID``):
that exact phrase is what ``privacycontrole`` in the dossier acknowledges as checked.

The pattern is only tried where a hit can begin: where the first word of an entry stands, found
for the whole text at once by an Aho–Corasick automaton (a clean dossier of 60 kB in a fraction
of a millisecond, against several milliseconds for the pattern at every position).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ahocorasick_rs import AhoCorasick, Implementation

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import PathPart, json_path, position
from dossiergen.dossier.texts import Text, dossier_texts, text_path
from dossiergen.problems import Problem, Severity

#: Fields whose content is medical by design (marked ``x-vertrouwelijkheid: medisch`` in the
#: schema) are skipped: there the words belong. Keys, not schema look-ups, keep this check fast.
MEDICAL_KEYS = frozenset({"medisch", "medische_toelichting"})
#: Entries shorter than this count only as whole words.
MIN_INSIDE = 5
#: The acknowledgements themselves name the phrases; they are not a place a phrase can leak from.
ACKNOWLEDGEMENTS = "privacycontrole"

_LETTER = r"[^\W\d_]"
#: A written word around a hit: letters, digits and the hyphens between them.
_AROUND = re.compile(r"[\w\u00ad-]*", re.UNICODE)


@dataclass(frozen=True)
class WordList:
    """The diagnosis words as one compiled pattern (see the module docstring), and the first
    word of every entry: where a hit of the pattern can begin."""

    pattern: re.Pattern[str]
    starts: AhoCorasick

    def find(self, text: str) -> set[str]:
        """The phrases of ``text`` (as written, trimmed of hyphens) that hold a list entry."""
        return {_written(text, m.start(), m.end()) for m in self.matches(_lower(text))}

    def holds_any(self, text: str) -> bool:
        """Whether ``text`` holds a hit (the cheap question: no phrases written out)."""
        return next(self.matches(_lower(text)), None) is not None

    def matches(self, lowered: str) -> Iterator[re.Match[str]]:
        """The matches of the pattern in ``lowered`` (lower case), exactly those of
        ``pattern.finditer``: a match starts with the first word of its entry, so the pattern
        is tried only where one of those stands, from left to right, never inside a match."""
        found = self.starts.find_matches_as_indexes(lowered, overlapping=True)
        if not found:
            return
        end = 0
        for start in sorted({start for _, start, _ in found}):
            if start < end:
                continue
            match = self.pattern.match(lowered, start)
            if match is not None:
                end = match.end()
                yield match


def _lower(text: str) -> str:
    """``text`` in lower case, character for character (the pattern is lower case: matching
    without IGNORECASE is several times faster), so positions stay those of ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower()[:1] or ch for ch in text)  # "İ" lowers to two characters


def _written(text: str, start: int, end: int) -> str:
    """The whole written word (or phrase) a hit stands in: ``hernia`` in ``hernia-operatie``."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-\u00ad"):
        start -= 1
    tail = _AROUND.match(text, end)
    end = tail.end() if tail else end
    return text[start:end].strip("-\u00ad")


_GAP = "\x00"  # stands for the space between the words of a phrase while the trie is built


def _trie_pattern(entries: Collection[str]) -> str:
    """One regular expression for ``entries`` shaped as a trie (common beginnings shared), so
    at most positions of a text one character test fails at once instead of one test per
    entry; the words of a phrase match with a space, a hyphen or nothing between them."""
    trie: dict[str, Any] = {}
    for entry in entries:
        node = trie
        for char in entry.replace(" ", _GAP):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            (r"[\s\-]*" if char == _GAP else re.escape(char)) + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return build(trie)


def compile_word_list(lines: Collection[str]) -> WordList:
    """The pattern of a word list's lines (``#`` comments and empty lines skipped)."""
    inside: list[str] = []
    whole: list[str] = []
    for line in lines:
        entry = line.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        stem = entry.endswith("*")
        entry = " ".join(entry.rstrip("*").replace("-", " ").split())
        if not entry:  # a line of only '*' or '-' names no word
            continue
        (inside if stem or len(entry.replace(" ", "")) >= MIN_INSIDE else whole).append(entry)
    parts = []
    if inside:
        parts.append("(?:" + _trie_pattern(inside) + ")")
    if whole:
        parts.append(f"(?<!{_LETTER})(?:{_trie_pattern(whole)})(?!{_LETTER})")
    first_words = sorted({entry.split(" ")[0] for entry in (*inside, *whole)})
    # A DFA: built once per process, three times faster to search than the default
    starts = AhoCorasick(first_words, implementation=Implementation.DFA)
    return WordList(re.compile("|".join(parts) or r"(?!x)x"), starts)


@cache
def diagnosis_words() -> WordList:
    """The packaged word list, compiled once."""
    text = resources.files("dossiergen.rules").joinpath("diagnosewoorden.txt").read_text("utf-8")
    return compile_word_list(text.splitlines())


def acknowledged(data: Mapping[str, Any]) -> frozenset[str]:
    """The phrases the dossier records as checked (``privacycontrole[].formulering``),
    case-folded."""
    entries = data.get(ACKNOWLEDGEMENTS)
    if not isinstance(entries, list):
        return frozenset()
    return frozenset(
        str(e["formulering"]).casefold()
        for e in entries
        if isinstance(e, Mapping) and e.get("formulering")
    )


def text_fields(data: Any) -> Iterator[tuple[list[PathPart], str]]:
    """Every non-medical text of the dossier with its path."""
    for text in _visible(scanned_texts(data)):
        yield text_path(text), text[0]


def _visible(texts: Sequence[Text]) -> list[Text]:
    """The texts the employer may see: not medical, not the acknowledgements, no id or BSN."""
    return [t for t in texts if not t[3] and t[1] not in ("id", "bsn")]


def hits_per_field(
    data: Mapping[str, Any], texts: Sequence[Text] | None = None
) -> list[tuple[list[PathPart], list[str]]]:
    """Each non-medical text field of ``data`` with the diagnosis phrases it holds that the
    dossier does not record as checked. All fields are scanned as one text (one pass, positions
    mapped back to their field); ``texts``: the dossier's texts when already gathered."""
    if texts is None:
        texts = scanned_texts(data)
    fields = _visible(texts)
    joined = "\n".join(t[0] for t in fields)  # a newline ends every hit's word
    matches = list(diagnosis_words().matches(_lower(joined)))
    if not matches:
        return []
    checked = acknowledged(data)
    starts = []
    offset = 0
    for field in fields:
        starts.append(offset)
        offset += len(field[0]) + 1
    found: dict[int, set[str]] = {}
    for match in matches:
        index = bisect_right(starts, match.start()) - 1
        phrase = _written(joined, match.start(), match.end())
        if phrase.casefold() not in checked:
            found.setdefault(index, set()).add(phrase)
    return [(text_path(fields[i]), sorted(found[i])) for i in sorted(found)]


def scanned_texts(data: Any) -> list[Text]:
    """The texts of ``data``, the medical fields and the acknowledgements marked hidden: what
    :func:`hits_per_field` reads."""
    return dossier_texts(data, MEDICAL_KEYS, (ACKNOWLEDGEMENTS,))


def diagnosis_warnings(
    dossier: LoadedDossier, texts: Sequence[Text] | None = None
) -> list[Problem]:
    """A warning for every non-medical text field with a diagnosis word the dossier does not
    record as checked (``texts``: see :func:`scanned_texts`)."""
    problems = []
    for parts, words in hits_per_field(dossier.data, texts):
        line, column = position(dossier.data, parts)
        shown = ", ".join(f"'{w}'" for w in words)
        problems.append(
            Problem(
                dossier.display_path,
                line,
                column,
                Severity.WAARSCHUWING,
                f"dit veld kan bij de werkgever terechtkomen en bevat {shown}, wat op een "
                "diagnose of behandeling wijst; zet medische informatie alleen in "
                "bedrijfsarts.medisch (de werkgever mag die niet kennen), of leg in "
                "'privacycontrole' vast dat deze formulering is gecontroleerd",
                json_path(parts),
            )
        )
    return problems


def unchecked_in_document(text: str, data: Mapping[str, Any]) -> list[str]:
    """The diagnosis phrases in a document's ``text`` that the dossier does not record as
    checked, sorted (a document for the employer must have none)."""
    checked = acknowledged(data)
    return sorted(w for w in diagnosis_words().find(text) if w.casefold() not in checked)
