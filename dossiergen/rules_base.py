"""Shared pieces of the domain rules: thresholds with their sources, defensive accessors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dossiergen.dutch import long_date
from dossiergen.locations import PathPart
from dossiergen.problems import Severity

FOUT = Severity.FOUT
WAARSCHUWING = Severity.WAARSCHUWING
#: What a rule yields: severity, where (a JSON path into the dossier) and the Dutch message.
Found = tuple[Severity, Sequence[PathPart], str]

#: Leidraad 4.3: describe eigen werk in at most 4 à 5 task clusters.
MAX_TAAKCLUSTERS = 5
#: DESIGN §7: a belastbaarheidsprofiel older than about 3 months needs checking.
FML_MAX_MAANDEN = 3
#: Leidraad 6: scholing of up to about 6 months may be expected of the employer.
SCHOLING_MAX_MAANDEN = 6
#: Leidraad 6: costs above 70 % of the remaining wage over the loondoorbetaling are unreasonable.
KOSTEN_MAX_DEEL_LOON = 0.70
#: art. 24 WIA: a vrijwillige verlenging is at least 13 weeks; art. 25 lid 9: loonsanctie ≤ 52.
VERLENGING_MIN_WEKEN = 13
LOONSANCTIE_MAX_WEKEN = 52
#: A gap between two jobs longer than a month needs an explanation (Leidraad 3.3).
HIAAT_DAGEN = 31


def get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def as_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def nl(day: date) -> str:
    """A date in messages: ``5 januari 2026``."""
    return long_date(day)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 always exists
