"""The 问题办理反馈表 layout, shared by the writer (exporters/feedback_form.py) and the reader below.

Reading a returned form goes through the importers' safe reading (`read_sheets`: size and zip-bomb limits,
defusedxml, .xls/.et where a reader exists): the columns are found by their header names, not their positions, so
inserted columns, re-sorted or filtered rows and rows moved to another sheet with the same header all read the
same. Every row with a key or any text is returned with its sheet and Excel row number; judging it (whose key, which
round, what changed) is the feedback service's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.importers.grid import SheetGrid
from desktop.importers.safety import ImportRefused
from desktop.importers.text import match_key, stored_text
from desktop.importers.workbook import read_sheets

OFFICE_FIELDS = ("序号", "项目", "问题", "完成时限", "当前状态")
UNIT_FIELDS = ("办理进展", "办理状态", "预计完成时间", "需协调事项", "责任人", "联系电话")
KEY_FIELD = "校验码"
HEADERS = (*OFFICE_FIELDS, *UNIT_FIELDS, KEY_FIELD)
# The office cells a returned form is compared with (序号 is only the row's place and may change with a sort).
CHECKED_OFFICE_FIELDS = OFFICE_FIELDS[1:]
UNIT_STATUSES = ("办理中", "已办结", "阶段性推进", "申请延期", "需上级协调")
# The second sheet: problems the unit found itself, in the 问题台账's own terms; no key (the file's signed rows say
# whose form it is), every cell the unit's.
NEW_SHEET = "新增问题"
NEW_FIELDS = ("序号", "项目名称", "问题描述", "发现日期", "建议完成时限", "需协调事项", "备注")
TITLE_ROW, UNIT_ROW, INSTRUCTION_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_DATA_ROW = HEADER_ROW + 1
_HEADER_SEARCH_ROWS = 30


class NotAForm(ImportRefused):
    """The file reads, but no sheet carries the form's header (校验码 beside 办理进展)."""


@dataclass
class FormRow:
    """One filled-in row: where it is, its key text, the office's cells and the unit's cells as read."""

    file_name: str
    sheet: str
    row: int
    key: Any
    office: dict[str, Any]
    unit: dict[str, Any]
    # Unit fields holding a formula saved without a value (typed formulas in open cells).
    formulas: list[str] = field(default_factory=list)

    def where(self, name: str | None = None) -> str:
        """文件“…”工作表“…”第N行[“字段”]: the place every message about this row names."""
        place = f"文件“{self.file_name}”工作表“{self.sheet}”第{self.row}行"
        return place + (f"“{name}”" if name else "")


@dataclass
class NewProblemRow:
    """One row of the 新增问题 sheet with anything written in it."""

    file_name: str
    sheet: str
    row: int
    values: dict[str, Any]

    def where(self, name: str | None = None) -> str:
        place = f"文件“{self.file_name}”工作表“{self.sheet}”第{self.row}行"
        return place + (f"“{name}”" if name else "")


@dataclass
class FormFile:
    name: str
    rows: list[FormRow]
    # Sheets skipped, with the reason (no header, note sheets), for the preview's notes.
    skipped: list[str] = field(default_factory=list)
    new_problems: list[NewProblemRow] = field(default_factory=list)


def _new_problem_columns(grid: SheetGrid) -> tuple[int, dict[str, int]] | None:
    wanted = {match_key(name): name for name in NEW_FIELDS}
    for row_number in range(1, min(len(grid.rows), _HEADER_SEARCH_ROWS) + 1):
        found: dict[str, int] = {}
        for column, value in enumerate(grid.rows[row_number - 1]):
            name = wanted.get(match_key(value))
            if name is not None and name not in found:
                found[name] = column
        if "问题描述" in found and "项目名称" in found:
            return row_number, found
    return None


def _new_problems(file_name: str, grid: SheetGrid, header_row: int, columns: dict[str, int]) -> list[NewProblemRow]:
    rows = []
    for row_number in range(header_row + 1, len(grid.rows) + 1):
        values = {name: _cell(grid.rows[row_number - 1], columns.get(name)) for name in NEW_FIELDS}
        if any(values[name] is not None for name in NEW_FIELDS if name != "序号"):
            rows.append(NewProblemRow(file_name, grid.name, row_number, values))
    return rows


def _header_columns(grid: SheetGrid) -> tuple[int, dict[str, int]] | None:
    wanted = {match_key(name): name for name in HEADERS}
    for row_number in range(1, min(len(grid.rows), _HEADER_SEARCH_ROWS) + 1):
        found: dict[str, int] = {}
        for column, value in enumerate(grid.rows[row_number - 1]):
            name = wanted.get(match_key(value))
            if name is not None and name not in found:
                found[name] = column
        if KEY_FIELD in found and "办理进展" in found:
            return row_number, found
    return None


def read_form(path: str | Path) -> FormFile:
    """Every data row of a returned form, or ImportRefused / NotAForm with a Chinese message naming the file."""
    path = Path(path)
    return form_of(path, read_sheets(path))


def form_of(path: Path, grids: list[SheetGrid]) -> FormFile:
    """The 问题办理反馈表 in sheets already read (importers/investment_form.read_returned reads a file once and
    tells which form it is)."""
    form = FormFile(path.name, [])
    headed = 0
    for grid in grids:
        if grid.skip_reason is not None:
            form.skipped.append(f"工作表“{grid.name}”：{grid.skip_reason}")
            continue
        header = _header_columns(grid)
        if header is None:
            new_header = _new_problem_columns(grid)
            if new_header is not None:
                form.new_problems.extend(_new_problems(path.name, grid, *new_header))
                continue
            form.skipped.append(f"工作表“{grid.name}”：没有反馈表的表头（校验码、办理进展），已跳过")
            continue
        headed += 1
        header_row, columns = header
        missing = [name for name in UNIT_FIELDS if name not in columns]
        if missing:
            raise ImportRefused(f"文件“{path.name}”工作表“{grid.name}”第{header_row}行：表头缺少列"
                                f"“{'”“'.join(missing)}”（列被删除或改名），请使用办公室发出的原表填写。")
        for row_number in range(header_row + 1, len(grid.rows) + 1):
            form_row = _read_row(path.name, grid, row_number, columns)
            if form_row is not None:
                form.rows.append(form_row)
    if not headed:
        raise NotAForm(f"文件“{path.name}”不是问题办理反馈表：没有一个工作表带有“校验码”和“办理进展”表头。"
                       "请报回办公室发出的反馈表原文件（.xlsx）。")
    return form


def _read_row(file_name: str, grid: SheetGrid, row_number: int, columns: dict[str, int]) -> FormRow | None:
    values = grid.rows[row_number - 1]
    key = stored_text(values[columns[KEY_FIELD]])
    unit = {name: _cell(values, columns.get(name)) for name in UNIT_FIELDS}
    office = {name: _cell(values, columns.get(name)) for name in OFFICE_FIELDS}
    if key is None and all(v is None for v in unit.values()) and all(v is None for v in office.values()):
        return None
    formulas = [name for name in UNIT_FIELDS
                if name in columns and (row_number, columns[name]) in grid.uncached_formulas]
    return FormRow(file_name, grid.name, row_number, key, office, unit, formulas)


def _cell(values: list[Any], column: int | None) -> Any:
    if column is None or column >= len(values):
        return None
    value = values[column]
    return stored_text(value) if isinstance(value, str) else value

