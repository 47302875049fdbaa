"""Re-pointing cell references when a template's table body grows or shrinks.

openpyxl's `insert_rows` moves cells but leaves formulas, merged ranges, data validation, conditional formats,
print areas and defined names pointing at the old rows. Here every reference into the sheet is mapped through one
rule (`RowMap`): rows above the body stay, rows below move by the body's change in length, and a range that covers
part of the old body covers the whole new body, so a validation list or a total over the blank rows of the form
spans exactly the rows that were filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.formula.tokenizer import Token, Tokenizer

_CELL = re.compile(r"^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$")
_ROWS = re.compile(r"^(\$?)(\d+)$")


@dataclass(frozen=True)
class RowMap:
    """Old body rows `start..end` become `start..start + length - 1`; `length` may be 0 (an empty body)."""

    start: int
    end: int
    length: int

    @property
    def delta(self) -> int:
        return self.length - (self.end - self.start + 1)

    @property
    def new_end(self) -> int:
        return self.start + max(self.length, 1) - 1

    def row(self, row: int) -> int:
        """A single row: above stays, below shifts, inside keeps its offset (clamped to the new body)."""
        if row < self.start:
            return row
        if row > self.end:
            return row + self.delta
        return min(row, self.new_end)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """A range of rows: touching the old body means covering the whole new body."""
        if last < self.start:
            return first, last
        if first > self.end:
            return first + self.delta, last + self.delta
        new_first = first if first < self.start else self.start
        new_last = last + self.delta if last > self.end else self.new_end
        return new_first, new_last

    def inside(self, row: int) -> bool:
        return self.start <= row <= self.end


def _split_sheet(ref: str) -> tuple[str, str]:
    """('Sheet1!', 'A1:B2') or ('', 'A1:B2')."""
    if "!" not in ref:
        return "", ref
    sheet, _, cells = ref.rpartition("!")
    return sheet + "!", cells


def sheet_name_of(prefix: str) -> str:
    name = prefix[:-1] if prefix.endswith("!") else prefix
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


def remap_cells(cells: str, rows: RowMap) -> str:
    """'A5', '$D$5:$D$20', '3:4' through the row map; anything else (names, whole columns) unchanged."""
    parts = cells.split(":")
    if len(parts) == 1:
        found = _CELL.match(parts[0])
        if not found:
            return cells
        d1, col, d2, row = found.groups()
        return f"{d1}{col}{d2}{rows.row(int(row))}"
    if len(parts) != 2:
        return cells
    first, last = (_CELL.match(p) for p in parts)
    if first and last:
        top, bottom = rows.span(int(first.group(4)), int(last.group(4)))
        return (f"{first.group(1)}{first.group(2)}{first.group(3)}{top}:"
                f"{last.group(1)}{last.group(2)}{last.group(3)}{bottom}")
    first_rows, last_rows = (_ROWS.match(p) for p in parts)
    if first_rows and last_rows:
        top, bottom = rows.span(int(first_rows.group(2)), int(last_rows.group(2)))
        return f"{first_rows.group(1)}{top}:{last_rows.group(1)}{bottom}"
    return cells


def remap_ref(ref: str, rows: RowMap, sheet: str, *, on_sheet: bool) -> str:
    """One reference as written in a formula or a defined name; `on_sheet` says an unprefixed ref is `sheet`'s."""
    prefix, cells = _split_sheet(ref)
    if prefix:
        if sheet_name_of(prefix) != sheet:
            return ref
    elif not on_sheet:
        return ref
    return prefix + remap_cells(cells, rows)


def remap_formula(formula: str, rows: RowMap, sheet: str, *, on_sheet: bool) -> str:
    """Every range operand of `formula` through `remap_ref`; a formula the tokenizer cannot read is kept."""
    try:
        tokens = Tokenizer(formula)
    except Exception:  # openpyxl raises TokenizerError and assorted errors on odd text
        return formula
    changed = False
    for token in tokens.items:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            new = remap_ref(token.value, rows, sheet, on_sheet=on_sheet)
            if new != token.value:
                token.value = new
                changed = True
    return tokens.render() if changed else formula


def remap_sqref(sqref: str, rows: RowMap) -> str:
    """A space-separated list of ranges (data validation, conditional formats)."""
    return " ".join(remap_cells(part, rows) for part in str(sqref).split())


def cell_refs(formula: str) -> list[tuple[str, str, int]]:
    """(sheet prefix, column letters, row) of every single-cell operand; ranges are not listed."""
    try:
        tokens = Tokenizer(formula)
    except Exception:
        return []
    found = []
    for token in tokens.items:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            prefix, cells = _split_sheet(token.value)
            match = _CELL.match(cells)
            if match:
                found.append((prefix, match.group(2).upper(), int(match.group(4))))
    return found


def range_operands(formula: str) -> list[tuple[str, str, int, int]]:
    """(sheet prefix, column letters, first row, last row) of every one-column range operand."""
    try:
        tokens = Tokenizer(formula)
    except Exception:
        return []
    found = []
    for token in tokens.items:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            prefix, cells = _split_sheet(token.value)
            parts = cells.split(":")
            if len(parts) == 2:
                first, last = (_CELL.match(p) for p in parts)
                if first and last and first.group(2).upper() == last.group(2).upper():
                    found.append((prefix, first.group(2).upper(), int(first.group(4)), int(last.group(4))))
    return found


def replace_body_ranges(formula: str, start: int, end: int, replacement: Callable[[str], str]) -> str:
    """Each unprefixed one-column range operand inside rows start..end replaced by `replacement(column)`, e.g.
    'D6:D9,D11:D15' for the record rows a 小计 or 合计 covers."""
    try:
        tokens = Tokenizer(formula)
    except Exception:
        return formula
    for token in tokens.items:
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and "!" not in token.value:
            parts = token.value.split(":")
            if len(parts) == 2:
                first, last = (_CELL.match(p) for p in parts)
                if (first and last and first.group(2).upper() == last.group(2).upper()
                        and start <= int(first.group(4)) and int(last.group(4)) <= end):
                    token.value = replacement(first.group(2).upper())
    return tokens.render()
