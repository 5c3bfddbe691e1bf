"""HTML output of the typed blocks: the preview of a document, beside the Word writer."""

from dossiergen.html.writer import render_html

__all__ = ["render_html"]
