"""Optional PDF output through LibreOffice headless.

LibreOffice exits 0 even when a conversion fails, so success is judged by the PDF existing.
Each call gets its own profile folder, so parallel builds do not fight over one profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dossiergen.errors import PdfError

TIMEOUT_SECONDS = 120


def find_soffice() -> str | None:
    """The LibreOffice program, if installed (on PATH or in a standard install place)."""
    from dossiergen.libreoffice import find_libreoffice

    return find_libreoffice()


def convert_to_pdf(docx: Path, output_dir: Path | None = None) -> Path:
    """Convert ``docx`` to a PDF next to it (or in ``output_dir``); return the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "LibreOffice is niet geïnstalleerd; installeer het (Debian/Ubuntu: "
            "apt-get install libreoffice-writer-nogui) of laat --pdf weg"
        )
    target_dir = output_dir or docx.parent
    with tempfile.TemporaryDirectory(prefix="dossiergen-lo-") as scratch:
        profile = Path(scratch) / "profiel"
        out = Path(scratch) / "uit"
        out.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env={**os.environ, "HOME": scratch},
            )
        except subprocess.TimeoutExpired as e:
            raise PdfError(f"LibreOffice reageerde niet binnen {TIMEOUT_SECONDS} s") from e
        except OSError as e:
            raise PdfError(f"LibreOffice kon niet worden gestart: {e}") from e
        produced = out / (docx.stem + ".pdf")
        if not produced.is_file() or produced.stat().st_size == 0:
            raise PdfError(f"LibreOffice kon {docx.name} niet omzetten naar PDF")
        target = target_dir / produced.name
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(produced, tmp)
        os.replace(tmp, target)
    return target
