"""An old Excel 97-2003 (.xls) form, rebuilt as an openpyxl workbook so it can be filled like an .xlsx.

xlrd reads cell values and, with formatting_info, merged ranges, column widths, row heights, fonts (bold, size),
borders, wrapping and number formats; that is what is carried over. Colours, fills and print settings are not,
which the user is told (source.XLS_NOTE). Formulas of an .xls are not readable: their last values are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from desktop.services.templates.layout import TemplateRefused

_THIN = Side(style="thin")


def _value(xlrd: Any, cell: Any, datemode: int) -> Any:
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        number = float(cell.value)
        return int(number) if number.is_integer() else number
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


def convert_xls(path: Path) -> Workbook:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises assorted errors on damaged or encrypted files
        raise TemplateRefused(f"文件“{path.name}”无法按旧版 Excel（.xls）读取（可能已损坏或设置了密码）。"
                              "请用 Excel/WPS 打开后另存为 .xlsx 再选择。") from exc
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in book.sheets():
        ws = workbook.create_sheet(sheet.name[:31])
        styles: dict[int, tuple[Font, Border, Alignment, str]] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                target = ws.cell(r + 1, c + 1, _value(xlrd, cell, book.datemode))
                if cell.xf_index not in styles:
                    styles[cell.xf_index] = _style(book, cell.xf_index)
                font, border, alignment, number_format = styles[cell.xf_index]
                target.font, target.border, target.alignment = font, border, alignment
                if number_format:
                    target.number_format = number_format
        for (rlo, rhi, clo, chi) in sheet.merged_cells:
            ws.merge_cells(start_row=rlo + 1, start_column=clo + 1, end_row=rhi, end_column=chi)
        for c, info in sheet.colinfo_map.items():
            ws.column_dimensions[_letter(c)].width = round(info.width / 256, 2)
        for r, info in sheet.rowinfo_map.items():
            if info.height:
                ws.row_dimensions[r + 1].height = info.height / 20
    if not workbook.worksheets:
        raise TemplateRefused(f"文件“{path.name}”中没有工作表。")
    return workbook


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column + 1)


def _style(book: Any, xf_index: int) -> tuple[Font, Border, Alignment, str]:
    xf = book.xf_list[xf_index]
    font = book.font_list[xf.font_index]
    side = {name: _THIN if getattr(xf.border, f"{name}_line_style", 0) else Side()
            for name in ("left", "right", "top", "bottom")}
    horizontal = {1: "left", 2: "center", 3: "right"}.get(xf.alignment.hor_align)
    vertical = {0: "top", 1: "center", 2: "bottom"}.get(xf.alignment.vert_align)
    number_format = book.format_map[xf.format_key].format_str if xf.format_key in book.format_map else ""
    return (Font(name=font.name, size=font.height / 20, bold=bool(font.bold)), Border(**side),
            Alignment(horizontal=horizontal, vertical=vertical, wrap_text=bool(xf.alignment.text_wrapped)),
            "" if number_format == "General" else number_format)
