"""Read a dossier file safely into plain data that remembers every key's and item's position.

ruamel.yaml's C parser (libyaml) reads the text into events with positions; our own
constructor (``yaml_events``) turns them into containers with ruamel's ``.lc`` interface,
keeping YAML timestamps as the text that was typed. The plain YAML most dossiers are written in
is read line by line into the same containers (``yaml_fast``), which declines anything else.

The loader is the first line of defence against hostile or broken input: it never constructs
Python objects from tags, caps size, alias expansion and nesting, and turns every failure into
Dutch problems with ``line:column`` instead of a traceback.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from dossiergen.dossier.yaml_events import EventConstructor, read_events
from dossiergen.dossier.yaml_fast import read_fast
from dossiergen.dossier.yaml_nodes import (
    BIDI_CONTROLS,
    FORBIDDEN,
    MAX_DEPTH,
    MAX_EXPANDED_SIZE,
    bidi_message,
    failure,
    problem_at,
)
from dossiergen.errors import LoadError
from dossiergen.files import dutch_os_error, not_a_regular_file, printable_name
from dossiergen.problems import Problem

#: A real dossier is 10–60 kB; a large one with years of history may reach a few hundred. The
#: limit keeps every dossier's check under a second and 100 MB: a 1 MB file of 90,000 short
#: keys (the worst case: most nodes per byte) reads in about 0.5 s and 65 MB.
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class LoadedDossier:
    """A parsed dossier: its data (a ruamel ``CommentedMap`` with positions) and its origin."""

    path: Path
    display_path: str
    data: Any
    source: bytes


def load_dossier(path: Path, display_path: str | None = None) -> LoadedDossier:
    """Read and parse one dossier file; raise ``LoadError`` carrying every problem found."""
    shown = display_path if display_path is not None else printable_name(str(path))
    raw = read_dossier_bytes(path, shown)
    return LoadedDossier(path, shown, parse_dossier_bytes(raw, shown), raw)


def read_dossier_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a dossier file, at most ``MAX_FILE_BYTES + 1``; ``LoadError`` when it is no
    regular file (a folder, a pipe or a device is refused before it is opened) or unreadable."""
    reason = not_a_regular_file(path)
    if reason is None:
        try:
            # O_NONBLOCK: should the file be swapped for a pipe after the check, open and read
            # return at once instead of waiting for a writer
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    reason = "dit is geen gewoon bestand meer; een dossier is een tekstbestand"
                else:
                    return handle.read(MAX_FILE_BYTES + 1)
        except OSError as e:
            reason = f"bestand kan niet worden gelezen: {dutch_os_error(e)}"
    raise LoadError(f"{shown}: niet leesbaar", (problem_at(shown, 1, 1, reason),))


def parse_dossier_bytes(raw: bytes, shown: str) -> Any:
    """Turn the bytes of a dossier into round-trip data; raise ``LoadError`` with all problems."""
    if len(raw) > MAX_FILE_BYTES:
        raise failure(
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
        raise failure(shown, 1, 1, "bestand is leeg: een dossier begint met 'schema_version: 2'")
    if _nesting_estimate(text) > _SAFE_NESTING:
        raise failure(shown, 1, 1, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
    # The plain YAML nearly every dossier is written in is read line by line; anything else
    # (and everything wrong) goes through libyaml's events, which stay the reference.
    fast = read_fast(text)
    if fast is not None:
        return fast
    # libyaml's events (ruamel's C parser) become positioned containers directly: composing
    # ruamel's node graph and resolving it in Python took most of a dossier's check.
    try:
        stream = read_events(text)
    except MarkedYAMLError as e:
        raise _yaml_problem(e, shown, text) from e
    except YAMLError as e:
        raise failure(shown, 1, 1, f"YAML kan niet worden gelezen: {e}") from e
    roots = stream.documents()
    if not roots:
        raise failure(shown, 1, 1, "bestand bevat geen gegevens")
    if len(roots) > 1:
        line, column = stream.position(roots[1])
        raise failure(
            shown,
            line + 1,
            column + 1,
            "bestand bevat meer dan één YAML-document (een regel '---' of '...'); "
            "zet elk dossier in een eigen bestand",
        )
    root = stream.kind(roots[0])
    if root != "mapping":
        kind = "een lijst" if root == "sequence" else "een losse waarde"
        line, column = stream.position(roots[0])
        raise failure(
            shown,
            line + 1,
            column + 1,
            f"het dossier is {kind}; het moet beginnen met sleutels zoals "
            "'schema_version: 2' en 'werknemer:'",
        )
    return EventConstructor(shown, stream, MAX_EXPANDED_SIZE).build(roots[0])


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


def _decode(raw: bytes, shown: str) -> str:
    if b"\x00" in raw[:8000] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise failure(shown, 1, 1, "dit is een binair bestand, geen YAML-tekst")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        raise failure(shown, 1, 1, "bestand is als UTF-16/UTF-32 opgeslagen; sla het op als UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise failure(
            shown,
            line,
            column,
            f"ongeldig teken (byte 0x{raw[e.start]:02x}): het bestand is geen UTF-8 "
            "(waarschijnlijk Windows-1252 of Latin-1); sla het op als UTF-8",
        ) from e


def _forbidden_characters(text: str, shown: str) -> list[Problem]:
    """Control characters Word cannot hold, and bidi controls that reorder text, by position."""
    found = [(m.start(), _control_message(m.group())) for m in FORBIDDEN.finditer(text)]
    found += [(m.start(), bidi_message(m.group())) for m in BIDI_CONTROLS.finditer(text)]
    problems = []
    for offset, message in sorted(found)[:50]:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        problems.append(problem_at(shown, line, column, message))
    return problems


def _control_message(character: str) -> str:
    return (
        f"ongeldig besturingsteken U+{ord(character):04X}; Word kan dit teken niet "
        "bevatten (vaak meegekopieerd uit een andere toepassing): verwijder het"
    )


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
    return failure(shown, line, column, message)
