"""The Poortwachter timeline: every milestone of one case, its window, deadline and status.

Pure: no clock (the caller passes ``peildatum``), no I/O except reading the packaged AOW table.
Rules and sources: DESIGN.md §5. Day 1 is X, the first day of the current case; "the n-th
ziektedag" is the n-th *telbare* ziektedag (samentelling, WAZO leave skipped; see
``samentelling``), so without gaps or leave it is X + (n - 1). Ziekteweek w runs from the
(7w - 6)-th to the 7w-th ziektedag. Where sources differ we take the earlier, safer date.

Status values (Dutch, exact):
``op tijd`` done within the window · ``te vroeg`` done before ``vanaf`` · ``te laat`` done after
``uiterlijk`` · ``open`` not done, deadline not passed at the peildatum (the deadline day itself
is still open) · ``verlopen`` not done and peildatum > uiterlijk · ``n.v.t.`` not applicable
(recovered before the step was due, a spoor-2 exception) and for the purely informational
milestones ``wia_brief_uwv`` and ``einde_wachttijd`` once their date has passed (before that
they are ``open``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dossiergen.poortwachter import bijzonder, wet
from dossiergen.poortwachter.aow import aow_datum
from dossiergen.poortwachter.mijlpaal import (
    NVT,
    OP_TIJD,
    OPEN,
    TE_LAAT,
    TE_VROEG,
    VERLOPEN,
    Mijlpaal,
    Status,
    Tijdlijn,
    gat_tekst,
)
from dossiergen.poortwachter.mijlpaal import dmj as _d
from dossiergen.poortwachter.samentelling import (
    Verlenging,
    Verlof,
    VerzuimInvoer,
    Ziekteperiode,
    huidige_zaak,
    invoer_opmerkingen,
    riv_soort,
)
from dossiergen.poortwachter.stappen import (
    Bouwer,
    evaluatie,
    spoor_2,
    vervroegde_iva,
    verzoek_verlenging,
    vroege_ziekmelding,
)
from dossiergen.poortwachter.werkdagen import (
    eerste_werkdag_na,
    laatste_bekende_dag,
    na_bekende_besluiten,
)

__all__ = [
    "NVT",
    "OPEN",
    "OP_TIJD",
    "TE_LAAT",
    "TE_VROEG",
    "VERLOPEN",
    "Mijlpaal",
    "Status",
    "Tijdlijn",
    "Verlenging",
    "Verlof",
    "VerzuimInvoer",
    "Ziekteperiode",
    "aow_datum",
    "bereken_tijdlijn",
    "gat_tekst",
    "nde_ziektedag",
    "riv_soort",
    "tijdlijn_op",
]


WIA_AANVRAAG_VOOR_EINDE = wet.dagen(wet.WIA_AANVRAAG_WEKEN_VOOR_EINDE)
RIV_VOOR_EINDE = wet.dagen(wet.RIV_WEKEN_VOOR_EINDE)

#: Steps a dossier records under ``verzuim`` (each with a ``datum``) and the timeline marks done.
GEDAAN_STAPPEN = (
    "ziekmelding_vangnet",
    "probleemanalyse",
    "plan_van_aanpak",
    "ziekmelding_uwv",
    "eerstejaarsevaluatie",
    "spoor_2_start",
    "eindevaluatie",
    "actueel_oordeel",
    "visie_werknemer",
    "re_integratieverslag",
    "vervroegde_iva",
)
_BEKENDE_GEDAAN = frozenset({*GEDAAN_STAPPEN, "wia_aanvraag"})


def nde_ziektedag(invoer: VerzuimInvoer, n: int) -> date:
    """Date of the n-th telbare ziektedag of the current case (1 = the first).

    Raises ``ValueError`` when ``n < 1`` or when the employee recovered before that day.
    """
    dag = huidige_zaak(invoer).nde(n)
    if dag is None:
        raise ValueError(f"de huidige ziekteperiode telt geen {n} ziektedagen")
    return dag


@lru_cache(maxsize=256)
def tijdlijn_op(invoer: VerzuimInvoer, peildatum: date) -> Tijdlijn:
    """The timeline of ``invoer`` at ``peildatum``, computed once and then shared: the rules,
    every document of a dossier and every letter dated that day get the very same dates."""
    return bereken_tijdlijn(invoer, peildatum)


def bereken_tijdlijn(invoer: VerzuimInvoer, peildatum: date) -> Tijdlijn:
    """All milestones of the current case, with status at ``peildatum``."""
    b = Bouwer(invoer, peildatum)
    zaak, gedaan = b.zaak, invoer.gedaan
    # A vrijwillige verlenging moves the WIA-aanvraag (art. 64 lid 3, art. 24 WIA); a loonsanctie
    # does not: UWV imposes it while assessing the aanvraag already made (art. 25 lid 9 WIA;
    # UWV: "Stopt de verlengde loondoorbetaling? Dan gaan wij verder met uw WIA-aanvraag").
    vrijwillig = wet.dagen(sum(v.weken for v in invoer.verlengingen if v.grond == "vrijwillig"))
    verlenging = timedelta(days=vrijwillig)
    sanctie = timedelta(
        days=wet.dagen(sum(v.weken for v in invoer.verlengingen if v.grond != "vrijwillig"))
    )
    b.waarschuwingen.extend(invoer_opmerkingen(invoer, zaak))
    for sleutel, datum in sorted(gedaan.items()):
        if sleutel not in _BEKENDE_GEDAAN:
            b.waarschuwingen.append(f"Onbekende mijlpaal in 'gedaan': {sleutel!r}.")
        if datum > peildatum:
            b.waarschuwingen.append(
                f"{sleutel} is gedaan op {_d(datum)}, na de peildatum {_d(peildatum)}."
            )
    # A verlenging adds calendar days after the 728th ziektedag. The steps tied to the end of
    # the wachttijd (UWV letter, eindevaluatie, actueel oordeel, WIA-aanvraag) move with a
    # vrijwillige one; the first-year steps do not.
    basis_einde = b.dag(wet.WACHTTIJD_DAGEN)
    einde = basis_einde + verlenging + sanctie if basis_einde else None
    aanvraag_einde = basis_einde + verlenging if basis_einde else None
    wia_uiterlijk = (
        aanvraag_einde - timedelta(days=WIA_AANVRAAG_VOOR_EINDE) if aanvraag_einde else None
    )
    # art. 25 lid 3 WIA: the re-integratieverslag is drawn up, and the employee has a copy,
    # "uiterlijk dertien weken voor het verstrijken van de wachttijd": the 637th ziektedag, end
    # of week 91; after a vrijwillige verlenging as long before the extended end (lid 4). Its
    # parts (eindevaluatie, actueel oordeel, visie) are due with it.
    riv_uiterlijk = aanvraag_einde - timedelta(days=RIV_VOOR_EINDE) if aanvraag_einde else None
    # "Na <WIA_BRIEF_NA_WEKEN> weken ziekte krijgt u een brief; vanaf dat moment kunt u WIA
    # aanvragen" (UWV): the first day of the next week opens the WIA-aanvraag window.
    na_88_weken = b.dag(wet.dagen(wet.WIA_BRIEF_NA_WEKEN) + 1)
    wia_vanaf = na_88_weken + verlenging if na_88_weken else None
    # Eindevaluatie and actueel oordeel: advice "week 91" -> from the start of week 91 (X+630)
    # up to the re-integratieverslag's deadline, the end of week 91 (art. 25 lid 3 WIA).
    week_91 = b.dag(wet.dagen(wet.EINDEVALUATIE_VANAF_WEEK - 1) + 1)
    eind_vanaf = week_91 + verlenging if week_91 else None

    vroege_ziekmelding(b)
    pa_dag = wet.dagen(wet.PROBLEEMANALYSE_WEKEN)
    pa_uiterlijk = b.dag(pa_dag)
    b.voeg_toe(
        "probleemanalyse",
        wet.stap("probleemanalyse").naam,
        f"Uiterlijk in de {wet.PROBLEEMANALYSE_WEKEN}e ziekteweek: de {pa_dag}e ziektedag "
        "(Regeling procesgang eerste en tweede ziektejaar, art. 2)",
        None,
        pa_uiterlijk,
        van_toepassing=pa_uiterlijk is not None,
    )
    pa = gedaan.get("probleemanalyse")
    plan_dag, na_pa = wet.dagen(wet.PLAN_WEKEN), wet.dagen(wet.PLAN_NA_PROBLEEMANALYSE_WEKEN)
    kandidaten = [d for d in (b.dag(plan_dag), pa + timedelta(days=na_pa) if pa else None) if d]
    plan_uiterlijk = min((d for d in kandidaten if b.binnen_zaak(d)), default=None)
    b.voeg_toe(
        "plan_van_aanpak",
        wet.stap("plan_van_aanpak").naam,
        f"Uiterlijk in de {wet.PLAN_WEKEN}e ziekteweek ({plan_dag}e ziektedag) en binnen "
        f"{wet.PLAN_NA_PROBLEEMANALYSE_WEKEN} weken na de probleemanalyse, de vroegste van beide "
        f"({wet.BRON['plan']})",
        None,
        plan_uiterlijk,
        van_toepassing=plan_uiterlijk is not None,
    )
    evaluatie(b, plan_uiterlijk, einde)

    melding_dag = wet.dagen(wet.ZIEKMELDING_WEKEN)
    dag_294 = b.dag(melding_dag)
    melding = eerste_werkdag_na(dag_294) if dag_294 else None
    regel = (
        f"Uiterlijk de eerste werkdag na de {wet.ZIEKMELDING_WEKEN}e ziekteweek, dus na de "
        f"{melding_dag}e ziektedag (UWV; werkdag volgens de Algemene termijnenwet)"
    )
    if melding is not None and na_bekende_besluiten(melding):
        regel += (
            "; gelijkgestelde dagen (Besluit gelijkstelling, Atw art. 3 lid 3) na "
            f"{_d(laatste_bekende_dag())} nog niet bekend"
        )
    b.voeg_toe(
        "ziekmelding_uwv",
        wet.stap("ziekmelding_uwv").naam,
        regel,
        None,
        melding,
        van_toepassing=melding is not None,
    )

    vervroegde_iva(b)
    eje_van = wet.dagen(wet.EERSTEJAARSEVALUATIE_VANAF_WEEK - 1) + 1
    eje_tot = wet.dagen(wet.EERSTEJAARSEVALUATIE_TOT_WEEK)
    eje_vanaf, eje_uiterlijk = b.dag(eje_van), b.dag(eje_tot)
    b.voeg_toe(
        "eerstejaarsevaluatie",
        wet.stap("eerstejaarsevaluatie").naam,
        f"Tussen het begin van de {wet.EERSTEJAARSEVALUATIE_VANAF_WEEK}e en het einde van de "
        f"{wet.EERSTEJAARSEVALUATIE_TOT_WEEK}e ziekteweek: {eje_van}e t/m {eje_tot}e "
        "ziektedag (Regeling procesgang eerste en tweede ziektejaar; UWV)",
        eje_vanaf,
        eje_uiterlijk,
        van_toepassing=eje_uiterlijk is not None,
    )
    spoor_2(b, eje_uiterlijk, basis_einde)

    b.voeg_toe(
        "wia_brief_uwv",
        wet.stap("wia_brief_uwv").naam,
        f"Na {wet.WIA_BRIEF_NA_WEKEN} weken ziekte (vanaf de "
        f"{wet.dagen(wet.WIA_BRIEF_NA_WEKEN) + 1}e ziektedag, verschoven met een verlenging; "
        "UWV, art. 64 lid 2 WIA); ter informatie",
        wia_vanaf,
        None,
        van_toepassing=wia_vanaf is not None,
        informatief=True,
    )
    riv_regel = (
        f"Uiterlijk {wet.RIV_WEKEN_VOOR_EINDE} weken ({RIV_VOOR_EINDE} dagen) vóór de laatste dag "
        f"van de wachttijd: de {wet.WACHTTIJD_DAGEN - RIV_VOOR_EINDE}e ziektedag, einde van de "
        f"{wet.WACHTTIJD_WEKEN - wet.RIV_WEKEN_VOOR_EINDE}e ziekteweek (art. 25 lid 3 WIA); na een "
        f"vrijwillige verlenging {wet.RIV_WEKEN_VOOR_EINDE} weken vóór het einde van het verlengde "
        "tijdvak, ook een eerder opgesteld verslag aangevuld (art. 25 lid 4 WIA); een loonsanctie "
        "verschuift het niet"
    )
    verouderd_voor = wia_uiterlijk - verlenging if vrijwillig and wia_uiterlijk else None
    b.voeg_toe(
        "re_integratieverslag",
        wet.stap("re_integratieverslag").naam,
        riv_regel,
        None,
        riv_uiterlijk,
        van_toepassing=riv_uiterlijk is not None,
        verouderd_voor=verouderd_voor,
    )
    eind_regel = (
        "Onderdeel van het re-integratieverslag, dus uiterlijk wanneer dat is opgesteld (art. 25 "
        "lid 3 en 4 WIA; Regeling procesgang art. 6). Geen wettelijke vroegste datum: actueel bij "
        "de WIA-aanvraag, dus kort ervoor; advies vanaf het begin van de "
        f"{wet.EINDEVALUATIE_VANAF_WEEK}e ziekteweek "
        f"({wet.dagen(wet.EINDEVALUATIE_VANAF_WEEK - 1) + 1}e ziektedag; UWV)"
    )
    if vrijwillig:
        eind_regel += (
            "; na een vrijwillige verlenging hoort bij de latere aanvraag een nieuwe, actuele "
            f"versie (art. 25 lid 4 WIA), uiterlijk {_d(riv_uiterlijk) if riv_uiterlijk else '?'}"
        )
    # The visie van de werknemer (Beleidsregels vorm- en herkenbaarheidsvereisten art. 2 lid 2
    # onder f: "het oordeel van de werknemer") goes with the same verslag, in the same window.
    for id_ in ("eindevaluatie", "actueel_oordeel", "visie_werknemer"):
        b.voeg_toe(
            id_,
            wet.stap(id_).naam,
            eind_regel,
            eind_vanaf,
            riv_uiterlijk,
            van_toepassing=riv_uiterlijk is not None,
            nooit_te_vroeg=True,
            verouderd_voor=verouderd_voor,
        )
    b.voeg_toe(
        "wia_aanvraag",
        wet.stap("wia_aanvraag").naam,
        f"Uiterlijk {wet.WIA_AANVRAAG_WEKEN_VOOR_EINDE} weken ({WIA_AANVRAAG_VOOR_EINDE} dagen) "
        "vóór de laatste dag van de wachttijd, ook na een vrijwillige verlenging (art. 64 lid 3 "
        "en art. 24 WIA); een loonsanctie verschuift de aanvraag niet (UWV legt die op bij de "
        f"beoordeling van de aanvraag, art. 25 lid 9 WIA); vanaf de brief van UWV na "
        f"{wet.WIA_BRIEF_NA_WEKEN} weken",
        wia_vanaf,
        wia_uiterlijk,
        van_toepassing=wia_uiterlijk is not None,
    )
    verzoek_verlenging(b, wia_uiterlijk, vrijwillig)
    b.voeg_toe(
        "einde_wachttijd",
        wet.stap("einde_wachttijd").naam,
        f"De {wet.WACHTTIJD_DAGEN}e ziektedag ({wet.WACHTTIJD_WEKEN} weken, "
        f"{wet.BRON['wachttijd']}), plus verlengingen "
        "(vrijwillig art. 24 WIA, loonsanctie art. 25 lid 9 WIA); ter informatie",
        None,
        einde,
        van_toepassing=einde is not None,
        informatief=True,
    )

    mijlpalen = bijzonder.uit_dienst(invoer, zaak, b.mijlpalen, peildatum)
    mijlpalen = bijzonder.aow(invoer, zaak, mijlpalen, basis_einde)
    mijlpalen = bijzonder.vangnet(invoer, mijlpalen)
    telbaar_op_peildatum = zaak.is_telbaar(peildatum)
    dagen = zaak.dagen_tot_en_met(peildatum)
    return Tijdlijn(
        eerste_ziektedag=zaak.x,
        peildatum=peildatum,
        mijlpalen=tuple(mijlpalen),
        ziektedagen_tot_peildatum=dagen,
        ziekteweek_op_peildatum=(dagen - 1) // wet.WEEK + 1 if telbaar_op_peildatum else None,
        einde_wachttijd=einde,
        waarschuwingen=tuple(b.waarschuwingen),
        evaluatie_gaten=tuple(b.evaluatie_gaten),
        invoer=invoer,
    )
