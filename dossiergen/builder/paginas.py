"""The page numbers of a document's contents, measured in LibreOffice's layout.

A viewer that never updates fields (Word Online, Outlook's preview, a phone) shows a field's
cached result, and Word asks "update fields?" when a document wants them updated. So the
writer leaves the contents' PAGEREF results empty and asks nothing; when LibreOffice is
installed, ``number_contents`` converts the documents that have contents to PDF with every
bookmark as a named destination (one LibreOffice run per batch), reads on which page each
heading's bookmark landed (``pdfinfo -dests``, poppler-utils) and writes those numbers into the
fields' cached results. Without LibreOffice or pdfinfo the entries stay links without numbers.

``libreoffice_identity`` names the installation that measures, cheaply (no subprocess): it is
part of every output's build key, so another LibreOffice (other fonts, other layout) rebuilds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dossiergen.docx.writer import with_page_numbers
from dossiergen.errors import DossierError
from dossiergen.files import write_atomic
from dossiergen.libreoffice import find_libreoffice

#: Documents per LibreOffice run (one start-up for many documents).
BATCH = 40
TIMEOUT_SECONDS = 300
#: The PDF export with every bookmark as a named destination (LibreOffice 7.4 and later).
_EXPORT = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)
_DEST = re.compile(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$')
_BOOKMARK = re.compile(r"Toc(\d{8})$")


def libreoffice_identity(environ: Mapping[str, str] = os.environ) -> str:
    """Which LibreOffice measures page numbers ("" when LibreOffice or pdfinfo is missing):
    its program file, size and time, and its build id when the installation records it."""
    soffice = find_libreoffice(environ)
    if soffice is None or shutil.which("pdfinfo") is None:
        return ""
    program = Path(soffice).resolve()
    try:
        info = program.stat()
    except OSError:
        return ""
    parts = ["LibreOffice", program.as_posix(), str(info.st_size), str(int(info.st_mtime))]
    for name in ("versionrc", "version.ini", "../Resources/versionrc"):
        try:
            text = (program.parent / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        build = re.search(r"^buildid=(.*)$", text, re.MULTILINE)
        if build:
            parts.append(build.group(1).strip())
            break
    return " ".join(parts)


def has_contents(docx: Path) -> bool:
    """True when the document has a table of contents (PAGEREF entries) to number."""
    try:
        with zipfile.ZipFile(docx) as package:
            return any(
                b"PAGEREF _Toc" in package.read(name)
                for name in package.namelist()
                if name.endswith("document.xml")
            )
    except (OSError, zipfile.BadZipFile):
        return False


def _pages(pdf: Path) -> dict[str, int]:
    """Bookmark name -> page of ``pdf``'s named destinations (``pdfinfo -dests``)."""
    try:
        done = subprocess.run(
            ["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    pages = {}
    for line in done.stdout.splitlines():
        match = _DEST.match(line)
        found = _BOOKMARK.search(match.group(2)) if match else None
        if match and found:
            pages[f"_Toc{found.group(1)}"] = int(match.group(1))
    return pages


def measure_pages(docx_files: Sequence[Path], soffice: str) -> dict[Path, dict[str, int]]:
    """The page of every contents bookmark of each document, in LibreOffice's layout."""
    measured: dict[Path, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="dossiergen-paginas-") as scratch:
        profile = (Path(scratch) / "profiel").as_uri()
        for start in range(0, len(docx_files), BATCH):
            batch = docx_files[start : start + BATCH]
            work = Path(scratch) / f"partij{start}"
            work.mkdir()
            # Copies under numbered names: one name in two dossier folders must not collide.
            copies = [work / f"{index}.docx" for index in range(len(batch))]
            for docx, copy in zip(batch, copies, strict=True):
                shutil.copyfile(docx, copy)
            command = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                _EXPORT,
                "--outdir",
                str(work),
                *map(str, copies),
            ]
            subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                env={**os.environ, "HOME": scratch},
            )  # fmt: skip
            for docx, copy in zip(batch, copies, strict=True):
                pdf = copy.with_suffix(".pdf")
                if pdf.is_file():
                    measured[docx] = _pages(pdf)
    return measured


def number_contents(docx_files: Sequence[Path]) -> list[str]:
    """Write measured page numbers into the contents of those of ``docx_files`` that have
    contents; returns a Dutch line per document that could not be numbered."""
    soffice = find_libreoffice()
    todo = [docx for docx in docx_files if has_contents(docx)]
    if soffice is None or not todo:
        return []
    problems = []
    try:
        measured = measure_pages(todo, soffice)
    except (OSError, subprocess.SubprocessError) as e:
        return [f"{docx}: inhoudsopgave zonder paginanummers: {e}" for docx in todo]
    for docx in todo:
        pages = measured.get(docx)
        if not pages:
            problems.append(f"{docx}: inhoudsopgave zonder paginanummers (LibreOffice mat niets)")
            continue
        try:
            write_atomic(docx, with_page_numbers(docx.read_bytes(), pages))
        except (OSError, DossierError, zipfile.BadZipFile) as e:
            problems.append(f"{docx}: inhoudsopgave zonder paginanummers: {e}")
    return problems


__all__ = ["has_contents", "libreoffice_identity", "measure_pages", "number_contents"]
