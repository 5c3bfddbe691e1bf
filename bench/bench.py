"""dossiergen's benchmarks (DESIGN.md §10): one run, every figure, our figures next to the peer's.

    python bench/bench.py            # the full run (make bench): 1,000 dossiers, scaling to 5,000
    python bench/bench.py --quick    # a short run to try it out: 100 dossiers, scaling to 1,000

Dossiers come from ``bench/genereer.py``: *voorbeelddossiers* are copies of the three examples in
``dossiers/`` with another person and kenmerk (about 30 kB), *synthetische dossiers* vary sizes
and texts (5-40 tasks, 0-20 functions, long free text; about three times an example), and the
scaling runs add synthetic dossiers four and sixteen times the examples' size. Measured in one
run: render time per document by kind (median, p95) in-process, the rapport next to docxtpl on
the same content (per dossier, interleaved, so both see the same load); ``check`` in-process and
through the CLI; the full build with ``--jobs 2`` and the no-op rebuild as subprocesses, with the
memory of every process; how build and check scale with the number and the size of dossiers.
Each time of a document is the best of three renders: other work on a shared machine only ever
adds time. Work files go to ``bench/out/`` (git-ignored), or ``--out``.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docxtpl_peer  # noqa: E402
import genereer  # noqa: E402
from meting import (  # noqa: E402
    MB,
    Run,
    build_summary,
    check_summary,
    load,
    machine,
    markdown,
    measured_run,
    median,
    ms,
    percentile,
    sources_state,
    tool,
)

PEILDATUM = "2026-11-25"
REPEATS = 3


@dataclass
class Goal:
    """One line of the table of goals."""

    metric: str
    measured: str
    target: str
    met: bool

    def cells(self) -> list[str]:
        return [self.metric, self.measured, self.target, "ja" if self.met else "NEE"]


@dataclass
class Report:
    goals: list[Goal] = field(default_factory=list)
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def goal(self, metric: str, measured: str, target: str, met: bool) -> None:
        self.goals.append(Goal(metric, measured, target, met))


def log(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def best(function: Callable[[], Any], repeats: int = REPEATS) -> float:
    """The shortest of ``repeats`` runs, in seconds of CPU time of this process."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)


class Bench:
    """The engine and the dossiers, loaded once."""

    def __init__(self, work: Path) -> None:
        from dossiergen.config import default_resources
        from dossiergen.engine import engine_for

        self.resources = default_resources()
        self.engine = engine_for(self.resources)
        self.engine.renderer.compile_all()
        self.peildatum = date.fromisoformat(PEILDATUM)
        self.work = work
        self.dossiergen = tool("dossiergen")

    def load(self, paths: Sequence[Path]) -> list[Any]:
        from dossiergen.checker import check_file

        results = [check_file(path, self.engine.schemas, self.peildatum) for path in paths]
        refused = [r for r in results if r.dossier is None or r.failed()]
        if refused:  # a generator that no longer matches the format: say so, measure nothing
            raise SystemExit(
                f"{len(refused)} gegenereerde dossiers afgekeurd, bv. {refused[0].display_path}"
            )
        return [r.dossier for r in results]

    def render(self, dossier: Any, spec: Any, facts: Any = None) -> bytes:
        from dossiergen.engine import render_document

        return render_document(dossier.data, spec, self.engine, "v", self.peildatum, facts)

    def build(self, dossiers: Path, out: Path, jobs: int) -> Run:
        command = [self.dossiergen, "build", str(dossiers), "-o", str(out), "--jobs", str(jobs)]
        # Our rendering, not LibreOffice's layout: measuring the contents' page numbers starts
        # LibreOffice for every document with contents (measured apart, see page_numbers)
        command += ["--zonder-paginanummers", "--quiet", "--peildatum", PEILDATUM]
        return measured_run(command)

    def check(self, dossiers: Path) -> Run:
        return measured_run([self.dossiergen, "check", str(dossiers), "--peildatum", PEILDATUM])


def dataset(work: Path, name: str, count: int, size: float | None, seed: int) -> list[Path]:
    """``count`` dossiers (kept between runs of the same settings and the same generator: a
    changed generator or dossier format makes a new set)."""
    made_by = genereer.version()
    folder = work / f"{name}-{count}-{seed}-{made_by}"
    paths = sorted(folder.glob("*.yaml"))
    if len(paths) != count:
        shutil.rmtree(folder, ignore_errors=True)
        log(f"{count} {name} maken")
        paths = genereer.generate(count, folder, seed, size)
    return paths


def kind_times(bench: Bench, dossiers: Sequence[Any]) -> dict[str, list[float]]:
    """Per document kind: the best-of-three render time of each applicable dossier."""
    from dossiergen.documents import DOCUMENTS, missing_parts

    times: dict[str, list[float]] = {name: [] for name in DOCUMENTS}
    for dossier in dossiers:
        for name, spec in DOCUMENTS.items():
            if spec.applies(dossier.data) and not missing_parts(spec, dossier):
                bench.render(dossier, spec)  # warm
                times[name].append(best(partial(bench.render, dossier, spec)))
    return {name: values for name, values in times.items() if values}


def peer_ratios(bench: Bench, dossiers: Sequence[Any]) -> tuple[list[float], list[float]]:
    """The rapport by dossiergen and by docxtpl, per dossier, interleaved: (ours, peer)."""
    from dossiergen.documents import DOCUMENTS

    spec = DOCUMENTS["rapport"]
    template = docxtpl_peer.build_template(
        bench.resources.house_style, bench.work / "docxtpl-rapport.docx"
    )
    env = docxtpl_peer.jinja_env()
    ours, peer = [], []
    for dossier in dossiers:
        if not spec.applies(dossier.data):
            continue
        docxtpl_peer.render(template, dossier.data, env)
        ours.append(best(partial(bench.render, dossier, spec)))
        peer.append(best(partial(docxtpl_peer.render, template, dossier.data, env)))
    return ours, peer


def render_section(report: Report, bench: Bench, name: str, dossiers: Sequence[Any]) -> None:
    """Per kind median and p95; the rapport next to docxtpl with the ratio."""
    log(f"documenten renderen: {len(dossiers)} {name}")
    times = kind_times(bench, dossiers)
    log(f"rapport met docxtpl: {len(dossiers)} {name}")
    ours, peer = peer_ratios(bench, dossiers)
    ratios = [p / o for o, p in zip(ours, peer, strict=True)]
    rows = []
    for kind, values in times.items():
        row = [kind, str(len(values)), ms(median(values)), ms(percentile(values, 0.95))]
        if kind == "rapport":
            row += [ms(median(peer)), ms(percentile(peer, 0.95)), f"{median(ratios):.1f}×"]
        else:
            row += ["–", "–", "–"]
        rows.append(row)
    header = ["document", "aantal", "mediaan ms", "p95 ms", "docxtpl mediaan ms", "docxtpl p95 ms"]
    report.tables.append((f"Per document, {name} (CPU-tijd, beste van 3)", [*header, "×"], rows))
    ratio = median(ratios)
    report.goal(f"rapport t.o.v. docxtpl, {name}", f"{ratio:.1f}× sneller", "≥ 5×", ratio >= 5)
    if name == "voorbeelddossiers":
        slowest = max(times, key=lambda k: median(times[k]))
        worst = median(times[slowest])
        report.goal(
            "elk document, mediaan, voorbeelddossiers",
            f"hoogstens {ms(worst)} ms ({slowest})",
            "≤ 10 ms",
            worst <= 0.010,
        )


def check_section(report: Report, bench: Bench, folder: Path, paths: Sequence[Path]) -> None:
    from dossiergen.checker import check_file

    log("check in het proces")
    sample = paths[: min(len(paths), 300)]
    started = time.process_time()
    for path in sample:
        check_file(path, bench.engine.schemas, bench.peildatum)
    per = (time.process_time() - started) / len(sample)
    log("check met de CLI, drie keer")
    # Three runs, the fastest counts (as for the render times: other work on the machine then
    # counts least); the slowest is reported beside it.
    runs = [bench.check(folder) for _ in range(3)]
    run = min(runs, key=lambda r: r.wall)
    slowest = max(r.wall for r in runs)
    checked, rejected = check_summary(run.stdout)
    rate = len(paths) / run.wall
    report.goal(
        f"`dossiergen check`, {len(paths)} voorbeelddossiers (2 processen), snelste van 3",
        f"{rate:.0f} dossiers/s ({run.wall:.2f} s; traagste {len(paths) / slowest:.0f}/s; "
        f"in het bench-proces {ms(per)} ms per dossier)",
        "≥ 500/s",
        rate >= 500 and checked == len(paths) and rejected == 0,
    )


def build_section(report: Report, bench: Bench, folder: Path, count: int, jobs: int) -> Run:
    out = bench.work / f"build-{count}"
    shutil.rmtree(out, ignore_errors=True)
    log(f"volledige bouw: {count} voorbeelddossiers × alle documenten, --jobs {jobs}")
    before = sources_state(genereer.ROOT)
    full = bench.build(folder, out, jobs)
    written, _, failed = build_summary(full.stdout)
    limit = 40 * count / 1000
    report.goal(
        f"volledige bouw {count} voorbeelddossiers × alle documenten, --jobs {jobs}",
        f"{full.wall:.1f} s ({written} documenten, {failed} mislukt; {full.cpu:.0f} s CPU)",
        f"≤ {limit:g} s",
        full.wall <= limit and full.rc == 0 and failed == 0,
    )
    report.goal(
        "piekgeheugen per proces (ru_maxrss, grootste proces)",
        f"{full.maxrss / MB:.0f} MB (hele boom samen: {full.tree_pss / MB:.0f} MB PSS)",
        "≤ 300 MB",
        full.maxrss <= 300 * MB,
    )
    report.goal(
        "wat het meten zelf kostte tijdens de bouw",
        f"{full.sampling_share * 100:.2f}% van één core ({full.sampler_cpu:.2f} s CPU)",
        "< 1% van een core",
        full.sampling_share < 0.01,
    )
    log("no-op rebuild")
    changed = sources_state(genereer.ROOT) != before
    again = bench.build(folder, out, jobs)
    written2, current2, _ = build_summary(again.stdout)
    report.goal(
        "no-op rebuild (niets veranderd)",
        f"{again.wall:.2f} s ({written2} gebouwd, {current2} al actueel)",
        "≤ 1 s",
        again.wall <= 1.0 and written2 == 0,
    )
    if changed:
        report.notes.append(
            "dossiergen/, templates/ of schemas/ veranderde tijdens de bouw: de no-op rebuild "
            "bouwt dan terecht opnieuw; draai de bench opnieuw als niemand aan de code werkt"
        )
    return full


def count_scaling(
    report: Report, bench: Bench, args: argparse.Namespace, measured: dict[int, Run]
) -> None:
    """Build and check of 100 / 1,000 / 5,000 voorbeelddossiers: cost per added dossier."""
    rows, builds = [], {}  # builds: CPU seconds of the whole build
    for count in args.counts:
        paths = dataset(bench.work, "voorbeelddossiers", count, 1, args.seed)
        folder = paths[0].parent
        run = measured.get(count)
        if run is None:
            log(f"schaal: bouw van {count} voorbeelddossiers")
            shutil.rmtree(bench.work / f"build-{count}", ignore_errors=True)
            run = bench.build(folder, bench.work / f"build-{count}", args.jobs)
        log(f"schaal: check van {count} voorbeelddossiers")
        checked = bench.check(folder)
        builds[count] = run.cpu
        rows.append(
            [
                str(count),
                f"{run.wall:.1f}",
                ms(run.wall / count),
                ms(run.cpu / count),
                f"{run.maxrss / MB:.0f}",
                f"{checked.wall:.2f}",
                ms(checked.wall / count),
            ]
        )
    header = [
        "dossiers",
        "bouw s",
        "bouw ms/dossier",
        "bouw CPU ms/dossier",
        "max MB/proces",
        "check s",
        "check ms/dossier",
    ]
    report.tables.append(("Schaal: aantal voorbeelddossiers (--jobs 2)", header, rows))
    counts = sorted(builds)
    marginal = [(builds[b] - builds[a]) / (b - a) for a, b in itertools.pairwise(counts)]
    if len(marginal) >= 2:
        report.goal(
            f"geen superlineaire term tot {counts[-1]} dossiers (bouw, CPU-tijd)",
            "extra CPU per dossier " + " → ".join(f"{ms(m)} ms" for m in marginal),
            "laatste ≤ 1,2 × eerste",
            marginal[-1] <= 1.2 * marginal[0],
        )


def size_scaling(report: Report, bench: Bench, args: argparse.Namespace) -> None:
    """Check and all documents of dossiers 1×, 4× and 16× the examples' size, in-process."""
    from dossiergen.checker import check_file
    from dossiergen.documents import DOCUMENTS, missing_parts
    from dossiergen.engine import DossierFacts

    rows, per_kb = [], []
    for size in (1, 4, 16):
        paths = dataset(bench.work, f"grootte-{size}x", args.size_count, size, args.seed)
        kb = statistics.mean(p.stat().st_size for p in paths) / 1024
        log(f"schaal: dossiers {size}× de voorbeelden ({kb:.0f} kB)")
        checks, renders, documents = [], [], 0
        for path in paths:
            started = time.process_time()
            result = check_file(path, bench.engine.schemas, bench.peildatum)
            checks.append(time.process_time() - started)
            dossier = result.dossier
            if dossier is None or result.failed():
                continue
            specs = [s for s in DOCUMENTS.values() if s.applies(dossier.data)]
            specs = [s for s in specs if not missing_parts(s, dossier)]
            documents += len(specs)
            started = time.process_time()
            facts = DossierFacts(dossier.data, bench.engine, bench.peildatum)
            for spec in specs:
                bench.render(dossier, spec, facts)
            renders.append(time.process_time() - started)
        per_kb.append(median(renders) / kb)
        rows.append(
            [
                f"{size}×",
                f"{kb:.0f}",
                str(len(paths)),
                f"{documents / max(1, len(renders)):.1f}",
                ms(median(checks)),
                ms(median(renders)),
                f"{median(renders) / kb * 1e6:.0f}",
            ]
        )
    header = ["grootte", "kB", "dossiers", "documenten", "check ms", "alle documenten ms", "µs/kB"]
    report.tables.append(("Schaal: grootte van een dossier (CPU-tijd, mediaan)", header, rows))
    report.goal(
        "geen superlineaire term in de grootte (documenten per kB)",
        " → ".join(f"{v * 1e6:.0f} µs/kB" for v in per_kb),
        "16× ≤ 1,2 × 1×",
        per_kb[-1] <= 1.2 * per_kb[0],
    )


def help_time(report: Report, bench: Bench, runs: int) -> None:
    subprocess.run([bench.dossiergen, "--help"], capture_output=True, check=True)
    starts = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([bench.dossiergen, "--help"], capture_output=True, check=True)
        starts.append(time.perf_counter() - started)
    shown = median(starts)
    report.goal("`dossiergen --help` starttijd", f"{ms(shown)} ms", "≤ 300 ms", shown <= 0.300)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, help="voorbeelddossiers voor bouw en check (1000)")
    parser.add_argument("--quick", action="store_true", help="kort: 100 dossiers, schaal tot 1000")
    parser.add_argument("--samples", type=int, help="dossiers per soort voor de rendertijden (60)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs van de bouw (standaard 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="werkmap")
    parser.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON")
    args = parser.parse_args(argv)
    args.n = args.n or (100 if args.quick else 1000)
    args.samples = args.samples or (15 if args.quick else 60)
    args.counts = sorted({100, 300 if args.quick else 1000, 1000 if args.quick else 5000, args.n})
    args.size_count = 8 if args.quick else 30
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = Report()
    print(f"dossiergen bench — {machine()}", flush=True)
    print(f"belasting van de machine (loadavg) bij de start: {load()}", flush=True)
    # As an installed package has them: with PYTHONDONTWRITEBYTECODE set (as in some CI images)
    # an editable install would otherwise compile every module in every process it starts.
    compileall.compile_dir(HERE.parent / "dossiergen", quiet=1)
    bench = Bench(args.out)
    examples = dataset(args.out, "voorbeelddossiers", args.n, 1, args.seed)
    synthetic = dataset(args.out, "synthetisch", args.samples, None, args.seed)
    help_time(report, bench, 5 if args.quick else 10)
    render_section(report, bench, "voorbeelddossiers", bench.load(examples[: args.samples]))
    render_section(report, bench, "synthetische dossiers", bench.load(synthetic))
    check_section(report, bench, examples[0].parent, examples)
    full = build_section(report, bench, examples[0].parent, args.n, args.jobs)
    count_scaling(report, bench, args, {args.n: full})
    size_scaling(report, bench, args)
    print()
    print(markdown(["meting", "gemeten", "doel", "gehaald?"], [g.cells() for g in report.goals]))
    for title, header, rows in report.tables:
        print(f"\n{title}\n")
        print(markdown(header, rows))
    report.notes.append(f"belasting van de machine (loadavg) aan het eind: {load()}")
    print()
    for note in report.notes:
        print(f"- {note}")
    if args.json:
        body = {
            "machine": machine(),
            "doelen": [g.__dict__ for g in report.goals],
            "tabellen": [{"titel": t, "kop": h, "rijen": r} for t, h, r in report.tables],
        }
        args.json.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
