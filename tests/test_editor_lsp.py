"""yaml-language-server, the engine of VS Code's YAML extension, on a practice's dossier.

Driven over its stdio protocol (JSON-RPC with Content-Length framing), as an editor does: the
dossier's modeline points at the exported schemas, which resolve without network; a wrong BSN
gets the schema's Dutch message, and hovering a section shows its Dutch description. Needs node
and npm; the server is installed from the npm registry into a temporary folder.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossiergen.praktijk.editor import export_schemas, modeline

pytestmark = pytest.mark.slow
TIMEOUT = 60

DOSSIER = """\
schema_version: 2
werknemer:
  naam: Jansen
  voorletters: P.
  geboortedatum: 1978-04-12
  bsn: "12345"
werkgever:
  naam: Voorbeeld B.V.
verzuim:
  eerste_ziektedag: 2026-01-05
bedrijfsarts:
  prognose:
    verwachting: herstel
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node en npm ontbreken: yaml-language-server kan niet draaien")
    folder = tmp_path_factory.mktemp("yls")
    installed = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--silent", "yaml-language-server@1"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    program = folder / "node_modules" / ".bin" / "yaml-language-server"
    if installed.returncode != 0 or not program.exists():
        pytest.skip(f"yaml-language-server niet te installeren: {installed.stderr[-300:]}")
    return program


class Client:
    """A minimal LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, program: Path, root: Path) -> None:
        self.process = subprocess.Popen(
            [str(program), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=root,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        for message in self.incoming():
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")
        return None

    def incoming(self) -> Iterator[dict[str, Any]]:
        """Messages from the server; its own requests are answered on the way."""
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            if "method" in message and "id" in message:
                items = message.get("params", {}).get("items", [])
                result = [_settings() if i.get("section") == "yaml" else None for i in items]
                self.send({"id": message["id"], "result": result if items else None})
                continue
            yield message

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def _settings() -> dict[str, Any]:
    return {
        "validate": True,
        "hover": True,
        "completion": True,
        "schemaStore": {"enable": False},
    }


def test_the_editor_validates_and_explains_in_dutch(server: Path, tmp_path: Path) -> None:
    export_schemas(tmp_path / "schemas", "test")
    dossiers = tmp_path / "dossiers"
    dossiers.mkdir()
    path = dossiers / "jansen.yaml"
    text = modeline(dossiers, tmp_path / "schemas") + "\n" + DOSSIER
    path.write_text(text, encoding="utf-8")
    client = Client(server, tmp_path)
    try:
        client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": tmp_path.as_uri(),
                "capabilities": {"workspace": {"configuration": True}},
            },
        )
        client.send({"method": "initialized", "params": {}})
        client.send(
            {
                "method": "workspace/didChangeConfiguration",
                "params": {"settings": {"yaml": _settings()}},
            }
        )
        uri = path.as_uri()
        client.send(
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
                },
            }
        )
        diagnostics: list[dict[str, Any]] = []
        for message in client.incoming():
            if message.get("method") == "textDocument/publishDiagnostics":
                diagnostics = message["params"]["diagnostics"]
                if diagnostics:
                    break
        messages = [d["message"] for d in diagnostics]
        bsn_line = text.splitlines().index('  bsn: "12345"')
        assert any(
            "Verkeerde vorm: 9 cijfers" in d["message"] and d["range"]["start"]["line"] == bsn_line
            for d in diagnostics
        ), messages
        line = text.splitlines().index("bedrijfsarts:")
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": 3}},
        )
        shown = json.dumps(hover, ensure_ascii=False)
        assert "Gegevens van de bedrijfsarts: belastbaarheid" in shown  # the hover text, readable
    finally:
        client.close()
