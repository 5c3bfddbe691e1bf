"""The timeline against hand-computed cases (``tests/tijdlijn/gevallen.yaml``).

The cases were worked out by hand from the law, independently of this code; each expected
value carries the rule and its source in ``regel``. The timeline is built from the same dossier
input a consultant writes, through ``verzuim_invoer``, so the case reads like a dossier.
Where a case and the law disagreed, the law decided; see the notes in the YAML (``besluit``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from dossiergen.dossier.timeline_input import verzuim_invoer
from dossiergen.poortwachter.tijdlijn import bereken_tijdlijn

GEVALLEN: list[dict[str, Any]] = YAML(typ="safe", pure=True).load(
    (Path(__file__).parent / "tijdlijn" / "gevallen.yaml").read_text("utf-8")
)
#: The peildatum plays no part in dates; a day before every case keeps statuses "open".
PEILDATUM = date(2020, 1, 1)


def _dossier(geval: dict[str, Any]) -> dict[str, Any]:
    """The case as dossier data: ``invoer`` is the ``verzuim`` section."""
    invoer = dict(geval["invoer"])
    verzuim: dict[str, Any] = {
        "eerste_ziektedag": invoer.pop("eerste_ziektedag").isoformat(),
    }
    for key, value in invoer.items():
        verzuim[key] = value
    werknemer = dict(geval.get("werknemer") or {})
    return {"verzuim": _iso(verzuim), "werknemer": _iso(werknemer)}


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


def test_the_table_is_large_enough() -> None:
    assert len(GEVALLEN) >= 40
    assert len({g["naam"] for g in GEVALLEN}) == len(GEVALLEN)


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_hand_computed_case(geval: dict[str, Any]) -> None:
    tijdlijn = bereken_tijdlijn(verzuim_invoer(_dossier(geval)), PEILDATUM)
    wrong = []
    for id_, verwacht in geval["verwacht"].items():
        try:
            m = tijdlijn.mijlpaal(id_)
        except KeyError:
            wrong.append(f"{id_}: ontbreekt")
            continue
        checks = {
            "uiterlijk": m.uiterlijk,
            "datum": m.uiterlijk,
            "vanaf": m.vanaf,
            "status": str(m.status),
        }
        for key, expected in verwacht.items():
            if key in checks and checks[key] != expected:
                wrong.append(
                    f"{id_}.{key}: {checks[key]} (verwacht {expected}; {verwacht['regel']})"
                )
            if "status" not in verwacht and m.status == "n.v.t." and key != "regel":
                wrong.append(f"{id_}: n.v.t. (verwacht een datum; {m.regel})")
                break
    assert not wrong, "\n".join(wrong)
