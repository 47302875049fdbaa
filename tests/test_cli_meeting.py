"""`keyproj meeting attendance`: 出席/请假/列席 recorded as written, shown back, printed in the 纪要's block."""

from __future__ import annotations

from docx import Document
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import Meeting


def test_attendance_recorded_shown_and_printed(demo_workspace, tmp_path, capsys) -> None:
    data_dir = str(demo_workspace.data_dir)
    with demo_workspace.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id).order_by(Meeting.held_at.desc())).first()
    present = "区政府副区长张某某，区住建局局长李某某（兼）"
    assert main(["meeting", "attendance", "--meeting", str(meeting_id), "--present", present,
                 "--on-leave", " 区财政局局长孙某某 ", "--observers", "区委督查室", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert f"出席：{present}" in out and "请假：区财政局局长孙某某" in out and "列席：区委督查室" in out
    with demo_workspace.db.read() as s:
        meeting = s.get(Meeting, meeting_id)
        assert (meeting.attendees, meeting.on_leave, meeting.observers) == (present, "区财政局局长孙某某", "区委督查室")

    assert main(["meeting", "attendance", "--meeting", str(meeting_id), "--observers", "", "--data-dir", data_dir]) == 0
    assert "列席：（未填写，纪要不印此行）" in capsys.readouterr().out
    out_file = tmp_path / "纪要.docx"
    assert main(["export", "minutes", "--meeting", str(meeting_id), "--out", str(out_file), "--data-dir", data_dir,
                 "--today", "2026-11-25"]) == 0
    texts = [p.text for p in Document(str(out_file)).paragraphs]
    assert f"出席：{present}" in texts and "请假：区财政局局长孙某某" in texts
    assert not any(t.startswith("列席") for t in texts)

    assert main(["meeting", "list", "--year", "2026", "--data-dir", data_dir]) == 0
    assert "2026年第3次推进会" in capsys.readouterr().out


def test_attendance_of_an_unknown_meeting_is_refused(demo_workspace, capsys) -> None:
    code = main(["meeting", "attendance", "--meeting", "999", "--present", "x",
                 "--data-dir", str(demo_workspace.data_dir)])
    assert code == 2 and "找不到会议（编号 999）" in capsys.readouterr().err


def test_export_minutes_names_what_to_correct(demo_workspace, tmp_path, capsys) -> None:
    with demo_workspace.db.read() as s:
        first = s.scalars(select(Meeting.id).order_by(Meeting.held_at)).first()
    assert main(["export", "minutes", "--meeting", str(first), "--out", str(tmp_path / "纪要.docx"),
                 "--data-dir", str(demo_workspace.data_dir), "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "请核对：第7项议定事项：正文写“5月底前”，完成时限为“2026年5月13日前”，两者不一致" in out
