"""Undo of a 收取反馈 as a whole, like an import: every row back as it was, refused when later work depends on it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.db.models import AuditLog, FeedbackItem, FeedbackReply, ImportBatch, Issue
from desktop.errors import NotFound
from desktop.importers.feedback_form import FIRST_DATA_ROW, NEW_FIELDS, NEW_SHEET
from desktop.services import tracking
from desktop.services.feedback.collect import collect
from desktop.services.feedback.send import send_round
from desktop.services.feedback.undo import last_collect, undo_collect
from desktop.services.importing.undo import UndoRefused, count_rows, history
from tests.services.feedback.support import fill

SENT = date(2026, 11, 25)
RECEIVED = date(2026, 11, 30)


@pytest.fixture
def sent(demo_workspace, tmp_path: Path):
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="2026年11月第1轮", today=SENT)
    form = next(f for f in result.forms if f.items >= 2)
    return demo_workspace, form


def _returned(form_path: Path, target: Path, project: str | None = None) -> Path:
    back = fill(form_path, target, {
        1: {"办理进展": "已完成用地预审", "办理状态": "阶段性推进", "预计完成时间": datetime(2026, 12, 20)},
        2: {"办理进展": "已取得批复", "办理状态": "已办结"},
    })
    if project is not None:
        workbook = load_workbook(back)
        sheet = workbook[NEW_SHEET]
        sheet.cell(FIRST_DATA_ROW, NEW_FIELDS.index("项目名称") + 1).value = project
        sheet.cell(FIRST_DATA_ROW, NEW_FIELDS.index("问题描述") + 1).value = "施工便道需临时占用林地"
        workbook.save(back)
    return back


def _state(ws) -> tuple[dict[str, int], dict[int, tuple], dict[int, tuple]]:  # type: ignore[no-untyped-def]
    with ws.db.read() as session:
        issues = {i.id: (i.latest_progress, i.status) for i in session.scalars(select(Issue))}
        items = {i.id: i.answer_sha256 for i in session.scalars(select(FeedbackItem))}
        return count_rows(session), issues, items


def test_undo_puts_every_row_back_and_the_files_can_be_collected_again(sent, tmp_path: Path) -> None:
    ws, form = sent
    with ws.db.read() as session:
        project = session.scalars(select(Issue).where(Issue.lead_unit.has(name=form.unit))).first().project.name
    back = _returned(form.path, tmp_path / "back" / form.path.name, project)
    counts, issues, items = _state(ws)
    result = collect(ws.db, [back], data_dir=ws.data_dir, today=RECEIVED)
    assert result.taken == 2 and len(result.new_issues) == 1 and result.batch_id is not None
    with ws.db.read() as session:
        assert last_collect(session) == result.batch_id
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.kind, batch.file_name, batch.operator) == ("feedback", back.name, "测试员")
        assert batch.backup_file == str(result.backup_path)
        # two journal entries, the reply, the new issue with its two notes (created, reported by) created;
        # the unit's 已办结 as a request awaiting confirmation; two issues (latest progress) and two round items
        # (answer digest) changed
        assert batch.rows_created == 2 + 1 + 1 + 2 + 1 and batch.rows_updated == 4
        line = next(b for b in history(session) if b.id == result.batch_id)
        assert (line.kind_label, line.state) == ("收取反馈", "有效")
        audit_before = session.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()).limit(1))
    assert _state(ws)[0] != counts

    message = undo_collect(ws.db, data_dir=ws.data_dir)
    assert message == (f"已撤销收取反馈记录 {result.batch_id}（{back.name}）：删除收取时新建的记录 7 条，"
                       "恢复被更新的记录 4 条。")
    after_counts, after_issues, after_items = _state(ws)
    counts["audit_log"] = after_counts["audit_log"]
    counts["import_batch"] += 1  # the batch stays, marked undone
    counts["import_item"] = after_counts["import_item"]
    assert after_counts == counts
    assert after_issues == issues and after_items == items
    with ws.db.read() as session:
        # the undone items are in step with their issues again (undo moved the issues' versions on)
        for _f, row in result.preview.takeable(False):
            item = session.get(FeedbackItem, row.item_id)
            assert item.answered_version == item.issue.version
        assert session.get(ImportBatch, result.batch_id).undone_at is not None
        assert last_collect(session) is None
        logged = session.scalars(select(AuditLog).where(AuditLog.id > audit_before)).all()
        deleted = {(a.entity, a.old_value) for a in logged if a.action == "delete"}
        assert ("feedback_reply", f"撤销收取反馈记录 {result.batch_id}（{back.name}）") in deleted
        assert {a.operator for a in logged} == {"测试员"}
    with pytest.raises(UndoRefused, match=r"已于 .* 撤销过"):
        undo_collect(ws.db, result.batch_id)
    with pytest.raises(NotFound, match="没有可撤销的收取反馈记录"):
        undo_collect(ws.db)

    again = collect(ws.db, [back], data_dir=ws.data_dir, today=RECEIVED)
    assert again.taken == 2 and len(again.new_issues) == 1
    with ws.db.read() as session:
        assert session.scalars(select(FeedbackReply)).one().file_name == back.name


def test_undo_is_refused_when_the_office_worked_on_the_issue_since(sent, tmp_path: Path) -> None:
    ws, form = sent
    back = _returned(form.path, tmp_path / "back" / form.path.name)
    result = collect(ws.db, [back], data_dir=ws.data_dir, today=RECEIVED)
    taken = [row.issue_id for _f, row in result.preview.takeable(False)]
    with ws.db.transaction() as session:
        tracking.add_progress(session, session.get(Issue, taken[0]), "办公室电话核实", on=RECEIVED)
    before = _state(ws)
    with pytest.raises(UndoRefused) as refused:
        undo_collect(ws.db, result.batch_id, data_dir=ws.data_dir)
    text = str(refused.value)
    assert text.startswith(f"收取反馈记录 {result.batch_id}（{back.name}）不能撤销，收取后的工作依赖这些数据：")
    assert f"问题（编号 {taken[0]}）在收取后又被修改过" in text
    assert _state(ws) == before


def test_only_collects_are_undone_here(sent) -> None:
    ws, _form = sent
    with pytest.raises(NotFound, match="找不到收取反馈记录 999"):
        undo_collect(ws.db, 999)


def test_a_dry_run_leaves_no_batch(sent, tmp_path: Path) -> None:
    ws, form = sent
    back = _returned(form.path, tmp_path / "back" / form.path.name)
    result = collect(ws.db, [back], dry_run=True, today=RECEIVED)
    assert result.dry_run and result.taken == 2
    with ws.db.read() as session:
        assert session.scalars(select(ImportBatch)).first() is None


def test_a_conflict_taken_and_undone_is_a_conflict_again(sent, tmp_path: Path) -> None:
    """Only items that were in step with their issue are re-based by the undo: one the office had changed after
    sending comes back as a conflict, as before the collect."""
    ws, form = sent
    back = _returned(form.path, tmp_path / "back" / form.path.name)
    preview = collect(ws.db, [back], dry_run=True, today=RECEIVED).preview
    first, second = (row.issue_id for _f, row in preview.takeable(False))
    with ws.db.transaction() as session:
        tracking.add_progress(session, session.get(Issue, first), "办公室发出后又电话核实", on=RECEIVED)
    verdicts = {r.issue_id: r.verdict.value for f in collect(ws.db, [back], dry_run=True, today=RECEIVED).preview.files
                for r in f.rows if r.issue_id in (first, second)}
    assert verdicts == {first: "conflict", second: "new"}
    result = collect(ws.db, [back], data_dir=ws.data_dir, include_conflicts=True, today=RECEIVED)
    assert result.taken == 2
    undo_collect(ws.db, result.batch_id, data_dir=ws.data_dir)
    again = collect(ws.db, [back], dry_run=True, today=RECEIVED).preview
    assert {r.issue_id: r.verdict.value for f in again.files for r in f.rows if r.issue_id in (first, second)} == \
        {first: "conflict", second: "new"}
