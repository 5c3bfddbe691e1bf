"""The rows of the RIV-checklist and their statuses (see :mod:`.status` for how they are found).

Status values (Dutch, exact; see ``SYMBOLEN``): ``op tijd`` done within its window ·
``aanwezig`` present, no deadline · ``te laat`` done after its deadline · ``te vroeg`` done
before its window (redo it near the WIA-aanvraag) · ``ontbreekt`` not done, deadline passed ·
``open`` not done and due now (window open, or the deadline within 6 weeks) · ``nog niet
nodig`` not due yet · ``n.v.t.`` not applicable (exception, after the end of employment, none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dossiergen.dossier.readers import as_date as _day
from dossiergen.poortwachter.wet import EVALUATIE_WEKEN, dagen
from dossiergen.text.filters import datum

__all__ = [
    "AANDACHT_DAGEN",
    "AANWEZIG",
    "NOG_NIET",
    "NVT",
    "ONTBREEKT",
    "OPEN",
    "OP_TIJD",
    "SYMBOLEN",
    "TE_LAAT",
    "TE_VROEG",
    "Onderdeel",
    "RivStatus",
    "dag",
    "zin",
]

OP_TIJD, AANWEZIG, TE_LAAT, TE_VROEG = "op tijd", "aanwezig", "te laat", "te vroeg"
ONTBREEKT, OPEN, NOG_NIET, NVT = "ontbreekt", "open", "nog niet nodig", "n.v.t."

#: One symbol per status, only from characters the house font itself holds (Calibri; in
#: LibreOffice its metric twin Carlito): check marks (U+2713/2714) are missing there and would
#: come from a fallback font, so "done" is a filled dot.
SYMBOLEN: Mapping[str, str] = {
    OP_TIJD: "●", AANWEZIG: "●", TE_LAAT: "!", TE_VROEG: "!",
    ONTBREEKT: "×", OPEN: "→", NOG_NIET: "○", NVT: "–",
}  # fmt: skip

#: A step without a window start counts as due ("open") this many days before its deadline:
#: six weeks, the evaluation rhythm, leaves time to plan it.
AANDACHT_DAGEN = dagen(EVALUATIE_WEKEN)


@dataclass(frozen=True)
class Onderdeel:
    """One row of the checklist. Dates are ISO text (templates format them)."""

    id: str
    naam: str
    door: str  # who supplies it: the record's author, else the party that normally does
    datum: str | None = None  # date of the record (the latest, for lists)
    vanaf: str | None = None  # window start, from the timeline
    uiterlijk: str | None = None  # deadline, from the timeline (or the end of employment)
    status: str = NVT
    toelichting: str = ""

    @property
    def symbool(self) -> str:
        """The status symbol (see ``SYMBOLEN``)."""
        return SYMBOLEN[self.status]

    @property
    def probleem(self) -> bool:
        """True when the row needs repair: late, early or missing."""
        return self.status in (TE_LAAT, TE_VROEG, ONTBREEKT)


@dataclass(frozen=True)
class RivStatus:
    """The whole checklist: the rows and the figures around them."""

    onderdelen: tuple[Onderdeel, ...]
    riv_soort: str  # "volledig", "verkort" or "geen" (ziek uit dienst within 6 weeks)
    uit_dienst: str | None
    ziekteweek: int | None
    wia_uiterlijk: str | None
    einde_wachttijd: str | None
    volgende: Onderdeel | None  # the open row with the earliest deadline still ahead

    def aantal(self, status: str) -> int:
        """How many rows have ``status``."""
        return sum(1 for o in self.onderdelen if o.status == status)

    @property
    def oordeel(self) -> str:
        """The verdict in one line, e.g. "3 onderdelen ontbreken en 1 te laat"."""
        delen = []
        for status, een, meer in (
            (ONTBREEKT, "1 onderdeel ontbreekt", "{n} onderdelen ontbreken"),
            (TE_LAAT, "1 onderdeel is te laat", "{n} onderdelen zijn te laat"),
            (TE_VROEG, "1 onderdeel is te vroeg", "{n} onderdelen zijn te vroeg"),
            (OPEN, "1 onderdeel staat open", "{n} onderdelen staan open"),
        ):
            if n := self.aantal(status):
                delen.append(een if n == 1 else meer.format(n=n))
        if not delen:
            return "alles wat nu nodig is, is aanwezig en op tijd"
        return ", ".join(delen[:-1]) + (" en " if len(delen) > 1 else "") + delen[-1]


def dag(value: Any) -> str:
    """A date inside a sentence, the Dutch way: 5 januari 2026."""
    return datum(_day(value)) or "?"


def zin(tekst: Any) -> str:
    """Free text as one sentence: whitespace flattened, ending in a full stop."""
    flat = " ".join(str(tekst).split())
    return flat if flat.endswith((".", "!", "?")) else flat + "."
