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

__all__ = ["IMPLICIT_FIRST", "STR_TAG", "EventConstructor", "Stream", "plain_tag", "read_events"]

_ALLOWED_TAGS = frozenset(
    YAML_CORE + name
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "merge")
)
STR_TAG, _MAP, _SEQ, _MERGE = (YAML_CORE + n for n in ("str", "map", "seq", "merge"))
#: YAML 1.2's implicit tags of plain scalars, by first character (ruamel's table, read once).
IMPLICIT_FIRST: dict[Any, list[tuple[str, Any]]] = Yaml12Resolver().versioned_resolver
# What the constructor keeps of an event: a tuple (kind, value, tag, plain, style, anchor,
# line, column), 0-based; tag is None when the text gave none (or the non-specific "!").
_SCALAR, _MAP_START, _SEQ_START, _MAP_END, _SEQ_END, _ALIAS, _DOCUMENT, _OTHER = range(8)
_KINDS = {
    ScalarEvent: _SCALAR,
    MappingStartEvent: _MAP_START,
    SequenceStartEvent: _SEQ_START,
    MappingEndEvent: _MAP_END,
    SequenceEndEvent: _SEQ_END,
    AliasEvent: _ALIAS,
    DocumentStartEvent: _DOCUMENT,
}
Event = tuple[int, Any, Any, bool, Any, Any, int, int]


def plain_tag(value: str) -> str:
    """The tag ruamel's YAML 1.2 resolver gives a plain scalar."""
    for tag, pattern in IMPLICIT_FIRST.get(value[:1], ()):
        if pattern.match(value):
            return str(tag)
    return STR_TAG


def _is_text(event: Event) -> bool:
    """Whether the event is a scalar whose value is simply its text: no tag, no anchor, not
    double-quoted (only that style has escapes to check) and, when plain, resolving to a
    string under YAML 1.2."""
    return (
        event[0] == _SCALAR
        and event[2] is None
        and event[5] is None
        and event[4] != '"'
        and not (event[3] and event[1][:1] in IMPLICIT_FIRST and plain_tag(event[1]) != STR_TAG)
    )


class Stream:
    """The events of a dossier file as compact tuples (no mark objects: a 1 MB file has
    180,000 events), with every alias resolved to its anchor's event."""

    def __init__(self, events: list[Event], targets: dict[int, int]) -> None:
        self.events = events
        self.targets = targets  # index of an alias event -> index of its anchored event

    def documents(self) -> list[int]:
        """Index of the root event of every document."""
        return [i + 1 for i, e in enumerate(self.events) if e[0] == _DOCUMENT]

    def kind(self, index: int) -> str:
        """``mapping``, ``sequence`` or ``scalar``: what the node at ``index`` is."""
        code = self.events[index][0]
        return "mapping" if code == _MAP_START else "sequence" if code == _SEQ_START else "scalar"

    def position(self, index: int) -> tuple[int, int]:
        """0-based ``(line, column)`` of the event at ``index``."""
        event = self.events[index]
        return event[6], event[7]


def read_events(text: str) -> Stream:
    """All events of ``text``; raises ruamel's ``MarkedYAMLError`` for a syntax error and for an
    alias without an anchor before it (as the composer did, before anything is built)."""
    parser = CParser(text)
    events: list[Event] = []
    anchors: dict[str, int] = {}
    targets: dict[int, int] = {}
    kinds = _KINDS
    while True:
        event = parser.get_event()
        kind = kinds.get(type(event), _OTHER)
        mark = event.start_mark
        if kind == _SCALAR:
            tag = None if event.ctag is None or event.tag == "!" else event.tag
            item: Event = (
                kind, event.value, tag, bool(event.implicit[0]), event.style, event.anchor,
                mark.line, mark.column,
            )  # fmt: skip
        elif kind in (_MAP_START, _SEQ_START):
            tag = None if event.ctag is None or event.tag == "!" else event.tag
            item = (kind, None, tag, False, None, event.anchor, mark.line, mark.column)
        elif kind == _ALIAS:
            target = anchors.get(event.anchor)
            if target is None:
                from ruamel.yaml.composer import ComposerError

                raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", mark)
            targets[len(events)] = target
            item = (kind, None, None, False, None, None, mark.line, mark.column)
        elif isinstance(event, StreamEndEvent):
            break
        else:
            item = (kind, None, None, False, None, None, mark.line, mark.column)
        if item[5] is not None:
            anchors[item[5]] = len(events)  # a later anchor of the same name wins
        events.append(item)
    return Stream(events, targets)


class EventConstructor:
    """Builds positioned data from the events of one document, collecting every problem."""

    def __init__(self, shown: str, stream: Stream, max_size: int = MAX_EXPANDED_SIZE) -> None:
        self.shown = shown
        self.events: Sequence[Event] = stream.events
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

    def at(self, event: Event, message: str) -> None:
        self.problems.append(problem_at(self.shown, event[6] + 1, event[7] + 1, message))

    def mark(self, index: int) -> tuple[int, int]:
        """Where the node at event ``index`` stands (an alias: where its anchor stands)."""
        event = self.events[self.targets.get(index, index)]
        return event[6], event[7]

    def node(self, depth: int) -> Any:
        index = self.position
        event = self.events[index]
        if event[0] == _ALIAS:
            target = self.targets[index]
            self.position = index + 1
            if target in self.built:
                value, size = self.built[target]
                self.count(self.events[target], size)
                return value
            self.position = target  # an anchor skipped where it stood: built at first use
            value = self.node(depth)
            self.position = index + 1
            return value
        if depth > MAX_DEPTH:
            message = f"te diep genest (meer dan {MAX_DEPTH} niveaus)"
            raise failure(self.shown, event[6] + 1, event[7] + 1, message)
        self.position = index + 1
        before = self.total
        kind = event[0]
        if kind == _SCALAR:
            value = self.scalar(event)
            self.count(event, 1 + (len(value) if isinstance(value, str) else 0))
        else:
            self.check_tag(event)
            value = self.mapping(depth) if kind == _MAP_START else self.sequence(depth)
            self.count(event, 1)
        if event[5] is not None:
            self.built[index] = (value, self.total - before)
        return value

    def check_tag(self, event: Event, tag: str | None = None) -> None:
        tag = tag or event[2]
        if tag is not None and tag not in _ALLOWED_TAGS:
            self.at(
                event,
                f"onbekende YAML-tag '{tag.replace(YAML_CORE, '!!')}': tags zijn in "
                "een dossier niet toegestaan; schrijf de waarde zonder tag",
            )

    def scalar(self, event: Event) -> Any:
        """A scalar's value; a bad number or a control character is a problem at the node."""
        text = event[1]
        tag = event[2]
        if tag is None:
            tag = plain_tag(text) if event[3] and text[:1] in IMPLICIT_FIRST else STR_TAG
        if tag != STR_TAG:
            self.check_tag(event, tag)
            try:
                value = scalar_value(text, tag)
            except BadNumber as e:
                self.at(event, str(e))
                return text
            except ValueError:
                self.at(event, f"'{short(text)}' is geen geldig getal")
                return text
            if not isinstance(value, str):
                return value
        # Written as an escape ("\x08", "\u202e") a character passed the raw-text scan; only a
        # double-quoted scalar has escapes.
        if event[4] == '"':
            if bad := FORBIDDEN.search(text):
                self.at(
                    event,
                    f"ongeldig besturingsteken U+{ord(bad.group()):04X} in deze waarde "
                    "(als escape geschreven); Word kan dit teken niet bevatten: verwijder het",
                )
            if bidi := BIDI_CONTROLS.search(text):
                self.at(event, bidi_message(bidi.group()) + " (als escape geschreven)")
        return text

    def count(self, event: Event, amount: int) -> None:
        """Add ``amount`` to the expanded size; refuse the file when it grows too large."""
        self.total += amount
        if self.total > self.max_size:
            raise failure(
                self.shown,
                event[6] + 1,
                event[7] + 1,
                "het anker (&) op deze plek wordt via verwijzingen (*) zo vaak herhaald dat het "
                f"dossier groter wordt dan {self.max_size // 1000} kB; een dossier gebruikt geen "
                "ankers: schrijf de gegevens uit",
            )

    def sequence(self, depth: int) -> PositionedList:
        result = PositionedList()
        items = result.lc.items
        events = self.events
        shallow = depth + 1 <= MAX_DEPTH
        while (event := events[self.position])[0] != _SEQ_END:
            if shallow and _is_text(event):
                items.append((event[6], event[7]))
                result.append(event[1])
                self.position += 1
                self.grow(event, 1 + len(event[1]))
                continue
            items.append(self.mark(self.position))
            result.append(self.node(depth + 1))
        self.position += 1
        return result

    def skip(self) -> None:
        """Step over one node and everything in it, building nothing."""
        nesting = 0
        while True:
            kind = self.events[self.position][0]
            self.position += 1
            if kind in (_MAP_START, _SEQ_START):
                nesting += 1
            elif kind in (_MAP_END, _SEQ_END):
                nesting -= 1
            if nesting == 0:
                return

    def mapping(self, depth: int) -> PositionedMap:
        result = PositionedMap()
        keys, values = result.lc.keys, result.lc.values
        first_line: dict[Any, int] = {}
        events, targets = self.events, self.targets
        shallow = depth + 1 <= MAX_DEPTH
        while events[self.position][0] != _MAP_END:
            key_index = self.position
            key_event = events[targets.get(key_index, key_index)]
            if shallow and _is_text(key_event):  # most keys: a plain word
                key = key_event[1]
                self.position += 1
                self.grow(key_event, 1 + len(key))
            elif not self.usable_key(key_event):
                self.skip()
                self.skip()
                continue
            else:
                key = self.node(depth + 1)
                if isinstance(key, bool | float) or key is None:
                    key = key_event[1]
            if key in result:
                self.at(
                    key_event,
                    f"sleutel '{key}' staat twee keer in dezelfde sectie; voeg ze "
                    f"samen (eerste keer op regel {first_line[key]})",
                )
                self.skip()
                continue
            first_line[key] = key_event[6] + 1
            keys[key] = (key_event[6], key_event[7])
            value_event = events[self.position]
            if shallow and _is_text(value_event):  # most values: text that needs no resolving
                values[key] = (value_event[6], value_event[7])
                result[key] = value_event[1]
                self.position += 1
                self.grow(value_event, 1 + len(value_event[1]))
            else:
                values[key] = self.mark(self.position)
                result[key] = self.node(depth + 1)
        self.position += 1
        return result

    def grow(self, event: Event, amount: int) -> None:
        """``count`` for the fast paths: the limit is checked there."""
        self.total += amount
        if self.total > self.max_size:
            self.count(event, 0)

    def usable_key(self, event: Event) -> bool:
        """False (and a problem) for a merge key ``<<`` and for a key that is no scalar."""
        tag = event[2]
        if tag is None and event[0] == _SCALAR and event[3] and event[1][:1] == "<":
            tag = plain_tag(event[1])
        if tag == _MERGE:
            message = "samenvoegen met '<<' wordt in een dossier niet ondersteund; "
            self.at(event, message + "schrijf de gegevens uit")
            return False
        if event[0] != _SCALAR:
            self.at(event, "een sleutel moet een woord zijn, geen lijst of sectie")
            return False
        return True
