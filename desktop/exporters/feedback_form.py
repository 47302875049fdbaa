"""Writing one unit's 问题办理反馈表: the office's cells locked, the unit's cells open with drop-down and date checks.

The layout (column names, rows) is importers/feedback_form.py's, so the reader finds what the writer wrote. Sheet
protection has no password: it keeps a unit from changing the office's cells by accident, not by intent; the signed
key in the hidden last column is what the office trusts. Sorting, filtering and widening columns stay allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.atomic import atomic_path
from desktop.exporters.xlsx.safe import put_text
from desktop.importers.feedback_form import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HEADERS,
    INSTRUCTION_ROW,
    KEY_FIELD,
    NEW_FIELDS,
    NEW_SHEET,
    OFFICE_FIELDS,
    TITLE_ROW,
    UNIT_FIELDS,
    UNIT_ROW,
    UNIT_STATUSES,
)

SHEET_TITLE = "反馈表"
_WIDTHS = {"序号": 6, "项目": 24, "问题": 40, "完成时限": 12, "当前状态": 10, "办理进展": 40, "办理状态": 12,
           "预计完成时间": 14, "需协调事项": 24, "责任人": 10, "联系电话": 14, KEY_FIELD: 10}
_OFFICE_FILL = PatternFill("solid", fgColor="E7E6E6")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INSTRUCTION = ("填表说明：灰色列由办公室填写，请勿修改；请在白色列填写办理进展，办理状态从下拉列表中选择，"
               "预计完成时间按 2026-12-31 的格式填写。可以排序、筛选，请勿删除或复制行，勿改动最后的隐藏列。"
               "填好后按原文件（.xlsx）于反馈截止日期前报回。")


@dataclass(frozen=True)
class FormLine:
    """One item as the office writes it: the locked cells and the row's signed key."""

    project: str
    problem: str
    deadline: str
    status: str
    key: str


@dataclass(frozen=True)
class FormHeading:
    round_name: str
    unit: str
    deadline: date
    office: str


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def write_form(target: Path, heading: FormHeading, lines: list[FormLine]) -> Path:
    """Write the form to `target` (atomically: a half-written file never takes its name)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_TITLE
    last = get_column_letter(len(HEADERS) - 1)
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    put_text(ws.cell(TITLE_ROW, 1), f"{heading.office}问题办理反馈表（{heading.round_name}）")
    ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=16)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{UNIT_ROW}:{last}{UNIT_ROW}")
    put_text(ws.cell(UNIT_ROW, 1), f"责任单位：{heading.unit}　　反馈截止：{_cn(heading.deadline)}")
    ws.merge_cells(f"A{INSTRUCTION_ROW}:{last}{INSTRUCTION_ROW}")
    put_text(ws.cell(INSTRUCTION_ROW, 1), INSTRUCTION)
    ws.cell(INSTRUCTION_ROW, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[INSTRUCTION_ROW].height = 45
    for column, name in enumerate(HEADERS, start=1):
        cell = ws.cell(HEADER_ROW, column)
        put_text(cell, name)
        cell.font = Font(bold=True)
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if name not in UNIT_FIELDS:
            cell.fill = _OFFICE_FILL
        ws.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    unit_columns = {name: HEADERS.index(name) + 1 for name in UNIT_FIELDS}
    for offset, line in enumerate(lines):
        row = FIRST_DATA_ROW + offset
        ws.cell(row, 1).value = offset + 1
        for name, value in zip(OFFICE_FIELDS[1:], (line.project, line.problem, line.deadline, line.status),
                               strict=True):
            put_text(ws.cell(row, HEADERS.index(name) + 1), value)
        put_text(ws.cell(row, len(HEADERS)), line.key)
        for column in range(1, len(HEADERS) + 1):
            cell = ws.cell(row, column)
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column in unit_columns.values():
                cell.protection = Protection(locked=False)
            else:
                cell.fill = _OFFICE_FILL
        ws.cell(row, unit_columns["预计完成时间"]).number_format = "yyyy-mm-dd"
        for name in ("联系电话",):
            ws.cell(row, unit_columns[name]).number_format = "@"
    if lines:
        _validations(ws, unit_columns, FIRST_DATA_ROW, FIRST_DATA_ROW + len(lines) - 1)
    ws.column_dimensions[get_column_letter(len(HEADERS))].hidden = True
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADERS) - 1)}{FIRST_DATA_ROW + max(len(lines), 1) - 1}"
    protection = ws.protection
    protection.sheet = True
    protection.sort = False
    protection.autoFilter = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _new_problem_sheet(workbook, heading)
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    return target


NEW_ROWS = 30
NEW_INSTRUCTION = ("填表说明：如在办理中发现新的问题，请逐条填写。项目名称请按反馈表中的写法填写；发现日期按 2026-12-31 的格式"
                   "填写，不清楚的可不填（办公室按收到日期记录并注明）；建议完成时限供办公室交办时参考。")
_NEW_WIDTHS = {"序号": 6, "项目名称": 28, "问题描述": 48, "发现日期": 14, "建议完成时限": 16, "需协调事项": 24, "备注": 20}


def _new_problem_sheet(workbook: Workbook, heading: FormHeading) -> None:
    ws = workbook.create_sheet(NEW_SHEET)
    last = get_column_letter(len(NEW_FIELDS))
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    put_text(ws.cell(TITLE_ROW, 1), f"新发现问题（{heading.round_name}）")
    ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=16)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{UNIT_ROW}:{last}{UNIT_ROW}")
    put_text(ws.cell(UNIT_ROW, 1), f"填报单位：{heading.unit}")
    ws.merge_cells(f"A{INSTRUCTION_ROW}:{last}{INSTRUCTION_ROW}")
    put_text(ws.cell(INSTRUCTION_ROW, 1), NEW_INSTRUCTION)
    ws.cell(INSTRUCTION_ROW, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[INSTRUCTION_ROW].height = 45
    for column, name in enumerate(NEW_FIELDS, start=1):
        cell = ws.cell(HEADER_ROW, column)
        put_text(cell, name)
        cell.font = Font(bold=True)
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(column)].width = _NEW_WIDTHS[name]
    for offset in range(NEW_ROWS):
        row = FIRST_DATA_ROW + offset
        ws.cell(row, 1).value = offset + 1
        for column in range(1, len(NEW_FIELDS) + 1):
            cell = ws.cell(row, column)
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row, NEW_FIELDS.index("发现日期") + 1).number_format = "yyyy-mm-dd"
    when = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                          allow_blank=True, showErrorMessage=True, errorTitle="发现日期",
                          error="请填写日期，如 2026-12-31")
    letter = get_column_letter(NEW_FIELDS.index("发现日期") + 1)
    when.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + NEW_ROWS - 1}")
    ws.add_data_validation(when)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _validations(ws: object, columns: dict[str, int], first: int, last: int) -> None:
    status = DataValidation(type="list", formula1='"' + ",".join(UNIT_STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="办理状态",
                            error="请从下拉列表中选择：" + "、".join(UNIT_STATUSES))
    letter = get_column_letter(columns["办理状态"])
    status.add(f"{letter}{first}:{letter}{last}")
    when = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                          allow_blank=True, showErrorMessage=True, errorTitle="预计完成时间",
                          error="请填写日期，如 2026-12-31")
    letter = get_column_letter(columns["预计完成时间"])
    when.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(status)  # type: ignore[attr-defined]
    ws.add_data_validation(when)  # type: ignore[attr-defined]
