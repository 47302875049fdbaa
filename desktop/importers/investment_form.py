"""The 投资进度填报表 layout, shared by the writer (exporters/investment_form.py) and the reader below.

One row per project: the office's cells (序号, 项目, 年度计划, 上月累计) locked, the unit's open (本月完成, 1–N月累计,
形象进度, 存在问题, 填报人, 联系电话), the signed key hidden in the last column, as on the 问题办理反馈表
(importers/feedback_form.py, whose safe reading and header search this shares). Amounts are in 万元, as offices
write them. `read_returned` reads a file once and tells which of the two forms it is, so collecting needs no kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.importers.feedback_form import KEY_FIELD, FormFile, form_of
from desktop.importers.grid import SheetGrid
from desktop.importers.safety import ImportRefused
from desktop.importers.text import match_key, stored_text
from desktop.importers.workbook import read_sheets

OFFICE_FIELDS = ("序号", "项目", "年度计划", "上月累计")
UNIT_FIELDS = ("本月完成", "累计", "形象进度", "存在问题", "填报人", "联系电话")
FIELDS = (*OFFICE_FIELDS, *UNIT_FIELDS, KEY_FIELD)
AMOUNT_FIELDS = ("本月完成", "累计")
# The office cells a returned form is compared with (序号 is only the row's place).
CHECKED_OFFICE_FIELDS = OFFICE_FIELDS[1:]
_FIXED_HEADERS = {"序号": "序号", "项目": "项目名称", "年度计划": "年度计划（万元）", "上月累计": "上月累计（万元）",
                  "本月完成": "本月完成（万元）", "形象进度": "形象进度", "存在问题": "存在问题", "填报人": "填报人",
                  "联系电话": "联系电话", KEY_FIELD: KEY_FIELD}
# 1—11月累计（万元）: the month is the round's; any month number is recognised (the key says which round it is).
_YEAR_TO_DATE = re.compile(r"^1[-–—~～至到]\d{1,2}月累计(\(万元\))?$")
_HEADER_SEARCH_ROWS = 30


def header(name: str, month: int) -> str:
    """The header text of a field on the form of `month`."""
    return f"1—{month}月累计（万元）" if name == "累计" else _FIXED_HEADERS[name]


def _field_of(value: Any) -> str | None:
    key = match_key(value)
    if not key:
        return None
    for name, text in _FIXED_HEADERS.items():
        if key == match_key(text) or (name not in ("序号", KEY_FIELD) and key == match_key(name)):
            return name
    return "累计" if _YEAR_TO_DATE.match(key) else None


@dataclass
class InvestRow:
    """One filled-in row: where it is, its key text, the office's cells and the unit's cells as read."""

    file_name: str
    sheet: str
    row: int
    key: Any
    office: dict[str, Any]
    unit: dict[str, Any]
    formulas: list[str] = field(default_factory=list)

    def where(self, name: str | None = None) -> str:
        place = f"文件“{self.file_name}”工作表“{self.sheet}”第{self.row}行"
        return place + (f"“{label(name)}”" if name else "")


def label(name: str) -> str:
    """How a message names a field: 1–N月累计 for the year-to-date column."""
    return "1–N月累计" if name == "累计" else name


@dataclass
class InvestFile:
    name: str
    rows: list[InvestRow]
    skipped: list[str] = field(default_factory=list)


def _columns(grid: SheetGrid) -> tuple[int, dict[str, int]] | None:
    for row_number in range(1, min(len(grid.rows), _HEADER_SEARCH_ROWS) + 1):
        found: dict[str, int] = {}
        for column, value in enumerate(grid.rows[row_number - 1]):
            name = _field_of(value)
            if name is not None and name not in found:
                found[name] = column
        if KEY_FIELD in found and "本月完成" in found:
            return row_number, found
    return None


def is_investment(grids: list[SheetGrid]) -> bool:
    return any(grid.skip_reason is None and _columns(grid) is not None for grid in grids)


def read_returned(path: str | Path) -> FormFile | InvestFile:
    """A returned file read once: the 投资进度填报表 when a sheet carries its header, else the 问题办理反馈表
    (or NotAForm / ImportRefused, with the reason, naming the file)."""
    path = Path(path)
    grids = read_sheets(path)
    return invest_of(path, grids) if is_investment(grids) else form_of(path, grids)


def invest_of(path: Path, grids: list[SheetGrid]) -> InvestFile:
    form = InvestFile(path.name, [])
    for grid in grids:
        if grid.skip_reason is not None:
            form.skipped.append(f"工作表“{grid.name}”：{grid.skip_reason}")
            continue
        found = _columns(grid)
        if found is None:
            form.skipped.append(f"工作表“{grid.name}”：没有投资进度填报表的表头（校验码、本月完成），已跳过")
            continue
        header_row, columns = found
        missing = [label(name) for name in UNIT_FIELDS if name not in columns]
        if missing:
            raise ImportRefused(f"文件“{path.name}”工作表“{grid.name}”第{header_row}行：表头缺少列"
                                f"“{'”“'.join(missing)}”（列被删除或改名），请使用办公室发出的原表填写。")
        for row_number in range(header_row + 1, len(grid.rows) + 1):
            values = grid.rows[row_number - 1]
            office = {name: _cell(values, columns.get(name)) for name in OFFICE_FIELDS}
            unit = {name: _cell(values, columns.get(name)) for name in UNIT_FIELDS}
            key = stored_text(_cell(values, columns[KEY_FIELD]))
            if key is None and all(v is None for v in (*office.values(), *unit.values())):
                continue
            formulas = [name for name in UNIT_FIELDS
                        if name in columns and (row_number, columns[name]) in grid.uncached_formulas]
            form.rows.append(InvestRow(path.name, grid.name, row_number, key, office, unit, formulas))
    return form


def _cell(values: list[Any], column: int | None) -> Any:
    if column is None or column >= len(values):
        return None
    value = values[column]
    return stored_text(value) if isinstance(value, str) else value
