"""The arbeidsdeskundig rapport (Leidraad spoor 1 en 2, sections 1–8)."""

from __future__ import annotations

from dossiergen.documents.rapport.derive import derive_rapport
from dossiergen.documents.spec import DocumentSpec, has_section, needs
from dossiergen.dossier.views import Audience

SPECS = (
    DocumentSpec(
        name="rapport",
        title="Arbeidsdeskundig rapport",
        template="rapport.md.j2",
        audiences=frozenset({Audience.WERKGEVER, Audience.WERKNEMER}),
        requires=needs(
            ("zaak.vraagstelling", "de vraagstelling"),
            ("zaak.arbeidsdeskundige", "de arbeidsdeskundige"),
            ("zaak.rapportdatum", "de rapportdatum"),
            ("bedrijfsarts.belastbaarheid", "een belastbaarheidsprofiel van de bedrijfsarts"),
            ("eigen_werk.taken", "de taken van het eigen werk"),
            ("eigen_werk.conclusie", "de conclusie over het eigen werk"),
            ("advies", "het advies"),
        ),
        derive=derive_rapport,
        applies=has_section("zaak"),
        not_applicable="het dossier heeft nog geen sectie 'zaak' (arbeidsdeskundig onderzoek)",
    ),
)
