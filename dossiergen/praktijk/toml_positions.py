"""Read ``dossiergen.toml`` into containers that remember where each key stood.

``tomllib`` parses (and rejects broken TOML with a line and column); it keeps no positions,
so a line scan finds them: every ``[table]`` header and every ``key = value`` line, with the
column of the key and of the value. That covers what a practice's configuration uses (tables
and keys with simple values); a value inside an inline table or an array gets the position of
the key that holds it. The result offers ruamel's ``.lc`` interface, so a configuration error
is placed by the same code as a dossier error.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from dossiergen.dossier.yaml_nodes import PositionedList, PositionedMap
from dossiergen.errors import LoadError
from dossiergen.problems import Problem, Severity

_TABLE = re.compile(r"^\s*\[\s*(?P<name>[^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z0-9_.\- \"']+?)\s*=\s*(?P<value>\S)?")
_DECODE_AT = re.compile(r"^(?P<message>.*?) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_AT_END = re.compile(r"^(?P<message>.*?) \(at end of document\)$")

#: tomllib's messages in Dutch; one that is not listed is shown with a general sentence.
_MESSAGES = {
    "Invalid value": 'ongeldige waarde; zet tekst tussen aanhalingstekens ("...")',
    "Invalid statement": "ongeldige regel; verwacht 'sleutel = waarde' of '[tabel]'",
    "Expected '=' after a key in a key/value pair": "na de sleutel hoort '='",
    "Unterminated string": "tekst zonder afsluitend aanhalingsteken",
    "Illegal character in string": "ongeldig teken in tekst",
    "Cannot overwrite a value": "deze sleutel staat er al",
    "Cannot declare": "deze tabel staat er al",
    "Invalid initial character for a key part": "ongeldig teken aan het begin van een sleutel",
    "Expected newline or end of document after a statement": (
        "na een waarde hoort een nieuwe regel (of commentaar met #)"
    ),
    "Unclosed array": "lijst zonder afsluitend ']'",
    "Unclosed inline table": "tabel zonder afsluitend '}'",
    "Invalid date or datetime": "ongeldige datum",
}


def parse_config(text: str, shown: str) -> Any:
    """Parse TOML text into a :class:`PositionedMap`; raise ``LoadError`` on broken TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        problem = _decode_problem(str(e), text, shown)
        raise LoadError(f"{shown}: geen geldige TOML", (problem,)) from None
    return _positioned(data, _scan(text), ())


def _decode_problem(error: str, text: str, shown: str) -> Problem:
    match = _DECODE_AT.match(error)
    line, column = (int(match["line"]), int(match["column"])) if match else (1, 1)
    english = match["message"] if match else error
    if not match and (end := _AT_END.match(error)):
        english = end["message"]
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    dutch = next((nl for en, nl in _MESSAGES.items() if english.startswith(en)), None)
    message = f"geen geldige TOML: {dutch}" if dutch else "geen geldige TOML op deze plaats"
    return Problem(shown, line, column, Severity.FOUT, message)


_Positions = dict[tuple[str, ...], tuple[tuple[int, int], tuple[int, int]]]


def _scan(text: str) -> _Positions:
    """``path -> ((key line, key column), (value line, value column))``, 0-based."""
    found: _Positions = {}
    table: tuple[str, ...] = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines()):
        if in_multiline:
            in_multiline = line.count('"""') % 2 == 0 and line.count("'''") % 2 == 0
            continue
        if (header := _TABLE.match(line)) and not line.lstrip().startswith("[["):
            table = _key_parts(header["name"])
            column = line.index("[")
            found.setdefault(table, ((number, column), (number, column)))
            continue
        if (pair := _KEY.match(line)) and not line.lstrip().startswith("#"):
            path = table + _key_parts(pair["key"])
            key_column = len(pair["indent"])
            value_column = pair.start("value") if pair["value"] else pair.end()
            found[path] = ((number, key_column), (number, value_column))
            rest = line[value_column:]
            in_multiline = rest.count('"""') % 2 == 1 or rest.count("'''") % 2 == 1
    return found


def _key_parts(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


def _positioned(value: Any, positions: _Positions, path: tuple[str, ...]) -> Any:
    if isinstance(value, dict):
        mapping = PositionedMap()
        for key, item in value.items():
            where = positions.get((*path, key)) or positions.get(path) or ((0, 0), (0, 0))
            mapping[key] = _positioned(item, positions, (*path, key))
            mapping.lc.keys[key], mapping.lc.values[key] = where
        return mapping
    if isinstance(value, list):
        sequence = PositionedList()
        at = positions.get(path, ((0, 0), (0, 0)))[1]
        for item in value:
            sequence.append(_positioned(item, positions, path))
            sequence.lc.items.append(at)
        return sequence
    return value
