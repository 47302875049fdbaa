"""督办 instruments through the real services on a real database (SQLite and, in CI, PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.db.models import IssueNote, Project, SupervisionNotice, Unit
from desktop.errors import UserError
from desktop.services.issues import actions as issues
from desktop.services.issues.history import load_issue_history
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import (
    NoticeRequest,
    issue_notice,
    record_reply,
    register,
    supervision_counts,
    unit_counts,
    withdraw_notice,
)

FOUND = date(2026, 9, 1)
TODAY = date(2026, 12, 3)
NOTICE = SupervisionKind.NOTICE


@pytest.fixture
def office(db_workspace):
    """Two units; 住建局 has two overdue issues and one due in five days, 城管局 one overdue issue."""
    ws = db_workspace
    with ws.db.transaction() as s:
        zj, cg = Unit(name="区住建局"), Unit(name="区城管局")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([zj, cg, project])
        s.flush()
        ids = {}
        for key, unit, deadline in (("a", zj, date(2026, 11, 20)), ("b", zj, date(2026, 11, 30)),
                                    ("soon", zj, date(2026, 12, 8)), ("other", cg, date(2026, 11, 1))):
            issue = issues.create_issue(s, issues.IssueInput(f"问题{key}：施工用电增容", FOUND, project_id=project.id))
            issues.assign(s, issue.id, unit.id, deadline, on=FOUND)
            ids[key] = issue.id
    return ws, zj.id, cg.id, ids


def _issue(ws, request: NoticeRequest) -> tuple[int, str]:
    with ws.db.transaction() as s:
        notice = issue_notice(s, request, today=TODAY)
        return notice.id, NOTICE.number_text(notice.year, notice.number)


def test_numbered_per_kind_and_year_recorded_on_every_item(office) -> None:
    ws, zj, _, ids = office
    first, text = _issue(ws, NoticeRequest(NOTICE, zj, [ids["a"], ids["b"]], TODAY, date(2026, 12, 10)))
    assert text == "督办〔2026〕1号"
    second, text = _issue(ws, NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10)))
    assert text == "督办〔2026〕2号"
    with ws.db.transaction() as s:
        reminder = issue_notice(s, NoticeRequest(SupervisionKind.REMINDER, zj, [ids["soon"]], TODAY,
                                                 date(2026, 12, 6)), today=TODAY)
        assert (reminder.kind, reminder.number) == ("reminder", 1)
    with ws.db.read() as s:
        assert supervision_counts(s) == {ids["a"]: 2, ids["b"]: 1, ids["soon"]: 1}
        notes = s.scalars(select(IssueNote.text).where(IssueNote.issue_id == ids["a"], IssueNote.kind == "supervise")
                          .order_by(IssueNote.id)).all()
        assert notes == ["第1次督办：督办单督办〔2026〕1号，要求2026年12月10日前回复。",
                         "第2次督办：督办单督办〔2026〕2号，要求2026年12月10日前回复。"]
        notice = s.get(SupervisionNotice, first)
        assert [(i.position, i.days_overdue, i.round) for i in notice.items] == [(1, 13, 1), (2, 3, 1)]
        assert "整改计划" in notice.requirement and notice.operator
        history = load_issue_history(s, ids["a"])
        assert [n.kind_label for n in history.notes][:2] == ["督办", "督办"]
        assert unit_counts(s, 2026) == {"区住建局": 3}
    assert second


def test_refusals_name_the_item_and_change_nothing(office) -> None:
    ws, zj, _, ids = office
    cases = [
        (NoticeRequest(NOTICE, zj, [ids["a"], ids["other"]], TODAY, date(2026, 12, 10)), "牵头单位不是区住建局"),
        (NoticeRequest(NOTICE, zj, [ids["soon"]], TODAY, date(2026, 12, 10)), "尚未超期"),
        (NoticeRequest(SupervisionKind.REMINDER, zj, [ids["soon"]], date(2026, 11, 20), date(2026, 11, 25)),
         "尚未临期"),
        (NoticeRequest(NOTICE, zj, [ids["a"]], date(2026, 12, 4), date(2026, 12, 10)), "晚于今天"),
        (NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, TODAY), "应晚于签发日期"),
        (NoticeRequest(NOTICE, zj, [], TODAY, date(2026, 12, 10)), "至少要列出一项"),
        (NoticeRequest(NOTICE, zj, [999_999], TODAY, date(2026, 12, 10)), "问题编号 999999 不存在"),
    ]
    for request, reason in cases:
        with pytest.raises(UserError, match=reason), ws.db.transaction() as s:
            issue_notice(s, request, today=TODAY)
    with ws.db.transaction() as s:
        issues.resolve(s, ids["b"], "已接电", on=TODAY)
    with pytest.raises(UserError, match="已办结，不需要督办"), ws.db.transaction() as s:
        issue_notice(s, NoticeRequest(NOTICE, zj, [ids["b"]], TODAY, date(2026, 12, 10)), today=TODAY)
    with ws.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SupervisionNotice)) == 0
        assert s.scalar(select(func.count()).select_from(IssueNote).where(IssueNote.kind == "supervise")) == 0


def test_withdrawn_notice_keeps_its_number_and_no_longer_counts(office) -> None:
    ws, zj, _, ids = office
    first, _ = _issue(ws, NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10)))
    with pytest.raises(UserError, match="须写明原因"), ws.db.transaction() as s:
        withdraw_notice(s, first, "  ", on=TODAY)
    with ws.db.transaction() as s:
        withdraw_notice(s, first, "误发：该问题已转市级协调", on=TODAY)
    _, text = _issue(ws, NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10)))
    assert text == "督办〔2026〕2号"  # never reused
    with ws.db.read() as s:
        assert supervision_counts(s) == {ids["a"]: 1}
        states = [(line.number_text, line.state) for line in register(s, year=2026, today=TODAY)]
        assert states == [("督办〔2026〕1号", "已撤回（误发：该问题已转市级协调）"), ("督办〔2026〕2号", "待回复")]
    with pytest.raises(UserError, match="已于2026年12月3日撤回"), ws.db.transaction() as s:
        withdraw_notice(s, first, "再撤一次", on=TODAY)


def test_reply_is_recorded_on_the_notice_and_each_item(office) -> None:
    ws, zj, _, ids = office
    first, _ = _issue(ws, NoticeRequest(NOTICE, zj, [ids["a"], ids["b"]], date(2026, 12, 1), date(2026, 12, 2)))
    with pytest.raises(UserError, match="早于签发日期"), ws.db.transaction() as s:
        record_reply(s, first, date(2026, 11, 30), "已制定整改计划", today=TODAY)
    with pytest.raises(UserError, match="晚于今天"), ws.db.transaction() as s:
        record_reply(s, first, date(2026, 12, 5), "已制定整改计划", today=TODAY)
    with ws.db.transaction() as s:
        record_reply(s, first, TODAY, "已制定整改计划，12月15日前完成增容", today=TODAY)
    with pytest.raises(UserError, match="已于2026年12月3日登记回复"), ws.db.transaction() as s:
        record_reply(s, first, TODAY, "又一次", today=TODAY)
    with pytest.raises(UserError, match="不能撤回"), ws.db.transaction() as s:
        withdraw_notice(s, first, "误发", on=TODAY)
    with ws.db.read() as s:
        replies = s.scalars(select(IssueNote.text).where(IssueNote.kind == "supervise_reply")).all()
        assert replies == ["督办单督办〔2026〕1号回复（逾期1天）：已制定整改计划，12月15日前完成增容"] * 2
        assert register(s, today=TODAY)[0].state == "已回复（2026年12月3日）"
