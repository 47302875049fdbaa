"""发出反馈表 → a unit fills it in (openpyxl, and LibreOffice re-saving it) → 收取反馈: records, journal, 操作日志."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.db.audit import SECRET_SHOWN
from desktop.db.enums import IssueStatus
from desktop.db.models import AuditLog, FeedbackItem, FeedbackReply, FeedbackRound, Issue, IssueNote
from desktop.importers.feedback_form import UNIT_STATUSES
from desktop.services import office_settings
from desktop.services.feedback import keys
from desktop.services.feedback.collect import NothingNew, collect, preview_collect
from desktop.services.feedback.preview import Verdict
from desktop.services.feedback.send import form_file_name, send_round
from desktop.services.feedback.status import round_states
from tests.services.feedback.support import COLUMN, data_rows, fill, resave_with_libreoffice

TODAY = date(2026, 11, 25)
REPLY_DAY = date(2026, 11, 30)


@pytest.fixture
def sent(demo_workspace, tmp_path: Path):
    """One round sent to every unit with open issues; the form of a unit with at least three items."""
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="2026年11月第1轮", today=TODAY)
    form = next(f for f in result.forms if f.items >= 3)
    return demo_workspace, result, form


def _issue_of(session, form_path: Path, number: int) -> Issue:
    row = next(r for r in data_rows(form_path) if r["序号"] == number)
    key = keys.decode(row["校验码"], keys.office_secret(session, create=False))
    return session.scalars(select(Issue).where(Issue.uuid == key.issue_uuid)).one()


def test_send_writes_one_locked_form_per_unit(sent) -> None:
    ws, result, form = sent
    assert form.path.name == form_file_name(form.unit, "2026年11月第1轮") == \
        f"{form.unit}_问题办理反馈表_2026年11月第1轮.xlsx"
    workbook = load_workbook(form.path)
    sheet = workbook.active
    assert sheet["A1"].value.endswith("问题办理反馈表（2026年11月第1轮）")
    assert sheet["A2"].value == f"责任单位：{form.unit}　　反馈截止：2026年12月2日"
    assert sheet["A3"].value.startswith("填表说明：")
    assert [c.value for c in sheet[4]] == list(COLUMN)
    assert sheet.protection.sheet is True
    assert sheet.column_dimensions["L"].hidden is True
    # a streamed sheet keeps what is written before its rows: frozen header, landscape, fit to one page wide
    assert sheet.freeze_panes == "C5" and sheet.print_title_rows == "$4:$4"
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.auto_filter.ref == f"A4:K{4 + form.items}"
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == ["A1:K1", "A2:K2", "A3:K3"]
    rows = data_rows(form.path)
    assert [r["序号"] for r in rows] == list(range(1, form.items + 1))
    for row_number in range(5, 5 + form.items):
        for name, column in COLUMN.items():
            locked = sheet.cell(row_number, column).protection.locked
            assert locked is (name not in ("办理进展", "办理状态", "预计完成时间", "需协调事项", "责任人", "联系电话")), name
    validations = {dv.type: dv for dv in sheet.data_validations.dataValidation}
    assert validations["list"].formula1 == '"' + ",".join(UNIT_STATUSES) + '"'
    assert str(validations["list"].sqref) == f"G5:G{4 + form.items}"
    assert validations["date"].operator == "between"
    with ws.db.read() as session:
        round_ = session.scalars(select(FeedbackRound)).one()
        assert (round_.name, round_.deadline, round_.sent_on) == ("2026年11月第1轮", date(2026, 12, 2), TODAY)
        assert round_.units == [f.unit for f in result.forms]
        assert len(round_.items) == result.items
        secret = office_settings.get(session, keys.SECRET_KEY)
        assert len(secret) == 64
        # the 操作日志 says the secret was created, never what it is
        logged = session.scalars(select(AuditLog).where(AuditLog.field == keys.SECRET_KEY)).all()
        assert [(a.entity, a.action, a.new_value) for a in logged] == [("app_setting", "create", SECRET_SHOWN)]
        assert session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.new_value.contains(secret))) == 0
        first = _issue_of(session, form.path, 1)
        item = session.scalars(select(FeedbackItem).where(FeedbackItem.issue_id == first.id)).one()
        assert item.issue_version == first.version and item.unit.name == form.unit
        assert rows[0]["问题"] == first.description == item.sent_values["问题"]
        assert rows[0]["当前状态"] == IssueStatus(first.status).label
        # every unit with an open issue got its form, and only those
        open_units = session.scalar(select(func.count(func.distinct(Issue.lead_unit_id))).where(
            Issue.status.in_(("new", "assigned", "phased")), Issue.lead_unit_id.is_not(None)))
    assert len(result.forms) == open_units


def _fill_three(form_path: Path, target: Path, **options) -> Path:
    return fill(form_path, target, {
        1: {"办理进展": "已完成用地预审", "办理状态": "阶段性推进", "预计完成时间": datetime(2026, 12, 20),
            "责任人": "王伟", "联系电话": 13800001111},
        2: {"办理进展": "已取得批复", "办理状态": "已办结"},
        3: {"办理进展": "等待省厅批复", "办理状态": "申请延期", "预计完成时间": "2027-01-15",
            "需协调事项": "请区政府协调省厅"},
    }, **options)


def test_round_trip_records_journal_entries_and_keeps_status(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    returned = _fill_three(form.path, tmp_path / "back" / form.path.name, reverse=True,
                           edit={1: {"项目": "被单位改过的项目名"}})
    with ws.db.read() as session:
        before = {n: (i.id, i.status, i.version) for n in (1, 2, 3) for i in [_issue_of(session, form.path, n)]}
        audit_before = session.scalar(select(func.max(AuditLog.id)))

    preview = preview_collect(ws.db, [returned.parent])
    (report,) = preview.files
    assert report.unit == form.unit and report.round_name == "2026年11月第1轮" and report.refusal is None
    assert report.count(Verdict.NEW) == 3 and report.count(Verdict.EMPTY) == form.items - 3
    edited = next(r for r in report.rows if r.locked_edits)
    assert edited.locked_edits[0].startswith(f"文件“{form.path.name}”工作表“反馈表”第{4 + form.items}行“项目”：")
    assert "被单位改过的项目名" in edited.locked_edits[0] and edited.verdict is Verdict.NEW

    result = collect(ws.db, [returned.parent], data_dir=ws.data_dir, today=REPLY_DAY)

    assert result.taken == 3 and result.replies == 1 and result.backup_path.is_file()
    second, third = (next(r for r in data_rows(form.path) if r["序号"] == n) for n in (2, 3))
    assert sorted(result.requests) == sorted([
        f"{form.unit} · {second['项目']} · {second['问题'][:40]}：已办结，待办公室处理",
        f"{form.unit} · {third['项目']} · {third['问题'][:40]}：申请延期（预计完成时间 2027-01-15）：请区政府协调省厅"
        "，待办公室处理"])
    prefix = f"{form.unit}反馈（2026-11-30，{form.path.name}）："
    with ws.db.read() as session:
        texts = {}
        for number, (issue_id, status, version) in before.items():
            issue = session.get(Issue, issue_id)
            assert issue.status == status, "a unit's answer never changes the status"
            assert issue.version == version + 1
            note = session.scalars(select(IssueNote).where(IssueNote.issue_id == issue_id)
                                   .order_by(IssueNote.id.desc())).first()
            assert note.noted_on == REPLY_DAY and note.kind == "progress" and note.operator == "测试员"
            assert issue.latest_progress == note.text
            texts[number] = note.text
        assert texts[1] == prefix + "已完成用地预审；办理状态：阶段性推进；预计完成时间：2026-12-20；责任人：王伟；联系电话：13800001111"
        assert texts[2] == prefix + "单位报告已办结，待办公室确认。已取得批复"
        assert texts[3] == prefix + "等待省厅批复；办理状态：申请延期；预计完成时间：2027-01-15；需协调事项：请区政府协调省厅"
        reply = session.scalars(select(FeedbackReply)).one()
        assert (reply.file_name, reply.items_updated, reply.received_on) == (form.path.name, 3, REPLY_DAY)
        logged = session.scalars(select(AuditLog).where(AuditLog.id > audit_before)).all()
        created_notes = [a for a in logged if a.entity == "issue_note" and a.action == "create"]
        assert sorted(a.new_value for a in created_notes) == sorted(texts.values())
        assert {a.operator for a in logged} == {"测试员"}
        assert any(a.entity == "feedback_reply" and a.action == "create" for a in logged)
        states = round_states(session, date(2026, 12, 5))
    unit_state = next(u for u in states[0].units if u.unit == form.unit)
    assert (unit_state.replied_on, unit_state.items_updated, unit_state.label) == (REPLY_DAY, 3, "已报")
    assert form.unit not in states[0].late_units and len(states[0].late_units) == len(states[0].units) - 1


def test_same_file_twice_and_a_resaved_copy_add_nothing(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    returned = _fill_three(form.path, tmp_path / "back" / form.path.name)
    collect(ws.db, [returned], data_dir=ws.data_dir, today=REPLY_DAY)
    with ws.db.read() as session:
        notes = session.scalar(select(func.count()).select_from(IssueNote))
    with pytest.raises(NothingNew, match="已收取过，没有新内容"):
        collect(ws.db, [returned], data_dir=ws.data_dir, today=REPLY_DAY)
    # the same answers in another file (saved again by the unit): each row is already collected
    copy = fill(returned, tmp_path / "again" / "重新保存.xlsx", {}, reverse=True)
    preview = preview_collect(ws.db, [copy])
    assert preview.files[0].count(Verdict.SAME) == 3 and preview.files[0].count(Verdict.NEW) == 0
    with pytest.raises(NothingNew):
        collect(ws.db, [copy], data_dir=ws.data_dir, today=REPLY_DAY)
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(IssueNote)) == notes
        assert session.scalar(select(func.count()).select_from(FeedbackReply)) == 1


def test_libreoffice_resaved_form_reads_the_same(sent, tmp_path: Path) -> None:
    ws, _result, form = sent
    filled = _fill_three(form.path, tmp_path / "filled" / form.path.name, reverse=True)
    resaved = resave_with_libreoffice(filled, tmp_path / "lo")
    if resaved is None:
        pytest.skip("LibreOffice is not installed")
    assert resaved.read_bytes() != filled.read_bytes()
    result = collect(ws.db, [resaved], data_dir=ws.data_dir, today=REPLY_DAY)
    assert result.taken == 3
    assert not [r.locked_edits for f in result.preview.files for r in f.rows if r.locked_edits]
    assert sorted(r.answer.status for f in result.preview.files for r in f.rows if r.verdict is Verdict.NEW) == \
        ["已办结", "申请延期", "阶段性推进"]
    expected = {r.answer.expected for f in result.preview.files for r in f.rows if r.answer.expected}
    assert expected == {date(2026, 12, 20), date(2027, 1, 15)}
