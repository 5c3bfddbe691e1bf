"""Properties of the timeline that must hold for every valid input (Hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dossiergen.poortwachter.tijdlijn import (
    NVT,
    OP_TIJD,
    OPEN,
    TE_LAAT,
    TE_VROEG,
    VERLOPEN,
    Verlenging,
    Verlof,
    VerzuimInvoer,
    Ziekteperiode,
    bereken_tijdlijn,
    nde_ziektedag,
)
from dossiergen.poortwachter.werkdagen import is_werkdag

STATUSSEN = {OP_TIJD, TE_VROEG, TE_LAAT, OPEN, VERLOPEN, NVT}
DAG = timedelta(days=1)

datums = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def perioden(draw: st.DrawFn) -> tuple[Ziekteperiode, ...]:
    """1-4 sick periods in order with gaps of 1-60 days; the last one may be open."""
    van = draw(datums)
    uit: list[Ziekteperiode] = []
    for i in range(draw(st.integers(1, 4))):
        laatste = i == 3 or draw(st.booleans())
        if laatste and draw(st.booleans()):
            uit.append(Ziekteperiode(van))
            break
        tot = van + timedelta(days=draw(st.integers(0, 400)))
        uit.append(Ziekteperiode(van, tot))
        if laatste:
            break
        van = tot + timedelta(days=draw(st.integers(2, 61)))
    return tuple(uit)


@st.composite
def invoeren(draw: st.DrawFn) -> VerzuimInvoer:
    ps = draw(perioden())
    x = ps[0].van
    rond_x = st.integers(-30, 900).map(lambda n: x + timedelta(days=n))
    verlof = tuple(
        Verlof("zwangerschapsverlof", v, v + timedelta(days=draw(st.integers(0, 120))))
        for v in draw(st.lists(rond_x, max_size=2))
    )
    ids = st.sampled_from(
        ["probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie",
         "spoor_2_start", "eindevaluatie", "actueel_oordeel", "wia_aanvraag"]
    )  # fmt: skip
    return VerzuimInvoer(
        eerste_ziektedag=x,
        ziekteperioden=ps,
        verlof=verlof,
        verlengingen=tuple(
            draw(
                st.lists(
                    st.builds(
                        Verlenging,
                        st.sampled_from(["vrijwillig", "loonsanctie"]),
                        st.integers(0, 52),
                    ),
                    max_size=2,
                )
            )
        ),
        gedaan=draw(st.dictionaries(ids, rond_x, max_size=5)),
        evaluaties=tuple(draw(st.lists(rond_x, max_size=5))),
        geboortedatum=draw(st.none() | st.dates(date(1935, 1, 1), date(2005, 12, 31))),
        uit_dienst=draw(st.none() | rond_x),
        spoor_2_uitzondering=draw(st.none() | st.just("concreet perspectief")),
    )


def _uiterlijk(invoer: VerzuimInvoer, peildatum: date) -> dict[str, date]:
    t = bereken_tijdlijn(invoer, peildatum)
    return {m.id: m.uiterlijk for m in t.mijlpalen if m.uiterlijk is not None}


@settings(max_examples=300, deadline=None)
@given(invoeren(), datums)
def test_geen_uitzonderingen_en_geldige_statussen(invoer: VerzuimInvoer, peildatum: date) -> None:
    t = bereken_tijdlijn(invoer, peildatum)
    assert {m.status for m in t.mijlpalen} <= STATUSSEN
    for m in t.mijlpalen:
        if m.status in (OP_TIJD, TE_VROEG, TE_LAAT):
            assert m.gedaan_op is not None
        if m.status == VERLOPEN:
            assert m.uiterlijk is not None and peildatum > m.uiterlijk
        if m.vanaf is not None and m.uiterlijk is not None:
            assert m.vanaf <= m.uiterlijk
    assert t.ziektedagen_tot_peildatum >= 0


@settings(max_examples=300, deadline=None)
@given(invoeren(), datums)
def test_wia_aanvraag_altijd_77_dagen_voor_einde(invoer: VerzuimInvoer, peildatum: date) -> None:
    t = bereken_tijdlijn(invoer, peildatum)
    wia = t.mijlpaal("wia_aanvraag").uiterlijk
    assert (t.einde_wachttijd is None) == (wia is None)
    sanctie = 7 * sum(v.weken for v in invoer.verlengingen if v.grond == "loonsanctie")
    if t.einde_wachttijd is not None and wia is not None:
        # 11 weeks before the end; a loonsanctie lengthens the end but not the aanvraag
        assert (t.einde_wachttijd - wia).days == 77 + sanctie
        assert t.mijlpaal("einde_wachttijd").uiterlijk == t.einde_wachttijd


@settings(max_examples=200, deadline=None)
@given(invoeren(), st.integers(min_value=1, max_value=52))
def test_loonsanctie_verschuift_wia_aanvraag_nooit(invoer: VerzuimInvoer, weken: int) -> None:
    zonder = bereken_tijdlijn(invoer, invoer.eerste_ziektedag).mijlpaal("wia_aanvraag")
    met = replace(invoer, verlengingen=(*invoer.verlengingen, Verlenging("loonsanctie", weken)))
    assert bereken_tijdlijn(met, invoer.eerste_ziektedag).mijlpaal("wia_aanvraag") == zonder


@settings(max_examples=300, deadline=None)
@given(invoeren())
def test_ziekmelding_is_werkdag_na_dag_294(invoer: VerzuimInvoer) -> None:
    invoer = VerzuimInvoer(invoer.eerste_ziektedag, invoer.ziekteperioden, invoer.verlof)
    melding = bereken_tijdlijn(invoer, invoer.eerste_ziektedag).mijlpaal("ziekmelding_uwv")
    if melding.uiterlijk is None:
        assert melding.status == NVT
        return
    dag_294 = nde_ziektedag(invoer, 294)
    assert is_werkdag(melding.uiterlijk)
    assert melding.uiterlijk > dag_294
    # ... and it is the FIRST werkdag after it
    d = dag_294 + DAG
    while d < melding.uiterlijk:
        assert not is_werkdag(d)
        d += DAG


@settings(max_examples=200, deadline=None)
@given(datums, st.integers(0, 800), st.integers(1, 200), datums)
def test_verlof_vervroegt_nooit_een_termijn(
    x: date, begin: int, lengte: int, peildatum: date
) -> None:
    zonder = VerzuimInvoer(x)
    v = x + timedelta(days=begin)
    met = VerzuimInvoer(x, verlof=(Verlof("bevallingsverlof", v, v + timedelta(days=lengte)),))
    voor, na = _uiterlijk(zonder, peildatum), _uiterlijk(met, peildatum)
    assert voor.keys() == na.keys()
    assert all(na[k] >= voor[k] for k in voor)


@settings(max_examples=200, deadline=None)
@given(perioden(), st.data(), datums)
def test_extra_onderbrekingsdag_vervroegt_nooit_een_termijn(
    ps: tuple[Ziekteperiode, ...], data: st.DataObject, peildatum: date
) -> None:
    # Take one sick day out of the middle of a period (a 1-day gap never breaks samentelling).
    i = data.draw(st.integers(0, len(ps) - 1))
    p = ps[i]
    lengte = None if p.tot is None else (p.tot - p.van).days + 1
    if lengte is not None and lengte < 3:
        return
    k = data.draw(st.integers(1, 500 if lengte is None else lengte - 2))
    gat = p.van + timedelta(days=k)
    gesplitst = (Ziekteperiode(p.van, gat - DAG), Ziekteperiode(gat + DAG, p.tot))
    nieuw = (*ps[:i], *gesplitst, *ps[i + 1 :])
    voor = _uiterlijk(VerzuimInvoer(ps[0].van, ps), peildatum)
    na = _uiterlijk(VerzuimInvoer(ps[0].van, nieuw), peildatum)
    assert all(na[k] >= voor[k] for k in voor.keys() & na.keys())


@settings(max_examples=200, deadline=None)
@given(datums, st.lists(st.integers(0, 300), max_size=3), st.integers(0, 60))
def test_volgorde_van_de_mijlpalen(x: date, verlof_start: list[int], weken: int) -> None:
    invoer = VerzuimInvoer(
        x,
        verlof=tuple(
            Verlof("zwangerschapsverlof", x + timedelta(days=s), x + timedelta(days=s + 111))
            for s in verlof_start
        ),
        verlengingen=(Verlenging("loonsanctie", weken),),
    )
    t = bereken_tijdlijn(invoer, x)
    u = {m.id: m.uiterlijk for m in t.mijlpalen}
    v = {m.id: m.vanaf for m in t.mijlpalen}
    reeks = [
        u["probleemanalyse"],
        u["plan_van_aanpak"],
        u["ziekmelding_uwv"],
        v["eerstejaarsevaluatie"],
        u["eerstejaarsevaluatie"],
        u["spoor_2_start"],
        v["wia_aanvraag"],
        v["eindevaluatie"],
        u["wia_aanvraag"],
        u["einde_wachttijd"],
    ]
    assert all(d is not None for d in reeks)
    assert reeks == sorted(reeks)  # type: ignore[type-var]
    assert u["einde_wachttijd"] == t.einde_wachttijd


@settings(max_examples=200, deadline=None)
@given(invoeren(), st.booleans())
def test_ziek_uit_dienst_melding_is_laatste_werkdag(invoer: VerzuimInvoer, erd: bool) -> None:
    # The werkdag rules: the 42e-weeksmelding (tested above) and the melding on the last
    # werkdag of the contract, never a weekend day, feestdag or equated day (Atw art. 3).
    invoer = replace(invoer, eigenrisicodrager_zw=erd)
    t = bereken_tijdlijn(invoer, invoer.eerste_ziektedag)
    try:
        m = t.mijlpaal("ziekmelding_uit_dienst")
    except KeyError:
        return
    assert invoer.uit_dienst is not None and m.uiterlijk is not None
    if erd:
        return  # an eigenrisicodrager ZW reports within 6 weeks: no werkdag rule
    assert is_werkdag(m.uiterlijk)
    assert m.uiterlijk <= invoer.uit_dienst
    d = m.uiterlijk + DAG
    while d <= invoer.uit_dienst:
        assert not is_werkdag(d)
        d += DAG


@settings(max_examples=200, deadline=None)
@given(perioden(), st.data(), st.integers(1, 60), datums)
def test_langere_gezonde_periode_vervroegt_nooit_een_termijn(
    ps: tuple[Ziekteperiode, ...], data: st.DataObject, extra: int, peildatum: date
) -> None:
    # Lengthen one healthy gap between two periods by ``extra`` days (all later periods move).
    if len(ps) < 2:
        return
    i = data.draw(st.integers(1, len(ps) - 1))
    schuif = timedelta(days=extra)
    later = tuple(
        Ziekteperiode(p.van + schuif, None if p.tot is None else p.tot + schuif) for p in ps[i:]
    )
    nieuw = (*ps[:i], *later)
    voor = _uiterlijk(VerzuimInvoer(ps[0].van, ps), peildatum)
    na = _uiterlijk(VerzuimInvoer(ps[0].van, nieuw), peildatum)
    assert all(na[k] >= voor[k] for k in voor.keys() & na.keys())


@settings(max_examples=200, deadline=None)
@given(invoeren(), datums)
def test_verzoek_verlenging_twee_weken_voor_de_wia_aanvraag(
    invoer: VerzuimInvoer, peildatum: date
) -> None:
    t = bereken_tijdlijn(invoer, peildatum)
    wia, verzoek = t.mijlpaal("wia_aanvraag"), t.mijlpaal("verzoek_verlenging")
    if wia.uiterlijk is not None and verzoek.uiterlijk is not None:
        assert (wia.uiterlijk - verzoek.uiterlijk).days == 14
    assert verzoek.status in (OPEN, NVT)  # optional: never "verlopen"
