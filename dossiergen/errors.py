"""The one exception hierarchy of dossiergen.

Every error a user can cause is a ``DossierError``; the CLI maps it to an exit code. Messages are
Dutch (they reach the consultant); exceptions never print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossiergen.problems import Problem


class DossierError(Exception):
    """Root of every error that bad input, configuration or environment can cause."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class UsageError(DossierError):
    """The command was called wrongly (unknown document, path that does not exist, ...)."""


class LoadError(DossierError):
    """A dossier file could not be read or parsed as YAML."""


class InvalidDossierError(DossierError):
    """A dossier breaks the schema or a domain rule; the problems travel with the exception."""


class DomainError(DossierError):
    """A value the law or a rule cannot compute with; carries where it stands in the dossier.

    Raised by domain code (the timeline, the derivations) for input that passed the schema but
    still cannot be computed with: a period that ends before it starts, a date outside the
    holiday calendar. ``json_path`` holds the keys and indexes from the dossier's root to the
    value (``("verzuim", "ziekteperioden", 2, "tot")``); the checker turns the error into a
    located ``fout`` for that dossier only.
    """

    def __init__(self, message: str, json_path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.json_path = json_path


class DiagnosisWordError(DomainError):
    """A document for the employer holds a phrase that points to a diagnosis or treatment and
    that the dossier does not record as checked; ``json_path`` names the first field with it."""


class SchemaError(DossierError):
    """The project's own JSON Schemas are missing or broken."""


class TemplateError(DossierError):
    """A Jinja template is missing, has a syntax error or failed while rendering."""


class HouseStyleError(DossierError):
    """The house-style reference document is missing or lacks a style the writer needs."""


class MarkupError(DossierError):
    """Rendered markup uses a construct the Word writer does not support."""


class WriteError(DossierError):
    """An output file could not be written."""


class PdfError(DossierError):
    """LibreOffice is missing or failed to convert a document to PDF."""


class PrivacyError(DossierError):
    """A template used a field that the document's audience may not see."""


class MissingDataError(DossierError):
    """A dossier lacks what a requested document needs; the problems name each missing part."""
