"""The law in numbers: every legal term and threshold once, each with its source beside it.

Everything that counts days, weeks or percentages in dossiergen reads them from here: the
timeline, the rules, the documents and (through :func:`template_data`) the templates. Where a
number is not from a statute but from UWV's practice or the Leidraad, the source says so.

Abbreviations: BW Burgerlijk Wetboek; WIA Wet werk en inkomen naar arbeidsvermogen; ZW
Ziektewet; Atw Algemene termijnenwet; Regeling procesgang: Regeling procesgang eerste en tweede
ziektejaar (Stcrt. 2002, 60; gewijzigd Stcrt. 2005, 123); Werkwijzer: UWV Werkwijzer
Poortwachter (2017); Leidraad: Leidraad arbeidsdeskundige spoor 1 en 2 (seed file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = [
    "AOW_LOONDOORBETALING_OUD_WEKEN",
    "AOW_LOONDOORBETALING_WEKEN",
    "AOW_TERMIJN_OUD_TOT",
    "BRON",
    "EERSTEJAARSEVALUATIE_TOT_WEEK",
    "EERSTEJAARSEVALUATIE_VANAF_WEEK",
    "EINDEVALUATIE_VANAF_WEEK",
    "EVALUATIE_WEKEN",
    "FML_MAX_MAANDEN",
    "HIAAT_DAGEN",
    "KOSTEN_MAX_PROCENT",
    "KOSTEN_REGEL",
    "LOONSANCTIE_MAX_WEKEN",
    "MAX_TAAKCLUSTERS",
    "PLAN_NA_PROBLEEMANALYSE_WEKEN",
    "PLAN_WEKEN",
    "PROBLEEMANALYSE_WEKEN",
    "RIV_VERKORT_VANAF_WEKEN",
    "RIV_VOLLEDIG_VANAF_WEKEN",
    "RIV_WEKEN_VOOR_EINDE",
    "SAMENTELLING_WEKEN",
    "SCHOLING_MAX_MAANDEN",
    "SPOOR_2_AOW_BINNEN_MAANDEN",
    "SPOOR_2_WEKEN",
    "STAPPEN",
    "VANGNET_GRONDEN",
    "VERLENGING_BESLISTERMIJN_WEKEN",
    "VERLENGING_MIN_WEKEN",
    "VERVROEGDE_IVA_EINDE_NA_AANVRAAG_WEKEN",
    "VERVROEGDE_IVA_NA_WEKEN",
    "VERVROEGDE_IVA_VOOR_WEEK",
    "WACHTTIJD_DAGEN",
    "WACHTTIJD_WEKEN",
    "WIA_AANVRAAG_WEKEN_VOOR_EINDE",
    "WIA_BRIEF_NA_WEKEN",
    "ZIEKMELDING_UIT_DIENST_ERD_WEKEN",
    "ZIEKMELDING_VANGNET_DAG",
    "ZIEKMELDING_VROEG_WEKEN",
    "ZIEKMELDING_WEKEN",
    "Stap",
    "dagen",
    "stap",
    "template_data",
]

WEEK = 7  # days; not law, arithmetic


def dagen(weken: int) -> int:
    """Whole weeks in days."""
    return WEEK * weken


# -- the wachttijd ---------------------------------------------------------------------------

#: art. 23 lid 1 WIA ("een wachttijd van 104 weken"); art. 7:629 lid 1 BW (loon "voor een
#: tijdvak van 104 weken"). Its last day is the 728th (telbare) ziektedag.
WACHTTIJD_WEKEN = 104
WACHTTIJD_DAGEN = WEEK * WACHTTIJD_WEKEN
#: art. 23 lid 3 WIA, art. 7:629 lid 10 BW: periods "met een onderbreking van minder dan vier
#: weken" are added together; an onderbreking of 28 days or more starts a new wachttijd.
SAMENTELLING_WEKEN = 4

# -- the first year (Regeling procesgang; UWV) -----------------------------------------------

#: Regeling procesgang art. 2 lid 2: the probleemanalyse "binnen zes weken na de eerste dag van
#: ongeschiktheid"; its last day is the 42nd ziektedag.
PROBLEEMANALYSE_WEKEN = 6
#: Regeling procesgang art. 4 lid 1 (Werkwijzer): the plan van aanpak within 8 weeks of illness,
#: and at the latest 2 weeks after the probleemanalyse, whichever comes first.
PLAN_WEKEN = 8
PLAN_NA_PROBLEEMANALYSE_WEKEN = 2
#: Werkwijzer Poortwachter and UWV advice (practice, no statute): evaluate the plan van aanpak
#: at least every 6 weeks.
EVALUATIE_WEKEN = 6
#: art. 38 lid 1 ZW; UWV "ziek melden bij UWV": "uiterlijk de eerste werkdag na de 42e
#: ziekteweek" (werkdag: Atw).
ZIEKMELDING_WEKEN = 42
#: Regeling procesgang art. 5; UWV: the eerstejaarsevaluatie between the start of week 46 and
#: the end of week 52.
EERSTEJAARSEVALUATIE_VANAF_WEEK = 46
EERSTEJAARSEVALUATIE_TOT_WEEK = 52
#: Leidraad 7.1: "uiterlijk gestart worden binnen zes weken na de eerstejaarsevaluatie".
SPOOR_2_WEKEN = 6
#: Leidraad 7.2: spoor 2 may be left out when the AOW-leeftijd is reached within one year
#: after the end of the wachttijd.
SPOOR_2_AOW_BINNEN_MAANDEN = 12

# -- the second year and the WIA-aanvraag -------------------------------------------------------

#: UWV "bijna 2 jaar ziek": "Na 88 weken ziekte krijgt u een brief van UWV" (art. 64 lid 2 WIA).
WIA_BRIEF_NA_WEKEN = 88
#: UWV advice (Werkwijzer; rendement): eindevaluatie and actueel oordeel "uiterlijk in week 91",
#: shortly before the WIA-aanvraag. No legal earliest date.
EINDEVALUATIE_VANAF_WEEK = 91
#: art. 64 lid 3 WIA (since 1-7-2013, Stb. 2013, 236): the WIA-aanvraag at the latest 11 weeks
#: before the end of the wachttijd; after a vrijwillige verlenging before the extended end.
WIA_AANVRAAG_WEKEN_VOOR_EINDE = 11
#: art. 25 lid 3 WIA (text in force, as consolidated by PONT/omgevingsweb.nl "Artikel 25
#: Reïntegratieverplichtingen en verplichte loondoorbetaling werkgever"): the werkgever draws
#: up the re-integratieverslag "uiterlijk dertien weken voor het verstrijken van de wachttijd"
#: and gives the employee a copy; art. 25 lid 4 onder a en b: after a vrijwillige verlenging,
#: 13 weeks before the end of the extended period. (The 2005 text said fifteen weeks.)
RIV_WEKEN_VOOR_EINDE = 13

# -- verlengingen -----------------------------------------------------------------------------

#: art. 24 lid 3 WIA: a (further) verlenging ends "niet eerder ... dan dertien weken na het
#: verzoek"; UWV (eigenrisicodrager WGA, werknemer is ziek): "De minimumperiode van de verlenging
#: is 13 weken. Er is geen maximum."
VERLENGING_MIN_WEKEN = 13
#: UWV "Extending an employee's sick pay" (form 'Aanvraag verlenging loondoorbetaling WIA'):
#: "You will receive our decision about your application within 2 weeks of us receiving your
#: form." The law sets no date by which the joint request (art. 24 lid 1 WIA) must reach UWV;
#: UWV asks for it "bij voorkeur vóór de aanvraag" WIA. Safe: the request in so early that
#: UWV's decision is there by the WIA-aanvraag deadline (art. 64 lid 3 WIA): refused, the
#: employee can still apply in time.
VERLENGING_BESLISTERMIJN_WEKEN = 2
#: art. 25 lid 9 WIA; UWV "verplicht loon doorbetalen": "maximaal 1 jaar (52 weken)".
LOONSANCTIE_MAX_WEKEN = 52

# -- AOW, ziek uit dienst, vroege ziekmelding, vervroegde IVA -----------------------------------

#: art. 7:629 lid 2 onder b BW: loon "voor een tijdvak van zes weken" for an employee who has
#: reached the AOW-leeftijd; since 1-7-2023 (Besluit, Stb. 2023, 169). Illness that began before
#: that day keeps the former 13 weeks (art. VIIIA Wet werken na de AOW-gerechtigde leeftijd).
AOW_LOONDOORBETALING_WEKEN = 6
AOW_LOONDOORBETALING_OUD_WEKEN = 13
AOW_TERMIJN_OUD_TOT = date(2023, 7, 1)
#: UWV "Mijn werknemer gaat ziek uit dienst": no RIV when employment ends within 6 weeks of the
#: first sick day, a verkort RIV "binnen 6 tot 10 weken", a volledig RIV "na 10 weken of langer".
RIV_VERKORT_VANAF_WEKEN = 6
RIV_VOLLEDIG_VANAF_WEKEN = 10
#: UWV (eigenrisicodrager Ziektewet, werknemer is ziek): "binnen 6 weken na de laatste dag van
#: het dienstverband" for an eigenrisicodrager ZW.
ZIEKMELDING_UIT_DIENST_ERD_WEKEN = 6
#: art. 38 lid 2 ZW with art. 29a/29b ZW; UWV "ziek melden bij UWV" and UWV "Ziek voor de
#: verlofperiode" (werkgevers > werknemer krijgt kind > ziek door zwangerschap of bevalling):
#: "U meldt haar uiterlijk binnen 6 weken ziek bij ons"; the same 6 weeks for a no-riskpolis.
#: Safe reading: by the 42nd ziektedag.
ZIEKMELDING_VROEG_WEKEN = 6
#: Ziek door zwangerschap of bevalling in de flexibiliseringsperiode vóór het verlof, of na het
#: verlof: UWV (oude pagina "ziek melden bij UWV") and rendement.nl 2012: "uiterlijk op de vierde
#: dag" — the 4th ziektedag. The current UWV page names only the 6 weeks before the leave; the
#: 4th day is the earlier, safer term.
ZIEKMELDING_VANGNET_DAG = 4
#: Why an employee falls under the Ziektewet vangnet, in words (also the dossier's labels).
VANGNET_GRONDEN: dict[str, str] = {
    "no_risk_polis": "no-riskpolis (art. 29b ZW)",
    "zwangerschap_voor_verlof": "ziek door zwangerschap, vóór het verlof (art. 29a ZW)",
    "zwangerschap_flexperiode": (
        "ziek in de 6 tot 4 weken vóór de vermoedelijke bevallingsdatum (art. 29a ZW)"
    ),
    "zwangerschap_na_verlof": "ziek door zwangerschap of bevalling, na het verlof (art. 29a ZW)",
}
#: art. 23 lid 6 WIA (verkorte wachttijd, Rb. Alkmaar ECLI:NL:RBALK:2011:BU4978); UWV: "na
#: minimaal 3 weken ziekte aanvragen ... vóórdat u 68 weken ziek bent".
VERVROEGDE_IVA_NA_WEKEN = 3
VERVROEGDE_IVA_VOOR_WEEK = 68
#: art. 23 lid 6 WIA as quoted by engelcleary.nl ("verkorte wachttijd WIA"): the end of a
#: verkorte wachttijd "niet eerder ... dan tien weken na de dag waarop de aanvraag ... is
#: ingediend" (the statute text itself not seen).
VERVROEGDE_IVA_EINDE_NA_AANVRAAG_WEKEN = 10

# -- the Leidraad and practice thresholds -------------------------------------------------------

#: Leidraad 6 (scholing), footnote 59: Werkwijzer Poortwachter maart 2017 blz. 16.
KOSTEN_MAX_PROCENT = 70
#: The Leidraad's own words for the 70 % rule (printed where the rule is applied).
KOSTEN_REGEL = (
    "UWV hanteert hiervoor als praktische lijn dat de kosten van de werkgever niet meer mogen "
    f"zijn dan {KOSTEN_MAX_PROCENT}% van het nog te betalen loon over de resterende duur van de "
    "loondoorbetalingsverplichting"
)
#: Leidraad 6 (scholing), footnote 58: scholing "in de regel circa zes maanden" (Werkwijzer
#: blz. 14).
SCHOLING_MAX_MAANDEN = 6
#: DESIGN §7 (practice, no statute): a belastbaarheidsprofiel older than about 3 months needs
#: checking before it carries an advice.
FML_MAX_MAANDEN = 3
#: Leidraad 4.3: describe the eigen werk in at most 4 à 5 task clusters.
MAX_TAAKCLUSTERS = 5
#: Leidraad 3.3: a gap between two jobs longer than a month needs an explanation.
HIAAT_DAGEN = 31

#: Sources as printed in a ``regel``: one wording per source.
BRON: dict[str, str] = {
    "wachttijd": "art. 23 lid 1 WIA; art. 7:629 lid 1 BW",
    "samentelling": "art. 23 lid 3 WIA; art. 7:629 lid 10 BW",
    "probleemanalyse": "Regeling procesgang eerste en tweede ziektejaar, art. 2 lid 2",
    "plan": "Regeling procesgang eerste en tweede ziektejaar, art. 4; Werkwijzer Poortwachter",
    "evaluatie": "advies UWV en praktijk, Werkwijzer Poortwachter",
    "ziekmelding": "art. 38 lid 1 ZW; UWV 'ziek melden bij UWV'",
    "atw": "Algemene termijnenwet art. 1 en 3",
    "eerstejaarsevaluatie": "Regeling procesgang eerste en tweede ziektejaar, art. 5; UWV",
    "spoor_2": "Leidraad 7.1",
    "spoor_2_uitzondering": "Leidraad 7.2",
    "wia_brief": "UWV 'bijna 2 jaar ziek'; art. 64 lid 2 WIA",
    "eindevaluatie": "advies UWV; Werkwijzer Poortwachter",
    "wia_aanvraag": "art. 64 lid 3 WIA",
    "riv": "art. 25 lid 3 en 4 WIA",
    "vrijwillig": "art. 24 WIA",
    "verzoek_verlenging": (
        "art. 24 lid 1 WIA (gezamenlijk verzoek, geen wettelijke uiterste datum); UWV: 'bij "
        "voorkeur vóór de aanvraag' WIA, beslissing binnen 2 weken; art. 64 lid 3 WIA"
    ),
    "verlenging_zw": (
        "art. 24 lid 1 WIA: alleen het loon jegens de werkgever wordt verlengd; UWV: geen "
        "verlenging bij een Ziektewet-uitkering"
    ),
    "loonsanctie": "art. 25 lid 9 WIA",
    "aow": "art. 7:629 lid 2 onder b BW; Stb. 2023, 169",
    "uit_dienst": "UWV 'ziek melden bij UWV': op de laatste werkdag, ook na een 42e-weeksmelding",
    "riv_uit_dienst": "UWV 'mijn werknemer gaat ziek uit dienst'",
    "vroeg": "art. 38 lid 2 ZW, art. 29a en 29b ZW; UWV 'ziek melden bij UWV'",
    "iva": (
        "art. 23 lid 6 WIA; UWV 'bijna 2 jaar ziek' (na minimaal 3 weken ziekte, vóórdat u 68 "
        "weken ziek bent); Rb. Alkmaar 17-11-2011, ECLI:NL:RBALK:2011:BU4978 (niet vóór de 68e "
        "ziekteweek ingediend: afgewezen)"
    ),
}


# -- the steps --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stap:
    """One Poortwachter step: its timeline id, names and where the dossier records it."""

    id: str
    naam: str  # the milestone's description in the timeline
    label: str  # inside a sentence: "de probleemanalyse"
    sleutel: str | None  # the key under ``verzuim`` that records it done (with a ``datum``)
    riv_rij: str | None  # its row in the RIV-checklist; None: no part of the verslag


STAPPEN: tuple[Stap, ...] = (
    Stap("probleemanalyse", "Probleemanalyse door de bedrijfsarts", "de probleemanalyse",
         "probleemanalyse", "Probleemanalyse"),
    Stap("plan_van_aanpak", "Plan van aanpak opgesteld door werkgever en werknemer",
         "het plan van aanpak", "plan_van_aanpak", "Plan van aanpak"),
    Stap("evaluatie", "Volgende evaluatie of bijstelling van het plan van aanpak",
         "de evaluatie van het plan van aanpak", None, "Evaluaties van het plan van aanpak"),
    Stap("ziekmelding_uwv", "Ziekmelding bij UWV (42e-weeksmelding)", "de ziekmelding bij UWV",
         "ziekmelding_uwv", "Ziekmelding bij UWV"),
    Stap("eerstejaarsevaluatie", "Eerstejaarsevaluatie door werkgever en werknemer",
         "de eerstejaarsevaluatie", "eerstejaarsevaluatie", "Eerstejaarsevaluatie"),
    Stap("spoor_2_start", "Start re-integratie tweede spoor", "de start van spoor 2",
         "spoor_2_start", "Start spoor 2"),
    Stap("wia_brief_uwv", "UWV stuurt de werknemer de brief over de WIA-aanvraag",
         "de brief van UWV over de WIA-aanvraag", None, None),
    Stap("eindevaluatie", "Eindevaluatie door werkgever en werknemer", "de eindevaluatie",
         "eindevaluatie", "Eindevaluatie"),
    Stap("actueel_oordeel", "Actueel oordeel van de bedrijfsarts", "het actueel oordeel",
         "actueel_oordeel", "Actueel oordeel bedrijfsarts"),
    Stap("wia_aanvraag", "Aanvraag WIA-uitkering door de werknemer bij UWV",
         "de WIA-aanvraag", None, None),
    Stap("verzoek_verlenging",
         "Verzoek vrijwillige verlenging loondoorbetaling bij UWV (als werkgever en werknemer "
         "willen verlengen)", "het verzoek om vrijwillige verlenging", None, None),
    Stap("ziekmelding_vangnet", "Vroege ziekmelding bij UWV (vangnet Ziektewet)",
         "de vroege ziekmelding bij UWV", "ziekmelding_vangnet", None),
    Stap("vervroegde_iva", "Vervroegde IVA-aanvraag (verkorte wachttijd) door de werknemer",
         "de vervroegde IVA-aanvraag", "vervroegde_iva", None),
    Stap("einde_wachttijd", "Laatste dag van de wachttijd (einde loondoorbetaling bij ziekte)",
         "het einde van de wachttijd", None, None),
    Stap("visie_werknemer", "Visie van de werknemer", "de visie van de werknemer",
         "visie_werknemer", "Visie van de werknemer"),
    Stap("re_integratieverslag", "Re-integratieverslag opgesteld, afschrift aan de werknemer",
         "het opstellen van het re-integratieverslag", "re_integratieverslag", None),
    Stap("arbeidsdeskundig_onderzoek", "Arbeidsdeskundig onderzoek",
         "het arbeidsdeskundig onderzoek", "arbeidsdeskundig_onderzoek",
         "Arbeidsdeskundig rapport"),
)  # fmt: skip


def stap(id_: str) -> Stap:
    """The step with this id (``KeyError`` when there is none)."""
    for s in STAPPEN:
        if s.id == id_:
            return s
    raise KeyError(id_)


def template_data() -> dict[str, Any]:
    """The numbers templates print, so no template writes "13 weken" itself."""
    return {
        "wachttijd_weken": WACHTTIJD_WEKEN,
        "wia_aanvraag_weken_voor_einde": WIA_AANVRAAG_WEKEN_VOOR_EINDE,
        "verlenging_min_weken": VERLENGING_MIN_WEKEN,
        "verlenging_beslistermijn_weken": VERLENGING_BESLISTERMIJN_WEKEN,
        "loonsanctie_max_weken": LOONSANCTIE_MAX_WEKEN,
        "ziekmelding_weken": ZIEKMELDING_WEKEN,
        "evaluatie_weken": EVALUATIE_WEKEN,
        "kosten_max_procent": KOSTEN_MAX_PROCENT,
        "kosten_regel": KOSTEN_REGEL,
        "scholing_max_maanden": SCHOLING_MAX_MAANDEN,
        "riv_verkort_vanaf_weken": RIV_VERKORT_VANAF_WEKEN,
        "riv_volledig_vanaf_weken": RIV_VOLLEDIG_VANAF_WEKEN,
        "riv_weken_voor_einde": RIV_WEKEN_VOOR_EINDE,
        "vervroegde_iva_na_weken": VERVROEGDE_IVA_NA_WEKEN,
        "vervroegde_iva_voor_week": VERVROEGDE_IVA_VOOR_WEEK,
        "bron": dict(BRON),
    }
