"""The special cases of the timeline: ziek uit dienst and the AOW-leeftijd.

Each takes the milestones of an ordinary wachttijd and returns them as the case changes them,
plus the milestones it adds. Pure: no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dossiergen.poortwachter import wet
from dossiergen.poortwachter.aow import aow_datum
from dossiergen.poortwachter.mijlpaal import Mijlpaal, Status, dmj, status_op
from dossiergen.poortwachter.samentelling import VerzuimInvoer, Zaak
from dossiergen.poortwachter.werkdagen import is_werkdag

__all__ = [
    "aow",
    "laatste_werkdag_tot",
    "uit_dienst",
    "vangnet",
    "ziek_uit_dienst_in_wachttijd",
]

#: Milestones that only inform; a special case never turns them into "n.v.t.".
_INFORMATIEF = frozenset({"einde_wachttijd", "wia_brief_uwv", "einde_loondoorbetaling"})


def laatste_werkdag_tot(d: date) -> date:
    """The last Atw-werkdag on or before ``d``."""
    while not is_werkdag(d):
        d -= timedelta(days=1)
    return d


def ziek_uit_dienst_in_wachttijd(invoer: VerzuimInvoer, zaak: Zaak) -> date | None:
    """The last day of the contract when the employee leaves sick before the wachttijd ends:
    from then on a Ziektewet-uitkering (UWV or the eigenrisicodrager), so no vrijwillige
    verlenging (art. 24 lid 1 WIA extends the loon owed by the employer; UWV: "You cannot
    extend an employee's sick pay if they are receiving a sickness benefit"). ``None``
    otherwise."""
    uit = invoer.uit_dienst
    if uit is None or not zaak.is_telbaar(uit):
        return None
    einde = zaak.nde(wet.WACHTTIJD_DAGEN)
    return uit if einde is None or uit <= einde else None


def _nvt(m: Mijlpaal, reden: str) -> Mijlpaal:
    return replace(m, status=Status.NVT, regel=f"{m.regel}. Niet van toepassing: {reden}")


def uit_dienst(
    invoer: VerzuimInvoer, zaak: Zaak, mijlpalen: list[Mijlpaal], peildatum: date
) -> list[Mijlpaal]:
    """Ziek uit dienst: the melding on the last werkdag of the contract (also after a
    42e-weeksmelding) and, unless the employer is eigenrisicodrager ZW, no employer's steps
    after the end of the contract: UWV takes over (Ziektewet)."""
    uit = invoer.uit_dienst
    if uit is None or not zaak.is_telbaar(uit):
        return mijlpalen
    gedaan = invoer.gedaan.get("ziekmelding_uit_dienst")
    if invoer.eigenrisicodrager_zw:
        vanaf, uiterlijk = (
            None,
            uit + timedelta(days=wet.dagen(wet.ZIEKMELDING_UIT_DIENST_ERD_WEKEN)),
        )
        regel = (
            f"Eigenrisicodrager Ziektewet: binnen {wet.ZIEKMELDING_UIT_DIENST_ERD_WEKEN} weken na "
            "de laatste dag van het dienstverband (UWV, eigenrisicodrager Ziektewet)"
        )
    else:
        vanaf = uiterlijk = laatste_werkdag_tot(uit)
        regel = (
            f"Op de laatste werkdag van het dienstverband (einde {dmj(uit)}), niet eerder en ook "
            f"na een eerdere 42e-weeksmelding ({wet.BRON['uit_dienst']}; werkdag volgens de "
            "Algemene termijnenwet art. 3)"
        )
    status = status_op(vanaf, uiterlijk, gedaan, peildatum)
    melding = Mijlpaal(
        "ziekmelding_uit_dienst",
        "Ziekmelding bij UWV: ziek uit dienst",
        vanaf,
        uiterlijk,
        gedaan,
        status,
        regel,
    )
    uit_mijlpalen = []
    for m in mijlpalen:
        moment = m.uiterlijk or m.vanaf
        na = moment is not None and moment > uit and m.gedaan_op is None
        if m.id == "verzoek_verlenging" and m.status != Status.NVT:
            # Sick after the contract: a Ziektewet-uitkering, no loon to extend (art. 24 WIA).
            m = _nvt(m, f"ziek uit dienst op {dmj(uit)} met een Ziektewet-uitkering; "
                     f"verlengen kan niet ({wet.BRON['verlenging_zw']})")  # fmt: skip
        elif na and m.id not in _INFORMATIEF and not invoer.eigenrisicodrager_zw:
            m = _nvt(m, f"valt na het einde van het dienstverband ({dmj(uit)}); UWV neemt de "
                     "re-integratie over (Ziektewet)")  # fmt: skip
        uit_mijlpalen.append(m)
    return [melding, *uit_mijlpalen]


#: Steps that exist for the WIA-aanvraag: none once the AOW-leeftijd is reached in the wachttijd.
_VOOR_WIA = frozenset(
    {
        "wia_brief_uwv",
        "eindevaluatie",
        "actueel_oordeel",
        "visie_werknemer",
        "re_integratieverslag",
        "wia_aanvraag",
        "verzoek_verlenging",
        "vervroegde_iva",
    }
)


def aow(
    invoer: VerzuimInvoer, zaak: Zaak, mijlpalen: list[Mijlpaal], basis_einde: date | None
) -> list[Mijlpaal]:
    """The AOW-leeftijd reached before the end of the wachttijd: no WIA (so no WIA-aanvraag
    and no steps for it) and loondoorbetaling for the term of art. 7:629 lid 2 onder b BW."""
    if invoer.geboortedatum is None or basis_einde is None:
        return mijlpalen
    aow_dag, vastgesteld = aow_datum(invoer.geboortedatum)
    if aow_dag > basis_einde or not vastgesteld:
        return mijlpalen
    oud = zaak.x < wet.AOW_TERMIJN_OUD_TOT
    weken = wet.AOW_LOONDOORBETALING_OUD_WEKEN if oud else wet.AOW_LOONDOORBETALING_WEKEN
    termijn = timedelta(days=wet.dagen(weken) - 1)
    if aow_dag <= zaak.x:
        einde = zaak.x + termijn
        vanaf = "de eerste ziektedag (ziek na het bereiken van de AOW-leeftijd)"
    else:
        einde = min(aow_dag + termijn, basis_einde)
        vanaf = f"de AOW-datum {dmj(aow_dag)}, ten hoogste tot de {wet.WACHTTIJD_DAGEN}e ziektedag"
    overgang = (
        f"; ziek vóór {dmj(wet.AOW_TERMIJN_OUD_TOT)}: nog {weken} weken (art. VIIIA Wet werken na "
        "de AOW-gerechtigde leeftijd)"
        if oud
        else ""
    )
    reden = (
        f"de werknemer bereikt de AOW-leeftijd op {dmj(aow_dag)}, vóór het einde van de "
        "wachttijd: geen recht op WIA"
    )
    uit = [_nvt(m, reden) if m.id in _VOOR_WIA else m for m in mijlpalen]
    uit.append(
        Mijlpaal(
            "einde_loondoorbetaling",
            "Laatste dag van de loondoorbetaling bij ziekte (AOW-gerechtigde werknemer)",
            None,
            einde,
            None,
            Status.OPEN,
            f"{weken} weken vanaf {vanaf} ({wet.BRON['aow']}{overgang}); ter informatie",
        )
    )
    return uit


def vangnet(invoer: VerzuimInvoer, mijlpalen: list[Mijlpaal]) -> list[Mijlpaal]:
    """Under the Ziektewet vangnet the employee was reported early: no 42e-weeksmelding (UWV,
    eigenrisicodrager WGA, werknemer is ziek: "Dit geldt niet voor werknemers met een
    Ziektewet-uitkering. Die heeft u al eerder ziek gemeld.")."""
    if invoer.vangnet is None:
        return mijlpalen
    reden = "de werknemer is al vroeg ziek gemeld (vangnet Ziektewet, Ziektewet-uitkering)"
    return [
        _nvt(m, reden) if m.id == "ziekmelding_uwv" and m.gedaan_op is None else m
        for m in mijlpalen
    ]
