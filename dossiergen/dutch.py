"""Dates and amounts written the Dutch way, for messages and documents alike."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date(day: date) -> str:
    """``5 januari 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def euro(amount: float) -> str:
    """``€ 12.500`` — whole euros with the Dutch thousands separator."""
    return "€ " + f"{amount:,.0f}".replace(",", ".")
