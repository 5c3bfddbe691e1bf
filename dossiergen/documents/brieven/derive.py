"""What the letters to UWV need beyond the dossier view: the requested letter, dates from the
timeline engine, and the attachment lists.

Pure functions of an audience view (``uwv``: no medical fields) and a date; no clock, no I/O.
A letter speaks on its own date (the ``datum`` of its ``brieven`` entry), not on the peildatum:
what it lists is what the dossier holds on that day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from dossiergen.documents.tijdlijn import tijdlijn_op
from dossiergen.dossier.labels import LABELS
from dossiergen.dossier.readers import as_mapping as _map
from dossiergen.errors import MissingDataError
from dossiergen.poortwachter.samentelling import huidige_zaak
from dossiergen.poortwachter.stappen import zonder_gevraagde_verlenging
from dossiergen.poortwachter.tijdlijn import Tijdlijn, Verlenging, VerzuimInvoer
from dossiergen.poortwachter.werkdagen import is_werkdag
from dossiergen.poortwachter.wet import VERLENGING_MIN_WEKEN

#: UWV's central postal address for written correspondence from employers. UWV sometimes asks
#: for post to a regional office or a digital channel (werkgeversportaal): the consultant should
#: check the current address for the employer's region. The ``brieven`` format has no field for
#: an address yet, so every letter uses this one.
UWV_ADRES: tuple[str, ...] = ("UWV", "Postbus 58285", "1040 HG Amsterdam")


#: What UWV asks to receive with an aanvraag deskundigenoordeel, per question. Source: uwv.nl,
#: "Hoe vraag ik een deskundigenoordeel aan?" (werkgevers > werknemer is ziek > hulp van UWV >
#: deskundigenoordeel), section "Welke documenten stuur ik mee met de aanvraag?"; UWV wants the
#: bedrijfsarts' statements to say from which date they apply, so they carry their date. Each entry:
#: the attachment's name, the dossier part that dates it (see ``_DATUMS``; None: undated) and
#: whether UWV always needs it (False: "eventueel", listed only when the dossier has it).
BIJLAGEN_DESKUNDIGENOORDEEL: Mapping[str, tuple[tuple[str, str | None, bool], ...]] = {
    "geschiktheid_eigen_werk": (
        ("Functiebeschrijving van het eigen werk", None, True),
        (
            "Oordeel van de bedrijfsarts over de (on)geschiktheid voor het eigen werk",
            "advies_bedrijfsarts",
            True,
        ),
    ),
    "passend_werk": (
        ("Beschrijving van het aangeboden werk", None, True),
        ("Belastbaarheid en inzetbaarheid volgens de bedrijfsarts", "belastbaarheid", True),
        ("Arbeidsdeskundig rapport", "arbeidsdeskundig_onderzoek", False),
    ),
    "re_integratie_inspanningen": (
        ("Probleemanalyse en bijstellingen", "probleemanalyse", True),
        ("Plan van aanpak en bijstellingen", "plan_van_aanpak", True),
        ("Evaluaties van de re-integratie-inspanningen", "evaluaties", True),
        ("Belastbaarheid en inzetbaarheid volgens de bedrijfsarts", "belastbaarheid", True),
        ("Meest recente advies van de bedrijfsarts of arbodienst", "advies_bedrijfsarts", True),
        ("Arbeidsdeskundig rapport", "arbeidsdeskundig_onderzoek", False),
    ),
}

#: The question of a deskundigenoordeel in words (the template adds names and the work).
VRAAG_OMSCHRIJVING: Mapping[str, str] = LABELS["vraag"]


def _seq(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _verzuim(data: Mapping[str, Any]) -> Mapping[str, Any]:
    return _map(data.get("verzuim"))


def _record_date(data: Mapping[str, Any], key: str) -> list[str]:
    day = _map(_verzuim(data).get(key)).get("datum")
    return [str(day)] if day else []


def _bijstellingen(data: Mapping[str, Any], soort: str) -> list[str]:
    return [
        str(b["datum"])
        for b in _seq(_verzuim(data).get("bijstellingen"))
        if b.get("soort") == soort
    ]


def _list_dates(data: Mapping[str, Any], key: str) -> list[str]:
    return [str(e["datum"]) for e in _seq(_verzuim(data).get(key)) if _map(e).get("datum")]


def _belastbaarheid(data: Mapping[str, Any]) -> list[str]:
    # Only the most recent profile counts as the bedrijfsarts' current word on it.
    profiles = _seq(_map(data.get("bedrijfsarts")).get("belastbaarheid"))
    days = sorted(str(p["datum"]) for p in profiles if _map(p).get("datum"))
    return days[-1:]


def _advies_bedrijfsarts(data: Mapping[str, Any]) -> list[str]:
    # The latest of actueel oordeel, bijstelling and probleemanalyse is the current advice.
    days = sorted(
        _record_date(data, "actueel_oordeel")
        + _bijstellingen(data, "probleemanalyse")
        + _record_date(data, "probleemanalyse")
    )
    return days[-1:]


#: How each dossier part is dated: ISO dates of the records that make it up.
_DATUMS: Mapping[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "probleemanalyse": lambda d: (
        _record_date(d, "probleemanalyse") + _bijstellingen(d, "probleemanalyse")
    ),
    "plan_van_aanpak": lambda d: (
        _record_date(d, "plan_van_aanpak") + _bijstellingen(d, "plan_van_aanpak")
    ),
    "bijstelling_probleemanalyse": lambda d: _bijstellingen(d, "probleemanalyse"),
    "bijstelling_plan_van_aanpak": lambda d: _bijstellingen(d, "plan_van_aanpak"),
    "evaluaties": lambda d: _list_dates(d, "evaluaties"),
    "belastbaarheid": _belastbaarheid,
    "advies_bedrijfsarts": _advies_bedrijfsarts,
    "arbeidsdeskundig_onderzoek": lambda d: _record_date(d, "arbeidsdeskundig_onderzoek"),
}


def _tot(days: Iterable[str], tot: date) -> list[str]:
    """The dates on or before ``tot``, sorted: a letter encloses nothing from its future."""
    return sorted(d for d in days if date.fromisoformat(d) <= tot)


# -- which letter -----------------------------------------------------------------------------


def laatste_brief(data: Mapping[str, Any], soort: str) -> Mapping[str, Any] | None:
    """The ``brieven`` entry of ``soort`` with the latest ``datum`` (the later one in the list
    on a tie), or None when the dossier asks for no such letter."""
    found = None
    for entry in _seq(data.get("brieven")):
        entry = _map(entry)
        if entry.get("soort") == soort and (
            found is None or str(entry.get("datum", "")) >= str(found.get("datum", ""))
        ):
            found = entry
    return found


def heeft_brief(soort: str) -> Callable[[Mapping[str, Any]], bool]:
    """An ``applies`` test: the dossier's ``brieven`` list asks for a letter of ``soort``.
    A ``partial`` of a module function, not a closure: specs travel to worker processes."""
    return partial(_vraagt_brief, soort)


def _vraagt_brief(soort: str, data: Mapping[str, Any]) -> bool:
    return laatste_brief(data, soort) is not None


def brief_datum(data: Mapping[str, Any], soort: str, peildatum: date) -> date:
    """The letter's own date (its ``brieven`` entry), else the peildatum."""
    entry = laatste_brief(data, soort)
    value = entry.get("datum") if entry else None
    return date.fromisoformat(str(value)) if value else peildatum


# -- shared context ---------------------------------------------------------------------------


def _basis(view: Mapping[str, Any], soort: str, peildatum: date) -> dict[str, Any]:
    """Context every letter gets: the entry, its date, UWV's address and references."""
    entry = laatste_brief(view, soort)
    if entry is None:  # ``applies`` keeps this from happening; fail clearly if it does
        raise MissingDataError(f"het dossier vraagt geen brief van de soort '{soort}'")
    datum = brief_datum(view, soort, peildatum)
    melding = _map(_verzuim(view).get("ziekmelding_uwv"))
    # UWV's reference is the kenmerk of the 42e-weeksmelding, once that melding was made.
    uw_kenmerk = (
        str(melding["kenmerk"])
        if melding.get("kenmerk") and date.fromisoformat(str(melding["datum"])) <= datum
        else None
    )
    return {
        "brief": entry,
        "brief_datum": datum.isoformat(),
        "uwv_adres": list(UWV_ADRES),
        "uw_kenmerk": uw_kenmerk,
        "ons_kenmerk": _map(view.get("zaak")).get("kenmerk"),
    }


def _invoer(tijdlijn: Tijdlijn) -> VerzuimInvoer:
    """What the dossier's timeline was computed from (a letter recomputes it on its own date)."""
    if tijdlijn.invoer is None:
        raise ValueError("tijdlijn zonder invoer")  # bereken_tijdlijn always records it
    return tijdlijn.invoer


def _tijdlijn(invoer: VerzuimInvoer, datum: date) -> dict[str, Any]:
    """The dates a letter prints, from the timeline engine (never computed in a template)."""
    tijdlijn = tijdlijn_op(invoer, datum)

    def uiterlijk(id_: str) -> str | None:
        try:
            day = tijdlijn.mijlpaal(id_).uiterlijk
        except KeyError:
            return None
        return day.isoformat() if day else None

    return {
        "eerste_ziektedag": tijdlijn.eerste_ziektedag.isoformat(),
        "ziekmelding_uiterlijk": uiterlijk("ziekmelding_uwv"),
        "wia_aanvraag_uiterlijk": uiterlijk("wia_aanvraag"),
        "verzoek_verlenging_uiterlijk": uiterlijk("verzoek_verlenging"),
        "einde_wachttijd": tijdlijn.einde_wachttijd.isoformat()
        if tijdlijn.einde_wachttijd
        else None,
    }


def werkhervatting_tot(view: Mapping[str, Any], datum: date) -> list[dict[str, Any]]:
    """The werkhervatting periods begun on or before ``datum``; a period still running on
    that day (or ending after it) gets no end date."""
    periods = []
    for entry in _seq(_verzuim(view).get("werkhervatting")):
        if date.fromisoformat(str(entry["van"])) > datum:
            continue
        tot = entry.get("tot")
        open_end = not tot or date.fromisoformat(str(tot)) > datum
        periods.append(
            {
                "van": str(entry["van"]),
                "tot": None if open_end else str(tot),
                "uren_per_week": entry["uren_per_week"],
                "soort": entry["soort"],
                "toelichting": entry.get("toelichting"),
            }
        )
    return periods


# -- the four letters -------------------------------------------------------------------------


#: Werkdagen a letter may be under way by post (PostNL delivers ordinary letters in one or two
#: werkdagen, not on Sundays and Mondays): a paper melding is suggested only when it can be
#: posted this many werkdagen before its deadline.
POST_WERKDAGEN = 3


def post_uiterlijk(uiterlijk: date) -> date:
    """The last day to post a paper form that must be at UWV on ``uiterlijk``."""
    day = uiterlijk
    for _ in range(POST_WERKDAGEN):
        day -= timedelta(days=1)
        while not is_werkdag(day):
            day -= timedelta(days=1)
    return day


def tellende_perioden(invoer: VerzuimInvoer, datum: date) -> list[dict[str, str | None]]:
    """The sick periods of the current case (samentelling: earlier periods more than four weeks
    before it do not count) begun on or before ``datum``; a period running on that day has no
    end."""
    result: list[dict[str, str | None]] = []
    for van, tot in huidige_zaak(invoer).perioden:
        if van > datum:
            continue
        end = None if tot is None or tot > datum else tot.isoformat()
        result.append({"van": van.isoformat(), "tot": end})
    return result


def derive_ziekmelding(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> dict[str, Any]:
    """Context of the invulhulp for the 42e-weeksmelding: the deadline, whether the document's
    date still allows the paper form by post, and the sick periods that count."""
    context = _basis(view, "ziekmelding_42e_week", peildatum)
    datum = date.fromisoformat(context["brief_datum"])
    context["tijdlijn"] = _tijdlijn(_invoer(tijdlijn), datum)
    context["werkhervatting"] = werkhervatting_tot(view, datum)
    context["perioden"] = tellende_perioden(_invoer(tijdlijn), datum)
    uiterlijk = context["tijdlijn"]["ziekmelding_uiterlijk"]
    laatste_post = post_uiterlijk(date.fromisoformat(uiterlijk)) if uiterlijk else None
    context["post_uiterlijk"] = laatste_post.isoformat() if laatste_post else None
    context["te_laat"] = bool(uiterlijk) and context["brief_datum"] > uiterlijk
    context["post_op_tijd"] = laatste_post is not None and datum <= laatste_post
    context["post_werkdagen"] = POST_WERKDAGEN
    return context


def bijlagen_deskundigenoordeel(
    view: Mapping[str, Any], vraag: str, datum: date
) -> list[dict[str, Any]]:
    """The attachments UWV asks for with question ``vraag``, each with the dates of the dossier
    records that make it up (up to ``datum``); optional ones only when the dossier has them."""
    result = []
    for naam, bron, verplicht in BIJLAGEN_DESKUNDIGENOORDEEL[vraag]:
        datums = _tot(_DATUMS[bron](view), datum) if bron else []
        if verplicht or datums:
            result.append({"naam": naam, "datums": datums})
    return result


def derive_deskundigenoordeel(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> dict[str, Any]:
    """Context of the aanvraag deskundigenoordeel: question, applicant and attachments."""
    context = _basis(view, "deskundigenoordeel", peildatum)
    datum = date.fromisoformat(context["brief_datum"])
    vraag = str(context["brief"]["vraag"])
    # Who asks: the matching record under verzuim.deskundigenoordelen says; the letter is the
    # employer's, so the employer unless that record names the employee.
    aanvrager = "werkgever"
    for record in _seq(_verzuim(view).get("deskundigenoordelen")):
        if record.get("vraag") == vraag and str(record.get("datum")) == context["brief_datum"]:
            aanvrager = str(record.get("aangevraagd_door", aanvrager))
    bijlagen = bijlagen_deskundigenoordeel(view, vraag, datum)
    context.update(
        vraag=vraag,
        vraag_omschrijving=VRAAG_OMSCHRIJVING[vraag],
        aanvrager=aanvrager,
        bijlagen=bijlagen,
        extra_bijlagen=extra_bijlagen(context["brief"], bijlagen),
        tijdlijn=_tijdlijn(_invoer(tijdlijn), datum),
    )
    return context


def extra_bijlagen(entry: Mapping[str, Any], listed: list[dict[str, Any]]) -> list[str]:
    """The entry's own ``bijlagen`` that the derived list does not already name. An entry whose
    first word is the first word of a listed attachment ("Arbeidsdeskundig rapport van 6
    november" and "Arbeidsdeskundig rapport") is taken to be that attachment."""
    firsts = {_first_word(str(item["naam"])) for item in listed}
    return [
        str(text) for text in _seq(entry.get("bijlagen")) if _first_word(str(text)) not in firsts
    ]


def _first_word(text: str) -> str:
    words = text.lower().split()
    return words[0] if words else ""


def verlenging_datums(invoer: VerzuimInvoer, weken: int, datum: date) -> dict[str, Any]:
    """The end of the wachttijd and the WIA-aanvraag deadline without and with a voluntary
    verlenging of ``weken`` weeks, and the safe day by which the request reaches UWV, from the
    timeline engine. A vrijwillige verlenging of the same length already recorded in the
    dossier is taken to be this one (granted after the letter), so it is left out of "without"
    and counted once in "with"."""
    voor_invoer = zonder_gevraagde_verlenging(invoer, weken)
    gevraagd = Verlenging(grond="vrijwillig", weken=weken)
    voor = _tijdlijn(voor_invoer, datum)
    na = _tijdlijn(replace(voor_invoer, verlengingen=(*voor_invoer.verlengingen, gevraagd)), datum)
    return {
        "eerste_ziektedag": voor["eerste_ziektedag"],
        "einde_wachttijd": voor["einde_wachttijd"],
        "wia_aanvraag_uiterlijk": voor["wia_aanvraag_uiterlijk"],
        "verzoek_verlenging_uiterlijk": voor["verzoek_verlenging_uiterlijk"],
        "nieuw_einde_wachttijd": na["einde_wachttijd"],
        "nieuw_wia_aanvraag_uiterlijk": na["wia_aanvraag_uiterlijk"],
    }


def derive_verlenging(
    view: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date
) -> dict[str, Any]:
    """Context of the joint request to extend the wachttijd (art. 24 WIA)."""
    context = _basis(view, "verlenging_loondoorbetaling", peildatum)
    datum = date.fromisoformat(context["brief_datum"])
    weken = int(context["brief"]["weken"])
    problems = []
    if weken < VERLENGING_MIN_WEKEN:
        problems.append(
            f"de brief vraagt {weken} weken; een vrijwillige verlenging duurt minimaal "
            f"{VERLENGING_MIN_WEKEN} weken (art. 24 WIA): pas 'weken' aan"
        )
    if not context["brief"].get("toelichting"):
        problems.append("de reden van het verzoek ontbreekt: vul 'toelichting' in")
    if problems:
        raise MissingDataError(
            f"brief verlenging_loondoorbetaling van {datum.isoformat()} in 'brieven': "
            + "; ".join(problems)
        )
    context["weken"] = weken
    context["tijdlijn"] = verlenging_datums(_invoer(tijdlijn), weken, datum)
    # What runs on the letter's date continues during the extension.
    context["werkhervatting"] = [p for p in werkhervatting_tot(view, datum) if p["tot"] is None]
    context["plan_datums"] = _tot(_DATUMS["plan_van_aanpak"](view), datum)
    return context
