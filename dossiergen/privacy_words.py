"""Warn when free text that reaches the employer contains words that point to a diagnosis.

The schema keeps medical data in marked fields that employer documents never receive; this
check catches the other route, a diagnosis typed into an ordinary text field. The word list is
data (``data/diagnosewoorden.txt``), in Dutch, so a consultancy can extend it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from dossiergen.loading import LoadedDossier
from dossiergen.locations import PathPart, json_path, position
from dossiergen.problems import Problem, Severity

#: Fields whose content is medical by design (marked ``x-vertrouwelijkheid: medisch`` in the
#: schema) are skipped: there the words belong. Keys, not schema look-ups, keep this check fast.
MEDICAL_KEYS = frozenset({"medisch", "medische_toelichting"})


@cache
def diagnosis_pattern() -> re.Pattern[str]:
    """One compiled pattern for the whole word list (whole words, case-insensitive)."""
    text = resources.files("dossiergen").joinpath("data/diagnosewoorden.txt").read_text("utf-8")
    alternatives = []
    for line in text.splitlines():
        word = line.strip().lower()
        if not word or word.startswith("#"):
            continue
        if word.endswith("*"):
            alternatives.append(re.escape(word[:-1]) + r"\w*")
        else:
            alternatives.append(re.escape(word))
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


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
    pattern = diagnosis_pattern()
    problems = []
    for parts, text in _strings(dossier.data, []):
        words = sorted({m.group(1).lower() for m in pattern.finditer(text)})
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
