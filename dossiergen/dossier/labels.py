"""Dutch words for the dossier's enumeration values: the one place for them.

Rules, documents, letters and templates (through the ``label`` filter) read them from here, so a
value is worded the same everywhere. A value without an entry reads as itself with ``_`` as a
space (``leesbaar``).
"""

from __future__ import annotations

from collections.abc import Mapping

from dossiergen.poortwachter.wet import VANGNET_GRONDEN

__all__ = ["LABELS", "label"]

LABELS: Mapping[str, Mapping[str, str]] = {
    "vraag": {
        "geschiktheid_eigen_werk": "geschiktheid voor het eigen werk",
        "passend_werk": "passend werk",
        "re_integratie_inspanningen": "re-integratie-inspanningen",
    },
    "rol": {
        "hr_adviseur": "HR-adviseur",
        "re_integratiebedrijf": "re-integratiebedrijf",
        "uwv": "UWV",
        "arbodienst": "arbodienst",
        "anders": "overig",
    },
    "contract": {
        "onbepaalde_tijd": "onbepaalde tijd",
        "bepaalde_tijd": "bepaalde tijd",
        "oproep": "oproepovereenkomst",
        "uitzend": "uitzendovereenkomst",
    },
    "profiel": {
        "FML": "Functionele Mogelijkhedenlijst (FML)",
        "AML": "Actuele Mogelijkhedenlijst (AML)",
        "LAB": "Lijst Arbeidsmogelijkheden en Beperkingen (LAB)",
        "IZP": "Inzetbaarheidsprofiel (IZP)",
    },
    "prognose": {
        "herstel": "herstel verwacht",
        "toename": "de belastbaarheid neemt naar verwachting toe",
        "gelijkblijvend": "de belastbaarheid blijft naar verwachting gelijk",
        "afname": "de belastbaarheid neemt naar verwachting af",
        "onzeker": "het verloop is onzeker",
    },
    "geldt_voor": {
        "alle_arbeid": "alle arbeid",
        "eigen_werk": "het eigen werk",
        "eigen_werkgever": "werk bij de eigen werkgever",
    },
    "eigenrisicodrager": {
        "geen": "nee",
        "ziektewet": "Ziektewet",
        "wga": "WGA",
        "ziektewet_en_wga": "Ziektewet en WGA",
    },
    "regeling": {
        "wao": "WAO",
        "wajong": "Wajong",
        "wia": "WIA",
    },
    "wsw": {
        "sw_organisatie": "SW-organisatie",
        "begeleid_werken": "begeleid werken",
    },
    "beschikbaarheid": {
        "vacant": "vacant",
        "bezet": "bezet",
        "te_creeren": "te creëren",
    },
    "voorziening_uwv": {
        "geen": "",
        "niet_meeneembaar": "niet-meeneembare voorziening (UWV)",
        "meeneembaar": "meeneembare voorziening (UWV)",
    },
    "aanpassingsniveau": {
        "aanpassen_werktempo_en_werktijden": "1 – aanpassen van werktempo en werktijden",
        "aanpassen_bestaande_taken": "2 – aanpassen van bestaande taken",
        "afsplitsen_taken": "3 – afsplitsen van taken bij huidige medewerkers",
        "afsplitsen_en_samenvoegen_tot_functie": "4 – taken afsplitsen en samenvoegen tot een "
        "functie",
        "herinrichten_werkprocessen": "5 – werkprocessen (opnieuw) inrichten",
    },
    "hervatting": {
        "eigen_werk": "eigen werk",
        "aangepast_eigen_werk": "aangepast eigen werk",
        "ander_werk_eigen_werkgever": "ander werk bij de eigen werkgever",
        "ander_werk_andere_werkgever": "werk bij een andere werkgever",
    },
    "apw_oordeel": {
        "passend_werk_aanwezig": "er is passend werk bij de eigen werkgever",
        "passend_na_aanpassing_of_scholing": (
            "er is werk bij de eigen werkgever dat met aanpassing of scholing passend wordt"
        ),
        "geen_passend_werk": "er is geen passend werk bij de eigen werkgever",
    },
    "vangnet": VANGNET_GRONDEN,
    "driehoeksrelatie": {
        "uitzending": "uitzendkracht",
        "detachering": "gedetacheerde werknemer",
        "payrolling": "payrollwerknemer",
    },
    "taak_arbeidsdeskundige": {
        "passendheid_functie": "passendheid van een functie beoordeeld",
        "aanvullende_beoordeling": "aanvullende beoordeling na een gewijzigde belastbaarheid",
    },
    "uitzondering": {
        "structurele_hervatting_binnen_drie_maanden": (
            "structurele werkhervatting binnen drie maanden na het eerste ziektejaar (Leidraad 7.2)"
        ),
        "concreet_perspectief_eigen_werkgever": (
            "concreet perspectief op structurele werkhervatting bij de eigen werkgever "
            "(Leidraad 7.2)"
        ),
        "aow_binnen_jaar": "de werknemer bereikt binnen een jaar na het einde van de wachttijd de "
        "AOW-leeftijd (Leidraad 7.2)",
        "geen_benutbare_mogelijkheden": "geen benutbare mogelijkheden (Leidraad 1.4)",
        "marginale_mogelijkheden": "marginale mogelijkheden (Leidraad 7.3)",
        "wsw": "WSW-dienstverband (Leidraad 8.2)",
    },
}


def label(waarde: object, soort: str) -> str:
    """``waarde`` of kind ``soort`` in words: its label, else itself with spaces for ``_``."""
    if waarde is None:
        return ""
    tekst = str(waarde)
    return LABELS.get(soort, {}).get(tekst, tekst.replace("_", " "))
