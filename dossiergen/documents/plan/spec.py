"""The plan van aanpak along UWV model form AG140 (parts 1-10), bijstellingen, jobcarving."""

from __future__ import annotations

from dossiergen.documents.plan.derive import derive_plan, plan_date
from dossiergen.documents.spec import DocumentSpec, has_section, needs
from dossiergen.dossier.views import Audience

SPECS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        name="plan-van-aanpak",
        title="Plan van aanpak",
        template="plan-van-aanpak.md.j2",
        audiences=frozenset({Audience.WERKGEVER, Audience.WERKNEMER}),
        requires=needs(
            ("verzuim.plan_van_aanpak.datum", "de datum van het plan van aanpak"),
            ("verzuim.plan_van_aanpak.einddoel", "het einddoel van de re-integratie (AG140 6)"),
            ("verzuim.plan_van_aanpak.afspraken", "de afspraken (AG140 7)"),
        ),
        derive=derive_plan,
        applies=has_section("verzuim", "plan_van_aanpak"),
        not_applicable="het dossier heeft nog geen 'verzuim.plan_van_aanpak'",
        dated=plan_date,
        # The plan is the casemanager's (or whoever drew it up), signed by both parties.
        authors=("verzuim.plan_van_aanpak.door.naam", "zaak.arbeidsdeskundige.naam"),
    ),
)
