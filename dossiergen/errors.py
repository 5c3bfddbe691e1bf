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
