"""The look of each kind of row, taken from the template before its body is cleared.

A record row looks like the template's first record row; a 一、 or （一） heading like the template's heading of
that level (or the record row made bold, when the form has none); 小计 and 合计 like theirs. Each look holds the
cells' styles, the row height, the heading's merged cells, its formulas, and which columns wrap (LibreOffice does
not grow row heights of an .xlsx on opening, so the writer sets them, as the ledger writer does).
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exporters.xlsx.layout import CELL_PADDING_UNITS, UNITS_PER_CJK_CHAR
from desktop.exporters.xlsx.ledger import LINE_SPACING
from desktop.services.templates.layout import RowRole, TemplateLayout

DEFAULT_WIDTH = 8.43  # Excel's default column width in character units


class SharedStyle(StyleArray):
    """A style array shared by a column's record cells, hashed once: saving looks every cell's style up by hash."""

    __slots__ = ("_hash",)

    def __new__(cls, style: StyleArray) -> SharedStyle:
        self = StyleArray.__new__(cls, style)
        self._hash = hash(tuple(self))
        return self

    def __hash__(self) -> int:
        return self._hash


@dataclass
class Prototype:
    """The look of one kind of row, captured before the body is cleared."""

    row: int | None
    styles: dict[int, Any] = field(default_factory=dict)  # 1-based column → StyleArray
    height: float | None = None
    merges: list[tuple[int, int]] = field(default_factory=list)  # (first, last) 1-based columns
    formulas: dict[int, str] = field(default_factory=dict)  # 0-based column → formula
    label_column: int | None = None
    wrap: dict[int, tuple[float, float]] = field(default_factory=dict)  # 1-based column → (chars a line, pt a line)

    def covered(self, column: int) -> bool:
        """A 1-based column hidden under a merge (not its first cell)."""
        return any(first < column <= last for first, last in self.merges)


def _capture(ws: Worksheet, row: int, width: int, label_column: int | None, formulas: dict[int, str]) -> Prototype:
    proto = Prototype(row, label_column=label_column, formulas=dict(formulas))
    for column in range(1, width + 1):
        cell = ws._cells.get((row, column))
        if cell is not None and cell.has_style:
            proto.styles[column] = copy(cell._style)
    dim = ws.row_dimensions.get(row)
    proto.height = dim.height if dim is not None else None
    proto.merges = [(m.min_col, m.max_col) for m in ws.merged_cells.ranges if m.min_row == m.max_row == row]
    return proto


def _restyled(ws: Worksheet, style: Any, *, bold: bool) -> Any:
    """`style` with its font made bold or plain, through a cell that is not on the sheet."""
    probe = Cell(ws, row=1, column=1)
    if style is not None:
        probe._style = copy(style)
    font = probe.font
    probe.font = Font(name=font.name, size=font.size, bold=bold, color=font.color)
    return copy(probe._style)


def _bold(ws: Worksheet, base: Prototype, width: int, *, bold: bool = True) -> Prototype:
    """A heading look made from the record row when the template has no heading row of that kind."""
    styles = {column: _restyled(ws, base.styles.get(column), bold=bold) for column in range(1, width + 1)}
    return Prototype(None, styles=styles, height=base.height)


def prototypes(ws: Worksheet, layout: TemplateLayout) -> dict[tuple[RowRole, int], Prototype]:
    width = len(layout.columns)
    records = layout.record_rows
    if records:
        record = _capture(ws, records[0].row, width, None, {})
    else:  # no body row at all: the look of the header's lowest row, not bold
        record = _bold(ws, _capture(ws, layout.header_last_row, width, None, {}), width, bold=False)
    protos = {(RowRole.RECORD, 0): record}
    bold = _bold(ws, record, width)
    for level in (1, 2):
        rows = layout.rows_of(RowRole.GROUP, level) or layout.rows_of(RowRole.GROUP)
        protos[(RowRole.GROUP, level)] = (_capture(ws, rows[0].row, width, rows[0].label_column, rows[0].formulas)
                                          if rows else bold)
    for role in (RowRole.SUBTOTAL, RowRole.TOTAL):
        rows = layout.rows_of(role) or layout.rows_of(RowRole.TOTAL) or layout.rows_of(RowRole.SUBTOTAL)
        protos[(role, 0)] = _capture(ws, rows[0].row, width, rows[0].label_column, rows[0].formulas) if rows else bold
    return {key: _measure(ws, proto) for key, proto in protos.items()}


def _measure(ws: Worksheet, proto: Prototype) -> Prototype:
    """Which columns wrap, and how many characters fit a line: LibreOffice does not grow row heights of an .xlsx
    on opening, so the writer sets them (as the ledger writer does)."""
    probe = Cell(ws, row=1, column=1)
    for column, style in proto.styles.items():
        probe._style = copy(style)
        if probe.alignment.wrap_text:
            size = float(probe.font.size or 11)
            width = ws.column_dimensions[get_column_letter(column)].width or DEFAULT_WIDTH
            chars = max(1.0, (width - CELL_PADDING_UNITS) / (UNITS_PER_CJK_CHAR * size / 11))
            proto.wrap[column] = (chars, size * LINE_SPACING)
    return proto
