"""Old Excel 97-2003 (.xls) files through xlrd, when it is installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.importers.grid import SheetGrid, fill_merged, pad_rows
from desktop.importers.safety import ImportRefused


def _cell_value(xlrd: Any, cell: Any, datemode: int) -> Any:
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError):
            return cell.value
    if kind == xlrd.XL_CELL_NUMBER:
        value = float(cell.value)
        return int(value) if value.is_integer() else value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


def read_xls(path: Path) -> list[SheetGrid]:
    """Every sheet of an .xls; merged ranges need formatting_info, which .xls provides."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise ImportRefused(
                f"文件“{path.name}”设置了打开密码，无法读取。请在 Excel/WPS 中打开并取消密码，另存为 .xlsx 后再导入。"
            ) from exc
        raise ImportRefused(
            f"文件“{path.name}”无法按旧版 Excel（.xls）读取，可能已损坏。请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
        ) from exc
    except Exception as exc:  # xlrd raises assorted struct/index errors on damaged files
        raise ImportRefused(
            f"文件“{path.name}”已损坏或不完整，无法读取。请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
        ) from exc
    grids = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = [
                [_cell_value(xlrd, sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)]
                for r in range(sheet.nrows)
            ]
            rows = pad_rows(rows)
            merged = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
            fill_merged(rows, merged)
            grids.append(SheetGrid(name=sheet.name, rows=rows, merged=merged, source_note="旧版 Excel（.xls）文件"))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return grids
