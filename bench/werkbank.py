"""The werkbank's speed on a large practice: the overview and a dossier page over HTTP.

    python bench/werkbank.py            # 1,000 dossiers (make bench)
    python bench/werkbank.py --n 100    # to try it out

Starts ``dossiergen werkbank`` as a program on synthetic dossiers (``bench/genereer.py``),
then measures over loopback HTTP: the first overview (the first build: every dossier checked
and its timeline computed, in worker processes), the overview after it, the first look at a
dossier page (its preview rendered) and the dossier page after that. Targets: the overview of
1,000 dossiers under 1 s and a dossier page under 200 ms after the first build.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import genereer  # noqa: E402

PEILDATUM = "2026-11-25"


def timed(client: httpx.Client, path: str) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, response


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="aantal dossiers (standaard 1000)")
    parser.add_argument("--pages", type=int, default=20, help="dossierpagina's om te meten")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "werkbank", help="werkmap")
    args = parser.parse_args(argv)

    # a set made by another version of the generator (or dossier format) is made again
    made_by = genereer.version()
    dossiers = args.out / "dossiers"
    stamp = args.out / "gemaakt-door"
    fresh = stamp.is_file() and stamp.read_text(encoding="utf-8") == made_by
    if not fresh or len(list(dossiers.glob("*.yaml"))) != args.n:
        subprocess.run(["rm", "-rf", str(args.out)], check=True)
        genereer.generate(args.n, dossiers)
        stamp.write_text(made_by, encoding="utf-8")
    program = Path(sys.executable).parent / "dossiergen"
    server = subprocess.Popen(
        [str(program), "werkbank", str(args.out), "--geen-browser", "--peildatum", PEILDATUM],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", server.stdout.readline())
        if not found:
            raise SystemExit("de werkbank startte niet")
        base, token = found.groups()
        with httpx.Client(base_url=base, timeout=600, follow_redirects=True) as client:
            first, response = timed(client, f"/?token={token}")
            overview = [timed(client, "/")[0] for _ in range(10)]
            links = re.findall(r'<a class="naam" href="(/dossier/[0-9a-f]+)"', response.text)
            assert len(links) == args.n, len(links)
            chosen = links[:: max(1, len(links) // args.pages)][: args.pages]
            cold = [timed(client, link)[0] for link in chosen]
            warm = [timed(client, link)[0] for link in chosen]
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = [
        ("eerste overzicht (eerste bouw)", first, None),
        ("overzicht daarna, mediaan van 10", statistics.median(overview), 1.0),
        ("overzicht daarna, slechtste van 10", max(overview), 1.0),
        ("dossierpagina, eerste keer (voorbeeld gemaakt), mediaan", statistics.median(cold), None),
        ("dossierpagina daarna, mediaan", statistics.median(warm), 0.2),
        ("dossierpagina daarna, slechtste", max(warm), 0.2),
    ]
    print(f"Werkbank, {args.n} dossiers, peildatum {PEILDATUM}, over HTTP (127.0.0.1)")
    print(f"{'meting':58} {'tijd':>10}  doel")
    for name, seconds, target in rows:
        goal = f"< {target * 1000:.0f} ms: {'ja' if seconds < target else 'NEE'}" if target else ""
        print(f"{name:58} {seconds * 1000:8.1f} ms  {goal}")
    return 0 if all(t is None or s < t for _, s, t in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
