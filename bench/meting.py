"""Measuring for the benchmarks: the machine, subprocesses with their memory, and tables.

A command runs under a small wrapper that reports its wall time and its children's largest
resident set (``ru_maxrss``); a thread samples RSS and PSS over the command's process tree
meanwhile. The sampling walks the tree through ``/proc/<pid>/task/<pid>/children`` (not all of
``/proc``) every second (reading a process's smaps costs the kernel about a millisecond) and
measures its own CPU time, so the report can show what measuring cost the measured build.
"""

from __future__ import annotations

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


def machine() -> str:
    """Processors, memory, Python and kernel, in one line."""
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


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def tool(name: str) -> str:
    """The venv's console script (next to this interpreter), else from PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} niet gevonden; draai eerst `make`")
    return found


_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "rc": proc.returncode, "maxrss_kb": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "stdout": proc.stdout, "stderr": proc.stderr}))
"""


@dataclass
class Run:
    """One measured command."""

    wall: float
    cpu: float  # user + system seconds of the command and all its workers
    rc: int
    maxrss: int  # bytes, the largest single process among the command and its children
    tree_rss: int  # bytes, the largest sampled sum of RSS over the process tree
    tree_pss: int  # bytes, the same for PSS (shared pages of forked workers counted once)
    sampler_cpu: float  # seconds of CPU the sampling thread used
    stdout: str
    stderr: str

    @property
    def sampling_share(self) -> float:
        """The sampler's CPU as a share of one core over the command's wall time."""
        return self.sampler_cpu / self.wall if self.wall else 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
        except OSError:
            continue
        found += [int(child) for child in text.split()]
    return found


def _tree(root: int) -> list[int]:
    """The pids below ``root`` (not ``root`` itself)."""
    found, todo = [], _children(root)
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += _children(pid)
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


def measured_run(command: Sequence[str], interval: float = 1.0) -> Run:
    """Run ``command`` and measure it (see the module docstring)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, *command], stdout=subprocess.PIPE, text=True
    )
    peak_rss = peak_pss = 0
    sampler_cpu = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss, sampler_cpu
        started = time.thread_time()
        while not done.is_set():
            sizes = [_memory(pid) for pid in _tree(proc.pid)]
            peak_rss = max(peak_rss, sum(rss for rss, _ in sizes))
            peak_pss = max(peak_pss, sum(pss for _, pss in sizes))
            done.wait(interval)
        sampler_cpu = time.thread_time() - started

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    result = json.loads(out)
    return Run(
        result["wall"],
        result["cpu"],
        result["rc"],
        result["maxrss_kb"] * 1024,
        peak_rss,
        peak_pss,
        sampler_cpu,
        result["stdout"],
        result["stderr"],
    )


def build_summary(text: str) -> tuple[int, int, int]:
    """(gebouwd, al actueel, mislukt) from the build's last line."""
    found = re.search(r"(\d+) gebouwd, (\d+) al actueel, (\d+) mislukt", text)
    if not found:
        return (-1, -1, -1)
    return (int(found[1]), int(found[2]), int(found[3]))


def check_summary(text: str) -> tuple[int, int]:
    """(gecontroleerd, afgekeurd) from the check's last line."""
    found = re.search(r"(\d+) dossiers? gecontroleerd: (\d+) afgekeurd", text)
    return (int(found[1]), int(found[2])) if found else (-1, -1)


def sources_state(root: Path) -> dict[str, tuple[int, int]]:
    """Size and mtime of every file the build's content keys depend on (program, templates,
    schemas): when someone edits them during a run, the no-op rebuild rightly rebuilds."""
    state = {}
    for folder in ("dossiergen", "templates", "schemas"):
        for path in (root / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                info = path.stat()
                state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return state


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table; numbers (and dashes) right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def numeric(cell: str) -> bool:
        return bool(re.fullmatch(r"[-–\d.,×% ]+(ms|s|kB|MB|/s)?", cell.strip()))

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(c).rjust(w) if numeric(str(c)) and index else str(c).ljust(w)
            for index, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(parts) + " |"

    lines = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    return "\n".join(lines + [line(r) for r in rows])
