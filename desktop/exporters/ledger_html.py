"""A 台账 as an HTML table for Qt's print preview and PDF (QTextDocument), from the same sheet as the xlsx export.

The sheet (`ledgers.*_sheet`) is the one the xlsx writer takes, and every cell goes through the xlsx toolkit's
own converters, so paper, PDF and Excel show the same rows, numbers and dates: 万元 with two decimals, ratios as
97.06%, dates as 2026年6月30日, status codes as their Chinese labels, overdue cells in red. Group, 小计 and 合计
rows span from the 序号 column to their first figure, as in Excel. The header is a `<thead>`, which Qt repeats on
every printed page; the title and 填报单位/填报日期 line come first, the notes last, as on the sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from html import escape
from typing import Any

from desktop.exporters.xlsx import GroupRow, LedgerColumn, LedgerSpec, SectionRow, cell_text
from desktop.exporters.xlsx.spec import ColumnKind
from desktop.exporters.xlsx.values import BadValue, chinese_date, converter_for

BODY_FONT = "font-family: 'SimSun', '宋体', 'Noto Serif CJK SC', serif;"
TITLE_FONT = "font-family: '方正小标宋简体', 'SimHei', 'Noto Serif CJK SC', serif; font-weight: bold;"
HEADER_FONT = "font-family: 'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif; font-weight: bold;"
HEADER_BG = "#f2f2f2"  # the sheet's header fill
SECTION_BG = "#f7f7f7"
HIGHLIGHT = "color: #c00000; background-color: #ffc7ce;"  # the sheet's highlight font and fill
# A date or a figure is never broken over two lines on paper (2026年11月<br>23日 reads as two values); the text
# columns give way instead.
UNBROKEN = frozenset({ColumnKind.DATE, ColumnKind.INT, ColumnKind.MONEY_WAN, ColumnKind.PERCENT})
NOWRAP = " white-space: nowrap;"
# Excel prints the sheet scaled to the page width (fitToWidth=1): a column of w characters is about 14.7w + 7 px
# at 96 dpi with 11 pt text. The printed table takes the same scale, so it keeps the sheet's proportions.
SHEET_PT = 11
PAGE_WIDTH_MM = 267  # A4 landscape less the sheet's 15 mm side margins
PAGE_WIDTHS_MM = {"A4": PAGE_WIDTH_MM, "A3": 390}  # landscape, less 2 × 15 mm: the paper the workbook chose
MAX_BODY_PT = 10.5
MIN_BODY_PT = 6
TITLE_PT = 16
INFO_PT = 10


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def cell_display(column: LedgerColumn, value: Any) -> str:
    """The cell as Excel shows it with the sheet's number format; raises `BadValue` as the xlsx writer would."""
    shown, dtype, _quoted = converter_for(column)(value)
    if shown is None:
        return ""
    if dtype == "d":
        return chinese_date(shown.date() if isinstance(shown, datetime) else shown)
    if dtype == "s":
        return str(shown)
    if column.kind is ColumnKind.MONEY_WAN:
        return f"{shown:.0f}" if column.format == "0" else f"{shown:.2f}"
    if column.kind is ColumnKind.PERCENT:
        return f"{shown:.2%}"
    return str(shown)


def body_pt(spec: LedgerSpec, page_width_mm: float = PAGE_WIDTH_MM) -> float:
    """The table's text size: the sheet's 11 pt at Excel's fit-to-width scale (capped for narrow sheets)."""
    widths = ([spec.serial_width] if spec.serial_header is not None else []) + [c.char_width for c in spec.columns]
    sheet_pt = sum(14.7 * w + 7 for w in widths) * 0.75
    page_pt = page_width_mm / 25.4 * 72
    return round(max(MIN_BODY_PT, min(MAX_BODY_PT, SHEET_PT * page_pt / sheet_pt)), 1)


def _date_text(day: date | None) -> str:
    return chinese_date(day) if day is not None else ""


class _Table:
    def __init__(self, spec: LedgerSpec) -> None:
        self.spec = spec
        self.serial = spec.serial_header is not None
        widths = ([spec.serial_width] if self.serial else []) + [c.char_width for c in spec.columns]
        total = sum(widths)
        self.percents = [w * 100 / total for w in widths]
        self.ncols = len(widths)
        self.parts: list[str] = []
        self.data_rows = 0

    def header(self) -> str:
        spec = self.spec
        cells: list[tuple[str, str | None, float]] = ([(spec.serial_header or "", None, self.percents[0])]
                                                      if self.serial else [])
        cells += [(c.header, c.group, p) for c, p in zip(spec.columns, self.percents[int(self.serial):], strict=True)]
        style = f'style="{HEADER_FONT} background-color: {HEADER_BG};" align="center" valign="middle"'
        if not spec.two_level:
            return "<tr>" + "".join(f'<th width="{p:.1f}%" {style}>{_text(h)}</th>' for h, _g, p in cells) + "</tr>"
        upper, lower = [], []
        index = 0
        while index < len(cells):
            head, group, percent = cells[index]
            if group is None:
                upper.append(f'<th rowspan="2" width="{percent:.1f}%" {style}>{_text(head)}</th>')
                index += 1
                continue
            end = index
            while end + 1 < len(cells) and cells[end + 1][1] == group:
                end += 1
            upper.append(f'<th colspan="{end - index + 1}" {style}>{_text(group)}</th>')
            lower += [f'<th width="{p:.1f}%" {style}>{_text(h)}</th>' for h, _g, p in cells[index:end + 1]]
            index = end + 1
        return f"<tr>{''.join(upper)}</tr><tr>{''.join(lower)}</tr>"

    def _error(self, row_no: int, key: str, reason: str) -> ValueError:
        header = next(c.header for c in self.spec.columns if c.key == key)
        return ValueError(f"台账「{self.spec.title}」第{row_no}行「{header}」：{reason}。")

    def section(self, item: SectionRow, row_no: int) -> None:
        columns = self.spec.columns
        values = [item.values.get(c.key) for c in columns]
        first = next((i for i, v in enumerate(values) if v is not None), None)
        span = self.ncols if first is None else int(self.serial) + first
        align = "left" if isinstance(item, GroupRow) else "center"
        cells = [f'<td colspan="{max(span, 1)}" align="{align}"><b>{_text(cell_text(item.label))}</b></td>']
        for index in range(span - int(self.serial), len(columns)):
            column = columns[index]
            try:
                shown = cell_display(column, values[index])
            except BadValue as exc:
                raise self._error(row_no, column.key, str(exc)) from exc
            cells.append(f'<td align="{column.alignment}"><b>{_text(shown)}</b></td>')
        self.parts.append(f'<tr style="background-color: {SECTION_BG};">{"".join(cells)}</tr>')

    def record(self, item: Mapping[str, Any] | Sequence[Any], row_no: int) -> None:
        spec = self.spec
        keys = spec.keys
        if isinstance(item, Mapping):
            values: Sequence[Any] = [item.get(k) for k in keys]
            record: Mapping[str, Any] = item
        else:
            if len(item) != len(keys):
                raise ValueError(f"台账「{spec.title}」第{row_no}行：应有{len(keys)}个值，实际为{len(item)}个。")
            values, record = item, dict(zip(keys, item, strict=True))
        marks = spec.highlight(record) if spec.highlight is not None else ()
        self.data_rows += 1
        cells = [f'<td align="center">{self.data_rows}</td>'] if self.serial else []
        for column, value in zip(spec.columns, values, strict=True):
            try:
                shown = cell_display(column, value)
            except BadValue as exc:
                raise self._error(row_no, column.key, str(exc)) from exc
            style = (HIGHLIGHT if column.key in marks else "") + (NOWRAP if column.kind in UNBROKEN else "")
            style = f' style="{style}"' if style else ""
            cells.append(f'<td align="{column.alignment}"{style}>{_text(shown)}</td>')
        self.parts.append(f"<tr>{''.join(cells)}</tr>")


def ledger_html(spec: LedgerSpec, rows: Iterable[Any], page_width_mm: float = PAGE_WIDTH_MM) -> str:
    """The whole 台账 as one HTML document (title, 填报单位 line, table, notes) for a page `page_width_mm` wide.

    Hidden columns (not chosen for print, or empty in every row) are left out, as the sheet does not print them.
    """
    if any(c.hidden for c in spec.columns):
        keys = spec.keys
        rows = (dict(zip(keys, r, strict=True)) if isinstance(r, Sequence) and not isinstance(r, (str, SectionRow))
                else r for r in rows)
        spec = replace(spec, columns=tuple(c for c in spec.columns if not c.hidden))
    table = _Table(spec)
    for row_no, item in enumerate(rows, start=1):
        if isinstance(item, SectionRow):
            table.section(item, row_no)
        elif isinstance(item, Mapping) or (isinstance(item, Sequence) and not isinstance(item, str)):
            table.record(item, row_no)
        else:
            raise ValueError(f"台账「{spec.title}」第{row_no}行：无法识别的行数据类型。")
    if not table.parts:
        table.parts.append(f'<tr><td colspan="{table.ncols}" align="center">（无数据）</td></tr>')
    unit = f"{spec.unit_label}{spec.unit}" if spec.unit else ""
    when = f"{spec.date_label}{_date_text(spec.report_date)}" if spec.report_date else ""
    notes = "".join(f'<p style="font-size: {INFO_PT}pt; margin-top: 4pt;">{_text(cell_text(n))}</p>'
                    for n in spec.notes)
    return (f'<html><body style="{BODY_FONT} font-size: {body_pt(spec, page_width_mm)}pt;">'
            f'<p align="center" style="{TITLE_FONT} font-size: {TITLE_PT}pt; margin-bottom: 6pt;">'
            f"{_text(cell_text(spec.title))}</p>"
            f'<table width="100%" cellspacing="0" cellpadding="0" style="font-size: {INFO_PT}pt;"><tr>'
            f'<td align="left">{_text(unit)}</td><td align="right">{_text(when)}</td></tr></table>'
            '<table width="100%" border="1" cellspacing="0" cellpadding="2" '
            'style="border-collapse: collapse; border-color: #000000; margin-top: 4pt;">'
            f"<thead>{table.header()}</thead>{''.join(table.parts)}</table>{notes}</body></html>")
