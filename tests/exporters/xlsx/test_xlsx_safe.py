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

RISKY = ["=1+1", "+86 138 0000 0000", "-x", "@a", "\t=cmd", "\r+1", "=HYPERLINK(\"http://x\",\"点我\")"]


def test_cell_text_drops_only_forbidden_characters() -> None:
    assert cell_text("a\x00b\x08c\x0bd\x1fe") == "abcde"
    assert cell_text("行1\n行2\t制表\r回车") == "行1\n行2\t制表\r回车"
    assert cell_text("lone\ud800surrogate\udfff") == "lonesurrogate"
    assert cell_text("非字符\ufffe\uffff") == "非字符"
    assert cell_text("😀重点项目👍") == "😀重点项目👍"
    assert cell_text(None) == "" and cell_text(12) == "12"
    assert all(cell_text(t) == t for t in RISKY)


def test_cell_text_truncates_at_excel_limit_counting_utf16() -> None:
    text = "😀" * 20000  # 40000 UTF-16 units
    out = cell_text(text)
    assert out.endswith(TRUNCATION_NOTE)
    assert len(out.encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert cell_text("中" * MAX_CELL_CHARS) == "中" * MAX_CELL_CHARS


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
    assert ws.cell(3 + len(RISKY), 2).value == "普通文本😀"
    plain = ws.cell(4 + len(RISKY), 2)
    assert plain.value == "正常" and plain.quotePrefix is False


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=5))
def test_any_text_round_trips_minus_forbidden_characters(tmp_path_factory: pytest.TempPathFactory,
                                                          values: list[str]) -> None:
    ws = _export(tmp_path_factory.mktemp("h"), values)
    for row, text in enumerate(values, start=3):
        expected = cell_text(text) or None
        got = ws.cell(row, 2).value
        # Includes CR, tabs and leading/trailing spaces: they must come back exactly.
        assert got == expected, (text, got)
        if expected is not None:
            assert ws.cell(row, 2).data_type == "s"


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
        ("=SUM(A1:A2)", "s", True), ("-1", "s", True), ("普通文本", "s", False)]
    back2 = openpyxl.load_workbook(tmp_path / "w.xlsx")["s"]
    assert [(c.value, c.data_type) for c in back2[1]] == [("=SUM(A1:A2)", "s"), ("-1", "s"), ("普通文本", "s")]
