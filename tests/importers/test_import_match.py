"""Reading meeting names, unit lists and name keys the way ledgers write them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.models import Issue, Meeting, Unit
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import apply_import, dry_run_import
from desktop.services.importing.match import chinese_number, name_key, parse_meeting, split_units
from desktop.services.importing.outcome import RowOutcome, RowStatus

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(("token", "number"), [
    ("一", 1), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("21", 21), ("零", None),
    ("百", None), ("十X", None),
])
def test_chinese_number(token: str, number: int | None) -> None:
    assert chinese_number(token) == number


def test_parse_meeting() -> None:
    ref = parse_meeting("第三次推进会（2022年8月12日）", None)
    assert (ref.kind, ref.number, ref.held_on, ref.title) == ("progress", 3, date(2022, 8, 12), "2022年第三次推进会")
    ref = parse_meeting("2023年第十二次调度会(3月5日)", 2023)
    assert (ref.kind, ref.number, ref.held_on, ref.title) == ("dispatch", 12, date(2023, 3, 5), "2023年第十二次调度会")
    ref = parse_meeting("项目现场会", 2024)
    assert (ref.kind, ref.number, ref.held_on, ref.year) == ("onsite", None, None, 2024)
    assert parse_meeting("专题会 2022-02-30", None).held_on is None  # no such day: no date rather than a wrong one


def test_split_units_and_name_key() -> None:
    assert split_units("区住建局、区城管局，区住建局;供电公司\n区水务局") == ["区住建局", "区城管局", "供电公司", "区水务局"]
    assert split_units(None) == []
    assert name_key("紫云府 项目（一期）") == name_key("紫云府项目(一期)")
    assert name_key("") == ""


def test_decisions_without_a_dated_meeting_and_units_matched_after_trimming(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    with workspace.db.transaction() as session:
        session.add(Unit(name="区住建局"))
    path = make_xlsx([
        ["会议", "议定事项", "责任单位", "完成时限"],
        ["第一次推进会（2022年3月29日）", "完成违建拆除", " 区住建局 ", "2022-05-31"],
        ["项目调度会", "协调用电", "供电公司", "2022-06-30"],
        ["", "加快施工", "区住建局", "2022-06-30"],
        ["第一次推进会（2022年3月29日）", "办理施工许可", "区住建局", "2022-03-01"],
    ], name="议定事项_2022.xlsx")
    result = apply_import(workspace.db, build_preview(path, "decisions"), today=TODAY)
    assert result.outcomes == [
        RowOutcome(2, RowStatus.NEW),
        RowOutcome(3, RowStatus.INVALID, "会议“项目调度会”在系统中不存在，且未写明会议日期，无法新建；"
                                         "请写成“第一次推进会（2022年3月29日）”，或先在“会议”中登记该会议"),
        RowOutcome(4, RowStatus.INVALID, "未填写会议，无法确定议定事项属于哪次会议"),
        RowOutcome(5, RowStatus.INVALID, "完成时限（2022年3月1日）早于会议日期（2022年3月29日）"),
    ]
    with workspace.db.read() as session:
        assert [u.name for u in session.scalars(select(Unit))] == ["区住建局"]  # trimmed name matched, not duplicated
        assert len(session.scalars(select(Meeting)).all()) == 1


def test_issue_listed_twice_in_one_file_is_stored_once(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = make_xlsx([
        ["项目名称", "存在问题", "发现时间", "完成时限"],
        ["甲项目", "用地未移交", "2024-03-01", "2024-06-30"],
        ["甲 项目", "用地未移交", "2024-03-01", "2024-06-30"],
        ["甲项目", "用地未移交", "2024-04-01", "2024-06-30"],
        ["甲项目", "施工许可未办", "2024-05-01", "2024-04-30"],
    ], name="问题台账_2024.xlsx")
    dry = dry_run_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    assert dry.outcomes == [
        RowOutcome(2, RowStatus.NEW),
        RowOutcome(3, RowStatus.DUPLICATE, "与本文件第2行重复，未重复导入"),
        RowOutcome(4, RowStatus.NEW),  # found on another day: another occurrence
        RowOutcome(5, RowStatus.INVALID, "完成时限（2024年4月30日）早于发现时间（2024年5月1日）"),
    ]
    apply_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    with workspace.db.read() as session:
        found = sorted(i.found_on for i in session.scalars(select(Issue)))
    assert found == [date(2024, 3, 1), date(2024, 4, 1)]


def test_rows_are_one_record_only_when_every_field_agrees(workspace, make_xlsx) -> None:  # type: ignore[no-untyped-def]
    """Same project, text and found date but another unit or deadline: both kept, shown side by side; a second
    row that only leaves cells empty loses nothing when skipped; a project code given twice with two names is
    refused naming both, never one of them dropped silently."""
    path = make_xlsx([
        ["项目名称", "存在问题", "发现时间", "责任单位", "完成时限"],
        ["甲项目", "用地未移交", "2024-03-01", "区住建局", "2024-06-30"],
        ["甲项目", "用地未移交", "2024-03-01", "区水务局", "2024-07-31"],
        ["甲项目", "用地未移交", "2024-03-01", None, None],
    ], name="问题台账_2024.xlsx")
    result = apply_import(workspace.db, build_preview(path, "issues"), today=TODAY)
    assert [(o.row, o.status) for o in result.outcomes] == [
        (2, RowStatus.NEW), (3, RowStatus.NEW), (4, RowStatus.DUPLICATE)]
    assert ("可能重复：第3行与第2行同一项目（企业）、同一问题描述、同一发现日期，但责任单位为“区住建局” / “区水务局”；"
            "完成时限为“2024年6月30日” / “2024年7月31日”，两行都已导入，请核对") in result.hints
    assert result.outcomes[2].message == "与本文件第2行重复，未重复导入"
    with workspace.db.read() as session:
        units = sorted(i.lead_unit.name for i in session.scalars(select(Issue)))
    assert units == ["区住建局", "区水务局"]
