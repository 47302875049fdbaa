"""销号 records what someone said, or why nobody could be asked — never a default — for issues and decided items,
through the real services on SQLite and PostgreSQL; the office's setting is stored and logged like every write."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.db.enums import Feedback, IssueStatus
from desktop.db.models import AuditLog, Decision, Issue, Meeting, Project, Unit
from desktop.errors import ValidationError
from desktop.services import audit_log, office_settings
from desktop.services.issues import actions as issues
from desktop.services.issues.history import load_issue_history
from desktop.services.meetings import actions as meetings

D = date(2026, 5, 1)
SETTING = "allow_feedback_not_asked"


@pytest.fixture
def office(db_workspace):
    with db_workspace.db.transaction() as s:
        unit = Unit(name="区住建局")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([unit, project])
        s.flush()
        issue = issues.create_issue(s, issues.IssueInput("施工用电增容手续办理周期长", D, project_id=project.id,
                                                         lead_unit_id=unit.id, deadline=date(2026, 6, 30)))
        issues.resolve(s, issue.id, "已完成增容", on=D)
        meeting = Meeting(kind="progress", year=2026, number=1, title="第一次推进会", held_at=datetime(2026, 4, 20, 9))
        s.add(meeting)
        s.flush()
        decision = meetings.add_decision(s, meeting.id, meetings.DecisionInput(text="加快办理施工许可",
                                                                              lead_unit_id=unit.id))
        meetings.resolve(s, decision.id, "已办结", on=D)
    return db_workspace, issue.id, decision.id


def _close(kind: str, s, row_id: int, feedback, **kw):  # type: ignore[no-untyped-def]
    service = issues.close if kind == "issue" else meetings.close
    return service(s, row_id, feedback, on=D, **kw)


def _row(ws, kind: str, row_id: int):  # type: ignore[no-untyped-def]
    with ws.db.read() as s:
        return s.get(Issue if kind == "issue" else Decision, row_id)


@pytest.mark.parametrize("kind", ["issue", "decision"])
@pytest.mark.parametrize("feedback", [None, "  ", "ok", "满意"])
def test_close_without_an_explicit_answer_is_refused(office, kind, feedback) -> None:
    ws, issue_id, decision_id = office
    row_id = issue_id if kind == "issue" else decision_id
    with pytest.raises(ValidationError, match="「企业反馈」") as refused, ws.db.transaction() as s:
        _close(kind, s, row_id, feedback)
    assert "满意、基本满意、不满意" in str(refused.value)
    row = _row(ws, kind, row_id)
    assert (row.status, row.feedback, row.closed_on) == (IssueStatus.RESOLVED.value, None, None)


@pytest.mark.parametrize("kind", ["issue", "decision"])
def test_not_asked_only_where_allowed_and_only_with_a_reason(office, kind) -> None:
    ws, issue_id, decision_id = office
    row_id = issue_id if kind == "issue" else decision_id
    with pytest.raises(ValidationError, match="本单位未允许以“未能征求”销号"), ws.db.transaction() as s:
        _close(kind, s, row_id, Feedback.NOT_ASKED.value, reason="企业已注销")
    with ws.db.transaction() as s:
        office_settings.put(s, SETTING, True)
    with pytest.raises(ValidationError, match="「未能征求原因」：不能为空"), ws.db.transaction() as s:
        _close(kind, s, row_id, Feedback.NOT_ASKED.value, reason="  ")
    with ws.db.transaction() as s:
        _close(kind, s, row_id, Feedback.NOT_ASKED.value, reason=" 企业已注销，负责人联系不上 ")
    row = _row(ws, kind, row_id)
    assert (row.status, row.feedback, row.feedback_reason) == ("closed", "not_asked", "企业已注销，负责人联系不上")
    with ws.db.read() as s:
        item = s.get(Issue if kind == "issue" else Decision, row_id)
        assert item.notes[-1].text == "销号，未能征求企业意见（企业已注销，负责人联系不上）"


def test_answers_store_no_reason_and_history_shows_feedback_only_when_closed(office) -> None:
    ws, issue_id, _decision_id = office
    with ws.db.transaction() as s:
        office_settings.put(s, SETTING, True)
        issues.close(s, issue_id, Feedback.BASICALLY.value, reason="这条不该保存", on=D)
    with ws.db.read() as s:
        issue = s.get(Issue, issue_id)
        assert (issue.feedback, issue.feedback_reason) == ("basically", None)
        assert load_issue_history(s, issue_id).feedback == "基本满意"
    with ws.db.transaction() as s:
        issues.reopen(s, issue_id, "企业反映仍未通电", on=D)
    with ws.db.read() as s:
        issue = s.get(Issue, issue_id)
        assert (issue.status, issue.feedback, issue.latest_progress) == ("assigned", None,
                                                                          "重新打开：企业反映仍未通电")
        history = load_issue_history(s, issue_id)
        assert history.feedback == ""
        assert [n.text for n in history.notes[:2]] == ["重新打开：企业反映仍未通电", "销号，反馈：基本满意"]
        changes = {(a.field, a.old, a.new) for a in history.audit}
        assert ("企业反馈", "基本满意", "（空）") in changes
        assert ("最新进展", "已完成增容", "重新打开：企业反映仍未通电") in changes


def test_unsatisfied_reopens_with_the_answer_as_latest_progress(office) -> None:
    ws, _issue_id, decision_id = office
    with ws.db.transaction() as s:
        meetings.close(s, decision_id, Feedback.UNSATISFIED.value, remark="企业认为未落实", on=D)
    decision = _row(ws, "decision", decision_id)
    assert (decision.status, decision.feedback) == ("assigned", None)
    assert decision.latest_progress == "反馈不满意，重新办理（企业认为未落实）"


def test_the_setting_is_off_by_default_and_every_change_is_logged(office) -> None:
    ws, *_ids = office
    with ws.db.read() as s:
        assert office_settings.get(s, SETTING) is False
    with ws.db.transaction() as s:
        office_settings.put(s, SETTING, True)
    with ws.db.transaction() as s:
        office_settings.put(s, SETTING, False)
    with ws.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "app_setting", AuditLog.field == SETTING)
                         .order_by(AuditLog.id)).all()
        assert [(r.action, r.old_value, r.new_value, r.operator) for r in rows] == [
            ("create", None, "true", "测试员"), ("update", "true", "false", "测试员")]
        shown = audit_log.page(s, audit_log.AuditFilter(entity="app_setting"))
        assert [row[3:] for row in shown] == [
            ("修改", "系统设置", "", "销号时允许“未能征求”企业意见", "是", "否"),
            ("新增", "系统设置", "", "销号时允许“未能征求”企业意见", "", "是")]


def test_the_issue_ledger_shows_the_reopening_as_latest_progress(office, tmp_path) -> None:
    import openpyxl

    from desktop.exporters import jobs
    from desktop.services.scope import Period

    ws, issue_id, _decision_id = office
    with ws.db.transaction() as s:
        issues.close(s, issue_id, Feedback.SATISFIED.value, on=D)
        issues.reopen(s, issue_id, "企业反映仍未通电", on=D)
    target = tmp_path / "问题台账.xlsx"
    jobs.export_ledger(ws.db, jobs.LedgerRequest("ledger-issues", Period.year(2026), date(2026, 5, 2)), target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(row for row in cells if "问题描述" in row)
    line = next(row for row in cells if "施工用电增容手续办理周期长" in row)
    progress = next(i for i, name in enumerate(header) if name and "进展" in name)
    status = next(i for i, name in enumerate(header) if name and "状态" in name)
    assert line[progress] == "重新打开：企业反映仍未通电"
    assert line[status] == IssueStatus.ASSIGNED.label
