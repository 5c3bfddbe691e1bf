"""PDF output through LibreOffice headless: all documents of a build in one run.

Starting LibreOffice costs seconds; converting a document a fraction of one. So every document
of a build is converted by one ``soffice`` process (or a small pool of them), each with its own
profile folder. The documents are linked into a scratch folder under unique names first, since
``rapport.docx`` exists once per dossier and LibreOffice names each PDF after its document.
LibreOffice exits 0 even when a conversion fails, so success is judged by each PDF existing;
it prints one line per document as it goes, which drives the progress display.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Lock, Timer

from dossiergen.errors import WriteError
from dossiergen.files import dutch_os_error, write_atomic

__all__ = ["find_soffice", "make_pdfs"]

#: LibreOffice's start, plus this much per document, before a run counts as hanging.
START_SECONDS = 90
SECONDS_PER_DOCUMENT = 30
#: Documents per LibreOffice process when the pool may grow (see ``make_pdfs``).
DOCUMENTS_PER_RUN = 40


def find_soffice() -> str | None:
    """The LibreOffice program, if installed (on PATH or in a standard install place)."""
    from dossiergen.libreoffice import find_libreoffice

    return find_libreoffice()


def make_pdfs(
    documents: Sequence[Path],
    *,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> dict[Path, bytes | str]:
    """Convert every ``.docx`` in ``documents`` to a PDF beside it.

    Returns, per document, the PDF's bytes (written atomically beside it) or a Dutch reason why
    there is none. At most ``workers`` LibreOffice processes share the documents, one per
    ``DOCUMENTS_PER_RUN``; ``progress(done, total)`` is called as each PDF is ready.
    """
    if not documents:
        return {}
    soffice = find_soffice()
    if soffice is None:
        reason = (
            "LibreOffice is niet geïnstalleerd; installeer het (Debian/Ubuntu: "
            "apt-get install libreoffice-writer-nogui) of laat --pdf weg"
        )
        return dict.fromkeys(documents, reason)
    # A second LibreOffice pays off only for many documents: starting one costs about as much
    # as converting 20 (19 documents: 5.5 s in one run, 11 s in two on two cores).
    count = max(1, min(workers, len(documents) // DOCUMENTS_PER_RUN))
    batches = [list(documents[i::count]) for i in range(count)]
    results: dict[Path, bytes | str] = {}
    lock = Lock()

    def one_done(docx: Path, outcome: bytes | str) -> None:
        with lock:
            results[docx] = outcome
            if progress:
                progress(len(results), len(documents))

    with ThreadPoolExecutor(max_workers=count) as pool:
        for future in [pool.submit(_convert, soffice, batch, one_done) for batch in batches]:
            future.result()
    return results


def _convert(
    soffice: str, batch: Sequence[Path], one_done: Callable[[Path, bytes | str], None]
) -> None:
    """One LibreOffice run for ``batch``; every document ends up in ``one_done``."""
    with tempfile.TemporaryDirectory(prefix=f"dossiergen-pdf-{os.getpid()}-") as scratch:
        root = Path(scratch)
        inputs, outputs = root / "in", root / "uit"
        inputs.mkdir()
        outputs.mkdir()
        names: list[tuple[str, Path]] = []
        for number, docx in enumerate(batch):
            name = f"{number:05d}-{docx.stem}"
            try:
                os.symlink(docx.resolve(), inputs / f"{name}.docx")
            except OSError as e:
                one_done(docx, f"kan {docx.name} niet klaarzetten: {dutch_os_error(e)}")
                continue
            names.append((name, docx))
        if not names:
            return
        pending = list(names)

        def finish(name: str, docx: Path, failure: str | None = None) -> None:
            produced = outputs / f"{name}.pdf"
            if not produced.is_file() or produced.stat().st_size == 0:
                one_done(docx, failure or f"LibreOffice kon {docx.name} niet omzetten naar PDF")
                return
            try:
                data = produced.read_bytes()
                write_atomic(docx.with_suffix(".pdf"), data)
            except (OSError, WriteError) as e:
                one_done(docx, dutch_os_error(e) if isinstance(e, OSError) else str(e))
                return
            one_done(docx, data)

        def started(index: int) -> None:
            # LibreOffice announces each document as it goes: the ones before it are done
            while len(names) - len(pending) < index:
                finish(*pending.pop(0))

        failure = _run(soffice, root, [inputs / f"{n}.docx" for n, _ in names], outputs, started)
        while pending:
            finish(*pending.pop(0), failure)


def _run(
    soffice: str,
    root: Path,
    inputs: list[Path],
    outputs: Path,
    started: Callable[[int], None],
) -> str | None:
    """Run LibreOffice on ``inputs``, calling ``started(i)`` as it announces the ``i``-th
    document; a Dutch reason when the run itself failed."""
    command = [
        soffice,
        f"-env:UserInstallation={(root / 'profiel').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outputs),
        *map(str, inputs),
    ]
    timeout = START_SECONDS + SECONDS_PER_DOCUMENT * len(inputs)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(root)},
        )
    except OSError as e:
        return f"LibreOffice kon niet worden gestart: {dutch_os_error(e)}"
    watchdog = Timer(timeout, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        announced = 0
        for line in process.stdout:
            if line.startswith(b"convert "):
                started(announced)
                announced += 1
        process.wait()
    finally:
        watchdog.cancel()
        if process.poll() is None:  # interrupted (Ctrl-C): LibreOffice stops with the build
            process.kill()
            process.wait()
    if process.returncode < 0 and announced < len(inputs):
        return f"LibreOffice reageerde niet binnen {timeout} s of werd gestopt"
    return None
