"""Werkdagen under the Algemene termijnenwet art. 3. Expected dates are written by hand."""

from __future__ import annotations

from datetime import date

import pytest

from dossiergen.errors import DomainError
from dossiergen.poortwachter.werkdagen import (
    eerste_werkdag_na,
    eerste_werkdag_vanaf,
    feestdagen,
    gelijkgestelde_dagen,
    is_werkdag,
    na_bekende_besluiten,
    volgende_werkdag,
)


def test_feestdagen_2026_exact() -> None:
    # Pasen 5 april 2026, Hemelvaart 14 mei, Pinksteren 24 mei; Koningsdag maandag 27 april;
    # 5 mei in a non-lustrum year is still an ATW feestdag. Goede Vrijdag (3 april) is equated
    # by art. 3 lid 2; 2 januari and 15 mei by the Besluit gelijkstelling (art. 3 lid 3).
    assert feestdagen(2026) == {
        date(2026, 1, 1),  # Nieuwjaarsdag
        date(2026, 1, 2),  # Besluit gelijkstelling
        date(2026, 4, 3),  # Goede Vrijdag
        date(2026, 5, 15),  # Besluit gelijkstelling
        date(2026, 4, 6),  # tweede Paasdag
        date(2026, 4, 27),  # Koningsdag
        date(2026, 5, 5),  # 5 mei (ATW: every year)
        date(2026, 5, 14),  # Hemelvaartsdag
        date(2026, 5, 25),  # tweede Pinksterdag
        date(2026, 12, 25),  # eerste Kerstdag
        date(2026, 12, 26),  # tweede Kerstdag
    }


def test_feestdagen_2025_koningsdag_op_zaterdag() -> None:
    # 27 april 2025 is a Sunday, so Koningsdag is celebrated on Saturday 26 april.
    assert feestdagen(2025) == {
        date(2025, 1, 1),
        date(2025, 4, 18),  # Goede Vrijdag
        date(2025, 5, 30),  # Besluit gelijkstelling
        date(2025, 4, 21),  # tweede Paasdag (Pasen 20 april)
        date(2025, 4, 26),  # Koningsdag, moved to Saturday
        date(2025, 5, 5),
        date(2025, 5, 29),  # Hemelvaartsdag
        date(2025, 6, 9),  # tweede Pinksterdag
        date(2025, 12, 25),
        date(2025, 12, 26),
    }


@pytest.mark.parametrize(
    ("dag", "verwacht"),
    [
        (date(2026, 1, 1), False),  # Nieuwjaarsdag (Thursday)
        (date(2026, 1, 2), False),  # Friday after Nieuwjaarsdag: Besluit gelijkstelling
        (date(2027, 1, 1), False),  # Nieuwjaarsdag 2027
        (date(2026, 12, 28), True),  # Monday after Kerst 2026: no substitute day
        (date(2026, 1, 3), False),  # Saturday
        (date(2026, 1, 4), False),  # Sunday
        (date(2026, 4, 3), False),  # Goede Vrijdag: equated (ATW art. 3 lid 2)
        (date(2025, 4, 18), False),  # Goede Vrijdag 2025
        (date(2026, 4, 6), False),  # tweede Paasdag
        (date(2026, 4, 27), False),  # Koningsdag on a Monday
        (date(2025, 4, 28), True),  # Monday after Koningsdag-on-Saturday: no shift to Monday
        (date(2026, 5, 5), False),  # 5 mei 2026, Tuesday, non-lustrum year
        (date(2027, 5, 5), False),  # 5 mei 2027, Wednesday
        (date(2026, 5, 14), False),  # Hemelvaartsdag
        (date(2026, 5, 15), False),  # Friday after Hemelvaart 2026: Besluit gelijkstelling
        (date(2029, 5, 11), True),  # Friday after Hemelvaart 2029: no Besluit known
        (date(2026, 5, 25), False),  # tweede Pinksterdag
        (date(2026, 12, 24), True),  # Kerstavond is a werkdag
        (date(2026, 12, 25), False),  # eerste Kerstdag (Friday)
        (date(2025, 12, 26), False),  # tweede Kerstdag 2025 (Friday)
        (date(2013, 4, 30), False),  # Koninginnedag (Tuesday), before 2014
        (date(2014, 4, 30), True),  # no longer a feestdag from 2014 on
    ],
)
def test_is_werkdag(dag: date, verwacht: bool) -> None:
    assert is_werkdag(dag) is verwacht


@pytest.mark.parametrize(
    ("dag", "na"),
    [
        (date(2025, 12, 24), date(2025, 12, 29)),  # Thu 25, Fri 26 Kerst; weekend -> Monday
        (date(2026, 4, 2), date(2026, 4, 7)),  # Goede Vrijdag, weekend, tweede Paasdag
        (date(2026, 4, 3), date(2026, 4, 7)),  # weekend, Monday 6 = tweede Paasdag -> Tuesday
        (date(2026, 5, 4), date(2026, 5, 6)),  # Tuesday 5 mei -> Wednesday
        (date(2026, 5, 13), date(2026, 5, 18)),  # Hemelvaart, equated Friday -> Monday
        (date(2026, 5, 22), date(2026, 5, 26)),  # weekend + tweede Pinksterdag -> Tuesday
        (date(2025, 4, 25), date(2025, 4, 28)),  # Koningsdag on Saturday -> Monday
        (date(2026, 4, 24), date(2026, 4, 28)),  # weekend + Koningsdag Monday -> Tuesday
        (date(2025, 12, 31), date(2026, 1, 5)),  # Nieuwjaarsdag, equated 2 januari -> Monday
        (date(2026, 3, 2), date(2026, 3, 3)),  # ordinary Monday -> Tuesday
    ],
)
def test_eerste_werkdag_na(dag: date, na: date) -> None:
    assert eerste_werkdag_na(dag) == na
    assert volgende_werkdag(dag) == na


@pytest.mark.parametrize(
    ("dag", "vanaf"),
    [
        (date(2025, 12, 24), date(2025, 12, 24)),  # a werkdag itself
        (date(2025, 12, 25), date(2025, 12, 29)),
        (date(2026, 4, 4), date(2026, 4, 7)),  # Saturday before Pasen
        (date(2026, 5, 5), date(2026, 5, 6)),
    ],
)
def test_eerste_werkdag_vanaf(dag: date, vanaf: date) -> None:
    assert eerste_werkdag_vanaf(dag) == vanaf


def test_jaar_buiten_de_kalender_is_een_domeinfout() -> None:
    with pytest.raises(DomainError, match="1966"):
        feestdagen(1965)
    with pytest.raises(DomainError, match="9999"):
        feestdagen(9999)


def test_gelijkgestelde_dagen_met_hun_besluit() -> None:
    dagen = gelijkgestelde_dagen()
    assert len(dagen) == 10
    assert "2 januari 2026" in dagen[date(2026, 1, 2)]
    assert not na_bekende_besluiten(date(2028, 12, 31))
    assert na_bekende_besluiten(date(2029, 1, 1))
