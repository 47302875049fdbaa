"""Writing a `FillPlan` into the template's own sheet, in the template's own look.

Each written row takes the look of the template row of its kind (the first record row, the 一、 or （一） heading,
the 小计, the 合计): cell styles, row height, the heading's merged cells, and its formulas. A 小计 or 合计 formula
over the template's blank rows becomes the same formula over the rows filled (SUM(D6:D20) → SUM(D6:D9,D11:D15)
when group headings sit between them); a formula on the row itself (=F9/E9) moves with the row. Amounts are
written in the template's unit, percentages as the column expects them, text always as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import copy
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.formula.translate import Translator
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exporters.template_fill.body import replace_body
from desktop.exporters.template_fill.prototypes import Prototype, SharedStyle, prototypes
from desktop.exporters.template_fill.references import RowMap, cell_refs, range_operands, replace_body_ranges
from desktop.exporters.template_fill.texts import rewrite_texts
from desktop.exporters.xlsx.ledger import ROW_PADDING_PT, text_lines
from desktop.exporters.xlsx.safe import cell_text, is_formula_like, put_text
from desktop.services.templates.catalog import ValueKind
from desktop.services.templates.layout import FORMULA, ColumnFill, FillPlan, PlanRow, RowRole, TemplateLayout

ProgressCallback = Callable[[int, int | None], None]
CancelCallback = Callable[[], bool]
Converter = Callable[[Any], "tuple[Any, str, bool] | None"]
_new_cell = _new = object.__new__
UNIT_DIVISORS = {"元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000}
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
MAX_SUM_RANGES = 250  # Excel takes at most 255 arguments
_PLAIN_SUM = re.compile(r"^=\s*\$?[A-Za-z]{1,3}\$?\d+(?:\s*\+\s*\$?[A-Za-z]{1,3}\$?\d+)+\s*$")
_BLANK_ROW = {k: v for k, v in RowDimension(None).__dict__.items() if k != "index"}  # a new row's attributes


def _set_height(ws: Worksheet, number: int, height: float) -> None:
    """A row's height set as `ws.row_dimensions[number].height = height` sets it, the row's dimension made
    without RowDimension's constructor (ten type-checked attributes): every filled row gets its height, and
    2,000 constructions cost more than writing the rows' cells."""
    dims = ws.row_dimensions
    dim = dims.get(number)
    if dim is None:
        dim = _new(RowDimension)
        dim.parent, dim._style = ws, None
        dim.__dict__.update(_BLANK_ROW, index=number)
        dims[number] = dim
    dim.height = height


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _ranges(letter: str, rows: Sequence[int]) -> str | None:
    runs = _runs(rows)
    if not runs or len(runs) > MAX_SUM_RANGES:
        return None
    return ",".join(f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in runs)


def _coverage(rows: Sequence[PlanRow], start: int) -> dict[int, list[int]]:
    """Sheet row of each heading, 小计 and 合计 → the sheet rows of the records it sums."""
    numbers = [start + i for i in range(len(rows))]
    covered: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        if row.role is RowRole.TOTAL:
            covered[numbers[i]] = [n for n, r in zip(numbers, rows, strict=True) if r.role is RowRole.RECORD]
        elif row.role is RowRole.GROUP:
            mine = []
            for j in range(i + 1, len(rows)):
                other = rows[j]
                if other.role is RowRole.TOTAL or (other.role is RowRole.GROUP and other.level <= row.level):
                    break
                if other.role is RowRole.RECORD:
                    mine.append(numbers[j])
            covered[numbers[i]] = mine
        elif row.role is RowRole.SUBTOTAL:
            mine = []
            for j in range(i - 1, -1, -1):
                if rows[j].role is not RowRole.RECORD:
                    break
                mine.append(numbers[j])
            covered[numbers[i]] = sorted(mine)
    return covered


class _Writer:
    def __init__(self, workbook: Workbook, layout: TemplateLayout, plan: FillPlan) -> None:
        self.ws = workbook[layout.sheet]
        self.workbook = workbook
        self.layout = layout
        self.plan = plan
        self.notes: list[str] = []
        self.units = {c.index: c.unit for c in layout.columns}
        self.protos = prototypes(self.ws, layout)
        self.old = RowMap(layout.body_start, layout.body_end, len(plan.rows))
        self.record_formulas = {c.index: c.formula for c in layout.columns if c.formula}
        self.label_column = self._label_column()
        self.record_columns = self._record_columns()

    def _label_column(self) -> int:
        texts = ("name", "project", "text", "description", "enterprise")
        for code in texts:
            for fill in self.plan.columns:
                if fill.field == code:
                    return fill.index
        return next((c.index for c in self.layout.columns if c.label), 0)

    def run(self, progress: ProgressCallback | None, cancel: CancelCallback | None) -> list[str]:
        from desktop.exporters.xlsx import LedgerExportCancelled

        replace_body(self.workbook, self.ws, self.old)
        coverage = _coverage(self.plan.rows, self.old.start)
        total = len(self.plan.rows)
        for i, row in enumerate(self.plan.rows):
            if i % 200 == 0:
                if cancel is not None and cancel():
                    raise LedgerExportCancelled
                if progress is not None:
                    progress(i, total)
            if row.role is RowRole.RECORD:
                self._write_record(self.old.start + i, row)
            else:
                self._write_row(self.old.start + i, row, coverage.get(self.old.start + i, []))
        rewrite_texts(self.ws, self.layout, self.plan)
        if progress is not None:
            progress(total, total)
        return self.notes

    def _write_row(self, number: int, row: PlanRow, covered: list[int]) -> None:
        proto = self.protos[(row.role, row.level if row.role is RowRole.GROUP else 0)]
        ws = self.ws
        for column, style in proto.styles.items():
            ws.cell(number, column)._style = copy(style)
        height = proto.height
        label_column = proto.label_column if proto.label_column is not None else self.label_column
        for fill in self.plan.columns:
            if proto.covered(fill.index + 1) or (row.role is not RowRole.RECORD and fill.index == label_column):
                continue
            self._write_cell(ws.cell(number, fill.index + 1), number, row, fill, proto, covered)
        if row.role is not RowRole.RECORD:
            put_text(ws.cell(number, label_column + 1), row.label)
        if proto.wrap:
            height = self._height(number, proto, height)
        if height is not None:
            _set_height(ws, number, height)
        for first, last in proto.merges:
            ws.merge_cells(start_row=number, start_column=first, end_row=number, end_column=last)

    def _record_columns(self) -> list[tuple[int, Any, ColumnFill | None, Any, Any, Converter | None]]:
        """Per column of a record row: (column, style, fill, the style for a value, the style for quoted text,
        the converter), worked out once, so 2,000 rows are written with plain attribute stores."""
        proto = self.protos[(RowRole.RECORD, 0)]
        fills = {f.index + 1: f for f in self.plan.columns}
        width = max([*proto.styles, *fills], default=0)
        probe = Cell(self.ws, row=1, column=1)
        blank = copy(probe._style)
        columns = []
        for column in range(1, width + 1):
            style = proto.styles.get(column, blank)
            fill = fills.get(column)
            value_style = quoted_style = style
            converter = None
            if fill is not None and fill.field != FORMULA:
                probe._style = copy(style)
                wanted = self._value_format(fill, probe.number_format)
                if wanted is not None:
                    probe.number_format = wanted
                value_style = copy(probe._style)
                probe.quotePrefix = True
                quoted_style = copy(probe._style)
                converter = self._converter(fill)
            columns.append((column, SharedStyle(style), fill, SharedStyle(value_style), SharedStyle(quoted_style),
                            converter))
        return columns

    def _value_format(self, fill: ColumnFill, current: str) -> str | None:
        general = current == "General"
        if fill.kind is ValueKind.MONEY:
            divisor = UNIT_DIVISORS[self.layout.amount_unit(self.layout.column(fill.index))]
            return ("0" if divisor == 1 else "0.00") if general else None
        if fill.kind is ValueKind.PERCENT:
            if self.units.get(fill.index) == "%":
                return "0.00" if general else None
            return "0.00%" if general or "%" not in current else None
        if fill.kind is ValueKind.DATE:
            return DATE_FORMAT if general or not _is_date_format(current) else None
        return None

    def _converter(self, fill: ColumnFill) -> Converter:
        """value → (cell value, data type, formula-like text), or None for an empty cell."""
        kind = fill.kind
        if kind is ValueKind.MONEY:
            divisor = UNIT_DIVISORS[self.layout.amount_unit(self.layout.column(fill.index))]
            return lambda v: None if v is None else ((v if divisor == 1 else v / divisor), "n", False)
        if kind is ValueKind.PERCENT:
            scale = 1 if self.units.get(fill.index) == "%" else 100
            return lambda v: None if v is None else (float(Decimal(v) / scale), "n", False)
        if kind is ValueKind.INT:
            return lambda v: None if v is None or v == "" else (int(v), "n", False)

        def text(value: Any) -> tuple[Any, str, bool] | None:
            if value is None or value == "":
                return None
            if kind is ValueKind.DATE and isinstance(value, date):
                return value, "d", False
            clean = cell_text(value)
            return (clean, "s", is_formula_like(clean)) if clean else None

        return text

    def _write_record(self, number: int, row: PlanRow) -> None:
        ws, cells, values = self.ws, self.ws._cells, row.values
        proto = self.protos[(RowRole.RECORD, 0)]
        wraps = proto.wrap
        lines, line_pt = 1, 0.0
        for column, style, fill, value_style, quoted_style, convert in self.record_columns:
            # Cells are made without Cell.__init__ (which copies the style array): the style arrays are shared by
            # a column's cells, and nothing changes a record cell's style afterwards.
            cell = _new_cell(Cell)
            cell.parent, cell.row, cell.column = ws, number, column
            cell._hyperlink = cell._comment = None
            cells[(number, column)] = cell
            converted = convert(values.get(fill.field)) if convert is not None else None  # type: ignore[union-attr]
            if converted is None:
                cell._style, cell._value, cell.data_type = style, None, "n"
                if fill is not None and fill.field == FORMULA:
                    cell._style = copy(style)
                    origin, letter = self.layout.record_rows[0].row, cell.column_letter
                    cell.value = Translator(self.record_formulas[fill.index], f"{letter}{origin}").translate_formula(
                        f"{letter}{number}")
                continue
            value, cell.data_type, quoted = converted
            cell._value = value
            cell._style = quoted_style if quoted else value_style
            wrap = wraps.get(column)
            if wrap is not None and cell.data_type == "s" and (len(value) > wrap[0] or "\n" in value):
                lines = max(lines, text_lines(value, wrap[0]))
                line_pt = max(line_pt, wrap[1])
        height = proto.height if lines == 1 else max(proto.height or 0.0, round(lines * line_pt + ROW_PADDING_PT, 1))
        if height is not None:
            _set_height(ws, number, height)

    def _height(self, number: int, proto: Prototype, height: float | None) -> float | None:
        lines, line_pt = 1, 0.0
        for column, (chars, pt) in proto.wrap.items():
            cell = self.ws._cells.get((number, column))
            value = cell.value if cell is not None else None
            if isinstance(value, str) and (len(value) > chars or "\n" in value) and not value.startswith("="):
                lines = max(lines, text_lines(value, chars))
                line_pt = max(line_pt, pt)
        if lines == 1:
            return height
        return max(height or 0.0, round(lines * line_pt + ROW_PADDING_PT, 1))

    def _write_cell(self, cell: Any, number: int, row: PlanRow, fill: ColumnFill, proto: Prototype,
                    covered: list[int]) -> None:
        if isinstance(cell, MergedCell):
            return
        letter = cell.column_letter
        if row.role is RowRole.RECORD:
            if fill.field == FORMULA:
                origin = self.layout.record_rows[0].row
                cell.value = Translator(self.record_formulas[fill.index], f"{letter}{origin}").translate_formula(
                    f"{letter}{number}")
            else:
                self._put_value(cell, fill, row.values.get(fill.field))
            return
        formula = proto.formulas.get(fill.index)
        if formula is None and fill.field == FORMULA:
            formula = self.record_formulas.get(fill.index)
            origin = self.layout.record_rows[0].row if self.layout.record_rows else None
            if formula is not None and origin is not None and _same_row(formula, origin):
                cell.value = Translator(formula, f"{letter}{origin}").translate_formula(f"{letter}{number}")
            return
        if formula is not None and proto.row is not None:
            rewritten = self._structural_formula(formula, proto.row, number, letter, covered)
            if rewritten is not None:
                cell.value = rewritten
                if cell.number_format == "General":
                    cell.number_format = self._number_format(fill)
                return
        if fill.field != FORMULA and (fill.summed or fill.rolled):
            self._put_value(cell, fill, row.values.get(fill.field))

    def _structural_formula(self, formula: str, origin: int, number: int, letter: str,
                            covered: list[int]) -> str | None:
        start, end = self.layout.body_start, self.layout.body_end
        inside = [op for op in range_operands(formula) if not op[0] and start <= op[2] and op[3] <= end]
        if inside:
            if not covered:
                return None
            if any(_ranges(col, covered) is None for _p, col, _a, _b in inside):
                return None
            return replace_body_ranges(formula, start, end, lambda col: _ranges(col, covered) or "")
        refs = cell_refs(formula)
        if refs and all(not prefix and start <= r <= end for prefix, _c, r in refs) and _PLAIN_SUM.match(formula):
            ranges = _ranges(letter, covered)
            return None if ranges is None else f"=SUM({ranges})"
        if all(r == origin for _p, _c, r in refs):
            return Translator(formula, f"{letter}{origin}").translate_formula(f"{letter}{number}")
        self.notes.append(f"第{number}行{letter}列沿用了模板公式 {formula}（按行平移），请核对")
        return Translator(formula, f"{letter}{origin}").translate_formula(f"{letter}{number}")

    def _number_format(self, fill: ColumnFill) -> str:
        """A 小计/合计 formula cell without a format of its own shows numbers like the record rows of its column."""
        record = self.protos[(RowRole.RECORD, 0)].styles.get(fill.index + 1)
        if record is not None:
            probe = Cell(self.ws, row=1, column=1)
            probe._style = copy(record)
            if probe.number_format != "General":
                return probe.number_format
        if fill.kind is ValueKind.MONEY:
            return "0.00"
        if fill.kind is ValueKind.PERCENT:
            return "0.00" if self.units.get(fill.index) == "%" else "0.00%"
        return "General"

    def _put_value(self, cell: Any, fill: ColumnFill, value: Any) -> None:
        if value is None or value == "":
            cell.value = None
            return
        kind = fill.kind
        general = cell.number_format == "General"
        if kind is ValueKind.MONEY:
            unit = self.layout.amount_unit(self.layout.column(fill.index))
            divisor = UNIT_DIVISORS[unit]
            cell.value = value if divisor == 1 else value / divisor
            if general:
                cell.number_format = "0" if divisor == 1 else "0.00"
        elif kind is ValueKind.PERCENT:
            percent = Decimal(value)
            if self.units.get(fill.index) == "%":
                cell.value = float(percent)
                if general:
                    cell.number_format = "0.00"
            else:
                cell.value = float(percent / 100)
                if general or "%" not in cell.number_format:
                    cell.number_format = "0.00%"
        elif kind is ValueKind.INT:
            cell.value = int(value)
        elif kind is ValueKind.DATE and isinstance(value, date):
            cell.value = value
            if general or not _is_date_format(cell.number_format):
                cell.number_format = DATE_FORMAT
        else:
            put_text(cell, value)


def _same_row(formula: str, row: int) -> bool:
    return all(r == row for _p, _c, r in cell_refs(formula))


def _is_date_format(fmt: str) -> bool:
    lowered = fmt.lower()
    return any(token in lowered for token in ("yy", "m/d", "d/m", "年", "月"))


def fill_workbook(workbook: Workbook, layout: TemplateLayout, plan: FillPlan,
                  progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> list[str]:
    """Write `plan` into `workbook` (mutated in place); returns notes on formulas the user should check."""
    return _Writer(workbook, layout, plan).run(progress, cancel)
