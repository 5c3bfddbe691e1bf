"""Building the timeline: the collector of milestones and the steps that need more than a date.

:func:`~dossiergen.poortwachter.tijdlijn.bereken_tijdlijn` assembles the timeline with a
:class:`Bouwer`; the evaluations, spoor 2 and the request for a vrijwillige verlenging are
worked out here. Pure: no clock, no I/O.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from dossiergen.poortwachter import wet
from dossiergen.poortwachter.aow import aow_datum, plus_maanden
from dossiergen.poortwachter.mijlpaal import NVT, OPEN, Mijlpaal, gat_tekst, status_op
from dossiergen.poortwachter.mijlpaal import dmj as _d
from dossiergen.poortwachter.samentelling import Verlenging, VerzuimInvoer, Zaak, huidige_zaak

__all__ = [
    "Bouwer",
    "evaluatie",
    "spoor_2",
    "vervroegde_iva",
    "verzoek_verlenging",
    "verzoek_verlenging_uiterlijk",
    "vroege_ziekmelding",
    "zonder_gevraagde_verlenging",
]

_EVALUATIE_INTERVAL = wet.dagen(wet.EVALUATIE_WEKEN)
_SPOOR_2_TERMIJN = wet.dagen(wet.SPOOR_2_WEKEN)
_BESLISTERMIJN = timedelta(days=wet.dagen(wet.VERLENGING_BESLISTERMIJN_WEKEN))


class Bouwer:
    """Collects milestones and warnings for one call of :func:`bereken_tijdlijn`."""

    def __init__(self, invoer: VerzuimInvoer, peildatum: date) -> None:
        self.invoer = invoer
        self.peildatum = peildatum
        self.zaak: Zaak = huidige_zaak(invoer)
        self.mijlpalen: list[Mijlpaal] = []
        self.waarschuwingen: list[str] = []
        self.evaluatie_gaten: list[tuple[date, date]] = []

    def dag(self, n: int) -> date | None:
        return self.zaak.nde(n)

    def voeg_toe(
        self,
        id_: str,
        omschrijving: str,
        regel: str,
        vanaf: date | None,
        uiterlijk: date | None,
        *,
        van_toepassing: bool = True,
        informatief: bool = False,
        nooit_te_vroeg: bool = False,
        verouderd_voor: date | None = None,
    ) -> None:
        gedaan = self.invoer.gedaan.get(id_)
        if gedaan is not None and verouderd_voor is not None and gedaan <= verouderd_voor:
            # Made for the aanvraag before a vrijwillige verlenging: no longer current.
            regel += f". Gedaan op {_d(gedaan)}, vóór de verlenging: verouderd, opnieuw nodig"
            gedaan = None
        if not van_toepassing:
            status = NVT
        elif informatief:
            moment = uiterlijk or vanaf
            status = NVT if moment is not None and self.peildatum > moment else OPEN
        else:
            status = status_op(None if nooit_te_vroeg else vanaf, uiterlijk, gedaan, self.peildatum)
        self.mijlpalen.append(Mijlpaal(id_, omschrijving, vanaf, uiterlijk, gedaan, status, regel))

    def binnen_zaak(self, d: date | None) -> bool:
        """False when the case ended (recovery) before ``d``: the step is then not due."""
        einde = self.zaak.laatste_ziektedag
        return d is not None and (einde is None or d <= einde)


def evaluatie(b: Bouwer, plan_uiterlijk: date | None, einde: date | None) -> None:
    """The next evaluation is due ≤ 42 days after the previous one (or after the plan)."""
    plan = b.invoer.gedaan.get("plan_van_aanpak")
    keten = sorted(set(b.invoer.evaluaties) | ({plan} if plan else set()))
    for vorige, volgende in itertools.pairwise(keten):
        if (volgende - vorige).days > _EVALUATIE_INTERVAL:
            b.evaluatie_gaten.append((vorige, volgende))
            b.waarschuwingen.append(gat_tekst(vorige, volgende))
    basis = keten[-1] if keten else plan_uiterlijk
    uiterlijk = basis + timedelta(days=_EVALUATIE_INTERVAL) if basis else None
    na = f" (na {_d(keten[-1])})" if keten else ""
    b.voeg_toe(
        "evaluatie",
        f"{wet.stap('evaluatie').naam}{na}",
        f"Uiterlijk {wet.EVALUATIE_WEKEN} weken ({_EVALUATIE_INTERVAL} dagen) na de vorige "
        "evaluatie of bijstelling, of na het plan van aanpak "
        f"({wet.BRON['evaluatie']}); zonder plan: na de uiterste datum van het plan",
        None,
        uiterlijk,
        van_toepassing=b.binnen_zaak(uiterlijk)
        and (einde is None or uiterlijk is None or uiterlijk <= einde),
    )


def spoor_2(b: Bouwer, eje_uiterlijk: date | None, basis_einde: date | None) -> None:
    invoer = b.invoer
    eje = invoer.gedaan.get("eerstejaarsevaluatie")
    basis = eje or eje_uiterlijk
    uiterlijk = basis + timedelta(days=_SPOOR_2_TERMIJN) if basis else None
    regel = (
        f"Uiterlijk {wet.SPOOR_2_WEKEN} weken na de eerstejaarsevaluatie "
        f"({wet.BRON['spoor_2']}); zolang die niet gedaan is: {wet.SPOOR_2_WEKEN} weken na de "
        "uiterste datum van de eerstejaarsevaluatie"
    )
    toepasselijk = b.binnen_zaak(uiterlijk)
    if invoer.spoor_2_uitzondering:
        toepasselijk = False
        bron = wet.BRON["spoor_2_uitzondering"]
        regel += f". Uitzondering ({bron}): {invoer.spoor_2_uitzondering}"
    elif invoer.geboortedatum is not None and basis_einde is not None:
        aow, vastgesteld = aow_datum(invoer.geboortedatum)
        if aow <= plus_maanden(basis_einde, wet.SPOOR_2_AOW_BINNEN_MAANDEN):
            if vastgesteld:
                toepasselijk = False
                regel += (
                    f". Uitzondering ({wet.BRON['spoor_2_uitzondering']}): AOW-leeftijd op "
                    f"{_d(aow)}, binnen één jaar "
                    f"na het einde van de wachttijd ({_d(basis_einde)})"
                )
            else:
                b.waarschuwingen.append(
                    f"AOW-leeftijd mogelijk op {_d(aow)} (nog niet wettelijk vastgesteld): "
                    "uitzondering op spoor 2 niet toegepast; controleer de AOW-leeftijd."
                )
    b.voeg_toe(
        "spoor_2_start",
        wet.stap("spoor_2_start").naam,
        regel,
        None,
        uiterlijk,
        van_toepassing=toepasselijk,
    )


def verzoek_verlenging_uiterlijk(wia_uiterlijk: date) -> date:
    """The safe last day for a joint request to extend (further): UWV's decision (within
    ``VERLENGING_BESLISTERMIJN_WEKEN``) is then known by the WIA-aanvraag deadline."""
    return wia_uiterlijk - _BESLISTERMIJN


def verzoek_verlenging(b: Bouwer, wia_uiterlijk: date | None, vrijwillig_weken: int) -> None:
    """The request for a (further) vrijwillige verlenging: optional, so only informative, with
    the safe date by which it reaches UWV (no statute sets one; see ``wet``)."""
    uiterlijk = verzoek_verlenging_uiterlijk(wia_uiterlijk) if wia_uiterlijk else None
    verder = "verdere " if vrijwillig_weken else ""
    regel = (
        f"Geen wettelijke uiterste datum ({wet.BRON['verzoek_verlenging']}). Veilig: het "
        f"gezamenlijke verzoek om {verder}verlenging (minimaal {wet.VERLENGING_MIN_WEKEN} "
        f"weken) is uiterlijk {wet.VERLENGING_BESLISTERMIJN_WEKEN} weken vóór de uiterste "
        "datum van de WIA-aanvraag bij UWV"
    )
    if wia_uiterlijk is not None:
        regel += (
            f" ({_d(wia_uiterlijk)}), zodat de beslissing er is voordat de werknemer anders "
            "WIA moet aanvragen; ter informatie"
        )
    b.voeg_toe(
        "verzoek_verlenging",
        wet.stap("verzoek_verlenging").naam,
        regel,
        None,
        uiterlijk,
        van_toepassing=uiterlijk is not None and b.binnen_zaak(uiterlijk),
        informatief=True,
    )


def zonder_gevraagde_verlenging(invoer: VerzuimInvoer, weken: int) -> VerzuimInvoer:
    """The input as it was before a request for a vrijwillige verlenging of ``weken`` weeks: a
    recorded verlenging of that length is taken to be the one granted on that request."""
    gevraagd = Verlenging(grond="vrijwillig", weken=weken)
    rest = list(invoer.verlengingen)
    if gevraagd in rest:
        rest.remove(gevraagd)
    return replace(invoer, verlengingen=tuple(rest))


#: Vangnet grounds reported by the 4th ziektedag (see ``wet.ZIEKMELDING_VANGNET_DAG``).
_VANGNET_VIERDE_DAG = frozenset({"zwangerschap_flexperiode", "zwangerschap_na_verlof"})


def vroege_ziekmelding(b: Bouwer) -> None:
    """The early melding to UWV when the employee falls under the Ziektewet vangnet (no-risk
    polis, art. 29b ZW; pregnancy-related illness, art. 29a ZW): by the 42nd ziektedag, or by
    the 4th in the flexibiliseringsperiode and after the leave."""
    grond = b.invoer.vangnet
    if grond is None:
        return
    if grond in _VANGNET_VIERDE_DAG:
        begin = b.zaak.x
        if grond == "zwangerschap_na_verlof":
            # Counted from the first sick day after the (latest) leave, not from X.
            na_verlof = [van for van, _ in b.zaak.telbaar if van > max(
                (v.tot for v in b.invoer.verlof), default=date.min)]  # fmt: skip
            begin = na_verlof[0] if na_verlof else begin
        uiterlijk: date | None = begin + timedelta(days=wet.ZIEKMELDING_VANGNET_DAG - 1)
        termijn = f"uiterlijk op de {wet.ZIEKMELDING_VANGNET_DAG}e ziektedag"
        if grond == "zwangerschap_na_verlof":
            termijn += " na het verlof"
    else:
        uiterlijk = b.dag(wet.dagen(wet.ZIEKMELDING_VROEG_WEKEN))
        termijn = (
            f"binnen {wet.ZIEKMELDING_VROEG_WEKEN} weken: uiterlijk de "
            f"{wet.dagen(wet.ZIEKMELDING_VROEG_WEKEN)}e ziektedag"
        )
    b.voeg_toe(
        "ziekmelding_vangnet",
        wet.stap("ziekmelding_vangnet").naam,
        f"Vangnet Ziektewet ({wet.VANGNET_GRONDEN.get(grond, grond)}): melden bij UWV "
        f"{termijn} ({wet.BRON['vroeg']}); daarna geen 42e-weeksmelding",
        None,
        uiterlijk,
        van_toepassing=uiterlijk is not None,
    )


def vervroegde_iva(b: Bouwer) -> None:
    """The window of a vervroegde IVA-aanvraag, when the dossier records one is considered:
    after at least 3 weeks of illness and before the 68th ziekteweek (art. 23 lid 6 WIA)."""
    if not b.invoer.vervroegde_iva:
        return
    van_dag = wet.dagen(wet.VERVROEGDE_IVA_NA_WEKEN) + 1
    tot_dag = wet.dagen(wet.VERVROEGDE_IVA_VOOR_WEEK - 1)
    vanaf, uiterlijk = b.dag(van_dag), b.dag(tot_dag)
    b.voeg_toe(
        "vervroegde_iva",
        wet.stap("vervroegde_iva").naam,
        f"Na minimaal {wet.VERVROEGDE_IVA_NA_WEKEN} weken ziekte ({van_dag}e ziektedag) en vóór "
        f"de {wet.VERVROEGDE_IVA_VOOR_WEEK}e ziekteweek: uiterlijk de {tot_dag}e ziektedag "
        f"({wet.BRON['iva']}); UWV stelt het einde van de verkorte wachttijd niet eerder vast "
        f"dan {wet.VERVROEGDE_IVA_EINDE_NA_AANVRAAG_WEKEN} weken na de aanvraag",
        vanaf,
        uiterlijk,
        van_toepassing=uiterlijk is not None and b.binnen_zaak(uiterlijk),
    )
