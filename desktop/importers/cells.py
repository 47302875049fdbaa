"""A sheet's cell values, read as openpyxl's read-only `iter_rows(values_only=True)` reads them, at a third the cost.

openpyxl parses sheet parts with defusedxml's pure-Python expat handlers, builds a dict per cell and each inline
string (openpyxl itself writes every string inline) through its rich-text object model: on a 50,000-row ledger
that pass alone is more than the whole import may take beside it (issue #16). Here the part is parsed by lxml's
C iterparse, row by row (each row dropped once read, so the tree never holds the sheet), and the three shapes
nearly every cell has — no value, a number or shared string in ``<v>``, a plain inline string
``<is><t>…</t></is>`` — are read directly; every other shape (dates, booleans, errors, rich text, formulas, a
cell without its reference) goes through openpyxl's own `parse_cell`, so it reads exactly as before.

Safety is unchanged: openpyxl has already parsed the start of every sheet part through defusedxml when it opened
the workbook (its `<dimension>` look-up), which is where a DTD with entity declarations would sit; lxml is told
to resolve no entities, load no DTD and touch no network besides. Rows keep openpyxl's shape: a missing row is
an empty list, an empty row an empty tuple's worth (no cells), a row as wide as its last cell.
`tests/importers/test_import_cells.py` compares every row with openpyxl's reading.
"""

from __future__ import annotations

import zipfile
from typing import Any

from lxml import etree
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet._reader import INLINE_STRING, ROW_TAG, VALUE_TAG, WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

T_TAG = f"{{{SHEET_MAIN_NS}}}t"
_COLUMNS = {get_column_letter(i): i for i in range(1, 16_385)}
_MISSING = object()


def sheet_values(archive: zipfile.ZipFile, part: str, shared_strings: list[Any], workbook: Any) -> list[list[Any]]:
    """Every row of sheet `part` as a list of values, as `[list(r) for r in ws.iter_rows(values_only=True)]` gives
    them for a read-only, data-only workbook whose dimensions were reset."""
    fallback = WorkSheetParser(None, shared_strings, data_only=True, epoch=workbook.epoch,
                               date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
    date_formats = workbook._date_formats
    rows: list[list[Any]] = []
    counter = 1  # the next row number openpyxl would yield
    number = 0
    with archive.open(part) as stream:
        context = etree.iterparse(stream, events=("end",), tag=ROW_TAG, resolve_entities=False, load_dtd=False,
                                  no_network=True, remove_comments=True, remove_pis=True)
        for _event, row in context:
            number = _row_number(row.get("r"), number)
            if number >= counter:
                rows.extend([] for _ in range(counter, number))
                rows.append(_row(row, number, fallback, shared_strings, date_formats))
                counter = number + 1
            # Drop what was read: the row's cells and the (already empty) rows before it.
            row.clear()
            parent = row.getparent()
            if parent is not None:
                while row.getprevious() is not None:
                    del parent[0]
    return rows


def _row_number(attribute: str | None, previous: int) -> int:
    """openpyxl's parse_row: r="5" (or "5.0"), else one past the previous row."""
    if attribute is None:
        return previous + 1
    try:
        return int(attribute)
    except ValueError:
        value = float(attribute)
        if not value.is_integer():
            raise ValueError(f"{attribute} is not a valid row number") from None
        return int(value)


def _row(row: Any, number: int, fallback: WorkSheetParser, shared: list[Any], date_formats: set[int]) -> list[Any]:
    """One row's values, as wide as its last cell (openpyxl's `_get_row`: a cell right of the last one is lost)."""
    digits = str(number)
    cut = -len(digits)
    cells: list[tuple[int, Any]] = []
    fallback.row_counter = number
    fallback.col_counter = 0
    for cell in row:  # every child, as openpyxl reads them (a valid part has only <c> there)
        coordinate = cell.get("r")
        column = _COLUMNS.get(coordinate[:cut]) if coordinate is not None and coordinate.endswith(digits) else None
        value = _MISSING if column is None else _plain(cell, shared, date_formats)
        if value is _MISSING:
            parsed = fallback.parse_cell(cell)
            column, value = parsed["column"], parsed["value"]
        else:
            fallback.col_counter = column
        cells.append((column, value))
    if not cells:
        return []
    width = cells[-1][0]
    values: list[Any] = [None] * width
    for column, value in cells:
        if 1 <= column <= width:
            values[column - 1] = value
    return values


def _plain(cell: Any, shared: list[Any], date_formats: set[int]) -> Any:
    """The value of a cell of a plain shape, as openpyxl's parse_cell reads it; _MISSING for any other shape."""
    size = len(cell)
    if size == 0:
        return None
    if size != 1:
        return _MISSING
    data_type = cell.get("t", "n")
    child = cell[0]
    tag = child.tag
    if tag == VALUE_TAG:
        text = child.text
        if not text:
            return None
        if data_type == "n":
            style = cell.get("s")
            if style and int(style) in date_formats:
                return _MISSING
            return _cast_number(text)
        if data_type == "s":
            return shared[int(text)]
        if data_type in ("str", "e"):
            return text
        return _MISSING
    if tag == INLINE_STRING and data_type == "inlineStr" and len(child) == 1:
        plain = child[0]
        if plain.tag == T_TAG and len(plain) == 0:
            text = plain.text
            return "" if text is None else text
    return _MISSING
