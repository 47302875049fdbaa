"""read_sheets: merged ranges filled, formulas, CSV encodings and delimiters, note sheets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from ledger_files import SAMPLES, write_raw_xlsx

from desktop.importers.safety import ImportRefused
from desktop.importers.workbook import EMPTY_SHEET_REASON, NOTE_SHEET_REASON, read_sheets


def test_issue_sample_merged_down_project_fills_its_rows() -> None:
    (grid,) = read_sheets(SAMPLES / "问题台账_包保项目_2022.xlsx")
    assert grid.name == "问题台账"
    assert len(grid.rows) == 13 and grid.width == 11
    assert sorted(grid.merged) == [(1, 1, 1, 11), (2, 1, 2, 11), (4, 2, 5, 2), (4, 3, 5, 3), (10, 2, 11, 2), (10, 3, 11, 3)]
    assert grid.value(5, 1) == "紫云府项目" and grid.value(5, 2) == "王建国"
    assert grid.value(11, 1) == "煤科院棚户区改造项目" and grid.value(11, 2) == "张立"
    assert grid.value(4, 7) == datetime(2022, 4, 30)
    assert grid.value(6, 7) == "2022.6.30"


def test_investment_sample_formulas_without_cached_values_are_listed() -> None:
    (grid,) = read_sheets(SAMPLES / "重点项目投资进度表_2020年1-10月.xlsx")
    assert grid.value(5, 6) is None
    assert grid.uncached_formulas == {(5, 6), (6, 6), (7, 6), (9, 6), (10, 6), (12, 6), (13, 6), (14, 5)}
    assert grid.value(7, 5) == 66.3


def test_formula_with_and_without_cached_value(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2"><v>30</v></c><c r="B2"><f>A2*2</f><v>60</v></c></row>'
        '<row r="3"><c r="A3"><v>40</v></c><c r="B3"><f>A3*2</f></c></row>'
        '<row r="4"><c r="A4"><v>50</v></c><c r="B4"><f>A4*2</f><v></v></c></row>'
    )
    path = write_raw_xlsx(tmp_path / "公式.xlsx", sheet, ["年度计划投资", "总投资"])
    (grid,) = read_sheets(path)
    assert grid.rows == [["年度计划投资", "总投资"], [30, 60], [40, None], [50, None]]
    assert grid.uncached_formulas == {(3, 1), (4, 1)}


def test_merges_with_namespace_prefix_and_wrong_dimension(tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="B2" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="B3" t="s"><v>2</v></c><c r="E3" t="s"><v>2</v></c></row>'
    )
    tail = '<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><x:mergeCell ref="A1:A3"/></x:mergeCells>'
    path = write_raw_xlsx(tmp_path / "前缀.xlsx", sheet, ["紫云府项目", "甲", "乙"], tail=tail)
    (grid,) = read_sheets(path)
    assert grid.merged == [(1, 1, 3, 1)]
    assert [row[0] for row in grid.rows] == ["紫云府项目"] * 3
    assert grid.value(3, 4) == "乙"


def test_note_and_empty_sheets_are_skipped(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx(
        [["项目名称", "存在问题"], ["紫云府", "违建"]],
        extra_sheets={"填表说明": [["1. 完成时限填写日期"]], "Sheet3": [], "数据说明": [["口径"]]},
    )
    grids = read_sheets(path)
    assert [(g.name, g.skip_reason) for g in grids] == [
        ("台账", None),
        ("填表说明", NOTE_SHEET_REASON),
        ("Sheet3", EMPTY_SHEET_REASON),
        ("数据说明", NOTE_SHEET_REASON),
    ]
    assert grids[1].rows == []


CSV_TEXT = "项目名称,存在问题,完成时限\n紫云府项目,违建拆除,2022年4月30日\n融创中心,\"配套小学, 进度偏慢\",6月底前\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "note"),
    [
        ("utf-8", b"", "CSV 文件，编码 UTF-8，分隔符：逗号"),
        ("utf-8", b"\xef\xbb\xbf", "CSV 文件，编码 UTF-8（带BOM），分隔符：逗号"),
        ("gbk", b"", "CSV 文件，编码 GBK，分隔符：逗号"),
        ("utf-16", b"", "CSV 文件，编码 UTF-16，分隔符：逗号"),
    ],
)
def test_csv_encodings(tmp_path: Path, encoding: str, prefix: bytes, note: str) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(prefix + CSV_TEXT.encode(encoding))
    (grid,) = read_sheets(path)
    assert grid.source_note == note
    assert grid.rows[0] == ["项目名称", "存在问题", "完成时限"]
    assert grid.rows[2] == ["融创中心", "配套小学, 进度偏慢", "6月底前"]


def test_csv_gb18030_only_characters(tmp_path: Path) -> None:
    # 𠀀 (U+20000) and the euro sign exist in GB18030 but not in GBK.
    text = "项目名称,建设单位\n𠀀村改造项目,€投资公司\n"
    path = tmp_path / "台账.csv"
    path.write_bytes(text.encode("gb18030"))
    (grid,) = read_sheets(path)
    assert grid.source_note == "CSV 文件，编码 GB18030，分隔符：逗号"
    assert grid.rows[1] == ["𠀀村改造项目", "€投资公司"]


def test_csv_semicolon_and_tab(tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    path.write_text("某区问题台账\n项目名称;存在问题;总投资\n紫云府;违建;1,200\n融创;扰民;3,5\n", encoding="utf-8")
    (grid,) = read_sheets(path)
    assert grid.source_note == "CSV 文件，编码 UTF-8，分隔符：分号"
    assert grid.rows[2] == ["紫云府", "违建", "1,200"]
    assert grid.rows[0] == ["某区问题台账", None, None]
    tsv = tmp_path / "台账.txt"
    tsv.write_text("项目名称\t存在问题\n紫云府\t违建, 渣土\n", encoding="utf-8")
    (grid,) = read_sheets(tsv)
    assert grid.source_note == "CSV 文件，编码 UTF-8，分隔符：制表符"
    assert grid.rows[1] == ["紫云府", "违建, 渣土"]


def test_csv_binary_refused(tmp_path: Path) -> None:
    path = tmp_path / "台账.csv"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ImportRefused) as info:
        read_sheets(path)
    assert info.value.message == "文件“台账.csv”不是文本格式的 CSV（含有二进制内容），请选择 .xlsx 或 .csv 台账。"
