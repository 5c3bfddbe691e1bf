"""Jinja filters for the markup: escaping of every value, and Dutch dates, numbers and words.

Escaping works like HTML autoescaping, but for the markup: every value printed by ``{{ ... }}``
has its ASCII punctuation backslash-escaped and its newlines flattened, so ``*``, ``|``, ``#``,
``<`` or ``{{`` in a dossier never become formatting or template code. Macros return ``Markup``
and pass unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sized
from datetime import date

from markupsafe import Markup

from dossiergen.dutch import long_date

#: One ASCII punctuation character, captured: splitting on it gives text and punctuation in
#: turn, and a backslash goes before each punctuation piece. That runs the search in C with
#: its fast scan for a character set; ``str.translate`` to two characters leaves CPython's fast
#: path for ASCII at the first one, and ``re.sub`` with a template or a look-ahead is two to
#: three times slower on our values.
_PUNCTUATION = re.compile(
    "([" + re.escape("".join(chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum())) + "])"
)
_WHITESPACE = re.compile(r"\s+")


def escape_markup(value: object) -> Markup:
    """``value`` as literal text in the markup: punctuation escaped, whitespace flattened."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    # Whitespace runs (newlines too) become one space: a value can never start a new block,
    # and its own leading or trailing space (``{{ ' en ' }}``) is kept. Every whitespace
    # character but the space is unprintable, so printable text without "  " has none to fold.
    text = value if type(value) is str else str(value)
    if "  " in text or not text.isprintable():
        text = _WHITESPACE.sub(" ", text)
    pieces = _PUNCTUATION.split(text)
    if len(pieces) > 1:  # most values hold no punctuation
        pieces[1::2] = ["\\" + mark for mark in pieces[1::2]]
        text = "".join(pieces)
    # str.__new__: what Markup(text) does for a plain str, without its checks (a third of the
    # cost of escaping a value, and every printed value is escaped)
    return str.__new__(Markup, text)


#: Jinja's ``finalize``: every printed value is escaped for the markup (the function itself,
#: not a wrapper: it runs for every value a template prints).
finalize = escape_markup


def alineas(value: object) -> Markup:
    """Free text with blank-line-separated paragraphs as separate markup paragraphs."""
    if value is None:
        return Markup("")
    paragraphs = [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return Markup("\n\n".join(escape_markup(p) for p in paragraphs))


def join_escaped(values: Iterable[object], separator: str = ", ") -> Markup:
    """``join`` that escapes each item (Jinja's own would HTML-escape, not markup-escape)."""
    return Markup(escape_markup(separator).join(escape_markup(v) for v in values))


def as_date(value: object) -> date | None:
    """An ISO date string (as stored in the dossier) or a ``date``, parsed; ``None`` stays."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def datum(value: object, notation: str = "lang") -> str:
    """Dutch date: ``5 januari 2026`` (lang) or ``05-01-2026`` (kort); empty for no date."""
    parsed = as_date(value)
    if parsed is None:
        return ""
    if notation == "kort":
        return parsed.strftime("%d-%m-%Y")
    return long_date(parsed)


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def met_datums(value: object) -> str:
    """Free text with every ISO date in it (``vanaf 2025-03-24``, as people type them in a
    dossier) written the Dutch way (``vanaf 24 maart 2025``); what is no real date stays."""

    def dutch(match: re.Match[str]) -> str:
        try:
            return long_date(date.fromisoformat(match.group(0)))
        except ValueError:
            return match.group(0)

    return _ISO_DATE.sub(dutch, "" if value is None else str(value))


def getal(value: object, decimals: int | None = None) -> str:
    """A number the Dutch way: ``1.234,50`` with ``decimals`` fixed; without, as many as the
    value needs up to two (``38``, ``18,5``, ``12,25``)."""
    number = float(value)  # type: ignore[arg-type]
    if decimals is None:
        decimals = _decimals_needed(value)
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _decimals_needed(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value % 1:
        return 0
    return 1 if (value * 10) % 1 == 0 else 2


def _count(value: object) -> float:
    """A count: the number itself, or the length of a collection."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, Sized) and not isinstance(value, str):
        return len(value)
    raise TypeError(f"'{value}' is geen aantal")


def naar_aantal(value: object, singular: str, plural: str) -> str:
    """The word that goes with a count (a number or a collection): ``singular`` for exactly
    one, ``plural`` otherwise (``0 taken``, ``1 taak``, ``1,5 maanden``)."""
    return singular if _count(value) == 1 else plural


def aantal(value: object, singular: str, plural: str) -> str:
    """A count with its word: ``1 evaluatie``, ``3 evaluaties``, ``1,5 maanden``."""
    return f"{getal(_count(value))} {naar_aantal(value, singular, plural)}"


def bedrag(value: object) -> str:
    """An amount in euros: ``€ 1.234,50``."""
    return "€ " + getal(value, 2)


def ja_nee(value: object) -> str:
    """``ja`` / ``nee`` / empty."""
    if value is None:
        return ""
    return "ja" if value else "nee"


def leesbaar(value: object) -> str:
    """An enumeration value as words: ``gedeeltelijk_geschikt`` → ``gedeeltelijk geschikt``."""
    return str(value).replace("_", " ") if value is not None else ""
