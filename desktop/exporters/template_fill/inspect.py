"""Reading the structure of a blank form: which sheet, where the header is, what its table body holds.

The header is found by the importer (`importers.header.find_header`, tried for every kind of ledger), so a form
is read with the same vocabulary as a ledger; the kind whose header gives the most fill fields decides what rows
the form wants. Below the header, the body runs while rows are record rows (blank but bordered, numbered, or
filled in an earlier copy), group headings (一、产业项目 / （一）续建), 小计 or 合计 rows; a note (注：, 填表人：)
or a blank row without borders ends it. Rows are recognised by the importer's own row classifier.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.worksheet.worksheet import Worksheet

from desktop.importers.grid import SheetGrid, column_letter, fill_merged, pad_rows
from desktop.importers.header import HEADER_SCAN_ROWS, HeaderInfo, find_header
from desktop.importers.rows import (
    BLANK_REASON,
    GROUP_REASON,
    NO_CONTENT_REASON,
    TOTAL_REASON,
    classify,
    group_label,
    header_keys,
)
from desktop.importers.safety import ImportRefused
from desktop.importers.text import clean_text, is_blank, match_key
from desktop.importers.workbook import is_note_sheet
from desktop.services.templates import proposal
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import (
    BodyRow,
    RowRole,
    TemplateColumn,
    TemplateLayout,
    TemplateRefused,
    TextCell,
)

KINDS = ("projects", "investment", "issues", "decisions")
PURPOSE_OF = {"projects": Purpose.PROJECTS, "investment": Purpose.PROJECTS, "issues": Purpose.ISSUES,
              "decisions": Purpose.DECISIONS}
FOOTER_SCAN_ROWS = 12
UNIT_LABEL = re.compile(r"(?:填报|报送|填表)单位")
DATE_LABEL = re.compile(r"(?:填报|报送|填表)(?:日期|时间)")
_ORDINAL_ONLY = re.compile(r"^(?:[一二三四五六七八九十]+|[（(][一二三四五六七八九十]+[)）])[、.．]?$")
_ATTACHMENT = re.compile(r"^(?:附件|附表|表)[\d一二三四五六七八九十]*[:：]?$")
_COUNTED = re.compile(r"[(（]\s*(?:共)?\s*\d+\s*(?:个|项|家)?(?:项目)?\s*[)）]$")


def plain(value: Any) -> Any:
    return str(value) if isinstance(value, CellRichText) else value


def sheet_grid(ws: Worksheet) -> SheetGrid:
    """The sheet as the importer sees it: plain values, merged ranges filled with their top-left value."""
    # One pass over the cells that exist (iter_rows would create every empty cell of the rectangle).
    cells = ws._cells
    height = max(map(itemgetter(0), cells), default=0)
    width = max(map(itemgetter(1), cells), default=0)
    rows: list[list[Any]] = [[None] * width for _ in range(height)]
    for (r, c), cell in cells.items():
        value = cell._value
        if value is not None:
            rows[r - 1][c - 1] = str(value) if isinstance(value, CellRichText) else value
    rows = pad_rows(rows)
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    fill_merged(rows, merged)
    return SheetGrid(name=ws.title, rows=rows, merged=merged)


def _level(text: str) -> int:
    return 2 if match_key(text)[:1] in ("(", "（") else 1


def _formula(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith("=") and len(value) > 1 else None


def _bordered(ws: Worksheet, row: int, width: int) -> bool:
    for column in range(1, width + 1):
        cell = ws._cells.get((row, column))  # existing cells only: reading ws.cell() would create them
        if cell is not None and cell.has_style:
            border = cell.border
            if any(getattr(border, side).style for side in ("left", "right", "top", "bottom")):
                return True
    return False


def _best_header(grid: SheetGrid, file_name: str, purpose: Purpose | None) -> tuple[int, str, HeaderInfo] | None:
    """(fields recognised, importer kind, header) of the kind that reads the most of this sheet's header."""
    best: tuple[int, int, str, HeaderInfo] | None = None
    for order, kind in enumerate(KINDS):
        if purpose is not None and PURPOSE_OF[kind] is not purpose:
            continue
        try:
            header = find_header(grid, kind, file_name)
        except ImportRefused:
            continue
        columns = [TemplateColumn(i, label) for i, label in enumerate(header.labels) if label]
        found = {c.field for c in (proposal.propose_column(PURPOSE_OF[kind], col) for col in columns)
                 if c.field not in (None, "seq")}
        rank = (len(found), -order)
        if best is None or rank > best[:2]:
            best = (len(found), -order, kind, header)
    return None if best is None else (best[0], best[2], best[3])


def analyse(workbook: Workbook, file_name: str, *, sheet: str | None = None,
            purpose: Purpose | None = None) -> TemplateLayout:
    """The layout of the form in `workbook`; TemplateRefused with the reason when it cannot be filled."""
    sheets = [ws.title for ws in workbook.worksheets]
    if sheet is not None:
        if sheet not in sheets:
            raise TemplateRefused(f"模板“{file_name}”中没有名为“{sheet}”的工作表（现有：{'、'.join(sheets)}）。")
        candidates = [workbook[sheet]]
    else:
        candidates = [ws for ws in workbook.worksheets
                      if ws.sheet_state == "visible" and not is_note_sheet(ws.title)]
    found: tuple[int, str, HeaderInfo, Worksheet, SheetGrid] | None = None
    for ws in candidates:
        grid = sheet_grid(ws)
        best = _best_header(grid, file_name, purpose)
        if best is not None and best[0] > 0 and (found is None or best[0] > found[0]):
            found = (*best, ws, grid)
    if found is None:
        where = f"工作表“{sheet}”" if sheet else "各工作表"
        raise TemplateRefused(
            f"模板“{file_name}”的{where}前 {HEADER_SCAN_ROWS} 行中没有找到可识别的表头（应至少有两个列名，"
            "如 项目名称、总投资、年度计划、问题描述、责任单位、完成时限）。请确认选择的是上级下发的填报模板。")
    _score, kind, header, ws, grid = found
    layout = TemplateLayout(
        file_name=file_name, sheet=ws.title, sheets=sheets, header_row=header.row, header_last_row=header.last_row,
        columns=[], body=[], body_end=header.last_row, importer_kind=kind, purpose=PURPOSE_OF[kind],
        sheet_unit=header.sheet_unit, context_year=header.context_year, context_month=header.context_month,
        protected=bool(ws.protection.sheet))
    width = max((i + 1 for i, label in enumerate(header.labels) if label), default=0)
    layout.body, layout.body_end = _body(ws, grid, header, width, file_name)
    first_record = next((r for r in layout.body if r.role is RowRole.RECORD), None)
    layout.columns = [
        TemplateColumn(i, header.labels[i] if i < len(header.labels) else "", header.units.get(i),
                       first_record.formulas.get(i) if first_record else None)
        for i in range(width)]
    _check_protection(ws, layout, first_record, file_name)
    _find_text_cells(ws, grid, layout)
    return layout


def _heading(cells: list[Any]) -> tuple[int, str, int] | None:
    """一 | 产业项目 written in two cells: (level, heading text, column of the name)."""
    found = []
    for i, c in enumerate(cells):
        if not is_blank(c):
            found.append((i, c))
            if len(found) == 2:
                break
    if len(found) < 2 or not all(isinstance(c, str) for _i, c in found):
        return None
    first, second = clean_text(found[0][1]) or "", clean_text(found[1][1]) or ""
    if _ORDINAL_ONLY.match(match_key(first)) and second:
        return _level(first), f"{first}{'' if first.endswith(('、', '）', ')')) else '、'}{second}", found[1][0]
    return None


def _body(ws: Worksheet, grid: SheetGrid, header: HeaderInfo, width: int, file_name: str
          ) -> tuple[list[BodyRow], int]:
    keys = header_keys(header)
    labelled = {i: "x" for i, label in enumerate(header.labels) if label}
    numbered = {i for i, label in enumerate(header.labels) if match_key(label) in ("序号", "序", "编号")}
    merged_rows: dict[int, list[tuple[int, int, int, int]]] = {}
    for r0, c0, r1, c1 in grid.merged:
        for r in range(r0, r1 + 1):
            merged_rows.setdefault(r, []).append((r0, c0, r1, c1))
    body: list[BodyRow] = []
    end = header.last_row
    seen_record = False
    for number in range(header.last_row + 1, len(grid.rows) + 1):
        cells = grid.rows[number - 1][:width]
        row = _body_row(ws, number, cells, keys, labelled, numbered, width, first_record=not seen_record)
        if row is None:
            break
        seen_record = seen_record or row.role is RowRole.RECORD
        for r0, c0, r1, c1 in merged_rows.get(number, []):
            if r0 != r1 or row.role is RowRole.RECORD:
                ref = f"{column_letter(c0 - 1)}{r0}:{column_letter(c1 - 1)}{r1}"
                raise TemplateRefused(
                    f"模板“{file_name}”工作表“{ws.title}”第{number}行的数据区有合并单元格 {ref}，无法逐行填写。"
                    "请在 Excel/WPS 中取消数据区的合并（标题、表头和分组、合计行可以合并）后再选择该模板。")
        body.append(row)
        end = number
    return body, end


def _row_formulas(ws: Worksheet, number: int, width: int) -> dict[int, str]:
    cells = ws._cells  # existing cells only: ws.cell() would create every empty one
    return {i: f for i in range(width) if (cell := cells.get((number, i + 1))) is not None
            and (f := _formula(cell.value))}


def _body_row(ws: Worksheet, number: int, cells: list[Any], keys: list[frozenset[str]], labelled: dict[int, str],
              numbered: set[int], width: int, *, first_record: bool) -> BodyRow | None:
    """One row below the header; only the first record row's formulas are kept (they are the column's)."""
    heading = _heading(cells)
    if heading is not None:
        level, text, column = heading
        return BodyRow(number, RowRole.GROUP, level, text, group_label(text), column,
                       bool(_COUNTED.search(text)), _row_formulas(ws, number, width))
    verdict = classify(cells, keys, labelled)
    if verdict is None or verdict[0] == NO_CONTENT_REASON:
        formulas = _row_formulas(ws, number, width) if first_record else {}
        filled = any(not is_blank(c) and not (isinstance(c, str) and c.startswith("="))
                     for i, c in enumerate(cells) if i in labelled and i not in numbered)
        return BodyRow(number, RowRole.RECORD, formulas=formulas, filled=filled)
    reason = verdict[0]
    if reason == BLANK_REASON:
        if not _bordered(ws, number, width):
            return None
        return BodyRow(number, RowRole.RECORD, formulas=_row_formulas(ws, number, width) if first_record else {})
    formulas = _row_formulas(ws, number, width)
    column, text = next((i, clean_text(c) or "") for i, c in enumerate(cells) if not is_blank(c))
    if reason == TOTAL_REASON:
        role = RowRole.SUBTOTAL if "小计" in match_key(text) else RowRole.TOTAL
        return BodyRow(number, role, text=text, label_column=column, counted=bool(_COUNTED.search(text)),
                       formulas=formulas)
    if reason.startswith(GROUP_REASON):
        return BodyRow(number, RowRole.GROUP, _level(text), text, group_label(text), column,
                       bool(_COUNTED.search(text)), formulas)
    return None  # a note, 填表人 line or a repeated header ends the table


def _check_protection(ws: Worksheet, layout: TemplateLayout, first: BodyRow | None, file_name: str) -> None:
    if not layout.protected:
        return
    if first is None:
        raise TemplateRefused(
            f"模板“{file_name}”的工作表“{ws.title}”设置了保护，且表头下没有可填写的行，无法填报。"
            "请上级提供未保护的模板，或在 Excel/WPS 中“撤销工作表保护”后再选择。")
    locked = frozenset(c.index for c in layout.columns
                       if c.label and c.formula is None and ws.cell(first.row, c.index + 1).protection.locked)
    layout.locked_columns = locked
    if locked and len(locked) == len([c for c in layout.columns if c.label and c.formula is None]):
        raise TemplateRefused(
            f"模板“{file_name}”的工作表“{ws.title}”设置了保护，数据区（第{first.row}行起）的单元格都是锁定的，"
            "无法填入数据。请上级提供未保护的模板，或在 Excel/WPS 中“撤销工作表保护”后再选择。")
    layout.notes.append("工作表设置了保护（表头锁定），数据区可以填写；填报后的文件保持原有保护")


def _find_text_cells(ws: Worksheet, grid: SheetGrid, layout: TemplateLayout) -> None:
    """The title (first text above the header) and the 填报单位 / 填报日期 cells above the header or in the footer."""
    rows = [*range(1, layout.header_row),
            *range(layout.body_end + 1, min(len(grid.rows), layout.body_end + FOOTER_SCAN_ROWS) + 1)]
    seen: set[tuple[int, int]] = set()
    width = max(map(itemgetter(1), ws._cells), default=1)  # ws.max_column, without building a set
    for number in rows:
        for column in range(width):
            value = plain(ws.cell(number, column + 1).value) if (number, column + 1) in ws._cells else None
            if not isinstance(value, str) or is_blank(value) or (number, column) in seen:
                continue
            seen.add((number, column))
            cell = TextCell(number, column, value)
            key = match_key(value)
            if UNIT_LABEL.search(key):
                layout.unit_cells.append(cell)
            if DATE_LABEL.search(key):
                layout.date_cells.append(cell)
            if (layout.title is None and number < layout.header_row and not UNIT_LABEL.search(key)
                    and not DATE_LABEL.search(key) and not key.startswith(("单位", "金额单位"))
                    and not _ATTACHMENT.match(key)):
                layout.title = cell
