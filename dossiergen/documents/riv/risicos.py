"""Risks for the RIV-checklist: late or missing steps, evaluation gaps, spoor 2, the end of the
wachttijd coming near — what may cost the employer a loonsanctie.

Pure, like :mod:`.status`: works on the audience view, the timeline context and the rows
of :func:`.status.riv_status`. The gaps between evaluations are the timeline's own notes
(never recounted).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dossiergen.documents.riv.status import (
    NOG_NIET,
    NVT,
    ONTBREEKT,
    OPEN,
    TE_LAAT,
    TE_VROEG,
    Onderdeel,
    dag,
    deskundigenoordelen,
    evaluatie_gaten,
    uit_dienst,
    vraag_label,
    zin,
)
from dossiergen.dossier.functiegebouw import functie_dekking
from dossiergen.dossier.readers import as_date
from dossiergen.dossier.readers import as_mapping as _map
from dossiergen.dossier.readers import as_tuple as _seq
from dossiergen.poortwachter.tijdlijn import Status, Tijdlijn
from dossiergen.poortwachter.wet import EVALUATIE_WEKEN, VERVROEGDE_IVA_VOOR_WEEK, dagen

HOOG, LET_OP = "hoog", "let op"
#: Missing end-of-wachttijd parts become a risk this close to the WIA-aanvraag (8 weeks).
WIA_NABIJ_DAGEN = 56
#: A single evaluation gap is ``hoog`` only beyond this many times the evaluation rhythm.
GAT_HOOG_FACTOR = 2


@dataclass(frozen=True)
class Risico:
    """A risk the dossier shows: ``hoog`` (a likely loonsanctie ground) or ``let op``."""

    ernst: str
    tekst: str


def _stap_risico(o: Onderdeel, verlengd: bool) -> str | None:
    """The risk of one row: late, missing or too early (gaps: the timeline's own notes)."""
    tot = f"de uiterste datum {dag(o.uiterlijk)}"
    if o.status == TE_LAAT and o.id != "evaluaties":
        dagen = (as_date(o.datum) - as_date(o.uiterlijk)).days  # type: ignore[operator]
        return f"{o.naam} op {dag(o.datum)}: {tel(dagen, 'dag', 'dagen')} na {tot}."
    if o.status == ONTBREEKT and o.id == "evaluaties":
        return f"De evaluatie die uiterlijk {dag(o.uiterlijk)} nodig was, ontbreekt."
    if o.status == ONTBREEKT and o.id == "spoor_2_start":
        return f"Spoor 2 is niet gestart vóór {tot} en er is geen uitzondering vastgelegd."
    if o.status == ONTBREEKT:
        return f"{o.naam} ontbreekt; {tot} is verstreken."
    if o.status == TE_VROEG:
        reden = "door de verlenging van de wachttijd ligt de datum nu " if verlengd else "ligt "
        return (f"{o.naam} van {dag(o.datum)}: {reden}vóór het venster ({dag(o.vanaf)} tot en "
                f"met {dag(o.uiterlijk)}); actualiseer dit in dat venster, als onderdeel van het "
                "re-integratieverslag.")  # fmt: skip
    return None


def blokkerend_advies(view: Mapping[str, Any]) -> str | None:
    """The bedrijfsarts' re-integratieblokkerend advies in one sentence, if one was given."""
    advies = _map(_map(view.get("bedrijfsarts")).get("re_integratie_blokkerend_advies"))
    if advies.get("gegeven") is not True:
        return None
    tekst = "De bedrijfsarts gaf een re-integratieblokkerend advies"
    if "datum" in advies:
        tekst += f" op {dag(advies['datum'])}"
    if "soort" in advies:
        tekst += f" ({str(advies['soort']).replace('_', ' ')})"
    voor = {"alle_arbeid": "alle arbeid", "eigen_werk": "het eigen werk"}
    if "geldt_voor" in advies:
        tekst += f", voor {voor.get(str(advies['geldt_voor']), 'werk bij de eigen werkgever')}"
    return tekst + "."


def risicos(
    view: Mapping[str, Any],
    rijen: Sequence[Onderdeel],
    tijdlijn: Tijdlijn,
    peildatum: date,
) -> tuple[Risico, ...]:
    """What may cost the employer a loonsanctie: the serious ones (``hoog``) first."""
    verzuim = _map(view.get("verzuim"))
    verlengd = bool(_seq(verzuim.get("verlenging_wachttijd")))
    hoog = [r for o in rijen if (r := _stap_risico(o, verlengd))]
    let_op: list[str] = []
    # One gap just over the rhythm is worth a note; UWV weighs the whole course, so only several
    # gaps, or one of more than twice the rhythm, is a likely loonsanctie ground.
    ernstig = len(tijdlijn.evaluatie_gaten) > 1 or any(
        (volgende - vorige).days > GAT_HOOG_FACTOR * dagen(EVALUATIE_WEKEN)
        for vorige, volgende in tijdlijn.evaluatie_gaten
    )
    (hoog if ernstig else let_op).extend(g[:1].upper() + g[1:] for g in evaluatie_gaten(tijdlijn))
    rij = {o.id: o for o in rijen}
    spoor_2 = rij["spoor_2_start"]
    if (
        _map(verzuim.get("eerstejaarsevaluatie")).get("spoor_2_nodig") is False
        and spoor_2.status in (OPEN, NOG_NIET)
        and "uitzondering" not in _map(view.get("spoor_2"))
    ):
        hoog.append("De eerstejaarsevaluatie zet geen spoor 2 in, maar er is geen uitzondering "
                    f"vastgelegd (Leidraad 7.2); spoor 2 moet dan uiterlijk "
                    f"{dag(spoor_2.uiterlijk)} starten.")  # fmt: skip
    wia = [m.uiterlijk for m in tijdlijn.mijlpalen if m.id == "wia_aanvraag"]
    grens = uit_dienst(view) or (wia[0] if wia else None)
    if grens is not None and peildatum >= grens - timedelta(days=WIA_NABIJ_DAGEN):
        for o in (rij["actueel_oordeel"], rij["eindevaluatie"], rij["visie_werknemer"]):
            if o.status in (OPEN, NOG_NIET):
                hoog.append(f"{o.naam} ontbreekt nog; het verslag moet uiterlijk {dag(grens)} "
                            "compleet zijn.")  # fmt: skip
    if (dekking := functie_dekking(view)) is not None and dekking.ontbrekend:
        namen = ", ".join(naam for _, naam in dekking.ontbrekend)
        hoog.append(f"Leidraad 6.2: {tel(len(dekking.ontbrekend), 'functie', 'functies')} op of "
                    f"onder het niveau van de werknemer niet beoordeeld en niet met een reden "
                    f"uitgesloten ({namen}); UWV kan dat zien als onvoldoende onderzoek in "
                    "spoor 1.")  # fmt: skip
    let_op += _bijzondere_termijnen(tijdlijn, peildatum)
    if rij["medische_informatie"].status == OPEN:
        let_op.append("Spreek met de bedrijfsarts af dat de medische informatie rechtstreeks "
                      "naar UWV gaat, niet via de werkgever.")  # fmt: skip
    if blokkerend := blokkerend_advies(view):
        let_op.append(f"{blokkerend} UWV toetst of dat advies deugdelijk was; leg vast wat "
                      "erover is overlegd en wanneer het is herzien.")  # fmt: skip
    for oordeel in deskundigenoordelen(view):
        over = f"Deskundigenoordeel over {vraag_label(oordeel['vraag'])}"
        if "uitkomst" in oordeel:
            op = dag(oordeel.get("datum_oordeel") or oordeel["datum"])
            uitkomst = klein(zin(oordeel["uitkomst"]))
            let_op.append(f"{over} ({op}): {uitkomst} Verwerk de uitkomst in het plan van "
                          "aanpak.")  # fmt: skip
        else:
            let_op.append(f"{over}, aangevraagd op {dag(oordeel['datum'])}: de uitkomst "
                          "ontbreekt nog.")  # fmt: skip
    if rij["arbeidsdeskundig_rapport"].status == NVT and rij["eerstejaarsevaluatie"].datum:
        let_op.append("Er is geen arbeidsdeskundig onderzoek vastgelegd, terwijl het eerste "
                      "ziektejaar voorbij is; overweeg het, zeker als het eigen werk niet meer "
                      "passend lijkt.")  # fmt: skip
    return tuple(Risico(HOOG, t) for t in hoog) + tuple(Risico(LET_OP, t) for t in let_op)


def _bijzondere_termijnen(tijdlijn: Tijdlijn, peildatum: date) -> list[str]:
    """The early melding under the Ziektewet vangnet, a vervroegde IVA-aanvraag and, near the
    WIA-aanvraag, the request for a vrijwillige verlenging: not part of the verslag, but a
    consultant looks for them here."""
    uit = []
    for m in tijdlijn.mijlpalen:
        if (
            m.id == "verzoek_verlenging"
            and m.status == Status.OPEN
            and m.uiterlijk is not None
            and peildatum >= m.uiterlijk - timedelta(days=WIA_NABIJ_DAGEN)
        ):
            uit.append(f"Willen werkgever en werknemer de loondoorbetaling vrijwillig verlengen "
                       f"(art. 24 WIA), zorg dan dat het gezamenlijke verzoek uiterlijk "
                       f"{dag(m.uiterlijk)} bij UWV is: UWV beslist binnen twee weken, vóór de "
                       "uiterste datum van de WIA-aanvraag.")  # fmt: skip
        if m.id == "ziekmelding_vangnet" and m.status in (Status.VERLOPEN, Status.TE_LAAT):
            wanneer = f"gedaan op {dag(m.gedaan_op)}" if m.gedaan_op else "niet vastgelegd"
            uit.append(f"De vroege ziekmelding bij UWV (vangnet Ziektewet) moest uiterlijk "
                       f"{dag(m.uiterlijk)}; {wanneer}. UWV kan een boete opleggen.")  # fmt: skip
        elif m.id == "vervroegde_iva" and m.status in (Status.OPEN, Status.VERLOPEN):
            week = VERVROEGDE_IVA_VOOR_WEEK
            uit.append(f"Vervroegde IVA-aanvraag: mogelijk van {dag(m.vanaf)} tot en met "
                       f"{dag(m.uiterlijk)} (vóór de {week}e ziekteweek, art. 23 lid 6 WIA)"
                       + ("; die datum is verstreken." if m.status == Status.VERLOPEN
                          else "."))  # fmt: skip
    return uit


def klein(tekst: str) -> str:
    """Text that continues a sentence: first letter lower case, unless an acronym (UWV)."""
    return tekst[:1].lower() + tekst[1:] if tekst[1:2].islower() else tekst


def tel(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"
