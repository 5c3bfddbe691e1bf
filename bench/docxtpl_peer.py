"""The peer for the render benchmark: the arbeidsdeskundig rapport as a docxtpl template.

docxtpl is what a consultancy would otherwise pick: a Word document with Jinja tags in it. The
template is built here by code (python-docx) on the same house style, with the same sections and
tables as ``templates/rapport.md.j2`` (title, data table, vraagstelling, werkwijze, belastbaarheid,
werkgever, werknemer, eigen werk with the task, belasting and weging tables, aangepast werk, every
ander-passend-werk function with its tables, spoor 2, beschouwing, conclusie, advies), and every
multi-paragraph text becomes separate Word paragraphs, as dossiergen makes them. It is a fair,
not a tuned, docxtpl template: loops with ``{%tr %}`` and ``{%p %}``, as docxtpl documents them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _datum(value: Any) -> str:
    if not value:
        return ""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def _leesbaar(value: Any) -> str:
    return str(value).replace("_", " ") if value is not None else ""


def _alineas(value: Any) -> list[str]:
    """Paragraphs of a ``|`` block: blank lines split, line breaks inside join with a space."""
    if not value:
        return []
    return [" ".join(part.split()) for part in str(value).split("\n\n") if part.strip()]


def jinja_env() -> Any:
    """The Jinja environment the template is rendered with (filters for dates and enums)."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    env.filters["datum"] = _datum
    env.filters["leesbaar"] = _leesbaar
    env.filters["alineas"] = _alineas
    return env


def context(data: Mapping[str, Any]) -> dict[str, Any]:
    """What the template gets: the dossier itself plus the current belastbaarheidsprofiel."""
    profielen = (data.get("bedrijfsarts") or {}).get("belastbaarheid") or [{}]
    return {"d": data, "profiel": profielen[-1]}


class _Builder:
    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc

    def p(self, text: str, style: str | None = None) -> None:
        self.doc.add_paragraph(text, style=style)

    def h(self, text: str, level: int = 1) -> None:
        self.doc.add_paragraph(text, style=f"Heading {level}")

    def tekst(self, expr: str, intro: str | None = None) -> None:
        if intro:
            self.p(f"{{%p if {expr} %}}")
            self.p(f"{intro}:")
        self.p(f"{{%p for a in {expr}|alineas %}}")
        self.p("{{ a }}")
        self.p("{%p endfor %}")
        if intro:
            self.p("{%p endif %}")

    def kv(self, rows: list[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=len(rows), cols=2)
        table.style = "Tabel dossiergen"
        for row, (key, expr) in zip(table.rows, rows, strict=True):
            row.cells[0].text = key
            row.cells[1].text = f"{{{{ {expr} }}}}"

    def loop_table(self, headers: list[str], loops: list[str], cells: list[str]) -> None:
        """A table with a header row and one row per item of the (nested) ``loops``."""
        rows = 1 + 2 * len(loops) + 1
        table = self.doc.add_table(rows=rows, cols=len(headers))
        table.style = "Tabel dossiergen"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
        for index, loop in enumerate(loops):
            table.rows[1 + index].cells[0].text = f"{{%tr for {loop} %}}"
            table.rows[rows - 1 - index].cells[0].text = "{%tr endfor %}"
        for cell, expr in zip(table.rows[1 + len(loops)].cells, cells, strict=True):
            cell.text = f"{{{{ {expr} }}}}"


def build_template(house_style: Path, target: Path) -> Path:
    """Write the docxtpl rapport template to ``target`` and return it."""
    doc = Document(str(house_style))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    b = _Builder(doc)
    b.p("Arbeidsdeskundig rapport", "Title")
    b.p("{{ d.werknemer.voorletters }} {{ d.werknemer.naam }}", "Subtitle")
    b.kv(
        [
            ("Werknemer", "d.werknemer.voorletters ~ ' ' ~ d.werknemer.naam"),
            ("Werkgever", "d.werkgever.naam"),
            ("Kenmerk", "d.zaak.kenmerk"),
            ("Rapportdatum", "d.zaak.rapportdatum|datum"),
            ("Arbeidsdeskundige", "d.zaak.arbeidsdeskundige.naam"),
            ("", "d.zaak.arbeidsdeskundige.titel"),
            ("", "d.zaak.arbeidsdeskundige.organisatie"),
        ]
    )
    b.h("Gegevens")
    b.kv(
        [
            ("Werknemer", "d.werknemer.voorletters ~ ' ' ~ d.werknemer.naam"),
            ("Geboortedatum", "d.werknemer.geboortedatum|datum"),
            ("Functie", "d.werknemer.functie or d.eigen_werk.functie"),
            ("In dienst sinds", "d.werknemer.datum_in_dienst|datum"),
            ("Dienstverband", "d.werknemer.contract.soort|leesbaar"),
            ("Werkgever", "d.werkgever.naam"),
            ("Eerste ziektedag", "d.verzuim.eerste_ziektedag|datum"),
            ("Opdrachtgever", "d.zaak.opdrachtgever.naam"),
            ("Bedrijfsarts", "d.bedrijfsarts.naam"),
            ("Casemanager", "d.werkgever.casemanager.naam"),
            ("Arbeidsdeskundige", "d.zaak.arbeidsdeskundige.naam"),
            ("Rapportdatum", "d.zaak.rapportdatum|datum"),
        ]
    )
    b.h("Vraagstelling")
    b.p("{%p for v in d.zaak.vraagstelling %}")
    b.p("{{ loop.index }}. {{ v }}", "List Number")
    b.p("{%p endfor %}")
    b.h("Werkwijze")
    b.loop_table(
        ["Datum", "Met", "Vorm", "Onderwerp"],
        ["g in d.zaak.gesprekken or []"],
        ["g.datum|datum", "g.met ~ ' (' ~ g.rol|leesbaar ~ ')'", "g.vorm", "g.onderwerp"],
    )
    b.loop_table(
        ["Datum", "Soort", "Document"],
        ["x in d.zaak.bronnen or []"],
        ["x.datum|datum", "x.soort|leesbaar", "x.omschrijving"],
    )
    b.h("1 Belastbaarheid")
    b.h("1.1 Belastbaarheidsprofiel", 2)
    b.p(
        "De belastbaarheid is vastgesteld door bedrijfsarts {{ profiel.opgesteld_door }} in de "
        "{{ profiel.soort }} van {{ profiel.datum|datum }}."
    )
    b.loop_table(
        ["Rubriek", "Beperking", "Wat nog wel kan"],
        ["x in profiel.beperkingen"],
        ["x.rubriek|leesbaar", "x.omschrijving", "x.mate"],
    )
    b.p("{%p if profiel.urenbeperking %}")
    b.p(
        "Urenbeperking: maximaal {{ profiel.urenbeperking.uren_per_dag }} uur per dag en "
        "{{ profiel.urenbeperking.uren_per_week }} uur per week."
    )
    b.p("{%p endif %}")
    b.tekst("profiel.mogelijkheden", "Mogelijkheden")
    b.p("{%p if d.bedrijfsarts.overleg %}")
    b.h("Overleg met de bedrijfsarts", 2)
    b.loop_table(
        ["Datum", "Vraag", "Antwoord van de bedrijfsarts"],
        ["o in d.bedrijfsarts.overleg"],
        ["o.datum|datum ~ ' (' ~ o.vorm ~ ')'", "o.vraag", "o.antwoord"],
    )
    b.p("{%p endif %}")
    b.h("1.2 Prognose", 2)
    b.p("{{ d.bedrijfsarts.prognose.verwachting|leesbaar }}")
    b.tekst("d.bedrijfsarts.prognose.omschrijving")
    b.tekst("d.bedrijfsarts.knelpunten", "Knelpunten")
    b.h("2 Werkgever")
    b.p(
        "Op {{ d.werkgever_informatie.gesprek.datum|datum }} is gesproken met de werkgever: "
        "{% for x in d.werkgever_informatie.gesprek.met %}{{ x.naam }} ({{ x.functie }})"
        "{% if not loop.last %}, {% endif %}{% endfor %}."
    )
    b.kv(
        [
            ("Werkgever", "d.werkgever.naam"),
            ("Branche", "d.werkgever_informatie.bedrijfsinformatie.branche"),
            ("Vestigingen", "d.werkgever_informatie.bedrijfsinformatie.vestigingen"),
            ("Aantal werknemers", "d.werkgever.aantal_werknemers"),
            ("Cao", "d.werkgever_informatie.bedrijfsinformatie.cao"),
        ]
    )
    b.tekst("d.werkgever_informatie.bedrijfsinformatie.activiteiten", "Activiteiten")
    b.loop_table(
        ["Functie", "Niveau", "Afdeling", "Aantal"],
        ["f in d.werkgever_informatie.bedrijfsinformatie.functiegebouw or []"],
        ["f.naam", "f.niveau", "f.afdeling", "f.aantal"],
    )
    b.loop_table(
        ["Periode", "Toelichting"],
        ["x in d.verzuim.ziekteperioden or []"],
        ["x.van|datum ~ ' - ' ~ x.tot|datum", "x.toelichting"],
    )
    b.tekst("d.werkgever_informatie.verzuim_werknemer.verzuimhistorie", "Verzuimhistorie")
    b.tekst(
        "d.werkgever_informatie.verzuim_werknemer.functioneren_voor_uitval",
        "Functioneren voor de uitval",
    )
    b.kv(
        [
            ("Bedrijfsongeval", "d.werkgever_informatie.verzuim_werknemer.bedrijfsongeval"),
            ("Arbeidsconflict", "d.werkgever_informatie.verzuim_werknemer.arbeidsconflict"),
        ]
    )
    b.tekst("d.werkgever_informatie.eigen_werk_volgens_werkgever", "Eigen werk")
    b.loop_table(
        ["Datum", "Inspanning"],
        ["x in d.werkgever_informatie.re_integratie_inspanningen or []"],
        ["x.datum|datum", "x.omschrijving"],
    )
    b.loop_table(
        ["Van", "Tot", "Uren per week", "Werk", "Toelichting"],
        ["x in d.verzuim.werkhervatting or []"],
        ["x.van|datum", "x.tot|datum", "x.uren_per_week", "x.soort|leesbaar", "x.toelichting"],
    )
    b.tekst("d.werkgever_informatie.mogelijkheden_volgens_werkgever", "Mogelijkheden")
    b.tekst("d.werkgever_informatie.stagnatie", "Stagnatie")
    b.tekst("d.werkgever_informatie.visie_werkgever", "Visie van de werkgever")
    b.h("3 Werknemer")
    b.p(
        "Op {{ d.werknemer_informatie.gesprek.datum|datum }} is gesproken met de werknemer. "
        "De werknemer is geïnformeerd over: {{ d.werknemer_informatie.gesprek.geinformeerd_over }}"
    )
    b.tekst("d.werknemer_informatie.voorgeschiedenis", "Voorgeschiedenis")
    b.loop_table(
        ["Opleiding", "Niveau", "Instituut", "Periode", "Diploma"],
        ["x in d.werknemer_informatie.opleidingen or []"],
        ["x.naam", "x.niveau", "x.instituut", "x.van ~ '-' ~ x.tot", "x.diploma"],
    )
    b.loop_table(
        ["Cursus", "Jaar", "Certificaat"],
        ["x in d.werknemer_informatie.cursussen or []"],
        ["x.naam", "x.jaar", "x.certificaat"],
    )
    b.loop_table(
        ["Periode", "Werkgever", "Functie", "Uren", "Toelichting"],
        ["x in d.werknemer_informatie.arbeidsverleden or []"],
        ["x.van|datum", "x.werkgever", "x.functie", "x.uren_per_week", "x.toelichting"],
    )
    b.p("{%p for v in d.werknemer_informatie.vaardigheden or [] %}")
    b.p("{{ v }}", "List Bullet")
    b.p("{%p endfor %}")
    b.kv(
        [
            ("Computervaardigheden", "d.werknemer_informatie.computervaardigheden"),
            ("Rijbewijs", "(d.werknemer_informatie.rijbewijs or {}).categorieen|join(', ')"),
            ("Eigen vervoer", "(d.werknemer_informatie.rijbewijs or {}).eigen_vervoer"),
        ]
    )
    b.p("Talenkennis:")
    b.loop_table(
        ["Taal", "Spreken", "Lezen", "Schrijven"],
        ["x in d.werknemer_informatie.talen or []"],
        ["x.taal", "x.spreken", "x.lezen", "x.schrijven"],
    )
    b.tekst("d.werknemer_informatie.belastbaarheid_volgens_werknemer", "Belastbaarheid")
    b.tekst("d.werknemer_informatie.eigen_werk_volgens_werknemer", "Eigen werk")
    b.tekst("d.werknemer_informatie.visie_werknemer", "Visie van de werknemer")
    b.p("{%p if d.werknemer.toestemming_prive_gegevens.gegeven %}")
    b.tekst("d.werknemer_informatie.secundaire_factoren", "Secundaire factoren")
    b.tekst("d.werknemer_informatie.privesituatie", "Privésituatie")
    b.p("{%p endif %}")
    b.p(
        "Medische gegevens, zoals diagnose en behandeling, staan niet in dit rapport: de "
        "werkgever mag die niet kennen. Functionele beperkingen en mogelijkheden wel."
    )
    b.h("4 Eigen werk")
    b.kv(
        [
            ("Functie", "d.eigen_werk.functie"),
            ("Plaats in de organisatie", "d.eigen_werk.plaats_in_organisatie"),
            ("Uren per week", "d.eigen_werk.uren_per_week"),
            ("Werktijden", "d.eigen_werk.werktijden"),
            ("Opleidingseisen", "d.eigen_werk.opleidingseisen"),
            ("Brutoloon per maand", "d.eigen_werk.brutoloon_per_maand"),
            ("Doel van de functie", "d.eigen_werk.doel_functie"),
        ]
    )
    b.tekst("d.eigen_werk.werkplek", "Werkplek")
    b.h("4.1 Taken", 2)
    b.loop_table(
        ["Taak", "Aandeel", "Omschrijving"],
        ["t in d.eigen_werk.taken"],
        ["t.naam", "t.aandeel ~ '%'", "t.omschrijving"],
    )
    b.h("4.2 Belasting per taak", 2)
    b.loop_table(
        ["Taak", "Factor", "Mate", "Duur", "Frequentie"],
        ["t in d.eigen_werk.taken", "x in t.belasting or []"],
        ["t.naam if loop.first else ''", "x.factor", "x.mate", "x.duur", "x.frequentie"],
    )
    b.p("{%p for t in d.eigen_werk.taken %}")
    b.p("{%p for x in t.belasting or [] if x.toelichting %}")
    b.p("{{ t.naam }}, {{ x.factor }}: {{ x.toelichting }}", "List Bullet")
    b.p("{%p endfor %}")
    b.p("{%p endfor %}")
    b.h("4.3 Weging belastbaarheid en belasting", 2)
    b.loop_table(
        ["Beperking", "Belastbaarheid", "Belasting in het werk", "Overschrijding"],
        ["r in d.eigen_werk.weging or []"],
        ["r.beperking|leesbaar", "r.belastbaarheid", "r.belasting", "r.overschrijding"],
    )
    b.p("{%p for r in d.eigen_werk.weging or [] if r.toelichting %}")
    b.p("{{ r.beperking|leesbaar }}: {{ r.toelichting }}", "List Bullet")
    b.p("{%p endfor %}")
    b.h("4.4 Conclusie eigen werk", 2)
    b.p("Oordeel: {{ d.eigen_werk.conclusie.oordeel|leesbaar }}.")
    b.tekst("d.eigen_werk.conclusie.argumentatie")
    b.p("{%p if d.aangepast_eigen_werk %}")
    b.h("5 Aangepast eigen werk")
    b.tekst("d.aangepast_eigen_werk.omschrijving")
    b.loop_table(
        ["Aanpassing", "Lost op", "Structureel", "Kosten", "Status"],
        ["a in d.aangepast_eigen_werk.aanpassingen or []"],
        [
            "a.soort ~ ': ' ~ a.omschrijving",
            "a.lost_op|join('; ')",
            "a.structureel",
            "a.kosten",
            "a.status",
        ],
    )
    b.kv(
        [
            ("Aanpassingsniveau", "d.aangepast_eigen_werk.aanpassingsniveau|leesbaar"),
            ("Uren per week", "d.aangepast_eigen_werk.uren_per_week"),
            ("Loonwaarde", "d.aangepast_eigen_werk.loonwaarde ~ '%'"),
        ]
    )
    b.tekst("d.aangepast_eigen_werk.loonwaarde_toelichting", "Loonwaarde")
    b.p("Oordeel: {{ d.aangepast_eigen_werk.conclusie.oordeel|leesbaar }}.")
    b.tekst("d.aangepast_eigen_werk.conclusie.argumentatie")
    b.p("{%p endif %}")
    b.p("{%p if d.ander_passend_werk %}")
    b.h("6 Ander passend werk bij de eigen werkgever")
    b.tekst("d.ander_passend_werk.onderzochte_organisatie", "Onderzochte organisatie")
    b.loop_table(
        ["Functie", "Niveau", "Beschikbaarheid", "Oordeel"],
        ["f in d.ander_passend_werk.functies or []"],
        [
            "f.naam",
            "f.niveau|leesbaar",
            "f.beschikbaarheid|leesbaar",
            "f.conclusie.oordeel|leesbaar",
        ],
    )
    b.p("{%p for f in d.ander_passend_werk.functies or [] %}")
    b.h("{{ f.naam }}", 2)
    b.kv(
        [
            ("Niveau", "f.niveau|leesbaar"),
            ("Afdeling", "f.afdeling"),
            ("Opleidingseisen", "f.opleidingseisen"),
            ("Beschikbaarheid", "f.beschikbaarheid|leesbaar"),
            ("Omvang", "f.uren_per_week ~ ' uur per week'"),
            ("Reistijd", "f.reistijd_minuten ~ ' minuten'"),
            ("Loonwaarde", "f.loonwaarde"),
        ]
    )
    b.p("{%p for t in f.taken or [] %}")
    b.p("{{ t }}", "List Bullet")
    b.p("{%p endfor %}")
    b.loop_table(
        ["Factor", "Mate", "Duur", "Frequentie"],
        ["x in f.belasting or []"],
        ["x.factor", "x.mate", "x.duur", "x.frequentie"],
    )
    b.loop_table(
        ["Beperking", "Belastbaarheid", "Belasting in het werk", "Overschrijding"],
        ["r in f.weging or []"],
        ["r.beperking|leesbaar", "r.belastbaarheid", "r.belasting", "r.overschrijding"],
    )
    b.p("{%p for r in f.weging or [] if r.toelichting %}")
    b.p("{{ r.beperking|leesbaar }}: {{ r.toelichting }}", "List Bullet")
    b.p("{%p endfor %}")
    b.loop_table(
        ["Soort", "Maatregel", "Duur", "Kosten"],
        ["o in f.overbrugbaar_door or []"],
        ["o.soort", "o.omschrijving", "o.duur_maanden ~ ' maanden'", "o.kosten"],
    )
    b.tekst("f.toelichting_werkgever", "Toelichting werkgever")
    b.p("Oordeel: {{ f.conclusie.oordeel|leesbaar }}.")
    b.tekst("f.conclusie.argumentatie")
    b.p("{%p endfor %}")
    b.p("{%p if d.ander_passend_werk.jobcarving %}")
    b.h("Jobcarving: {{ d.ander_passend_werk.jobcarving.functie.naam }}", 2)
    b.tekst("d.ander_passend_werk.jobcarving.omschrijving")
    b.loop_table(
        ["Taak", "Uit functie", "Uren per week"],
        ["x in d.ander_passend_werk.jobcarving.herkomst_taken or []"],
        ["x.taak", "x.uit_functie", "x.uren_per_week"],
    )
    b.p("{%p endif %}")
    b.p("Oordeel: {{ d.ander_passend_werk.conclusie.oordeel|leesbaar }}.")
    b.tekst("d.ander_passend_werk.conclusie.argumentatie")
    b.p("{%p endif %}")
    b.p("{%p if d.spoor_2 %}")
    b.h("7 Re-integratie bij een andere werkgever (spoor 2)")
    b.tekst("d.spoor_2.moment", "Moment")
    b.tekst("d.spoor_2.persoonsprofiel.opleiding_en_ervaring", "Opleiding en ervaring")
    b.tekst("d.spoor_2.persoonsprofiel.competenties", "Competenties")
    b.tekst("d.spoor_2.persoonsprofiel.belastbaarheid", "Belastbaarheid")
    b.kv(
        [
            ("Gezochte omvang", "d.spoor_2.persoonsprofiel.uren_per_week ~ ' uur per week'"),
            ("Mobiliteit", "d.spoor_2.persoonsprofiel.mobiliteit"),
        ]
    )
    b.tekst("d.spoor_2.persoonsprofiel.bevorderende_factoren", "Bevorderende factoren")
    b.tekst("d.spoor_2.opleidingsmogelijkheden", "Opleidingsmogelijkheden")
    b.loop_table(
        ["Werksoort", "Toelichting"],
        ["z in d.spoor_2.zoekrichting or []"],
        ["z.werksoort", "z.toelichting"],
    )
    b.p("{%p endif %}")
    b.h("Beschouwing")
    b.tekst("d.beschouwing")
    b.h("Conclusie")
    b.tekst("d.conclusie")
    b.h("Advies")
    b.tekst("d.advies")
    b.kv(
        [
            ("Arbeidsdeskundige", "d.zaak.arbeidsdeskundige.naam"),
            ("Datum", "d.zaak.rapportdatum|datum"),
            ("Handtekening", "''"),
        ]
    )
    doc.save(str(target))
    return target


def render(template: Path, data: Mapping[str, Any], env: Any) -> bytes:
    """One rapport the way docxtpl's users write it: load the template, render, save."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(context(data), env, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
