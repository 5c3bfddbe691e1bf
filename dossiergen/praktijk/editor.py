"""The schemas in the practice repository, for editors and other validators, offline.

dossiergen validates with the schemas it ships; an editor (VS Code with the YAML extension,
any yaml-language-server client) and check-jsonschema need files they can open. ``export``
copies the shipped schemas of every format version into the practice (``schemas/v2/``, and
``schemas/v1/`` for dossiers not yet migrated) with one change: the ``$id`` (an https address
that is only a name) is left out, so every ``$ref`` such as ``zaak.schema.json`` resolves
against the file's own location, without network.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from dossiergen.config import FORMAT_VERSION, format_schemas_dir
from dossiergen.files import write_atomic

ROOT_SCHEMA = "dossier.schema.json"
#: The folder of the current format version's schemas, kept in the practice too.
VERSION_FOLDER = f"v{FORMAT_VERSION}"
_SOURCE_NOTE = (
    "Kopie van het schema van dossiergen {version} ($id {schema_id}), gemaakt door "
    "'dossiergen schemas'; niet met de hand wijzigen."
)


def export_schemas(target: Path, version: str) -> list[Path]:
    """Write the shipped schemas of every format version to ``target/v<N>/``; return the files
    written."""
    written = []
    for format_version in range(1, FORMAT_VERSION + 1):
        written += _export_folder(format_schemas_dir(format_version), target, version)
    return written


def _export_folder(source_dir: Path, target: Path, version: str) -> list[Path]:
    from dossiergen.errors import WriteError

    folder = target / source_dir.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WriteError(f"kan map {folder} niet maken: {e.strerror}") from e
    written = []
    for source in sorted(source_dir.glob("*.schema.json")):
        schema = json.loads(source.read_text(encoding="utf-8"))
        schema_id = schema.pop("$id", "")
        exported = {
            "$comment": _SOURCE_NOTE.format(version=version, schema_id=schema_id),
            **schema,
        }
        text = json.dumps(exported, ensure_ascii=False, indent=2) + "\n"
        write_atomic(folder / source.name, text.encode("utf-8"))
        written.append(folder / source.name)
    return written


def modeline(dossier_folder: Path, schemas_dir: Path) -> str:
    """The first line of a dossier: where yaml-language-server finds its schema."""
    relative = Path(os.path.relpath(schemas_dir / VERSION_FOLDER / ROOT_SCHEMA, dossier_folder))
    return f"# yaml-language-server: $schema={relative.as_posix()}"


def vscode_settings(schemas: str, dossiers: str) -> str:
    """``.vscode/settings.json``: the YAML extension binds every dossier to the schema."""
    settings = {
        "yaml.schemas": {f"./{schemas}/{VERSION_FOLDER}/{ROOT_SCHEMA}": f"{dossiers}/**/*.yaml"},
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "[yaml]": {
            "editor.insertSpaces": True,
            "editor.tabSize": 2,
            "editor.autoIndent": "keep",
        },
        "files.exclude": {"build": True},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


#: The schema binding of an older format version in ``.vscode/settings.json``.
_OLD_BINDING = re.compile(r'(/)v(\d+)(/dossier\.schema\.json")')


def upgrade_vscode_settings(settings_file: Path) -> bool:
    """Point the schema binding in ``.vscode/settings.json`` at the current format version;
    only that path changes (the file may hold the practice's own settings and comments).
    Returns whether the file was changed."""
    try:
        text = settings_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False

    def current(match: re.Match[str]) -> str:
        older = int(match[2]) < FORMAT_VERSION
        return f"{match[1]}{VERSION_FOLDER}{match[3]}" if older else match[0]

    upgraded = _OLD_BINDING.sub(current, text)
    if upgraded == text:
        return False
    write_atomic(settings_file, upgraded.encode("utf-8"))
    return True
