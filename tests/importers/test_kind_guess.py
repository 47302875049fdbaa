"""The ledger kind read from the header: an issue ledger is never proposed as a project list."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importers.kind_guess import guess_kind
from desktop.importers.safety import ImportRefused

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.mark.parametrize(("name", "kind"), [
    ("问题台账_包保项目_2022.xlsx", "issues"),
    ("推进会议定事项清单_2022.xlsx", "decisions"),
    ("重点项目投资进度表_2020年1-10月.xlsx", "investment"),
])
def test_office_samples_are_proposed_as_their_kind(name: str, kind: str) -> None:
    guess = guess_kind(SAMPLES / name)
    assert guess.proposed is not None and guess.proposed.kind == kind
    assert guess.mismatch(kind) is None
    wrong = "projects" if kind != "projects" else "issues"
    warning = guess.mismatch(wrong)
    assert warning is not None and guess.proposed.label in warning


def test_project_list_and_enterprise_list_are_proposed(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    projects = make_xlsx([["2026年重点项目清单"], ["序号", "项目名称", "建设单位", "建设地点", "总投资（万元）",
                                                     "建设内容", "开工时间", "包保领导"],
                          [1, "紫云府", "某公司", "小店街道", 12000, "住宅", "2026-03-01", "张三"]],
                         name="项目清单.xlsx")
    assert guess_kind(projects).proposed.kind == "projects"  # type: ignore[union-attr]
    enterprises = make_xlsx([["序号", "企业名称", "统一社会信用代码", "法定代表人", "联系电话", "所属行业"],
                             [1, "某某科技有限公司", "91140100MA0GRXXX0X", "李四", "0351-1234567", "制造业"]],
                            name="企业名录.xlsx")
    assert guess_kind(enterprises).proposed.kind == "enterprises"  # type: ignore[union-attr]


def test_issue_ledger_read_as_projects_is_warned_about(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["序号", "项目名称", "存在问题", "责任单位", "完成时限", "办理进展"],
                      [1, "紫云府", "用地范围内有违建", "区城管局", "2026-06-30", "已约谈"]])
    guess = guess_kind(path)
    assert guess.proposed.kind == "issues"  # type: ignore[union-attr]
    warning = guess.mismatch("projects")
    assert warning is not None and "问题台账" in warning and "存在问题" not in warning.split("表头更像")[0]


def test_sheet_with_no_known_header_proposes_nothing(make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([["甲", "乙", "丙"], [1, 2, 3]])
    guess = guess_kind(path)
    assert guess.proposed is None and guess.mismatch("issues") is None


def test_unreadable_file_is_refused_not_guessed(tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(ImportRefused):
        guess_kind(bad)
