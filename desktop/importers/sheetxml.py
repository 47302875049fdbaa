"""What openpyxl's read-only mode does not give: merged ranges and uncached formulas.

Read-only worksheets stream cell values only. Merged ranges sit after all the rows in the
sheet part, and a formula saved without its computed value reads as an empty cell. Parsing
the whole part a second time to find them would cost about half as much as the openpyxl
pass itself, so the part is first streamed as raw bytes: merge references come from the
small tail after the cells, and the full (defusedxml) parse runs only when a formula tag is
present at all.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from defusedxml.ElementTree import iterparse
from openpyxl.utils.cell import range_boundaries

_CHUNK = 1 << 20
_OVERLAP = 64
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_MERGE_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCells[\s>/]")
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)[\"']")
_CELL_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")
# <row r="5" hidden="1"> and <col min="3" max="4" hidden="1">: rows and columns the office hid in Excel.
_HIDDEN_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>")
_HIDDEN_COL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s[^>]*?\bhidden\s*=\s*[\"'](?:1|true)[\"'][^>]*>")
_ROW_NUMBER = re.compile(rb"\br\s*=\s*[\"'](\d+)[\"']")
_COL_SPAN = re.compile(rb"\bmin\s*=\s*[\"'](\d+)[\"'][^>]*?\bmax\s*=\s*[\"'](\d+)[\"']")


@dataclass
class SheetExtras:
    """Merged ranges as (min_row, min_col, max_row, max_col), 1-based, and uncached formulas."""

    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)
    # Hidden rows (Excel numbers) and columns (0-based): imported like any other, and said so in the preview.
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def scan_sheet_part(archive: zipfile.ZipFile, part: str) -> SheetExtras:
    """Find merged ranges and formula cells lacking a cached value in one sheet part."""
    extras = SheetExtras()
    has_formula = False
    tail = bytearray()
    carry = b""
    in_tail = False
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            window = carry + chunk
            if b"hidden" in window:
                _hidden(window, extras)
            if in_tail:
                tail.extend(chunk)
            else:
                if not has_formula and _FORMULA_TAG.search(window):
                    has_formula = True
                start = _MERGE_START.search(window)
                if start:
                    in_tail = True
                    tail.extend(window[start.start() :])
            carry = window[-_OVERLAP:]
    for found in _MERGE_REF.finditer(bytes(tail)):
        min_col, min_row, max_col, max_row = range_boundaries(found.group(1).decode("ascii"))
        extras.merged.append((min_row, min_col, max_row, max_col))
    if has_formula:
        extras.uncached_formulas = _uncached_formulas(archive, part)
    return extras


def _hidden(window: bytes, extras: SheetExtras) -> None:
    for tag in _HIDDEN_ROW.finditer(window):
        if number := _ROW_NUMBER.search(tag.group()):
            extras.hidden_rows.add(int(number.group(1)))
    for tag in _HIDDEN_COL.finditer(window):
        if span := _COL_SPAN.search(tag.group()):
            extras.hidden_cols.update(range(int(span.group(1)) - 1, min(int(span.group(2)), 16384)))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _uncached_formulas(archive: zipfile.ZipFile, part: str) -> set[tuple[int, int]]:
    """Cells with an <f> and no non-empty <v>: Excel never computed them (files written by
    scripts), so with data_only they read as blank although the sheet shows a number."""
    from openpyxl.utils import column_index_from_string

    found: set[tuple[int, int]] = set()
    with archive.open(part) as stream:
        for _event, element in iterparse(stream, events=("end",)):
            tag = _local(element.tag)
            if tag == "c":
                formula = value = None
                for child in element:
                    child_tag = _local(child.tag)
                    if child_tag == "f":
                        formula = child
                    elif child_tag == "v":
                        value = child
                if formula is not None and (value is None or not (value.text or "").strip()):
                    ref = _CELL_REF.match(element.get("r", ""))
                    if ref:
                        found.add((int(ref.group(2)), column_index_from_string(ref.group(1).upper()) - 1))
            elif tag == "row":
                element.clear()
    return found
