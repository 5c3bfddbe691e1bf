"""The build and the file system: only dossiergen's own files removed, nothing written outside
the output folder, one build per folder, no temporary files left, errors as Dutch messages."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PEILDATUM, ROOT

from dossiergen.builder.build import build_paths
from dossiergen.builder.manifest import MANIFEST_NAME, Manifest
from dossiergen.builder.outputs import BuildLockedError, output_lock
from dossiergen.cli import main
from dossiergen.config import default_resources
from dossiergen.documents import DOCUMENTS

MINIMAL = ROOT / "tests" / "dossiers" / "geldig" / "minimaal-week-1.yaml"
RAPPORT = [DOCUMENTS["rapport"]]


def _build(paths: list[Path], out: Path, **options: object) -> object:
    return build_paths(
        paths,
        out,
        RAPPORT,
        default_resources(),
        PEILDATUM,
        **options,  # type: ignore[arg-type]
    )


@pytest.fixture
def dossiers(tmp_path: Path) -> Path:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    return folder


def _text_of(docx: Path) -> str:
    with zipfile.ZipFile(docx) as package:
        return package.read("word/document.xml").decode("utf-8")


# --- prune --------------------------------------------------------------------------------


def test_prune_removes_only_what_the_manifest_says_dossiergen_wrote(
    dossiers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    report = _build([dossiers], out)
    assert len(report.written) == len(EXAMPLES)  # type: ignore[attr-defined]
    gone, kept = EXAMPLES[0].stem, EXAMPLES[1].stem
    # The user's own files beside and below the outputs, a folder without a manifest, and a
    # PDF that was signed after dossiergen made it.
    (out / gone / "notities.txt").write_text("van mij", encoding="utf-8")
    (out / gone / "rapport-getekend.pdf").write_bytes(b"%PDF getekend")
    (out / gone / "bijlagen").mkdir()
    (out / gone / "bijlagen" / "rapport.docx").write_bytes(b"eigen")
    (out / "eigen-map").mkdir()
    (out / "eigen-map" / "rapport.docx").write_bytes(b"eigen")
    signed = out / kept / "rapport.pdf"
    signed.write_bytes(b"%PDF van dossiergen")
    manifest = Manifest.load(out / kept)
    manifest.record_pdf(out / kept / "rapport.docx", b"%PDF van dossiergen")
    manifest.save()
    signed.write_bytes(b"%PDF ondertekend door de werkgever")
    (dossiers / f"{gone}.yaml").unlink()
    (dossiers / f"{kept}.yaml").unlink()

    listed = _build([dossiers], out)
    assert {p.relative_to(out).as_posix() for p in listed.orphans} == {  # type: ignore[attr-defined]
        f"{gone}/rapport.docx",
        f"{kept}/rapport.docx",
    }
    pruned = _build([dossiers], out, prune_orphans=True)
    assert {p.name for p in pruned.removed} == {"rapport.docx"}  # type: ignore[attr-defined]
    assert not (out / gone / "rapport.docx").exists()
    for own in ("notities.txt", "rapport-getekend.pdf", "bijlagen/rapport.docx"):
        assert (out / gone / own).exists(), own
    assert (out / "eigen-map" / "rapport.docx").read_bytes() == b"eigen"
    assert signed.read_bytes() == b"%PDF ondertekend door de werkgever"
    assert not (out / kept / "rapport.docx").exists()


def test_prune_removes_an_emptied_folder_and_its_manifest(dossiers: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    _build([dossiers], out)
    (dossiers / EXAMPLES[0].name).unlink()
    _build([dossiers], out, prune_orphans=True)
    assert not (out / EXAMPLES[0].stem).exists()
    assert (out / EXAMPLES[1].stem / "rapport.docx").is_file()


# --- names that must not write outside their folder -----------------------------------------


@pytest.mark.parametrize("name", [b"...yaml", b"..yaml", b".verborgen.yaml", b"caf\xe9.yaml"])
def test_a_dossier_name_never_writes_outside_its_own_folder(tmp_path: Path, name: bytes) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    out = folder / "build"
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    shutil.copy(MINIMAL, path)
    before = {p for p in tmp_path.rglob("*")}
    result = CliRunner().invoke(
        main, ["build", str(path), "-o", str(out), "--peildatum", "2026-11-25", "-q"]
    )
    assert result.exit_code == 1
    assert "niet gebouwd: deze bestandsnaam kan geen map voor de documenten worden" in result.output
    written = {p for p in tmp_path.rglob("*")} - before
    assert all(p == out or out in p.parents for p in written), written
    assert not list(out.rglob("*.docx"))
    result.output.encode("utf-8")  # printable: no lone surrogate from a non-UTF-8 name


# --- one build per output folder --------------------------------------------------------------


def test_a_second_build_into_the_same_folder_stops_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "build"
    with output_lock(out), pytest.raises(BuildLockedError) as caught:
        _build([MINIMAL], out)
    assert "een andere build schrijft al naar" in str(caught.value)
    with output_lock(out):
        result = CliRunner().invoke(
            main, ["build", str(MINIMAL), "-o", str(out), "--peildatum", "2026-11-25", "-q"]
        )
    assert result.exit_code == 1
    assert "een andere build schrijft al naar" in result.output
    assert _build([MINIMAL], out).ok  # type: ignore[attr-defined]


def test_a_dossier_edited_during_the_build_is_recorded_with_what_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dossiergen.builder.build as build_module

    dossier = tmp_path / "jansen.yaml"
    shutil.copy(EXAMPLES[0], dossier)
    original = dossier.read_text(encoding="utf-8")
    real_versions = build_module.dossier_versions

    def versions_then_edit(files: list[Path]) -> object:
        found = real_versions(files)
        dossier.write_text(original.replace("naam:", "naam: Gewijzigd", 1), encoding="utf-8")
        return found

    monkeypatch.setattr(build_module, "dossier_versions", versions_then_edit)
    out = tmp_path / "build"
    first = _build([dossier], out)
    assert first.written  # type: ignore[attr-defined]
    monkeypatch.undo()
    # The document holds what was read (the edit); the manifest says so, so the next build
    # is not fooled into keeping a document of the old text.
    document = out / "jansen" / "rapport.docx"
    assert "gewijzigd tijdens het bouwen" in _text_of(document)
    second = _build([dossier], out)
    assert second.written == [document]  # type: ignore[attr-defined]
    assert _build([dossier], out).up_to_date == [document]  # type: ignore[attr-defined]


# --- write and remove errors -----------------------------------------------------------------


def test_an_output_folder_under_a_file_gives_one_message_per_document(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    report = build_paths(
        [MINIMAL],
        blocker / "build",
        list(DOCUMENTS.values()),
        default_resources(),
        PEILDATUM,
    )
    messages = [m for m in report.failed if "niet gebouwd" in m]
    assert len(messages) == 3  # the three documents of a case in week 1
    assert all("een deel van het pad is een bestand, geen map" in m for m in messages)


def test_a_symlink_loop_as_output_folder_is_a_message(tmp_path: Path) -> None:
    loop = tmp_path / "kring"
    loop.symlink_to(loop)
    report = _build([MINIMAL], loop)
    assert report.failed  # type: ignore[attr-defined]
    assert all("kring" in m for m in report.failed)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "de schijf is vol"), (errno.EROFS, "het bestandssysteem is alleen-lezen")],
)
def test_a_full_or_read_only_disk_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    import dossiergen.files as files

    class FailingFile(io.BytesIO):
        """A file on a full or read-only disk: writing fails."""

        def write(self, data: Any) -> int:
            raise OSError(code, os.strerror(code))

    opened = os.fdopen

    def failing(fd: int, mode: str) -> Any:
        if mode != "wb":
            return opened(fd, mode)
        os.close(fd)
        return FailingFile()

    monkeypatch.setattr(files.os, "fdopen", failing)
    out = tmp_path / "build"
    report = _build([MINIMAL, *EXAMPLES], out)
    monkeypatch.undo()
    failures = [m for m in report.failed if "rapport niet gebouwd" in m]  # type: ignore[attr-defined]
    assert len(failures) == len(EXAMPLES)
    assert all(words in m for m in failures)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_failed_sync_records_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents are synced once before their manifests are written: when the file system
    reports a failed write then, no manifest claims anything and the next build rebuilds."""
    import dossiergen.builder.build as build_module
    from dossiergen.errors import WriteError

    def failing(folder: Path) -> None:
        raise WriteError("kan niet schrijven: de schijf is vol")

    monkeypatch.setattr(build_module, "sync_filesystem", failing)
    out = tmp_path / "build"
    report = _build(EXAMPLES, out)
    monkeypatch.undo()
    assert len(report.failed) == len(EXAMPLES)  # type: ignore[attr-defined]
    assert all("niet vastgelegd" in m and "vol" in m for m in report.failed)  # type: ignore[attr-defined]
    assert not list(out.rglob(MANIFEST_NAME))
    again = _build(EXAMPLES, out)
    assert again.written and not again.up_to_date  # type: ignore[attr-defined]


def test_a_manifest_that_is_json_but_not_an_object_means_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "build"
    _build([EXAMPLES[0]], out)
    for damaged in ("[]", "42", '"tekst"', "null", '{"formaat": 1, "uitvoer": []}'):
        (out / EXAMPLES[0].stem / MANIFEST_NAME).write_text(damaged, encoding="utf-8")
        report = _build([EXAMPLES[0]], out)
        assert report.ok and len(report.written) == 1, damaged  # type: ignore[attr-defined]


# --- killed builds ---------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_stopping_the_parent_stops_the_workers(
    dossiers: Path, tmp_path: Path, how: signal.Signals
) -> None:
    pids = tmp_path / "werkers"
    pids.mkdir()
    for index in range(6):
        shutil.copy(EXAMPLES[0], dossiers / f"kopie-{index}.yaml")
    script = tmp_path / "ouder.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import os, time
            from pathlib import Path
            import dossiergen.builder.dossier_build as one
            from dossiergen.cli import main

            def slow(job, outcome):
                Path({str(pids)!r}, str(os.getpid())).touch()
                time.sleep(60)

            one._build_dossier = slow
            main(["build", {str(dossiers)!r}, "-o", {str(tmp_path / "build")!r}, "-j", "2",
                  "-q", "--opnieuw", "--peildatum", "2026-11-25"])
            """
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = [int(p.name) for p in pids.iterdir()]
    assert len(workers) == 2
    process.send_signal(how)
    _, stderr = process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    assert b"Traceback" not in stderr
    if how != signal.SIGKILL:
        assert b"Afgebroken." in stderr


# --- FIFO as a dossier ----------------------------------------------------------------------


def test_build_refuses_a_named_pipe_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.yaml"
    os.mkfifo(pipe)
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["build", str(pipe), "-o", str(tmp_path / "b"), "--peildatum", "2026-11-25", "-q"]
    )
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert "named pipe" in result.output


def test_jobs_above_the_processor_count_are_capped_with_a_note(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["build", str(MINIMAL), "-o", str(tmp_path), "-j", "512", "--peildatum", "2026-11-25"],
    )
    assert result.exit_code == 0, result.output
    assert "--jobs 512 is meer dan het aantal processoren" in result.stderr


def test_manifest_records_hashes_of_what_was_written(tmp_path: Path) -> None:
    _build([EXAMPLES[0]], tmp_path)
    raw = json.loads((tmp_path / EXAMPLES[0].stem / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(raw["uitvoer"]["rapport.docx"]) == {"sleutel", "peildatum", "sha256"}


# --- PDFs in the bookkeeping --------------------------------------------------------------


def test_a_pdf_older_than_its_document_is_never_current(tmp_path: Path) -> None:
    _build([EXAMPLES[0]], tmp_path)
    folder = tmp_path / EXAMPLES[0].stem
    docx, pdf = folder / "rapport.docx", folder / "rapport.pdf"
    manifest = Manifest.load(folder)
    assert not manifest.pdf_is_current(docx), "no PDF yet"
    pdf.write_bytes(b"%PDF-1.7")
    manifest.record_pdf(docx, pdf.read_bytes())
    assert manifest.pdf_is_current(docx)
    stamp = docx.stat().st_mtime_ns
    os.utime(pdf, ns=(stamp - 10**9, stamp - 10**9))
    assert not manifest.pdf_is_current(docx), "made before its document"
    os.utime(pdf, ns=(stamp, stamp))
    manifest.entries["rapport.docx"] = manifest.entries["rapport.docx"].__class__("andere-sleutel")
    assert not manifest.pdf_is_current(docx), "made from another version of the document"


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice ontbreekt")
def test_build_pdf_after_a_plain_build_makes_the_missing_and_stale_pdfs(tmp_path: Path) -> None:
    out = tmp_path / "build"
    paths = [EXAMPLES[0], EXAMPLES[1]]
    plain = _build(paths, out)
    assert len(plain.written) == 2 and not plain.pdf_written  # type: ignore[attr-defined]
    first = _build(paths, out, pdf=True)
    assert len(first.up_to_date) == 2  # type: ignore[attr-defined]
    assert len(first.pdf_written) == 2 and first.ok  # type: ignore[attr-defined]
    for pdf in first.pdf_written:  # type: ignore[attr-defined]
        assert pdf.read_bytes().startswith(b"%PDF")
    again = _build(paths, out, pdf=True)
    assert not again.pdf_written and len(again.pdf_up_to_date) == 2  # type: ignore[attr-defined]
    stale = out / EXAMPLES[0].stem / "rapport.docx"
    later = stale.with_suffix(".pdf").stat().st_mtime_ns + 10**9
    os.utime(stale, ns=(later, later))
    redone = _build(paths, out, pdf=True)
    assert redone.pdf_written == [stale.with_suffix(".pdf")]  # type: ignore[attr-defined]
    result = CliRunner().invoke(
        main,
        ["build", *map(str, paths), "-o", str(out), "-d", "rapport", "--pdf", "-q",
         "--zonder-paginanummers", "--peildatum", "2026-11-25"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "0 gebouwd, 2 al actueel, 0 mislukt; PDF: 0 gemaakt, 2 al actueel" in result.output


# --- the PDF phase, with a stand-in for LibreOffice -------------------------------------------

_FAKE_SOFFICE = """#!/bin/sh
# Stands in for LibreOffice: one line per document, a PDF for each except "weiger" ones.
echo "$0 $*" >> "$(dirname "$0")/aanroepen"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2;;
    --convert-to) shift 2;;
    -*) shift;;
    *) name=$(basename "$1" .docx)
       echo "convert $1 -> $out/$name.pdf using filter : writer_pdf_Export"
       source=$(readlink "$1")
       case "$source" in
         *weiger*) ;;
         *) printf '%%PDF-1.7 %s' "$source" > "$out/$name.pdf";;
       esac
       shift;;
  esac
done
"""


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "lo"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(_FAKE_SOFFICE, encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder / "aanroepen"


def test_all_pdfs_of_a_build_come_from_one_run_with_progress(
    dossiers: Path, tmp_path: Path, fake_soffice: Path
) -> None:
    phases: list[tuple[str, int, int]] = []
    out = tmp_path / "build"
    report = build_paths(
        [dossiers],
        out,
        [DOCUMENTS["rapport"], DOCUMENTS["riv-checklist"]],
        default_resources(),
        PEILDATUM,
        pdf=True,
        progress=lambda *step: phases.append(step),
    )
    documents = len(report.written)
    assert report.ok and documents >= len(EXAMPLES)
    assert len(report.pdf_written) == documents
    assert len(fake_soffice.read_text(encoding="utf-8").splitlines()) == 1, "one LibreOffice run"
    assert [p for p in phases if p[0] == "pdf"][-1] == ("pdf", documents, documents)
    assert [p[1] for p in phases if p[0] == "pdf"] == list(range(1, documents + 1))
    for pdf in report.pdf_written:  # each PDF is the one made from its own document
        assert pdf.read_bytes().startswith(b"%PDF-1.7 ")
        assert pdf.read_bytes().endswith(str(pdf.with_suffix(".docx").resolve()).encode())


def test_a_pdf_that_fails_or_cannot_be_written_is_one_message(
    tmp_path: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dossiergen.builder.pdf as pdf_module
    from dossiergen.errors import WriteError

    out = tmp_path / "build"
    refused = tmp_path / "weiger.yaml"
    shutil.copy(EXAMPLES[0], refused)
    real_write = pdf_module.write_atomic

    def full_disk(path: Path, data: bytes) -> None:
        if path.parent.name == EXAMPLES[1].stem:
            raise WriteError(f"kan {path} niet schrijven: de schijf is vol")
        real_write(path, data)

    monkeypatch.setattr(pdf_module, "write_atomic", full_disk)
    report = _build([refused, EXAMPLES[1], EXAMPLES[2]], out, pdf=True)
    messages = [m for m in report.failed if "geen PDF" in m]  # type: ignore[attr-defined]
    assert len(messages) == 2, report.failed  # type: ignore[attr-defined]
    assert any("LibreOffice kon rapport.docx niet omzetten naar PDF" in m for m in messages)
    assert any("de schijf is vol" in m for m in messages)
    assert [p.parent.name for p in report.pdf_written] == [EXAMPLES[2].stem]  # type: ignore[attr-defined]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.undo()
    again = _build([refused, EXAMPLES[1], EXAMPLES[2]], out, pdf=True)
    assert [p.parent.name for p in again.pdf_up_to_date] == [EXAMPLES[2].stem]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (
            ["build", "--jobs", "0"],
            "ongeldige waarde voor --jobs/-j: 0 ligt niet in het bereik x>=1",
        ),
        (
            ["build", "--jobs", "veel"],
            "ongeldige waarde voor --jobs/-j: 'veel' is geen geheel getal",
        ),
        (["build", "-o", "README.md"], "--output-dir/-o: 'README.md' is een bestand, geen map"),
        (["agenda", "--ics", "dossiers"], "--ics: 'dossiers' is een map, geen bestand"),
        (["timeline"], "argument PAD ontbreekt"),
    ],
)
def test_click_speaks_dutch_too(args: list[str], dutch: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="dossiergen")
    assert result.exit_code == 2
    assert dutch in result.output
    for english in ("is not", "Invalid value", "does not exist", "is a file", "is a directory"):
        assert english not in result.output


def test_an_os_error_is_dutch() -> None:
    from dossiergen.files import dutch_os_error

    assert dutch_os_error(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        "bestaat niet"
    )
    assert dutch_os_error(OSError(errno.ENOSPC, "No space left on device")) == "de schijf is vol"
    assert dutch_os_error(OSError(errno.ECHILD, "x")) == "systeemfout ECHILD"
