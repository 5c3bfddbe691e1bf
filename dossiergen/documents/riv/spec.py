"""The RIV-checklist: is the re-integratieverslag complete and on time (DESIGN.md §6)?"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.documents.riv.risicos import risicos
from dossiergen.documents.riv.status import riv_status
from dossiergen.documents.riv.toets import toetsvragen
from dossiergen.documents.spec import DocumentSpec, on_peildatum
from dossiergen.documents.tijdlijn import tijdlijn_context
from dossiergen.dossier.views import Audience


def derive_riv(view: Mapping[str, Any], peildatum: date) -> Mapping[str, Any]:
    """Template data at ``peildatum``: the timeline, the RIV rows (``riv``), the risks and the
    four questions of UWV's RIV-toets (``toets``)."""
    tijdlijn = tijdlijn_context(view, peildatum)
    status = riv_status(view, tijdlijn, peildatum)
    gevonden = risicos(view, status.onderdelen, tijdlijn, peildatum)
    return {
        "tijdlijn": tijdlijn,
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
