"""Header detection, two-level headers, normalisation, proposed and saved mappings."""

from __future__ import annotations

import pytest
from ledger_files import SAMPLES

from desktop.importers.header import find_header, match_field, propose_mapping, split_unit
from desktop.importers.mapping import Mapping, pick_saved_mapping
from desktop.importers.safety import ImportRefused
from desktop.importers.workbook import read_sheets


def _header(path, kind):  # type: ignore[no-untyped-def]
    grid = read_sheets(path)[0]
    return grid, find_header(grid, kind, path.name)


def test_issue_sample_header_below_title_and_unit_line() -> None:
    _grid, header = _header(SAMPLES / "问题台账_包保项目_2022.xlsx", "issues")
    assert (header.row, header.last_row, header.data_start) == (3, 3, 4)
    assert header.title == "小店区领导干部包保重点转型项目问题台账"
    assert header.context_year == 2022  # from 填报日期：2022年12月31日
    assert propose_mapping(header) == {
        1: "project", 2: "leader", 3: "category", 4: "description", 5: "lead_unit", 6: "person",
        7: "deadline", 8: "progress", 9: "status", 10: "remarks",
    }


def test_investment_sample_units_year_and_month() -> None:
    _grid, header = _header(SAMPLES / "重点项目投资进度表_2020年1-10月.xlsx", "investment")
    assert header.row == 3
    assert header.units == {3: "亿元", 4: "亿元", 5: "亿元", 6: "%"}
    assert header.sheet_unit == "亿元"
    assert (header.context_year, header.context_month) == (2020, 10)
    assert propose_mapping(header) == {
        1: "project", 2: "owner", 3: "total_investment", 4: "annual_plan", 5: "amount_ytd", 6: "plan_ratio",
        7: "progress", 8: "leader", 9: "lead_unit",
    }


def test_decision_sample() -> None:
    _grid, header = _header(SAMPLES / "推进会议定事项清单_2022.xlsx", "decisions")
    assert header.row == 2 and header.context_year == 2022
    assert propose_mapping(header) == {
        1: "meeting", 2: "project", 3: "text", 4: "lead_unit", 5: "supporting_units", 6: "deadline", 7: "progress",
    }


def test_two_level_merged_header(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx(
        [
            ["某区重点项目问题台账（2023年）"],
            ["填报单位：区包保办"],
            ["序号", "项目名称", "问题及诉求", "责任单位", None, None, "办结时限"],
            [None, None, None, "牵头单位", "配合单位", "责任人", None],
            [1, "紫云府项目", "违建", "小店街道办事处", "区城管局", "李明", "6月底前"],
        ],
        merges=("A1:G1", "A2:G2", "D3:F3", "A3:A4", "B3:B4", "C3:C4", "G3:G4"),
    )
    _grid, header = _header(path, "issues")
    assert (header.row, header.last_row, header.data_start) == (3, 4, 5)
    assert header.labels == ["序号", "项目名称", "问题及诉求", "责任单位/牵头单位", "责任单位/配合单位", "责任单位/责任人", "办结时限"]
    assert header.context_year == 2023
    assert propose_mapping(header) == {
        1: "project", 2: "description", 3: "lead_unit", 4: "supporting_units", 5: "person", 6: "deadline",
    }


@pytest.mark.parametrize(
    ("label", "kind", "field", "unit"),
    [
        ("总 投 资\n（万元）", "projects", "total_investment", "万元"),
        ("总投资(亿元)", "projects", "total_investment", "亿元"),
        ("项目\n名称", "projects", "name", None),
        ("２０２２年计划投资（万元）", "investment", "annual_plan", "万元"),
        ("1-9月完成投资（万元）", "investment", "amount_ytd", "万元"),
        ("1～9月累计完成投资", "investment", "amount_ytd", None),
        ("9月完成投资", "investment", "amount_month", None),
        ("诉求内容", "issues", "description", None),
        ("主责单位", "issues", "lead_unit", None),
        ("时限要求", "issues", "deadline", None),
        ("是否办结", "issues", "status", None),
        ("推进情况", "issues", "progress", None),
        ("统一社会信用代码", "enterprises", "credit_code", None),
        ("建设性质", "projects", "stage", None),
    ],
)
def test_header_text_normalisation(label: str, kind: str, field: str, unit: str | None) -> None:
    assert match_field(label, kind) == field
    assert split_unit(label)[1] == unit


def test_no_header_found_message(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["会议签到表"], ["姓名", "单位", "电话"], ["张三", "区住建局", "123"]])
    grid = read_sheets(path)[0]
    with pytest.raises(ImportRefused) as info:
        find_header(grid, "issues")
    assert info.value.message == (
        "在工作表“台账”的前 30 行中没有找到问题台账的表头。表头应至少包含两个可识别的列名"
        "（如 问题描述、项目名称、企业名称、问题类别、发现人、发现时间、责任单位），"
        "请检查是否选错了导入类型或工作表。"
    )


def test_mapping_json_round_trip_and_reuse(make_xlsx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [["序号", "项目名称", "存在问题", "备注一", "完成时限"], [1, "紫云府", "违建", "手写", "6月底前"]]
    _g, header = _header(make_xlsx(rows, name="一月.xlsx"), "issues")
    mapping = Mapping.for_header(header, {1: "project", 2: "description", 3: "remarks", 4: "deadline"})
    text = mapping.to_json()
    assert '"备注一"' in text
    restored = Mapping.from_json(text)
    assert restored == mapping
    # Next month's file, same layout, other values: same signature, mapping reused.
    _g, header2 = _header(make_xlsx([rows[0], [1, "融创", "扰民", "", "年底前"]], name="二月.xlsx"), "issues")
    assert header2.signature == header.signature
    assert pick_saved_mapping([restored], header2) is restored
    _g, other = _header(make_xlsx([["项目名称", "存在问题", "责任单位"]], name="三月.xlsx"), "issues")
    assert other.signature != header.signature
    assert pick_saved_mapping([restored], other) is None


def test_mapping_rejects_unknown_fields_and_bad_json(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    _g, header = _header(make_xlsx([["项目名称", "存在问题"]]), "issues")
    with pytest.raises(ValueError, match="do not exist"):
        Mapping.for_header(header, {0: "name"})
    with pytest.raises(ValueError, match="malformed"):
        Mapping.from_json("{not json")
    with pytest.raises(ValueError, match="unknown fields"):
        Mapping.from_json('{"format": 1, "kind": "issues", "signature": "x", "columns": {"0": "salary"}}')
