"""The questionnaires of Leidraad bijlagen 1-3, pre-filled with what the dossier knows."""

from __future__ import annotations

from dossiergen.derive_plan import derive_vragenlijst
from dossiergen.docspec import DocumentSpec, on_peildatum
from dossiergen.dossier.views import Audience

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
