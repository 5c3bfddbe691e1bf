"""Loonwaarde and what it means for the wage: two figures that must not be mixed up.

*Loonwaarde* is what the employee produces per hour worked, as a percentage of what a healthy
colleague produces in that hour (Leidraad 5.2 and 6.6; UWV's loonwaardebepaling). The *share of
the original wage* the work earns back also depends on the hours: loonwaarde × hours worked /
contract hours. 95 % loonwaarde over 30 of 38 hours is 75 % of the original wage, not 95 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dossiergen.dossier.readers import as_mapping


@dataclass(frozen=True)
class Loonwaarde:
    """Loonwaarde (per hour worked), hours, contract hours and the share of the wage."""

    loonwaarde: float
    uren: float | None = None
    contracturen: float | None = None

    @property
    def loonaandeel(self) -> float | None:
        """Loonwaarde × uren / contracturen, in percent (one decimal); None without hours."""
        if self.uren is None or not self.contracturen:
            return None
        return round(self.loonwaarde * self.uren / self.contracturen, 1)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def contracturen(view: Mapping[str, Any]) -> float | None:
    """The contract hours per week: from the contract, else from the eigen werk."""
    contract = as_mapping(as_mapping(view.get("werknemer")).get("contract"))
    return _number(contract.get("uren_per_week")) or _number(
        as_mapping(view.get("eigen_werk")).get("uren_per_week")
    )


def loonwaarde_van(
    work: Mapping[str, Any], view: Mapping[str, Any], uren: Any = None
) -> Loonwaarde | None:
    """The loonwaarde of a piece of work (``loonwaarde``, ``uren_per_week``), with the
    employee's contract hours; ``uren`` when the hours come from elsewhere."""
    value = _number(work.get("loonwaarde"))
    if value is None:
        return None
    hours = _number(uren) if uren is not None else _number(work.get("uren_per_week"))
    return Loonwaarde(value, hours, contracturen(view))
