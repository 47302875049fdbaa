"""Writing one unit's 问题办理反馈表: the office's cells locked, the unit's cells open with drop-down and date checks.

The layout (column names, rows) is importers/feedback_form.py's, so the reader finds what the writer wrote. Sheet
protection has no password: it keeps a unit from changing the office's cells by accident, not by intent; the signed
key in the hidden last column is what the office trusts. Sorting, filtering and widening columns stay allowed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from desktop.atomic import atomic_path
from desktop.exporters.xlsx._stream import (
    LedgerCell,
    LedgerSheet,
    StyleBook,
    StylePreset,
    StyleRef,
)
from desktop.exporters.xlsx.safe import FORMULA_TRIGGERS, cell_text, is_formula_like, kept_as_is
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
_PLAIN = Font(name="Calibri", size=11, family=2, scheme="minor")  # openpyxl's default cell font
_OPEN = Protection(locked=False)
_LETTERS = [get_column_letter(column) for column in range(1, len(HEADERS) + 1)]
INSTRUCTION = ("填表说明：灰色列由办公室填写，请勿修改；请在白色列填写办理进展，办理状态从下拉列表中选择，"
               "预计完成时间按 2026-12-31 的格式填写。可以排序、筛选，请勿删除或复制行，勿改动最后的隐藏列。"
               "填好后按原文件（.xlsx）于反馈截止日期前报回。")


class FormLine(NamedTuple):
    """One item as the office writes it: the locked cells and the row's signed key (a tuple: ~20,000 a round)."""

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


@functools.cache
def _preset() -> StylePreset[_Styles]:
    """The form's styles, registered once per process (the same for every form)."""
    return StylePreset(_Styles)


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


_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


def _inline(ref: str, style: str, text: str) -> str:
    """An inline string cell as openpyxl's cell writer makes it (xml:space kept where the text has outer
    spaces; a carriage return as a character reference, which an XML parser would otherwise turn into a line
    feed). `text` is cell_text's: nothing XML forbids is left in it."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    for char, reference in _XML_ESCAPES:
        if char in text:
            text = text.replace(char, reference)
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


class FormSheet(LedgerSheet):
    """The streamed sheet whose data rows are written as one block of row XML.

    A city's round is some 20,000 rows: building them as cells (or lxml elements) was most of the send's time
    (desktop/bench/feedback_round.py). The rows are formatted as text here and put, encoded once, where openpyxl
    wrote a placeholder row; everything else in the sheet (columns, panes, protection, validations, merges) is
    openpyxl's own writing. The part has no XML declaration, so it is UTF-8 whatever openpyxl escaped as ASCII.
    """

    _PLACEHOLDER = "keyproj-form-rows"

    def __init__(self, parent: Workbook, title: str) -> None:
        super().__init__(parent=parent, title=title)
        self._block: tuple[int, bytes] | None = None

    def append_block(self, first: int, xml: str, count: int, style: StyleRef) -> None:
        """Rows `first`…`first + count - 1` as `xml` (the sheet's last rows: nothing may be appended after)."""
        if first != self.rows_written + 1:
            raise ValueError(f"the block starts at row {first}, the sheet is at row {self.rows_written + 1}")
        self.append([LedgerCell(self, style, self._PLACEHOLDER, "s")])
        self._block = (first, xml.encode("utf-8"))
        self.rows_written += count - 1

    def append(self, row: Any) -> None:
        if self._block is not None:
            raise RuntimeError("no row may follow the block of data rows")
        super().append(row)

    def close(self) -> None:
        super().close()
        if self._block is None:
            return
        first, block = self._block
        path = Path(self._writer.out)
        xml = path.read_bytes()
        start = xml.index(f'<row r="{first}">'.encode("ascii"))
        end = xml.index(b"</row>", start) + len(b"</row>")
        if self._PLACEHOLDER.encode("ascii") not in xml[start:end]:
            raise RuntimeError(f"placeholder row {first} not found in the sheet written by openpyxl")
        path.write_bytes(b"".join((xml[:start], block, xml[end:])))


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
    book = _preset().book(sheet)
    styles = _preset().styles
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
    if lines:
        sheet.append_block(FIRST_DATA_ROW, _data_rows(styles, lines), len(lines), styles.office)
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
        _save(workbook, tmp)
    return target


def _save(workbook: Workbook, path: Path) -> None:
    """openpyxl's save_workbook at deflate's fastest level.

    Compressing was the largest single cost left in a city round's 60 forms; at level 1 it takes under half the
    time and a form averages 73 KB instead of the 65 KB openpyxl wrote (its rows are UTF-8 rather than character
    references, which offsets most of the weaker compression), the cells the same."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1)
    workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    ExcelWriter(workbook, archive).save()


def _data_rows(styles: _Styles, lines: list[FormLine]) -> str:
    """The data rows' XML: 序号 and the office's cells locked and grey, the unit's cells open and empty."""
    office, quoted = str(styles.office[1]), str(styles.office_quoted[1])
    unit_cells = "".join(f'<c r="{letter}{{row}}" s="{style[1]}" t="n"/>' for letter, style in zip(
        _LETTERS[len(OFFICE_FIELDS):], (styles.unit_date if name == "预计完成时间" else styles.unit_text
                                         if name == "联系电话" else styles.unit for name in UNIT_FIELDS),
        strict=False))
    letters = (*_LETTERS[1:len(OFFICE_FIELDS)], _LETTERS[len(OFFICE_FIELDS) + len(UNIT_FIELDS)])
    texts = [(line.project, line.problem, line.deadline, line.status, line.key) for line in lines]
    # cell_text on each of ~100,000 cells was a fifth of a city round; one scan says when it would change nothing.
    shown = (lambda text: text) if kept_as_is([t for row in texts for t in row]) else cell_text
    parts: list[str] = []
    add = parts.append

    def cell(letter: str, row: int, value: str) -> str:
        text = shown(value)
        if not text:
            return f'<c r="{letter}{row}" s="{office}" t="n"/>'
        return _inline(f"{letter}{row}", quoted if text[0] in FORMULA_TRIGGERS else office, text)

    project, problem, deadline, status, key = letters
    for number, (a, b, c, d, e) in enumerate(texts, start=1):
        row = FIRST_DATA_ROW + number - 1
        add(f'<row r="{row}"><c r="A{row}" s="{office}" t="n"><v>{number}</v></c>{cell(project, row, a)}'
            f'{cell(problem, row, b)}{cell(deadline, row, c)}{cell(status, row, d)}{unit_cells.format(row=row)}'
            f'{cell(key, row, e)}</row>')
    return "".join(parts)


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


@functools.cache
def _new_rows() -> str:
    """The 新增问题 sheet's numbered empty rows, bordered, 发现日期 as a date (the same in every form)."""
    styles = _preset().styles
    plain, day = styles.plain_cell[1], styles.plain_date[1]
    found = NEW_FIELDS.index("发现日期")
    return "".join(
        f'<row r="{row}"><c r="A{row}" s="{plain}" t="n"><v>{row - FIRST_DATA_ROW + 1}</v></c>'
        + "".join(f'<c r="{letter}{row}" s="{day if column == found else plain}" t="n"/>'
                  for column, letter in enumerate(_LETTERS[1:len(NEW_FIELDS)], start=1)) + "</row>"
        for row in range(FIRST_DATA_ROW, FIRST_DATA_ROW + NEW_ROWS))


def _new_problem_sheet(workbook: Workbook, heading: FormHeading) -> None:
    sheet = _sheet(workbook, NEW_SHEET)
    book = _preset().book(sheet)
    styles = _preset().styles
    for column, name in enumerate(NEW_FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _NEW_WIDTHS[name]
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    _print_setup(sheet)
    last = get_column_letter(len(NEW_FIELDS))
    _heading(sheet, book, styles, last, f"新发现问题（{heading.round_name}）", f"填报单位：{heading.unit}",
             NEW_INSTRUCTION)
    sheet.append([_text(book, styles.header_unit, styles.header_unit, name) for name in NEW_FIELDS])
    found = NEW_FIELDS.index("发现日期")
    sheet.append_block(FIRST_DATA_ROW, _new_rows(), NEW_ROWS, styles.plain_cell)
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
