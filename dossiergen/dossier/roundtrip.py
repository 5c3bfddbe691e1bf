"""Change values in a YAML file and keep everything else byte for byte.

A dossier is written by hand: its comments, key order, blank lines and quoting are the
consultant's. This writer (ruamel.yaml's round-trip mode, quotes preserved, the file's own
indentation) changes the values it is told to change and nothing else. A file that does not
come back byte-identical from an unchanged round trip is refused rather than reformatted: an
edit must never rewrite the rest of somebody's file.

Usage::

    document = YamlDocument.parse(path.read_bytes(), "dossiers/jansen.yaml")
    document.set(("verzuim", "eerste_ziektedag"), date(2026, 1, 5))
    document.merge(("verzuim",), new_verzuim_section)      # the smallest set of edits
    path.write_bytes(document.dump())

Paths are tuples of keys and list indexes from the root (as ``DomainError.json_path``).
Values are plain Python (``str``, ``int``, ``float``, ``bool``, ``None``, ``date``, lists and
mappings); a date is written as a YAML date, a string that YAML would read as something else
is quoted.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from dossiergen.dossier.yaml_edits import (
    fingerprint,
    insert_entry,
    new_value,
    remove_entry,
    replace_entry,
    same_value,
)
from dossiergen.errors import DossierError

__all__ = ["RoundTripError", "YamlDocument", "YamlPath"]

#: Keys and list indexes from the root of the document.
YamlPath = tuple[str | int, ...]

#: Indentations tried, most common first: (mapping, sequence, dash offset). Dossiers made by
#: ``dossiergen nieuw`` use the first: lists indented under their key (``  - van: ...``).
_INDENTATIONS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0), (4, 2, 0))
#: Never fold long lines: a folded line is a changed line.
_WIDTH = 1_000_000


class RoundTripError(DossierError):
    """A file cannot be edited without rewriting more than the edited values."""


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


class YamlDocument:
    """One YAML file, parsed for editing; :meth:`dump` gives the edited bytes."""

    def __init__(self, data: CommentedMap, yaml: YAML, crlf: bool, bom: bool) -> None:
        self.data = data
        self._yaml = yaml
        self._crlf = crlf
        self._bom = bom

    @classmethod
    def parse(cls, raw: bytes, shown: str) -> YamlDocument:
        """Parse ``raw``; raise :class:`RoundTripError` when an unchanged round trip would
        change a single byte (or the file is no YAML mapping)."""
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw[3 if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError as e:
            raise RoundTripError(f"{shown}: geen UTF-8-tekst; kan het niet bewerken") from e
        crlf = "\r\n" in text
        if crlf:
            if text.replace("\r\n", "").count("\r") or text.replace("\r\n", "").count("\n"):
                raise RoundTripError(f"{shown}: gemengde regeleinden; kan het niet bewerken")
            text = text.replace("\r\n", "\n")
        for mapping, sequence, offset in _INDENTATIONS:
            yaml = _yaml(mapping, sequence, offset)
            try:
                data = yaml.load(text)
            except (YAMLError, ValueError, TypeError) as e:
                raise RoundTripError(
                    f"{shown}: het bestand is geen geldige YAML en kan niet in formulieren worden "
                    "bewerkt; herstel het eerst in de editor"
                ) from e
            if not isinstance(data, CommentedMap):
                raise RoundTripError(f"{shown}: het bestand is geen YAML-mapping")
            document = cls(data, yaml, crlf, bom)
            if document.dump() == raw:
                return document
        raise RoundTripError(
            f"{shown}: dit bestand kan niet worden bewerkt zonder de opmaak te veranderen "
            "(ongewone inspringing of schrijfwijze); bewerk het in de editor"
        )

    def dump(self) -> bytes:
        """The document as bytes, in the file's own line endings and byte order mark."""
        buffer = io.StringIO()
        self._yaml.dump(self.data, buffer)
        text = buffer.getvalue()
        if self._crlf:
            text = text.replace("\n", "\r\n")
        return (b"\xef\xbb\xbf" if self._bom else b"") + text.encode("utf-8")

    # -- reading -------------------------------------------------------------------------------

    def get(self, path: YamlPath, default: Any = None) -> Any:
        """The value at ``path`` (ruamel containers and scalars), or ``default``."""
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    # -- single edits --------------------------------------------------------------------------

    def set(self, path: YamlPath, value: Any, *, key_order: Sequence[str] = ()) -> None:
        """Set the value at ``path``; missing mappings on the way are made.

        A new key goes where ``key_order`` (e.g. the schema's order) puts it among the keys
        already there, else at the end. A string replacing a quoted or block string keeps that
        style.
        """
        if not path:
            raise ValueError("het pad is leeg")
        parent = self._container(path[:-1], create=True)
        last = path[-1]
        if isinstance(parent, CommentedSeq) and isinstance(last, int):
            replace_entry(parent, last, value)
        elif isinstance(parent, CommentedMap) and isinstance(last, str):
            if last in parent:
                replace_entry(parent, last, value)
            else:
                insert_entry(parent, _position(parent, last, key_order), new_value(value), last)
        else:
            raise KeyError(path)

    def delete(self, path: YamlPath) -> None:
        """Remove the key or list item at ``path`` (nothing when it is not there)."""
        parent = self._container(path[:-1], create=False)
        last = path[-1]
        in_map = isinstance(parent, CommentedMap) and last in parent
        in_list = isinstance(parent, CommentedSeq) and isinstance(last, int) and last < len(parent)
        if in_map or in_list:
            remove_entry(parent, last)

    def insert(self, path: YamlPath, index: int, value: Any) -> None:
        """Insert ``value`` into the list at ``path`` before ``index`` (the list is made if
        missing)."""
        sequence = self.get(path)
        if sequence is None:
            self.set(path, [value])
            return
        if not isinstance(sequence, CommentedSeq):
            raise KeyError(path)
        insert_entry(sequence, index, new_value(value))

    # -- a whole value -------------------------------------------------------------------------

    def merge(
        self,
        path: YamlPath,
        value: Any,
        *,
        key_order: Mapping[YamlPath, Sequence[str]] | None = None,
    ) -> None:
        """Make the value at ``path`` equal ``value`` with the fewest edits.

        Equal parts are not touched (their comments and quoting stay); mappings are merged
        key by key; lists item by item, so a row added or removed in the middle of a list
        leaves the other rows alone. ``key_order`` gives, per mapping path (list indexes left
        out), the order new keys are placed in.
        """
        key_order = key_order or {}
        if not path:
            _merge_map(self.data, value, (), key_order)
            return
        current = self.get(path, _MISSING)
        if current is _MISSING:
            if value is not None:
                self.set(path, value, key_order=key_order.get(_shape(path[:-1]), ()))
            return
        if isinstance(current, CommentedMap) and isinstance(value, Mapping):
            _merge_map(current, value, _shape(path), key_order)
        elif isinstance(current, CommentedSeq) and isinstance(value, list):
            _merge_seq(current, value, _shape(path), key_order)
        elif not same_value(current, value):
            self.set(path, value)

    def _container(self, path: YamlPath, *, create: bool) -> Any:
        node: Any = self.data
        for part in path:
            if isinstance(node, CommentedMap) and isinstance(part, str):
                if part not in node:
                    if not create:
                        return None
                    node[part] = CommentedMap()
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None if not create else _fail(path)
        return node


_MISSING = object()


def _fail(path: YamlPath) -> Any:
    raise KeyError(path)


def _shape(path: YamlPath) -> YamlPath:
    """A path without list indexes: the key under which ``key_order`` is looked up."""
    return tuple(part for part in path if isinstance(part, str))


def _position(mapping: CommentedMap, key: str, order: Sequence[str]) -> int:
    """Where a new ``key`` goes: after the last existing key that ``order`` puts before it."""
    if key not in order:
        return len(mapping)
    before = set(order[: order.index(key)])
    position = 0
    for index, existing in enumerate(mapping):
        if existing in before:
            position = index + 1
    return position


def _merge_map(
    current: CommentedMap,
    value: Mapping[str, Any],
    shape: YamlPath,
    key_order: Mapping[YamlPath, Sequence[str]],
) -> None:
    for key in [k for k in current if k not in value]:
        remove_entry(current, key)
    order = key_order.get(shape, list(value))
    for key, new in value.items():
        if key not in current:
            insert_entry(current, _position(current, key, order), new_value(new), key)
            continue
        old = current[key]
        if isinstance(old, CommentedMap) and isinstance(new, Mapping):
            _merge_map(old, new, (*shape, key), key_order)
        elif isinstance(old, CommentedSeq) and isinstance(new, list):
            _merge_seq(old, new, (*shape, key), key_order)
        elif not same_value(old, new):
            replace_entry(current, key, new)


def _merge_seq(
    current: CommentedSeq,
    value: list[Any],
    shape: YamlPath,
    key_order: Mapping[YamlPath, Sequence[str]],
) -> None:
    old_keys = [fingerprint(item) for item in current]
    new_keys = [fingerprint(item) for item in value]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    # Work from the end, so the indexes of the parts still to do stay valid.
    for tag, a0, a1, b0, b1 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        paired = min(a1 - a0, b1 - b0) if tag == "replace" else 0
        for offset in range(paired):  # a changed row: edit it in place, keep its comments
            old, new = current[a0 + offset], value[b0 + offset]
            if isinstance(old, CommentedMap) and isinstance(new, Mapping):
                _merge_map(old, new, shape, key_order)
            elif isinstance(old, CommentedSeq) and isinstance(new, list):
                _merge_seq(old, new, shape, key_order)
            elif not same_value(old, new):
                replace_entry(current, a0 + offset, new)
        for index in reversed(range(a0 + paired, a1)):
            remove_entry(current, index)
        for index in range(b0 + paired, b1):
            insert_entry(current, a0 + paired + (index - b0 - paired), new_value(value[index]))
