"""Where the time goes: per-stage times of validation and rendering, per document kind.

    python bench/profiel.py [--n 50] [--seed 1]

A companion to ``bench.py`` for whoever works on the targets: it generates ``--n`` synthetic
dossiers and prints medians per dossier of the stages of ``check_file`` (YAML load, schema,
domain rules, diagnosis-word scan) and of ``render_document`` (context: view, timeline and
derived data; Jinja; markup parse; Word writer) for every document kind. The render stages
repeat the steps of ``dossiergen.engine.render_document``; if that function changes, change
``stages`` here too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import genereer  # noqa: E402

PEILDATUM = date(2026, 11, 25)


def clocked(
    times: dict[str, list[float]], name: str, function: Callable[..., Any], *args: Any, **kw: Any
) -> Any:
    started = time.perf_counter()
    result = function(*args, **kw)
    times[name].append(time.perf_counter() - started)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from dossiergen.config import default_resources
    from dossiergen.documents import DOCUMENTS, missing_parts
    from dossiergen.documents.spec import DocumentSpec
    from dossiergen.docx.writer import DocumentProperties, render_docx
    from dossiergen.dossier.load import load_dossier
    from dossiergen.dossier.validate import validate_schema
    from dossiergen.engine import document_context, engine_for
    from dossiergen.rules import apply_rules
    from dossiergen.rules.privacy import diagnosis_warnings
    from dossiergen.text.markup import parse_markup

    engine = engine_for(default_resources())
    with tempfile.TemporaryDirectory() as folder:
        paths = genereer.generate(args.n, Path(folder), args.seed)
        check: dict[str, list[float]] = defaultdict(list)
        loaded = []
        for path in paths:
            dossier = clocked(check, "YAML inlezen (load_dossier)", load_dossier, path)
            problems = clocked(
                check, "schema (validate_schema)", validate_schema, dossier, engine.schemas
            )
            clocked(
                check,
                "domeinregels incl. diagnosewoorden (apply_rules)",
                apply_rules,
                dossier,
                PEILDATUM,
                schema_problems=problems,
            )
            clocked(check, "  waarvan diagnosewoorden", diagnosis_warnings, dossier)
            loaded.append(dossier)

    print(f"check_file, {args.n} synthetische dossiers, mediaan per dossier:")
    for name, values in check.items():
        print(f"  {name:52} {statistics.median(values) * 1000:8.1f} ms")

    def stages(spec: DocumentSpec, data: Any, times: dict[str, list[float]]) -> None:
        context = clocked(
            times,
            "context (document_context)",
            lambda: document_context(data, spec, engine, "", PEILDATUM),
        )
        markup = clocked(
            times, "Jinja (renderer.render)", lambda: engine.renderer.render(spec.template, context)
        )
        blocks = clocked(times, "markup (parse_markup)", lambda: parse_markup(markup))
        day = spec.document_date(data, PEILDATUM)
        properties = DocumentProperties(
            title=spec.core_title(data),
            author=spec.author(data),
            subject=spec.title,
            keywords=f"dossiergen; {spec.name}",
            created=datetime.combine(day, day_time(12, 0), tzinfo=UTC),
        )
        clocked(
            times,
            "Word (render_docx)",
            lambda: render_docx(blocks, engine.house_style, properties, engine.fixed_parts),
        )

    print("\nrender_document per documentsoort, mediaan per document (ms):")
    header = ["document", "aantal", "context", "Jinja", "markup", "Word", "totaal"]
    print("  " + " ".join(f"{h:>10}" if i else f"{h:34}" for i, h in enumerate(header)))
    for spec in DOCUMENTS.values():
        times: dict[str, list[float]] = defaultdict(list)
        applicable = [d for d in loaded if spec.applies(d.data) and not missing_parts(spec, d)]
        for dossier in applicable[:3]:
            stages(spec, dossier.data, defaultdict(list))  # warm-up
        for dossier in applicable:
            stages(spec, dossier.data, times)
        if not applicable:
            continue
        columns = [statistics.median(v) * 1000 for v in times.values()]
        totals = [sum(parts) * 1000 for parts in zip(*times.values(), strict=True)]
        cells = [f"{c:10.1f}" for c in [*columns, statistics.median(totals)]]
        print(f"  {spec.name:34} {len(applicable):>10} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
