"""The 反馈表's data rows are written as one block of XML (the send target of issue #19): every kind of text
must come back from the file as the cell writer would have stored it, in openpyxl and in LibreOffice."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.exporters.feedback_form import FormHeading, FormLine, write_form
from desktop.exporters.xlsx.safe import cell_text, is_formula_like, kept_as_is
from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADERS
from desktop.services.feedback import keys
from tests.services.feedback.support import resave_with_libreoffice

HEADING = FormHeading("2026年12月第1轮", "区住建局", date(2026, 12, 9), "区重点项目办")
# Texts the fast path takes as they are: markup characters, carriage returns, outer spaces, formula-like starts.
CLEAN = ["普通文字", " 前导空格", "末尾空格 ", "\u3000全角空格\u3000", "一行\r\n两行", "回车\r换行\n制表\t", "=1+1",
         "+86 138", "-3", "@某人", "a&b<c>d\"e'f]]>", "表情😀"]
# Texts cell_text changes: Excel's escapes for characters XML forbids, a literal escape, an over-long cell.
ESCAPED = [*CLEAN, "响铃\x07", "竖表\x0b", "_x000D_ 字面", "孤\ud800字", "x" * 40000]
COLUMNS = ("项目", "问题", "完成时限", "当前状态", "校验码")


def _lines(texts: list[str]) -> list[FormLine]:
    # every text in every office column (and in the key column), shifted so each column sees each text
    return [FormLine(*(texts[(n + shift) % len(texts)] for shift in range(5))) for n in range(len(texts))]


def _line_feeds(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _expected(value: str) -> str | None:
    return cell_text(value) or None


@pytest.mark.parametrize("texts", [CLEAN, ESCAPED], ids=["as-is", "escaped"])
def test_every_text_reads_back_as_the_cell_writer_stores_it(texts: list[str], tmp_path: Path) -> None:
    assert kept_as_is(texts) is (texts is CLEAN)
    lines = [*_lines(texts), FormLine("", "", "", "", "")]
    path = write_form(tmp_path / "form.xlsx", HEADING, lines)
    sheet = load_workbook(path).active
    assert sheet.max_row == FIRST_DATA_ROW + len(lines) - 1
    for offset, line in enumerate(lines):
        row = FIRST_DATA_ROW + offset
        assert sheet.cell(row, 1).value == offset + 1
        for name, value in zip(COLUMNS, line, strict=True):
            cell = sheet.cell(row, HEADERS.index(name) + 1)
            assert cell.value == _expected(value), (row, name)
            shown = cell_text(value)
            assert cell.quotePrefix is (bool(shown) and is_formula_like(shown)), (row, name)
            assert cell.protection.locked is True and cell.fill.fgColor.rgb == "00E7E6E6"
        for name in ("办理进展", "办理状态", "预计完成时间", "需协调事项", "责任人", "联系电话"):
            cell = sheet.cell(row, HEADERS.index(name) + 1)
            assert cell.value is None and cell.protection.locked is False and cell.border.left.style == "thin"
        assert sheet.cell(row, HEADERS.index("预计完成时间") + 1).number_format == "yyyy-mm-dd"
        assert sheet.cell(row, HEADERS.index("联系电话") + 1).number_format == "@"


def test_libreoffice_reads_the_block_the_same(tmp_path: Path) -> None:
    lines = _lines(CLEAN)
    path = write_form(tmp_path / "form.xlsx", HEADING, lines)
    resaved = resave_with_libreoffice(path, tmp_path / "lo")
    if resaved is None:
        pytest.skip("LibreOffice is not installed")
    sheet = load_workbook(resaved).active
    for offset, line in enumerate(lines):
        for name, value in zip(COLUMNS, line, strict=True):
            # LibreOffice keeps a line break as a line feed, whichever the cell had
            got = sheet.cell(FIRST_DATA_ROW + offset, HEADERS.index(name) + 1).value
            assert got == _line_feeds(value), (offset, name)


def test_a_rounds_signer_writes_the_key_encode_writes() -> None:
    secret = b"0123456789abcdef" * 4
    round_uuid, issue_uuid = uuid.uuid4(), uuid.uuid4()
    text = keys.signer(round_uuid, secret)(issue_uuid, 7)
    assert text == keys.encode(keys.RowKey(round_uuid, issue_uuid, 7), secret)
    assert keys.decode(text, secret) == keys.RowKey(round_uuid, issue_uuid, 7)
