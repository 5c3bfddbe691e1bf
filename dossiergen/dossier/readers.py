"""Small, defensive readers for view data, shared by the derivation modules.

A view is validated data, but optional parts may be absent; these helpers answer "nothing"
instead of raising, so derivations stay short and never crash on a missing section.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def get(mapping: Any, *keys: str) -> Any:
    """The value at ``keys`` inside nested mappings, or ``None`` where the path stops."""
    for key in keys:
        if not isinstance(mapping, Mapping) or key not in mapping:
            return None
        mapping = mapping[key]
    return mapping


def as_tuple(value: Any) -> tuple[Any, ...]:
    """A list or tuple as a tuple; anything else as an empty tuple."""
    return tuple(value) if isinstance(value, tuple | list) else ()


def as_mapping(value: Any) -> Mapping[str, Any]:
    """A mapping, or an empty one."""
    return value if isinstance(value, Mapping) else {}


def as_date(value: Any) -> date | None:
    """An ISO date text (or a date) as a date; ``None`` when absent or not a date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def iso(day: date | None) -> str | None:
    """A date as ISO text, ``None`` staying ``None``."""
    return day.isoformat() if day else None
