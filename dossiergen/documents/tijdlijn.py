"""The Poortwachter timeline as template data, computed from an audience view.

Documents never compute deadlines themselves: they get the timeline engine's milestones, as
plain mappings with ISO dates, from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.dossier.readers import iso
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.poortwachter.tijdlijn import Tijdlijn, bereken_tijdlijn, riv_soort


def tijdlijn_van(view: Mapping[str, Any], peildatum: date) -> Tijdlijn:
    """The timeline of the dossier behind ``view`` at ``peildatum``."""
    return bereken_tijdlijn(verzuim_invoer(view), peildatum)


def tijdlijn_context(view: Mapping[str, Any], peildatum: date) -> dict[str, Any]:
    """``tijdlijn`` for templates: milestones by id, each with ISO dates and status."""
    tijdlijn = tijdlijn_van(view, peildatum)

    mijlpalen = {
        m.id: {
            "id": m.id,
            "omschrijving": m.omschrijving,
            "vanaf": iso(m.vanaf),
            "uiterlijk": iso(m.uiterlijk),
            "gedaan_op": iso(m.gedaan_op),
            "status": m.status,
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
        "riv_soort": riv_soort(verzuim_invoer(view)),
    }
