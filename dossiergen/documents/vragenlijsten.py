"""The questionnaires of Leidraad bijlagen 1-3, pre-filled with what the dossier knows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.documents.spec import DocumentSpec, on_peildatum
from dossiergen.documents.teksten import tekstblokken
from dossiergen.dossier.views import Audience
from dossiergen.poortwachter.tijdlijn import Tijdlijn


def derive_vragenlijst(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> Mapping[str, Any]:
    """The vragenlijsten only need the free-text helper: they print what the view holds."""
    return {"tekstblokken": tekstblokken}


SPECS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        name="vragenlijst-werknemer",
        title="Vragenlijst werknemer",
        template="vragenlijst-werknemer.md.j2",
        audiences=frozenset({Audience.WERKNEMER}),
        derive=derive_vragenlijst,
        uses_peildatum=True,
        dated=on_peildatum,  # a letter sent today, never the report date
    ),
    DocumentSpec(
        name="vragenlijst-werkgever",
        title="Vragenlijst werkgever",
        template="vragenlijst-werkgever.md.j2",
        audiences=frozenset({Audience.WERKGEVER}),
        derive=derive_vragenlijst,
        uses_peildatum=True,
        dated=on_peildatum,  # a letter sent today, never the report date
    ),
)
