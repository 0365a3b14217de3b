"""What a file is, judged by its bytes (never by its name or the browser's content type).

Each accepted type is checked structurally, not just by its first bytes, so a renamed
executable or a truncated upload is refused:
- PDF: a ``%PDF-1.x``/``%PDF-2.x`` header at the start, a ``startxref`` and the ``%%EOF``
  marker within the last kilobyte (how readers locate the cross-reference table);
- PNG: the signature, an IHDR chunk first, every chunk's length and CRC, ending in IEND;
- JPEG: SOI, then well-formed marker segments up to the scan, and EOI at the end.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

PDF = ("application/pdf", "pdf")
PNG = ("image/png", "png")
JPEG = ("image/jpeg", "jpg")

_PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TAIL = 1024


@dataclass(frozen=True)
class Detected:
    content_type: str
    extension: str


def _is_pdf(head: bytes, tail: bytes) -> bool:
    return bool(_PDF_HEADER.match(head)) and b"%%EOF" in tail and b"startxref" in tail


def _is_png(data: bytes) -> bool:
    if not data.startswith(_PNG_SIGNATURE):
        return False
    pos, first = len(_PNG_SIGNATURE), True
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 8 + length
        if end + 4 > len(data) or (first and kind != b"IHDR"):
            return False
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(data[pos + 4 : end]) != crc:
            return False
        if kind == b"IEND":
            return True
        pos, first = end + 4, False
    return False


_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM, RSTn: markers without a length
_MARKER = 0xFF  # every marker starts with it; repeated, it is fill
_SOS = 0xDA  # start of scan: entropy-coded data follows up to EOI
_LENGTH_SIZE = 2  # a segment's length field counts its own two bytes


def _is_jpeg(data: bytes) -> bool:
    if not data.startswith(b"\xff\xd8") or not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return False
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != _MARKER:
            return False
        marker = data[pos + 1]
        if marker == _MARKER:
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < _LENGTH_SIZE:
            return False
        if marker == _SOS:
            return pos + 2 + length <= len(data)
        pos += 2 + length
    return False


def detect(data: bytes) -> Detected | None:
    """The type of a whole file's bytes, or None when it is none of the accepted types."""
    if _is_pdf(data[:_TAIL], data[-_TAIL:]):
        return Detected(*PDF)
    if _is_png(data):
        return Detected(*PNG)
    if _is_jpeg(data):
        return Detected(*JPEG)
    return None


def read_all(stream: IO[bytes] | Iterable[bytes], limit: int) -> bytes | None:
    """Read an upload into memory, or None as soon as it exceeds ``limit`` bytes."""
    chunks: list[bytes] = []
    total = 0
    source = stream.chunks() if hasattr(stream, "chunks") else stream
    for chunk in source:
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
