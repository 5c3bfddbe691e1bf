"""Upgrade dossiers to the current version of the dossier format (``dossiergen migreer``).

A dossier is edited with the round-trip writer, so its comments, key order, quoting and blank
lines stay as the consultant wrote them; only what changed in meaning changes (``versie2``
lists it). ``bestand`` takes one file from version 1 to version 2 in memory and checks the result
against both schema versions.
"""

from __future__ import annotations

from dossiergen.migratie.bestand import BestandsMigratie, Schemas, Uitkomst, migreer_bestand

__all__ = ["BestandsMigratie", "Schemas", "Uitkomst", "migreer_bestand"]
