"""The streaming sheet keeps memory flat: per-row heights are not retained, merges are kept in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.cell_range import CellRange

from desktop.exporters.xlsx._stream import StyleBook, add_sheet


def test_row_heights_are_written_but_not_retained(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = add_sheet(wb, "s")
    book = StyleBook(ws)
    style = book.style(font=Font(name="宋体", size=11, bold=True), alignment=Alignment(wrap_text=True))
    pool = [book.cell(style), book.cell(style)]
    for i in range(1, 2001):
        pool[0]._value, pool[0].data_type = f"第{i}行", "s"
        pool[1]._value, pool[1].data_type = i, "n"
        ws.append_row(pool, 15.0 + i % 3)
    ws.merge(CellRange("A2:B2"))
    ws.merge(CellRange("A1:B1"))
    assert len(ws.row_dimensions) == 0
    assert ws.rows_written == 2000
    wb.save(tmp_path / "s.xlsx")

    back = openpyxl.load_workbook(tmp_path / "s.xlsx")["s"]
    assert back["A2000"].value == "第2000行" and back["B2000"].value == 2000
    assert back["A7"].font.b is True and back["B7"].alignment.wrap_text is True
    assert [back.row_dimensions[r].height for r in (1, 2, 3)] == [16.0, 17.0, 15.0]
    assert {str(r) for r in back.merged_cells.ranges} == {"A2:B2", "A1:B1"}
    with zipfile.ZipFile(tmp_path / "s.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<mergeCell ref="A2:B2"/><mergeCell ref="A1:B1"/>' in xml  # insertion order, run after run
