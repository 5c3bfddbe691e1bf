"""Which version of the dossier format a file is in, and what to do with an older one.

``schema_version`` names the format version. A dossier of an older version is not judged by the
current schemas (its fields may mean something else there): it gets one ``fout`` that names the
command that upgrades it, ``dossiergen migreer``.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import replace

from dossiergen.config import FORMAT_VERSION
from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import problem_at
from dossiergen.problems import Problem, Severity

__all__ = ["FORMAT_VERSION", "older_version", "version_of"]


def version_of(data: object) -> int | None:
    """The format version a dossier says it is in; ``None`` when it names no whole number."""
    version = data.get("schema_version") if isinstance(data, Mapping) else None
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    return version


def older_version(dossier: LoadedDossier) -> Problem | None:
    """One ``fout`` at ``schema_version`` naming the command that upgrades ``dossier``, when it
    is in an older format version; ``None`` otherwise (the schemas judge any other value)."""
    version = version_of(dossier.data)
    if version is None or not 1 <= version < FORMAT_VERSION:
        return None
    message = (
        f"dit dossier is in versie {version} van het dossierformaat; dossiergen leest versie "
        f"{FORMAT_VERSION}. Zet het om met: dossiergen migreer {shlex.quote(dossier.display_path)}"
    )
    located = problem_at(
        dossier.display_path, dossier.data, Severity.FOUT, ["schema_version"], message
    )
    return replace(located, rule="schema.versie")
