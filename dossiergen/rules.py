"""Domain rules that JSON Schema cannot say (DESIGN.md §7)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dossiergen.loading import LoadedDossier
from dossiergen.problems import Problem


def apply_rules(
    dossier: LoadedDossier, peildatum: date, *, schema_problems: Sequence[Problem] = ()
) -> list[Problem]:
    """Problems found by the domain rules."""
    return []
