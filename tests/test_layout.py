"""The package tree is the module map: layers import only downwards, no cycles, small modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dossiergen"

#: Top to bottom. A module may import from its own part and from parts with a lower rank.
LAYERS: dict[str, int] = {
    "__main__": 11,
    "cli": 10,
    "werkbank": 9,
    "commands": 8,
    "builder": 7,
    "engine": 6,
    "checker": 6,
    "documents": 5,
    "text": 4,
    "rules": 4,
    "docx": 3,
    "html": 3,
    "dossier": 2,
    "praktijk": 6,
    "poortwachter": 1,
    # the base: no knowledge of any layer above
    "blocks": 0,
    "config": 0,
    "dutch": 0,
    "errors": 0,
    "files": 0,
    "libreoffice": 0,
    "problems": 0,
    "workers": 0,
    "__init__": 0,
}

MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _part(module: str) -> str:
    """``dossiergen.rules.base`` -> ``rules``; ``dossiergen`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, *, top_level_only: bool) -> Iterator[str]:
    """The dossiergen modules ``path`` imports (lazy imports too unless ``top_level_only``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "dossiergen":
                for alias in node.names:
                    yield f"dossiergen.{alias.name}"
            elif node.module.startswith("dossiergen."):
                yield node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("dossiergen"):
                    yield alias.name


def test_every_part_has_a_layer() -> None:
    parts = {_part(_name(path)) for path in _modules()}
    assert parts <= set(LAYERS), f"add to LAYERS: {sorted(parts - set(LAYERS))}"


def _allowed(importer: str, imported: str) -> bool:
    """Within one part anything goes; across parts only downwards (the base among itself)."""
    if _part(importer) == _part(imported) or _part(imported).startswith("__"):
        return True
    above, below = LAYERS[_part(importer)], LAYERS[_part(imported)]
    return below == 0 if above == 0 else below < above


def test_no_upward_import() -> None:
    upward = [
        f"{_name(path)} -> {imported}"
        for path in _modules()
        for imported in _imports(path, top_level_only=False)
        if not _allowed(_name(path), imported)
    ]
    assert not upward, "imports against the layers:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {}
    names = {_name(path) for path in _modules()}
    for path in _modules():
        found = set()
        for imported in _imports(path, top_level_only=True):
            # ``from dossiergen.x import y`` may name a module y or a member of x
            found.add(imported if imported in names else imported.rpartition(".")[0])
        graph[_name(path)] = {n for n in found if n in names and n != _name(path)}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for following in sorted(graph.get(node, ())):
            if state.get(following) == 1:
                cycle = [*stack[stack.index(following) :], following]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if following not in state:
                visit(following)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_modules_stay_small() -> None:
    large = {
        _name(path): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not large, f"modules over {MAX_LINES} lines: {large}"
