"""Shared pieces of the domain rules: thresholds with their sources, defensive accessors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.readers import as_date, get
from dossiergen.dutch import long_date as nl
from dossiergen.poortwachter.aow import plus_maanden as add_months
from dossiergen.problems import Severity

__all__ = [
    "FML_MAX_MAANDEN",
    "FOUT",
    "HIAAT_DAGEN",
    "KOSTEN_MAX_DEEL_LOON",
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


def items(value: Any) -> list[Any]:
    """A YAML list as a list; anything else as an empty one."""
    return list(value) if isinstance(value, list) else []
