"""Where LibreOffice is: on PATH, else in the standard install places of each platform.

A consultant on Windows or macOS installs LibreOffice with its installer, which does not put
``soffice`` on PATH; ``--pdf`` should find it all the same. ``DOSSIERGEN_SOFFICE`` names the
program explicitly (a portable install, an unusual folder).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

#: Names of the program on PATH, in order of preference.
PROGRAM_NAMES = ("soffice", "libreoffice")


def standard_locations(platform: str, environ: Mapping[str, str]) -> list[Path]:
    """The standard install places of LibreOffice on ``platform`` (``sys.platform``)."""
    if platform == "darwin":
        home = environ.get("HOME", "")
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            *([Path(home) / "Applications/LibreOffice.app/Contents/MacOS/soffice"] if home else []),
        ]
    if platform.startswith("win"):
        roots = [
            environ.get(name, default)
            for name, default in (
                ("ProgramFiles", r"C:\Program Files"),
                ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                ("ProgramW6432", r"C:\Program Files"),
            )
        ]
        local = environ.get("LOCALAPPDATA")
        if local:
            roots.append(str(Path(local) / "Programs"))
        unique = dict.fromkeys(r for r in roots if r)
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in unique]
    return [
        Path("/usr/bin/soffice"),
        Path("/usr/lib/libreoffice/program/soffice"),
        Path("/usr/lib64/libreoffice/program/soffice"),
        Path("/usr/local/bin/soffice"),
        Path("/opt/libreoffice/program/soffice"),
        *sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True),
        Path("/snap/bin/libreoffice"),
        Path("/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice"),
    ]


def find_libreoffice(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
    names: Sequence[str] = PROGRAM_NAMES,
) -> str | None:
    """The LibreOffice program to run, or ``None`` when it is not installed."""
    explicit = environ.get("DOSSIERGEN_SOFFICE")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in names:
        found = which(name)
        if found:
            return found
    for candidate in standard_locations(platform, environ):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None
