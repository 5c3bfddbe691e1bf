"""The pieces of a dossier's YAML: positioned containers, YAML 1.2 scalars and the limits.

``yaml_events`` builds the data from libyaml's events with these: the containers offer ruamel's
``.lc`` interface, so ``locations`` can turn a JSON path into ``line:column``; scalars resolve as
YAML 1.2 and numbers nothing can compute with (``.nan``, ``.inf``, a float beyond 1e308, an
integer of more than 4,300 digits) are refused; forbidden and bidirectional control characters
and the size and nesting limits are defined here.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ruamel.yaml.resolver import VersionedResolver

from dossiergen.errors import LoadError
from dossiergen.problems import Problem, Severity

#: Size of the data after expanding aliases, in characters of text plus one per node. Bounded by
#: size, not by node count: one alias to a 40 kB text, repeated a few thousand times, is few
#: nodes but hundreds of megabytes for the schema check, the privacy scan and the documents.
#: Without aliases a dossier's size is about its file size.
MAX_EXPANDED_SIZE = 1_024_000
#: Python refuses to print an integer of more than this many digits (``sys.int_info``); no
#: dossier value comes near it, and nothing could report it.
MAX_INTEGER_DIGITS = 4300
#: Nesting depth; the deepest real structure is about 8 levels.
MAX_DEPTH = 40

YAML_CORE = "tag:yaml.org,2002:"


#: Characters that XML 1.0 (and so Word) cannot hold, or that YAML does not allow: C0 controls
#: except tab, newline and carriage return; DEL and C1 controls except NEL; surrogates; U+FFFE/F.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

#: Unicode's bidirectional controls (embeddings, overrides, isolates, marks): invisible, and an
#: override such as U+202E shows the text after it reversed in Word ("Trojan source").
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_BIDI_NAMES = {
    0x061C: "ARABIC LETTER MARK",
    0x200E: "LEFT-TO-RIGHT MARK",
    0x200F: "RIGHT-TO-LEFT MARK",
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}


def bidi_message(character: str) -> str:
    """The Dutch message for one bidirectional control character."""
    code = ord(character)
    return (
        f"onzichtbaar richtingsteken U+{code:04X} ({_BIDI_NAMES.get(code, 'BIDI')}): het kan de "
        "volgorde van de tekst in een document omkeren of verbergen; verwijder het"
    )


def problem_at(shown: str, line: int, column: int, message: str) -> Problem:
    return Problem(shown, line, column, Severity.FOUT, message, rule="yaml")


def failure(shown: str, line: int, column: int, message: str) -> LoadError:
    return LoadError(f"{shown}: {message}", (problem_at(shown, line, column, message),))


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


class Yaml12Resolver(VersionedResolver):
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


class BadNumber(ValueError):
    """A number in the dossier that nothing can compute with; the message is Dutch."""


def scalar_value(value: str, tag: str) -> Any:
    """A scalar by its resolved YAML 1.2 tag; timestamps stay the text that was typed.

    Raises ``BadNumber`` for ``.nan``, ``.inf``, floats beyond 1e308 and integers of more than
    ``MAX_INTEGER_DIGITS`` digits: they pass a schema's ``minimum``/``maximum`` in surprising
    ways (NaN compares false with everything) and crash what prints or computes with them.
    """
    if tag == YAML_CORE + "int":
        return _integer(value.replace("_", ""))
    if tag == YAML_CORE + "float":
        lowered = value.lower().lstrip("+-")
        if lowered == ".nan":
            raise BadNumber(f"'{value}' (geen getal, NaN) kan niet als getal worden gebruikt")
        if lowered == ".inf":
            raise BadNumber(f"'{value}' (oneindig) kan niet als getal worden gebruikt")
        number = float(value.replace("_", ""))
        if math.isinf(number):
            raise BadNumber(f"getal '{short(value)}' is te groot (groter dan 1e308)")
        return number
    if tag == YAML_CORE + "bool":
        return value.lower() == "true"
    if tag == YAML_CORE + "null":
        return None
    return value  # str, timestamp (checked by the schema's format: date), merge key text


def _integer(text: str) -> int:
    digits = text.lstrip("+-")
    too_large = BadNumber(
        f"getal '{short(text)}' is te groot (meer dan {MAX_INTEGER_DIGITS} cijfers)"
    )
    if digits.lower().startswith(("0o", "0x")):
        number = int(text, 0)
        # a hexadecimal or octal number of more than 4300 decimal digits
        if number.bit_length() > MAX_INTEGER_DIGITS * math.log2(10):
            raise too_large
        return number
    if len(digits) > MAX_INTEGER_DIGITS:
        raise too_large
    return int(text)


def short(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def plain_scalar(value: Any) -> Any:
    """A scalar as plain Python: ruamel's string styles, its bool and number subclasses
    dropped (what templates see and what round-trip edits compare); other values as they are."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value
