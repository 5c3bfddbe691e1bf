"""The schemas in the practice repository, for editors and other validators, offline.

dossiergen validates with the schemas it ships; an editor (VS Code with the YAML extension,
any yaml-language-server client) and check-jsonschema need files they can open. ``export``
copies the shipped schemas into the practice (``schemas/v1/``) with one change: the ``$id``
(an https address that is only a name) is left out, so every ``$ref`` such as
``zaak.schema.json`` resolves against the file's own location, without network.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from dossiergen.config import default_resources
from dossiergen.files import write_atomic

ROOT_SCHEMA = "dossier.schema.json"
#: The format version folder the shipped schemas live in, kept in the practice too.
VERSION_FOLDER = "v1"
_SOURCE_NOTE = (
    "Kopie van het schema van dossiergen {version} ($id {schema_id}), gemaakt door "
    "'dossiergen schemas'; niet met de hand wijzigen."
)


def export_schemas(target: Path, version: str) -> list[Path]:
    """Write the shipped schemas to ``target/v1/``; return the files written."""
    from dossiergen.errors import WriteError

    source_dir = default_resources().schemas_dir
    folder = target / VERSION_FOLDER
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
