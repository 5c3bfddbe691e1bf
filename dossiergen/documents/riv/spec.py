"""The RIV-checklist: is the re-integratieverslag complete and on time (DESIGN.md §6)?"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.documents.riv.risicos import risicos
from dossiergen.documents.riv.status import riv_status
from dossiergen.documents.riv.toets import toetsvragen
from dossiergen.documents.spec import DocumentSpec, on_peildatum
from dossiergen.dossier.views import Audience
from dossiergen.poortwachter.tijdlijn import Tijdlijn


def derive_riv(view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date) -> Mapping[str, Any]:
    """Template data at ``peildatum``: the RIV rows (``riv``), the risks and the four questions
    of UWV's RIV-toets (``toets``), all on the dossier's one timeline."""
    status = riv_status(view, tijdlijn, peildatum)
    gevonden = risicos(view, status.onderdelen, tijdlijn, peildatum)
    return {
        "riv": status,
        "risicos": gevonden,
        "toets": toetsvragen(view, status, gevonden, tijdlijn, peildatum),
    }


SPECS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        name="riv-checklist",
        title="RIV-checklist",
        template="riv-checklist.md.j2",
        audiences=frozenset({Audience.WERKGEVER}),
        derive=derive_riv,
        uses_peildatum=True,
        # the state of the dossier on the peildatum, never the report date (maybe a year old)
        dated=on_peildatum,  # statuses change with the day, from week 1 on
    ),
)
