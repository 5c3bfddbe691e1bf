"""Which practice the werkbank shows: its folders, resources and the files it watches."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from dossiergen.config import Resources, default_resources
from dossiergen.errors import UsageError
from dossiergen.praktijk.config import find_config, load_practice


@dataclass(frozen=True)
class Werkplaats:
    """The practice folder and everything in it the werkbank reads, all absolute paths.

    Nothing outside ``root`` is ever served; dossiers are only those under ``dossiers``.
    """

    root: Path
    dossiers: Path
    output: Path
    resources: Resources
    config_file: Path | None = None

    @property
    def watched(self) -> tuple[Path, ...]:
        """The folders and files whose change updates the open pages."""
        places = [self.dossiers]
        if self.resources.overrides_dir is not None:
            places.append(self.resources.overrides_dir)
        house = self.resources.house_style
        if house.is_file() and house.resolve().is_relative_to(self.root):
            places.append(house)
        if self.config_file is not None:
            places.append(self.config_file)
        return tuple(p for p in places if p.exists())

    def shown(self, path: Path) -> str:
        """A path as the werkbank shows it: relative to the practice folder."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.name

    def inside(self, path: Path) -> bool:
        """True when ``path`` (symbolic links followed) lies inside the practice folder."""
        try:
            return path.resolve().is_relative_to(self.root)
        except OSError:
            return False


def dossier_id(werkplaats: Werkplaats, path: Path) -> str:
    """An opaque, stable id for a dossier file: no name of a person in a URL or history."""
    return hashlib.sha256(werkplaats.shown(path).encode()).hexdigest()[:16]


def open_werkplaats(folder: Path) -> Werkplaats:
    """The practice ``folder`` belongs to (``dossiergen.toml`` there or above), else ``folder``
    itself with its ``dossiers/`` (or the folder's own YAML files) and the built-in resources."""
    if not folder.is_dir():
        raise UsageError(f"map bestaat niet: {folder}")
    config = find_config(folder)
    if config is not None:
        practice = load_practice(config)
        return Werkplaats(
            root=practice.root,
            dossiers=practice.dossiers,
            output=practice.output,
            resources=practice.resources(),
            config_file=practice.config_file,
        )
    root = folder.resolve()
    dossiers = root / "dossiers"
    return Werkplaats(
        root=root,
        dossiers=dossiers if dossiers.is_dir() else root,
        output=root / "build",
        resources=default_resources(),
    )
