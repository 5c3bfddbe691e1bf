"""Figures derived from a dossier view for the templates (never from the unfiltered data).

Templates only lay out; anything computed (sums, look-ups, the weging) is computed here, once,
in plain Python that tests can call.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


def _list(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, tuple | list) else ()


def _get(mapping: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(mapping, Mapping) or key not in mapping:
            return None
        mapping = mapping[key]
    return mapping


def current_profile(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The most recent belastbaarheidsprofiel (by date), or ``None``."""
    profiles = [
        p for p in _list(_get(view, "bedrijfsarts", "belastbaarheid")) if isinstance(p, Mapping)
    ]
    if not profiles:
        return None
    return max(profiles, key=lambda p: str(p.get("datum", "")))


def beperkingen_by_id(view: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Every beperking of every profile by its id; the most recent profile wins."""
    found: dict[str, Mapping[str, Any]] = {}
    profiles = sorted(
        (p for p in _list(_get(view, "bedrijfsarts", "belastbaarheid")) if isinstance(p, Mapping)),
        key=lambda p: str(p.get("datum", "")),
    )
    for profile in profiles:
        for beperking in _list(profile.get("beperkingen")):
            if isinstance(beperking, Mapping) and "id" in beperking:
                found[str(beperking["id"])] = beperking
    return found


def derive_rapport(view: Mapping[str, Any], peildatum: date) -> Mapping[str, Any]:
    """What the rapport template needs beyond the view itself."""
    return {
        "profiel": current_profile(view),
        "beperkingen": beperkingen_by_id(view),
    }
