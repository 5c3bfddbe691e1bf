"""The .docx archive: a zip of parts, the house style's unchanging parts compressed only once.

A document shares most of its package with the house style (styles, theme, fonts, header and
footer images, relationships); only the body, the numbering, the title-bearing headers and
footers and the core properties differ per document. :class:`PartCache` holds the compressed
form of every part the house style fixes, made once per process (deflate level 6), so a
document compresses only its own parts, at level 2. The deflate is zlib-ng's (a standard
deflate stream, as every zip reader expects): on our bodies its level 2 takes 0.6 ms where
zlib's level 1 takes 1.0 ms, for a smaller part. The archive is written here as
:mod:`zipfile` writes it (fixed timestamps and attributes): the same input gives the same
bytes on every run.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zlib_ng import zlib_ng as zlib

__all__ = ["CompressedPart", "PartCache", "compress", "zip_archive"]

FIXED_LEVEL = 6  # zipfile's default: the house style's parts, compressed once
DOCUMENT_LEVEL = 2  # a document's own parts, compressed for every document
_VERSION = 20  # "version needed to extract" for deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the attributes below are read as file modes
_ATTRIBUTES = 0o644 << 16
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest zip date: no clock in the output
_UTF8_NAMES = 0x800


@dataclass(frozen=True)
class CompressedPart:
    """One part, deflated, with what the zip headers need."""

    name: str
    crc: int
    size: int
    data: bytes


def compress(name: str, data: bytes, level: int = FIXED_LEVEL) -> CompressedPart:
    """``data`` as a raw deflate stream (what zipfile writes for ``ZIP_DEFLATED``)."""
    engine = zlib.compressobj(level, zlib.DEFLATED, -15)
    packed = engine.compress(data) + engine.flush()
    return CompressedPart(name, zlib.crc32(data), len(data), packed)


class PartCache:
    """Compressed forms of parts whose bytes repeat from document to document.

    Filled once with the house style's fixed parts; :meth:`part` reuses a compressed form when
    a part has exactly the bytes it was made from and compresses anything else afresh (at
    ``DOCUMENT_LEVEL``). Nothing
    is added after construction, so one cache serves every document and forked worker.
    """

    def __init__(self, parts: Iterable[tuple[str, bytes]]) -> None:
        self._parts: dict[str, list[tuple[bytes, CompressedPart]]] = {}
        for name, data in parts:
            self._parts.setdefault(name, []).append((data, compress(name, data)))

    def part(self, name: str, data: bytes) -> CompressedPart:
        """The compressed ``data`` of part ``name``."""
        for known, packed in self._parts.get(name, ()):
            if known is data or known == data:
                return packed
        return compress(name, data, DOCUMENT_LEVEL)


def zip_archive(parts: Iterable[CompressedPart]) -> bytes:
    """A zip archive of ``parts`` in the given order, as zipfile would write it."""
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    count = 0
    for part in parts:
        name = part.name.encode("utf-8")
        flags = 0 if part.name.isascii() else _UTF8_NAMES
        fields = (flags, 8, _DOS_TIME, _DOS_DATE, part.crc, len(part.data), part.size, len(name))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", _VERSION, *fields, 0)
        chunks += (local, name, part.data)
        header = (_MADE_BY, _VERSION, *fields, 0, 0, 0, 0, _ATTRIBUTES, offset)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *header) + name)
        offset += len(local) + len(name) + len(part.data)
        count += 1
    central = b"".join(directory)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), offset, 0
    )  # fmt: skip
    return b"".join(chunks) + central + end


def cache_for(fixed: Mapping[str, bytes | tuple[bytes, ...]]) -> PartCache:
    """A cache of the parts in ``fixed`` (a name with several variants: each of them)."""
    return PartCache(
        (name, variant)
        for name, data in fixed.items()
        for variant in (data if isinstance(data, tuple) else (data,))
    )
