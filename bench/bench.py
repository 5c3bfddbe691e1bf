"""dossiergen's benchmarks (DESIGN.md §10): one run, one table, our figures next to the peer's.

    python bench/bench.py            # full run: 1,000 dossiers (make bench)
    python bench/bench.py --quick    # 100 dossiers, fewer samples: to try it out

Measures, on synthetic dossiers from ``bench/genereer.py`` (5-40 tasks, 0-20 functions, long
free text): the rapport's render time per document in-process (median, p95) and the same
content through docxtpl; a full build of all dossiers × all documents with ``--jobs 2`` as a
subprocess, and the no-op rebuild after it; validation throughput in-process and through the
CLI; ``dossiergen --help`` start time; peak memory of the build. Work files go to ``bench/out/``
(git-ignored), or ``--out``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import docxtpl_peer  # noqa: E402
import genereer  # noqa: E402

PEILDATUM = "2026-11-25"
MB = 1024 * 1024


@dataclass
class Row:
    """One line of the result table."""

    metric: str
    measured: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("ja" if self.met else "NEE")


def log(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    try:
        total = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
        memory = f", {total / 1024**3:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{usable} CPU's beschikbaar (nproc), {model}{memory}; "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def load() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews every figure."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def tool(name: str) -> str:
    """The venv's console script (next to this interpreter), else from PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} niet gevonden; draai eerst `make`")
    return found


# --- subprocess measurements -----------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
import json
print(json.dumps({"wall": wall, "rc": proc.returncode, "maxrss_kb": usage.ru_maxrss,
                  "stdout": proc.stdout, "stderr": proc.stderr}))
"""


@dataclass
class Run:
    wall: float
    rc: int
    maxrss: int  # bytes, the largest single process among the command and its children
    tree_rss: int  # bytes, the largest sampled sum of RSS over the process tree
    tree_pss: int  # bytes, the same for PSS (shared pages of forked workers counted once)
    stdout: str
    stderr: str


def _descendants(root: int) -> list[int]:
    """The pids below ``root`` (not ``root`` itself), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], list(children.get(root, ()))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) when it is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


def measured_run(command: Sequence[str]) -> Run:
    """Run ``command`` under a small wrapper that reports wall time and children's max RSS.

    The wrapper is a fresh process, so ``RUSAGE_CHILDREN`` counts only this command and the
    workers it waited for. Meanwhile a thread samples RSS and PSS summed over the command's
    process tree (the wrapper, a bare Python, excluded) every 20 ms.
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", _MEASURE, *command], stdout=subprocess.PIPE, text=True
    )
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            sizes = [_memory(pid) for pid in _descendants(proc.pid)]
            peak_rss = max(peak_rss, sum(rss for rss, _ in sizes))
            peak_pss = max(peak_pss, sum(pss for _, pss in sizes))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    result = json.loads(out)
    return Run(
        result["wall"],
        result["rc"],
        result["maxrss_kb"] * 1024,
        peak_rss,
        peak_pss,
        result["stdout"],
        result["stderr"],
    )


def sources_state() -> dict[str, tuple[int, int]]:
    """Size and mtime of every file the build's content keys depend on (program, templates,
    schemas): when someone edits them during a run, the no-op rebuild rightly rebuilds."""
    root = genereer.ROOT
    state = {}
    for folder in ("dossiergen", "templates", "schemas"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                info = path.stat()
                state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return state


def build_summary(text: str) -> tuple[int, int, int]:
    """(gebouwd, al actueel, mislukt) from the build's last line."""
    found = re.search(r"(\d+) gebouwd, (\d+) al actueel, (\d+) mislukt", text)
    if not found:
        return (-1, -1, -1)
    return (int(found[1]), int(found[2]), int(found[3]))


# --- the benchmark -------------------------------------------------------------------------


def timed(function: Callable[[], Any]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def docx_shape(data: bytes) -> str:
    """Paragraphs, tables and table rows of a .docx (to show both renderers made the same)."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    rows = sum(len(t.rows) for t in doc.tables)
    words = sum(len(p.text.split()) for p in doc.paragraphs)
    words += sum(len(c.text.split()) for t in doc.tables for r in t.rows for c in r.cells)
    paragraphs, tables = len(doc.paragraphs), len(doc.tables)
    return f"{paragraphs} alinea's, {tables} tabellen, {rows} rijen, {words} woorden"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="aantal dossiers (standaard 1000)")
    parser.add_argument("--quick", action="store_true", help="100 dossiers, minder metingen")
    parser.add_argument("--samples", type=int, help="dossiers voor de rendertijd (standaard 200)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs van de bouw (standaard 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="werkmap")
    parser.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON")
    args = parser.parse_args(argv)
    count = 100 if args.quick and args.n == 1000 else args.n
    samples = args.samples or (50 if args.quick else 200)
    help_runs = 5 if args.quick else 10

    from dossiergen.checker import check_file
    from dossiergen.config import default_resources
    from dossiergen.documents import DOCUMENTS
    from dossiergen.engine import engine_for, render_document

    resources = default_resources()
    dossiergen = tool("dossiergen")
    peildatum = date.fromisoformat(PEILDATUM)
    work = args.out / f"n{count}-seed{args.seed}"
    dossiers, build = work / "dossiers", work / "build"
    shutil.rmtree(work, ignore_errors=True)
    rows: list[Row] = []

    print(f"dossiergen bench — {machine()}", flush=True)
    print(f"belasting van de machine (loadavg) bij de start: {load()}", flush=True)
    log(f"{count} dossiers maken in {dossiers}")
    paths = genereer.generate(count, dossiers, args.seed)
    sizes = [p.stat().st_size for p in paths]
    examples = [p.stat().st_size for p in sorted(genereer.EXAMPLES.glob("*.yaml"))]
    rows.append(
        Row(
            "synthetische dossiers",
            f"{count}; gemiddeld {statistics.mean(sizes) / 1024:.0f} kB "
            f"(max {max(sizes) / 1024:.0f} kB; voorbeelden in dossiers/: "
            f"{statistics.mean(examples) / 1024:.0f} kB)",
        )
    )

    # 1. --help start time (first, on a cold-ish cache as a user would see it: one warm-up)
    log("dossiergen --help")
    subprocess.run([dossiergen, "--help"], capture_output=True, check=True)
    starts = []
    for _ in range(help_runs):
        started = time.perf_counter()
        subprocess.run([dossiergen, "--help"], capture_output=True, check=True)
        starts.append(time.perf_counter() - started)
    help_median = statistics.median(starts)
    rows.append(
        Row(
            f"`dossiergen --help` starttijd (mediaan van {help_runs})",
            ms(help_median),
            "≤ 300 ms",
            help_median <= 0.300,
        )
    )

    # 2. validation, in-process (engine loaded once; loading excluded from the timing)
    log("valideren in het proces")
    engine = engine_for(resources)
    errors = 0
    started = time.perf_counter()
    results = [check_file(path, engine.schemas, peildatum) for path in paths]
    elapsed = time.perf_counter() - started
    errors = sum(1 for r in results if r.failed())
    rate = count / elapsed
    rows.append(
        Row(
            "validatie in het proces (check_file)",
            f"{rate:.0f} dossiers/s ({ms(elapsed / count)} per dossier; {errors} afgekeurd)",
            "≥ 500 dossiers/s",
            rate >= 500 and errors == 0,
        )
    )
    del results
    example_paths = sorted(genereer.EXAMPLES.glob("*.yaml"))
    rounds = 10 if args.quick else 50
    started = time.perf_counter()
    for _ in range(rounds):
        for path in example_paths:
            check_file(path, engine.schemas, peildatum)
    example_rate = rounds * len(example_paths) / (time.perf_counter() - started)
    rows.append(
        Row(
            f"  ter vergelijking: de {len(example_paths)} voorbeelden in dossiers/ (×{rounds})",
            f"{example_rate:.0f} dossiers/s",
            "≥ 500 dossiers/s",
            example_rate >= 500,
        )
    )

    log("valideren met de CLI")
    check = measured_run([dossiergen, "check", str(dossiers), "--peildatum", PEILDATUM])
    cli_rate = count / check.wall
    rows.append(
        Row(
            "validatie met de CLI (`dossiergen check`, wandkloktijd)",
            f"{cli_rate:.0f} dossiers/s ({check.wall:.2f} s, exitcode {check.rc})",
            "≥ 500 dossiers/s",
            cli_rate >= 500 and check.rc == 0,
        )
    )

    # 3. render time per rapport, in-process, engine loaded once, no file written
    log(f"rapport renderen: {samples} dossiers")
    spec = DOCUMENTS["rapport"]
    chosen = [check_file(path, engine.schemas, peildatum) for path in paths[:samples]]
    loaded = [r.dossier for r in chosen if r.dossier is not None and spec.applies(r.dossier.data)]

    def ours(d: Any) -> bytes:
        return render_document(d.data, spec, engine, "", peildatum)

    for d in loaded[:3]:
        ours(d)  # warm-up: template compilation, lazy imports
    own = [timed(partial(ours, d)) for d in loaded]
    own_median, own_p95 = statistics.median(own), percentile(own, 0.95)
    rows.append(
        Row(
            f"rapport: rendertijd per document, mediaan ({len(own)} dossiers)",
            ms(own_median),
            "≤ 10 ms",
            own_median <= 0.010,
        )
    )
    rows.append(Row("rapport: rendertijd per document, p95", ms(own_p95)))
    examples_loaded = [check_file(p, engine.schemas, peildatum).dossier for p in example_paths]
    example_times = [
        timed(partial(ours, d))
        for _ in range(rounds)
        for d in examples_loaded
        if d is not None and spec.applies(d.data)
    ]
    example_median = statistics.median(example_times)
    rows.append(
        Row(
            f"  ter vergelijking: rapport van de voorbeelden in dossiers/, mediaan (×{rounds})",
            ms(example_median),
            "≤ 10 ms",
            example_median <= 0.010,
        )
    )

    log("dezelfde inhoud met docxtpl")
    template = docxtpl_peer.build_template(resources.house_style, work / "docxtpl-rapport.docx")
    env = docxtpl_peer.jinja_env()
    for d in loaded[:3]:
        docxtpl_peer.render(template, d.data, env)
    peer = [timed(partial(docxtpl_peer.render, template, d.data, env)) for d in loaded]
    peer_median, peer_p95 = statistics.median(peer), percentile(peer, 0.95)
    ratio = peer_median / own_median
    rows.append(
        Row(
            "docxtpl, zelfde inhoud: mediaan (sjabloon per document opnieuw geladen)",
            ms(peer_median),
        )
    )
    rows.append(Row("docxtpl, zelfde inhoud: p95", ms(peer_p95)))
    rows.append(
        Row(
            "verhouding docxtpl / dossiergen (medianen)",
            f"{ratio:.2f}×",
            "≥ 5×",
            ratio >= 5,
        )
    )
    sample = loaded[0]
    rows.append(Row(f"inhoud {sample.path.name}: dossiergen", docx_shape(ours(sample))))
    rows.append(
        Row(
            f"inhoud {sample.path.name}: docxtpl",
            docx_shape(docxtpl_peer.render(template, sample.data, env)),
        )
    )
    del chosen, loaded

    # 4. full build and no-op rebuild, as subprocesses
    command = [
        dossiergen,
        "build",
        str(dossiers),
        "-o",
        str(build),
        "--jobs",
        str(args.jobs),
        "--quiet",
        # Our rendering, not LibreOffice's layout: measuring the contents' page numbers
        # starts LibreOffice for every rapport (about 0.5 s each in batches of 40).
        "--zonder-paginanummers",
        "--peildatum",
        PEILDATUM,
    ]
    log(f"volledige bouw: {count} dossiers × alle documenten, --jobs {args.jobs}")
    before = sources_state()
    full = measured_run(command)
    written, _, failed = build_summary(full.stdout)
    on_disk = sum(1 for _ in build.rglob("*.docx"))
    limit = 40 * count / 1000
    rows.append(
        Row(
            f"volledige bouw {count} × alle documenten, --jobs {args.jobs}",
            f"{full.wall:.1f} s ({written} gebouwd, {failed} mislukt, exitcode {full.rc}; "
            f"{written / full.wall:.0f} documenten/s)",
            f"≤ {limit:g} s" + ("" if count == 1000 else " (40 s per 1.000 naar rato)"),
            full.wall <= limit and full.rc == 0,
        )
    )
    rows.append(Row("documenten op schijf na de bouw", str(on_disk)))
    rows.append(
        Row(
            "piekgeheugen van de bouw: grootste proces (ru_maxrss)",
            f"{full.maxrss / MB:.0f} MB",
            "≤ 300 MB",
            full.maxrss <= 300 * MB,
        )
    )
    rows.append(
        Row(
            "piekgeheugen van de bouw: procesboom samen, PSS (gedeelde pagina's één keer)",
            f"{full.tree_pss / MB:.0f} MB (RSS opgeteld: {full.tree_rss / MB:.0f} MB)",
            "≤ 300 MB",
            full.tree_pss <= 300 * MB,
        )
    )

    log("no-op rebuild")
    after = sources_state()
    changed = sorted(n for n in before.keys() | after.keys() if before.get(n) != after.get(n))
    again = measured_run(command)
    written2, current2, failed2 = build_summary(again.stdout)
    rows.append(
        Row(
            "no-op rebuild (niets veranderd)",
            f"{again.wall:.2f} s ({written2} gebouwd, {current2} al actueel, {failed2} mislukt)",
            "≤ 1 s",
            again.wall <= 1.0 and written2 == 0,
        )
    )

    print()
    print(table(rows))
    notes = [f"werkmap: {work}"]
    if failed:
        reasons = [line for line in full.stdout.splitlines() if "niet gebouwd" in line]
        kinds = sorted({line.split(": ", 1)[1] for line in reasons if ": " in line})
        notes.append(
            f"{failed} documenten mislukten in de bouw; de soorten fouten "
            f"(eerste {min(5, len(kinds))}): " + " | ".join(kinds[:5])
        )
    if changed:
        notes.append(
            f"{len(changed)} bestanden van dossiergen/, templates/ of schemas/ veranderden "
            f"tijdens de bouw ({', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}): "
            "de no-op rebuild bouwt dan terecht opnieuw en meet niet wat hij moet meten; "
            "draai de bench opnieuw als niemand aan de code werkt"
        )
    notes.append(f"belasting van de machine (loadavg) aan het eind: {load()}")
    for note in notes:
        print(f"- {note}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "rows": [r.__dict__ | {"verdict": r.verdict} for r in rows],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    return 0


def table(rows: Sequence[Row]) -> str:
    """A Markdown table: metric | measured | target | met?"""
    header = ("meting", "gemeten", "doel", "gehaald?")
    body = [(r.metric, r.measured, r.target, r.verdict) for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(4)]
    lines = [
        "| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) + " |"
        for line in [header, *body]
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
