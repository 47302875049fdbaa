"""Writing one unit's 投资进度填报表: the office's cells locked, the unit's open, with the month's signed row keys.

The same workbook as the 问题办理反馈表 (exporters/feedback_form.py: its styles, heading rows, protection and print
setup), with the investment layout of importers/investment_form.py. Amounts are written in 万元, as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.atomic import atomic_path
from desktop.exporters.feedback_form import _cn, _heading, _print_setup, _sheet, _Styles, _text
from desktop.exporters.xlsx._stream import StyleBook
from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADER_ROW, KEY_FIELD
from desktop.importers.investment_form import AMOUNT_FIELDS, FIELDS, UNIT_FIELDS, header
from desktop.services.figures import WAN

SHEET_TITLE = "投资进度填报"
_WIDTHS = {"序号": 6, "项目": 30, "年度计划": 14, "上月累计": 14, "本月完成": 14, "累计": 16, "形象进度": 32,
           "存在问题": 30, "填报人": 10, "联系电话": 14, KEY_FIELD: 10}


def instruction(month: int) -> str:
    return (f"填表说明：灰色列由办公室填写，请勿修改；金额单位为万元。请填写{month}月完成投资（本月完成）和1—{month}月"
            f"累计完成投资，两项都填时累计应等于上月累计加本月完成；形象进度、存在问题请如实填写。可以排序、筛选，"
            "请勿删除或复制行，勿改动最后的隐藏列。填好后按原文件（.xlsx）于报送截止日期前报回。")


@dataclass(frozen=True)
class InvestLine:
    """One project as the office writes it: the locked cells (amounts in 元) and the row's signed key."""

    project: str
    annual_plan: int
    prior: int
    key: str


@dataclass(frozen=True)
class InvestHeading:
    round_name: str
    unit: str
    deadline: date
    office: str
    year: int
    month: int


def _wan(yuan: int) -> int | float:
    value = Decimal(yuan) / WAN
    return int(value) if value == value.to_integral_value() else float(value)


def write_investment_form(target: Path, heading: InvestHeading, lines: list[InvestLine]) -> Path:
    """Write the form to `target` atomically (a half-written file never takes its name)."""
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, SHEET_TITLE)
    book = StyleBook(sheet)
    styles = _Styles(book)
    for column, name in enumerate(FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    sheet.column_dimensions[get_column_letter(len(FIELDS))].hidden = True
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"
    _print_setup(sheet)
    last = get_column_letter(len(FIELDS) - 1)
    _heading(sheet, book, styles, last,
             f"{heading.office}重点项目投资进度填报表（{heading.year}年{heading.month}月）",
             f"填报单位：{heading.unit}　　轮次：{heading.round_name}　　报送截止：{_cn(heading.deadline)}　　金额单位：万元",
             instruction(heading.month))
    sheet.append_row([_text(book, styles.header_unit if name in UNIT_FIELDS else styles.header_office,
                            styles.header_office, header(name, heading.month)) for name in FIELDS], height=32)
    for position, line in enumerate(lines, start=1):
        cells = [book.cell(styles.office, position), _text(book, styles.office, styles.office_quoted, line.project),
                 book.cell(styles.office, _wan(line.annual_plan)), book.cell(styles.office, _wan(line.prior))]
        for name in UNIT_FIELDS:
            cells.append(book.cell(styles.unit_text if name == "联系电话" else styles.unit))
        cells.append(_text(book, styles.office, styles.office_quoted, line.key))
        sheet.append(cells)
    if lines:
        _validations(sheet, FIRST_DATA_ROW, FIRST_DATA_ROW + len(lines) - 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{FIRST_DATA_ROW + max(len(lines), 1) - 1}"
    protection = sheet.protection
    protection.sheet = True
    protection.sort = False
    protection.autoFilter = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    return target


def _validations(sheet: object, first: int, last: int) -> None:
    for name in AMOUNT_FIELDS:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                              showErrorMessage=True, errorTitle=name if name == "本月完成" else "累计完成",
                              error="请填写不小于0的数字，单位万元，如 1250.5")
        letter = get_column_letter(FIELDS.index(name) + 1)
        rule.add(f"{letter}{first}:{letter}{last}")
        sheet.data_validations.append(rule)  # type: ignore[attr-defined]
