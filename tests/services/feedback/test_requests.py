"""A unit's 已办结, 申请延期 and 需上级协调 become requests: nothing in the record changes until the clerk decides;
each decision is journalled, audited with who decided, and can be undone. Forms filled with openpyxl and collected."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.enums import IssueLevel, IssueStatus
from desktop.db.models import AuditLog, Escalation, FeedbackRequest, Issue, IssueNote
from desktop.errors import TransitionRefused
from desktop.services.feedback import keys, requests
from desktop.services.feedback.collect import collect
from desktop.services.feedback.send import send_round
from desktop.services.feedback.undo import undo_collect
from desktop.services.validation import ValidationError
from tests.services.feedback.support import data_rows, fill

SENT = date(2026, 11, 25)
BACK = date(2026, 11, 30)
DECIDED = date(2026, 12, 1)


@pytest.fixture
def collected(demo_workspace, tmp_path: Path):
    """A unit's form back with one answer of each kind that asks something, and one progress only."""
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="十一月轮", today=SENT)
        form = next(f for f in result.forms if f.items >= 5 and _all_issues(session, f.path, 5))
        before = {n: _snapshot(_issue_of(session, form.path, n)) for n in range(1, 6)}
    back = fill(form.path, tmp_path / "back" / form.path.name, {
        1: {"办理进展": "已取得施工许可", "办理状态": "已办结", "预计完成时间": datetime(2026, 11, 28)},
        2: {"办理进展": "用地手续已报", "办理状态": "已办结"},  # no date written
        3: {"办理进展": "等待省厅批复", "办理状态": "申请延期", "预计完成时间": "2027-01-15"},
        4: {"办理状态": "需上级协调", "需协调事项": "请市自然资源局协调用地指标"},
        5: {"办理进展": "正在办理"},
    })
    outcome = collect(demo_workspace.db, [back], data_dir=demo_workspace.data_dir, today=BACK)
    return demo_workspace, form, before, outcome


def _all_issues(session, path: Path, count: int) -> bool:
    return all(_issue_of(session, path, n) is not None for n in range(1, count + 1))


def _issue_of(session, path: Path, number: int) -> Issue | None:
    row = next(r for r in data_rows(path) if r["序号"] == number)
    key = keys.decode(row["校验码"], keys.office_secret(session, create=False))
    return session.scalars(select(Issue).where(Issue.uuid == key.issue_uuid)).first()


def _snapshot(issue: Issue) -> tuple:
    return issue.id, issue.status, issue.deadline, issue.deadline_text, issue.level, issue.resolved_on


def _requests_by_issue(session) -> dict[int, FeedbackRequest]:
    return {r.issue_id: r for r in session.scalars(select(FeedbackRequest))}


def test_collect_records_requests_and_changes_no_status_or_deadline(collected) -> None:
    ws, form, before, outcome = collected
    assert len(outcome.requests) == 4
    with ws.db.read() as session:
        found = _requests_by_issue(session)
        ids = {n: before[n][0] for n in before}
        assert set(found) == {ids[1], ids[2], ids[3], ids[4]}
        assert [(found[ids[n]].kind, found[ids[n]].state, found[ids[n]].unit_date) for n in (1, 2, 3, 4)] == [
            ("done", "pending", date(2026, 11, 28)), ("done", "pending", None),
            ("extension", "pending", date(2027, 1, 15)), ("coordination", "pending", None)]
        assert found[ids[4]].unit_text == "需协调事项：请市自然资源局协调用地指标"
        done_note = session.get(Issue, ids[1]).notes[-1].text
        assert done_note.endswith("单位报告已办结，待办公室确认。已取得施工许可；办结日期（单位填写）：2026-11-28")
        assert all(r.file_name == form.path.name and r.reported_on == BACK for r in found.values())
        for n, snap in before.items():  # status, deadline and level as they were: nothing decided yet
            issue = session.get(Issue, snap[0])
            assert (_snapshot(issue)[:5]) == snap[:5], n
        awaiting, pending = requests.pending_issue_ids(session)
        assert awaiting == {ids[1], ids[2]} and pending == {ids[1], ids[2], ids[3], ids[4]}
        rows = requests.list_requests(session)
        assert [r.asks for r in rows][:2] == ["报告已办结（2026年11月28日）：已取得施工许可", "报告已办结（未填写日期）：用地手续已报"]
        assert rows[2].asks == "申请延期至2027年1月15日：等待省厅批复" and rows[2].round_name == "十一月轮"
        logged = session.scalars(select(AuditLog).where(AuditLog.entity == "feedback_request")).all()
        assert len(logged) >= 4 and {a.operator for a in logged} == {"测试员"}
    # the collect undone as a whole takes its requests with it
    undo_collect(ws.db, outcome.batch_id, data_dir=ws.data_dir)
    with ws.db.read() as session:
        assert session.scalars(select(FeedbackRequest)).all() == []


def test_confirm_done_takes_the_units_date_and_is_audited_and_undone(collected) -> None:
    ws, _form, before, _outcome = collected
    issue_id = before[1][0]
    with ws.db.transaction() as session:
        request = _requests_by_issue(session)[issue_id]
        with pytest.raises(ValidationError, match="按单位报告的日期确认"):
            requests.confirm_done(session, request.id, done_on=date(2026, 11, 29), on=DECIDED)
    with ws.db.transaction() as session:
        request_id = _requests_by_issue(session)[issue_id].id
        requests.confirm_done(session, request_id, on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert (issue.status, issue.resolved_on) == (IssueStatus.RESOLVED.value, date(2026, 11, 28))
        note = issue.notes[-1]
        assert note.kind == "resolve" and note.noted_on == date(2026, 11, 28) and "确认" in note.text
        request = session.get(FeedbackRequest, request_id)
        assert (request.state, request.decided_by, request.decided_on) == ("confirmed", "测试员", DECIDED)
        assert session.scalars(select(AuditLog).where(AuditLog.entity == "feedback_request",
                                                      AuditLog.entity_id == request_id,
                                                      AuditLog.field == "state")).all()[-1].new_value == "confirmed"
        assert issue_id not in requests.pending_issue_ids(session)[0]
    with ws.db.transaction() as session, pytest.raises(TransitionRefused, match="已处理"):
        requests.return_done(session, request_id, "重复", on=DECIDED)  # a decided request is not decided again
    with ws.db.transaction() as session:
        requests.undo_decision(session, request_id, on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert _snapshot(issue)[:5] == before[1][:5] and issue.resolved_on is None
        assert issue.notes[-1].kind == "undo" and "撤销“确认办结”" in issue.notes[-1].text
        assert all(n.kind != "resolve" for n in issue.notes)
        assert session.get(FeedbackRequest, request_id).state == "pending"
        undo_row = session.scalars(select(AuditLog).where(AuditLog.action == "undo")).all()[-1]
        assert undo_row.entity == "issue" and undo_row.field == "确认办结"


def test_done_without_a_date_needs_the_clerks_day_and_a_return_needs_its_reason(collected) -> None:
    ws, _form, before, _outcome = collected
    with ws.db.transaction() as session:
        request_id = _requests_by_issue(session)[before[2][0]].id
        with pytest.raises(ValidationError, match="请填写单位报告的办结日期（单位未填写）"):
            requests.confirm_done(session, request_id, on=DECIDED)
    with ws.db.transaction() as session, pytest.raises(ValidationError, match="退回原因"):
        requests.return_done(session, request_id, "  ", on=DECIDED)
    with ws.db.transaction() as session:
        requests.return_done(session, request_id, "现场核查仍有遗留问题", on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, before[2][0])
        assert issue.status == before[2][1] and issue.status in ("assigned", "phased")
        assert issue.latest_progress.startswith("退回") and "现场核查仍有遗留问题" in issue.latest_progress
        request = session.get(FeedbackRequest, request_id)
        assert (request.state, request.answer) == ("returned", "现场核查仍有遗留问题")


def test_extension_changes_the_deadline_only_when_approved_and_keeps_the_old_one(collected) -> None:
    ws, _form, before, _outcome = collected
    issue_id, old = before[3][0], before[3][2]
    with ws.db.transaction() as session:
        request_id = _requests_by_issue(session)[issue_id].id
        requests.approve_extension(session, request_id, on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert issue.deadline == date(2027, 1, 15) and issue.deadline_text is None
        request = session.get(FeedbackRequest, request_id)
        assert (request.state, request.old_deadline) == ("approved", old)
        assert issue.notes[-1].kind == "extend" and "调整为2027年1月15日" in issue.notes[-1].text
        changed = session.scalars(select(AuditLog).where(AuditLog.entity == "issue", AuditLog.entity_id == issue_id,
                                                         AuditLog.field == "deadline")).all()[-1]
        assert (changed.old_value, changed.new_value) == (old.isoformat() if old else None, "2027-01-15")
    with ws.db.transaction() as session:
        requests.undo_decision(session, request_id, on=DECIDED)
    with ws.db.transaction() as session:
        assert session.get(Issue, issue_id).deadline == old
        requests.refuse_extension(session, request_id, "时限不再调整", on=DECIDED)
    with ws.db.read() as session:
        assert session.get(Issue, issue_id).deadline == old
        assert "不同意" in session.get(Issue, issue_id).notes[-1].text


def test_coordination_is_escalated_through_the_issue_service_or_answered(collected) -> None:
    ws, form, before, _outcome = collected
    issue_id = before[4][0]
    with ws.db.transaction() as session:
        request_id = _requests_by_issue(session)[issue_id].id
        with pytest.raises(TransitionRefused, match="不能这样处理"):
            requests.approve_extension(session, request_id, on=DECIDED)
        issue = session.get(Issue, issue_id)
        level, path = IssueLevel(issue.level), [e.id for e in issue.escalations]
    target = next(lv for lv in IssueLevel if lv.rank > level.rank)
    with ws.db.transaction() as session:
        requests.escalate(session, request_id, target.value, on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert issue.level == target.value and len(issue.escalations) == len(path) + 1
        assert issue.escalations[-1].reason == f"{form.unit}申请上级协调：需协调事项：请市自然资源局协调用地指标"
        assert session.get(FeedbackRequest, request_id).state == "escalated"
    with ws.db.transaction() as session:
        requests.undo_decision(session, request_id, on=DECIDED)
    with ws.db.transaction() as session:
        issue = session.get(Issue, issue_id)
        assert issue.level == level.value
        assert [e.id for e in session.scalars(select(Escalation).where(Escalation.issue_id == issue_id))] == path
        requests.answer(session, request_id, "已协调市局，下周会商", on=DECIDED)
    with ws.db.read() as session:
        issue = session.get(Issue, issue_id)
        assert issue.level == level.value and "已协调市局，下周会商" in issue.latest_progress
        assert session.get(FeedbackRequest, request_id).state == "answered"


def test_a_newer_answer_supersedes_the_pending_request_of_the_same_kind(collected, tmp_path: Path) -> None:
    ws, form, before, _outcome = collected
    again = fill(form.path, tmp_path / "again" / "第二次报回.xlsx", {
        3: {"办理进展": "省厅仍未批复", "办理状态": "申请延期", "预计完成时间": "2027-02-28"}})
    collect(ws.db, [again], data_dir=ws.data_dir, today=DECIDED)
    with ws.db.read() as session:
        both = session.scalars(select(FeedbackRequest).where(FeedbackRequest.issue_id == before[3][0])
                               .order_by(FeedbackRequest.id)).all()
        assert [(r.state, r.unit_date) for r in both] == [("superseded", date(2027, 1, 15)),
                                                          ("pending", date(2027, 2, 28))]
        assert both[0].answer == "被“第二次报回.xlsx”中的新申请取代"


def test_undo_is_refused_once_someone_worked_on_the_record(collected) -> None:
    from desktop.services.issues import actions as issues

    ws, _form, before, _outcome = collected
    issue_id = before[3][0]
    with ws.db.transaction() as session:
        request_id = _requests_by_issue(session)[issue_id].id
        requests.approve_extension(session, request_id, on=DECIDED)
    with ws.db.transaction() as session:
        issues.add_progress(session, issue_id, "办公室后来记的进展", on=DECIDED)
    with ws.db.transaction() as session, pytest.raises(TransitionRefused, match="不能撤销"):
        requests.undo_decision(session, request_id, on=DECIDED)
    with ws.db.read() as session:
        assert session.get(Issue, issue_id).deadline == date(2027, 1, 15)
        assert session.scalars(select(IssueNote).where(IssueNote.issue_id == issue_id)).all()[-1].text == "办公室后来记的进展"


def test_cli_lists_and_decides_requests(collected, capsys) -> None:
    from desktop.cli import main

    ws, _form, before, _outcome = collected
    data = ["--data-dir", str(ws.data_dir)]
    with ws.db.read() as session:
        found = {n: _requests_by_issue(session)[before[n][0]].id for n in (1, 2, 3, 4)}
    assert main(["feedback", "requests", *data]) == 0
    listed = capsys.readouterr().out
    assert listed.count("待处理") == 4 and "申请延期至2027年1月15日" in listed and "报告已办结（未填写日期）" in listed
    assert main(["feedback", "approve", *data, str(found[2])]) == 2
    assert "请填写单位报告的办结日期" in capsys.readouterr().err
    assert main(["feedback", "approve", *data, str(found[2]), "--done-on", "2026-11-29"]) == 0
    assert main(["feedback", "approve", *data, str(found[4])]) == 2
    assert "escalate" in capsys.readouterr().err
    assert main(["feedback", "escalate", *data, str(found[4]), "--to", "省级"]) == 2
    assert "不是办理层级" in capsys.readouterr().err
    assert main(["feedback", "answer", *data, str(found[4]), "--text", "办公室已协调"]) == 0
    assert main(["feedback", "refuse", *data, str(found[3]), "--reason", "不予延期"]) == 0
    assert main(["feedback", "undo-decision", *data, str(found[3])]) == 0
    assert "重新待处理" in capsys.readouterr().out
    with ws.db.read() as session:
        resolved = session.get(Issue, before[2][0])
        assert (resolved.status, resolved.resolved_on) == ("resolved", date(2026, 11, 29))
        states = {n: session.get(FeedbackRequest, found[n]).state for n in found}
    assert states == {1: "pending", 2: "confirmed", 3: "pending", 4: "answered"}
    assert main(["feedback", "requests", *data, "--all"]) == 0
    listed = capsys.readouterr().out
    assert "已确认办结" in listed and "已答复" in listed and "办公室已协调" in listed


def test_a_decided_items_reported_done_awaits_confirmation_too(demo_workspace, tmp_path: Path) -> None:
    from desktop.db.models import Decision, Meeting, Unit
    from desktop.services.meetings.actions import DecisionInput, add_decision

    out = tmp_path / "out"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
        unit_id = session.scalars(select(Unit.id).order_by(Unit.id)).first()
        decision_id = add_decision(session, meeting.id, DecisionInput("月底前完成临时用电接入", unit_id,
                                                                      deadline=date(2026, 12, 20))).id
        send_round(session, out, units=[session.get(Unit, unit_id).name], deadline=date(2026, 12, 2),
                   name="议定事项轮", today=SENT)
        from desktop.db.models import FeedbackItem

        sent = session.scalars(select(FeedbackItem).where(FeedbackItem.decision_id == decision_id)).one()
        unit, position = sent.unit.name, sent.position
    form = next(out.glob(f"{unit}_问题办理反馈表_议定事项轮.xlsx"))
    back = fill(form, tmp_path / "back" / form.name, {position: {"办理进展": "已接通", "办理状态": "已办结"}})
    collect(demo_workspace.db, [back], data_dir=demo_workspace.data_dir, today=BACK)
    with demo_workspace.db.transaction() as session:
        request = session.scalars(select(FeedbackRequest).where(FeedbackRequest.decision_id == decision_id)).one()
        assert (request.kind, request.state, request.issue_id) == ("done", "pending", None)
        assert session.get(Decision, decision_id).status == "assigned"  # nothing decided yet
        request_id = request.id
    with demo_workspace.db.transaction() as session:
        requests.confirm_done(session, request_id, done_on=date(2026, 11, 29), on=DECIDED)
    with demo_workspace.db.read() as session:
        decision = session.get(Decision, decision_id)
        assert (decision.status, decision.resolved_on) == ("resolved", date(2026, 11, 29))
        assert decision.notes[-1].kind == "resolve"
    with demo_workspace.db.transaction() as session:
        requests.undo_decision(session, request_id, on=DECIDED)
    with demo_workspace.db.read() as session:
        decision = session.get(Decision, decision_id)
        assert (decision.status, decision.resolved_on) == ("assigned", None)
        assert decision.notes[-1].kind == "undo"
