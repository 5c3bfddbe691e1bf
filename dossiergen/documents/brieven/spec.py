"""The letters to UWV (DESIGN.md §6): ziekmelding 42e week, aanvraag deskundigenoordeel,
verzoek verlenging loondoorbetaling and aanbiedingsbrief re-integratieverslag.

A letter is made only when the dossier's ``brieven`` list asks for it (the latest entry of its
kind counts); it is dated by that entry, not by the peildatum or the report date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import Any

from dossiergen.documents.brieven.aanbieding import derive_aanbieding_riv
from dossiergen.documents.brieven.derive import (
    brief_datum,
    derive_deskundigenoordeel,
    derive_verlenging,
    derive_ziekmelding,
    heeft_brief,
)
from dossiergen.documents.spec import DocumentSpec, needs
from dossiergen.dossier.views import Audience


def _dated_by_entry(soort: str, data: Mapping[str, Any], peildatum: date) -> date:
    """A letter carries the date of its ``brieven`` entry (the peildatum if it has none)."""
    return brief_datum(data, soort, peildatum)


#: Every letter is the employer's: it needs the employer's address, loonheffingennummer
#: (UWV's key for the employer) and a contactpersoon who signs.
_WERKGEVER = (
    ("werkgever.adres", "het adres van de werkgever"),
    ("werkgever.loonheffingennummer", "het loonheffingennummer van de werkgever"),
    ("werkgever.contactpersoon", "de contactpersoon van de werkgever"),
)


def _spec(name: str, title: str, soort: str, derive: Any, *extra: tuple[str, str]) -> DocumentSpec:
    """A letter to UWV, made for one ``soort`` of ``brieven`` entry and dated by it."""
    return DocumentSpec(
        name=name,
        title=title,
        template=f"{name}.md.j2",
        # The employer fills in UWV's own form or portal with it: for the employer, with what
        # UWV asks (BSN, loonheffingennummer); no medical field.
        audiences=frozenset({Audience.WERKGEVER}),
        requires=needs(*_WERKGEVER, *extra),
        derive=derive,
        applies=heeft_brief(soort),
        not_applicable=f"de lijst 'brieven' van het dossier vraagt geen brief met soort: {soort}",
        # The letter prints only dates of its own day (the timeline is taken at the letter's
        # date): the peildatum does not change it.
        uses_peildatum=False,
        dated=partial(_dated_by_entry, soort),
    )


SPECS: tuple[DocumentSpec, ...] = (
    _spec(
        "brief-ziekmelding-42e-week",
        "Invulhulp 42e-weeksmelding",
        "ziekmelding_42e_week",
        derive_ziekmelding,
        ("werknemer.adres", "het adres van de werknemer"),
        ("werknemer.contract.soort", "de soort arbeidsovereenkomst"),
        ("werknemer.contract.uren_per_week", "de contractuele uren per week"),
    ),
    _spec(
        "brief-deskundigenoordeel",
        "Invulhulp aanvraag deskundigenoordeel",
        "deskundigenoordeel",
        derive_deskundigenoordeel,
    ),
    _spec(
        "brief-verlenging-loondoorbetaling",
        "Invulhulp aanvraag verlenging loondoorbetaling",
        "verlenging_loondoorbetaling",
        derive_verlenging,
    ),
    _spec(
        "brief-aanbieding-riv",
        "Uploadlijst re-integratieverslag",
        "aanbieding_riv",
        derive_aanbieding_riv,
    ),
)
