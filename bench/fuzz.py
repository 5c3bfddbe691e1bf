"""Fuzzing: mutations of the example dossiers through check, timeline, agenda and documents.

    python bench/fuzz.py                      # 10,000 mutations on two processes (make fuzz)
    python bench/fuzz.py --aantal 500 --zaad 7

Each mutation changes the text of an example dossier a few times (a value swapped for a hostile
one: far dates, NaN, huge numbers, bidi controls; a line deleted, doubled, moved or re-indented;
bytes inserted; the file cut short) and runs it through what a consultant runs: ``check``, the
timeline and the agenda, and for every fifth mutant that passes the check, every document.
Mutation ``i`` of seed ``z`` is always the same text, so every finding can be replayed.

A finding is an exception that escaped (a traceback for the consultant) or a message of one of
the last nets (a value that reached the law's code unchecked). Findings are written to
``bench/out/fuzz/`` and make the exit code 1; what they showed is fixed and kept as a case in
``tests/dossiers/vijandig``.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = sorted(
    [*(ROOT / "dossiers").glob("*.yaml"), *(ROOT / "tests" / "dossiers" / "geldig").glob("*.yaml")]
)
PEILDATUM = date(2026, 11, 25)

#: Values a consultant's typo, a spreadsheet export or an attacker puts where a value belongs.
HOSTILE_VALUES = (
    "9999-12-31",
    "0001-01-01",
    "1926-03-03",
    "1965-12-31",
    "2101-01-01",
    "2026-02-30",
    "2026-13-01",
    "1900-01-01",
    "2100-12-31",
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "1e309",
    "-1e309",
    "1e300",
    "416016",
    "-1",
    "0",
    "52",
    "53",
    "999999999999",
    "9" * 4301,
    "0x" + "f" * 3600,
    "0o" + "7" * 5000,
    "''",
    "~",
    "[]",
    "{}",
    "ja",
    "true",
    "-",
    '"\\u202e"',
    "Jan\u202esen",
    "\u2066x\u2069",
    "x\u200f",
    '"\\x07"',
    "&a x",
    "*a",
    "!!python/object:os.system x",
    "<<: {a: 1}",
    "|",
    ">",
    "'",
    '"',
    "[",
    "{a: [1, {b: 2",
    "2026-01-05T10:00:00",
    "2026-1-5",
    "20260105",
    "1e3",
    "0.5",
    "-0.0",
    "12:30",
)

#: Lines a mutation may insert (keys the schema knows, in odd places).
HOSTILE_LINES = (
    "eerste_ziektedag: 9999-12-31",
    "  - van: 2026-01-01\n    tot: 2025-01-01",
    "weken: .nan",
    "aandeel: 1e309",
    "verzuim:",
    "  ziekteperioden: []",
    "taken: .inf",
    "x: &a [*a]",
    "---",
    "...",
    "%YAML 1.1",
    "? [a, b]\n: c",
    "\t- tab",
    "#" + "x" * 5000,
)


def mutate(text: str, rng: random.Random) -> str:
    """``text`` changed one to four times by random operators (deterministic for ``rng``)."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        if not lines:
            lines = [""]
        operator = rng.randrange(10)
        index = rng.randrange(len(lines))
        line = lines[index]
        if operator <= 3 and ": " in line:  # a value replaced
            key = line.split(": ", 1)[0]
            lines[index] = f"{key}: {rng.choice(HOSTILE_VALUES)}"
        elif operator == 4:
            del lines[index]
        elif operator == 5:
            lines.insert(index, line)
        elif operator == 6:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], line
        elif operator == 7:
            lines[index] = (" " * rng.choice((1, 2, 4)) + line) if rng.random() < 0.5 else line[2:]
        elif operator == 8:
            indent = line[: len(line) - len(line.lstrip())]
            lines.insert(index, indent + rng.choice(HOSTILE_LINES))
        else:
            position = rng.randrange(len(line) + 1)
            noise = rng.choice(("\x00", "\ufeff", "\u202e", ":", "'", "&x ", "*x", "\t", "é"))
            lines[index] = line[:position] + noise + line[position:]
    mutated = "\n".join(lines)
    if rng.random() < 0.05:
        mutated = mutated[: rng.randrange(len(mutated) + 1)]
    return mutated


def mutant(seed: int, index: int) -> tuple[str, str]:
    """Mutation ``index`` of ``seed``: (name of the example it came from, its text)."""
    rng = random.Random(seed * 1_000_003 + index)
    example = EXAMPLES[rng.randrange(len(EXAMPLES))]
    return example.name, mutate(example.read_text(encoding="utf-8"), rng)


#: Messages of the last nets: a value reached code that could not compute with it.
LAST_NETS = ("onverwachte fout", "kan met een waarde in dit onderdeel niet rekenen")


def exercise(text: str, *, documents: bool) -> str | None:
    """Run one dossier text through check, timeline, agenda (and documents); a finding or None."""
    from dossiergen.checker import check_dossier, timeline_for
    from dossiergen.commands.agenda import agenda_ics, agenda_items, case_identity
    from dossiergen.config import default_resources
    from dossiergen.documents import DOCUMENTS, missing_parts
    from dossiergen.dossier.load import LoadedDossier, parse_dossier_bytes
    from dossiergen.engine import engine_for, render_document
    from dossiergen.errors import DossierError

    engine = engine_for(default_resources())
    raw = text.encode("utf-8", "surrogatepass")
    try:
        try:
            data = parse_dossier_bytes(raw, "f.yaml")
        except DossierError:
            return None
        dossier = LoadedDossier(Path("f.yaml"), "f.yaml", data, raw)
        problems = check_dossier(dossier, engine.schemas, PEILDATUM)
        found = [p.as_text() for p in problems if any(net in p.message for net in LAST_NETS)]
        if found:
            return "laatste vangnet: " + found[0]
        try:
            tijdlijn, _ = timeline_for(dossier, engine.schemas, PEILDATUM)
        except DossierError as e:
            nets = [p.as_text() for p in e.problems if any(n in p.message for n in LAST_NETS)]
            return "laatste vangnet (tijdlijn): " + nets[0] if nets else None
        items = agenda_items([("f.yaml", case_identity(data, "f"), "x", tijdlijn)])
        agenda_ics(items, PEILDATUM)
        if not documents or any(p.severity.value == "fout" for p in problems):
            return None
        for spec in DOCUMENTS.values():
            if spec.applies(data) and not missing_parts(spec, dossier):
                with contextlib.suppress(DossierError):  # a located message, not a finding
                    render_document(data, spec, engine, "v", PEILDATUM)
    except Exception as e:  # the finding itself
        frame = traceback.extract_tb(e.__traceback__)[-1]
        return f"{type(e).__name__} in {frame.filename}:{frame.lineno} ({frame.name}): {e}"[:500]
    return None


@dataclass(frozen=True)
class Finding:
    """One mutation that broke through."""

    seed: int
    index: int
    example: str
    what: str


def run(seed: int, indexes: Sequence[int], render_every: int = 5) -> list[Finding]:
    """Exercise the mutations ``indexes`` of ``seed``; the findings."""
    findings = []
    for index in indexes:
        example, text = mutant(seed, index)
        what = exercise(text, documents=index % render_every == 0)
        if what is not None:
            findings.append(Finding(seed, index, example, what))
    return findings


def _chunks(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(count, start + size))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aantal", type=int, default=10_000, help="aantal mutaties")
    parser.add_argument("--zaad", type=int, default=2026, help="zaad (seed) van de mutaties")
    parser.add_argument("--jobs", type=int, default=2, help="aantal processen")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "fuzz")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    started = time.perf_counter()
    findings: list[Finding] = []
    chunks = list(_chunks(options.aantal, 100))
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for done, found in enumerate(pool.map(partial(run, options.zaad), chunks), start=1):
            findings += found
            print(f"\r{done * 100 * 100 // options.aantal:3d} %  {len(findings)} vondsten",
                  end="", file=sys.stderr, flush=True)  # fmt: skip
    print(file=sys.stderr)
    options.out.mkdir(parents=True, exist_ok=True)
    for finding in findings:
        _, text = mutant(finding.seed, finding.index)
        name = f"{finding.seed}-{finding.index}.yaml"
        (options.out / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        print(f"{name} (uit {finding.example}): {finding.what}")
    seconds = time.perf_counter() - started
    print(
        f"{options.aantal} mutaties (zaad {options.zaad}) in {seconds:.0f} s: "
        f"{len(findings)} vondsten" + (f", opgeslagen in {options.out}" if findings else "")
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
