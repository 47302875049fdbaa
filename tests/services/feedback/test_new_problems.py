"""新增问题: the form's second sheet, filled by a unit, collected into new 待交办 issues — nothing invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.db.enums import IssueStatus
from desktop.db.models import Issue, IssueNote, Project
from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADER_ROW, NEW_FIELDS, NEW_SHEET
from desktop.services.feedback.collect import NothingNew, collect, preview_collect
from desktop.services.feedback.send import send_round
from tests.services.feedback.support import fill

SENT = date(2026, 11, 25)
RECEIVED = date(2026, 11, 30)


@pytest.fixture
def sent(demo_workspace, tmp_path: Path):
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="2026年11月第1轮", today=SENT)
        project = session.scalars(select(Project).order_by(Project.id)).first()
        existing = session.scalars(select(Issue).where(Issue.project_id == project.id)).first()
        names = (project.name, existing.description if existing else None)
    return demo_workspace, result.forms[0], names


def _with_new_problems(path: Path, target: Path, rows: list[dict[str, object]], answer: bool = True) -> Path:
    filled = fill(path, target, {1: {"办理进展": "主表的进展"}} if answer else {})
    workbook = load_workbook(filled)
    sheet = workbook[NEW_SHEET]
    for offset, values in enumerate(rows):
        for name, value in values.items():
            sheet.cell(FIRST_DATA_ROW + offset, NEW_FIELDS.index(name) + 1).value = value
    workbook.save(filled)
    return filled


def test_the_sent_form_has_an_open_new_problems_sheet(sent) -> None:
    _ws, form, _names = sent
    workbook = load_workbook(form.path)
    assert workbook.sheetnames == ["反馈表", NEW_SHEET]
    sheet = workbook[NEW_SHEET]
    assert [c.value for c in sheet[HEADER_ROW]] == list(NEW_FIELDS)
    assert sheet["A2"].value == f"填报单位：{form.unit}"
    assert sheet.protection.sheet is False
    assert [sheet.cell(r, 1).value for r in range(FIRST_DATA_ROW, FIRST_DATA_ROW + 30)] == list(range(1, 31))


def test_reported_problems_become_pending_issues_as_written(sent, tmp_path: Path) -> None:
    ws, form, (project, existing) = sent
    back = _with_new_problems(form.path, tmp_path / "back" / form.path.name, [
        {"项目名称": project, "问题描述": "施工便道需临时占用林地", "发现日期": "2026-11-20", "建议完成时限": "12月底前",
         "需协调事项": "林业部门办理临时占用手续"},
        {"项目名称": project, "问题描述": "夜间施工许可未批复"},
        {"项目名称": "不存在的项目", "问题描述": "某问题"},
        {"项目名称": project, "问题描述": "只写到月的问题", "发现日期": "2026年11月"},
        {"项目名称": project, "问题描述": "未来日期的问题", "发现日期": "2027-01-05"},
        {"项目名称": project, "问题描述": existing},
        {"项目名称": project},
    ])
    preview = preview_collect(ws.db, [back], today=RECEIVED)
    (report,) = preview.files
    judged = [(p.row.row, p.taken) for p in report.new_problems]
    assert judged == [(5, True), (6, True), (7, False), (8, False), (9, False), (10, False), (11, False)]
    reasons = {p.row.row: p.reasons[0] for p in report.new_problems if p.reasons}
    assert "不在项目清单中" in reasons[7] and f"工作表“{NEW_SHEET}”第7行" in reasons[7]
    assert "只写到月" in reasons[8] and "晚于今天" in reasons[9]
    assert "已有相同的问题" in reasons[10] and "没有填写问题描述" in reasons[11]
    with ws.db.read() as session:
        before = session.scalar(select(func.count()).select_from(Issue))
    result = collect(ws.db, [back], data_dir=ws.data_dir, today=RECEIVED)
    assert result.taken == 1 and len(result.new_issues) == 2
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == before + 2
        dated, undated = (session.get(Issue, i) for i in result.new_issues)
        for issue in (dated, undated):
            assert issue.status == IssueStatus.NEW.value and issue.lead_unit_id is None and issue.deadline is None
            assert issue.found_by == form.unit and issue.project.name == project
        assert dated.found_on == date(2026, 11, 20) and undated.found_on is None  # not written: not made up
        notes = {i: [n.text for n in session.scalars(select(IssueNote).where(IssueNote.issue_id == i))]
                 for i in result.new_issues}
        assert any("建议完成时限：12月底前" in t and "需协调事项：林业部门办理临时占用手续" in t for t in notes[dated.id])
        assert not any("发现日期未填" in t for t in notes[dated.id])
        assert any("发现日期未填，未记录" in t for t in notes[undated.id])
        found_notes = session.scalars(select(IssueNote).where(IssueNote.issue_id == undated.id,
                                                               IssueNote.kind == "found")).all()
        assert found_notes and {n.noted_on for n in found_notes} == {RECEIVED}  # dated the day the form came in
    with pytest.raises(NothingNew):
        collect(ws.db, [back], data_dir=ws.data_dir, today=RECEIVED)


def test_left_out_problems_are_not_recorded_and_a_sheet_alone_is_taken(sent, tmp_path: Path) -> None:
    ws, form, (project, _existing) = sent
    back = _with_new_problems(form.path, tmp_path / "back" / form.path.name, [
        {"项目名称": project, "问题描述": "留下的问题"},
        {"项目名称": project, "问题描述": "不采用的问题"},
    ], answer=False)
    (report,) = preview_collect(ws.db, [back], today=RECEIVED).files
    result = collect(ws.db, [back], today=RECEIVED, declined_new=frozenset({(report.sha256, FIRST_DATA_ROW + 1)}))
    assert result.taken == 0 and len(result.new_issues) == 1 and result.replies == 1
    with ws.db.read() as session:
        assert session.get(Issue, result.new_issues[0]).description == "留下的问题"
        assert not session.scalars(select(Issue).where(Issue.description == "不采用的问题")).first()


def test_new_problems_of_a_form_that_is_not_ours_are_never_taken(sent, tmp_path: Path) -> None:
    ws, form, (project, _existing) = sent
    back = _with_new_problems(form.path, tmp_path / "back" / form.path.name,
                              [{"项目名称": project, "问题描述": "伪造表上的问题"}], answer=False)
    workbook = load_workbook(back)
    sheet = workbook.active
    for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
        if sheet.cell(row, sheet.max_column).value:
            sheet.cell(row, sheet.max_column).value = "伪造的校验码"
    workbook.save(back)
    (report,) = preview_collect(ws.db, [back], today=RECEIVED).files
    assert report.refusal and not report.new_problems
    with pytest.raises(NothingNew):
        collect(ws.db, [back], today=RECEIVED)
