"""Every document of every example, built once and converted by LibreOffice once, and what the
PDF tests read from it: words with their positions (``pdftotext -bbox``) and the plain text.

The PDF is what a recipient sees; these helpers let a test measure it as a reader would.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Points per millimetre (PDF coordinates are points of 1/72 inch).
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    """A word of a PDF page with its box in millimetres from the top left of the page."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pdf_words(pdf: Path) -> list[Word]:
    """Every word of ``pdf`` with its position (``pdftotext -bbox``, from poppler-utils)."""
    done = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    words = []
    for number, page in enumerate(done.stdout.split("<page ")[1:], 1):
        for match in _WORD.finditer(page):
            x0, y0, x1, y1 = (float(match.group(i)) / PT_PER_MM for i in range(1, 5))
            words.append(Word(number, html.unescape(match.group(5)), x0, y0, x1, y1))
    return words


def pdf_text(pdf: Path) -> str:
    """The text of ``pdf`` in reading order (``pdftotext -layout`` off: one flow)."""
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def convert_all(docx_files: list[Path], out: Path) -> dict[Path, Path]:
    """PDFs of ``docx_files`` by one LibreOffice run per folder; skips without LibreOffice or
    poppler-utils. Returns docx → pdf; a PDF LibreOffice failed to make is missing."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice of poppler-utils (pdftotext) is niet geïnstalleerd")
    result = {}
    for folder in sorted({path.parent for path in docx_files}):  # names repeat across folders
        target = out / folder.name
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={(out / 'profiel').as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                *sorted(str(p) for p in docx_files if p.parent == folder),
            ],
            capture_output=True,
            timeout=600,
            check=False,  # LibreOffice exits 0 even when it fails: the PDF is the proof
        )
        for path in docx_files:
            pdf = target / f"{path.stem}.pdf"
            if path.parent == folder and pdf.is_file():
                result[path] = pdf
    return result


_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """The words and numbers of ``text``, lower case, split at every other character."""
    return [t.lower() for t in _TOKEN.findall(text)]


def pdf_tokens(pdf: Path) -> list[str]:
    """``tokens`` of every word of ``pdf`` as it stands on the page (``-bbox``: no
    dehyphenation), plus a word broken at a hyphen joined with each of the next 40 words (in a
    table the rest of it follows on the next line, after the neighbouring cells' text)."""
    words = [w.text for w in pdf_words(pdf)]
    found = tokens(" ".join(words))
    for index, word in enumerate(words):
        if word.endswith(("-", "\u00ad")) and tokens(word):
            head = tokens(word)[-1]
            found += [head + tokens(nxt)[0] for nxt in words[index + 1 : index + 41] if tokens(nxt)]
    return found
