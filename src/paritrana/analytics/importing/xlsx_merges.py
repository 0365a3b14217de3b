"""Merged cell ranges of one worksheet, read straight from the XLSX package.

openpyxl's read-only mode (the only one that streams) does not expose merged cells, and a
merged header otherwise just looks like an empty cell. The ranges sit in the sheet's XML
after the cell data, so the sheet is streamed with ``iterparse`` once more, keeping nothing.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def merged_ranges(path: Path, sheet_title: str) -> list[str]:
    """The merged ranges (``"A1:B1"``) of the named sheet, or [] when it cannot be located."""
    with zipfile.ZipFile(path) as package:
        target = _sheet_part(package, sheet_title)
        if target is None or target not in package.namelist():
            return []
        ranges: list[str] = []
        with package.open(target) as xml:
            for _, element in iterparse(xml):  # noqa: S314 - see the import
                if element.tag == f"{_MAIN}mergeCell":
                    ranges.append(element.get("ref", ""))
                elif element.tag == f"{_MAIN}row":
                    element.clear()  # rows are not needed: keep memory flat
        return ranges


def _sheet_part(package: zipfile.ZipFile, title: str) -> str | None:
    rel_id = None
    with package.open("xl/workbook.xml") as xml:
        for _, element in iterparse(xml):  # noqa: S314 - see the import
            if element.tag == f"{_MAIN}sheet" and element.get("name") == title:
                rel_id = element.get(f"{_REL}id")
    if rel_id is None:
        return None
    with package.open("xl/_rels/workbook.xml.rels") as xml:
        for _, element in iterparse(xml):  # noqa: S314 - see the import
            if element.tag == f"{_PKG_REL}Relationship" and element.get("Id") == rel_id:
                target = element.get("Target", "")
                # Targets are relative to xl/ unless absolute within the package.
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join("xl", target))
    return None
