"""``dossiergen build --shard I/N``: a stable part of the dossiers, for CI jobs side by side.

A dossier belongs to part ``I`` of ``N`` by the SHA-256 of its case's kenmerk (``zaak.kenmerk``),
so every job of a matrix takes its own dossiers, together all of them, and a dossier stays in
its part when files are added, removed or renamed. The kenmerk is read from the first events of
the file, without loading it; a file without one (or one that does not read) goes by its name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _ruamel_yaml import (
    AliasEvent,
    CParser,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.error import YAMLError

from dossiergen.dossier.load import read_dossier_bytes
from dossiergen.errors import LoadError, UsageError

__all__ = ["Shard", "case_key"]

_FORM = re.compile(r"(\d+)/(\d+)")


@dataclass(frozen=True)
class Shard:
    """Part ``index`` (1-based, as GitLab's ``CI_NODE_INDEX``) of ``total``."""

    index: int
    total: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"2/4"`` as a shard; ``UsageError`` in Dutch for anything else."""
        found = _FORM.fullmatch(text.strip())
        if found is None:
            raise UsageError(f"--shard '{text}': schrijf deel/aantal, bijvoorbeeld 2/4")
        index, total = int(found[1]), int(found[2])
        if not 1 <= index <= total:
            raise UsageError(f"--shard '{text}': het deel moet tussen 1 en {total} liggen")
        return cls(index, total)

    def holds(self, path: Path) -> bool:
        """Whether the dossier at ``path`` belongs to this part."""
        digest = hashlib.sha256(case_key(path).encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.total == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def case_key(path: Path) -> str:
    """``kenmerk:<zaak.kenmerk>`` of the dossier at ``path``, else ``bestand:<file name>``."""
    try:
        text = read_dossier_bytes(path, path.name).decode("utf-8-sig")
        kenmerk = _kenmerk(text)
    except (LoadError, UnicodeDecodeError, YAMLError, RecursionError):
        kenmerk = None
    return f"kenmerk:{kenmerk}" if kenmerk else f"bestand:{path.name}"


def _kenmerk(text: str) -> str | None:
    """The scalar at ``zaak.kenmerk``, from the events up to it."""
    parser = CParser(text)
    # one frame per open container: [is a mapping, its key in the parent, the pending key]
    stack: list[list[Any]] = []
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is StreamEndEvent:
            return None
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            stack.append([kind is MappingStartEvent, _value_of(stack), None])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
        elif kind is ScalarEvent or kind is AliasEvent:
            if stack and stack[-1][0] and stack[-1][2] is None:  # a key
                stack[-1][2] = event.value if kind is ScalarEvent else ""
                continue
            key = _value_of(stack)
            if kind is ScalarEvent and key == "kenmerk" and [f[1] for f in stack] == [None, "zaak"]:
                return str(event.value)


def _value_of(stack: list[list[Any]]) -> str | None:
    """The key whose value starts now (and no longer pending); None in a list or at the top."""
    if not stack or not stack[-1][0]:
        return None
    key: str | None = stack[-1][2]
    stack[-1][2] = None
    return key
