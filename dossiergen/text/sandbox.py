"""Render Jinja templates into the block markup, with every value escaped as plain text.

The environment is sandboxed and immutable (templates cannot call into Python or change data)
and undefined names fail loudly (``StrictUndefined``). Escaping works like HTML autoescaping,
but for the markup: every value printed by ``{{ ... }}`` has its ASCII punctuation
backslash-escaped and its newlines flattened, so ``*``, ``|``, ``#``, ``<`` or ``{{`` in a
dossier never become formatting or template code. Macros return ``Markup`` and pass unescaped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from types import BuiltinMethodType, FunctionType, MethodType, TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
)
from jinja2 import (
    TemplateError as JinjaTemplateError,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from markupsafe import Markup

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
    """The immutable sandbox, with fast paths for what our own templates touch most.

    The sandbox vets every attribute access and call (half of the rendering time). Objects
    whose safe attributes are known ahead skip the vetting, nothing else does: our read-only
    dossier views (a ``View`` holds only data and refuses withheld fields itself; its mapping
    methods only read), plain dicts (their items and reading methods), our frozen dataclasses
    (their fields, as the class declares them), Jinja's own loop variables, imported template
    modules and namespaces (their public names), and calls of macros, of the reading methods
    of views and dicts and of our own helper functions in the template data. Everything else,
    a practice's own template included, goes through the full sandbox.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.code_generator_class = _MarkupCodeGenerator
        self._fields: dict[type, frozenset[str]] = {}  # safe attributes per dataclass type

    def getattr(self, obj: Any, attribute: str) -> Any:
        kind = type(obj)
        if attribute[:1] != "_":
            if kind is View or kind is dict:  # dict: the derived data, read-only here
                if attribute in _MAPPING_METHODS:
                    return getattr(obj, attribute)
                if kind is View or attribute not in _DICT_ATTRIBUTES:  # a dict method: full way
                    try:
                        return obj[attribute]
                    except KeyError:
                        pass
            elif kind is LoopContext:
                if attribute in _LOOP_ATTRIBUTES:
                    return getattr(obj, attribute)
            elif kind is TemplateModule or kind is Namespace:
                try:
                    return getattr(obj, attribute)
                except AttributeError:
                    pass
            elif attribute in self._safe_fields(kind):
                return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def _safe_fields(self, kind: type) -> frozenset[str]:
        fields = self._fields.get(kind)
        if fields is None:
            fields = frozenset()
            params = getattr(kind, "__dataclass_params__", None)
            if kind.__module__.startswith("dossiergen.") and params is not None and params.frozen:
                fields = frozenset(f.name for f in dataclasses.fields(kind))
            self._fields[kind] = fields
        return fields

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind = type(__obj)
        if kind is not Macro and not _reads_only(kind, __obj):
            return super().call(__context, __obj, *args, **kwargs)
        # What Context.call does for them: none takes the context, so only the bookkeeping
        # arguments that a call in a loop or block gets go, and StopIteration is undefined
        if kwargs:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        try:
            if kind is Macro:
                return _call_macro(__context, __obj, args, kwargs)
            return __obj(*args, **kwargs)
        except StopIteration:
            return __context.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


def _reads_only(kind: type, function: Any) -> bool:
    """A view's or dict's get/items/keys/values, or a helper function of ours that a document
    puts in its template data (``tekstblokken``): safe, and taking no context."""
    if kind is MethodType:
        return type(function.__self__) is View
    if kind is BuiltinMethodType:
        return type(function.__self__) is dict and function.__name__ in _MAPPING_METHODS
    return (
        kind is FunctionType
        and function.__module__.startswith("dossiergen.")
        and not hasattr(function, "jinja_pass_arg")
    )


def _call_macro(context: Context, macro: Macro, args: tuple[Any, ...], kwargs: Any) -> Any:
    """What ``Macro.__call__`` does, with the usual case (every argument by position, no
    ``caller``) done in one step; anything else goes the full way."""
    if (
        not kwargs
        and len(args) == macro._argument_count
        and not (macro.caller or macro.catch_varargs or macro.catch_kwargs)
    ):
        result = macro._func(*args)
        return str.__new__(Markup, result) if context.eval_ctx.autoescape else result
    return macro(context.eval_ctx, *args, **kwargs)


class _MarkupCodeGenerator(CodeGenerator):
    """Compiles ``{{ value }}`` to ``environment.finalize(value)`` alone where Jinja writes
    ``escape(environment.finalize(value))``: our ``finalize`` already returns the value escaped
    for the markup as ``Markup``, and Jinja's HTML ``escape`` of a ``Markup`` only copies it
    (two Python calls for every printed value). Inside ``{% autoescape %}`` blocks, whose
    setting is decided at run time, Jinja's own code stays."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if _finalize_only(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if _finalize_only(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


def _finalize_only(frame: Frame, finalize: Any) -> bool:
    context = frame.eval_ctx
    return bool(context.autoescape) and not context.volatile and finalize.src is not None


_MAPPING_METHODS = frozenset({"get", "items", "keys", "values"})
_DICT_ATTRIBUTES = frozenset(dir(dict))
_LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"}
    | {"previtem", "nextitem"}
)


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
        self.overrides_dir = overrides_dir
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

    def compile_all(self) -> int:
        """Compile every template now (built-ins and a practice's own), so that worker processes
        forked afterwards inherit them compiled; a template that does not compile is left for
        :meth:`render` to report. Returns how many compiled."""
        compiled = 0
        prefix = BUILTIN_TEMPLATE_PREFIX
        names = self.environment.list_templates(extensions=["j2"])
        own = {name for name in names if not name.startswith(prefix)}
        overridden = set()
        if self.overrides_dir is not None and self.overrides_dir.is_dir():
            overridden = {
                p.relative_to(self.overrides_dir).as_posix()
                for p in self.overrides_dir.rglob("*.j2")
            }
        for name in names:
            # a built-in under its prefix only where an override may extend it
            if name not in own and name.removeprefix(prefix) not in overridden:
                continue
            try:
                self.environment.get_template(name)
            except (JinjaTemplateError, UnicodeDecodeError, OSError):
                continue
            compiled += 1
        return compiled

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
