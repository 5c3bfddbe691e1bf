"""Poortwachter timeline, example-driven. Every expected date is written by hand from the rule
in the comment next to it (DESIGN.md §5); none is computed with the code under test.

Notation: X = eerste ziektedag (day 1); "X+41" is the 42nd ziektedag.
"""

from __future__ import annotations

from datetime import date

import pytest

from dossiergen.poortwachter.tijdlijn import (
    NVT,
    OP_TIJD,
    OPEN,
    TE_LAAT,
    TE_VROEG,
    VERLOPEN,
    Tijdlijn,
    Verlenging,
    Verlof,
    VerzuimInvoer,
    Ziekteperiode,
    aow_datum,
    bereken_tijdlijn,
    nde_ziektedag,
    riv_soort,
)

X = date(2026, 3, 2)  # a Monday; no holidays near its deadlines except Kerst around week 42


def tl(invoer: VerzuimInvoer, peildatum: date = date(2026, 3, 10)) -> Tijdlijn:
    return bereken_tijdlijn(invoer, peildatum)


# X on every weekday, Monday 2-3-2026 .. Sunday 8-3-2026. Columns:
# probleemanalyse X+41 · plan X+55 · ziekmelding = first werkdag after X+293 · eerstejaars-
# evaluatie X+315 .. X+363 · UWV-brief WIA X+616 · eindevaluatie from X+630 · re-integratie-
# verslag (and its parts) X+636, 13 weeks before the end (art. 25 lid 3 WIA) · WIA-aanvraag
# X+650 · einde wachttijd X+727 (2028 is a leap year).
# X+293 falls on the weekday before X's: Sun 20-12 for Monday, ..., Sat 26-12 for Sunday.
# Kerst 2026: Fri 25 and Sat 26 december, so X on Fri/Sat/Sun all land on Monday 28-12.
WEEKDAGEN = [
    # X, PA, plan, ziekmelding, EJE vanaf, EJE uiterlijk, brief, eind vanaf, RIV, WIA, einde
    # X+293 = Sun 20-12 -> Mon 21
    ("ma", X, "2026-04-12", "2026-04-26", "2026-12-21", "2027-01-11", "2027-02-28",
     "2027-11-08", "2027-11-22", "2027-11-28", "2027-12-12", "2028-02-27"),
    # Mon 21 -> Tue 22
    ("di", date(2026, 3, 3), "2026-04-13", "2026-04-27", "2026-12-22", "2027-01-12",
     "2027-03-01", "2027-11-09", "2027-11-23", "2027-11-29", "2027-12-13", "2028-02-28"),
    # Tue 22 -> Wed 23
    ("wo", date(2026, 3, 4), "2026-04-14", "2026-04-28", "2026-12-23", "2027-01-13",
     "2027-03-02", "2027-11-10", "2027-11-24", "2027-11-30", "2027-12-14", "2028-02-29"),
    # Wed -> Kerstavond
    ("do", date(2026, 3, 5), "2026-04-15", "2026-04-29", "2026-12-24", "2027-01-14",
     "2027-03-03", "2027-11-11", "2027-11-25", "2027-12-01", "2027-12-15", "2028-03-01"),
    # Thu 24 -> Kerst
    ("vr", date(2026, 3, 6), "2026-04-16", "2026-04-30", "2026-12-28", "2027-01-15",
     "2027-03-04", "2027-11-12", "2027-11-26", "2027-12-02", "2027-12-16", "2028-03-02"),
    # Fri 25 -> Mon 28
    ("za", date(2026, 3, 7), "2026-04-17", "2026-05-01", "2026-12-28", "2027-01-16",
     "2027-03-05", "2027-11-13", "2027-11-27", "2027-12-03", "2027-12-17", "2028-03-03"),
    # Sat 26 -> Mon 28
    ("zo", date(2026, 3, 8), "2026-04-18", "2026-05-02", "2026-12-28", "2027-01-17",
     "2027-03-06", "2027-11-14", "2027-11-28", "2027-12-04", "2027-12-18", "2028-03-04"),
]  # fmt: skip


@pytest.mark.parametrize("rij", WEEKDAGEN, ids=[r[0] for r in WEEKDAGEN])
def test_alle_mijlpalen_per_weekdag(rij: tuple[object, ...]) -> None:
    _, x, pa, plan, melding, eje_van, eje_tot, brief, eind_van, riv, wia, einde = rij
    assert isinstance(x, date)
    t = tl(VerzuimInvoer(x), peildatum=x)
    d = date.fromisoformat
    assert t.eerste_ziektedag == x
    assert t.mijlpaal("probleemanalyse").uiterlijk == d(str(pa))
    assert t.mijlpaal("plan_van_aanpak").uiterlijk == d(str(plan))
    assert t.mijlpaal("ziekmelding_uwv").uiterlijk == d(str(melding))
    eje = t.mijlpaal("eerstejaarsevaluatie")
    assert (eje.vanaf, eje.uiterlijk) == (d(str(eje_van)), d(str(eje_tot)))
    assert t.mijlpaal("wia_brief_uwv").vanaf == d(str(brief))
    for id_ in ("eindevaluatie", "actueel_oordeel", "visie_werknemer"):
        m = t.mijlpaal(id_)
        assert (m.vanaf, m.uiterlijk) == (d(str(eind_van)), d(str(riv)))
    assert t.mijlpaal("re_integratieverslag").uiterlijk == d(str(riv))
    wia_m = t.mijlpaal("wia_aanvraag")
    assert (wia_m.vanaf, wia_m.uiterlijk) == (d(str(brief)), d(str(wia)))
    assert t.mijlpaal("einde_wachttijd").uiterlijk == d(str(einde))
    assert t.einde_wachttijd == d(str(einde))
    assert all(m.status in (OPEN, NVT) for m in t.mijlpalen)


def test_volgorde_en_ids() -> None:
    t = tl(VerzuimInvoer(X))
    assert [m.id for m in t.mijlpalen] == [
        "probleemanalyse",
        "plan_van_aanpak",
        "evaluatie",
        "ziekmelding_uwv",
        "eerstejaarsevaluatie",
        "spoor_2_start",
        "wia_brief_uwv",
        "re_integratieverslag",
        "eindevaluatie",
        "actueel_oordeel",
        "visie_werknemer",
        "wia_aanvraag",
        "verzoek_verlenging",
        "einde_wachttijd",
    ]
    assert all(m.omschrijving and m.regel for m in t.mijlpalen)


# Day 294 (X+293) placed on a given date: X = that date minus 293 days.
@pytest.mark.parametrize(
    ("x", "melding"),
    [
        # X+293 = Thu 2-4-2026 -> Fri 3-4 Goede Vrijdag (Atw art. 3 lid 2), weekend, Mon 6-4
        # tweede Paasdag -> Tue 7-4
        (date(2025, 6, 13), date(2026, 4, 7)),
        # X+293 = Fri 3-4-2026 -> Sat, Sun, Mon 6-4 tweede Paasdag -> Tue 7-4
        (date(2025, 6, 14), date(2026, 4, 7)),
        # X+293 = Mon 4-5-2026 -> Tue 5 mei (non-lustrum year, still ATW) -> Wed 6-5
        (date(2025, 7, 15), date(2026, 5, 6)),
        # X+293 = Wed 13-5-2026 -> Thu 14-5 Hemelvaart -> Fri 15-5 equated (Besluit
        # gelijkstelling, Atw art. 3 lid 3) -> weekend -> Mon 18-5
        (date(2025, 7, 24), date(2026, 5, 18)),
        # X+293 = Fri 22-5-2026 -> weekend, Mon 25-5 tweede Pinksterdag -> Tue 26-5
        (date(2025, 8, 2), date(2026, 5, 26)),
        # X+293 = Fri 25-4-2025 -> Sat 26-4 Koningsdag (27-4 is a Sunday), Sun -> Mon 28-4
        (date(2024, 7, 6), date(2025, 4, 28)),
        # X+293 = Fri 24-4-2026 -> weekend, Mon 27-4 Koningsdag -> Tue 28-4
        (date(2025, 7, 5), date(2026, 4, 28)),
        # X+293 = Wed 31-12-2025 -> Thu 1-1 Nieuwjaarsdag -> Fri 2-1-2026 equated -> Mon 5-1
        (date(2025, 3, 13), date(2026, 1, 5)),
    ],
)
def test_ziekmelding_rond_feestdagen(x: date, melding: date) -> None:
    assert tl(VerzuimInvoer(x)).mijlpaal("ziekmelding_uwv").uiterlijk == melding


# --- samentelling ---------------------------------------------------------------------------

A = Ziekteperiode(date(2026, 1, 5), date(2026, 1, 30))  # 26 sick days


def test_samentelling_bij_onderbreking_van_27_dagen() -> None:
    # Gap 31-1 .. 26-2 = 27 days (< 28): one wachttijd from 5-1-2026.
    b = Ziekteperiode(date(2026, 2, 27))
    t = tl(VerzuimInvoer(date(2026, 1, 5), (A, b)), peildatum=date(2026, 3, 20))
    assert t.eerste_ziektedag == date(2026, 1, 5)
    # 42nd sick day: 26 in A, then the 16th of B = 27-2 + 15 = 14-3-2026
    assert t.mijlpaal("probleemanalyse").uiterlijk == date(2026, 3, 14)
    # 294th sick day = 268th of B = 27-2 + 267 = Sat 21-11-2026 -> Monday 23-11
    assert t.mijlpaal("ziekmelding_uwv").uiterlijk == date(2026, 11, 23)
    # 728th sick day = 702nd of B = 27-2-2026 + 701 = 29-1-2028 (X+727 = 2-1-2028, +27 gap days)
    assert t.einde_wachttijd == date(2028, 1, 29)
    # Peildatum 20-3-2026: 26 + 22 (27-2 .. 20-3) = 48 sick days -> ziekteweek 7
    assert t.ziektedagen_tot_peildatum == 48
    assert t.ziekteweek_op_peildatum == 7
    assert any("Samentelling" in w for w in t.waarschuwingen)
    assert nde_ziektedag(VerzuimInvoer(date(2026, 1, 5), (A, b)), 27) == date(2026, 2, 27)


def test_nieuwe_wachttijd_bij_onderbreking_van_28_dagen() -> None:
    # Gap 31-1 .. 27-2 = 28 days: a new case from 28-2-2026.
    b = Ziekteperiode(date(2026, 2, 28))
    t = tl(VerzuimInvoer(date(2026, 1, 5), (A, b)))
    assert t.eerste_ziektedag == date(2026, 2, 28)
    assert t.mijlpaal("probleemanalyse").uiterlijk == date(2026, 4, 10)  # 28-2 + 41
    assert any("begint opnieuw" in w for w in t.waarschuwingen)


def test_ziekteweek_in_onderbreking_is_none() -> None:
    b = Ziekteperiode(date(2026, 2, 27))
    t = tl(VerzuimInvoer(date(2026, 1, 5), (A, b)), peildatum=date(2026, 2, 10))
    assert t.ziekteweek_op_peildatum is None  # not sick on 10-2
    assert t.ziektedagen_tot_peildatum == 26


# --- WAZO-verlof ----------------------------------------------------------------------------


def test_zwangerschapsverlof_schuift_termijnen() -> None:
    # Sick from Mon 5-1-2026 without break; leave 2-3 .. 21-6-2026 = 112 days (16 weeks).
    invoer = VerzuimInvoer(
        date(2026, 1, 5),
        verlof=(Verlof("zwangerschapsverlof", date(2026, 3, 2), date(2026, 6, 21)),),
    )
    t = tl(invoer, peildatum=date(2026, 4, 1))
    # Day 42 = 15-2, before the leave: unchanged
    assert t.mijlpaal("probleemanalyse").uiterlijk == date(2026, 2, 15)
    # Day 56 = 1-3, the last day before the leave
    assert t.mijlpaal("plan_van_aanpak").uiterlijk == date(2026, 3, 1)
    # Day 57 = 22-6; day 294 = 22-6 + 237 = Sun 14-2-2027 -> Monday 15-2-2027
    assert t.mijlpaal("ziekmelding_uwv").uiterlijk == date(2027, 2, 15)
    # Einde = X+727 (2-1-2028) + 112 = 23-4-2028; WIA 77 days earlier = 6-2-2028
    assert t.einde_wachttijd == date(2028, 4, 23)
    assert t.mijlpaal("wia_aanvraag").uiterlijk == date(2028, 2, 6)
    # On 1-4-2026 she is on leave: 56 sick days counted, no current ziekteweek
    assert t.ziektedagen_tot_peildatum == 56
    assert t.ziekteweek_op_peildatum is None
    assert any("112 dag(en)" in w for w in t.waarschuwingen)


def test_verlof_breekt_samentelling_niet() -> None:
    # Sick 5-1 .. 30-1, leave 31-1 .. 1-3 (30 days), sick again from 2-3: no gap day at all.
    invoer = VerzuimInvoer(
        date(2026, 1, 5),
        (A, Ziekteperiode(date(2026, 3, 2))),
        verlof=(Verlof("bevallingsverlof", date(2026, 1, 31), date(2026, 3, 1)),),
    )
    t = tl(invoer)
    assert t.eerste_ziektedag == date(2026, 1, 5)
    # 42nd sick day = 16th day from 2-3 = 17-3-2026
    assert t.mijlpaal("probleemanalyse").uiterlijk == date(2026, 3, 17)


def test_verlof_met_gezonde_dagen_ernaast_is_onderbreking() -> None:
    # Gap 31-1 .. 8-3 is 37 calendar days, 11 of them leave (10-2 .. 20-2). Art. 23 lid 3
    # onder 2° WIA joins periods across leave only when they adjoin it on both sides; here
    # there are healthy days, so the leave is part of the onderbreking: 37 days, a new case.
    invoer = VerzuimInvoer(
        date(2026, 1, 5),
        (A, Ziekteperiode(date(2026, 3, 9))),
        verlof=(Verlof("zwangerschapsverlof", date(2026, 2, 10), date(2026, 2, 20)),),
    )
    assert tl(invoer).eerste_ziektedag == date(2026, 3, 9)


def test_verlof_direct_aansluitend_zelfde_oorzaak_telt_samen() -> None:
    verlof = Verlof("zwangerschapsverlof", date(2026, 1, 31), date(2026, 3, 8))
    invoer = VerzuimInvoer(date(2026, 1, 5), (A, Ziekteperiode(date(2026, 3, 9))), (verlof,))
    assert tl(invoer).eerste_ziektedag == date(2026, 1, 5)
    anders = Verlof("zwangerschapsverlof", date(2026, 1, 31), date(2026, 3, 8), False)
    invoer = VerzuimInvoer(date(2026, 1, 5), (A, Ziekteperiode(date(2026, 3, 9))), (anders,))
    assert tl(invoer).eerste_ziektedag == date(2026, 3, 9)


# --- verlenging -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verlengingen", "einde", "wia", "riv"),
    [
        # vrijwillig 13 weeks: 27-2-2028 + 91 = 28-5-2028; WIA 77 days earlier = 12-3-2028; the
        # verslag 91 days before the extended end (art. 25 lid 4 WIA) = 27-2-2028 (29-2 exists)
        ((Verlenging("vrijwillig", 13),), date(2028, 5, 28), date(2028, 3, 12), date(2028, 2, 27)),
        # loonsanctie 52 weeks: 27-2-2028 + 364 = 25-2-2029; the WIA-aanvraag does not move
        # (art. 25 lid 9 WIA): 27-2-2028 - 77 = 12-12-2027; nor the verslag: 27-2-2028 - 91 =
        # 28-11-2027 (art. 25 lid 3 counts from the wachttijd, which a loonsanctie leaves alone)
        (
            (Verlenging("loonsanctie", 52),),
            date(2029, 2, 25),
            date(2027, 12, 12),
            date(2027, 11, 28),
        ),
    ],
)
def test_verlenging(
    verlengingen: tuple[Verlenging, ...], einde: date, wia: date, riv: date
) -> None:
    t = tl(VerzuimInvoer(X, verlengingen=verlengingen))
    assert t.einde_wachttijd == einde
    assert t.mijlpaal("wia_aanvraag").uiterlijk == wia
    assert t.mijlpaal("re_integratieverslag").uiterlijk == riv
    assert t.mijlpaal("eindevaluatie").uiterlijk == riv
    # Without a verlenging the ziekmelding and eerstejaarsevaluatie stay where they were
    assert t.mijlpaal("ziekmelding_uwv").uiterlijk == date(2026, 12, 21)


@pytest.mark.parametrize(
    ("verlengingen", "uiterlijk"),
    [
        # No law sets the day; safe = 2 weeks (UWV decides within 2 weeks) before the
        # WIA-aanvraag deadline: X+650 = 12-12-2027, minus 14 days = 28-11-2027.
        ((), date(2027, 11, 28)),
        # A further request after a vrijwillige 13 weeks: WIA 12-3-2028 - 14 = 27-2-2028.
        ((Verlenging("vrijwillig", 13),), date(2028, 2, 27)),
        # A loonsanctie does not move the WIA-aanvraag, so neither this day: 28-11-2027.
        ((Verlenging("loonsanctie", 26),), date(2027, 11, 28)),
    ],
)
def test_verzoek_verlenging(verlengingen: tuple[Verlenging, ...], uiterlijk: date) -> None:
    m = tl(VerzuimInvoer(X, verlengingen=verlengingen)).mijlpaal("verzoek_verlenging")
    assert (m.vanaf, m.uiterlijk, m.status) == (None, uiterlijk, OPEN)
    assert "art. 24 lid 1 WIA" in m.regel
    # Optional: after the day it is informative only, never "verlopen".
    later = bereken_tijdlijn(VerzuimInvoer(X, verlengingen=verlengingen), date(2028, 3, 1))
    assert later.mijlpaal("verzoek_verlenging").status == NVT


def test_verzoek_verlenging_niet_bij_ziek_uit_dienst() -> None:
    # Out of service sick on 30-6-2026 (ZW-uitkering): no verlenging, also with an ERD ZW.
    for erd in (False, True):
        invoer = VerzuimInvoer(X, uit_dienst=date(2026, 6, 30), eigenrisicodrager_zw=erd)
        m = tl(invoer).mijlpaal("verzoek_verlenging")
        assert m.status == NVT
        assert "Ziektewet-uitkering" in m.regel


def test_verlenging_waarschuwingen() -> None:
    t = tl(
        VerzuimInvoer(X, verlengingen=(Verlenging("vrijwillig", 6), Verlenging("loonsanctie", 53)))
    )
    assert any("minimaal 13" in w for w in t.waarschuwingen)
    assert any("maximaal 52" in w for w in t.waarschuwingen)


# --- statuses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gedaan", "peildatum", "status"),
    [
        ({}, date(2026, 4, 12), OPEN),  # the deadline day itself is still open
        ({}, date(2026, 4, 13), VERLOPEN),
        ({"probleemanalyse": date(2026, 4, 12)}, date(2026, 5, 1), OP_TIJD),
        ({"probleemanalyse": date(2026, 4, 13)}, date(2026, 5, 1), TE_LAAT),
    ],
)
def test_status_probleemanalyse(gedaan: dict[str, date], peildatum: date, status: str) -> None:
    assert (
        tl(VerzuimInvoer(X, gedaan=gedaan), peildatum).mijlpaal("probleemanalyse").status == status
    )


def test_plan_binnen_twee_weken_na_probleemanalyse() -> None:
    # PA on 20-3-2026: plan due min(X+55 = 26-4, 20-3 + 14 = 3-4) = 3-4-2026
    t = tl(VerzuimInvoer(X, gedaan={"probleemanalyse": date(2026, 3, 20)}), date(2026, 4, 4))
    plan = t.mijlpaal("plan_van_aanpak")
    assert plan.uiterlijk == date(2026, 4, 3)
    assert plan.status == VERLOPEN


@pytest.mark.parametrize(
    ("gedaan_op", "status"),
    [
        (date(2027, 1, 10), TE_VROEG),  # before week 46 (window 11-1 .. 28-2-2027)
        (date(2027, 1, 11), OP_TIJD),
        (date(2027, 2, 28), OP_TIJD),
        (date(2027, 3, 1), TE_LAAT),
    ],
)
def test_status_eerstejaarsevaluatie(gedaan_op: date, status: str) -> None:
    invoer = VerzuimInvoer(X, gedaan={"eerstejaarsevaluatie": gedaan_op})
    m = tl(invoer, date(2027, 6, 1)).mijlpaal("eerstejaarsevaluatie")
    assert m.status == status
    assert m.gedaan_op == gedaan_op


def test_spoor_2_na_eerstejaarsevaluatie() -> None:
    # EJE on 20-1-2027 -> spoor 2 within 42 days: 3-3-2027
    invoer = VerzuimInvoer(X, gedaan={"eerstejaarsevaluatie": date(2027, 1, 20)})
    m = tl(invoer, date(2027, 3, 4)).mijlpaal("spoor_2_start")
    assert m.uiterlijk == date(2027, 3, 3)
    assert m.status == VERLOPEN


def test_spoor_2_voorlopig_zonder_eerstejaarsevaluatie() -> None:
    # Not done yet: 42 days after the EJE's last day 28-2-2027 = 11-4-2027
    assert tl(VerzuimInvoer(X)).mijlpaal("spoor_2_start").uiterlijk == date(2027, 4, 11)


def test_spoor_2_uitzondering() -> None:
    invoer = VerzuimInvoer(X, spoor_2_uitzondering="concreet perspectief eigen werkgever")
    m = tl(invoer).mijlpaal("spoor_2_start")
    assert m.status == NVT
    assert "concreet perspectief" in m.regel


@pytest.mark.parametrize(
    ("geboren", "status"),
    [
        # End of wachttijd 27-2-2028, + 1 year = 27-2-2029. Born 1961: AOW at 67 y 3 m.
        (date(1961, 11, 27), NVT),  # AOW 27-2-2029: within one year
        (date(1961, 11, 28), OPEN),  # AOW 28-2-2029: one day too late
        (date(1960, 12, 31), NVT),  # AOW at 67 on 31-12-2027, before the end
        (date(1980, 1, 1), OPEN),
    ],
)
def test_spoor_2_aow_uitzondering(geboren: date, status: str) -> None:
    t = tl(VerzuimInvoer(X, geboortedatum=geboren))
    assert t.mijlpaal("spoor_2_start").status == status


def test_aow_leeftijd_nog_niet_vastgesteld() -> None:
    # X = 7-1-2030, end 4-1-2032. Born 1-10-1964: cohort not fixed yet; at the minimum of
    # 67 y 3 m AOW would start 1-1-2032, but we do not skip spoor 2 on a guess.
    t = tl(VerzuimInvoer(date(2030, 1, 7), geboortedatum=date(1964, 10, 1)), date(2030, 2, 1))
    assert t.einde_wachttijd == date(2032, 1, 4)
    assert t.mijlpaal("spoor_2_start").status == OPEN
    assert any("nog niet wettelijk vastgesteld" in w for w in t.waarschuwingen)


def test_evaluaties_elke_zes_weken() -> None:
    # Plan 20-4-2026; evaluations 25-5 (35 days) and 20-7 (56 days: too long).
    invoer = VerzuimInvoer(
        X,
        gedaan={"plan_van_aanpak": date(2026, 4, 20)},
        evaluaties=(date(2026, 7, 20), date(2026, 5, 25)),
    )
    t = tl(invoer, date(2026, 9, 1))
    m = t.mijlpaal("evaluatie")
    assert m.uiterlijk == date(2026, 8, 31)  # 20-7 + 42
    assert m.status == VERLOPEN
    gaten = [w for w in t.waarschuwingen if "meer dan 6 weken" in w]
    assert len(gaten) == 1 and "56 dagen" in gaten[0]


def test_evaluatie_zonder_plan_gaat_uit_van_uiterste_plandatum() -> None:
    # Plan due X+55 = 26-4-2026 -> first evaluation due 7-6-2026
    assert tl(VerzuimInvoer(X)).mijlpaal("evaluatie").uiterlijk == date(2026, 6, 7)


def test_herstel_voor_week_42() -> None:
    # Sick 2-3 .. 30-6-2026 (121 days): PA applies (day 42 = 12-4), the ziekmelding does not.
    invoer = VerzuimInvoer(X, (Ziekteperiode(X, date(2026, 6, 30)),))
    t = tl(invoer, date(2026, 8, 1))
    assert t.mijlpaal("probleemanalyse").status == VERLOPEN
    for id_ in ("ziekmelding_uwv", "eerstejaarsevaluatie", "wia_aanvraag", "einde_wachttijd"):
        assert t.mijlpaal(id_).status == NVT
    assert t.einde_wachttijd is None
    assert t.mijlpaal("ziekmelding_uwv").uiterlijk is None
    assert any("weer ziek" in w for w in t.waarschuwingen)
    with pytest.raises(ValueError):
        nde_ziektedag(invoer, 122)
    assert nde_ziektedag(invoer, 121) == date(2026, 6, 30)


def test_herstel_binnen_zes_weken() -> None:
    invoer = VerzuimInvoer(X, (Ziekteperiode(X, date(2026, 3, 31)),))  # 30 days
    assert tl(invoer, date(2026, 5, 1)).mijlpaal("probleemanalyse").status == NVT


def test_informatieve_mijlpalen() -> None:
    # Einde wachttijd 27-2-2028: open on the day, n.v.t. afterwards
    assert tl(VerzuimInvoer(X), date(2028, 2, 27)).mijlpaal("einde_wachttijd").status == OPEN
    assert tl(VerzuimInvoer(X), date(2028, 2, 28)).mijlpaal("einde_wachttijd").status == NVT


@pytest.mark.parametrize(
    ("peildatum", "dagen", "week"),
    [
        (date(2026, 3, 1), 0, None),  # before X
        (X, 1, 1),
        (date(2026, 3, 8), 7, 1),  # X+6: last day of week 1
        (date(2026, 3, 9), 8, 2),  # X+7: first day of week 2
        (date(2026, 12, 20), 294, 42),  # X+293: last day of week 42
    ],
)
def test_ziekteweek(peildatum: date, dagen: int, week: int | None) -> None:
    t = tl(VerzuimInvoer(X), peildatum)
    assert (t.ziektedagen_tot_peildatum, t.ziekteweek_op_peildatum) == (dagen, week)


# --- ziek uit dienst ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uit_dienst", "soort"),
    [
        (date(2026, 4, 11), None),  # X+40: 41 sick days, less than 6 weeks
        (date(2026, 4, 12), "verkort"),  # X+41: 42 days = 6 weeks
        (date(2026, 5, 9), "verkort"),  # X+68: 69 days, under 10 weeks
        (date(2026, 5, 10), "volledig"),  # X+69: 70 days = 10 weeks ("10 weken of langer")
        (date(2026, 3, 1), None),  # not sick on that day
    ],
)
def test_riv_soort(uit_dienst: date, soort: str | None) -> None:
    assert riv_soort(VerzuimInvoer(X, uit_dienst=uit_dienst)) == soort
    assert riv_soort(VerzuimInvoer(X)) is None


def test_ziekmelding_bij_uit_dienst() -> None:
    # Out of service on 30-6-2026 while sick: ziekmelding that day, before week 42
    t = tl(VerzuimInvoer(X, uit_dienst=date(2026, 6, 30)))
    assert t.mijlpaal("ziekmelding_uit_dienst").uiterlijk == date(2026, 6, 30)
    assert t.mijlpaal("ziekmelding_uwv").status == "n.v.t."
    erd = tl(VerzuimInvoer(X, uit_dienst=date(2026, 6, 30), eigenrisicodrager_zw=True))
    assert erd.mijlpaal("ziekmelding_uit_dienst").uiterlijk == date(2026, 8, 11)
    assert erd.mijlpaal("ziekmelding_uwv").status != "n.v.t."
    assert any("verkort" in w or "volledig" in w for w in t.waarschuwingen)


# --- input handling -------------------------------------------------------------------------


def test_nde_ziektedag() -> None:
    assert nde_ziektedag(VerzuimInvoer(X), 1) == X
    assert nde_ziektedag(VerzuimInvoer(X), 294) == date(2026, 12, 20)
    with pytest.raises(ValueError):
        nde_ziektedag(VerzuimInvoer(X), 0)


def test_ongeldige_perioden() -> None:
    with pytest.raises(ValueError):
        Ziekteperiode(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValueError):
        Verlof("zwangerschapsverlof", date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValueError):
        Verlenging("vrijwillig", -1)


def test_gedaan_is_bevroren_en_gecontroleerd() -> None:
    gedaan = {"probleemanalyse": date(2026, 4, 1), "onzin": date(2026, 4, 1)}
    invoer = VerzuimInvoer(X, gedaan=gedaan)
    gedaan["probleemanalyse"] = date(2030, 1, 1)
    assert invoer.gedaan["probleemanalyse"] == date(2026, 4, 1)
    t = tl(invoer, date(2026, 3, 20))
    assert any("'onzin'" in w for w in t.waarschuwingen)
    assert any("na de peildatum" in w for w in t.waarschuwingen)


def test_overlappende_perioden_worden_samengevoegd() -> None:
    invoer = VerzuimInvoer(
        X, (Ziekteperiode(date(2026, 3, 10)), Ziekteperiode(X, date(2026, 3, 20)))
    )
    assert tl(invoer).mijlpaal("probleemanalyse").uiterlijk == date(2026, 4, 12)


def test_eerste_ziektedag_wijkt_af() -> None:
    invoer = VerzuimInvoer(date(2026, 3, 1), (Ziekteperiode(X),))
    t = tl(invoer)
    assert t.eerste_ziektedag == X
    assert any("niet het begin" in w for w in t.waarschuwingen)


@pytest.mark.parametrize(
    ("geboren", "aow", "vastgesteld"),
    [
        (date(1947, 12, 31), date(2012, 12, 31), True),  # 65 years, before 2013
        (date(1957, 2, 28), date(2023, 12, 28), True),  # 66 y 10 m (2023)
        (date(1957, 3, 1), date(2024, 3, 1), True),  # 67 y: 66 y 10 m would reach 1-1-2024
        (date(1960, 12, 31), date(2027, 12, 31), True),  # 67 y, last cohort of 2027
        (date(1961, 1, 1), date(2028, 4, 1), True),  # 67 y 3 m (2028)
        (date(1964, 9, 30), date(2031, 12, 30), True),  # 67 y 3 m, last known year 2031
        (date(1964, 10, 1), date(2032, 1, 1), False),  # not fixed yet: legal minimum
    ],
)
def test_aow_datum(geboren: date, aow: date, vastgesteld: bool) -> None:
    assert aow_datum(geboren) == (aow, vastgesteld)


# --- vangnet Ziektewet and vervroegde IVA -----------------------------------------------------


@pytest.mark.parametrize(
    ("grond", "uiterlijk"),
    [
        # no-riskpolis (art. 29b ZW) and pregnancy before the leave: within 6 weeks, the 42nd
        # ziektedag X+41 = 12-4-2026
        ("no_risk_polis", date(2026, 4, 12)),
        ("zwangerschap_voor_verlof", date(2026, 4, 12)),
        # flexibiliseringsperiode: the 4th ziektedag X+3 = 5-3-2026
        ("zwangerschap_flexperiode", date(2026, 3, 5)),
    ],
)
def test_vroege_ziekmelding(grond: str, uiterlijk: date) -> None:
    t = tl(VerzuimInvoer(X, vangnet=grond))
    assert t.mijlpaal("ziekmelding_vangnet").uiterlijk == uiterlijk
    # Reported early: no 42e-weeksmelding.
    assert t.mijlpaal("ziekmelding_uwv").status == NVT


def test_vroege_ziekmelding_na_verlof_telt_vanaf_de_ziekte_na_het_verlof() -> None:
    # Sick from 1-9-2026, the day after a leave that ended 31-8-2026: the 4th day is 4-9-2026.
    invoer = VerzuimInvoer(
        date(2026, 9, 1),
        verlof=(Verlof("bevallingsverlof", date(2026, 6, 9), date(2026, 8, 31)),),
        vangnet="zwangerschap_na_verlof",
    )
    assert tl(invoer).mijlpaal("ziekmelding_vangnet").uiterlijk == date(2026, 9, 4)


def test_vervroegde_iva_venster() -> None:
    # From the 22nd ziektedag (after 3 weeks) X+21 = 23-3-2026, before the 68th ziekteweek:
    # the 469th ziektedag X+468 = 13-6-2027.
    m = tl(VerzuimInvoer(X, vervroegde_iva=True)).mijlpaal("vervroegde_iva")
    assert (m.vanaf, m.uiterlijk) == (date(2026, 3, 23), date(2027, 6, 13))
    with pytest.raises(KeyError):
        tl(VerzuimInvoer(X)).mijlpaal("vervroegde_iva")


def test_einde_onderdelen_verouderd_na_vrijwillige_verlenging() -> None:
    # Made on 25-11-2027 for the verslag due 28-11-2027 (X+636); after a vrijwillige 13 weeks
    # the verslag is due 27-2-2028 (art. 25 lid 4 WIA: drawn up or supplemented 13 weeks before
    # the extended end) and eindevaluatie, actueel oordeel and the visie van de werknemer must
    # be current for the later aanvraag: set aside, needed again by 27-2-2028.
    ids = ("re_integratieverslag", "eindevaluatie", "actueel_oordeel", "visie_werknemer")
    gedaan = dict.fromkeys(ids, date(2027, 11, 25))
    t = tl(
        VerzuimInvoer(X, verlengingen=(Verlenging("vrijwillig", 13),), gedaan=gedaan),
        date(2027, 12, 5),
    )
    for id_ in gedaan:
        m = t.mijlpaal(id_)
        assert (m.gedaan_op, m.uiterlijk, m.status) == (None, date(2028, 2, 27), OPEN), id_
        assert "verouderd, opnieuw nodig" in m.regel
    # Without the verlenging the same dates are on time; three days later they are late.
    zonder = tl(VerzuimInvoer(X, gedaan=gedaan), date(2027, 12, 5))
    assert {zonder.mijlpaal(id_).status for id_ in ids} == {OP_TIJD}
    laat = dict.fromkeys(ids, date(2027, 11, 29))
    assert {
        tl(VerzuimInvoer(X, gedaan=laat), date(2027, 12, 5)).mijlpaal(i).status for i in ids
    } == {TE_LAAT}


def test_eerste_ziektedag_in_het_weekend_wordt_gemeld() -> None:
    # art. 23 lid 2 WIA: the wachttijd starts on the first werkdag not worked through illness.
    # A Saturday is kept (the earlier, safer date) with a note to check it.
    t = tl(VerzuimInvoer(date(2026, 3, 7)))
    assert t.eerste_ziektedag == date(2026, 3, 7)
    assert any("art. 23 lid 2 WIA" in w for w in t.waarschuwingen)
    assert not any("art. 23 lid 2 WIA" in w for w in tl(VerzuimInvoer(X)).waarschuwingen)
