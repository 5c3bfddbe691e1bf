"""Domain rules on the work: belastbaarheid, eigen werk, arbeidsverleden, ander passend werk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from dossiergen.dossier.functiegebouw import functie_dekking
from dossiergen.dossier.locations import PathPart
from dossiergen.dutch import euro
from dossiergen.rules.base import (
    FML_MAX_MAANDEN,
    FOUT,
    HIAAT_DAGEN,
    KOSTEN_MAX_DEEL_LOON,
    KOSTEN_MAX_PROCENT,
    MAX_TAAKCLUSTERS,
    SCHOLING_MAX_MAANDEN,
    WAARSCHUWING,
    Found,
    add_months,
    as_date,
    get,
    items,
    nl,
)

# --- bedrijfsarts: belastbaarheid ---------------------------------------------------------


def _profiles(data: Any) -> list[tuple[int, Any]]:
    return list(enumerate(items(get(data, "bedrijfsarts", "belastbaarheid"))))


def rule_fml_actueel(data: Any, peildatum: date) -> Iterator[Found]:
    profiles = [(i, p, as_date(get(p, "datum"))) for i, p in _profiles(data)]
    dated = [(i, p, d) for i, p, d in profiles if d is not None]
    if not dated:
        return
    index, profile, day = max(dated, key=lambda item: item[2])
    reference = as_date(get(data, "zaak", "rapportdatum")) or peildatum
    if add_months(day, FML_MAX_MAANDEN) < reference:
        soort = get(profile, "soort") or "belastbaarheidsprofiel"
        moment = "de rapportdatum" if get(data, "zaak", "rapportdatum") else "de peildatum"
        yield (
            WAARSCHUWING,
            ["bedrijfsarts", "belastbaarheid", index, "datum"],
            (
                f"het belastbaarheidsprofiel ({soort} van {nl(day)}) is ouder dan "
                f"{FML_MAX_MAANDEN} maanden op {moment} ({nl(reference)}); vraag de bedrijfsarts "
                "of het nog actueel is"
            ),
        )


def rule_beperking_verwijzingen(data: Any, peildatum: date) -> Iterator[Found]:
    known: set[str] = set()
    for index, profile in _profiles(data):
        seen: set[str] = set()
        for number, beperking in enumerate(items(get(profile, "beperkingen"))):
            ident = get(beperking, "id")
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
        for index, row in enumerate(items(get(holder, "weging"))):
            ident = get(row, "beperking")
            if isinstance(ident, str):
                yield [*prefix, "weging", index, "beperking"], ident

    yield from weging(["eigen_werk"], get(data, "eigen_werk"))
    aangepast = get(data, "aangepast_eigen_werk")
    yield from weging(["aangepast_eigen_werk"], aangepast)
    for index, adjustment in enumerate(items(get(aangepast, "aanpassingen"))):
        for number, ident in enumerate(items(get(adjustment, "lost_op"))):
            if isinstance(ident, str):
                yield ["aangepast_eigen_werk", "aanpassingen", index, "lost_op", number], ident
    ander = get(data, "ander_passend_werk")
    for index, function in enumerate(items(get(ander, "functies"))):
        yield from weging(["ander_passend_werk", "functies", index], function)
    carved = get(ander, "jobcarving", "functie")
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
        tasks = items(get(data, section, "taken"))
        if not tasks:
            continue
        shares = [get(t, "aandeel") for t in tasks]
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
        names = {get(t, "naam") for t in tasks}
        for index, row in enumerate(items(get(data, section, "weging"))):
            for number, name in enumerate(items(get(row, "taken"))):
                if isinstance(name, str) and name not in names:
                    yield (
                        FOUT,
                        [section, "weging", index, "taken", number],
                        (f"taak '{name}' staat niet in de taken van {section.replace('_', ' ')}"),
                    )


# --- werknemer: arbeidsverleden ------------------------------------------------------------


def rule_arbeidsverleden(data: Any, peildatum: date) -> Iterator[Found]:
    jobs = items(get(data, "werknemer_informatie", "arbeidsverleden"))
    previous_end: date | None = None
    for index, job in enumerate(jobs):
        start, end = as_date(get(job, "van")), as_date(get(job, "tot"))
        where: list[PathPart] = ["werknemer_informatie", "arbeidsverleden", index]
        if start and end and end < start:
            yield FOUT, [*where, "tot"], "baan eindigt vóór ze begint"
        if start and previous_end:
            gap = (start - previous_end).days - 1
            if gap > HIAAT_DAGEN and not get(job, "toelichting_hiaat"):
                yield (
                    WAARSCHUWING,
                    [*where, "van"],
                    (
                        f"onverklaard hiaat van {gap} dagen in het arbeidsverleden "
                        f"(van {nl(previous_end + timedelta(days=1))} tot {nl(start)}); "
                        "leg het uit in 'toelichting_hiaat' (Leidraad 3.3)"
                    ),
                )
        if end is not None:
            previous_end = max(previous_end, end) if previous_end else end
        elif start is not None:
            previous_end = None  # a job without an end runs on: no gap can follow it


# --- ander passend werk: scholing and the cost rule (Leidraad 6) ------------------------------


def rule_scholing_en_kosten(data: Any, peildatum: date) -> Iterator[Found]:
    ander = get(data, "ander_passend_werk")
    remaining = get(ander, "loondoorbetaling", "resterend_loon")
    functions: list[tuple[list[PathPart], Any]] = [
        (["ander_passend_werk", "functies", i], f)
        for i, f in enumerate(items(get(ander, "functies")))
    ]
    carved = get(ander, "jobcarving", "functie")
    if carved is not None:
        functions.append((["ander_passend_werk", "jobcarving", "functie"], carved))
    for prefix, function in functions:
        name = get(function, "naam") or "functie"
        if get(function, "conclusie", "oordeel") == "niet_passend":
            continue  # already judged not suitable: the cost and duration are its reasons
        total = 0.0
        for index, bridge in enumerate(items(get(function, "overbrugbaar_door"))):
            where: list[PathPart] = [*prefix, "overbrugbaar_door", index]
            months = get(bridge, "duur_maanden")
            if (
                get(bridge, "soort") == "scholing"
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
            cost = get(bridge, "kosten")
            if isinstance(cost, int | float):
                total += float(cost)
        if isinstance(remaining, int | float) and 0 < KOSTEN_MAX_DEEL_LOON * remaining < total:
            share = round(100 * total / remaining)
            yield (
                WAARSCHUWING,
                [*prefix, "overbrugbaar_door"],
                (
                    f"de kosten om '{name}' passend te maken ({euro(total)}) zijn {share} % "
                    f"van het resterende loon over de loondoorbetaling; boven "
                    f"{KOSTEN_MAX_PROCENT} % zijn ze in de regel niet redelijk (Leidraad 6)"
                ),
            )


# --- ander passend werk: the functiegebouw (Leidraad 6.2) ----------------------------------


def rule_functiegebouw(data: Any, peildatum: date) -> Iterator[Found]:
    # Leidraad 6.2: every function on or below the employee's level is assessed for
    # passendheid, or excluded with a reason; a missing one is what UWV calls too little spoor 1.
    dekking = functie_dekking(data)
    if dekking is None:
        return
    for index, naam in dekking.ontbrekend:
        yield (
            WAARSCHUWING,
            ["werkgever_informatie", "bedrijfsinformatie", "functiegebouw", index, "naam"],
            (
                f"functie '{naam}' ligt op of onder het niveau van de werknemer, maar is niet "
                "onder ander passend werk beoordeeld (Leidraad 6.2); beschrijf haar in "
                "ander_passend_werk.functies of vul 'niet_beoordeeld' met de reden in"
            ),
        )


def rule_arbeidstherapeutisch_doel(data: Any, peildatum: date) -> Iterator[Found]:
    # Leidraad 2.5: arbeidstherapeutisch werk gets a SMART goal; without it UWV sees no
    # purposeful re-integration (STECR Richtlijn Arbeidstherapie).
    for index, entry in enumerate(items(get(data, "verzuim", "werkhervatting"))):
        if get(entry, "arbeidstherapeutisch") is True and not get(entry, "doel"):
            yield (
                WAARSCHUWING,
                ["verzuim", "werkhervatting", index, "arbeidstherapeutisch"],
                (
                    "werkhervatting op arbeidstherapeutische basis zonder doel; leg een "
                    "SMART-doel vast en tot wanneer het duurt (verzuim.werkhervatting[].doel, "
                    "Leidraad 2.5)"
                ),
            )
