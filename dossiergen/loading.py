"""Read a dossier file safely into plain data that remembers every key's and item's position.

ruamel.yaml's C parser composes the YAML node graph (ten times faster than its pure-Python
round-trip loader); our own constructor turns the nodes into ``PositionedMap``/``PositionedList``
containers with ruamel's ``.lc`` interface, keeping YAML timestamps as the text that was typed.

The loader is the first line of defence against hostile or broken input: it never constructs
Python objects from tags, caps size, alias expansion and nesting, and turns every failure into
Dutch problems with ``line:column`` instead of a traceback.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from dossiergen.errors import LoadError
from dossiergen.problems import Problem, Severity

#: A real dossier is 10–60 kB; a megabyte is a mistake (or an attack), not a dossier.
MAX_FILE_BYTES = 1_000_000
#: Nodes after expanding aliases; a dossier has a few thousand. Stops "billion laughs".
MAX_EXPANDED_NODES = 200_000
#: Nesting depth; the deepest real structure is about 8 levels.
MAX_DEPTH = 40

_YAML_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _YAML_CORE + name
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "merge")
)


class _Positions:
    """ruamel's ``lc`` interface (0-based ``(line, column)``) for our own containers."""

    __slots__ = ("items", "keys", "values")

    def __init__(self) -> None:
        self.keys: dict[Any, tuple[int, int]] = {}
        self.values: dict[Any, tuple[int, int]] = {}
        self.items: list[tuple[int, int]] = []

    def key(self, key: Any) -> tuple[int, int]:
        return self.keys[key]

    def value(self, key: Any) -> tuple[int, int]:
        return self.values[key]

    def item(self, index: int) -> tuple[int, int]:
        return self.items[index]


class PositionedMap(dict[str, Any]):
    """A YAML mapping that remembers where each key and value stood (``.lc``)."""

    __slots__ = ("lc",)

    def __init__(self) -> None:
        super().__init__()
        self.lc = _Positions()


class PositionedList(list[Any]):
    """A YAML sequence that remembers where each item stood (``.lc``)."""

    __slots__ = ("lc",)

    def __init__(self) -> None:
        super().__init__()
        self.lc = _Positions()


@dataclass(frozen=True)
class LoadedDossier:
    """A parsed dossier: its data (a ruamel ``CommentedMap`` with positions) and its origin."""

    path: Path
    display_path: str
    data: Any
    source: bytes


def load_dossier(path: Path, display_path: str | None = None) -> LoadedDossier:
    """Read and parse one dossier file; raise ``LoadError`` carrying every problem found."""
    shown = display_path if display_path is not None else str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        reason = e.strerror or type(e).__name__
        problem = _problem(shown, 1, 1, f"bestand kan niet worden gelezen: {reason}")
        raise LoadError(f"{shown}: niet leesbaar", (problem,)) from e
    return LoadedDossier(path, shown, parse_dossier_bytes(raw, shown), raw)


def parse_dossier_bytes(raw: bytes, shown: str) -> Any:
    """Turn the bytes of a dossier into round-trip data; raise ``LoadError`` with all problems."""
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(
            shown,
            1,
            1,
            f"bestand is te groot (meer dan {MAX_FILE_BYTES // 1000} kB); "
            "een dossier is een tekstbestand van hooguit enkele tientallen kB",
        )
    text = _decode(raw, shown)
    bad_characters = list(_forbidden_characters(text, shown))
    if bad_characters:
        raise LoadError(f"{shown}: ongeldige tekens", tuple(bad_characters))
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise _fail(shown, 1, 1, "bestand is leeg: een dossier begint met 'schema_version: 1'")
    if _nesting_estimate(text) > _SAFE_NESTING:
        raise _fail(shown, 1, 1, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
    # ruamel's C parser composes the node graph (with positions) ten times faster than the
    # pure-Python round-trip loader; our constructor below builds plain containers from it.
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _Yaml12Resolver
    try:
        documents = [doc for doc in yaml.compose_all(text) if doc is not None]
    except MarkedYAMLError as e:
        raise _yaml_problem(e, shown, text) from e
    except YAMLError as e:
        raise _fail(shown, 1, 1, f"YAML kan niet worden gelezen: {e}") from e
    except RecursionError as e:
        raise _fail(shown, 1, 1, f"te diep genest (meer dan {MAX_DEPTH} niveaus)") from e
    if not documents:
        raise _fail(shown, 1, 1, "bestand bevat geen gegevens")
    if len(documents) > 1:
        mark = documents[1].start_mark
        raise _fail(
            shown,
            mark.line + 1,
            mark.column + 1,
            "bestand bevat meer dan één YAML-document (een regel '---' of '...'); "
            "zet elk dossier in een eigen bestand",
        )
    root = documents[0]
    if not isinstance(root, MappingNode):
        kind = "een lijst" if isinstance(root, SequenceNode) else "een losse waarde"
        mark = root.start_mark
        raise _fail(
            shown,
            mark.line + 1,
            mark.column + 1,
            f"het dossier is {kind}; het moet beginnen met sleutels zoals "
            "'schema_version: 1' en 'werknemer:'",
        )
    return _Constructor(shown).build(root)


class _Yaml12Resolver(VersionedResolver):
    """Always YAML 1.2 (``ja``, ``yes`` and ``on`` stay text), resolved without version look-ups.

    ruamel asks for the document's YAML version on every scalar; a dossier is always read as
    YAML 1.2, so the table is picked once. That halves the time to compose a dossier.
    """

    _table: Any = None

    @property
    def versioned_resolver(self) -> Any:
        if self._table is None:
            version = (1, 2)
            if version not in self._version_implicit_resolver:
                for versions, tag, regexp, first in _implicit_resolvers():
                    if version in versions:
                        self.add_version_implicit_resolver(version, tag, regexp, first)
            self._table = self._version_implicit_resolver[version]
        return self._table


def _implicit_resolvers() -> Any:
    from ruamel.yaml.resolver import implicit_resolvers

    return implicit_resolvers


def _tag(node: Node) -> str:
    """The node's resolved tag as text (``Node.tag`` builds it anew on every access)."""
    tag = node.ctag
    if tag.handle is None and tag.suffix is not None and "%" not in tag.suffix:
        return str(tag.suffix)  # the resolver's own tags: no handle, nothing to decode
    return str(tag)


#: The C composer recurses per nesting level and crashes (not raises) far beyond Python's
#: limit; anything this deep is refused before it reaches the composer.
_SAFE_NESTING = 2000


def _nesting_estimate(text: str) -> int:
    """An upper bound of the nesting depth, from brackets and line indentation."""
    lines = text.splitlines()
    openers = text.count("[") + text.count("{")
    longest = max(map(len, lines), default=0)
    if openers + longest < _SAFE_NESTING:  # the usual case, decided without a character loop
        return openers + longest
    flow = deepest_flow = 0
    for char in text:
        if char in "[{":
            flow += 1
            deepest_flow = max(deepest_flow, flow)
        elif char in "]}":
            flow = max(0, flow - 1)
    deepest_block = max((len(line) - len(line.lstrip(" -?:\t")) for line in lines), default=0)
    return deepest_flow + deepest_block


def _scalar(node: ScalarNode, tag: str) -> Any:
    """A scalar by its resolved YAML 1.2 tag; timestamps stay the text that was typed."""
    value = node.value
    if tag == _YAML_CORE + "int":
        text = value.replace("_", "")
        return int(text, 0) if text.lower().lstrip("+-").startswith(("0o", "0x")) else int(text)
    if tag == _YAML_CORE + "float":
        special = {".inf": float("inf"), "-.inf": float("-inf"), "+.inf": float("inf")}
        lowered = value.lower()
        if lowered in special:
            return special[lowered]
        if lowered == ".nan":
            return float("nan")
        return float(value.replace("_", ""))
    if tag == _YAML_CORE + "bool":
        return value.lower() == "true"
    if tag == _YAML_CORE + "null":
        return None
    return value  # str, timestamp (checked by the schema's format: date), merge key text


class _Constructor:
    """Builds ``PositionedMap``/``PositionedList`` data from nodes, collecting every problem.

    Unknown tags are refused (``!!python/object`` never constructs anything), duplicate keys
    are reported with both lines, and alias expansion and nesting are capped.
    """

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []
        self.built: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}

    def build(self, root: Node) -> Any:
        data = self.node(root, 0)
        if self.problems:
            raise LoadError(f"{self.shown}: ongeldige YAML", tuple(self.problems))
        return data

    def at(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(_problem(self.shown, mark.line + 1, mark.column + 1, message))

    def node(self, node: Node, depth: int) -> Any:
        key = id(node)
        if key in self.built:  # an alias: the same (read-only) object, counted again
            self.count(node, self.sizes[key])
            return self.built[key]
        if depth > MAX_DEPTH:
            mark = node.start_mark
            raise _fail(
                self.shown,
                mark.line + 1,
                mark.column + 1,
                f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
            )
        tag = _tag(node)
        if tag not in _ALLOWED_TAGS:
            self.at(
                node,
                f"onbekende YAML-tag '{tag.replace(_YAML_CORE, '!!')}': tags zijn in "
                "een dossier niet toegestaan; schrijf de waarde zonder tag",
            )
        before = self.total
        value: Any
        if isinstance(node, MappingNode):
            value = self.mapping(node, depth)
        elif isinstance(node, SequenceNode):
            value = PositionedList()
            for child in node.value:
                value.lc.items.append((child.start_mark.line, child.start_mark.column))
                value.append(self.node(child, depth + 1))
        else:
            try:
                value = _scalar(node, tag)  # type: ignore[arg-type]
            except ValueError:
                self.at(node, f"'{node.value}' is geen geldig getal")
                value = node.value
            if isinstance(value, str) and (bad := _FORBIDDEN.search(value)):
                # written as an escape ("\x08") it passed the raw-text scan; Word cannot hold it
                self.at(
                    node,
                    f"ongeldig besturingsteken U+{ord(bad.group()):04X} in deze waarde "
                    "(als escape geschreven); Word kan dit teken niet bevatten: verwijder het",
                )
        self.count(node, 1)
        self.built[key] = value
        self.sizes[key] = self.total - before
        return value

    total = 0

    def count(self, node: Node, amount: int) -> None:
        self.total += amount
        if self.total > MAX_EXPANDED_NODES:
            mark = node.start_mark
            raise _fail(
                self.shown,
                mark.line + 1,
                mark.column + 1,
                "te veel gegevens na het uitvouwen van ankers en verwijzingen (&/*); "
                "een dossier gebruikt geen ankers",
            )

    def mapping(self, node: MappingNode, depth: int) -> PositionedMap:
        result = PositionedMap()
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if _tag(key_node) == _YAML_CORE + "merge":
                self.at(
                    key_node,
                    "samenvoegen met '<<' wordt in een dossier niet ondersteund; "
                    "schrijf de gegevens uit",
                )
                continue
            if not isinstance(key_node, ScalarNode):
                self.at(key_node, "een sleutel moet een woord zijn, geen lijst of sectie")
                continue
            key = self.node(key_node, depth + 1)
            if isinstance(key, bool | float) or key is None:
                key = key_node.value
            if key in result:
                self.at(
                    key_node,
                    f"sleutel '{key}' staat twee keer in dezelfde sectie; voeg ze "
                    f"samen (eerste keer op regel {first_line[key]})",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result.lc.keys[key] = (key_node.start_mark.line, key_node.start_mark.column)
            result.lc.values[key] = (value_node.start_mark.line, value_node.start_mark.column)
            result[key] = self.node(value_node, depth + 1)
        return result


def _problem(shown: str, line: int, column: int, message: str) -> Problem:
    return Problem(shown, line, column, Severity.FOUT, message)


def _fail(shown: str, line: int, column: int, message: str) -> LoadError:
    return LoadError(f"{shown}: {message}", (_problem(shown, line, column, message),))


def _decode(raw: bytes, shown: str) -> str:
    if b"\x00" in raw[:8000] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail(shown, 1, 1, "dit is een binair bestand, geen YAML-tekst")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        raise _fail(shown, 1, 1, "bestand is als UTF-16/UTF-32 opgeslagen; sla het op als UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _fail(
            shown,
            line,
            column,
            f"ongeldig teken (byte 0x{raw[e.start]:02x}): het bestand is geen UTF-8 "
            "(waarschijnlijk Windows-1252 of Latin-1); sla het op als UTF-8",
        ) from e


#: Characters that XML 1.0 (and so Word) cannot hold, or that YAML does not allow: C0 controls
#: except tab, newline and carriage return; DEL and C1 controls except NEL; surrogates; U+FFFE/F.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _forbidden_characters(text: str, shown: str) -> list[Problem]:
    problems = []
    for match in _FORBIDDEN.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(
            _problem(
                shown,
                line,
                column,
                f"ongeldig besturingsteken U+{ord(match.group()):04X}; Word kan dit teken niet "
                "bevatten (vaak meegekopieerd uit een andere toepassing): verwijder het",
            )
        )
        if len(problems) >= 50:
            break
    return problems
    return problems


_YAML_MESSAGES = (
    (
        "mapping values are not allowed",
        "onverwachte ':' — staat er een dubbele punt in een waarde? zet de waarde tussen "
        "aanhalingstekens, of controleer het inspringen",
    ),
    (
        "could not find expected ':'",
        "een ':' ontbreekt na de sleutel, of het inspringen klopt niet",
    ),
    ("found undefined alias", "verwijzing (*) naar een anker (&) dat niet bestaat"),
    ("while scanning a quoted scalar", "aanhalingsteken wordt niet gesloten"),
    (
        "found unknown escape character",
        "onbekende \\-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    ("did not find expected key", "het inspringen klopt niet: hier werd een sleutel verwacht"),
    (
        "did not find expected '-' indicator",
        "het inspringen klopt niet: hier werd een lijstregel ('- ') verwacht",
    ),
    ("did not find expected ',' or ']'", "haakje '[' wordt niet goed gesloten"),
    ("did not find expected ',' or '}'", "haakje '{' wordt niet goed gesloten"),
    ("expected <block end>", "het inspringen klopt niet"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op (haakje of aanhalingsteken open?)",
    ),
    ("did not find expected node content", "hier ontbreekt een waarde"),
)


def _yaml_problem(error: MarkedYAMLError, shown: str, text: str) -> LoadError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    english = f"{error.context or ''} {error.problem or ''}"
    lines = text.split("\n")
    found = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if found == "\t" or "tab character" in english:
        message = "tab gevonden: YAML gebruikt spaties om in te springen, geen tabs"
    elif "cannot start any token" in english and found:
        message = (
            f"het teken '{found}' mag niet aan het begin van een waarde staan; zet de "
            "waarde tussen aanhalingstekens"
        )
    else:
        message = next(
            (dutch for needle, dutch in _YAML_MESSAGES if needle in english),
            "YAML-syntaxfout op deze plek: controleer het inspringen, de dubbele punten en de "
            "aanhalingstekens",
        )
    return _fail(shown, line, column, message)
