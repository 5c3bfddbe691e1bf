"""Package layout: every ``dossiergen*`` package, plus the top-level ``schemas/`` and
``templates/`` folders (with their subfolders) shipped inside it as ``dossiergen.schemas`` and
``dossiergen.templates``.

They stay top-level folders of the repository (what a practice reads, exports and overrides)
and are found through ``importlib.resources`` in an installed package. The rest of the
configuration is in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
DATA_FOLDERS = ("schemas", "templates")

package_dir = {}
for folder in DATA_FOLDERS:
    for directory in [HERE / folder, *sorted((HERE / folder).rglob("*"))]:
        if directory.is_dir() and "__pycache__" not in directory.parts:
            relative = directory.relative_to(HERE)
            package_dir[".".join(("dossiergen", *relative.parts))] = relative.as_posix()

setup(
    packages=[*find_packages(include=["dossiergen", "dossiergen.*"]), *package_dir],
    package_dir=package_dir,
)
