"""Fast styled streaming on top of openpyxl's write-only worksheet (pinned openpyxl 3.1.5).

Why this exists: in write-only mode every styled cell costs openpyxl a new ``WriteOnlyCell``, a failed
``_bind_value`` (it formats the cell's repr into an exception message) and a hash of the style array to look up
its index.  On a 100k-row ledger that made a bordered sheet ~1.5× slower than appending bare values.  Here each
style is registered once, its index kept on the cell, and a small pool of cells is reused row after row; the
XML still comes from openpyxl's own cell writer, so the file is what openpyxl would have written.

The private hooks used (``Workbook._add_sheet``, ``WriteOnlyWorksheet._values_to_row``, ``Cell._style``,
``Workbook._cell_styles``) are exercised by the ledger tests, which re-open every file they write.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from openpyxl.worksheet.cell_range import CellRange

StyleRef = tuple[StyleArray, int]
T = TypeVar("T")


class LedgerCell(Cell):
    """A cell whose style index is fixed up front instead of looked up on every write."""

    __slots__ = ("style_id",)

    def __init__(self, worksheet: WriteOnlyWorksheet, style: StyleRef, value: Any = None,
                 data_type: str = "n") -> None:
        super().__init__(worksheet)
        self._style, self.style_id = style
        self._value = value
        self.data_type = data_type

    def restyle(self, style: StyleRef) -> None:
        self._style, self.style_id = style


class LedgerSheet(WriteOnlyWorksheet):
    """Write-only sheet that takes rows of ready-made cells and writes them as they are."""

    rows_written = 0

    def __init__(self, parent: Workbook, title: str) -> None:
        super().__init__(parent=parent, title=title)
        self._merges: list[CellRange] = []

    def merge(self, cell_range: CellRange) -> None:
        """Record a merge; openpyxl writes merges at close, so they may be added after the rows were streamed.

        Kept in a list rather than openpyxl's ``MultiCellRange`` because its ``add`` scans every existing range
        (quadratic over thousands of group rows) and its set would write the merges in a different order on
        every run; the ledger never overlaps merges.
        """
        self._merges.append(cell_range)

    def close(self) -> None:
        # The worksheet writer only needs an iterable of ranges here.
        self.merged_cells = self._merges  # type: ignore[assignment]
        super().close()

    def append_row(self, cells: list[LedgerCell], height: float | None = None) -> None:
        """Append one row, optionally with a fixed height in points.

        Row attributes are looked up by openpyxl as a mapping while the row is written; a plain dict that is
        dropped right after keeps memory constant, where ``row_dimensions[r].height`` would keep one
        RowDimension object per row for the whole export.
        """
        if height is None:
            self.append(cells)
            return
        index = self.rows_written + 1
        dims = self.row_dimensions
        dims[index] = {"ht": f"{height:.1f}", "customHeight": "1"}  # type: ignore[assignment]
        try:
            self.append(cells)
        finally:
            del dims[index]

    def append(self, row: Any) -> None:
        super().append(row)
        self.rows_written += 1

    def _values_to_row(self, values: Iterable[Cell], row_idx: int) -> Iterator[Cell]:  # type: ignore[override]
        for col_idx, cell in enumerate(values, 1):
            cell.row = row_idx
            cell.column = col_idx
            yield cell

    def discard(self) -> None:
        """Drop the sheet's temporary XML file after a failed or cancelled export.

        openpyxl only deletes it at interpreter exit; on Windows it must be closed before it can be removed.
        """
        rows = self._rows
        if rows is not None:
            rows.close()
        writer = self._writer
        if writer is None:
            return
        writer.close()
        out = writer.out
        if isinstance(out, str):
            with contextlib.suppress(FileNotFoundError):
                os.remove(out)
            if out in ALL_TEMP_FILES:
                ALL_TEMP_FILES.remove(out)


def add_sheet(workbook: Workbook, title: str) -> LedgerSheet:
    sheet = LedgerSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet


class StyleBook:
    """Registers each distinct combination of font/fill/border/alignment/format once per workbook."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self._sheet = sheet
        self._workbook: Workbook = sheet.parent
        self._cache: dict[tuple[Any, ...], StyleRef] = {}

    def style(self, *, font: Font, alignment: Alignment, border: Border | None = None,
              fill: PatternFill | None = None, number_format: str = "General",
              quote_prefix: bool = False, protection: Protection | None = None) -> StyleRef:
        key = (font, alignment, border, fill, number_format, quote_prefix, protection)
        found = self._cache.get(key)
        if found is not None:
            return found
        template = WriteOnlyCell(self._sheet)
        template.font = font
        template.alignment = alignment
        if border is not None:
            template.border = border
        if fill is not None:
            template.fill = fill
        template.number_format = number_format
        if quote_prefix:
            template.quotePrefix = True
        if protection is not None:
            template.protection = protection
        array = StyleArray(template._style)
        ref = (array, self._workbook._cell_styles.add(array))
        self._cache[key] = ref
        return ref

    def cell(self, style: StyleRef, value: Any = None, data_type: str = "n") -> LedgerCell:
        return LedgerCell(self._sheet, style, value, data_type)


def _copy(found: IndexedList) -> IndexedList:
    """An IndexedList copy without hashing its items again (a dict copy keeps the stored hashes)."""
    copy = IndexedList()
    list.extend(copy, found)
    copy._dict = dict(found._dict)
    copy.clean = found.clean
    return copy


class StylePreset(Generic[T]):
    """A set of styles registered once per process and copied into each new workbook.

    Registering a style hashes its font, fill, border and alignment through openpyxl's descriptors, which is slow;
    a writer that makes many small workbooks with the same few styles (a feedback round: 60 forms, issue #19's
    send target) pays it once. The copies are the lists openpyxl would have built, so every index is the same.
    """

    _LISTS = ("_fonts", "_fills", "_borders", "_alignments", "_protections", "_number_formats", "_cell_styles")

    def __init__(self, register: Callable[[StyleBook], T]) -> None:
        workbook = Workbook(write_only=True)
        book = StyleBook(add_sheet(workbook, "styles"))
        self.styles = register(book)
        self._cache = dict(book._cache)
        self._lists = {name: getattr(workbook, name) for name in self._LISTS}

    def book(self, sheet: WriteOnlyWorksheet) -> StyleBook:
        """A StyleBook for `sheet` with the preset's styles in place (the workbook must have no styles of its own)."""
        workbook = sheet.parent
        if getattr(workbook, "_style_preset", None) is not self:
            if len(workbook._cell_styles) != 1 or len(workbook._fonts) != 1:
                raise ValueError("a style preset goes into a workbook with no styles of its own")
            for name, found in self._lists.items():
                setattr(workbook, name, _copy(found))
            workbook._style_preset = self
        book = StyleBook(sheet)
        book._cache.update(self._cache)
        return book
