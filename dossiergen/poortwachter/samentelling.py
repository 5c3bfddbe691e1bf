"""Input of the Poortwachter timeline and the counting of sick days (samentelling, WAZO).

Pure: no clock, no I/O. ``timeline`` builds the milestones on top of :class:`Zaak`.

Definitions (DESIGN.md §5):

* A *ziekteperiode* runs from ``van`` to ``tot`` inclusive; ``tot=None`` means still sick.
* *Verlof* (zwangerschaps-/bevallingsverlof, WAZO) days are no sick days: they do not count
  toward the wachttijd, so later steps shift by their length. Sickness up to the day before
  the leave and from the day after it is one wachttijd when it has the same cause (art. 23
  lid 3 onder 2° WIA); with a healthy day on either side, or another cause, the leave is part
  of the onderbreking (the law joins only periods that "direct voorafgaan aan en aansluiten
  op" the leave; DESIGN.md §5 applied the 4-week rule to the healthy days alone).
* *Onderbreking* between two periods = the days strictly between them
  (``next.van - prev.tot - 1``), leave days included unless the leave joins them.
* *Samentelling* (art. 7:629 lid 10 BW, art. 23 WIA): periods with an onderbreking of less
  than 4 weeks (< 28 days) form one wachttijd. An onderbreking of 28 days or more starts a new
  case; the timeline is always that of the latest (current) case.
* Its deadlines count *telbare ziektedagen*: sick days of the current case that are not leave
  days. The n-th telbare ziektedag of a case without gaps or leave is ``X + (n - 1)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from dossiergen.poortwachter import wet

__all__ = [
    "MAX_ONDERBREKING",
    "Verlenging",
    "Verlof",
    "VerzuimInvoer",
    "Zaak",
    "Ziekteperiode",
    "huidige_zaak",
    "invoer_opmerkingen",
    "riv_soort",
]

# An onderbreking of fewer than 4 weeks keeps the wachttijd running (samentelling).
MAX_ONDERBREKING = wet.dagen(wet.SAMENTELLING_WEKEN) - 1

_DAG = timedelta(days=1)

# A closed interval of days; ``None`` as end means open-ended (still sick).
Interval = tuple[date, date | None]


@dataclass(frozen=True)
class Ziekteperiode:
    """One uninterrupted period of illness, ``van`` to ``tot`` inclusive (``None``: ongoing)."""

    van: date
    tot: date | None = None

    def __post_init__(self) -> None:
        if self.tot is not None and self.tot < self.van:
            raise ValueError(f"ziekteperiode eindigt ({self.tot}) vóór het begin ({self.van})")


@dataclass(frozen=True)
class Verlof:
    """WAZO leave (``zwangerschapsverlof`` / ``bevallingsverlof``), ``van`` to ``tot`` inclusive."""

    soort: str
    van: date
    tot: date
    #: art. 23 lid 3 onder 2° WIA: sickness directly before and after the leave counts as one
    #: wachttijd "tenzij" it cannot be taken to come from the same cause. ``None``: not
    #: recorded; the timeline then assumes the same cause (the earlier, safer dates) and says so.
    zelfde_oorzaak: bool | None = None

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise ValueError(f"verlof eindigt ({self.tot}) vóór het begin ({self.van})")


@dataclass(frozen=True)
class Verlenging:
    """Extension of the wachttijd: ``grond`` is ``vrijwillig`` (art. 24 WIA) or ``loonsanctie``
    (art. 25 lid 9 WIA); ``weken`` whole weeks."""

    grond: str
    weken: int

    def __post_init__(self) -> None:
        if self.weken < 0:
            raise ValueError(f"verlenging met een negatief aantal weken ({self.weken})")


def _bevroren(m: Mapping[str, date]) -> Mapping[str, date]:
    return MappingProxyType(dict(m))


@dataclass(frozen=True)
class VerzuimInvoer:
    """Everything the timeline needs about one dossier's illness."""

    eerste_ziektedag: date
    # Empty: sick without a break since ``eerste_ziektedag``.
    ziekteperioden: tuple[Ziekteperiode, ...] = ()
    verlof: tuple[Verlof, ...] = ()
    verlengingen: tuple[Verlenging, ...] = ()
    # Milestone id -> date it was done (probleemanalyse, plan_van_aanpak, ziekmelding_uwv, ...).
    gedaan: Mapping[str, date] = field(default_factory=lambda: MappingProxyType({}))
    # Dates of evaluations / bijstellingen of the plan (every-6-weeks rule).
    evaluaties: tuple[date, ...] = ()
    geboortedatum: date | None = None  # for the AOW exception to spoor 2
    uit_dienst: date | None = None  # last day of employment (ziek uit dienst)
    spoor_2_uitzondering: str | None = None  # e.g. concreet perspectief eigen werkgever
    eigenrisicodrager_zw: bool = False  # the employer carries the Ziektewet risk itself
    #: Why the employee falls under the Ziektewet vangnet (early melding), e.g. ``no_risk_polis``.
    vangnet: str | None = None
    vervroegde_iva: bool = False  # a vervroegde IVA-aanvraag is on the table (art. 23 lid 6 WIA)

    def __post_init__(self) -> None:
        # A caller's dict must not change a frozen input behind our back.
        object.__setattr__(self, "gedaan", _bevroren(self.gedaan))

    def __hash__(self) -> int:
        # Hashable, so one dossier's timeline is computed once per date and shared.
        return hash(
            (
                self.eerste_ziektedag,
                self.ziekteperioden,
                self.verlof,
                self.verlengingen,
                tuple(sorted(self.gedaan.items())),
                self.evaluaties,
                self.geboortedatum,
                self.uit_dienst,
                self.spoor_2_uitzondering,
                self.eigenrisicodrager_zw,
                self.vangnet,
                self.vervroegde_iva,
            )
        )


def _samenvoegen(intervallen: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or touching intervals."""
    uit: list[Interval] = []
    for van, tot in sorted(intervallen, key=lambda i: i[0]):
        if uit:
            vorige_van, vorige_tot = uit[-1]
            if vorige_tot is None or van <= vorige_tot + _DAG:
                eind = None if vorige_tot is None or tot is None else max(vorige_tot, tot)
                uit[-1] = (vorige_van, eind)
                continue
        uit.append((van, tot))
    return uit


def _aftrekken(perioden: list[Interval], verlof: list[tuple[date, date]]) -> list[Interval]:
    """The days of ``perioden`` that are not in ``verlof`` (both sorted, merged)."""
    uit: list[Interval] = []
    for van, tot in perioden:
        begin: date | None = van
        for l_van, l_tot in verlof:
            if begin is None:
                break
            if begin > l_tot or (tot is not None and l_van > tot):
                continue  # leave before the rest of the period, or after it
            if l_van > begin:
                uit.append((begin, l_van - _DAG))
            begin = None if (tot is not None and l_tot >= tot) else l_tot + _DAG
        if begin is not None:
            uit.append((begin, tot))
    return uit


def _over_verlof(
    verlof: list[tuple[date, date]], anders: list[tuple[date, date]], tot: date, van: date
) -> bool:
    """Art. 23 lid 3 onder 2° WIA: sickness up to the day before the leave and from the day
    after it, of the same cause, is one wachttijd. A healthy day on either side, or another
    cause, makes the leave part of the onderbreking (then at least 16 weeks)."""
    return any(
        l_van == tot + _DAG and l_tot == van - _DAG and (l_van, l_tot) not in anders
        for l_van, l_tot in verlof
    )


def _verlofdagen(verlof: list[tuple[date, date]], van: date, tot: date) -> int:
    """Number of leave days within ``van`` .. ``tot`` inclusive."""
    totaal = 0
    for l_van, l_tot in verlof:
        begin, eind = max(van, l_van), min(tot, l_tot)
        if begin <= eind:
            totaal += (eind - begin).days + 1
    return totaal


@dataclass(frozen=True)
class Zaak:
    """The current case: its periods and the telbare ziektedagen derived from them."""

    x: date  # first day of the case's first period
    perioden: tuple[Interval, ...]  # merged sick periods of this case
    telbaar: tuple[Interval, ...]  # those periods minus leave days
    eerdere_perioden: tuple[Interval, ...]  # periods of earlier, separate cases
    verlofdagen: int  # leave days that fall inside this case's sick periods

    @property
    def laatste_ziektedag(self) -> date | None:
        """Last sick day of the case; ``None`` while the employee is still sick."""
        return self.perioden[-1][1]

    def nde(self, n: int) -> date | None:
        """The n-th telbare ziektedag (1-based); ``None`` when the case ended before it."""
        if n < 1:
            raise ValueError(f"ziektedag {n}: het nummer begint bij 1")
        for van, tot in self.telbaar:
            lengte = None if tot is None else (tot - van).days + 1
            if lengte is None or n <= lengte:
                return van + timedelta(days=n - 1)
            n -= lengte
        return None

    def dagen_tot_en_met(self, d: date) -> int:
        """Number of telbare ziektedagen on or before ``d``."""
        totaal = 0
        for van, tot in self.telbaar:
            if van > d:
                break
            eind = d if tot is None or tot > d else tot
            totaal += (eind - van).days + 1
        return totaal

    def is_telbaar(self, d: date) -> bool:
        """True when ``d`` is a telbare ziektedag of this case."""
        return any(van <= d and (tot is None or d <= tot) for van, tot in self.telbaar)


def huidige_zaak(invoer: VerzuimInvoer) -> Zaak:
    """Split the input into cases (samentelling) and return the latest one."""
    bron: Iterable[Interval] = (
        ((p.van, p.tot) for p in invoer.ziekteperioden)
        if invoer.ziekteperioden
        else [(invoer.eerste_ziektedag, None)]
    )
    perioden = _samenvoegen(bron)
    verlof = [
        (v, t) for v, t in _samenvoegen((v.van, v.tot) for v in invoer.verlof) if t is not None
    ]
    anders = [(v.van, v.tot) for v in invoer.verlof if v.zelfde_oorzaak is False]
    begin = 0  # index of the first period of the current case
    for i in range(1, len(perioden)):
        vorige_tot = perioden[i - 1][1]
        assert vorige_tot is not None  # merging makes only the last period open-ended
        van = perioden[i][0]
        tussen = (van - vorige_tot).days - 1
        if tussen > 0 and _over_verlof(verlof, anders, vorige_tot, van):
            tussen = 0  # art. 23 lid 3 onder 2° WIA: joined across the leave
        if tussen > MAX_ONDERBREKING:
            begin = i  # onderbreking of 4 weeks or more: a new wachttijd starts here
    eigen = perioden[begin:]
    laatste_verlof = max((t for _, t in verlof), default=eigen[0][0])
    verlofdagen = sum(
        _verlofdagen(verlof, v, t if t is not None else max(v, laatste_verlof)) for v, t in eigen
    )
    return Zaak(
        x=eigen[0][0],
        perioden=tuple(eigen),
        telbaar=tuple(_aftrekken(eigen, verlof)),
        eerdere_perioden=tuple(perioden[:begin]),
        verlofdagen=verlofdagen,
    )


def _d(d: date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def riv_soort(invoer: VerzuimInvoer) -> str | None:
    """Which re-integratieverslag a ziek-uit-dienst case needs (DESIGN.md §5): ``verkort``
    when the illness lasted 6 to 10 weeks (42-69 telbare ziektedagen, samentelling included) on
    the last day of employment, ``volledig`` from 10 weeks on; ``None`` when shorter, when the
    employee was not sick that day, or without ``uit_dienst``."""
    if invoer.uit_dienst is None:
        return None
    zaak = huidige_zaak(invoer)
    if not zaak.is_telbaar(invoer.uit_dienst):
        return None
    dagen = zaak.dagen_tot_en_met(invoer.uit_dienst)
    if dagen < wet.dagen(wet.RIV_VERKORT_VANAF_WEKEN):
        return None
    # UWV: verkort "binnen 6 tot 10 weken", volledig "na 10 weken of langer".
    return "verkort" if dagen < wet.dagen(wet.RIV_VOLLEDIG_VANAF_WEKEN) else "volledig"


def invoer_opmerkingen(invoer: VerzuimInvoer, zaak: Zaak) -> list[str]:
    """Notes on how the input was read: samentelling, leave, recovery, verlengingen, uit dienst."""
    w: list[str] = []
    if invoer.ziekteperioden and invoer.eerste_ziektedag not in {
        zaak.x,
        *(v for v, _ in zaak.eerdere_perioden),
    }:
        w.append(
            f"eerste_ziektedag {_d(invoer.eerste_ziektedag)} is niet het begin van een "
            f"ziekteperiode; de tijdlijn rekent vanaf {_d(zaak.x)}."
        )
    if zaak.x.weekday() >= 5:
        # art. 23 lid 2 WIA: the wachttijd starts on "de eerste werkdag ... waarop door de
        # verzekerde wegens ziekte niet is gewerkt": the employee's own working day. The
        # timeline keeps the date as entered (earlier, so safer) and says so.
        w.append(
            f"De eerste ziektedag {_d(zaak.x)} valt in het weekend. De wachttijd begint op de "
            "eerste werkdag waarop de werknemer wegens ziekte niet werkte (art. 23 lid 2 WIA); "
            "werkt de werknemer niet in het weekend, vul dan die werkdag in. De tijdlijn "
            "rekent met de ingevulde, vroegere datum."
        )
    if zaak.eerdere_perioden:
        laatste = zaak.eerdere_perioden[-1][1]
        assert laatste is not None  # only the last period of all can be open-ended
        w.append(
            f"Eerdere ziekte tot en met {_d(laatste)} ligt {wet.SAMENTELLING_WEKEN} weken of "
            "meer vóór de huidige ziekteperiode en telt niet mee: de wachttijd begint opnieuw "
            f"op {_d(zaak.x)}."
        )
    if len(zaak.perioden) > 1:
        w.append(
            f"Samentelling: {len(zaak.perioden)} ziekteperioden met onderbrekingen van minder "
            f"dan {wet.SAMENTELLING_WEKEN} weken tellen als één wachttijd; termijnen tellen "
            "ziektedagen (art. 7:629 lid 10 BW)."
        )
    if zaak.verlofdagen:
        w.append(
            f"{zaak.verlofdagen} dag(en) zwangerschaps-/bevallingsverlof (WAZO) tellen niet mee "
            "voor de wachttijd; latere termijnen schuiven daardoor op."
        )
    einde = zaak.laatste_ziektedag
    if einde is not None:
        w.append(
            f"Hersteld na {_d(einde)}: stappen die pas later zouden vervallen zijn n.v.t. "
            f"Wordt de werknemer uiterlijk {_d(einde + timedelta(days=MAX_ONDERBREKING + 1))} "
            "weer ziek, dan loopt deze wachttijd door (samentelling)."
        )
    w.extend(_verlenging_opmerkingen(invoer))
    uit = invoer.uit_dienst
    if uit is not None and zaak.is_telbaar(uit):
        soort = riv_soort(invoer)
        w.append(
            f"Ziek uit dienst op {_d(uit)}: meld de werknemer uiterlijk die dag ziek bij UWV "
            "(Ziektewet); "
            + (
                f"een {soort} re-integratieverslag is nodig."
                if soort
                else "geen re-integratieverslag nodig (korter dan "
                f"{wet.RIV_VERKORT_VANAF_WEKEN} weken ziek)."
            )
        )
    return w


def _verlenging_opmerkingen(invoer: VerzuimInvoer) -> list[str]:
    """Notes on the verlengingen: unknown grounds, below the minimum, sancties over the maximum."""
    w: list[str] = []
    for v in invoer.verlengingen:
        if v.grond not in ("vrijwillig", "loonsanctie"):
            w.append(f"Onbekende grond van verlenging {v.grond!r} (vrijwillig of loonsanctie).")
        if v.grond == "vrijwillig" and v.weken < wet.VERLENGING_MIN_WEKEN:
            w.append(
                f"Vrijwillige verlenging van {v.weken} weken: minimaal "
                f"{wet.VERLENGING_MIN_WEKEN} (art. 24 WIA)."
            )
    loonsanctie = sum(v.weken for v in invoer.verlengingen if v.grond == "loonsanctie")
    if loonsanctie > wet.LOONSANCTIE_MAX_WEKEN:
        w.append(
            f"Loonsanctie van samen {loonsanctie} weken: maximaal {wet.LOONSANCTIE_MAX_WEKEN} "
            "(art. 25 lid 9 WIA)."
        )
    weken = sum(v.weken for v in invoer.verlengingen)
    if weken:
        w.append(f"Wachttijd verlengd met {weken} weken; de WIA-aanvraag schuift mee.")
    return w
