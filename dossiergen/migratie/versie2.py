"""Version 1 to version 2 of the dossier format, as edits of the file itself.

What changed in meaning, and what the migration does about it:

* ``schema_version`` is 2, and the editor's modeline points at ``schemas/v2/``.
* every ``loonwaarde`` is a productivity per hour worked instead of a share of the original wage:
  converted with the dossier's hours where it gives them, else left with a marked comment
  (``loonwaarde``);
* ``verzuim.plan_van_aanpak`` (einddoel, afspraken) is the plan as originally agreed; changes
  belong in ``verzuim.bijstellingen`` (new: einddoel, einddoel_toelichting, afspraken, akkoord).
  Whether a version-1 dossier edited its plan in place cannot be known: the migration changes
  nothing there and says what to check when the plan has bijstellingen.

Everything else version 2 adds is optional, and its relaxed maxima (``weken`` up to 520) accept
every version-1 value, so nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossiergen.dossier.readers import as_date, as_mapping
from dossiergen.dossier.roundtrip import YamlDocument, YamlPath
from dossiergen.dutch import long_date
from dossiergen.migratie.loonwaarde import omrekeningen

__all__ = ["VERSION", "Melding", "Omzetting", "naar_versie_2"]

VERSION = 2

#: The yaml-language-server modeline of a version-1 dossier: ``…/v1/dossier.schema.json``.
_MODELINE = re.compile(r"(#\s*yaml-language-server:\s*\$schema=\S*?)\bv1(/dossier\.schema\.json)")


@dataclass(frozen=True)
class Melding:
    """One line of the migration's report: where, what kind (``omgerekend``, ``ongewijzigd``,
    ``nakijken``, ``let op``) and the text."""

    path: YamlPath
    soort: str
    tekst: str


@dataclass(frozen=True)
class Omzetting:
    """What the migration of one dossier did: the report's lines, and the values the migrated
    file must hold (the old ones with only the version and the converted loonwaarden changed,
    to check the written text against)."""

    meldingen: list[Melding]
    verwacht: dict[str, Any]


def naar_versie_2(document: YamlDocument, data: Mapping[str, Any], peildatum: date) -> Omzetting:
    """Edit ``document`` (a valid version-1 dossier, ``data`` its values) into version 2.

    ``peildatum`` is the day whose werkhervatting counts for ``werkgever_informatie`` when the
    dossier has no ``zaak.rapportdatum`` (as in the rapport).
    """
    document.set(("schema_version",), VERSION)
    document.edit_comments(lambda text: _MODELINE.sub(rf"\g<1>v{VERSION}\g<2>", text))
    expected: dict[str, Any] = _plain(data)
    expected["schema_version"] = VERSION
    meldingen = []
    for omrekening in omrekeningen(data, peildatum):
        if omrekening.gewijzigd:
            document.set(omrekening.path, omrekening.nieuw)
            _put(expected, omrekening.path, omrekening.nieuw)
        if omrekening.commentaar:
            document.comment(omrekening.path, omrekening.commentaar)
        soort, tekst = omrekening.melding
        meldingen.append(Melding(omrekening.path, soort, tekst))
    meldingen.extend(_plan_van_aanpak(data))
    return Omzetting(meldingen, expected)


def _put(data: Any, path: YamlPath, value: Any) -> None:
    *parents, last = path
    for part in parents:
        data = data[part]
    data[last] = value


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _plan_van_aanpak(data: Mapping[str, Any]) -> Iterator[Melding]:
    """A note when the plan has bijstellingen: was the plan itself edited in place?"""
    verzuim = as_mapping(data.get("verzuim"))
    rows = verzuim.get("bijstellingen")
    bijstellingen = [
        as_mapping(row)
        for row in (rows if isinstance(rows, list) else [])
        if as_mapping(row).get("soort") == "plan_van_aanpak"
    ]
    if not bijstellingen:
        return
    days = [as_date(row.get("datum")) for row in bijstellingen]
    dates = ", ".join(long_date(day) for day in days if day is not None)
    counted = "1 bijstelling" if len(bijstellingen) == 1 else f"{len(bijstellingen)} bijstellingen"
    where: YamlPath = (
        ("verzuim", "plan_van_aanpak")
        if "plan_van_aanpak" in verzuim
        else (
            "verzuim",
            "bijstellingen",
        )
    )
    yield Melding(
        where,
        "let op",
        "sinds versie 2 beschrijft verzuim.plan_van_aanpak het plan zoals het oorspronkelijk is "
        "afgesproken, en staan latere wijzigingen in de bijstellingen (einddoel, "
        f"einddoel_toelichting, afspraken, akkoord). Dit dossier heeft {counted} van het plan "
        f"van aanpak ({dates}): controleer of einddoel en afspraken van het plan van aanpak het "
        "oorspronkelijke plan beschrijven, en zet wat later veranderde in de bijstelling",
    )
