"""What a document kind is: template, audience, what it needs and when it applies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dossiergen.dossier.load import LoadedDossier
from dossiergen.dossier.locations import container_position, json_path
from dossiergen.dossier.views import Audience
from dossiergen.poortwachter.tijdlijn import Tijdlijn
from dossiergen.problems import Problem, Severity

#: What a document kind derives from the audience view and the dossier's one timeline.
Derivation = Callable[[Mapping[str, Any], Tijdlijn, date], Mapping[str, Any]]


def report_date(data: Mapping[str, Any], peildatum: date) -> date:
    """The report date of the case when known, else the peildatum."""
    zaak = data.get("zaak")
    value = zaak.get("rapportdatum") if isinstance(zaak, Mapping) else None
    return date.fromisoformat(str(value)) if value else peildatum


def on_peildatum(data: Mapping[str, Any], peildatum: date) -> date:
    """The peildatum: for documents that show the state of the dossier on that day."""
    return peildatum


def always(data: Mapping[str, Any]) -> bool:
    """An ``applies`` test for documents that apply to every dossier."""
    return True


def _nothing(data: Mapping[str, Any], tijdlijn: Tijdlijn, peildatum: date) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Requirement:
    """One part a document cannot do without: a dotted path and its Dutch name."""

    path: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class DocumentSpec:
    """A document kind: its file name, title, template, readers and needs."""

    name: str
    title: str
    template: str
    audiences: frozenset[Audience]
    requires: tuple[Requirement, ...] = ()
    derive: Derivation = field(default=_nothing)
    #: Whether the document is due for a dossier at all (a letter only when the dossier asks
    #: for it). A document that applies but lacks data fails; one that does not apply is
    #: skipped quietly unless it was asked for by name.
    applies: Callable[[Mapping[str, Any]], bool] = field(default=always)
    #: Why it may not apply, for the message when it was asked for by name.
    not_applicable: str = ""
    #: True when the document shows the peildatum (deadlines, statuses): it is then rebuilt
    #: when the peildatum changes. Otherwise only its own date counts.
    uses_peildatum: bool = False
    #: The date the document carries, from the dossier and the peildatum (picklable).
    dated: Callable[[Mapping[str, Any], date], date] = field(default=report_date)
    #: Where the Word author property comes from: the first of these dotted paths the dossier
    #: fills (who wrote or signs the document; the tool is never the author).
    authors: tuple[str, ...] = (
        "zaak.arbeidsdeskundige.naam",
        "werkgever.casemanager.naam",
        "werkgever.contactpersoon.naam",
    )

    def document_date(self, data: Mapping[str, Any], peildatum: date) -> date:
        """The date printed on the document (see ``dated``)."""
        return self.dated(data, peildatum)

    def core_title(self, data: Mapping[str, Any]) -> str:
        """The Word title property: document title and employee name."""
        werknemer = data.get("werknemer", {})
        name = str(werknemer.get("naam", "")) if isinstance(werknemer, Mapping) else ""
        # The surname starts the phrase: "De Vries", not "de Vries".
        return f"{self.title} – {name[:1].upper()}{name[1:]}" if name else self.title

    def author(self, data: Mapping[str, Any]) -> str:
        """The Word author property: the first name ``authors`` finds in the dossier."""
        for path in self.authors:
            node: Any = data
            for key in path.split("."):
                node = node.get(key) if isinstance(node, Mapping) else None
            if isinstance(node, str) and node:
                return node
        return ""


def missing_parts(spec: DocumentSpec, dossier: LoadedDossier) -> list[Problem]:
    """One problem per requirement of ``spec`` that the dossier lacks, placed at its parent."""
    problems = []
    for requirement in spec.requires:
        node: Any = dossier.data
        present: list[str] = []
        for key in requirement.path:
            if isinstance(node, Mapping) and key in node and node[key] not in (None, "", [], {}):
                node = node[key]
                present.append(key)
            else:
                break
        else:
            continue
        line, column = container_position(dossier.data, present)
        problems.append(
            Problem(
                dossier.display_path,
                line,
                column,
                Severity.FOUT,
                f"{spec.name}: {requirement.label} ontbreekt ('{'.'.join(requirement.path)}')",
                json_path(requirement.path),
                rule="document.ontbreekt",
            )
        )
    return problems


def needs(*pairs: tuple[str, str]) -> tuple[Requirement, ...]:
    """Requirements from ``("dotted.path", "Dutch name")`` pairs."""
    return tuple(Requirement(tuple(path.split(".")), label) for path, label in pairs)


@dataclass(frozen=True)
class HasSection:
    """An ``applies`` test: the dossier has a non-empty value at ``path`` (picklable)."""

    path: tuple[str, ...]

    def __call__(self, data: Mapping[str, Any]) -> bool:
        node: Any = data
        for key in self.path:
            if not isinstance(node, Mapping) or not node.get(key):
                return False
            node = node[key]
        return True


def has_section(*path: str) -> HasSection:
    """An ``applies`` test: the dossier has a non-empty value at ``path``."""
    return HasSection(path)
