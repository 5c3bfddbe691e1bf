"""The engine: everything loaded once per process, and the pure middle of the pipeline.

``document_context`` turns a checked dossier into one document's template data;
``render_document`` takes it through the template, the markup and the Word writer to bytes.
No clock and no I/O here: the builder reads dossiers and writes files around it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from dossiergen.config import Resources
from dossiergen.documents import DocumentSpec
from dossiergen.documents.tijdlijn import dossier_tijdlijn, tijdlijn_context
from dossiergen.docx.writer import (
    DocumentProperties,
    HouseStyle,
    PartCache,
    fixed_parts,
    render_docx,
)
from dossiergen.dossier.schemas import SchemaSet, load_schemas
from dossiergen.dossier.views import Audience, View, make_view
from dossiergen.errors import DiagnosisWordError
from dossiergen.poortwachter import wet
from dossiergen.rules.privacy import diagnosis_words, text_fields, unchecked_in_document
from dossiergen.text.markup import parse_markup
from dossiergen.text.sandbox import TemplateRenderer

__all__ = ["DossierFacts", "Engine", "document_context", "engine_for", "render_document"]


@dataclass(frozen=True)
class Engine:
    """Everything loaded once per process and shared by all documents."""

    schemas: SchemaSet
    renderer: TemplateRenderer
    house_style: HouseStyle
    bureau_naam: str = ""  # shown in the house style's Company fields (headers, footers)
    colofon: bool = True  # print the small-print colofon (version, audience) in documents
    #: The house style's unchanging parts, compressed once (see ``docx.writer.fixed_parts``).
    fixed_parts: PartCache | None = None


@cache
def engine_for(resources: Resources) -> Engine:
    """The engine for ``resources``, loaded once per process (workers reuse it)."""
    house_style = HouseStyle.load(resources.house_style)
    return Engine(
        schemas=load_schemas(resources.schemas_dir),
        renderer=TemplateRenderer(resources.templates_dir, resources.overrides_dir),
        house_style=house_style,
        bureau_naam=resources.bureau_naam,
        colofon=resources.colofon,
        fixed_parts=fixed_parts(house_style),
    )


class DossierFacts:
    """What every document of one dossier on one peildatum shares, computed once: the timeline,
    its template data, the law's numbers and each audience's view (views are immutable)."""

    def __init__(self, data: Mapping[str, Any], engine: Engine, peildatum: date) -> None:
        self.data = data
        self.peildatum = peildatum
        self._schemas = engine.schemas
        # One timeline per dossier and date, from the same input as ``dossiergen timeline``:
        # every document of the dossier prints the same eerste ziektedag and deadlines.
        self.tijdlijn = dossier_tijdlijn(data, peildatum)
        self.tijdlijn_data = tijdlijn_context(self.tijdlijn)
        self.wet = wet.template_data()  # the law's numbers: no template writes them itself
        self._views: dict[frozenset[Audience], View] = {}

    def view(self, audiences: frozenset[Audience]) -> View:
        """The dossier as ``audiences`` may see it, made on first use."""
        view = self._views.get(audiences)
        if view is None:
            view = self._views[audiences] = make_view(self.data, self._schemas, audiences)
        return view


def render_document(
    data: Mapping[str, Any],
    spec: DocumentSpec,
    engine: Engine,
    version: str,
    peildatum: date,
    facts: DossierFacts | None = None,
) -> bytes:
    """Pure middle of the pipeline: dossier data → view → markup → Word bytes.

    ``facts`` are the dossier's shared facts on ``peildatum``, when its other documents are made
    too (see :class:`DossierFacts`); without them they are computed for this document.
    """
    context = document_context(data, spec, engine, version, peildatum, facts)
    markup = engine.renderer.render(spec.template, context)
    if Audience.WERKGEVER in spec.audiences:
        refuse_diagnosis_words(markup, data, spec.title)
    blocks = parse_markup(markup)
    document_date = spec.document_date(data, peildatum)
    created = datetime.combine(document_date, time(12, 0), tzinfo=UTC)
    properties = DocumentProperties(
        title=spec.core_title(data),
        author=spec.author(data),
        subject=spec.title,
        keywords=spec.name,
        created=created,
        company=engine.bureau_naam,
    )
    return render_docx(blocks, engine.house_style, properties, engine.fixed_parts)


def document_context(
    data: Mapping[str, Any],
    spec: DocumentSpec,
    engine: Engine,
    version: str,
    peildatum: date,
    facts: DossierFacts | None = None,
) -> dict[str, Any]:
    """The template data of one document: the audience's view of the dossier, the document's
    own facts and what its kind derives from that view (so derived data cannot leak either)."""
    if facts is None or facts.data is not data or facts.peildatum != peildatum:
        facts = DossierFacts(data, engine, peildatum)
    view = facts.view(spec.audiences)
    document_date = spec.document_date(data, peildatum)
    return {
        "dossier": view,
        "document": {
            "naam": spec.name,
            "titel": spec.title,
            "datum": document_date.isoformat(),
            # The dossier's kenmerk and version name the source; never its file path or
            # folder, which may hold a name or a diagnosis.
            "kenmerk": _kenmerk(data),
            "versie": version,
            "colofon": engine.colofon,
            "doelgroep": sorted(a.value for a in spec.audiences),
        },
        "peildatum": peildatum.isoformat(),
        "wet": facts.wet,
        "tijdlijn": facts.tijdlijn_data,
        **spec.derive(view, facts.tijdlijn, peildatum),  # from the view: derived data cannot leak
    }


def _kenmerk(data: Mapping[str, Any]) -> str:
    """The case's kenmerk (``zaak.kenmerk``), or empty."""
    zaak = data.get("zaak")
    value = zaak.get("kenmerk") if isinstance(zaak, Mapping) else None
    return str(value) if value else ""


_UNESCAPE = re.compile(r"\\(.)")


def refuse_diagnosis_words(markup: str, data: Mapping[str, Any], title: str) -> None:
    """Stop a document for the employer that holds a diagnosis phrase the dossier does not
    record as checked (``privacycontrole``); the error names the first field holding one."""
    # Values reach the markup with their punctuation escaped ("hernia\\-operatie"). Unescaping
    # is the slow part of a clean document's check, so first a quick look at the markup with
    # an escaped backslash as another non-letter and every other backslash dropped: that is
    # the unescaped text but for a backslash before a line break or at the end, which never
    # borders a hit on a letter, so every hit of the unescaped text is a hit there too.
    quick = markup.replace("\\\\", "\x00").replace("\\", "")
    if not diagnosis_words().holds_any(quick):
        return
    found = unchecked_in_document(_UNESCAPE.sub(r"\1", markup), data)
    if not found:
        return
    folded = [phrase.casefold() for phrase in found]
    where = next(
        (
            tuple(parts)
            for parts, text in text_fields(data)
            if any(phrase in text.casefold() for phrase in folded)
        ),
        (),
    )
    shown = ", ".join(f"'{phrase}'" for phrase in found)
    raise DiagnosisWordError(
        f"{title} is voor de werkgever en bevat {shown}, wat op een diagnose of behandeling "
        "wijst; haal het uit de tekst (medische informatie hoort in bedrijfsarts.medisch) of "
        "leg in 'privacycontrole' vast dat deze formulering is gecontroleerd",
        where,
    )
