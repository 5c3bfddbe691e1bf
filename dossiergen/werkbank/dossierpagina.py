"""What each page shows, gathered from the state: overview, dossier, form, download."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from dossiergen.builder.build import build_paths
from dossiergen.builder.pdf import find_soffice
from dossiergen.checker import schemas_at
from dossiergen.commands.agenda import agenda_ics, agenda_items
from dossiergen.documents import DOCUMENTS, DocumentSpec
from dossiergen.dossier.schemas import SchemaSet
from dossiergen.errors import DossierError
from dossiergen.problems import Problem, Severity
from dossiergen.werkbank.bewerken import Wijziging, save_section
from dossiergen.werkbank.formulier import section_form, sections
from dossiergen.werkbank.overzicht import STATUSSEN, Filters, Rij, consultants, sorted_rows
from dossiergen.werkbank.pagina import field_name
from dossiergen.werkbank.samenvatting import Samenvatting
from dossiergen.werkbank.stand import Stand


def overview_context(rows: Sequence[Rij], filters: Filters, peildatum: date) -> dict[str, Any]:
    """The overview page's data."""
    shown = sorted_rows(rows, filters)
    return {
        "rijen": shown,
        "totaal": len(rows),
        "filters": filters,
        "consulenten": consultants(rows),
        "statussen": STATUSSEN,
        "peildatum": peildatum,
        "tellingen": {
            "verlopen": sum(1 for r in rows if r.verlopen),
            "fouten": sum(1 for r in rows if r.fouten),
            "verouderd": sum(1 for r in rows if r.verouderd and r.gebouwd),
            "niet_gebouwd": sum(1 for r in rows if not r.gebouwd),
        },
    }


def agenda_bytes(summaries: Sequence[Samenvatting], peildatum: date) -> bytes:
    """The practice's deadlines as iCalendar, made by ``dossiergen agenda``'s own code (two
    dossiers with one kenmerk get items of their own, as there)."""
    entries = []
    cases: set[str] = set()
    for s in summaries:
        if s.tijdlijn is None:
            continue
        case = s.zaak if s.zaak not in cases else f"{s.zaak}|{s.shown}"
        cases.add(case)
        entries.append((s.shown, case, s.naam, s.tijdlijn))
    return agenda_ics(agenda_items(entries), peildatum)


def dossier_context(stand: Stand, summary: Samenvatting, chosen: str) -> dict[str, Any]:
    """The dossier page's data: problems, timeline, documents and one preview."""
    version = stand.versions([summary.path])[summary.path]
    applicable = _applicable(stand, summary)
    outdated = {spec.name for spec in stand.outdated(summary, version)}
    spec = DOCUMENTS.get(chosen) or (applicable[0] if applicable else None)
    preview = None
    if spec is not None and summary.fouten == 0:
        preview = stand.preview(summary, spec, version)
    return {
        "ident": stand.ident(summary.path),
        "s": summary,
        "root": stand.werkplaats.root,
        "problemen": summary.problems,
        "tijdlijn": summary.tijdlijn,
        "geen_tijdlijn": summary.geen_tijdlijn,
        "documenten": [(d, d in applicable, d.name in outdated) for d in DOCUMENTS.values()],
        "gekozen": spec,
        "voorbeeld": preview,
        "voorbeeld_html": Markup(preview.html) if preview and preview.getoond else "",
        "pdf": find_soffice() is not None,
        "secties": _sections(stand, summary),
        "versie": version,
    }


def _applicable(stand: Stand, summary: Samenvatting) -> list[DocumentSpec]:
    dossier = stand.loaded(summary)
    if dossier is None:
        return []
    return [spec for spec in DOCUMENTS.values() if spec.applies(dossier.data)]


def _sections(stand: Stand, summary: Samenvatting) -> list[tuple[str, str, bool]]:
    """``(key, title, present)`` of every section a dossier can have."""
    dossier = stand.loaded(summary)
    data = dossier.data if dossier is not None else {}
    schemas = _schemas(stand)
    return [(key, title, key in data) for key, title, _ in sections(schemas)]


def _schemas(stand: Stand) -> SchemaSet:
    return schemas_at(stand.werkplaats.resources.schemas_dir)


@dataclass(frozen=True)
class Gemaakt:
    """A document built for download, or why it could not be."""

    path: Path | None
    meldingen: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


def build_document(
    stand: Stand, summary: Samenvatting, spec: DocumentSpec, *, pdf: bool
) -> Gemaakt:
    """Build one document (and its PDF) through the incremental build, which holds the output
    folder's lock and skips what is up to date."""
    werkplaats = stand.werkplaats
    try:
        report = build_paths(
            [summary.path],
            werkplaats.output,
            [spec],
            werkplaats.resources,
            summary.peildatum,
            explicit=True,
            pdf=pdf,
        )
    except DossierError as e:
        return Gemaakt(None, (str(e),), e.problems)
    target = werkplaats.output / summary.path.stem / f"{spec.name}.docx"
    if pdf:
        target = target.with_suffix(".pdf")
    if not report.ok or not target.is_file():
        return Gemaakt(None, tuple(report.failed), tuple(report.problems))
    return Gemaakt(target)


def form_context(
    stand: Stand,
    summary: Samenvatting,
    section: str,
    value: Any = None,
    problems: Sequence[Problem] = (),
) -> dict[str, Any] | None:
    """The form page of one section (None for a section the schema does not know)."""
    dossier = stand.loaded(summary)
    if dossier is None:
        return None
    shown = dossier.data.get(section) if value is None else value
    form = section_form(_schemas(stand), section, shown)
    if form is None:
        return None
    messages: dict[str, list[Problem]] = {}
    for problem in problems:
        messages.setdefault(field_name(problem.json_path), []).append(problem)
    return {
        "ident": stand.ident(summary.path),
        "s": summary,
        "sectie": section,
        "formulier": form,
        "versie_bestand": summary.sha256,
        "meldingen": messages,
        "problemen": list(problems),
        "root": stand.werkplaats.root,
        "uitslag": None,
    }


def save_form(
    stand: Stand, ident: str, section: str, form: Mapping[str, str], peildatum: date
) -> dict[str, Any] | None:
    """Save a submitted form; ``{"opgeslagen": True}`` or the form page with its messages."""
    summary = stand.summary(ident, peildatum)
    if summary is None:
        return None
    fields = {k: v for k, v in form.items() if k not in ("csrf", "versie", "git", "bericht")}
    message = form.get("bericht", "").strip() or f"Dossier bijgewerkt: {section}"
    change = Wijziging(
        summary.path,
        summary.shown,
        section,
        fields,
        form.get("versie", ""),
        message if form.get("git") == "ja" else None,
    )
    outcome = save_section(change, _schemas(stand), peildatum, stand.werkplaats.root)
    if outcome.opgeslagen:
        stand.changed()
        return {"opgeslagen": True, "git": outcome.git}
    context = form_context(
        stand, summary, section, outcome.waarde, outcome.blokkerend or outcome.problems
    )
    if context is None:
        return None
    context["uitslag"] = outcome
    context["fouten_sectie"] = [p for p in outcome.blokkerend if p.severity is Severity.FOUT]
    return context
