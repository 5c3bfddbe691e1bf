"""Shared pieces of the domain rules: thresholds with their sources, defensive accessors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.readers import as_date, get
from dossiergen.dutch import long_date as nl
from dossiergen.poortwachter.aow import plus_maanden as add_months
from dossiergen.poortwachter.wet import (
    FML_MAX_MAANDEN,
    HIAAT_DAGEN,
    KOSTEN_MAX_PROCENT,
    LOONSANCTIE_MAX_WEKEN,
    MAX_TAAKCLUSTERS,
    SCHOLING_MAX_MAANDEN,
    VERLENGING_MIN_WEKEN,
)
from dossiergen.problems import Severity

__all__ = [
    "FML_MAX_MAANDEN",
    "FOUT",
    "HIAAT_DAGEN",
    "KOSTEN_MAX_DEEL_LOON",
    "KOSTEN_MAX_PROCENT",
    "LOONSANCTIE_MAX_WEKEN",
    "MAX_TAAKCLUSTERS",
    "SCHOLING_MAX_MAANDEN",
    "VERLENGING_MIN_WEKEN",
    "WAARSCHUWING",
    "Found",
    "add_months",
    "as_date",
    "get",
    "items",
    "nl",
]

FOUT = Severity.FOUT
WAARSCHUWING = Severity.WAARSCHUWING
#: What a rule yields: severity, where (a JSON path into the dossier) and the Dutch message.
Found = tuple[Severity, Sequence[PathPart], str]

# The thresholds, with their sources, live in the law module (poortwachter.wet).
KOSTEN_MAX_DEEL_LOON = KOSTEN_MAX_PROCENT / 100


def items(value: Any) -> list[Any]:
    """A YAML list as a list; anything else as an empty one."""
    return list(value) if isinstance(value, list) else []
