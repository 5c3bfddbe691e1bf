"""The re-integratieverslag (RIV) status: every part, its date, deadline and status.

Pure: works on an audience view and the typed timeline of the dossier (no clock, no I/O).
Deadlines and the last day of employment (ziek uit dienst, on which the former employer's
verslag closes) come only from the timeline. Medical information is never read: its row only
says who sends it.

Status values (Dutch, exact; see ``SYMBOLEN``): ``op tijd`` done within its window ·
``aanwezig`` present, no deadline · ``te laat`` done after its deadline · ``te vroeg`` done
before its window (redo it near the WIA-aanvraag) · ``ontbreekt`` not done, deadline passed ·
``open`` not done and due now (window open, or the deadline within 6 weeks) · ``nog niet
nodig`` not due yet · ``n.v.t.`` not applicable (exception, after the end of employment, none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from dossiergen.documents.riv.onderdeel import (
    AANDACHT_DAGEN,
    AANWEZIG,
    NOG_NIET,
    NVT,
    ONTBREEKT,
    OP_TIJD,
    OPEN,
    SYMBOLEN,
    TE_LAAT,
    TE_VROEG,
    Onderdeel,
    RivStatus,
    dag,
    zin,
)
from dossiergen.dossier.labels import LABELS, label
from dossiergen.dossier.readers import as_date as _day
from dossiergen.dossier.readers import as_mapping as _map
from dossiergen.dossier.readers import as_tuple as _seq
from dossiergen.dossier.readers import iso as _iso
from dossiergen.poortwachter.tijdlijn import Mijlpaal, Status, Tijdlijn, gat_tekst
from dossiergen.poortwachter.wet import EVALUATIE_WEKEN, RIV_VERKORT_VANAF_WEKEN, ZIEKMELDING_WEKEN

# The rows and their statuses live in ``onderdeel``; importers may take them from here.
__all__ = [
    "AANDACHT_DAGEN", "AANWEZIG", "NOG_NIET", "NVT", "ONTBREEKT", "OPEN", "OP_TIJD", "SYMBOLEN",
    "TE_LAAT", "TE_VROEG", "UITZONDERINGEN", "Onderdeel", "RivStatus", "dag", "deskundigenoordelen",
    "evaluatie_gaten", "onderdelen", "riv_status", "stap_status", "uit_dienst", "vraag_label",
    "zin",
]  # fmt: skip


def uit_dienst(view: Mapping[str, Any]) -> date | None:
    """The last day of employment when the employee left sick (``werknemer.uit_dienst``)."""
    return _day(_map(_map(view.get("werknemer")).get("uit_dienst")).get("datum"))


def _door(record: Mapping[str, Any], standaard: str) -> str:
    """``naam (rol)`` of the record's ``door``, else the party that normally supplies it."""
    door = _map(record.get("door"))
    if "naam" not in door:
        return standaard
    rol = str(door.get("rol", ""))
    return f"{door['naam']} ({label(rol, 'rol')})" if rol else door["naam"]


# -- statuses --------------------------------------------------------------------------------


def _due(vanaf: date | None, uiterlijk: date | None, peildatum: date) -> bool:
    """Whether a step not yet done is due at ``peildatum`` (see ``AANDACHT_DAGEN``)."""
    if vanaf is not None:
        return peildatum >= vanaf
    return uiterlijk is not None and peildatum >= uiterlijk - timedelta(days=AANDACHT_DAGEN)


def stap_status(
    vanaf: date | None, uiterlijk: date | None, gedaan: date | None, peildatum: date
) -> str:
    """The checklist status of one dated step: the timeline's rules, with ``open`` split into
    due now and not yet needed."""
    if gedaan is not None:
        if vanaf is not None and gedaan < vanaf:
            return TE_VROEG
        return TE_LAAT if uiterlijk is not None and gedaan > uiterlijk else OP_TIJD
    if uiterlijk is not None and peildatum > uiterlijk:
        return ONTBREEKT
    return OPEN if _due(vanaf, uiterlijk, peildatum) else NOG_NIET


_VAN_TIJDLIJN = {Status.OP_TIJD: OP_TIJD, Status.TE_LAAT: TE_LAAT, Status.TE_VROEG: TE_VROEG}


def _uit_mijlpaal(m: Mijlpaal, peildatum: date) -> str:
    """A timeline milestone's status in checklist terms."""
    if m.status in _VAN_TIJDLIJN:
        return _VAN_TIJDLIJN[m.status]
    if m.status is Status.VERLOPEN:
        return ONTBREEKT
    if m.status is Status.NVT:
        return NVT
    return OPEN if _due(m.vanaf, m.uiterlijk, peildatum) else NOG_NIET


# -- the rows --------------------------------------------------------------------------------

#: The spoor-2 exceptions in words (``dossier.labels``).
UITZONDERINGEN = LABELS["uitzondering"]


#: Fixed notes of the rows.
_NOOT = {
    "geen": f"Geen re-integratieverslag nodig: minder dan {RIV_VERKORT_VANAF_WEKEN} weken ziek "
    "bij het einde van het dienstverband.",
    "verkort": "Geen onderdeel van het verkorte verslag.",
    "uit": "Ziek uit dienst: uiterlijk op de laatste dag van het dienstverband.",
    "na_dienst": "Valt na het einde van het dienstverband.",
    "bijstelling": "Geen vastgelegd; alleen nodig bij een gewijzigde situatie of belastbaarheid.",
    "ad": "Geen vastgelegd; niet verplicht, wel verwacht als het eigen werk niet meer passend "
    "lijkt.",
    "medisch": "Gaat nooit via de werkgever; vraag de bedrijfsarts of het is geregeld.",
    "spoor_2": "Voeg de voortgangsrapportages van het re-integratiebedrijf bij.",
}


@dataclass(frozen=True)
class _Context:
    view: Mapping[str, Any]
    verzuim: Mapping[str, Any]
    mijlpalen: Mapping[str, Mijlpaal]
    peildatum: date
    uit: date | None  # last day of employment, when ziek uit dienst
    soort: str


def _uitzondering(c: _Context, m: Mijlpaal) -> str:
    """Why a milestone does not apply: the recorded spoor-2 exception or the timeline's rule."""
    waarde = _map(c.view.get("spoor_2")).get("uitzondering")
    if waarde in UITZONDERINGEN:
        return f"Uitzondering: {UITZONDERINGEN[str(waarde)]}."
    regel = m.regel
    return zin(regel[regel.index("Uitzondering") :]) if "Uitzondering" in regel else ""


def _stap(
    c: _Context,
    id_: str,
    naam: str,
    door: str,
    *,
    venster: str = "",
    eind: bool = False,
    ook_verkort: bool = False,
) -> Onderdeel:
    """A row for a step with a deadline in the timeline (its own milestone, or ``venster``).

    ``eind``: a part of the end of the wachttijd (eindevaluatie, actueel oordeel, visie). When
    the employee left sick it closes the verslag on the last day of employment instead, and
    only ``ook_verkort`` parts belong to a verkort verslag.
    """
    m = c.mijlpalen[venster or id_]
    record = _map(c.verzuim.get(id_))
    rij = Onderdeel(id_, naam, _door(record, door), _iso(_day(record.get("datum"))))
    gedaan, vanaf, uiterlijk = _day(rij.datum), m.vanaf, m.uiterlijk
    if c.uit is not None and eind:
        if c.soort == "geen" or (c.soort == "verkort" and not ook_verkort):
            return replace(rij, toelichting=_NOOT[c.soort])
        status = stap_status(None, c.uit, gedaan, c.peildatum)
        return replace(rij, uiterlijk=_iso(c.uit), status=status, toelichting=_NOOT["uit"])
    rij = replace(rij, vanaf=_iso(vanaf), uiterlijk=_iso(uiterlijk))
    if c.uit is not None and gedaan is None and (vanaf or uiterlijk or c.uit) > c.uit:
        # After the end of employment the former employer has no steps left: UWV takes over.
        return replace(rij, vanaf=None, uiterlijk=None, toelichting=_NOOT["na_dienst"])
    if m.status is Status.NVT and gedaan is None:
        return replace(rij, toelichting=_uitzondering(c, m))
    if gedaan is not None and m.gedaan_op is None and m.status is not Status.NVT and eind:
        # The timeline set the record aside: made before a vrijwillige verlenging, no longer
        # current for the later WIA-aanvraag (art. 25 lid 4 WIA).
        return replace(rij, status=TE_VROEG, toelichting="Verouderd door de vrijwillige "
                       f"verlenging: opnieuw nodig, uiterlijk {dag(uiterlijk)}.")  # fmt: skip
    if venster:  # a borrowed window: judge the record against it (end parts: never too early)
        begin = None if eind else vanaf
        return replace(rij, status=stap_status(begin, uiterlijk, gedaan, c.peildatum))
    return replace(rij, status=_uit_mijlpaal(m, c.peildatum))  # the timeline's own verdict


def evaluatie_gaten(tijdlijn: Tijdlijn) -> tuple[str, ...]:
    """The timeline's gaps between evaluations, in words (found by the timeline, not here)."""
    return tuple(gat_tekst(vorige, volgende) for vorige, volgende in tijdlijn.evaluatie_gaten)


def _evaluaties(c: _Context, gaten: Sequence[str]) -> Onderdeel:
    evaluaties = [_map(e) for e in _seq(c.verzuim.get("evaluaties"))]
    m = c.mijlpalen["evaluatie"]
    dagen = sorted(d for e in evaluaties if (d := _day(e.get("datum"))))
    uiterlijk = m.uiterlijk
    volgende = _uit_mijlpaal(m, c.peildatum)
    na_dienst = c.uit is not None and uiterlijk is not None and uiterlijk > c.uit
    if volgende == ONTBREEKT and not na_dienst:
        status = ONTBREEKT
    elif gaten:
        status = TE_LAAT
    elif dagen:
        status = OP_TIJD
    else:
        status = NVT if na_dienst else volgende
    delen = [f"{len(dagen)} {'evaluatie' if len(dagen) == 1 else 'evaluaties'}."] if dagen else []
    if gaten:
        delen.append(
            f"{len(gaten)} keer meer dan {EVALUATIE_WEKEN} weken tussen evaluaties of "
            "bijstellingen."
        )
    if uiterlijk is not None and not na_dienst and volgende != NVT:
        delen.append(f"De volgende evaluatie uiterlijk {dag(uiterlijk)}.")
    door = _door(evaluaties[-1], "werkgever") if evaluaties else "werkgever"
    laatste = _iso(dagen[-1]) if dagen else None
    volgende_op = None if na_dienst or volgende == NVT else _iso(uiterlijk)
    return Onderdeel("evaluaties", "Evaluaties van het plan van aanpak", door, laatste, None,
                     volgende_op, status, " ".join(delen))  # fmt: skip


def _bijstellingen(c: _Context, soort: str, naam: str, door: str) -> Onderdeel:
    lijst = [_map(b) for b in _seq(c.verzuim.get("bijstellingen")) if _map(b).get("soort") == soort]
    rij = Onderdeel(f"bijstellingen_{soort}", naam, door)
    if not lijst:
        return replace(rij, toelichting=_NOOT["bijstelling"])
    laatste, n = max(lijst, key=lambda b: str(b["datum"])), len(lijst)
    noot = f"{n} {'bijstelling' if n == 1 else 'bijstellingen'}."
    return Onderdeel(rij.id, naam, _door(laatste, door), str(laatste["datum"]), None, None,
                     AANWEZIG, noot)  # fmt: skip


def vraag_label(vraag: Any) -> str:
    """The subject of a deskundigenoordeel in words."""
    return label(vraag, "vraag")


def deskundigenoordelen(view: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    """The deskundigenoordelen recorded under ``verzuim``."""
    return tuple(_map(o) for o in _seq(_map(view.get("verzuim")).get("deskundigenoordelen")))


def _oordelen(c: _Context) -> list[Onderdeel]:
    rijen = []
    for n, o in enumerate(deskundigenoordelen(c.view), start=1):
        door = f"UWV (aangevraagd door {o['aangevraagd_door']})" if "aangevraagd_door" in o else ""
        naam = f"Deskundigenoordeel UWV: {vraag_label(o['vraag'])}"
        noot = f"Aangevraagd op {dag(o['datum'])}"
        if "uitkomst" in o:
            datum = str(o.get("datum_oordeel") or o["datum"])
            rij = Onderdeel(f"deskundigenoordeel_{n}", naam, door or "UWV", datum, None, None,
                            AANWEZIG, noot + ".")  # fmt: skip
        else:
            rij = Onderdeel(f"deskundigenoordeel_{n}", naam, door or "UWV", str(o["datum"]),
                            None, None, OPEN, noot + "; het oordeel volgt.")  # fmt: skip
        rijen.append(rij)
    return rijen


def _arbeidsdeskundig(c: _Context) -> Onderdeel:
    record = _map(c.verzuim.get("arbeidsdeskundig_onderzoek"))
    rij = Onderdeel("arbeidsdeskundig_rapport", "Arbeidsdeskundig rapport", "arbeidsdeskundige")
    if "datum" not in record:
        return replace(rij, toelichting=_NOOT["ad"])
    return replace(rij, door=_door(record, rij.door), datum=str(record["datum"]), status=AANWEZIG)


def _medische_informatie(c: _Context, eindevaluatie: Onderdeel) -> Onderdeel:
    """The bedrijfsarts sends it straight to UWV: the row says when and by whom, never what."""
    e = eindevaluatie
    rij = Onderdeel("medische_informatie", "Medische informatie",
                    "bedrijfsarts, rechtstreeks aan UWV", None, e.vanaf, e.uiterlijk)  # fmt: skip
    if e.uiterlijk is None:
        return replace(rij, toelichting=e.toelichting)
    if _due(_day(e.vanaf), _day(e.uiterlijk), c.peildatum):
        return replace(rij, status=OPEN, toelichting=_NOOT["medisch"])
    return replace(rij, status=NOG_NIET)


def _soort(tijdlijn: Tijdlijn) -> str:
    """``volledig``, ``verkort`` or ``geen`` (ziek uit dienst within the first weeks)."""
    uit = tijdlijn.invoer.uit_dienst if tijdlijn.invoer else None
    return tijdlijn.riv_soort or ("geen" if uit else "volledig")


def onderdelen(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> tuple[Onderdeel, ...]:
    """Every part of the re-integratieverslag in the order of the verslag, with its status."""
    verzuim = _map(view.get("verzuim"))
    uit = tijdlijn.invoer.uit_dienst if tijdlijn.invoer else None
    mijlpalen = {m.id: m for m in tijdlijn.mijlpalen}
    c = _Context(view, verzuim, mijlpalen, peildatum, uit, _soort(tijdlijn))
    # Ziek uit dienst before week 42: the timeline moves the melding to the last working day.
    regulier = mijlpalen.get("ziekmelding_uwv")
    uit_melding = "ziekmelding_uit_dienst" in mijlpalen and (
        regulier is None or regulier.status is Status.NVT
    )
    melding = " (ziek uit dienst)" if uit_melding else f" ({ZIEKMELDING_WEKEN}e week)"
    venster = "ziekmelding_uit_dienst" if uit_melding else ""
    eind = _stap(c, "eindevaluatie", "Eindevaluatie", "werkgever", eind=True)
    spoor_2 = _stap(c, "spoor_2_start", "Start spoor 2", "werkgever")
    start = _map(verzuim.get("spoor_2_start"))
    if "re_integratiebedrijf" in start:
        door = str(start["re_integratiebedrijf"])
        spoor_2 = replace(spoor_2, door=door, toelichting=_NOOT["spoor_2"])
    return (
        _stap(c, "probleemanalyse", "Probleemanalyse", "bedrijfsarts"),
        _bijstellingen(c, "probleemanalyse", "Bijstellingen probleemanalyse", "bedrijfsarts"),
        _stap(c, "plan_van_aanpak", "Plan van aanpak", "werkgever en werknemer"),
        _bijstellingen(
            c, "plan_van_aanpak", "Bijstellingen plan van aanpak", "werkgever en werknemer"
        ),
        _evaluaties(c, evaluatie_gaten(tijdlijn)),
        _stap(c, "ziekmelding_uwv", "Ziekmelding bij UWV" + melding, "werkgever", venster=venster),
        _stap(c, "eerstejaarsevaluatie", "Eerstejaarsevaluatie", "werkgever"),
        spoor_2,
        _arbeidsdeskundig(c),
        *_oordelen(c),
        _stap(c, "actueel_oordeel", "Actueel oordeel bedrijfsarts", "bedrijfsarts", eind=True),
        eind,
        _medische_informatie(c, eind),
        _stap(
            c,
            "visie_werknemer",
            "Visie van de werknemer",
            "werknemer",
            eind=True,
            ook_verkort=True,
        ),
        # art. 25 lid 3 WIA: the verslag itself, drawn up with the employee, who gets a copy
        _stap(
            c,
            "re_integratieverslag",
            "Verslag opgesteld, afschrift aan werknemer",
            "werkgever",
            eind=True,
            ook_verkort=True,
        ),
    )


def riv_status(view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date) -> RivStatus:
    """The checklist of the re-integratieverslag at ``peildatum``, on the dossier's timeline."""
    rijen = onderdelen(view, tijdlijn, peildatum)
    uit = tijdlijn.invoer.uit_dienst if tijdlijn.invoer else None
    wia = [m.uiterlijk for m in tijdlijn.mijlpalen if m.id == "wia_aanvraag"]
    komend = [o for o in rijen if o.status == OPEN and (o.uiterlijk or "") >= peildatum.isoformat()]
    return RivStatus(
        onderdelen=rijen,
        riv_soort=_soort(tijdlijn),
        uit_dienst=_iso(uit),
        ziekteweek=tijdlijn.ziekteweek_op_peildatum,
        wia_uiterlijk=_iso(wia[0]) if wia else None,
        einde_wachttijd=_iso(tijdlijn.einde_wachttijd),
        volgende=min(komend, key=lambda o: str(o.uiterlijk), default=None),
    )
