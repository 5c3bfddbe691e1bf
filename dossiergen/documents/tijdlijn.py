"""The Poortwachter timeline of a dossier: computed once per dossier and date, shared by all
its documents, and turned into template data once, here at the edge.

Documents never compute deadlines themselves. Their derivations receive the typed
:class:`~dossiergen.poortwachter.tijdlijn.Tijdlijn` (dates as ``date``, statuses as
:class:`~dossiergen.poortwachter.tijdlijn.Status`); only :func:`tijdlijn_context` makes the
plain mappings with ISO dates that templates print.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.dossier.readers import iso
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.poortwachter.tijdlijn import Tijdlijn, tijdlijn_op

__all__ = ["dossier_tijdlijn", "tijdlijn_context", "tijdlijn_op"]


def dossier_tijdlijn(data: Mapping[str, Any], peildatum: date) -> Tijdlijn:
    """The timeline of a checked dossier, the same one ``dossiergen timeline`` shows."""
    return tijdlijn_op(verzuim_invoer(data), peildatum)


def tijdlijn_context(tijdlijn: Tijdlijn) -> dict[str, Any]:
    """``tijdlijn`` for templates: milestones by id, each with ISO dates and status."""
    mijlpalen = {
        m.id: {
            "id": m.id,
            "omschrijving": m.omschrijving,
            "vanaf": iso(m.vanaf),
            "uiterlijk": iso(m.uiterlijk),
            "gedaan_op": iso(m.gedaan_op),
            "status": str(m.status),
            "regel": m.regel,
        }
        for m in tijdlijn.mijlpalen
    }
    return {
        "eerste_ziektedag": tijdlijn.eerste_ziektedag.isoformat(),
        "ziekteweek": tijdlijn.ziekteweek_op_peildatum,
        "einde_wachttijd": iso(tijdlijn.einde_wachttijd),
        "mijlpalen": mijlpalen,
        "volgorde": [m.id for m in tijdlijn.mijlpalen],
        "opmerkingen": list(tijdlijn.waarschuwingen),
        "riv_soort": tijdlijn.riv_soort,
    }
