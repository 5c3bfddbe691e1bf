"""From libyaml's event stream to plain containers that remember where everything stood.

ruamel's C parser (libyaml) turns the text into events with positions; this module builds
``PositionedMap``/``PositionedList`` data from them directly, without the node graph in
between (composing nodes and resolving them in Python took most of a dossier's check). It
keeps the node constructor's rules exactly: scalars resolved as YAML 1.2 by ruamel's own
table, unknown tags refused (``!!python/object`` never constructs anything), duplicate keys
reported with both lines, ``<<`` refused, bad numbers and escaped control characters reported,
and alias expansion and nesting capped. An alias is the object its anchor made (read-only
data), built where the anchor stood or, when that was skipped, at its first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from _ruamel_yaml import (
    AliasEvent,
    CParser,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from dossiergen.dossier.yaml_nodes import (
    BIDI_CONTROLS,
    FORBIDDEN,
    MAX_DEPTH,
    MAX_EXPANDED_SIZE,
    YAML_CORE,
    BadNumber,
    PositionedList,
    PositionedMap,
    Yaml12Resolver,
    bidi_message,
    failure,
    problem_at,
    scalar_value,
    short,
)
from dossiergen.errors import LoadError
from dossiergen.problems import Problem

__all__ = ["EventConstructor", "Stream", "read_events"]

_ALLOWED_TAGS = frozenset(
    YAML_CORE + name
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "merge")
)
_STR, _MAP, _SEQ, _MERGE = (YAML_CORE + n for n in ("str", "map", "seq", "merge"))
#: YAML 1.2's implicit tags of plain scalars, by first character (ruamel's table, read once).
_IMPLICIT: dict[Any, list[tuple[str, Any]]] = Yaml12Resolver().versioned_resolver
_OPENING = (MappingStartEvent, SequenceStartEvent)
_CLOSING = (MappingEndEvent, SequenceEndEvent)


def _plain_tag(value: str) -> str:
    """The tag ruamel's YAML 1.2 resolver gives a plain scalar."""
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return str(tag)
    return _STR


class Stream:
    """The events of a dossier file, with every alias resolved to its anchor's event."""

    def __init__(self, events: list[Any], targets: dict[int, int]) -> None:
        self.events = events
        self.targets = targets  # index of an alias event -> index of its anchored event

    def documents(self) -> list[int]:
        """Index of the root event of every document."""
        return [i + 1 for i, e in enumerate(self.events) if type(e) is DocumentStartEvent]


def read_events(text: str) -> Stream:
    """All events of ``text``; raises ruamel's ``MarkedYAMLError`` for a syntax error and for an
    alias without an anchor before it (as the composer did, before anything is built)."""
    parser = CParser(text)
    events: list[Any] = []
    anchors: dict[str, int] = {}
    targets: dict[int, int] = {}
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is AliasEvent:
            target = anchors.get(event.anchor)
            if target is None:
                from ruamel.yaml.composer import ComposerError

                raise ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark
                )
            targets[len(events)] = target
        elif kind is StreamEndEvent:
            break
        elif event.anchor is not None if kind in (ScalarEvent, *_OPENING) else False:
            anchors[event.anchor] = len(events)  # a later anchor of the same name wins
        events.append(event)
    return Stream(events, targets)


class EventConstructor:
    """Builds positioned data from the events of one document, collecting every problem."""

    def __init__(self, shown: str, stream: Stream, max_size: int = MAX_EXPANDED_SIZE) -> None:
        self.shown = shown
        self.events: Sequence[Any] = stream.events
        self.targets = stream.targets
        self.max_size = max_size
        self.problems: list[Problem] = []
        self.built: dict[int, tuple[Any, int]] = {}  # event index -> (value, expanded size)
        self.total = 0
        self.position = 0

    def build(self, root: int) -> Any:
        self.position = root
        data = self.node(0)
        if self.problems:
            raise LoadError(f"{self.shown}: ongeldige YAML", tuple(self.problems))
        return data

    def at(self, mark: Any, message: str) -> None:
        self.problems.append(problem_at(self.shown, mark.line + 1, mark.column + 1, message))

    def mark(self, index: int) -> Any:
        """Where the node at event ``index`` stands (an alias: where its anchor stands)."""
        return self.events[self.targets.get(index, index)].start_mark

    def node(self, depth: int) -> Any:
        index = self.position
        target = self.targets.get(index)
        if target is not None:
            self.position = index + 1
            if target in self.built:
                value, size = self.built[target]
                self.count(self.events[target].start_mark, size)
                return value
            self.position = target  # an anchor skipped where it stood: built at first use
            value = self.node(depth)
            self.position = index + 1
            return value
        event = self.events[index]
        if depth > MAX_DEPTH:
            mark = event.start_mark
            raise failure(
                self.shown,
                mark.line + 1,
                mark.column + 1,
                f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
            )
        self.position = index + 1
        before = self.total
        kind = type(event)
        if kind is ScalarEvent:
            value = self.scalar(event)
            self.count(event.start_mark, 1 + (len(value) if isinstance(value, str) else 0))
        else:
            self.check_tag(event, _MAP if kind is MappingStartEvent else _SEQ)
            value = self.mapping(depth) if kind is MappingStartEvent else self.sequence(depth)
            self.count(event.start_mark, 1)
        if event.anchor is not None:
            self.built[index] = (value, self.total - before)
        return value

    def check_tag(self, event: Any, default: str) -> str:
        if event.ctag is None:
            return default
        tag = event.tag
        if tag == "!":
            return default
        if tag not in _ALLOWED_TAGS:
            self.at(
                event.start_mark,
                f"onbekende YAML-tag '{tag.replace(YAML_CORE, '!!')}': tags zijn in "
                "een dossier niet toegestaan; schrijf de waarde zonder tag",
            )
        return str(tag)

    def scalar(self, event: Any) -> Any:
        """A scalar's value; a bad number or a control character is a problem at the node."""
        text = event.value
        if event.ctag is None or event.tag == "!":
            tag = _STR
            if event.implicit[0] and text[:1] in _IMPLICIT:
                tag = _plain_tag(text)
                if tag not in _ALLOWED_TAGS:
                    self.check_tag_text(event, tag)
        else:
            tag = self.check_tag(event, _STR)
        if tag == _STR:
            value: Any = text
        else:
            try:
                value = scalar_value(text, tag)
            except BadNumber as e:
                self.at(event.start_mark, str(e))
                return text
            except ValueError:
                self.at(event.start_mark, f"'{short(text)}' is geen geldig getal")
                return text
        # Written as an escape ("\x08", "\u202e") a character passed the raw-text scan; only a
        # double-quoted scalar has escapes.
        if event.style == '"' and isinstance(value, str):
            if bad := FORBIDDEN.search(value):
                self.at(
                    event.start_mark,
                    f"ongeldig besturingsteken U+{ord(bad.group()):04X} in deze waarde "
                    "(als escape geschreven); Word kan dit teken niet bevatten: verwijder het",
                )
            if bidi := BIDI_CONTROLS.search(value):
                self.at(event.start_mark, bidi_message(bidi.group()) + " (als escape geschreven)")
        return value

    def check_tag_text(self, event: Any, tag: str) -> None:
        self.at(
            event.start_mark,
            f"onbekende YAML-tag '{tag.replace(YAML_CORE, '!!')}': tags zijn in "
            "een dossier niet toegestaan; schrijf de waarde zonder tag",
        )

    def count(self, mark: Any, amount: int) -> None:
        """Add ``amount`` to the expanded size; refuse the file when it grows too large."""
        self.total += amount
        if self.total > self.max_size:
            raise failure(
                self.shown,
                mark.line + 1,
                mark.column + 1,
                "het anker (&) op deze plek wordt via verwijzingen (*) zo vaak herhaald dat het "
                f"dossier groter wordt dan {self.max_size // 1000} kB; een dossier gebruikt geen "
                "ankers: schrijf de gegevens uit",
            )

    def sequence(self, depth: int) -> PositionedList:
        result = PositionedList()
        items = result.lc.items
        events = self.events
        while type(events[self.position]) is not SequenceEndEvent:
            mark = self.mark(self.position)
            items.append((mark.line, mark.column))
            result.append(self.node(depth + 1))
        self.position += 1
        return result

    def skip(self) -> None:
        """Step over one node and everything in it, building nothing."""
        nesting = 0
        while True:
            kind = type(self.events[self.position])
            self.position += 1
            if kind in _OPENING:
                nesting += 1
            elif kind in _CLOSING:
                nesting -= 1
            if nesting == 0:
                return

    def mapping(self, depth: int) -> PositionedMap:
        result = PositionedMap()
        keys, values = result.lc.keys, result.lc.values
        first_line: dict[Any, int] = {}
        events = self.events
        while type(events[self.position]) is not MappingEndEvent:
            key_index = self.position
            key_event = events[self.targets.get(key_index, key_index)]
            key_mark = key_event.start_mark
            if self.is_merge(key_event):
                self.at(
                    key_mark,
                    "samenvoegen met '<<' wordt in een dossier niet ondersteund; "
                    "schrijf de gegevens uit",
                )
                self.skip()
                self.skip()
                continue
            if type(key_event) is not ScalarEvent:
                self.at(key_mark, "een sleutel moet een woord zijn, geen lijst of sectie")
                self.skip()
                self.skip()
                continue
            key = self.node(depth + 1)
            if isinstance(key, bool | float) or key is None:
                key = key_event.value
            if key in result:
                self.at(
                    key_mark,
                    f"sleutel '{key}' staat twee keer in dezelfde sectie; voeg ze "
                    f"samen (eerste keer op regel {first_line[key]})",
                )
                self.skip()
                continue
            first_line[key] = key_mark.line + 1
            keys[key] = (key_mark.line, key_mark.column)
            value_mark = self.mark(self.position)
            values[key] = (value_mark.line, value_mark.column)
            result[key] = self.node(depth + 1)
        self.position += 1
        return result

    def is_merge(self, event: Any) -> bool:
        if event.ctag is not None and event.tag != "!":
            return bool(event.tag == _MERGE)
        if type(event) is not ScalarEvent:
            return False
        return event.value[:1] == "<" and event.implicit[0] and _plain_tag(event.value) == _MERGE
