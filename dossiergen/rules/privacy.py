"""Warn when free text that reaches the employer contains words that point to a diagnosis.

The schema keeps medical data in marked fields that employer documents never receive; this
check catches the other route, a diagnosis typed into an ordinary text field. The word list is
data (``diagnosewoorden.txt`` beside this module), in Dutch, so a consultancy can extend it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import PathPart, json_path, position
from dossiergen.problems import Problem, Severity

#: Fields whose content is medical by design (marked ``x-vertrouwelijkheid: medisch`` in the
#: schema) are skipped: there the words belong. Keys, not schema look-ups, keep this check fast.
MEDICAL_KEYS = frozenset({"medisch", "medische_toelichting"})


_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class WordList:
    """The diagnosis words: single words, word beginnings (``kanker*``) and phrases."""

    words: frozenset[str]
    beginnings: tuple[str, ...]
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]  # first word → the phrases it starts

    def find(self, text: str) -> set[str]:
        """The list entries that occur in ``text`` as whole words (case-insensitive)."""
        tokens = _WORD.findall(text.lower())
        found = set()
        for index, token in enumerate(tokens):
            if token in self.words:
                found.add(token)
            for beginning in self.beginnings:
                if token.startswith(beginning):
                    found.add(token)
            for phrase in self.phrases.get(token, ()):
                if tuple(tokens[index : index + len(phrase)]) == phrase:
                    found.add(" ".join(phrase))
        return found


@cache
def diagnosis_words() -> WordList:
    """The packaged word list, read once."""
    text = resources.files("dossiergen.rules").joinpath("diagnosewoorden.txt").read_text("utf-8")
    words: set[str] = set()
    beginnings: list[str] = []
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in text.splitlines():
        entry = line.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        if entry.endswith("*"):
            beginnings.append(entry[:-1])
            continue
        tokens = tuple(_WORD.findall(entry))
        if len(tokens) == 1:
            words.add(tokens[0])
        elif tokens:
            phrases.setdefault(tokens[0], []).append(tokens)
    return WordList(frozenset(words), tuple(beginnings), {k: tuple(v) for k, v in phrases.items()})


def _strings(value: Any, parts: list[PathPart]) -> Iterator[tuple[list[PathPart], str]]:
    if isinstance(value, Mapping):
        for key, child in value.items():
            if key in MEDICAL_KEYS:
                continue
            yield from _strings(child, [*parts, key])
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, [*parts, index])
    elif isinstance(value, str) and parts and parts[-1] not in ("id", "bsn"):
        yield parts, value


def diagnosis_warnings(dossier: LoadedDossier) -> list[Problem]:
    """A warning for every non-medical text field that contains a diagnosis word."""
    word_list = diagnosis_words()
    problems = []
    for parts, text in _strings(dossier.data, []):
        words = sorted(word_list.find(text))
        if not words:
            continue
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
                "bedrijfsarts.medisch (de werkgever mag die niet kennen)",
                json_path(parts),
            )
        )
    return problems
