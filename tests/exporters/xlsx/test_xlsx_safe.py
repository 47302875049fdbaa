"""Formula-like and control-character text survives an export as the user's own text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exporters.xlsx import (
    LedgerColumn,
    LedgerSpec,
    cell_text,
    is_formula_like,
    put_text,
    sheet_title,
    write_ledger,
)
from desktop.exporters.xlsx.safe import MAX_CELL_CHARS, TRUNCATION_NOTE
from desktop.importers.text import decode_ooxml_escapes
from desktop.importers.workbook import read_sheets

RISKY = ["=1+1", "+86 138 0000 0000", "-x", "@a", "\t=cmd", "\r+1", "=HYPERLINK(\"http://x\",\"点我\")"]


def test_cell_text_escapes_only_forbidden_characters_as_excel_does() -> None:
    assert cell_text("a\x00b\x08c\x0bd\x1fe") == "a_x0000_b_x0008_c_x000B_d_x001F_e"
    assert cell_text("行1\n行2\t制表\r回车") == "行1\n行2\t制表\r回车"
    assert cell_text("lone\ud800surrogate\udfff") == "lone_xD800_surrogate_xDFFF_"
    assert cell_text("非字符\ufffe\uffff") == "非字符_xFFFE__xFFFF_"
    # Text that merely looks like an escape is protected the way Excel protects it.
    assert cell_text("代码_x0007_原文") == "代码_x005F_x0007_原文"
    assert cell_text("a_b_x12_c") == "a_b_x12_c"
    for text in ("a\x00b\x0b行", "代码_x0007_原文", "😀\x07_x005F_", "lone\ud800"):
        assert decode_ooxml_escapes(cell_text(text)) == text
    assert cell_text("😀重点项目👍") == "😀重点项目👍"
    assert cell_text(None) == "" and cell_text(12) == "12"
    assert all(cell_text(t) == t for t in RISKY)


def test_cell_text_truncates_at_excel_limit_counting_utf16() -> None:
    text = "😀" * 20000  # 40000 UTF-16 units
    out = cell_text(text)
    assert out.endswith(TRUNCATION_NOTE)
    assert len(out.encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert cell_text("中" * MAX_CELL_CHARS) == "中" * MAX_CELL_CHARS
    cut = cell_text("中" * (MAX_CELL_CHARS - len(TRUNCATION_NOTE) - 3) + "\x07" * 10)
    assert cut.endswith("中" + TRUNCATION_NOTE)  # never half an escape at the cut


def test_is_formula_like() -> None:
    assert all(is_formula_like(t) for t in RISKY)
    assert not any(is_formula_like(t) for t in ["", "1+1", "项目=1", " =1"])


def test_sheet_title_valid_and_unique() -> None:
    assert sheet_title("问题/台账[2025]:*?") == "问题_台账_2025____"
    assert sheet_title("x" * 40) == "x" * 31
    assert sheet_title("台账", {"台账", "台账(2)"}) == "台账(3)"
    assert sheet_title("Sheet", {"sheet"}) == "Sheet(2)"
    assert sheet_title("\x01") == "Sheet"


def _export(tmp_path: Path, values: list[str]) -> openpyxl.worksheet.worksheet.Worksheet:
    spec = LedgerSpec("安全测试", [LedgerColumn("text", "文本", 10)], sheet_name="s")
    path = tmp_path / "safe.xlsx"
    write_ledger(path, [(spec, [{"text": v} for v in values])])
    return openpyxl.load_workbook(path)["s"]


def test_risky_text_is_stored_as_string_cells_with_quote_prefix(tmp_path: Path) -> None:
    ws = _export(tmp_path, [*RISKY, "普通\x07文本😀", "正常"])
    for row, text in enumerate(RISKY, start=3):
        cell = ws.cell(row, 2)
        assert cell.value == text and cell.data_type == "s", (row, cell.value)
        assert cell.quotePrefix is True
    assert ws.cell(3 + len(RISKY), 2).value == "普通_x0007_文本😀"  # as Excel stores BEL
    plain = ws.cell(4 + len(RISKY), 2)
    assert plain.value == "正常" and plain.quotePrefix is False


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=5))
def test_any_text_round_trips_through_the_importer(tmp_path_factory: pytest.TempPathFactory,
                                                   values: list[str]) -> None:
    folder = tmp_path_factory.mktemp("h")
    _export(folder, values)
    grid = read_sheets(folder / "safe.xlsx")[0]
    for row, text in enumerate(values, start=3):
        expected = text or None
        got = grid.value(row, 1)
        # Includes CR, tabs and leading/trailing spaces: they must come back exactly.
        assert got == expected, (text, got)


def test_put_text_in_normal_and_write_only_workbooks(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    normal = Workbook()
    ws = normal.active
    for row, text in enumerate(["=SUM(A1:A2)", "-1", "普通\x00文本"], 1):
        put_text(ws.cell(row, 1), text)
    normal.save(tmp_path / "n.xlsx")

    streaming = Workbook(write_only=True)
    ws2 = streaming.create_sheet("s")
    cells = []
    for text in ["=SUM(A1:A2)", "-1", "普通\x00文本"]:
        cell = WriteOnlyCell(ws2)
        put_text(cell, text)
        cells.append(cell)
    ws2.append(cells)
    streaming.save(tmp_path / "w.xlsx")

    back = openpyxl.load_workbook(tmp_path / "n.xlsx").active
    assert [(c.value, c.data_type, c.quotePrefix) for c in back["A"]] == [
        ("=SUM(A1:A2)", "s", True), ("-1", "s", True), ("普通_x0000_文本", "s", False)]
    back2 = openpyxl.load_workbook(tmp_path / "w.xlsx")["s"]
    assert [(c.value, c.data_type) for c in back2[1]] == [("=SUM(A1:A2)", "s"), ("-1", "s"), ("普通_x0000_文本", "s")]
