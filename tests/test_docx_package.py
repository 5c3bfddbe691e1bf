"""The .docx archive: the house style's fixed parts compressed once give the very same bytes."""

from __future__ import annotations

import io
import zipfile

from dossiergen.docx.package import compress, zip_archive
from dossiergen.docx.writer import HouseStyle, fixed_parts, render_docx
from dossiergen.text.markup import parse_markup
from tests.test_docx_writer import HOUSE, PROPS, sample_markup


def _zipfile_archive(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


_HEADER_FIELDS = (
    "filename", "date_time", "compress_type", "create_system", "create_version",
    "extract_version", "flag_bits", "external_attr", "internal_attr", "CRC", "file_size",
)  # fmt: skip


def test_the_archive_is_what_zipfile_writes() -> None:
    """Every header field as zipfile writes it, and the same contents; only the deflate
    streams differ (zlib-ng's, not zlib's), and with them the offsets."""
    parts = {
        "[Content_Types].xml": b"<Types/>" * 50,
        "word/document.xml": "tekst één ".encode() * 2000,
        "word/media/logo.png": bytes(range(256)) * 40,
        "docProps/leeg.xml": b"",
    }
    ours = zip_archive(compress(n, d) for n, d in parts.items())
    theirs = _zipfile_archive(parts)
    with zipfile.ZipFile(io.BytesIO(ours)) as mine, zipfile.ZipFile(io.BytesIO(theirs)) as ref:
        assert mine.testzip() is None
        for info, expected in zip(mine.infolist(), ref.infolist(), strict=True):
            for field in _HEADER_FIELDS:
                assert getattr(info, field) == getattr(expected, field), field
            assert mine.read(info) == ref.read(expected)
    # zipfile reads the central directory; the local headers must agree with it byte for byte
    for info in zipfile.ZipFile(io.BytesIO(ours)).infolist():
        local = ours[info.header_offset : info.header_offset + 30]
        assert local[:4] == b"PK\x03\x04"
        assert int.from_bytes(local[14:18], "little") == info.CRC
        assert int.from_bytes(local[18:22], "little") == info.compress_size
        assert int.from_bytes(local[22:26], "little") == info.file_size


def test_fixed_parts_change_no_byte() -> None:
    house = HouseStyle.load(HOUSE)
    fixed = fixed_parts(house)
    for markup in (sample_markup(), "# Kop\n\nAlinea.\n", "::: inhoudsopgave\n:::\n\n# Kop\n"):
        blocks = parse_markup(markup)
        alone = render_docx(blocks, house, PROPS)
        assert render_docx(blocks, house, PROPS, fixed) == alone
        with zipfile.ZipFile(io.BytesIO(alone)) as archive:
            assert archive.testzip() is None
