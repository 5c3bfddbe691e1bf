"""The questionnaires of Leidraad bijlagen 1-3, pre-filled with what the dossier knows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dossiergen.derive_plan import derive_vragenlijst
from dossiergen.docspec import DocumentSpec
from dossiergen.views import Audience


class _VragenlijstSpec(DocumentSpec):
    """A questionnaire is a letter sent today: dated at the peildatum, never the report date."""

    def document_date(self, data: Mapping[str, Any], peildatum: date) -> date:
        """The peildatum (the day the consultant sends it)."""
        return peildatum


SPECS: tuple[DocumentSpec, ...] = (
    _VragenlijstSpec(
        name="vragenlijst-werknemer",
        title="Vragenlijst werknemer",
        template="vragenlijst-werknemer.md.j2",
        audiences=frozenset({Audience.WERKNEMER}),
        derive=derive_vragenlijst,
        uses_peildatum=True,
    ),
    _VragenlijstSpec(
        name="vragenlijst-werkgever",
        title="Vragenlijst werkgever",
        template="vragenlijst-werkgever.md.j2",
        audiences=frozenset({Audience.WERKGEVER}),
        derive=derive_vragenlijst,
        uses_peildatum=True,
    ),
)
