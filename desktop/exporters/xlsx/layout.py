"""The fixed parts of a 台账 sheet: styles, title, 填报单位/日期 line, header, print setup, notes, drop-downs.

Kept apart from the row streaming in :mod:`.ledger` because these are written once per sheet and follow the
office convention (document-format.md §6) rather than the data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ._stream import LedgerCell, LedgerSheet, StyleBook, StyleRef
from .safe import cell_text, is_formula_like
from .spec import LedgerColumn, LedgerSpec
from .values import chinese_date

PAGE_FOOTER = "第 &P 页，共 &N 页"
# Excel column width unit = width of "0" in the default 11 pt font (7 px); an 11 pt CJK glyph is ~14.7 px.
UNITS_PER_CJK_CHAR = 2.1
CELL_PADDING_UNITS = 1.0
INLINE_LIST_LIMIT = 255  # Excel's limit for a data-validation list typed into the formula
MAX_EXCEL_ROWS = 1_048_576
ERROR_MESSAGE_LIMIT = 255  # Excel rejects longer data-validation messages

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2")
HIGHLIGHT_FILL = PatternFill(fill_type="solid", start_color="FFC7CE", end_color="FFC7CE")
HIGHLIGHT_COLOR = "C00000"
GB2312_CHARSET = 134  # tells Excel the font is a Chinese one when the named font is missing
# Print geometry.  Fit-to-width scales the whole sheet, so the printed body size is body_size × scale; below
# 9 pt a 台账 is hard to read, which decides between A4 and A3 landscape when the spec leaves it to us.
MIN_PRINTED_PT = 9.0
SIDE_MARGIN_IN = 0.6
PAPER_WIDTH_PT = {"A4": 297 / 25.4 * 72, "A3": 420 / 25.4 * 72}  # landscape: the long side is the width
PAPER_CODE = {"A4": Worksheet.PAPERSIZE_A4, "A3": Worksheet.PAPERSIZE_A3}
# One width unit is the "0" of the default font: 7 px in Calibri (Excel), 8 px in the DejaVu Sans LibreOffice
# falls back to (measured: LibreOffice shrank every ledger ~1.15× more than 7 px predicts); the wider one is
# assumed so the text is never smaller than promised. Each column adds 5 px of padding; 96 px = 72 pt.
PX_PER_UNIT = 8.0
COLUMN_PADDING_PX = 5.0


def excel_width(chars: float) -> float:
    return round(chars * UNITS_PER_CJK_CHAR + CELL_PADDING_UNITS, 2)


def _font(name: str, size: float, *, bold: bool = False, color: str | None = None) -> Font:
    return Font(name=name, size=size, bold=bold, color=color, charset=GB2312_CHARSET)


def sheet_width_pt(spec: LedgerSpec) -> float:
    """The table's width at 100 % as a spreadsheet lays it out, in points."""
    widths = ([spec.serial_width] if spec.serial_header is not None else [])
    widths += [c.char_width for c in spec.columns if not c.hidden]
    return sum(excel_width(w) * PX_PER_UNIT + COLUMN_PADDING_PX for w in widths) * 0.75


def printable_width_pt(paper: str) -> float:
    return PAPER_WIDTH_PT[paper] - 2 * SIDE_MARGIN_IN * 72


def printed_body_pt(spec: LedgerSpec, paper: str) -> float:
    """The body text size as printed once fit-to-width has shrunk the table onto *paper* (never enlarged)."""
    scale = min(1.0, printable_width_pt(paper) / sheet_width_pt(spec))
    return spec.fonts.body_size * scale


def choose_paper(spec: LedgerSpec) -> str:
    """A4 landscape when the body prints at ≥ 9 pt on it, else A3 landscape; a spec's own choice wins."""
    if spec.paper != "auto":
        return spec.paper
    return "A4" if printed_body_pt(spec, "A4") >= MIN_PRINTED_PT else "A3"


@dataclass(frozen=True, slots=True)
class ColumnStyles:
    """Style variants of one data column, registered once so each row only picks one."""

    normal: StyleRef
    quoted: StyleRef
    highlight: StyleRef
    highlight_quoted: StyleRef
    section: StyleRef
    section_quoted: StyleRef


@dataclass(frozen=True, slots=True)
class SheetStyles:
    title: StyleRef
    info_left: StyleRef
    info_right: StyleRef
    header: StyleRef
    serial: StyleRef
    label_left: StyleRef
    label_center: StyleRef
    note: StyleRef
    columns: tuple[ColumnStyles, ...]


def build_styles(book: StyleBook, spec: LedgerSpec) -> SheetStyles:
    fonts = spec.fonts
    body = _font(fonts.body, fonts.body_size)
    bold = _font(fonts.body, fonts.body_size, bold=True)
    red = _font(fonts.body, fonts.body_size, color=HIGHLIGHT_COLOR)
    info = _font(fonts.body, fonts.info_size)

    def column(col: LedgerColumn) -> ColumnStyles:
        align = Alignment(horizontal=col.alignment, vertical="center", wrap_text=col.wrap)
        fmt = col.format

        def make(font: Font, fill: PatternFill | None, quote: bool) -> StyleRef:
            return book.style(font=font, alignment=align, border=BORDER, fill=fill, number_format=fmt,
                              quote_prefix=quote)

        return ColumnStyles(
            normal=make(body, None, False),
            quoted=make(body, None, True),
            highlight=make(red, HIGHLIGHT_FILL, False),
            highlight_quoted=make(red, HIGHLIGHT_FILL, True),
            section=make(bold, None, False),
            section_quoted=make(bold, None, True),
        )

    def label(horizontal: str) -> StyleRef:
        return book.style(font=bold, alignment=Alignment(horizontal=horizontal, vertical="center",
                                                         wrap_text=True), border=BORDER)

    return SheetStyles(
        title=book.style(font=_font(fonts.title, fonts.title_size),
                         alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        info_left=book.style(font=info, alignment=Alignment(horizontal="left", vertical="center")),
        info_right=book.style(font=info, alignment=Alignment(horizontal="right", vertical="center")),
        header=book.style(font=_font(fonts.header, fonts.header_size),
                          alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                          border=BORDER, fill=HEADER_FILL),
        serial=book.style(font=body, alignment=Alignment(horizontal="center", vertical="center"),
                          border=BORDER, number_format="0"),
        label_left=label("left"),
        label_center=label("center"),
        note=book.style(font=info, alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        columns=tuple(column(col) for col in spec.columns),
    )


@dataclass(frozen=True, slots=True)
class SheetGeometry:
    """Row and column positions shared by the static layout and the row streamer."""

    offset: int  # sheet column index of the first spec column minus 1 (1 when there is a 序号 column)
    ncols: int
    title_row: int
    info_row: int | None
    header_top: int
    header_bottom: int

    @property
    def first_data_row(self) -> int:
        return self.header_bottom + 1

    @property
    def last_letter(self) -> str:
        return get_column_letter(self.ncols)


def geometry(spec: LedgerSpec) -> SheetGeometry:
    offset = 1 if spec.serial_header is not None else 0
    has_info = bool(spec.unit) or spec.report_date is not None
    header_top = 3 if has_info else 2
    return SheetGeometry(
        offset=offset,
        ncols=len(spec.columns) + offset,
        title_row=1,
        info_row=2 if has_info else None,
        header_top=header_top,
        header_bottom=header_top + (1 if spec.two_level else 0),
    )


def prepare_sheet(ws: LedgerSheet, spec: LedgerSpec, geo: SheetGeometry) -> None:
    """Everything openpyxl writes before the first row: widths, frozen pane, sheet properties, page setup."""
    widths = ([spec.serial_width] if spec.serial_header is not None else []) + [c.char_width for c in spec.columns]
    for index, chars in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = excel_width(chars)
    for index, col in enumerate(spec.columns, geo.offset + 1):
        if col.hidden:
            ws.column_dimensions[get_column_letter(index)].hidden = True
    freeze_col = get_column_letter(geo.offset + 1)
    ws.freeze_panes = f"{freeze_col}{geo.first_data_row}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = PAPER_CODE[choose_paper(spec)]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins  # inches
    margins.left = margins.right = SIDE_MARGIN_IN
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.size = 10
    ws.oddFooter.center.font = "宋体,Regular"
    ws.print_title_rows = f"{geo.header_top}:{geo.header_bottom}"


def merge(ws: LedgerSheet, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
    if (min_row, min_col) != (max_row, max_col):
        ws.merge(CellRange(min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row))


def _lines(text: str, chars_per_line: float) -> int:
    per_line = max(1, math.floor(chars_per_line))
    return max(1, math.ceil(len(text) / per_line))


def _text_cell(book: StyleBook, style: StyleRef, text: str) -> LedgerCell:
    clean = cell_text(text)
    return book.cell(style, clean or None, "s" if clean else "n")


def write_title_rows(ws: LedgerSheet, book: StyleBook, spec: LedgerSpec, geo: SheetGeometry,
                     styles: SheetStyles) -> None:
    n = geo.ncols
    ws.row_dimensions[geo.title_row].height = round(spec.fonts.title_size * 2.0, 1)
    title = [_text_cell(book, styles.title, spec.title)] + [book.cell(styles.title) for _ in range(n - 1)]
    ws.append(title)
    merge(ws, geo.title_row, 1, geo.title_row, n)
    if geo.info_row is None:
        return
    ws.row_dimensions[geo.info_row].height = round(spec.fonts.info_size * 2.0, 1)
    left_span = max(1, math.ceil(n / 2)) if n > 1 else 1
    left = f"{spec.unit_label}{spec.unit}" if spec.unit else ""
    right = f"{spec.date_label}{chinese_date(spec.report_date)}" if spec.report_date else ""
    row = [_text_cell(book, styles.info_left, left)] + [book.cell(styles.info_left) for _ in range(left_span - 1)]
    if n > left_span:
        row += [_text_cell(book, styles.info_right, right)]
        row += [book.cell(styles.info_right) for _ in range(n - left_span - 1)]
        merge(ws, geo.info_row, left_span + 1, geo.info_row, n)
    elif right:
        row[0] = _text_cell(book, styles.info_left, f"{left}　{right}".strip("　"))
    ws.append(row)
    merge(ws, geo.info_row, 1, geo.info_row, left_span)


def write_header(ws: LedgerSheet, book: StyleBook, spec: LedgerSpec, geo: SheetGeometry,
                 styles: SheetStyles) -> None:
    """One- or two-level header; every cell of a merged range is written so its borders print."""
    top, bottom = geo.header_top, geo.header_bottom
    hstyle = styles.header
    chars_per_col = ([spec.serial_width] if geo.offset else []) + [c.char_width for c in spec.columns]
    headers = ([spec.serial_header or ""] if geo.offset else []) + [c.header for c in spec.columns]
    groups: list[str | None] = ([None] if geo.offset else []) + [c.group for c in spec.columns]
    line_height = spec.fonts.header_size * 1.5

    if top == bottom:
        ws.row_dimensions[top].height = round(
            max(_lines(h, w) for h, w in zip(headers, chars_per_col, strict=True)) * line_height + 8, 1)
        ws.append([_text_cell(book, hstyle, h) for h in headers])
        return

    upper: list[LedgerCell] = []
    lower: list[LedgerCell] = []
    upper_lines, lower_lines, tall_lines = 1, 1, 1
    index = 0
    while index < len(headers):
        group = groups[index]
        col = index + 1
        if group is None:
            upper.append(_text_cell(book, hstyle, headers[index]))
            lower.append(book.cell(hstyle))
            merge(ws, top, col, bottom, col)
            tall_lines = max(tall_lines, _lines(headers[index], chars_per_col[index]))
            index += 1
            continue
        end = index
        while end + 1 < len(headers) and groups[end + 1] == group:
            end += 1
        upper.append(_text_cell(book, hstyle, group))
        upper.extend(book.cell(hstyle) for _ in range(end - index))
        merge(ws, top, col, top, end + 1)
        upper_lines = max(upper_lines, _lines(group, sum(chars_per_col[index:end + 1])))
        for sub in range(index, end + 1):
            lower.append(_text_cell(book, hstyle, headers[sub]))
            lower_lines = max(lower_lines, _lines(headers[sub], chars_per_col[sub]))
        index = end + 1
    upper_height = upper_lines * line_height + 6
    lower_height = max(lower_lines * line_height + 6, tall_lines * line_height + 8 - upper_height)
    ws.row_dimensions[top].height = round(upper_height, 1)
    ws.row_dimensions[bottom].height = round(lower_height, 1)
    ws.append(upper)
    ws.append(lower)


def write_notes(ws: LedgerSheet, book: StyleBook, spec: LedgerSpec, geo: SheetGeometry, styles: SheetStyles,
                first_row: int) -> None:
    for offset, note in enumerate(spec.notes):
        row = first_row + offset
        ws.row_dimensions[row].height = round(spec.fonts.info_size * 2.0, 1)
        ws.append([_text_cell(book, styles.note, note)] + [book.cell(styles.note) for _ in range(geo.ncols - 1)])
        merge(ws, row, 1, row, geo.ncols)


def inline_list_ok(choices: Sequence[str]) -> bool:
    """An inline list cannot hold commas or quotes and is limited to 255 characters."""
    if any("," in c or '"' in c for c in choices):
        return False
    return len(",".join(choices)) <= INLINE_LIST_LIMIT and not any(is_formula_like(c) for c in choices)


def status_validation(formula: str, choices: Sequence[str], header: str, ranges: str) -> DataValidation:
    shown = "、".join(choices[:8]) + ("等" if len(choices) > 8 else "")
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入的状态无效",
        error=f"「{header}」只能从下拉列表中选择：{shown}。"[:ERROR_MESSAGE_LIMIT],
        showInputMessage=False,
    )
    dv.sqref = ranges  # type: ignore[assignment]
    return dv
