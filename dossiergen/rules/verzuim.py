"""Domain rules on the illness and its Poortwachter steps: BSN, periods, leave, verlengingen,
dates in order, the plan's reason when late, the deadlines.

Each rule is a small function from the dossier data to problems at the right line. Hard
contradictions (shares that do not add up, dates out of order, an invalid BSN, a reference to a
beperking that does not exist) are errors and block a build; matters of judgement (an old FML,
more than five task clusters, costly scholing) are warnings, which ``--strict`` turns into errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from dossiergen.dossier.locations import PathPart
from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.poortwachter.bijzonder import ziek_uit_dienst_in_wachttijd
from dossiergen.poortwachter.samentelling import huidige_zaak
from dossiergen.poortwachter.stappen import zonder_gevraagde_verlenging
from dossiergen.poortwachter.tijdlijn import NVT, TE_LAAT, tijdlijn_op
from dossiergen.poortwachter.wet import (
    BRON,
    EVALUATIE_WEKEN,
    STAPPEN,
    VERLENGING_BESLISTERMIJN_WEKEN,
)
from dossiergen.rules.base import (
    FOUT,
    LOONSANCTIE_MAX_WEKEN,
    VERLENGING_MIN_WEKEN,
    WAARSCHUWING,
    Found,
    as_date,
    get,
    items,
    nl,
)


def elfproef(bsn: str) -> bool:
    """The BSN check: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, not 0."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(digit) * weight for digit, weight in zip(bsn, weights, strict=True))
    return total % 11 == 0 and total != 0


def rule_bsn(data: Any, peildatum: date) -> Iterator[Found]:
    bsn = get(data, "werknemer", "bsn")
    if isinstance(bsn, str) and len(bsn) == 9 and bsn.isdigit() and not elfproef(bsn):
        yield (
            FOUT,
            ["werknemer", "bsn"],
            (f"BSN '{bsn}' voldoet niet aan de elfproef; controleer het nummer (tikfout?)"),
        )


# --- verzuim -------------------------------------------------------------------------------


def rule_ziekteperioden(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = get(data, "verzuim")
    first = as_date(get(verzuim, "eerste_ziektedag"))
    periods = items(get(verzuim, "ziekteperioden"))
    previous_end: date | None = None
    previous_open = False
    for index, period in enumerate(periods):
        van, tot = as_date(get(period, "van")), as_date(get(period, "tot"))
        where: list[PathPart] = ["verzuim", "ziekteperioden", index]
        if van is None:
            continue
        if index == 0 and first is not None and van != first:
            yield (
                FOUT,
                [*where, "van"],
                (
                    f"de eerste ziekteperiode begint op {nl(van)}, maar de eerste ziektedag is "
                    f"{nl(first)}; die moeten gelijk zijn"
                ),
            )
        if tot is not None and tot < van:
            yield FOUT, [*where, "tot"], f"ziekteperiode eindigt ({nl(tot)}) vóór ze begint"
        if previous_open:
            yield (
                FOUT,
                where,
                (
                    "een eerdere ziekteperiode heeft geen einddatum ('tot'), dus er kan geen "
                    "latere periode volgen; vul bij de eerdere periode 'tot' in"
                ),
            )
        elif previous_end is not None and van <= previous_end:
            yield (
                FOUT,
                [*where, "van"],
                (
                    f"ziekteperiode begint op {nl(van)} en overlapt met of ligt vóór de vorige "
                    f"(die eindigt op {nl(previous_end)}); controleer de datums"
                ),
            )
        previous_end = tot if tot is not None else previous_end
        previous_open = tot is None


def rule_verlof_en_verlenging(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = get(data, "verzuim")
    for index, leave in enumerate(items(get(verzuim, "verlof"))):
        van, tot = as_date(get(leave, "van")), as_date(get(leave, "tot"))
        if van and tot and tot < van:
            yield FOUT, ["verzuim", "verlof", index, "tot"], "verlof eindigt vóór het begint"
    sanctie = 0
    for index, extension in enumerate(items(get(verzuim, "verlenging_wachttijd"))):
        weeks = get(extension, "weken")
        if not isinstance(weeks, int):
            continue
        if get(extension, "grond") == "vrijwillig" and weeks < VERLENGING_MIN_WEKEN:
            yield (
                FOUT,
                ["verzuim", "verlenging_wachttijd", index, "weken"],
                (
                    f"een vrijwillige verlenging van de loondoorbetaling is minstens "
                    f"{VERLENGING_MIN_WEKEN} weken (art. 24 WIA), niet {weeks}"
                ),
            )
        if get(extension, "grond") == "loonsanctie":
            sanctie += weeks
            if sanctie > LOONSANCTIE_MAX_WEKEN:
                yield (
                    FOUT,
                    ["verzuim", "verlenging_wachttijd", index, "weken"],
                    (
                        f"loonsancties samen {sanctie} weken; UWV legt hoogstens "
                        f"{LOONSANCTIE_MAX_WEKEN} weken op (art. 25 lid 9 WIA)"
                    ),
                )


def rule_brief_verlenging(data: Any, peildatum: date) -> Iterator[Found]:
    # art. 24 WIA: a joint request for a vrijwillige verlenging asks for at least the minimum,
    # and reaches UWV in time for its decision before the WIA-aanvraag deadline (wet.py).
    for index, letter in enumerate(items(get(data, "brieven"))):
        weeks = get(letter, "weken")
        if get(letter, "soort") != "verlenging_loondoorbetaling" or not isinstance(weeks, int):
            continue
        if weeks < VERLENGING_MIN_WEKEN:
            yield (
                FOUT,
                ["brieven", index, "weken"],
                (
                    f"een verzoek om vrijwillige verlenging is voor minstens "
                    f"{VERLENGING_MIN_WEKEN} weken (art. 24 WIA), niet {weeks}"
                ),
            )
        sent = as_date(get(letter, "datum"))
        if sent is None:
            continue
        tijdlijn = tijdlijn_op(zonder_gevraagde_verlenging(verzuim_invoer(data), weeks), sent)
        try:
            safe = tijdlijn.mijlpaal("verzoek_verlenging").uiterlijk
            wia = tijdlijn.mijlpaal("wia_aanvraag").uiterlijk
        except KeyError:
            continue
        if safe is not None and wia is not None and sent > safe:
            yield (
                WAARSCHUWING,
                ["brieven", index, "datum"],
                (
                    f"het verzoek om verlenging is gedateerd {nl(sent)}, na {nl(safe)}: "
                    f"{VERLENGING_BESLISTERMIJN_WEKEN} weken (de beslistermijn van UWV) vóór de "
                    f"uiterste datum van de WIA-aanvraag ({nl(wia)}). Er is geen wettelijke "
                    "uiterste datum (art. 24 lid 1 WIA), maar beslist UWV na die datum, dan "
                    "is een WIA-aanvraag te laat; laat de werknemer dan ook WIA aanvragen"
                ),
            )


def rule_verlenging_ziek_uit_dienst(data: Any, peildatum: date) -> Iterator[Found]:
    # art. 24 lid 1 WIA extends the loon the employer owes; an employee who left sick during
    # the wachttijd has a Ziektewet-uitkering instead, and UWV grants no verlenging then.
    invoer = verzuim_invoer(data)
    uit = ziek_uit_dienst_in_wachttijd(invoer, huidige_zaak(invoer))
    if uit is None:
        return
    reden = (
        f"de werknemer is op {nl(uit)} ziek uit dienst gegaan en krijgt een "
        f"Ziektewet-uitkering; een vrijwillige verlenging kan dan niet ({BRON['verlenging_zw']})"
    )
    for index, extension in enumerate(items(get(data, "verzuim", "verlenging_wachttijd"))):
        if get(extension, "grond") == "vrijwillig":
            yield FOUT, ["verzuim", "verlenging_wachttijd", index, "grond"], reden
    for index, letter in enumerate(items(get(data, "brieven"))):
        if get(letter, "soort") == "verlenging_loondoorbetaling":
            yield FOUT, ["brieven", index, "soort"], reden


_STEP_LABELS = {s.sleutel: s.label for s in STAPPEN if s.sleutel}


def rule_datumvolgorde(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = get(data, "verzuim")
    first = as_date(get(verzuim, "eerste_ziektedag"))
    if first is None:
        return
    for key, label in _STEP_LABELS.items():
        day = as_date(get(verzuim, key, "datum"))
        if day is not None and day < first:
            yield (
                FOUT,
                ["verzuim", key, "datum"],
                (f"{label} ({nl(day)}) ligt vóór de eerste ziektedag ({nl(first)})"),
            )
    analysis = as_date(get(verzuim, "probleemanalyse", "datum"))
    plan = as_date(get(verzuim, "plan_van_aanpak", "datum"))
    if analysis and plan and plan < analysis:
        yield (
            FOUT,
            ["verzuim", "plan_van_aanpak", "datum"],
            (
                f"het plan van aanpak ({nl(plan)}) ligt vóór de probleemanalyse "
                f"({nl(analysis)}); het plan bouwt op de probleemanalyse"
            ),
        )
    for key in ("evaluaties", "bijstellingen"):
        yield from _rijen_op_volgorde(verzuim, key, first)
    birth = as_date(get(data, "werknemer", "geboortedatum"))
    if birth and birth >= first:
        yield FOUT, ["werknemer", "geboortedatum"], "geboortedatum ligt na de eerste ziektedag"
    report = as_date(get(data, "zaak", "rapportdatum"))
    if report and report < first:
        yield (
            FOUT,
            ["zaak", "rapportdatum"],
            (f"rapportdatum ({nl(report)}) ligt vóór de eerste ziektedag ({nl(first)})"),
        )
    hired = as_date(get(data, "werknemer", "datum_in_dienst"))
    left = as_date(get(data, "werknemer", "uit_dienst", "datum"))
    if hired and left and left < hired:
        yield FOUT, ["werknemer", "uit_dienst", "datum"], "datum uit dienst ligt vóór in dienst"


def _rijen_op_volgorde(verzuim: Any, key: str, first: date) -> Iterator[Found]:
    """Dated rows of a list (evaluaties, bijstellingen): after the first sick day, in order."""
    previous: date | None = None
    for index, entry in enumerate(items(get(verzuim, key))):
        day = as_date(get(entry, "datum"))
        if day is None:
            continue
        if day < first:
            yield (
                FOUT,
                ["verzuim", key, index, "datum"],
                (f"datum {nl(day)} ligt vóór de eerste ziektedag ({nl(first)})"),
            )
        elif previous is not None and day < previous:
            yield (
                FOUT,
                ["verzuim", key, index, "datum"],
                (
                    f"datum {nl(day)} ligt vóór de vorige regel ({nl(previous)}); "
                    "zet de regels op datumvolgorde"
                ),
            )
        previous = day


def rule_reden_plan_later(data: Any, peildatum: date) -> Iterator[Found]:
    # Regeling procesgang art. 4 / AG140 part 9: a plan made more than 2 weeks after the
    # probleemanalyse must say why; UWV's RIV-toets asks for it.
    plan = get(data, "verzuim", "plan_van_aanpak")
    analysis = as_date(get(data, "verzuim", "probleemanalyse", "datum"))
    made = as_date(get(plan, "datum"))
    if (
        analysis
        and made
        and (made - analysis).days > 14
        and not get(plan, "reden_later_dan_twee_weken")
    ):
        yield (
            WAARSCHUWING,
            ["verzuim", "plan_van_aanpak", "datum"],
            (
                f"het plan van aanpak is {(made - analysis).days} dagen na de probleemanalyse "
                "opgesteld (meer dan 2 weken); vul de reden in "
                "(verzuim.plan_van_aanpak.reden_later_dan_twee_weken)"
            ),
        )


def rule_termijnen(data: Any, peildatum: date) -> Iterator[Found]:
    # The Poortwachter deadlines of the timeline engine (DESIGN.md §5): a recorded step after
    # its deadline, and more than 6 weeks between evaluations, are what UWV's RIV-toets sees.
    tijdlijn = tijdlijn_op(verzuim_invoer(data), peildatum)
    for milestone in tijdlijn.mijlpalen:
        if milestone.status != TE_LAAT or milestone.id not in _STEP_LABELS:
            continue
        if milestone.gedaan_op is None or milestone.uiterlijk is None:
            continue
        late = (milestone.gedaan_op - milestone.uiterlijk).days
        yield (
            WAARSCHUWING,
            ["verzuim", milestone.id, "datum"],
            (
                f"{_STEP_LABELS[milestone.id]} is {late} {'dag' if late == 1 else 'dagen'} te "
                f"laat; de uiterste datum was {nl(milestone.uiterlijk)}. Regel: "
                f"{milestone.regel}. Leg de reden vast: UWV toetst de termijnen in het "
                "re-integratieverslag"
            ),
        )
    records = [
        (key, index, as_date(get(entry, "datum")))
        for key in ("evaluaties", "bijstellingen")
        for index, entry in enumerate(items(get(data, "verzuim", key)))
    ]
    first = as_date(get(data, "verzuim", "eerste_ziektedag"))
    for previous, following in tijdlijn.evaluatie_gaten:
        if first is not None and previous < first:
            continue  # a date before the illness is an error of its own, not a late evaluation
        where: list[PathPart] = ["verzuim", "plan_van_aanpak", "datum"]
        for key, index, day in records:
            if day == following:
                where = ["verzuim", key, index, "datum"]
                break
        yield (
            WAARSCHUWING,
            where,
            (
                f"{(following - previous).days} dagen tussen de evaluaties van "
                f"{nl(previous)} en {nl(following)}; evalueer het plan van aanpak minstens "
                f"elke {EVALUATIE_WEKEN} weken (Werkwijzer Poortwachter)"
            ),
        )


def rule_spoor_2_datum(data: Any, peildatum: date) -> Iterator[Found]:
    # One value, one route: the deadline of spoor 2 is the timeline's (Leidraad 7.1); a later
    # "uiterlijke startdatum" in the dossier would promise UWV a date the law does not give.
    recorded = as_date(get(data, "spoor_2", "datum"))
    if recorded is None:
        return
    try:
        start = tijdlijn_op(verzuim_invoer(data), peildatum).mijlpaal("spoor_2_start")
    except KeyError:
        return
    if start.uiterlijk is not None and recorded > start.uiterlijk and start.status != NVT:
        yield (
            WAARSCHUWING,
            ["spoor_2", "datum"],
            (
                f"uiterlijke startdatum {nl(recorded)} ligt na de uiterste datum van de tijdlijn "
                f"({nl(start.uiterlijk)}). Regel: {start.regel}"
            ),
        )
