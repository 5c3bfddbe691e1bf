"""Render Jinja templates into the block markup, with every value escaped as plain text.

The environment is sandboxed and immutable (templates cannot call into Python or change data)
and undefined names fail loudly (``StrictUndefined``). Escaping works like HTML autoescaping,
but for the markup: every value printed by ``{{ ... }}`` has its ASCII punctuation
backslash-escaped and its newlines flattened, so ``*``, ``|``, ``#``, ``<`` or ``{{`` in a
dossier never become formatting or template code. Macros return ``Markup`` and pass unescaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2 import (
    TemplateError as JinjaTemplateError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dossiergen.config import BUILTIN_TEMPLATE_PREFIX
from dossiergen.dossier.labels import label
from dossiergen.dossier.views import View
from dossiergen.errors import DossierError, TemplateError
from dossiergen.files import display_path
from dossiergen.text.filters import (
    aantal,
    alineas,
    bedrag,
    datum,
    escape_markup,
    finalize,
    getal,
    ja_nee,
    join_escaped,
    leesbaar,
    met_datums,
    naar_aantal,
)

_UNSAFE_FILTERS = ("safe", "forceescape", "urlize", "xmlattr", "tojson", "striptags", "indent")


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with a fast path for our own read-only dossier views.

    The sandbox vets every attribute access (a third of the rendering time); a ``View`` holds
    only data and refuses withheld fields itself, so its keys are looked up directly.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is View and attribute not in _MAPPING_METHODS and attribute[:1] != "_":
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_MAPPING_METHODS = frozenset({"get", "items", "keys", "values"})


def template_loader(templates_dir: Path, overrides_dir: Path | None = None) -> BaseLoader:
    """The built-in templates, with a practice's own folder in front of them.

    A template in ``overrides_dir`` replaces the built-in one of the same name; the built-in
    stays reachable as ``dossiergen/<name>``, so an override can ``{% extends %}`` it and
    replace only a block. Every template, built-in or not, renders in the same sandbox.
    """
    builtin = FileSystemLoader(str(templates_dir))
    folders = [str(overrides_dir), str(templates_dir)] if overrides_dir else [str(templates_dir)]
    prefix = BUILTIN_TEMPLATE_PREFIX.rstrip("/")
    return ChoiceLoader([FileSystemLoader(folders), PrefixLoader({prefix: builtin})])


class TemplateRenderer:
    """Loads templates once (built-ins, a practice's overrides in front) and renders them with
    the markup escaping."""

    def __init__(self, templates_dir: Path, overrides_dir: Path | None = None) -> None:
        self.templates_dir = templates_dir
        env = _Sandbox(
            loader=template_loader(templates_dir, overrides_dir),
            autoescape=True,
            finalize=finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        for name in _UNSAFE_FILTERS:
            env.filters.pop(name, None)
        env.filters.update(
            e=escape_markup,
            escape=escape_markup,
            join=join_escaped,
            alineas=alineas,
            datum=datum,
            met_datums=met_datums,
            getal=getal,
            bedrag=bedrag,
            ja_nee=ja_nee,
            leesbaar=leesbaar,
            label=label,
            aantal=aantal,
            naar_aantal=naar_aantal,
        )
        self.environment = env

    def render(self, template_name: str, context: Mapping[str, Any]) -> str:
        """Render ``template_name``; every failure becomes ``TemplateError`` naming file:line."""
        try:
            template = self.environment.get_template(template_name)
        except TemplateSyntaxError as e:
            where = f"{display_path(Path(e.filename or e.name or template_name))}:{e.lineno}"
            raise TemplateError(f"{where}: sjabloonfout: {e.message}") from e
        except TemplateNotFound as e:
            raise TemplateError(f"sjabloon '{e.name}' bestaat niet in {self.templates_dir}") from e
        try:
            return template.render(context)
        except DossierError as e:  # e.g. a privacy refusal from the view: add the template line
            where = _template_location(e.__traceback__) or template_name
            raise type(e)(f"{display_path(Path(where))}: {e}", e.problems) from e
        except (JinjaTemplateError, TypeError, ValueError, ArithmeticError, LookupError) as e:
            where = _template_location(e.__traceback__) or template_name
            raise TemplateError(f"{display_path(Path(where))}: fout in sjabloon: {e}") from e


def _template_location(traceback: TracebackType | None) -> str | None:
    """``file:line`` of the innermost template frame (Jinja maps frames to template lines)."""
    found = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return found
