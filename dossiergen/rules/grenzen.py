"""Bounds on values before the law's code computes with them.

The schema checks that a date is a real date, not that it lies in a period anyone can compute
deadlines in: ``9999-12-31`` plus the wachttijd does not exist, and the holiday calendar of the
Netherlands (``poortwachter.werkdagen``) covers only some years. This rule reports such values
at their place, and the checker then keeps them away from the timeline and the documents, so the
domain code never has to compute with a value outside these bounds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.texts import Text, text_path
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


def rule_grenzen(texts: Sequence[Text], peildatum: date) -> Iterator[Found]:
    """Dates outside 1900–2100 anywhere, and dates in ``verzuim`` outside the years the holiday
    calendar covers for the whole timeline (``texts``: the dossier's, see ``dossier.texts``)."""
    for parts, text, day in _dates_out_of_bounds(texts):
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


def _dates_out_of_bounds(texts: Sequence[Text]) -> Iterator[tuple[list[PathPart], str, date]]:
    """Every ISO date text outside the years of ``verzuim`` with its path (texts that are no
    real date are left to the schema; a path is only written out for such a date)."""
    for entry in texts:
        text = entry[0]
        if len(text) != 10 or _ISO_DATE.fullmatch(text) is None:
            continue
        try:
            day = date.fromisoformat(text)
        except ValueError:
            continue
        if not VERZUIM_EERSTE_JAAR <= day.year <= VERZUIM_LAATSTE_JAAR:
            yield text_path(entry), text, day
