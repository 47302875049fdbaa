"""Making room for the filled rows: the template's table body is cleared and everything below it moves.

Cells, merged ranges, row heights, page breaks, data validation, conditional formats, the print area, the
auto-filter, defined names, pictures and every formula of the workbook that points into the sheet are moved
with one `RowMap`, so the 填表人 lines, a 合计 under the table or a validation list stay where they belong.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exporters.template_fill.references import RowMap, remap_formula, remap_sqref


def replace_body(workbook: Workbook, ws: Worksheet, rows: RowMap) -> None:
    """Remove the old body rows `rows.start..rows.end` and move what follows to make `rows.length` rows."""
    _move_cells(ws, rows)
    _move_merges(ws, rows)
    _move_dimensions(ws, rows)
    _move_validations(ws, rows)
    _move_conditional_formats(ws, rows)
    _move_breaks(ws, rows)
    _move_anchors(ws, rows)
    if ws.auto_filter.ref:
        ws.auto_filter.ref = remap_sqref(ws.auto_filter.ref, rows)
    _move_names(workbook, ws, rows)
    _move_formulas(workbook, ws, rows)


def _move_cells(ws: Worksheet, rows: RowMap) -> None:
    cells = ws._cells
    kept = [(key, cell) for key, cell in cells.items() if key[0] < rows.start]
    moving = [cell for (r, _c), cell in cells.items() if r > rows.end]
    cells.clear()  # rebuilt rather than 24,000 deletions from a last month's copy
    cells.update(kept)
    for cell in moving:
        cell.row += rows.delta
        cells[(cell.row, cell.column)] = cell


def _move_merges(ws: Worksheet, rows: RowMap) -> None:
    kept = []
    for merged in list(ws.merged_cells.ranges):
        if merged.max_row < rows.start:
            kept.append(merged.coord)
        elif merged.min_row > rows.end:
            merged.shift(row_shift=rows.delta)
            kept.append(merged.coord)
        # merges inside the body are the template's heading rows: the writer merges each written heading again
    ws.merged_cells = MultiCellRange(kept)


def _move_dimensions(ws: Worksheet, rows: RowMap) -> None:
    dims = ws.row_dimensions
    moving = {index: dim for index, dim in dims.items() if index > rows.end}
    for index in [index for index in dims if index >= rows.start]:
        del dims[index]
    for index, dim in moving.items():
        dim.index = index + rows.delta
        dims[index + rows.delta] = dim


def _move_validations(ws: Worksheet, rows: RowMap) -> None:
    for validation in ws.data_validations.dataValidation:
        validation.sqref = MultiCellRange(remap_sqref(str(validation.sqref), rows))
        for attr in ("formula1", "formula2"):
            value = getattr(validation, attr)
            if isinstance(value, str) and value:
                setattr(validation, attr, remap_formula(f"={value}", rows, ws.title, on_sheet=True)[1:])


def _move_conditional_formats(ws: Worksheet, rows: RowMap) -> None:
    old = ws.conditional_formatting
    new = ConditionalFormattingList()
    for formatting in old:
        sqref = remap_sqref(str(formatting.sqref), rows)
        for rule in formatting.rules:
            new.add(sqref, rule)
    ws.conditional_formatting = new


def _move_breaks(ws: Worksheet, rows: RowMap) -> None:
    breaks = ws.row_breaks
    for brk in list(breaks.brk):
        if rows.inside(brk.id):
            breaks.brk.remove(brk)
        elif brk.id > rows.end:
            brk.id += rows.delta


def _move_anchors(ws: Worksheet, rows: RowMap) -> None:
    """Pictures and charts below the body move with it (anchors are 0-based rows)."""
    for item in (*getattr(ws, "_images", []), *getattr(ws, "_charts", [])):
        anchor = getattr(item, "anchor", None)
        for marker in (getattr(anchor, "_from", None), getattr(anchor, "to", None)):
            if marker is not None and marker.row + 1 > rows.end:
                marker.row += rows.delta


def _remap_name_text(text: str, rows: RowMap, sheet: str, *, on_sheet: bool) -> str:
    return remap_formula(f"={text}", rows, sheet, on_sheet=on_sheet)[1:]


def _move_names(workbook: Workbook, ws: Worksheet, rows: RowMap) -> None:
    for name in workbook.defined_names.values():
        if name.attr_text:
            name.attr_text = _remap_name_text(name.attr_text, rows, ws.title, on_sheet=False)
    for sheet in workbook.worksheets:
        for name in sheet.defined_names.values():
            if name.attr_text:
                name.attr_text = _remap_name_text(name.attr_text, rows, ws.title, on_sheet=sheet is ws)
    if ws.print_area:
        ws.print_area = [_remap_area(part, rows) for part in ws.print_area.split(",")]


def _remap_area(part: str, rows: RowMap) -> str:
    area = CellRange(part.rpartition("!")[2].replace("$", ""))
    top, bottom = rows.span(area.min_row, area.max_row)
    return f"{get_column_letter(area.min_col)}{top}:{get_column_letter(area.max_col)}{bottom}"


def _move_formulas(workbook: Workbook, ws: Worksheet, rows: RowMap) -> None:
    """Formulas left on the sheet (above and below the body) and on other sheets that point into it."""
    for sheet in workbook.worksheets:
        on_sheet = sheet is ws
        for cell in sheet._cells.values():
            value = cell.value
            if isinstance(value, str) and value.startswith("=") and (on_sheet or ws.title in value):
                cell.value = remap_formula(value, rows, ws.title, on_sheet=on_sheet)
