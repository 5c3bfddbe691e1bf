"""Domain rules that JSON Schema cannot say (DESIGN.md §7, Leidraad, Poortwachter).

Each rule is a small function from the dossier data to problems at the right line. Hard
contradictions (shares that do not add up, dates out of order, an invalid BSN, a reference to a
beperking that does not exist) are errors and block a build; matters of judgement (an old FML,
more than five task clusters, costly scholing) are warnings, which ``--strict`` turns into errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from dossiergen.dutch import euro, long_date
from dossiergen.loading import LoadedDossier
from dossiergen.locations import PathPart, container_position, json_path, position
from dossiergen.model import verzuim_invoer
from dossiergen.privacy_words import diagnosis_warnings
from dossiergen.problems import Problem, Severity
from dossiergen.timeline import TE_LAAT, bereken_tijdlijn

FOUT = Severity.FOUT
WAARSCHUWING = Severity.WAARSCHUWING
Found = tuple[Severity, Sequence[PathPart], str]

#: Leidraad 4.3: describe eigen werk in at most 4 à 5 task clusters.
MAX_TAAKCLUSTERS = 5
#: DESIGN §7: a belastbaarheidsprofiel older than about 3 months needs checking.
FML_MAX_MAANDEN = 3
#: Leidraad 6: scholing of up to about 6 months may be expected of the employer.
SCHOLING_MAX_MAANDEN = 6
#: Leidraad 6: costs above 70 % of the remaining wage over the loondoorbetaling are unreasonable.
KOSTEN_MAX_DEEL_LOON = 0.70
#: art. 24 WIA: a vrijwillige verlenging is at least 13 weeks; art. 25 lid 9: loonsanctie ≤ 52.
VERLENGING_MIN_WEKEN = 13
LOONSANCTIE_MAX_WEKEN = 52
#: A gap between two jobs longer than a month needs an explanation (Leidraad 3.3).
HIAAT_DAGEN = 31


def apply_rules(
    dossier: LoadedDossier, peildatum: date, *, schema_problems: Sequence[Problem] = ()
) -> list[Problem]:
    """Every domain problem of ``dossier``.

    Rules read the data defensively; when the schema already reported a malformed part, a rule
    that trips over it is skipped (that part has its message), otherwise the error is a bug.
    """
    data = dossier.data
    problems: list[Problem] = []
    for rule in RULES:
        try:
            found = list(rule(data, peildatum))
        except (TypeError, KeyError, ValueError, AttributeError, IndexError):
            if schema_problems:
                continue
            raise
        for severity, parts, message in found:
            line, column = position(data, parts)
            if isinstance(_at(data, parts), Mapping | list):
                line, column = container_position(data, parts)
            problems.append(
                Problem(dossier.display_path, line, column, severity, message, json_path(parts))
            )
    problems.extend(diagnosis_warnings(dossier))
    return problems


def _at(data: Any, parts: Sequence[PathPart]) -> Any:
    for part in parts:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _nl(day: date) -> str:
    return long_date(day)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 always exists


# --- werknemer -------------------------------------------------------------------------------


def elfproef(bsn: str) -> bool:
    """The BSN check: 9 digits, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, not 0."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(digit) * weight for digit, weight in zip(bsn, weights, strict=True))
    return total % 11 == 0 and total != 0


def rule_bsn(data: Any, peildatum: date) -> Iterator[Found]:
    bsn = _get(data, "werknemer", "bsn")
    if isinstance(bsn, str) and len(bsn) == 9 and bsn.isdigit() and not elfproef(bsn):
        yield (
            FOUT,
            ["werknemer", "bsn"],
            (f"BSN '{bsn}' voldoet niet aan de elfproef; controleer het nummer (tikfout?)"),
        )


# --- verzuim -------------------------------------------------------------------------------


def rule_ziekteperioden(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = _get(data, "verzuim")
    first = _date(_get(verzuim, "eerste_ziektedag"))
    periods = _items(_get(verzuim, "ziekteperioden"))
    previous_end: date | None = None
    previous_open = False
    for index, period in enumerate(periods):
        van, tot = _date(_get(period, "van")), _date(_get(period, "tot"))
        where: list[PathPart] = ["verzuim", "ziekteperioden", index]
        if van is None:
            continue
        if index == 0 and first is not None and van != first:
            yield (
                FOUT,
                [*where, "van"],
                (
                    f"de eerste ziekteperiode begint op {_nl(van)}, maar de eerste ziektedag is "
                    f"{_nl(first)}; die moeten gelijk zijn"
                ),
            )
        if tot is not None and tot < van:
            yield FOUT, [*where, "tot"], f"ziekteperiode eindigt ({_nl(tot)}) vóór ze begint"
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
                    f"ziekteperiode begint op {_nl(van)} en overlapt met of ligt vóór de vorige "
                    f"(die eindigt op {_nl(previous_end)}); controleer de datums"
                ),
            )
        previous_end = tot if tot is not None else previous_end
        previous_open = tot is None


def rule_verlof_en_verlenging(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = _get(data, "verzuim")
    for index, leave in enumerate(_items(_get(verzuim, "verlof"))):
        van, tot = _date(_get(leave, "van")), _date(_get(leave, "tot"))
        if van and tot and tot < van:
            yield FOUT, ["verzuim", "verlof", index, "tot"], "verlof eindigt vóór het begint"
    sanctie = 0
    for index, extension in enumerate(_items(_get(verzuim, "verlenging_wachttijd"))):
        weeks = _get(extension, "weken")
        if not isinstance(weeks, int):
            continue
        if _get(extension, "grond") == "vrijwillig" and weeks < VERLENGING_MIN_WEKEN:
            yield (
                FOUT,
                ["verzuim", "verlenging_wachttijd", index, "weken"],
                (
                    f"een vrijwillige verlenging van de loondoorbetaling is minstens "
                    f"{VERLENGING_MIN_WEKEN} weken (art. 24 WIA), niet {weeks}"
                ),
            )
        if _get(extension, "grond") == "loonsanctie":
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
    # art. 24 WIA: a joint request for a vrijwillige verlenging asks for at least 13 weeks.
    for index, letter in enumerate(_items(_get(data, "brieven"))):
        weeks = _get(letter, "weken")
        if (
            _get(letter, "soort") == "verlenging_loondoorbetaling"
            and isinstance(weeks, int)
            and weeks < VERLENGING_MIN_WEKEN
        ):
            yield (
                FOUT,
                ["brieven", index, "weken"],
                (
                    f"een verzoek om vrijwillige verlenging is voor minstens "
                    f"{VERLENGING_MIN_WEKEN} weken (art. 24 WIA), niet {weeks}"
                ),
            )


_STEP_LABELS = {
    "probleemanalyse": "de probleemanalyse",
    "plan_van_aanpak": "het plan van aanpak",
    "eerstejaarsevaluatie": "de eerstejaarsevaluatie",
    "ziekmelding_uwv": "de ziekmelding bij UWV",
    "actueel_oordeel": "het actueel oordeel",
    "eindevaluatie": "de eindevaluatie",
    "visie_werknemer": "de visie van de werknemer",
    "arbeidsdeskundig_onderzoek": "het arbeidsdeskundig onderzoek",
    "spoor_2_start": "de start van spoor 2",
}


def rule_datumvolgorde(data: Any, peildatum: date) -> Iterator[Found]:
    verzuim = _get(data, "verzuim")
    first = _date(_get(verzuim, "eerste_ziektedag"))
    if first is None:
        return
    for key, label in _STEP_LABELS.items():
        day = _date(_get(verzuim, key, "datum"))
        if day is not None and day < first:
            yield (
                FOUT,
                ["verzuim", key, "datum"],
                (f"{label} ({_nl(day)}) ligt vóór de eerste ziektedag ({_nl(first)})"),
            )
    analysis = _date(_get(verzuim, "probleemanalyse", "datum"))
    plan = _date(_get(verzuim, "plan_van_aanpak", "datum"))
    if analysis and plan and plan < analysis:
        yield (
            FOUT,
            ["verzuim", "plan_van_aanpak", "datum"],
            (
                f"het plan van aanpak ({_nl(plan)}) ligt vóór de probleemanalyse "
                f"({_nl(analysis)}); het plan bouwt op de probleemanalyse"
            ),
        )
    for key in ("evaluaties", "bijstellingen"):
        previous: date | None = None
        for index, entry in enumerate(_items(_get(verzuim, key))):
            day = _date(_get(entry, "datum"))
            if day is None:
                continue
            if day < first:
                yield (
                    FOUT,
                    ["verzuim", key, index, "datum"],
                    (f"datum {_nl(day)} ligt vóór de eerste ziektedag ({_nl(first)})"),
                )
            elif previous is not None and day < previous:
                yield (
                    FOUT,
                    ["verzuim", key, index, "datum"],
                    (
                        f"datum {_nl(day)} ligt vóór de vorige regel ({_nl(previous)}); "
                        "zet de regels op datumvolgorde"
                    ),
                )
            previous = day
    birth = _date(_get(data, "werknemer", "geboortedatum"))
    if birth and birth >= first:
        yield FOUT, ["werknemer", "geboortedatum"], "geboortedatum ligt na de eerste ziektedag"
    report = _date(_get(data, "zaak", "rapportdatum"))
    if report and report < first:
        yield (
            FOUT,
            ["zaak", "rapportdatum"],
            (f"rapportdatum ({_nl(report)}) ligt vóór de eerste ziektedag ({_nl(first)})"),
        )
    hired = _date(_get(data, "werknemer", "datum_in_dienst"))
    left = _date(_get(data, "werknemer", "uit_dienst", "datum"))
    if hired and left and left < hired:
        yield FOUT, ["werknemer", "uit_dienst", "datum"], "datum uit dienst ligt vóór in dienst"


def rule_reden_plan_later(data: Any, peildatum: date) -> Iterator[Found]:
    # Regeling procesgang art. 4 / AG140 part 9: a plan made more than 2 weeks after the
    # probleemanalyse must say why; UWV's RIV-toets asks for it.
    plan = _get(data, "verzuim", "plan_van_aanpak")
    analysis = _date(_get(data, "verzuim", "probleemanalyse", "datum"))
    made = _date(_get(plan, "datum"))
    if (
        analysis
        and made
        and (made - analysis).days > 14
        and not _get(plan, "reden_later_dan_twee_weken")
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
    tijdlijn = bereken_tijdlijn(verzuim_invoer(data), peildatum)
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
                f"laat; de uiterste datum was {_nl(milestone.uiterlijk)}. Regel: "
                f"{milestone.regel}. Leg de reden vast: UWV toetst de termijnen in het "
                "re-integratieverslag"
            ),
        )
    records = [
        (key, index, _date(_get(entry, "datum")))
        for key in ("evaluaties", "bijstellingen")
        for index, entry in enumerate(_items(_get(data, "verzuim", key)))
    ]
    first = _date(_get(data, "verzuim", "eerste_ziektedag"))
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
                f"{_nl(previous)} en {_nl(following)}; evalueer het plan van aanpak minstens "
                "elke 6 weken (Werkwijzer Poortwachter)"
            ),
        )


# --- bedrijfsarts: belastbaarheid ---------------------------------------------------------


def _profiles(data: Any) -> list[tuple[int, Any]]:
    return list(enumerate(_items(_get(data, "bedrijfsarts", "belastbaarheid"))))


def rule_fml_actueel(data: Any, peildatum: date) -> Iterator[Found]:
    profiles = [(i, p, _date(_get(p, "datum"))) for i, p in _profiles(data)]
    dated = [(i, p, d) for i, p, d in profiles if d is not None]
    if not dated:
        return
    index, profile, day = max(dated, key=lambda item: item[2])
    reference = _date(_get(data, "zaak", "rapportdatum")) or peildatum
    if _add_months(day, FML_MAX_MAANDEN) < reference:
        soort = _get(profile, "soort") or "belastbaarheidsprofiel"
        moment = "de rapportdatum" if _get(data, "zaak", "rapportdatum") else "de peildatum"
        yield (
            WAARSCHUWING,
            ["bedrijfsarts", "belastbaarheid", index, "datum"],
            (
                f"het belastbaarheidsprofiel ({soort} van {_nl(day)}) is ouder dan "
                f"{FML_MAX_MAANDEN} maanden op {moment} ({_nl(reference)}); vraag de bedrijfsarts "
                "of het nog actueel is"
            ),
        )


def rule_beperking_verwijzingen(data: Any, peildatum: date) -> Iterator[Found]:
    known: set[str] = set()
    for index, profile in _profiles(data):
        seen: set[str] = set()
        for number, beperking in enumerate(_items(_get(profile, "beperkingen"))):
            ident = _get(beperking, "id")
            if isinstance(ident, str) and ident in seen:
                yield (
                    FOUT,
                    ["bedrijfsarts", "belastbaarheid", index, "beperkingen", number, "id"],
                    (f"beperking-id '{ident}' komt twee keer voor in hetzelfde profiel"),
                )
            if isinstance(ident, str):
                seen.add(ident)
        known |= seen
    for parts, ident in _beperking_references(data):
        if ident not in known:
            hint = ""
            close = sorted(known, key=lambda k: _distance(k, ident))[:1]
            if close and _distance(close[0], ident) <= max(2, len(ident) // 3):
                hint = f"; bedoelde u '{close[0]}'?"
            elif known:
                hint = f"; bekende beperkingen: {', '.join(sorted(known))}"
            yield (
                FOUT,
                parts,
                (
                    f"verwijst naar beperking '{ident}', maar die staat in geen enkel "
                    f"belastbaarheidsprofiel van de bedrijfsarts{hint}"
                ),
            )


def _beperking_references(data: Any) -> Iterator[tuple[list[PathPart], str]]:
    def weging(prefix: list[PathPart], holder: Any) -> Iterator[tuple[list[PathPart], str]]:
        for index, row in enumerate(_items(_get(holder, "weging"))):
            ident = _get(row, "beperking")
            if isinstance(ident, str):
                yield [*prefix, "weging", index, "beperking"], ident

    yield from weging(["eigen_werk"], _get(data, "eigen_werk"))
    aangepast = _get(data, "aangepast_eigen_werk")
    yield from weging(["aangepast_eigen_werk"], aangepast)
    for index, adjustment in enumerate(_items(_get(aangepast, "aanpassingen"))):
        for number, ident in enumerate(_items(_get(adjustment, "lost_op"))):
            if isinstance(ident, str):
                yield ["aangepast_eigen_werk", "aanpassingen", index, "lost_op", number], ident
    ander = _get(data, "ander_passend_werk")
    for index, function in enumerate(_items(_get(ander, "functies"))):
        yield from weging(["ander_passend_werk", "functies", index], function)
    carved = _get(ander, "jobcarving", "functie")
    if carved is not None:
        yield from weging(["ander_passend_werk", "jobcarving", "functie"], carved)


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


# --- eigen werk and aangepast werk ------------------------------------------------------------


def rule_taken(data: Any, peildatum: date) -> Iterator[Found]:
    for section in ("eigen_werk", "aangepast_eigen_werk"):
        tasks = _items(_get(data, section, "taken"))
        if not tasks:
            continue
        shares = [_get(t, "aandeel") for t in tasks]
        if all(isinstance(s, int | float) and not isinstance(s, bool) for s in shares):
            total = sum(shares)
            if abs(total - 100) > 0.01:
                shown = f"{total:g}".replace(".", ",")
                yield (
                    FOUT,
                    [section, "taken"],
                    (f"de aandelen van de taken tellen op tot {shown} %, niet tot 100 %"),
                )
        if section == "eigen_werk" and len(tasks) > MAX_TAAKCLUSTERS:
            yield (
                WAARSCHUWING,
                [section, "taken"],
                (
                    f"{len(tasks)} taken; de Leidraad (4.3) vraagt het eigen werk te beschrijven "
                    f"in hoogstens 4 à {MAX_TAAKCLUSTERS} taakclusters: voeg verwante taken samen"
                ),
            )
        names = {_get(t, "naam") for t in tasks}
        for index, row in enumerate(_items(_get(data, section, "weging"))):
            for number, name in enumerate(_items(_get(row, "taken"))):
                if isinstance(name, str) and name not in names:
                    yield (
                        FOUT,
                        [section, "weging", index, "taken", number],
                        (f"taak '{name}' staat niet in de taken van {section.replace('_', ' ')}"),
                    )


# --- werknemer: arbeidsverleden ------------------------------------------------------------


def rule_arbeidsverleden(data: Any, peildatum: date) -> Iterator[Found]:
    jobs = _items(_get(data, "werknemer_informatie", "arbeidsverleden"))
    previous_end: date | None = None
    for index, job in enumerate(jobs):
        start, end = _date(_get(job, "van")), _date(_get(job, "tot"))
        where: list[PathPart] = ["werknemer_informatie", "arbeidsverleden", index]
        if start and end and end < start:
            yield FOUT, [*where, "tot"], "baan eindigt vóór ze begint"
        if start and previous_end:
            gap = (start - previous_end).days - 1
            if gap > HIAAT_DAGEN and not _get(job, "toelichting_hiaat"):
                yield (
                    WAARSCHUWING,
                    [*where, "van"],
                    (
                        f"onverklaard hiaat van {gap} dagen in het arbeidsverleden "
                        f"(van {_nl(previous_end + timedelta(days=1))} tot {_nl(start)}); "
                        "leg het uit in 'toelichting_hiaat' (Leidraad 3.3)"
                    ),
                )
        if end is not None:
            previous_end = max(previous_end, end) if previous_end else end
        elif start is not None:
            previous_end = None  # a job without an end runs on: no gap can follow it


# --- ander passend werk: scholing and the 70 % cost rule ---------------------------------------


def rule_scholing_en_kosten(data: Any, peildatum: date) -> Iterator[Found]:
    ander = _get(data, "ander_passend_werk")
    remaining = _get(ander, "loondoorbetaling", "resterend_loon")
    functions: list[tuple[list[PathPart], Any]] = [
        (["ander_passend_werk", "functies", i], f)
        for i, f in enumerate(_items(_get(ander, "functies")))
    ]
    carved = _get(ander, "jobcarving", "functie")
    if carved is not None:
        functions.append((["ander_passend_werk", "jobcarving", "functie"], carved))
    for prefix, function in functions:
        name = _get(function, "naam") or "functie"
        if _get(function, "conclusie", "oordeel") == "niet_passend":
            continue  # already judged not suitable: the cost and duration are its reasons
        total = 0.0
        for index, bridge in enumerate(_items(_get(function, "overbrugbaar_door"))):
            where: list[PathPart] = [*prefix, "overbrugbaar_door", index]
            months = _get(bridge, "duur_maanden")
            if (
                _get(bridge, "soort") == "scholing"
                and isinstance(months, int | float)
                and months > SCHOLING_MAX_MAANDEN
            ):
                yield (
                    WAARSCHUWING,
                    [*where, "duur_maanden"],
                    (
                        f"scholing voor '{name}' duurt {months:g} maanden; van de werkgever mag "
                        f"scholing tot ongeveer {SCHOLING_MAX_MAANDEN} maanden worden verwacht "
                        "(Leidraad 6): onderbouw waarom deze scholing toch redelijk is"
                    ),
                )
            cost = _get(bridge, "kosten")
            if isinstance(cost, int | float):
                total += float(cost)
        if isinstance(remaining, int | float) and 0 < KOSTEN_MAX_DEEL_LOON * remaining < total:
            share = round(100 * total / remaining)
            yield (
                WAARSCHUWING,
                [*prefix, "overbrugbaar_door"],
                (
                    f"de kosten om '{name}' passend te maken ({euro(total)}) zijn {share} % "
                    "van het resterende loon over de loondoorbetaling; boven 70 % zijn ze in de "
                    "regel niet redelijk (Leidraad 6)"
                ),
            )


RULES: tuple[Callable[[Any, date], Iterator[Found]], ...] = (
    rule_bsn,
    rule_ziekteperioden,
    rule_verlof_en_verlenging,
    rule_brief_verlenging,
    rule_datumvolgorde,
    rule_reden_plan_later,
    rule_termijnen,
    rule_fml_actueel,
    rule_beperking_verwijzingen,
    rule_taken,
    rule_arbeidsverleden,
    rule_scholing_en_kosten,
)
