"""A 督办单 sent with its reply form (回执): the unit's 问题办理反馈表 for exactly the notice's items, written and
recorded with the notice, listed as its 附件, taken back by `feedback collect`, and shown in the 督办 register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import FeedbackRound, IssueNote, SupervisionNotice
from desktop.errors import UserError
from desktop.exporters.supervision_job import issue_and_write, reply_form_path
from desktop.services.feedback.collect import collect
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import NoticeRequest, register
from desktop.workspace import open_workspace
from tests.services.feedback.support import data_rows, fill
from tests.services.supervision.test_notices import TODAY
from tests.services.supervision.test_notices import office as office

NOTICE = SupervisionKind.NOTICE


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())


def test_notice_with_form_round_trip(office, tmp_path: Path) -> None:
    ws, zj, _cg, ids = office
    out = tmp_path / "out"
    out.mkdir()
    target = out / "督办单.docx"
    request = NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10))
    _notice_id, label, count = issue_and_write(ws.db, request, target, TODAY, with_form=True)
    assert (label, count) == ("督办单督办〔2026〕1号", 1)
    form = reply_form_path(target, label, "区住建局")
    assert form.name == "区住建局_问题办理反馈表_督办单督办〔2026〕1号回执.xlsx" and form.is_file()
    rows = data_rows(form)
    assert [r["问题"] for r in rows] == ["问题a：施工用电增容"]  # the notice's item only, not b nor the due-soon one
    assert "附件：问题办理反馈表（请填写后于2026年12月10日前按原文件报回）" in _text(target)
    with ws.db.read() as s:
        (line,) = register(s, today=TODAY)
        assert line.state == "待回复"
        sent = s.scalars(select(FeedbackRound).where(FeedbackRound.name == "督办单督办〔2026〕1号回执")).one()
        assert (sent.deadline, sent.sent_on, sent.units) == (date(2026, 12, 10), TODAY, ["区住建局"])
    # A notice without a form has no 附件 line.
    plain = out / "督办单2.docx"
    issue_and_write(ws.db, NoticeRequest(NOTICE, zj, [ids["b"]], TODAY, date(2026, 12, 10)), plain, TODAY)
    assert "附件" not in _text(plain)
    # The unit fills the form in and sends it back; collect takes it in as the item's progress.
    back = fill(form, tmp_path / "back" / form.name, {1: {"办理进展": "已向供电公司申请增容", "办理状态": "阶段性推进"}})
    result = collect(ws.db, [back], data_dir=ws.data_dir, today=date(2026, 12, 8))
    assert result.taken == 1
    with ws.db.read() as s:
        states = {line.number_text: line.state for line in register(s, today=date(2026, 12, 11))}
        note = s.scalars(select(IssueNote).where(IssueNote.issue_id == ids["a"]).order_by(IssueNote.id.desc())).first()
    assert states == {"督办〔2026〕1号": "已报回反馈表（2026年12月8日）", "督办〔2026〕2号": "逾期未回复"}
    assert "已向供电公司申请增容" in note.text


def test_a_failed_form_leaves_no_number_and_no_file(office, tmp_path: Path) -> None:
    ws, zj, _cg, ids = office
    target = tmp_path / "督办单.docx"
    form = reply_form_path(target, "督办单督办〔2026〕1号", "区住建局")
    form.write_bytes(b"already here")  # the form's file name is taken: nothing may be overwritten
    with pytest.raises(UserError, match="已存在"):
        issue_and_write(ws.db, NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10)), target, TODAY,
                        with_form=True)
    assert form.read_bytes() == b"already here" and not target.exists()
    with ws.db.read() as s:
        assert s.scalar(select(func.count()).select_from(SupervisionNotice)) == 0
        assert s.scalar(select(func.count()).select_from(FeedbackRound)) == 0
    # The number the failed attempt would have taken is the next one's: no gap in the register.
    form.unlink()
    _id, label, _count = issue_and_write(ws.db, NoticeRequest(NOTICE, zj, [ids["a"]], TODAY, date(2026, 12, 10)),
                                         target, TODAY, with_form=True)
    assert label == "督办单督办〔2026〕1号" and target.is_file() and form.is_file()


def test_cli_with_form(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.db.models import Project, Unit
    from desktop.services.issues import actions as issues

    data = tmp_path / "data"
    with open_workspace(data) as ws, ws.db.transaction() as s:
        unit = Unit(name="区住建局")
        project = Project(code="2026-001", name="紫云府项目", list_year=2026, stage="continuing")
        s.add_all([unit, project])
        s.flush()
        issue = issues.create_issue(s, issues.IssueInput("施工用电增容", date(2026, 9, 1), project_id=project.id))
        issues.assign(s, issue.id, unit.id, date(2026, 11, 20), on=date(2026, 9, 1))
    out = tmp_path / "督办单.docx"
    assert main(["export", "supervision", "--kind", "督办单", "--unit", "区住建局", "--out", str(out), "--with-form",
                 "--date", "2026-12-03", "--today", "2026-12-03", "--data-dir", str(data)]) == 0
    said = capsys.readouterr().out
    assert "随文附发问题办理反馈表：" in said and "回执" in said
    assert len(list(tmp_path.glob("区住建局_问题办理反馈表_督办单督办〔*〕1号回执.xlsx"))) == 1
