"""The questionnaires of Leidraad bijlagen 1-3, pre-filled with what the dossier knows.

A questionnaire carries the date it is sent (``zaak.vragenlijsten_verstuurd``), never the day it
is built; without that date it leaves a line to write it on. Sent before the first talk with its
addressee it asks ahead of the onderzoek, sent after it asks to complete what was discussed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import Any

from dossiergen.documents.spec import DocumentSpec
from dossiergen.documents.teksten import tekstblokken
from dossiergen.dossier.readers import as_mapping
from dossiergen.dossier.views import Audience
from dossiergen.poortwachter.tijdlijn import Tijdlijn


def verstuurd(data: Mapping[str, Any]) -> date | None:
    """The day the questionnaires are sent, when the dossier records it."""
    value = as_mapping(data.get("zaak")).get("vragenlijsten_verstuurd")
    return date.fromisoformat(str(value)) if value else None


def sent_or_peildatum(data: Mapping[str, Any], peildatum: date) -> date:
    """The questionnaire's date: the day it is sent, else (for the properties only) the
    peildatum."""
    return verstuurd(data) or peildatum


#: Who speaks for each addressee in ``zaak.gesprekken``.
ROLLEN = {
    "werknemer": frozenset({"werknemer"}),
    "werkgever": frozenset({"werkgever", "leidinggevende", "hr_adviseur"}),
}


def derive_vragenlijst(
    rol: str, view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> Mapping[str, Any]:
    """The free-text helper, the sending date and the moment: ``voor`` when sent before the
    first talk with the addressee (``rol``: werknemer or werkgever, see ``ROLLEN``) in
    ``zaak.gesprekken``,
    ``na`` on or after it (with ``gesprek``, that talk's date), None without a date or talk."""
    sent = verstuurd(view)
    talks = sorted(
        str(g["datum"])
        for g in as_mapping(view.get("zaak")).get("gesprekken") or ()
        if isinstance(g, Mapping) and g.get("rol") in ROLLEN[rol] and g.get("datum")
    )
    moment = None
    if sent is not None and talks:
        moment = "voor" if sent.isoformat() < talks[0] else "na"
    return {
        "tekstblokken": tekstblokken,
        "verstuurd": sent.isoformat() if sent else None,
        "moment": moment,
        "gesprek": talks[0] if talks else None,
    }


SPECS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        name="vragenlijst-werknemer",
        title="Vragenlijst werknemer",
        template="vragenlijst-werknemer.md.j2",
        audiences=frozenset({Audience.WERKNEMER}),
        derive=partial(derive_vragenlijst, "werknemer"),
        dated=sent_or_peildatum,
    ),
    DocumentSpec(
        name="vragenlijst-werkgever",
        title="Vragenlijst werkgever",
        template="vragenlijst-werkgever.md.j2",
        audiences=frozenset({Audience.WERKGEVER}),
        derive=partial(derive_vragenlijst, "werkgever"),
        dated=sent_or_peildatum,
    ),
)
