"""Bytes to text: BOMs, strict UTF-8, UTF-16 without a BOM, then the likely
single-byte encodings of Western news text (cp1252 first)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .errors import ArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer reads cp1252 as cp1250 ("naïve" -> "naďve") unless the
# candidates are restricted (MEASURED.md), and among a wide set it prefers
# mac_roman for French cp1252 ("HÈrat"): Western encodings are tried first,
# the others only when none of those reads as text (Russian cp1251).
_WESTERN = ["cp1252", "iso8859_15", "latin_1"]
_OTHER_SINGLE_BYTE = ["cp1251", "iso8859_2", "iso8859_7", "mac_roman"]
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document (convert it to text first)",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> str:
    """Text of ``data``; raises ArticleError with a one-line reason otherwise."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"not a text file: it looks like {kind}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"broken {codec.upper()} text at byte {exc.start}") from exc
    if b"\x00" in data:
        # NUL bytes are valid UTF-8 but never in text: UTF-16 without a BOM, or binary.
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ArticleError("not a text file: it holds binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for candidates in (_WESTERN, _OTHER_SINGLE_BYTE):
        best = from_bytes(data, cp_isolation=candidates).best()
        if best is not None:
            return str(best)
    raise ArticleError("unknown text encoding: save the file as UTF-8 and import it again")
