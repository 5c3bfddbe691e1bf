"""The sandbox's fast paths: the same values as the full sandbox, and nothing more reachable."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from dossiergen.blocks import Run
from dossiergen.dossier.views import View, Withheld
from dossiergen.errors import PrivacyError, TemplateError
from dossiergen.text.sandbox import TemplateRenderer


def _render(tmp_path: Path, source: str, **context: Any) -> str:
    (tmp_path / "t.md.j2").write_text(source, encoding="utf-8")
    (tmp_path / "_m.md.j2").write_text("{% macro groet(x) %}dag {{ x }}{% endmacro %}\n")
    return TemplateRenderer(tmp_path).render("t.md.j2", context)


def _view() -> View:
    inner = View({"naam": "Jansen", "lijst": [1, 2]}, "$.werknemer")
    return View({"werknemer": inner, "medisch": Withheld("$.medisch", "medisch")}, "$")


def test_fast_paths_give_what_the_template_asks_for(tmp_path: Path) -> None:
    source = (
        "{% import '_m.md.j2' as m %}{% set ns = namespace(n=3) %}"
        "{{ dossier.werknemer.naam }} {{ dossier.werknemer.get('naam') }} "
        "{{ dossier.werknemer.keys() | list | join }} {{ run.text }} {{ run.bold }} "
        "{% for x in dossier.werknemer.lijst %}{{ loop.index }}{{ loop.first }}{% endfor %} "
        "{{ ns.n }} {{ m.groet('u') }} {{ 'medisch' in dossier }}"
    )
    shown = _render(tmp_path, source, dossier=_view(), run=Run("tekst", bold=True))
    assert shown == "Jansen Jansen naam\\, lijst tekst ja 1ja2nee 3 dag u nee"


@pytest.mark.parametrize(
    "expression",
    [
        "dossier.__class__",
        "dossier._items",
        "dossier.werknemer.items.__self__",
        "dossier.werknemer.lijst.append(3)",
        "run.__class__.__mro__",
        "run.__dataclass_fields__",
        "loop.__class__",
        "m.__dict__",
        "m.groet.__globals__",
        "ns.__class__",
    ],
)
def test_the_sandbox_still_refuses(tmp_path: Path, expression: str) -> None:
    source = (
        "{% import '_m.md.j2' as m %}{% set ns = namespace(n=3) %}"
        f"{{% for x in [1] %}}{{{{ {expression} }}}}{{% endfor %}}"
    )
    with pytest.raises(TemplateError):
        _render(tmp_path, source, dossier=_view(), run=Run("tekst"))


@pytest.mark.parametrize(
    "expression",
    ["d.update({'a': 2})", "d.pop('a')", "d.clear()", "d.setdefault('b', 1)", "d.__class__"],
)
def test_a_dict_stays_read_only(tmp_path: Path, expression: str) -> None:
    with pytest.raises(TemplateError):
        _render(tmp_path, f"{{{{ {expression} }}}}", d={"a": 1})


def test_a_dict_reads_as_jinja_reads_it(tmp_path: Path) -> None:
    source = (
        "{{ d.a }} {{ d.get('a') }} {{ d.get('x', 'geen') }} {{ d['a'] }} "
        "{% for k, v in d.items() %}{{ k }}={{ v }}{% endfor %} {{ d.keys()|list|join }} "
        "{{ d.values()|list|join }} {{ d.x is defined }} {{ d.copy is defined }}"
    )
    shown = _render(tmp_path, source, d={"a": 1, "items": "zelf"})
    assert shown == "1 1 geen 1 a=1items=zelf a\\, items 1\\, zelf nee ja"


def test_a_withheld_field_is_refused_on_the_fast_path(tmp_path: Path) -> None:
    with pytest.raises(PrivacyError):
        _render(tmp_path, "{{ dossier.medisch }}", dossier=_view())
    with pytest.raises(PrivacyError):
        _render(tmp_path, "{{ dossier.get('medisch') }}", dossier=_view())


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("{{ x }}", "\\*vet\\* \\| \\#"),
        ("{% autoescape false %}{{ x }}{% endautoescape %}", "\\*vet\\* \\| \\#"),
        ("{% autoescape true %}{{ x }}{% endautoescape %}", "\\*vet\\* \\| \\#"),
        ("{% import '_m.md.j2' as m %}{{ m.groet(x) }}", "dag \\*vet\\* \\| \\#"),
        ("{% set y %}<{{ x }}>{% endset %}{{ y }}", "<\\*vet\\* \\| \\#>"),
    ],
)
def test_every_printed_value_is_escaped_once(tmp_path: Path, source: str, shown: str) -> None:
    """``{{ }}`` compiles to our ``finalize`` alone (no HTML escape around it): still every value
    is escaped for the markup, once, also where an autoescape block decides at run time, and
    a macro's or a block's result (already escaped) passes as it is."""
    assert _render(tmp_path, source, x="*vet* | #") == shown


def test_printed_values_are_not_html_escaped_again(tmp_path: Path) -> None:
    renderer = TemplateRenderer(tmp_path)
    code = renderer.environment.compile("{{ x }}{{ y|getal }}", raw=True)
    assert "environment.finalize(" in code
    assert "escape(environment.finalize(" not in code


def _loads_in_a_worker(resources: Any, name: str) -> tuple[int, str]:
    """In a forked worker: render ``name`` and count the template sources read for it."""
    from jinja2 import FileSystemLoader

    from dossiergen.engine import engine_for

    reads = 0
    original = FileSystemLoader.get_source

    def counting(self: FileSystemLoader, environment: Any, template: str) -> Any:
        nonlocal reads
        reads += 1
        return original(self, environment, template)

    FileSystemLoader.get_source = counting  # type: ignore[method-assign]
    try:
        renderer = engine_for(resources).renderer
        return reads, renderer.environment.get_template(name).render(x="waarde")
    finally:
        FileSystemLoader.get_source = original  # type: ignore[method-assign]


def test_forked_workers_inherit_the_compiled_templates(tmp_path: Path) -> None:
    """The build compiles every template in the parent; workers read no template source, a
    practice's override and the built-in it extends included."""
    from dataclasses import replace

    from dossiergen.config import default_resources
    from dossiergen.engine import engine_for
    from dossiergen.workers import parallel_map

    own = tmp_path / "templates"
    own.mkdir()
    (own / "eigen.md.j2").write_text("eigen {{ x }}\n", encoding="utf-8")
    (own / "rapport.md.j2").write_text(
        "{% extends 'dossiergen/rapport.md.j2' %}\n", encoding="utf-8"
    )
    resources = replace(default_resources(), overrides_dir=own)
    assert engine_for(resources).renderer.compile_all() >= 20
    work = partial(_loads_in_a_worker, resources)
    results = list(parallel_map(work, ["eigen.md.j2", "_macros.md.j2"], 2))
    assert results[0] == (0, "eigen waarde\n")
    assert results[1][0] == 0
    cache = engine_for(resources).renderer.environment.cache
    assert cache is not None
    assert {key[1] for key in cache} >= {"rapport.md.j2", "dossiergen/rapport.md.j2"}
