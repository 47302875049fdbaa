"""The common shape every source format is read into before header detection."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

# Sheet names that hold instructions rather than data (填表说明 sheets ship with most
# templates handed down by upper levels).
NOTE_SHEET_NAMES = frozenset({"说明", "填表说明", "填报说明", "使用说明", "注意事项", "指标解释", "修订说明", "目录"})


@dataclass
class SheetGrid:
    """One sheet as a rectangle of plain values.

    `rows[i]` is Excel row i + 1 and every row has `width` cells, so (row number, column
    index) addresses a cell without bookkeeping; merged ranges are already filled with their
    top-left value. Column indexes are 0-based everywhere in the importer.
    """

    name: str
    rows: list[list[Any]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # (Excel row, column index) of formulas saved without a computed value.
    uncached_formulas: set[tuple[int, int]] = field(default_factory=set)
    skip_reason: str | None = None
    source_note: str | None = None
    # Rows (Excel numbers) and 0-based columns hidden in Excel: read like the others, named in the preview.
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def value(self, row: int, column: int) -> Any:
        """Cell at Excel row number `row` and 0-based `column`, None outside the grid."""
        if 1 <= row <= len(self.rows) and 0 <= column < self.width:
            return self.rows[row - 1][column]
        return None


def column_letter(column: int) -> str:
    """Excel letter of a 0-based column index, used in messages (第5行 H列)."""
    return get_column_letter(column + 1)


def pad_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """Make all rows the same width and drop trailing all-empty columns and rows."""
    width = 0
    for row in rows:
        for index in range(len(row) - 1, -1, -1):
            if row[index] is not None:
                width = max(width, index + 1)
                break
    last = len(rows)
    while last and not any(v is not None for v in rows[last - 1]):
        last -= 1
    result = []
    for row in rows[:last]:
        if len(row) < width:
            row = list(row) + [None] * (width - len(row))
        elif len(row) > width:
            row = list(row[:width])
        result.append(row)
    return result


def fill_merged(rows: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's top-left value into every cell it covers.

    A project name merged down over its three issues must appear on all three rows, and a
    parent header merged across its sub-columns must sit above each of them.
    """
    height = len(rows)
    width = len(rows[0]) if rows else 0
    for min_row, min_col, max_row, max_col in merged:
        if min_row > height or min_col > width:
            continue
        top_left = rows[min_row - 1][min_col - 1]
        if top_left is None:
            continue
        for r in range(min_row, min(max_row, height) + 1):
            row = rows[r - 1]
            for c in range(min_col, min(max_col, width) + 1):
                row[c - 1] = top_left
