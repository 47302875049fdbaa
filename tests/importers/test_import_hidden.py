"""Hidden rows and columns (issue 16): read like the others — what the office hid is still its data — and named in
the preview, never imported or dropped without a word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from desktop.importers.preview import build_preview


def test_hidden_rows_and_columns_are_read_and_named(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "台账"
    sheet.append(["2026年问题台账"])
    sheet.append(["项目名称", "问题描述", "发现时间", "联系电话"])
    for n in range(1, 6):
        sheet.append([f"项目{n}", f"问题{n}", date(2026, 3, n), "138"])
    for number in (4, 5, 7):
        sheet.row_dimensions[number].hidden = True
    sheet.column_dimensions["B"].hidden = True
    sheet.column_dimensions["D"].hidden = True
    path = tmp_path / "2026年问题台账.xlsx"
    workbook.save(path)
    preview = build_preview(path, "issues")
    assert [row.values["description"] for row in preview.rows] == [f"问题{n}" for n in range(1, 6)]
    assert "第4–5行、第7行在 Excel 中是隐藏行，已照常读取（共 3 行），请核对是否应导入" in preview.notes
    assert "隐藏列：问题描述（B列）、联系电话（D列）（不导入），已照常读取" in preview.notes
    assert "说明：第4–5行、第7行在 Excel 中是隐藏行，已照常读取（共 3 行），请核对是否应导入" in preview.summary_lines()


def test_a_sheet_with_nothing_hidden_says_nothing_about_it(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目名称", "问题描述", "发现时间"])
    sheet.append(["甲项目", "hidden 一词出现在内容里", date(2026, 3, 1)])
    path = tmp_path / "2026年.xlsx"
    workbook.save(path)
    assert not [note for note in build_preview(path, "issues").notes if "隐藏" in note]
