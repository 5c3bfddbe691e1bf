"""Leidraad 6.2 on the dossier: which functions of the employer's functiegebouw on or below the
employee's level were neither assessed for passendheid nor excluded with a reason.

"Minstens alle functies binnen de eigen organisatie op én onder het functieniveau van de
arbeidsongeschikte werknemer moeten beoordeeld worden op passendheid" (Leidraad 6.2; Werkwijzer
Poortwachter 2017 blz. 10). A function counts as assessed when ``ander_passend_werk`` describes
it (a function or the jobcarving function of that name) or when it is the employee's own
function (chapters 4 and 5 assess that one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dossiergen.dossier.readers import as_mapping as _map
from dossiergen.dossier.readers import as_tuple as _seq

__all__ = ["FunctieDekking", "functie_dekking"]

#: Levels the Leidraad requires to be assessed.
TE_BEOORDELEN = frozenset({"op_niveau", "onder_niveau"})


@dataclass(frozen=True)
class FunctieDekking:
    """The functiegebouw against the assessed functions (Leidraad 6.2)."""

    te_beoordelen: int  # functions on or below level
    beoordeeld: tuple[str, ...]  # of those: assessed in ander passend werk or the own function
    uitgesloten: tuple[tuple[str, str], ...]  # (name, reason) excluded with a reason
    ontbrekend: tuple[tuple[int, str], ...]  # (index in functiegebouw, name): neither
    zonder_niveau: int  # functions whose level against the own function is not recorded

    @property
    def compleet(self) -> bool:
        """Every function on or below level is assessed or excluded with a reason."""
        return not self.ontbrekend


def _sleutel(naam: object) -> str:
    return " ".join(str(naam).lower().split())


def functie_dekking(data: Mapping[str, Any]) -> FunctieDekking | None:
    """How the functiegebouw is covered; ``None`` when the dossier has no functiegebouw."""
    bedrijf = _map(_map(data.get("werkgever_informatie")).get("bedrijfsinformatie"))
    gebouw = _seq(bedrijf.get("functiegebouw"))
    if not gebouw:
        return None
    apw = _map(data.get("ander_passend_werk"))
    namen = {_sleutel(_map(f).get("naam")) for f in _seq(apw.get("functies"))}
    namen.add(_sleutel(_map(_map(apw.get("jobcarving")).get("functie")).get("naam")))
    namen.add(_sleutel(_map(data.get("eigen_werk")).get("functie")))
    namen.add(_sleutel(_map(data.get("werknemer")).get("functie")))
    beoordeeld, uitgesloten, ontbrekend, zonder = [], [], [], 0
    te_beoordelen = 0
    for index, functie in enumerate(gebouw):
        f = _map(functie)
        niveau = f.get("ten_opzichte_van_functie")
        if niveau is None:
            zonder += 1
        if niveau not in TE_BEOORDELEN:
            continue
        te_beoordelen += 1
        naam = str(f.get("naam", ""))
        if _sleutel(naam) in namen:
            beoordeeld.append(naam)
        elif f.get("niet_beoordeeld"):
            uitgesloten.append((naam, str(f["niet_beoordeeld"])))
        else:
            ontbrekend.append((index, naam))
    return FunctieDekking(
        te_beoordelen, tuple(beoordeeld), tuple(uitgesloten), tuple(ontbrekend), zonder
    )
