"""The preview of one document: the real pipeline up to the typed blocks, then HTML.

The same steps as the .docx (``engine.document_context`` with the audience's view, the
practice's template in the sandbox, the markup parser) and the same refusals: a document the
dossier lacks data for names what is missing, a template that reads a field its audience may
not see fails with the privacy message -- in the preview as in the build.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from dossiergen.builder.manifest import build_keys, output_key, shows_peildatum, source_digest
from dossiergen.config import Resources
from dossiergen.documents import DocumentSpec, missing_parts
from dossiergen.dossier.load import LoadedDossier
from dossiergen.engine import document_context, engine_for
from dossiergen.errors import DomainError, DossierError
from dossiergen.html import render_html
from dossiergen.problems import Problem
from dossiergen.rules import domain_problem
from dossiergen.text.markup import parse_markup


@dataclass(frozen=True)
class Voorbeeld:
    """A document's preview, or why there is none."""

    spec: DocumentSpec
    html: str = ""
    melding: str = ""
    problems: tuple[Problem, ...] = ()

    @property
    def getoond(self) -> bool:
        """True when there is a preview to show."""
        return bool(self.html)


def render_preview(
    dossier: LoadedDossier,
    spec: DocumentSpec,
    resources: Resources,
    version: str,
    peildatum: date,
) -> Voorbeeld:
    """The preview of ``spec`` for a dossier that ``check`` lets through."""
    if not spec.applies(dossier.data):
        return Voorbeeld(spec, melding=f"niet van toepassing: {spec.not_applicable}")
    missing = missing_parts(spec, dossier)
    if missing:
        return Voorbeeld(spec, melding="er ontbreken gegevens", problems=tuple(missing))
    engine = engine_for(resources)
    try:
        context = document_context(dossier.data, spec, engine, version, peildatum)
        blocks = parse_markup(engine.renderer.render(spec.template, context))
    except DomainError as e:
        return Voorbeeld(spec, melding="niet te maken", problems=(domain_problem(dossier, e),))
    except DossierError as e:
        return Voorbeeld(spec, melding=f"niet te maken: {e}", problems=e.problems)
    return Voorbeeld(spec, html=render_html(blocks))


class PreviewCache:
    """Previews by their build key: the key ``dossiergen build`` gives the same .docx, so a
    preview is made again exactly when the document would be rebuilt."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: OrderedDict[str, Voorbeeld] = OrderedDict()

    def preview(
        self,
        dossier: LoadedDossier,
        spec: DocumentSpec,
        resources: Resources,
        version: str,
        peildatum: date,
    ) -> Voorbeeld:
        """The cached preview, made when its key is new."""
        dated = shows_peildatum(spec, dossier.data)
        key = output_key(
            build_keys(resources),
            spec,
            source_digest(dossier.source),
            version,
            peildatum if dated else None,
        )
        found = self._items.get(key)
        if found is None:
            found = render_preview(dossier, spec, resources, version, peildatum)
            self._items[key] = found
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return found

    def clear(self) -> None:
        """Forget every preview (templates or house style changed)."""
        self._items.clear()
