"""Read a dossier file safely into ruamel.yaml round-trip data, keeping every node's position.

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
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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


class _DatesAsTextConstructor(RoundTripConstructor):
    """Keep YAML timestamps as the text the consultant typed.

    The schema checks them with ``format: date`` so that 2026-02-30 becomes a message with a
    line number instead of a constructor crash; the model parses them afterwards.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        return self.construct_scalar(node)


_DatesAsTextConstructor.add_constructor(
    _YAML_CORE + "timestamp", _DatesAsTextConstructor.construct_yaml_timestamp
)


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
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsTextConstructor
    yaml.allow_duplicate_keys = False
    try:
        documents = list(yaml.compose_all(text))
        documents = [doc for doc in documents if doc is not None]
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
        _check_nodes(root, shown)
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
        return yaml.constructor.construct_document(root)
    except LoadError:
        raise
    except MarkedYAMLError as e:
        raise _yaml_problem(e, shown) from e
    except YAMLError as e:
        raise _fail(shown, 1, 1, f"YAML kan niet worden gelezen: {e}") from e
    except RecursionError as e:
        raise _fail(shown, 1, 1, f"te diep genest (meer dan {MAX_DEPTH} niveaus)") from e


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


def _is_forbidden(char: str) -> bool:
    """Characters that XML 1.0 (and so Word) cannot hold, or YAML does not allow."""
    code = ord(char)
    if code < 0x20:
        return char not in "\t\n\r"
    return (
        (0x7F <= code <= 0x9F and code != 0x85)
        or 0xD800 <= code <= 0xDFFF
        or code
        in (
            0xFFFE,
            0xFFFF,
        )
    )


def _forbidden_characters(text: str, shown: str) -> list[Problem]:
    problems = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if _is_forbidden(char) and not (char == "\r" and column == len(line)):
                problems.append(
                    _problem(
                        shown,
                        line_number,
                        column,
                        f"ongeldig besturingsteken U+{ord(char):04X}; Word kan dit teken niet "
                        "bevatten (vaak meegekopieerd uit een andere toepassing): verwijder het",
                    )
                )
                if len(problems) >= 50:
                    return problems
    return problems


def _check_nodes(root: Node, shown: str) -> None:
    """Reject unknown tags, alias bombs and extreme nesting before anything is constructed."""
    problems: list[Problem] = []
    sizes: dict[int, int] = {}

    def size(node: Node, depth: int) -> int:
        key = id(node)
        if key in sizes:  # an alias: counts its whole expansion again, but is walked once
            return sizes[key]
        mark = node.start_mark
        if depth > MAX_DEPTH:
            raise _fail(
                shown,
                mark.line + 1,
                mark.column + 1,
                f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
            )
        tag = str(getattr(node.tag, "value", node.tag))
        if tag not in _ALLOWED_TAGS:
            problems.append(
                _problem(
                    shown,
                    mark.line + 1,
                    mark.column + 1,
                    f"onbekende YAML-tag '{tag.replace(_YAML_CORE, '!!')}': tags zijn in een "
                    "dossier niet toegestaan; schrijf de waarde zonder tag",
                )
            )
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                total += size(key_node, depth + 1) + size(value_node, depth + 1)
        elif not isinstance(node, ScalarNode):  # pragma: no cover - ruamel has no other kinds
            total += 0
        sizes[key] = total
        if total > MAX_EXPANDED_NODES:
            raise _fail(
                shown,
                mark.line + 1,
                mark.column + 1,
                "te veel gegevens na het uitvouwen van ankers en verwijzingen (&/*); "
                "een dossier gebruikt geen ankers",
            )
        return total

    size(root, 0)
    if problems:
        raise LoadError(f"{shown}: onbekende tags", tuple(problems))


_YAML_MESSAGES = (
    ("found character '\\t'", "tab gevonden: YAML gebruikt spaties om in te springen, geen tabs"),
    ("found duplicate key", "deze sleutel staat twee keer in dezelfde sectie; voeg ze samen"),
    (
        "mapping values are not allowed here",
        "onverwachte ':' — staat er een dubbele punt in een waarde? zet de waarde tussen "
        "aanhalingstekens, of controleer het inspringen",
    ),
    (
        "could not find expected ':'",
        "een ':' ontbreekt na de sleutel, of het inspringen klopt niet",
    ),
    ("found undefined alias", "verwijzing (*) naar een anker (&) dat niet bestaat"),
    ("while scanning a quoted scalar", "aanhalingsteken wordt niet gesloten"),
    ("did not find expected key", "het inspringen klopt niet: hier werd een sleutel verwacht"),
    (
        "did not find expected '-' indicator",
        "het inspringen klopt niet: hier werd een lijstregel ('- ') verwacht",
    ),
    ("expected <block end>, but found", "het inspringen klopt niet"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op (haakje of aanhalingsteken open?)",
    ),
    ("found character", "teken dat hier niet mag; zet de waarde tussen aanhalingstekens"),
    ("while parsing a flow", "haakje '[' of '{' wordt niet goed gesloten"),
)


def _yaml_problem(error: MarkedYAMLError, shown: str) -> LoadError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    english = f"{error.context or ''} {error.problem or ''}"
    for needle, dutch in _YAML_MESSAGES:
        if needle in english:
            message = dutch
            break
    else:
        message = "YAML-syntaxfout: " + " ".join(english.split())
    duplicate = re.search(r'duplicate key "([^"]{1,80})"', english)
    if duplicate:
        message = (
            f"sleutel '{duplicate.group(1)}' staat twee keer in dezelfde sectie; voeg ze samen"
        )
    if duplicate and error.context_mark is not None:
        first = error.context_mark
        message += f" (eerste keer op regel {first.line + 1})"
    return _fail(shown, line, column, message)
