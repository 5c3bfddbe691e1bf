"""Write N realistic synthetic dossiers for the benchmarks.

    python bench/genereer.py N OUTDIR [--seed S]

Each dossier starts from one of the example dossiers in ``dossiers/`` (fictional people) and
replaces the parts whose size varies in practice: 5-40 eigen-werk tasks with 1-4 belasting rows,
4-15 beperkingen, 0-20 ander-passend-werk functions with weging rows, long free text, sometimes
aangepast werk and spoor 2, a plan van aanpak with afspraken and letters to UWV. Every dossier is
valid (schema and domain rules: shares add up to 100, references exist, elfproef BSN, dates in
order); warnings such as "more than 5 task clusters" are expected. The output depends only on
the seed, N and the example dossiers: dossier ``i`` is the same whatever N is.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "dossiers"
HEADER = "# yaml-language-server: $schema=../schemas/v2/dossier.schema.json\n"

ACHTERNAMEN = (
    "Jansen",
    "de Boer",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "van Leeuwen",
    "van Dam",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Schouten",
    "Post",
    "Veenstra",
    "Kramer",
    "van den Broek",
    "Willems",
    "Wouters",
    "Hoekstra",
    "Timmermans",
    "Groen",
    "Sanders",
    "Maas",
)
VOORNAMEN = (
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Esra",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilse",
    "Joost",
    "Karim",
    "Lotte",
    "Milan",
    "Noor",
    "Olaf",
    "Petra",
    "Quinten",
    "Roos",
    "Sanne",
    "Thijs",
    "Umut",
    "Vera",
    "Wessel",
    "Yara",
    "Zoë",
    "Bas",
    "Eva",
    "Hugo",
    "Mila",
    "Sem",
)

# Neutral Dutch words for free text (no diagnosis words: those would only add warnings).
WOORDEN = (
    "werknemer",
    "werkgever",
    "afspraak",
    "overleg",
    "taken",
    "uren",
    "week",
    "dienst",
    "rooster",
    "collega",
    "team",
    "leidinggevende",
    "planning",
    "opbouw",
    "belasting",
    "belastbaarheid",
    "mogelijkheden",
    "werkplek",
    "werkdag",
    "hervatting",
    "begeleiding",
    "evaluatie",
    "gesprek",
    "verwachting",
    "structureel",
    "tijdelijk",
    "passend",
    "aangepast",
    "functie",
    "afdeling",
    "verantwoordelijkheid",
    "ervaring",
    "kennis",
    "vaardigheden",
    "motivatie",
    "inzet",
    "zorgvuldig",
    "geleidelijk",
    "haalbaar",
    "duidelijk",
    "concreet",
    "voldoende",
    "beperkt",
    "regelmatig",
    "samen",
    "vervolgens",
    "daarnaast",
    "bovendien",
    "echter",
    "daarom",
    "wel",
    "niet",
    "ook",
    "nog",
    "steeds",
    "inmiddels",
    "afgelopen",
    "komende",
    "periode",
    "maanden",
    "weken",
    "dagen",
    "ochtend",
    "middag",
    "tempo",
    "pauze",
    "afwisseling",
    "zitten",
    "staan",
    "lopen",
    "tillen",
    "reizen",
    "computer",
    "telefoon",
    "klanten",
    "cliënten",
    "orders",
    "materiaal",
    "bespreekt",
    "beoordeelt",
    "verwacht",
    "bevestigt",
    "adviseert",
    "onderzoekt",
    "ervaart",
    "geeft",
    "aan",
    "kan",
    "wil",
    "moet",
    "zal",
    "heeft",
    "is",
    "wordt",
    "blijft",
    "gaat",
    "neemt",
    "krijgt",
    "voert",
    "uit",
    "legt",
    "vast",
    "werkt",
    "mee",
)

BEPERKINGEN = (
    ("tillen", "dynamische_handelingen", "tillen of dragen", "Tillen of dragen beperkt"),
    ("duwen_trekken", "dynamische_handelingen", "duwen of trekken", "Duwen of trekken beperkt"),
    ("handgebruik", "dynamische_handelingen", "hand- en vingergebruik", "Fijne motoriek beperkt"),
    ("lopen", "dynamische_handelingen", "lopen tijdens het werk", "Lopen beperkt"),
    ("traplopen", "dynamische_handelingen", "traplopen", "Traplopen beperkt"),
    ("klimmen", "dynamische_handelingen", "klimmen", "Niet klimmen op ladders"),
    ("kruipen", "dynamische_handelingen", "kruipen", "Niet kruipen"),
    ("buigen", "dynamische_handelingen", "frequent buigen", "Frequent buigen beperkt"),
    ("staan", "statische_houdingen", "staan tijdens een werkdag", "Staan beperkt"),
    ("zitten", "statische_houdingen", "zitten tijdens een werkdag", "Zitten beperkt"),
    ("knielen_hurken", "statische_houdingen", "geknield of gehurkt", "Niet knielen of hurken"),
    ("boven_schouder", "statische_houdingen", "werken boven schouderhoogte", "Reiken beperkt"),
    ("nachtdiensten", "werktijden", "nachtdiensten", "Geen nachtdiensten"),
    ("werktijd", "werktijden", "uren per dag en per week", "Urenbeperking"),
    ("tijdsdruk", "persoonlijk_functioneren", "deadlines en productiepieken", "Geen hoge druk"),
    ("concentratie", "persoonlijk_functioneren", "concentreren", "Concentratie beperkt"),
    ("conflicten", "sociaal_functioneren", "hanteren van conflicten", "Conflicten beperkt"),
    ("lawaai", "aanpassing_aan_fysieke_omgevingseisen", "lawaai", "Geen lawaaiige omgeving"),
    ("trillingen", "aanpassing_aan_fysieke_omgevingseisen", "trillingen", "Geen trillingen"),
    ("temperatuur", "aanpassing_aan_fysieke_omgevingseisen", "hitte en koude", "Geen kou"),
)
FACTOREN = (
    "tillen",
    "dragen",
    "duwen en trekken",
    "buigen",
    "staan",
    "lopen",
    "zitten",
    "traplopen",
    "klimmen",
    "knielen",
    "beeldschermwerk",
    "werken onder tijdsdruk",
    "reiken boven schouderhoogte",
    "fijne handbewegingen",
)
ACTIVITEITEN = (
    "Orders verzamelen",
    "Klanten te woord staan",
    "Voorraad aanvullen",
    "Administratie bijwerken",
    "Materiaal laden en lossen",
    "Rapporteren",
    "Overleg met het team",
    "Machines bedienen",
    "Kwaliteitscontrole",
    "Schoonmaken van de werkplek",
    "Planning maken",
    "Rijden tussen locaties",
    "Onderhoud uitvoeren",
    "Begeleiden van nieuwe collega's",
    "Telefoon en e-mail afhandelen",
)
FUNCTIES = (
    "Administratief medewerker",
    "Receptionist",
    "Planner",
    "Medewerker klantenservice",
    "Magazijnmedewerker",
    "Werkvoorbereider",
    "Kwaliteitsmedewerker",
    "Medewerker inkoop",
    "Teamassistent",
    "Medewerker retourverwerking",
)
OORDELEN = ("passend", "passend_na_aanpassing", "passend_na_scholing", "niet_passend")
ROLLEN_AFSPRAKEN = (
    "arbeidsinhoud",
    "arbeidsomstandigheden",
    "arbeidsvoorwaarden",
    "arbeidsverhoudingen",
    "sociaal_medische_zaken",
    "overige",
)


class LiteralScalarString(str):
    """Text written as a YAML ``|`` block."""


# A string that YAML 1.2 reads back as the same string when written without quotes.
_PLAIN = re.compile(r"[A-Za-zÀ-ÿ][\w À-ÿ.,;'()/%&+?@-]*(?<! )")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):
        return str(value) if not isinstance(value, date) else value.isoformat()
    if value is None:
        return "null"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _emit(value: Any, indent: int, out: list[str], first: str | None = None) -> None:
    """Append the block-style YAML lines of a mapping or list to ``out``.

    ``first`` is the prefix of the first line (``"- "`` for a mapping inside a list).
    ruamel's own emitter is pure Python and takes a third of a second per dossier; this writes
    the small subset the dossiers use (mappings, lists, strings, numbers, dates, ``|`` blocks).
    """
    pad = " " * indent
    if isinstance(value, dict):
        items = list(value.items())
        for number, (key, child) in enumerate(items):
            lead = (first if first is not None and number == 0 else pad) + f"{key}:"
            _child(child, indent, out, lead)
    else:
        for child in value:
            if isinstance(child, dict) and child:
                _emit(child, indent + 2, out, pad + "- ")
            else:
                _child(child, indent, out, pad + "-")


def _child(child: Any, indent: int, out: list[str], lead: str) -> None:
    if isinstance(child, LiteralScalarString):
        chomp = "" if child.endswith("\n") else "-"
        out.append(f"{lead} |{chomp}")
        inner = " " * (indent + 2)
        out.extend(f"{inner}{line}" if line else "" for line in child.rstrip("\n").split("\n"))
    elif isinstance(child, dict | list) and child:
        out.append(lead)
        _emit(child, indent + 2, out)
    elif isinstance(child, dict | list):
        out.append(f"{lead} {'{}' if isinstance(child, dict) else '[]'}")
    else:
        out.append(f"{lead} {_scalar(child)}")


def dump_yaml(data: dict[str, Any]) -> str:
    """``data`` as a block-style YAML document."""
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


def bsn(rng: random.Random) -> str:
    """A random test number that passes the elfproef: 9999 and five digits, a range that is
    never given to a person, so a generated dossier never holds a real BSN."""
    while True:
        digits = [9, 9, 9, 9] + [rng.randint(0, 9) for _ in range(4)]
        total = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        last = total % 11
        if last <= 9:
            return "".join(map(str, [*digits, last]))


def zin(rng: random.Random, low: int = 8, high: int = 20) -> str:
    """One Dutch-looking sentence."""
    words = rng.choices(WOORDEN, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def alinea(rng: random.Random, sentences: tuple[int, int] = (4, 8)) -> str:
    """One paragraph, wrapped at about 90 characters like a hand-written dossier."""
    text = " ".join(zin(rng) for _ in range(rng.randint(*sentences)))
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def tekst(rng: random.Random, paragraphs: tuple[int, int] = (2, 5)) -> LiteralScalarString:
    """Several paragraphs as a YAML ``|`` block."""
    count = rng.randint(*paragraphs)
    return LiteralScalarString("\n\n".join(alinea(rng) for _ in range(count)) + "\n")


def aandelen(rng: random.Random, count: int) -> list[int]:
    """``count`` positive whole percentages that add up to 100."""
    cuts = sorted(rng.sample(range(1, 100), count - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]


def belasting(rng: random.Random) -> dict[str, Any]:
    row: dict[str, Any] = {"factor": rng.choice(FACTOREN)}
    if rng.random() < 0.8:
        row["mate"] = f"{rng.randint(2, 25)} kg of vergelijkbaar, {rng.choice(WOORDEN)}"
    if rng.random() < 0.7:
        row["duur"] = f"Per keer {rng.randint(1, 30)} minuten"
    if rng.random() < 0.7:
        row["frequentie"] = f"Ca. {rng.randint(2, 60)} keer per dienst"
    if rng.random() < 0.15:
        row["toelichting"] = zin(rng)
    return row


def weging_regel(rng: random.Random, ident: str, taken: list[str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "beperking": ident,
        "belastbaarheid": f"Max. {rng.randint(1, 20)} {rng.choice(('kg', 'uur', 'keer'))}",
        "belasting": zin(rng, 5, 10),
    }
    if taken:
        row["taken"] = rng.sample(taken, k=min(len(taken), rng.randint(0, 3)))
        if not row["taken"]:
            del row["taken"]
    row["overschrijding"] = rng.choice(("ja", "nee", "gedeeltelijk"))
    if rng.random() < 0.3:
        row["toelichting"] = alinea(rng, (1, 3))
    return row


def beperkingen(rng: random.Random) -> list[dict[str, Any]]:
    chosen = rng.sample(BEPERKINGEN, k=rng.randint(4, 15))
    return [
        {
            "id": ident,
            "rubriek": rubriek,
            "item": item,
            "omschrijving": omschrijving,
            "mate": zin(rng, 4, 12),
        }
        for ident, rubriek, item, omschrijving in chosen
    ]


def count(rng: random.Random, low: int, high: int, scale: float | None) -> int:
    """A random count in ``low..high``; for a scaled dossier the average times ``scale``."""
    if scale is None:
        return rng.randint(low, high)
    return max(1, round((low + high) / 2 * scale))


def eigen_werk(
    rng: random.Random, base: dict[str, Any], ids: list[str], scale: float | None = None
) -> dict[str, Any]:
    count_ = min(40, count(rng, 5, 40, scale))  # the schema's limit
    names = [f"{rng.choice(ACTIVITEITEN)} ({j + 1})" for j in range(count_)]
    taken = [
        {
            "naam": name,
            "aandeel": share,
            "omschrijving": alinea(rng, (1, 3)),
            "belasting": [belasting(rng) for _ in range(rng.randint(1, 4))],
        }
        for name, share in zip(names, aandelen(rng, count_), strict=True)
    ]
    ew = copy.deepcopy(base)
    ew["taken"] = taken
    ew["weging"] = [weging_regel(rng, ident, names) for ident in ids]
    ew["conclusie"] = {
        "oordeel": rng.choice(("geschikt", "gedeeltelijk_geschikt", "ongeschikt")),
        "argumentatie": tekst(rng),
    }
    ew["werkplek"] = tekst(rng, (1, 2))
    return ew


def aangepast_werk(rng: random.Random, ids: list[str]) -> dict[str, Any]:
    aanpassingen = []
    for _ in range(rng.randint(1, 5)):
        item: dict[str, Any] = {
            "soort": rng.choice(("organisatorisch", "technisch")),
            "omschrijving": zin(rng),
            "lost_op": rng.sample(ids, k=rng.randint(1, min(3, len(ids)))),
            "structureel": rng.random() < 0.6,
            "status": rng.choice(("voorgesteld", "gerealiseerd", "afgewezen")),
        }
        if item["soort"] == "technisch":
            item["voorziening_uwv"] = "geen"
            item["kosten"] = rng.randint(0, 15000)
        aanpassingen.append(item)
    return {
        "omschrijving": tekst(rng, (1, 3)),
        "aanpassingen": aanpassingen,
        "aanpassingsniveau": "aanpassen_bestaande_taken",
        "uren_per_week": rng.randint(12, 36),
        "loonwaarde": rng.randint(40, 100),  # per hour worked (format version 2)
        "loonwaarde_toelichting": alinea(rng, (1, 2)),
        "conclusie": {
            "oordeel": rng.choice(("passend", "gedeeltelijk_passend", "niet_passend")),
            "structureel": rng.random() < 0.5,
            "argumentatie": tekst(rng),
        },
    }


def functie(rng: random.Random, ids: list[str], number: int) -> dict[str, Any]:
    f: dict[str, Any] = {
        "naam": f"{rng.choice(FUNCTIES)} {number}",
        "niveau": rng.choice(("op_niveau", "onder_niveau", "boven_niveau")),
        "afdeling": rng.choice(("Inbound", "Planning", "Administratie", "Service", "Facilitair")),
        "opleidingseisen": rng.choice(("Mbo 2", "Mbo 3", "Mbo 4", "Geen")),
        "taken": [zin(rng, 3, 7) for _ in range(rng.randint(2, 6))],
        "belasting": [belasting(rng) for _ in range(rng.randint(1, 3))],
        "weging": [weging_regel(rng, i, []) for i in rng.sample(ids, k=rng.randint(1, 4))],
    }
    oordeel = rng.choice(OORDELEN)
    if oordeel == "passend_na_scholing" or rng.random() < 0.2:
        f["overbrugbaar_door"] = [
            {
                "soort": "scholing",
                "omschrijving": zin(rng, 4, 8),
                "duur_maanden": rng.randint(1, 6),
                "kosten": rng.randint(500, 4000),
            }
        ]
    f["reistijd_minuten"] = rng.randint(0, 45)
    f["uren_per_week"] = rng.randint(8, 40)
    f["beschikbaarheid"] = rng.choice(("vacant", "bezet", "te_creeren"))
    if rng.random() < 0.4:
        f["loonwaarde"] = rng.randint(50, 100)
    if rng.random() < 0.3:
        f["toelichting_werkgever"] = alinea(rng, (1, 3))
    f["conclusie"] = {"oordeel": oordeel, "argumentatie": tekst(rng, (1, 3))}
    return f


def ander_werk(
    rng: random.Random, base: dict[str, Any] | None, ids: list[str], scale: float | None = None
) -> dict[str, Any]:
    apw = copy.deepcopy(base) if base else {}
    apw.setdefault("onderzochte_organisatie", zin(rng))
    # in very large dossiers the functions grow fastest: the schema stops the task list at 40,
    # a free text at 20,000 characters (and the FML has 20 restrictions here)
    grow = None if scale is None else scale * max(1.0, scale / 1.6)
    functions = min(100, count(rng, 0, 20, grow))
    apw.pop("functies", None)
    if functions:
        apw["functies"] = [functie(rng, ids, j + 1) for j in range(functions)]
    carved = apw.get("jobcarving", {}).get("functie")
    if carved and carved.get("weging"):
        for row in carved["weging"]:
            row["beperking"] = rng.choice(ids)
    apw["conclusie"] = {
        "oordeel": rng.choice(
            ("passend_werk_aanwezig", "passend_na_aanpassing_of_scholing", "geen_passend_werk")
        ),
        "structureel": rng.random() < 0.5,
        "argumentatie": tekst(rng),
    }
    return apw


def spoor_2(rng: random.Random, start: date) -> dict[str, Any]:
    return {
        "inzetten": True,
        "datum": start + timedelta(weeks=rng.randint(52, 60)),
        "moment": zin(rng),
        "persoonsprofiel": {
            "opleiding_en_ervaring": tekst(rng, (1, 2)),
            "competenties": alinea(rng, (2, 4)),
            "belastbaarheid": alinea(rng, (2, 4)),
            "uren_per_week": rng.randint(16, 40),
            "mobiliteit": "Rijbewijs B en eigen auto; reistijd tot 45 minuten.",
            "bevorderende_factoren": alinea(rng, (1, 3)),
        },
        "zoekrichting": [
            {"werksoort": rng.choice(FUNCTIES), "toelichting": zin(rng)}
            for _ in range(rng.randint(1, 5))
        ],
        "opleidingsmogelijkheden": alinea(rng, (1, 3)),
        "re_integratiebedrijf": {"naam": "M. Jansen", "organisatie": "Werkpad Re-integratie"},
        "participatieverzoek": False,
    }


def afspraken(rng: random.Random) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for kind in ROLLEN_AFSPRAKEN:
        if kind in ("arbeidsinhoud", "sociaal_medische_zaken") or rng.random() < 0.6:
            result[kind] = [
                {
                    "activiteit": zin(rng, 5, 12),
                    "wie": f"{rng.choice(VOORNAMEN)[0]}. {rng.choice(ACHTERNAMEN)}",
                    "planning": rng.choice(("doorlopend", "elke 6 weken", "binnen 2 weken")),
                }
                for _ in range(rng.randint(1, 4))
            ]
    return result


def brieven(rng: random.Random, start: date) -> list[dict[str, Any]]:
    letters: list[dict[str, Any]] = []
    if rng.random() < 0.6:
        letters.append({"soort": "ziekmelding_42e_week", "datum": start + timedelta(weeks=41)})
    if rng.random() < 0.4:
        letters.append(
            {
                "soort": "deskundigenoordeel",
                "datum": start + timedelta(weeks=rng.randint(20, 80)),
                "vraag": rng.choice(
                    ("geschiktheid_eigen_werk", "passend_werk", "re_integratie_inspanningen")
                ),
                "toelichting": alinea(rng, (2, 4)),
            }
        )
    if rng.random() < 0.3:
        letters.append(
            {
                "soort": "verlenging_loondoorbetaling",
                "datum": start + timedelta(weeks=90),
                "weken": rng.randint(13, 52),
                "toelichting": alinea(rng, (1, 3)),
                "bijlagen": ["Eindevaluatie", "Verklaring werknemer"],
            }
        )
    if rng.random() < 0.4:
        letters.append(
            {
                "soort": "aanbieding_riv",
                "datum": start + timedelta(weeks=93),
                "bijlagen": ["Probleemanalyse", "Plan van aanpak", "Eerstejaarsevaluatie"],
            }
        )
    return letters


def example_copy(rng: random.Random, base: dict[str, Any], index: int) -> dict[str, Any]:
    """One dossier the size of the examples: ``base`` with another person and kenmerk."""
    d = copy.deepcopy(base)
    _person(rng, d, index)
    return d


def _person(rng: random.Random, d: dict[str, Any], index: int) -> None:
    wn = d["werknemer"]
    wn["naam"] = rng.choice(ACHTERNAMEN)
    roepnaam = rng.choice(VOORNAMEN)
    wn["voorletters"] = f"{roepnaam[0]}."
    wn["roepnaam"] = roepnaam
    wn["bsn"] = bsn(rng)
    wn["geboortedatum"] = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
    d["zaak"]["kenmerk"] = f"AD-SYN-{index:05d}"


def synthetic(
    rng: random.Random, base: dict[str, Any], index: int, scale: float | None = None
) -> dict[str, Any]:
    """One dossier: ``base`` with names, sizes and texts varied; ``scale`` fixes the sizes at
    that multiple of the average (1 is about three times an example dossier)."""
    d = copy.deepcopy(base)
    start = d["verzuim"]["eerste_ziektedag"]
    _person(rng, d, index)

    profile = d["bedrijfsarts"]["belastbaarheid"][-1]
    profile["beperkingen"] = beperkingen(rng)
    profile["mogelijkheden"] = tekst(rng, (1, 2))
    d["bedrijfsarts"]["belastbaarheid"] = [profile]
    ids = [b["id"] for b in profile["beperkingen"]]

    d["eigen_werk"] = eigen_werk(rng, d["eigen_werk"], ids, scale)
    if rng.random() < 0.5:
        d["aangepast_eigen_werk"] = aangepast_werk(rng, ids)
    else:
        d.pop("aangepast_eigen_werk", None)
    d["ander_passend_werk"] = ander_werk(rng, d.get("ander_passend_werk"), ids, scale)
    if rng.random() < 0.4:
        d["spoor_2"] = spoor_2(rng, start)
    else:
        d.pop("spoor_2", None)

    plan = d["verzuim"]["plan_van_aanpak"]
    plan["afspraken"] = afspraken(rng)
    plan["einddoel_toelichting"] = tekst(rng, (1, 2))

    d["werknemer_informatie"]["visie_werknemer"] = tekst(rng, _paragraphs(2, 5, scale))
    d["werkgever_informatie"]["visie_werkgever"] = tekst(rng, _paragraphs(1, 3, scale))
    d["beschouwing"] = tekst(rng, _paragraphs(3, 6, scale))
    d["conclusie"] = tekst(rng, (1, 2))
    d["advies"] = LiteralScalarString(
        "".join(f"{k + 1}. {zin(rng)}\n" for k in range(rng.randint(2, 6)))
    )
    letters = brieven(rng, start)
    if letters:
        d["brieven"] = letters
    else:
        d.pop("brieven", None)
    return d


def _paragraphs(low: int, high: int, scale: float | None) -> tuple[int, int]:
    if scale is None:
        return (low, high)
    fixed = max(1, min(20, round((low + high) / 2 * scale)))  # the schema caps texts at 20,000
    return (fixed, fixed)


def load_examples() -> list[dict[str, Any]]:
    """The example dossiers as plain data (dates as ``date``), in file-name order."""
    yaml = YAML(typ="safe")
    examples = [yaml.load(path.read_text("utf-8")) for path in sorted(EXAMPLES.glob("*.yaml"))]
    if not examples:
        raise SystemExit(f"geen voorbeelddossiers in {EXAMPLES}")
    return examples


def version() -> str:
    """A short hash of this generator: a set made by another version is made again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


def generate(number: int, outdir: Path, seed: int = 1, size: float | None = None) -> list[Path]:
    """Write ``number`` dossiers to ``outdir`` (created); return their paths.

    ``size`` None: the varied synthetic dossiers (about three times an example); 1: copies of
    the examples with another person; larger: synthetic dossiers of about ``size`` times the
    examples' size."""
    outdir.mkdir(parents=True, exist_ok=True)
    examples = load_examples()
    paths = []
    for index in range(number):
        rng = random.Random(f"{seed}:{index}")
        base = examples[index % len(examples)]
        if size == 1:
            dossier = example_copy(rng, base, index)
        else:
            dossier = synthetic(rng, base, index, None if size is None else size / 3)
        path = outdir / f"synth-{index:05d}.yaml"
        path.write_text(HEADER + dump_yaml(dossier), "utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="aantal dossiers")
    parser.add_argument("outdir", type=Path, help="map voor de dossiers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--grootte", type=float, help="1: kopieën van de voorbeelden; 4, 16: zoveel keer zo groot"
    )
    args = parser.parse_args(argv)
    paths = generate(args.n, args.outdir, args.seed, args.grootte)
    print(f"{len(paths)} dossiers geschreven naar {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
