"""Writing one unit's 问题办理反馈表: the office's cells locked, the unit's cells open with drop-down and date checks.

The layout (column names, rows) is importers/feedback_form.py's, so the reader finds what the writer wrote. Sheet
protection has no password: it keeps a unit from changing the office's cells by accident, not by intent; the signed
key in the hidden last column is what the office trusts. Sorting, filtering and widening columns stay allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lxml.etree import Element, SubElement
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.atomic import atomic_path
from desktop.exporters.xlsx._stream import LedgerCell, LedgerSheet, StyleBook, StyleRef, add_sheet
from desktop.exporters.xlsx.safe import cell_text, is_formula_like
from desktop.importers.feedback_form import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HEADERS,
    INSTRUCTION_ROW,
    KEY_FIELD,
    NEW_FIELDS,
    NEW_SHEET,
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
_PLAIN = Font(name="Calibri", size=11, family=2, scheme="minor")  # openpyxl's default cell font
_OPEN = Protection(locked=False)
_LETTERS = [get_column_letter(column) for column in range(1, len(HEADERS) + 1)]
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


class _Styles:
    """The form's few cell styles, registered once per workbook (write-only streaming: issue #19's send target)."""

    def __init__(self, book: StyleBook) -> None:
        top = Alignment(wrap_text=True, vertical="top")
        self.title = book.style(font=Font(bold=True, size=16), alignment=Alignment(horizontal="center"))
        self.line = book.style(font=_PLAIN, alignment=Alignment())
        self.instruction = book.style(font=_PLAIN, alignment=top)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.header_office = book.style(font=Font(bold=True), alignment=centre, border=_BORDER, fill=_OFFICE_FILL)
        self.header_unit = book.style(font=Font(bold=True), alignment=centre, border=_BORDER)
        office = {"font": _PLAIN, "alignment": top, "border": _BORDER, "fill": _OFFICE_FILL}
        self.office = book.style(**office)
        self.office_quoted = book.style(**office, quote_prefix=True)
        unit = {"font": _PLAIN, "alignment": top, "border": _BORDER, "protection": _OPEN}
        self.unit = book.style(**unit)
        self.unit_date = book.style(**unit, number_format="yyyy-mm-dd")
        self.unit_text = book.style(**unit, number_format="@")
        self.plain_cell = book.style(font=_PLAIN, alignment=top, border=_BORDER)
        self.plain_date = book.style(font=_PLAIN, alignment=top, border=_BORDER, number_format="yyyy-mm-dd")


def _text(book: StyleBook, plain: StyleRef, quoted: StyleRef, value: object) -> LedgerCell:
    """A string cell whatever its first character (as put_text: formula-like text kept as typed, quote-prefixed)."""
    text = cell_text(value)
    if not text:
        return book.cell(plain)
    return book.cell(quoted if is_formula_like(text) else plain, text, "s")


def _heading(sheet: LedgerSheet, book: StyleBook, styles: _Styles, last: str, title: str, line: str,
             instruction: str) -> None:
    sheet.append([_text(book, styles.title, styles.title, title)])
    sheet.append([_text(book, styles.line, styles.line, line)])
    sheet.append_row([_text(book, styles.instruction, styles.instruction, instruction)], height=45)
    for row in (TITLE_ROW, UNIT_ROW, INSTRUCTION_ROW):
        sheet.merge(CellRange(f"A{row}:{last}{row}"))


class _Row(tuple):  # type: ignore[type-arg]
    """A data row of (style index, value, kind) triples, written by FormSheet as one lxml element."""


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _row_element(row: _Row, index: int) -> Element:
    """The row's XML as openpyxl's cell writer would make it (inline strings, numbers, styled empty cells), built
    in one go: the cell writer's per-cell context managers were most of a city round's time."""
    element = Element("row", r=str(index))
    for letter, (style, value, kind) in zip(_LETTERS, row, strict=False):
        ref = f"{letter}{index}"
        if value is None or value == "":
            SubElement(element, "c", r=ref, s=style, t="n")
        elif kind == "s":
            text = SubElement(SubElement(SubElement(element, "c", r=ref, s=style, t="inlineStr"), "is"), "t")
            if value != value.strip():
                text.set(_XML_SPACE, "preserve")
            text.text = value
        else:
            SubElement(SubElement(element, "c", r=ref, s=style, t="n"), "v").text = str(value)
    return element


class FormSheet(LedgerSheet):
    """The streamed sheet, with the data rows (`_Row`) written as whole elements; other rows as LedgerSheet."""

    def _values_to_row(self, values: Any, row_idx: int) -> Any:
        return values if isinstance(values, _Row) else super()._values_to_row(values, row_idx)

    def _get_writer(self) -> None:
        first = self._writer is None
        super()._get_writer()  # type: ignore[misc]
        if not first:
            return
        plain = self._writer.write_row

        def write_row(xf: Any, row: Any, row_idx: int) -> None:
            if isinstance(row, _Row):
                xf.write(_row_element(row, row_idx))
            else:
                plain(xf, row, row_idx)

        self._writer.write_row = write_row


def _sheet(workbook: Workbook, title: str) -> FormSheet:
    sheet = FormSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet


def write_form(target: Path, heading: FormHeading, lines: list[FormLine]) -> Path:
    """Write the form to `target` (atomically: a half-written file never takes its name).

    Streamed (openpyxl write-only, styles registered once): a city's round is 60 workbooks of hundreds of rows,
    and a cell-by-cell workbook spent most of its time on style look-ups (desktop/bench/feedback_round.py)."""
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, SHEET_TITLE)
    book = StyleBook(sheet)
    styles = _Styles(book)
    for column, name in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    sheet.column_dimensions[get_column_letter(len(HEADERS))].hidden = True
    # A streamed sheet writes its properties, views and columns with the first row: set them before it.
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"
    _print_setup(sheet)
    last = get_column_letter(len(HEADERS) - 1)
    _heading(sheet, book, styles, last, f"{heading.office}问题办理反馈表（{heading.round_name}）",
             f"责任单位：{heading.unit}　　反馈截止：{_cn(heading.deadline)}", INSTRUCTION)
    sheet.append([_text(book, styles.header_unit if name in UNIT_FIELDS else styles.header_office,
                        styles.header_office, name) for name in HEADERS])
    unit_cells = [(str((styles.unit_date if name == "预计完成时间" else styles.unit_text if name == "联系电话"
                        else styles.unit)[1]), None, "n") for name in UNIT_FIELDS]
    office, quoted = str(styles.office[1]), str(styles.office_quoted[1])

    def text(value: str) -> tuple[str, str | None, str]:
        shown = cell_text(value)
        return (quoted if is_formula_like(shown) else office), shown or None, "s"

    for offset, line in enumerate(lines):
        sheet.append(_Row([(office, offset + 1, "n"), text(line.project), text(line.problem), text(line.deadline),
                           text(line.status), *unit_cells, text(line.key)]))
    unit_columns = {name: HEADERS.index(name) + 1 for name in UNIT_FIELDS}
    if lines:
        _validations(sheet, unit_columns, FIRST_DATA_ROW, FIRST_DATA_ROW + len(lines) - 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{FIRST_DATA_ROW + max(len(lines), 1) - 1}"
    protection = sheet.protection
    protection.sheet = True
    protection.sort = False
    protection.autoFilter = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    _new_problem_sheet(workbook, heading)
    with atomic_path(target) as tmp:
        workbook.save(tmp)
    return target


def _print_setup(sheet: LedgerSheet) -> None:
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


NEW_ROWS = 30
NEW_INSTRUCTION = ("填表说明：如在办理中发现新的问题，请逐条填写。项目名称请按反馈表中的写法填写；发现日期按 2026-12-31 的格式"
                   "填写，不清楚的可不填（办公室不代填，记为未填）；建议完成时限供办公室交办时参考。")
_NEW_WIDTHS = {"序号": 6, "项目名称": 28, "问题描述": 48, "发现日期": 14, "建议完成时限": 16, "需协调事项": 24, "备注": 20}


def _new_problem_sheet(workbook: Workbook, heading: FormHeading) -> None:
    sheet = add_sheet(workbook, NEW_SHEET)
    book = StyleBook(sheet)
    styles = _Styles(book)
    for column, name in enumerate(NEW_FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _NEW_WIDTHS[name]
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    _print_setup(sheet)
    last = get_column_letter(len(NEW_FIELDS))
    _heading(sheet, book, styles, last, f"新发现问题（{heading.round_name}）", f"填报单位：{heading.unit}",
             NEW_INSTRUCTION)
    sheet.append([_text(book, styles.header_unit, styles.header_unit, name) for name in NEW_FIELDS])
    found = NEW_FIELDS.index("发现日期")
    for offset in range(NEW_ROWS):
        sheet.append([book.cell(styles.plain_cell, offset + 1)] +
                     [book.cell(styles.plain_date if column == found else styles.plain_cell)
                      for column in range(1, len(NEW_FIELDS))])
    when = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                          allow_blank=True, showErrorMessage=True, errorTitle="发现日期",
                          error="请填写日期，如 2026-12-31")
    letter = get_column_letter(found + 1)
    when.add(f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + NEW_ROWS - 1}")
    sheet.data_validations.append(when)


def _validations(ws: LedgerSheet, columns: dict[str, int], first: int, last: int) -> None:
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
    ws.data_validations.append(status)
    ws.data_validations.append(when)
