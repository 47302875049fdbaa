"""Write one or more 台账 sheets to an .xlsx file, streaming rows in openpyxl write-only mode.

Exports can hold 100k+ rows, so rows are consumed from any iterable and written as they come (constant memory),
and the file only appears under its final name once complete: a failed or cancelled export never leaves a half
file, nor touches an older file of the same name.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import zip_longest
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname

from desktop.atomic import atomic_path

from ._stream import LedgerCell, LedgerSheet, StyleBook, add_sheet
from .layout import (
    MAX_EXCEL_ROWS,
    ColumnStyles,
    SheetGeometry,
    SheetStyles,
    build_styles,
    geometry,
    inline_list_ok,
    merge,
    prepare_sheet,
    status_validation,
    write_header,
    write_notes,
    write_title_rows,
)
from .safe import cell_text, sheet_title
from .spec import ColumnKind, GroupRow, LedgerSpec, LedgerSpecError, SectionRow
from .values import BadValue, Converter, converter_for

ProgressCallback = Callable[[int, int | None], None]
CancelCallback = Callable[[], bool]

APP_NAME = "重点项目包保工作台"
CHOICES_SHEET = "下拉选项"


# Row height per wrapped line, as a multiple of the font size, plus padding; LibreOffice does not auto-fit row
# heights of an .xlsx on opening, so without explicit heights wrapped text would print over the next row.
LINE_SPACING = 1.25
ROW_PADDING_PT = 5.0


def text_lines(text: str, per_line: float) -> int:
    """Estimate wrapped lines: a CJK character counts 1, ASCII ½ ((utf-8 bytes + chars) / 4 gives exactly that)."""
    total = 0
    for part in text.split("\n"):
        width = (len(part.encode("utf-8")) + len(part)) / 4
        total += max(1, math.ceil(width / per_line))
    return total


class LedgerExportCancelled(Exception):
    """The user cancelled; nothing was written and any older file at the path is untouched."""


class LedgerValueError(ValueError):
    """A row value that cannot be written; the message names the sheet, row and column in Chinese."""


class _ChoiceLists:
    """Drop-down lists too long (or too comma-laden) for an inline list live on one hidden sheet."""

    def __init__(self, workbook: Workbook, taken: set[str]) -> None:
        self._workbook = workbook
        self._taken = taken
        self._lists: list[tuple[str, ...]] = []
        self.title: str | None = None

    def formula(self, choices: Sequence[str]) -> str:
        if inline_list_ok(choices):
            return '"' + ",".join(choices) + '"'
        if self.title is None:
            self.title = sheet_title(CHOICES_SHEET, self._taken)
            self._taken.add(self.title)
        key = tuple(choices)
        if key not in self._lists:
            self._lists.append(key)
        letter = get_column_letter(self._lists.index(key) + 1)
        return f"{quote_sheetname(self.title)}!${letter}$1:${letter}${len(key)}"

    def write(self) -> LedgerSheet | None:
        if self.title is None:
            return None
        ws = add_sheet(self._workbook, self.title)
        ws.sheet_state = "hidden"
        book = StyleBook(ws)
        style = book.style(font=Font(name="宋体", size=11), alignment=Alignment())
        for row in zip_longest(*self._lists):
            ws.append([book.cell(style, cell_text(v), "s") if v else book.cell(style) for v in row])
        return ws


class _Ticker:
    """Counts rows across all sheets, reports progress and polls for cancellation every ``every`` rows."""

    def __init__(self, total: int | None, every: int, progress: ProgressCallback | None,
                 cancel: CancelCallback | None) -> None:
        self.done = 0
        self.total = total
        self.every = max(1, every)
        self.next_at = self.every
        self.progress = progress
        self.cancel = cancel

    def tick(self) -> None:
        self.check()
        if self.progress is not None:
            self.progress(self.done, self.total)
        self.next_at = self.done + self.every

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise LedgerExportCancelled("导出已取消")


class _SheetWriter:
    def __init__(self, ws: LedgerSheet, spec: LedgerSpec, choices: _ChoiceLists) -> None:
        self.ws = ws
        self.spec = spec
        self.choices = choices
        self.geo: SheetGeometry = geometry(spec)
        self.book = StyleBook(ws)
        self.styles: SheetStyles = build_styles(self.book, spec)
        self.keys = spec.keys
        self.converters: tuple[Converter, ...] = tuple(converter_for(c) for c in spec.columns)
        self.data_runs: list[list[int]] = []
        # CJK characters per line of each column (0 = no wrap).  A column of w characters is 2.1w + 1 units =
        # 14.7w + 12 px, which holds w 15-px glyphs after the cell margins, in LibreOffice as in Excel.
        self.per_line: tuple[float, ...] = tuple(max(1.0, c.char_width) if c.wrap else 0.0 for c in spec.columns)
        self.line_pt = spec.fonts.body_size * LINE_SPACING

    def write(self, rows: Iterable[Any], ticker: _Ticker) -> None:
        ws, spec, geo = self.ws, self.spec, self.geo
        prepare_sheet(ws, spec, geo)
        write_title_rows(ws, self.book, spec, geo, self.styles)
        write_header(ws, self.book, spec, geo, self.styles)

        cells = [self.book.cell(s.normal) for s in self.styles.columns]
        serial_cell = self.book.cell(self.styles.serial)
        pool: list[LedgerCell] = ([serial_cell] if geo.offset else []) + cells
        plan = tuple(zip(self.converters, cells, self.styles.columns, self.keys, self.per_line, strict=True))
        line_pt = self.line_pt
        ncols = len(cells)
        keys = self.keys
        highlight = spec.highlight
        runs = self.data_runs
        append_row = ws.append_row
        last_allowed = MAX_EXCEL_ROWS - len(spec.notes)
        row_no = geo.first_data_row
        serial = 0

        for item in rows:
            if row_no > last_allowed:
                raise LedgerValueError(f"工作表「{ws.title}」超过Excel最大行数{MAX_EXCEL_ROWS}，请分表导出。")
            if isinstance(item, SectionRow):
                cells_, height = self._section_cells(item, row_no)
                append_row(cells_, height)
            else:
                if isinstance(item, Mapping):
                    values: Sequence[Any] = [item.get(k) for k in keys]
                    record: Mapping[str, Any] | None = item
                elif isinstance(item, Sequence) and not isinstance(item, str):
                    if len(item) != ncols:
                        raise LedgerValueError(
                            f"工作表「{ws.title}」第{row_no}行：应有{ncols}个值，实际为{len(item)}个。")
                    values, record = item, None
                else:
                    raise LedgerValueError(f"工作表「{ws.title}」第{row_no}行：无法识别的行数据类型。")
                marks: Any = ()
                if highlight is not None:
                    marks = highlight(record if record is not None else dict(zip(keys, values, strict=True)))
                serial += 1
                serial_cell._value = serial
                lines = 1
                for (convert, cell, variants, key, per_line), value in zip(plan, values, strict=True):
                    try:
                        text, dtype, quoted = convert(value)
                    except BadValue as exc:
                        raise self._error(row_no, key, str(exc)) from exc
                    cell._value = text
                    cell.data_type = dtype
                    if per_line and dtype == "s" and (len(text) > per_line or "\n" in text):
                        lines = max(lines, text_lines(text, per_line))
                    if marks and key in marks:
                        cell._style, cell.style_id = variants.highlight_quoted if quoted else variants.highlight
                    else:
                        cell._style, cell.style_id = variants.quoted if quoted else variants.normal
                append_row(pool, lines * line_pt + ROW_PADDING_PT)
                if runs and runs[-1][1] == row_no - 1:
                    runs[-1][1] = row_no
                else:
                    runs.append([row_no, row_no])
            row_no += 1
            ticker.done += 1
            if ticker.done >= ticker.next_at:
                ticker.tick()

        # 筛选 on the header row, as a clerk sets it on every hand-kept 台账 (by unit, by status); the notes below
        # the data stay outside the range so that filtering never hides them.
        last_row = max(row_no - 1, geo.header_bottom)
        ws.auto_filter.ref = f"A{geo.header_bottom}:{get_column_letter(geo.ncols)}{last_row}"
        write_notes(ws, self.book, spec, geo, self.styles, row_no)
        self._add_validations()

    def _error(self, row_no: int, key: str, reason: str) -> LedgerValueError:
        header = next(c.header for c in self.spec.columns if c.key == key)
        return LedgerValueError(f"工作表「{self.ws.title}」第{row_no}行「{header}」：{reason}。")

    def _section_cells(self, item: SectionRow, row_no: int) -> tuple[list[LedgerCell], float]:
        geo, book, styles = self.geo, self.book, self.styles
        values = [item.values.get(k) for k in self.keys]
        first = next((i for i, v in enumerate(values) if v is not None), None)
        span = geo.ncols if first is None else geo.offset + first
        if span < 1:
            raise LedgerValueError(
                f"工作表「{self.ws.title}」第{row_no}行：合计/分组行「{item.label}」在第一列有数值，没有位置写标签。")
        label_style = styles.label_left if isinstance(item, GroupRow) else styles.label_center
        label = cell_text(item.label)
        row = [book.cell(label_style, label or None, "s" if label else "n")]
        row += [book.cell(label_style) for _ in range(span - 1)]
        for index in range(span - geo.offset, len(values)):
            variants: ColumnStyles = styles.columns[index]
            try:
                value, dtype, quoted = self.converters[index](values[index])
            except BadValue as exc:
                raise self._error(row_no, self.keys[index], str(exc)) from exc
            row.append(book.cell(variants.section_quoted if quoted else variants.section, value, dtype))
        if span > 1:
            merge(self.ws, row_no, 1, row_no, span)
        widths = ([self.spec.serial_width] if geo.offset else []) + [c.char_width for c in self.spec.columns]
        lines = text_lines(label, max(1.0, sum(widths[:span]) - 0.5)) if label else 1
        return row, lines * self.line_pt + ROW_PADDING_PT

    def _add_validations(self) -> None:
        if not self.data_runs:
            return
        for index, column in enumerate(self.spec.columns):
            if column.kind is not ColumnKind.STATUS:
                continue
            choices = self.spec.choices_for(column)
            if not choices:
                continue
            letter = get_column_letter(index + 1 + self.geo.offset)
            ranges = " ".join(f"{letter}{a}:{letter}{b}" for a, b in self.data_runs)
            self.ws.data_validations.append(
                status_validation(self.choices.formula(choices), choices, column.header, ranges))


def _total(pairs: Sequence[tuple[LedgerSpec, Iterable[Any]]]) -> int | None:
    total = 0
    for _, rows in pairs:
        if not hasattr(rows, "__len__"):
            return None
        total += len(rows)  # type: ignore[arg-type]
    return total


def write_ledger(path: str | os.PathLike[str],
                 specs_and_rows: Iterable[tuple[LedgerSpec, Iterable[Any]]],
                 progress: ProgressCallback | None = None,
                 cancel: CancelCallback | None = None,
                 *, progress_every: int = 500) -> int:
    """Write each (spec, rows) pair as one sheet and return the number of rows written.

    Rows are mappings keyed by column key, sequences in column order (序号 excluded) or :class:`SectionRow`
    (group heading / 小计 / 合计).  ``progress(done, total)`` is called every ``progress_every`` rows and at the end
    (``total`` is None when the row iterables have no length); ``cancel()`` is polled at the same points and,
    when it returns True, :class:`LedgerExportCancelled` is raised after removing every partial file.
    """
    target = Path(path)
    pairs = list(specs_and_rows)
    if not pairs:
        raise LedgerSpecError("没有要导出的台账工作表。")
    ticker = _Ticker(_total(pairs), progress_every, progress, cancel)
    workbook = Workbook(write_only=True)
    workbook.properties.creator = APP_NAME
    sheets: list[LedgerSheet] = []
    taken: set[str] = set()
    choices = _ChoiceLists(workbook, taken)

    try:
        with atomic_path(target) as tmp:
            ticker.check()
            for spec, rows in pairs:
                title = sheet_title(spec.sheet_name, taken)
                taken.add(title)
                ws = add_sheet(workbook, title)
                sheets.append(ws)
                _SheetWriter(ws, spec, choices).write(rows, ticker)
            hidden = choices.write()
            if hidden is not None:
                sheets.append(hidden)
            ticker.check()
            workbook.save(str(tmp))
    except BaseException:
        for ws in sheets:
            with contextlib.suppress(Exception):
                ws.discard()
        raise
    if progress is not None:
        progress(ticker.done, ticker.total)
    return ticker.done

