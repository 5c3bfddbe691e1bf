"""Bounds on values before the law's code computes with them.

The schema checks that a date is a real date, not that it lies in a period anyone can compute
deadlines in: ``9999-12-31`` plus the wachttijd does not exist, and the holiday calendar of the
Netherlands (``poortwachter.werkdagen``) covers only some years. This rule reports such values
at their place, and the checker then keeps them away from the timeline and the documents, so the
domain code never has to compute with a value outside these bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.timeline_input import (
    FIRST_YEAR,
    LAST_YEAR,
    TIJDLIJN_JAREN,
    VERZUIM_EERSTE_JAAR,
    VERZUIM_LAATSTE_JAAR,
)
from dossiergen.poortwachter.werkdagen import LAATSTE_JAAR
from dossiergen.rules.base import FOUT, Found

__all__ = ["rule_grenzen"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def rule_grenzen(data: Any, peildatum: date) -> Iterator[Found]:
    """Dates outside 1900–2100 anywhere, and dates in ``verzuim`` outside the years the holiday
    calendar covers for the whole timeline."""
    for parts, text, day in _dates(data, ()):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            yield (
                FOUT,
                parts,
                f"datum {text} ligt buiten de jaren {FIRST_YEAR}–"
                f"{LAST_YEAR} waarmee dossiergen rekent; controleer het jaartal",
            )
        elif parts[:1] == ["verzuim"] and day.year < VERZUIM_EERSTE_JAAR:
            yield (
                FOUT,
                parts,
                f"datum {text} ligt vóór {VERZUIM_EERSTE_JAAR}: voor eerdere jaren is geen "
                "feestdagenkalender bekend, dus de termijnen kunnen niet worden berekend; "
                "controleer het jaartal",
            )
        elif parts[:1] == ["verzuim"] and day.year > VERZUIM_LAATSTE_JAAR:
            yield (
                FOUT,
                parts,
                f"datum {text} ligt na {VERZUIM_LAATSTE_JAAR}: de termijnen "
                f"lopen tot {TIJDLIJN_JAREN} jaar verder en na {LAATSTE_JAAR} is geen "
                "feestdagenkalender bekend; controleer het jaartal",
            )


def _dates(value: Any, parts: tuple[PathPart, ...]) -> Iterator[tuple[list[PathPart], str, date]]:
    """Every ISO date text in ``value`` with its path (texts that are no real date are left to
    the schema)."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _dates(item, (*parts, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _dates(item, (*parts, index))
    elif isinstance(value, str) and len(value) == 10 and _ISO_DATE.fullmatch(value):
        try:
            yield list(parts), value, date.fromisoformat(value)
        except ValueError:
            return
