"""Byte-level facts about a CSV file, found in one streaming pass before DuckDB reads it.

DuckDB reports bad encodings late and with record (not line) numbers, so the encoding is
checked here first, with the exact line of the first bad byte. The same pass counts the lines,
which tells whether each CSV record sits on its own line (then a record's line number is
simply its index + 1, header included) or not (quoted line breaks, blank lines: then
``record_lines`` re-reads the file to locate the few records a message needs).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHUNK = 8 * 1024 * 1024
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAVE_AS = "save it as 'CSV UTF-8 (comma delimited)'"


@dataclass(frozen=True)
class TextScan:
    #: Lines up to the last one with content (trailing blank lines do not count).
    content_lines: int
    #: Why the file is not UTF-8 text, or None; ``line`` says where.
    encoding_error: str | None = None
    line: int | None = None


def scan_text(path: Path) -> TextScan:
    newlines = 0  # line breaks seen before the current chunk
    content_lines = 0
    pending = b""  # an incomplete UTF-8 sequence carried to the next chunk (never holds b"\n")
    for index, chunk in enumerate(_chunks(path)):
        if index == 0 and chunk.startswith(_WIDE_BOMS):
            return TextScan(0, f"the file is UTF-16/UTF-32 encoded; {_SAVE_AS}", 1)
        nul = chunk.find(b"\x00")
        if nul >= 0:
            line = newlines + chunk.count(b"\n", 0, nul) + 1
            return TextScan(0, f"contains NUL bytes (a UTF-16 or binary file?); {_SAVE_AS}", line)
        data = pending + chunk
        try:
            _, consumed = codecs.utf_8_decode(data, "strict", False)  # noqa: FBT003 - positional-only C function; False = not the final chunk
        except UnicodeDecodeError as exc:
            line = newlines + data.count(b"\n", 0, exc.start) + 1
            bad = data[exc.start]
            return TextScan(
                0, f"byte 0x{bad:02X} is not UTF-8 (a Latin-1/Windows-1252 file?); {_SAVE_AS}", line
            )
        pending = data[consumed:]
        stripped = chunk.rstrip(b"\r\n")
        if stripped:
            content_lines = newlines + stripped.count(b"\n") + 1
        newlines += chunk.count(b"\n")
    if pending:
        return TextScan(0, f"the file ends inside a UTF-8 character; {_SAVE_AS}", newlines + 1)
    return TextScan(content_lines)


def lines_at(path: Path, positions: Iterable[int]) -> dict[int, int]:
    """The line number (1-based) of each byte position."""
    wanted = sorted(set(positions))
    found: dict[int, int] = {}
    start = newlines = 0
    for chunk in _chunks(path):
        end = start + len(chunk)
        while wanted and wanted[0] < end:
            pos = wanted.pop(0)
            found[pos] = newlines + chunk.count(b"\n", 0, max(pos - start, 0)) + 1
        if not wanted:
            break
        newlines += chunk.count(b"\n")
        start = end
    return found


def record_lines(path: Path, records: Iterable[int]) -> dict[int, int]:
    """First physical line of each wanted data record (1-based; the header is record 0).

    Only used when records and lines disagree; Python's csv module skips blank lines and
    joins quoted line breaks exactly as DuckDB does, and ``line_num`` counts physical lines.
    """
    wanted = set(records)
    found: dict[int, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=False)
        record = -1
        for fields in reader:
            if not fields:  # a blank line is no record
                continue
            record += 1
            if record in wanted:
                # The record ends on line_num and spans one line per quoted line break.
                found[record] = reader.line_num - sum(f.count("\n") for f in fields)
                if len(found) == len(wanted):
                    break
    return found


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk
