"""The werkbank's own pages: a normal, autoescaping Jinja environment for HTML.

Not the document sandbox (``text.sandbox``): these templates are the application's, their
data is the werkbank's view of the practice, and every value is HTML-escaped. Document
previews arrive here as HTML the preview writer made from the typed blocks (``Markup``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from dossiergen.problems import Problem
from dossiergen.text.filters import datum

PAGES = Path(__file__).resolve().parent / "pagina"
STATIC = Path(__file__).resolve().parent / "static"

#: What the pages may fetch from /static/, by name: nothing else is served from there.
STATIC_FILES = {
    "werkbank.css": "text/css; charset=utf-8",
    "werkbank.js": "text/javascript; charset=utf-8",
}


@cache
def environment() -> Environment:
    """The environment of the application's pages (loaded once per process)."""
    env = Environment(
        loader=FileSystemLoader(str(PAGES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(datum=_date, dagen=days_text, veldnaam=field_name, editor=editor_link)
    return env


def render(name: str, **context: Any) -> str:
    """Render page ``name`` with ``context``."""
    return environment().get_template(name).render(**context)


def _date(value: date | str | None, notation: str = "kort") -> str:
    return datum(value, notation) if value else "–"


def days_text(days: int | None) -> str:
    """``over 3 dagen``, ``vandaag``, ``2 dagen te laat`` for a number of days from today."""
    if days is None:
        return ""
    if days == 0:
        return "vandaag"
    if days == 1:
        return "morgen"
    if days > 0:
        return f"over {days} dagen"
    return "1 dag te laat" if days == -1 else f"{-days} dagen te laat"


def field_name(json_path: str) -> str:
    """A problem's JSON path as a form field's name: ``$.a.b[0].c`` -> ``a.b.0.c``."""
    text = re.sub(r"\[(\d+)\]", r".\1", json_path)
    text = re.sub(r"\['([^']*)'\]", r".\1", text)
    return text.removeprefix("$").removeprefix(".")


def editor_link(problem: Problem, root: Path) -> str:
    """A link that opens the problem's file at its line and column in VS Code."""
    path = (root / problem.path).resolve()
    return f"vscode://file{quote(path.as_posix(), safe='/:')}:{problem.line}:{problem.column}"
