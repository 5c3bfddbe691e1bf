"""Every text of a dossier, found in one walk and shared by the rules that read all texts.

Three rules look at every text of a dossier (dates within bounds, values still reading
``INVULLEN``, diagnosis words); one walk each cost more than all other rules together. Here the
walk is made once per check: each text with where it stands, as a plain tuple (thousands per
dossier), its path written out only when a rule reports it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from dossiergen.dossier.locations import PathPart

__all__ = ["Text", "dossier_texts", "text_path"]

#: Where a container stands: ``(where its parent stands, its key)``; None for the root.
Trail = tuple[Any, PathPart] | None
#: One text: ``(value, key, trail of its container, hidden)``. ``hidden``: at or below a key
#: the caller asked to set apart (the medical fields, for the privacy scan).
Text = tuple[str, PathPart, Trail, bool]


def dossier_texts(
    data: Any, hide: Collection[str] = (), hide_at_root: Collection[str] = ()
) -> list[Text]:
    """Every text in ``data`` in document order; a text at or below a key in ``hide`` (or a
    top-level key in ``hide_at_root``) is marked hidden."""
    found: list[Text] = []

    def walk(node: dict[Any, Any] | list[Any], trail: Trail, hidden: bool) -> None:
        # loaded data: dict and list subclasses only
        if isinstance(node, dict):
            for name, item in node.items():
                key = str(name)
                below = hidden or key in hide or (trail is None and key in hide_at_root)
                if isinstance(item, str):
                    found.append((item, key, trail, below))
                elif isinstance(item, (dict, list)):
                    walk(item, (trail, key), below)
        else:
            for index, item in enumerate(node):
                if isinstance(item, str):
                    found.append((item, index, trail, hidden))
                elif isinstance(item, (dict, list)):
                    walk(item, (trail, index), hidden)

    if isinstance(data, (dict, list)):
        walk(data, None, False)
    return found


def text_path(text: Text) -> list[PathPart]:
    """The path of ``text`` from the root, e.g. ``["verzuim", "evaluaties", 2, "datum"]``."""
    parts = [text[1]]
    trail = text[2]
    while trail is not None:
        trail, key = trail
        parts.append(key)
    parts.reverse()
    return parts
