"""交办通知 beside the forms, 催报通知 and the second round for the late units only."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import FeedbackRound
from desktop.errors import UserError
from desktop.exporters.feedback_job import notice_file_name, second_round, send_with_notices, write_chase
from desktop.services.feedback.collect import collect
from desktop.services.feedback.notices import chase_notice
from desktop.tools.render_docs import render_to_pdf, soffice_path
from tests.services.feedback.support import data_rows, fill

SENT = date(2026, 11, 25)
DEADLINE = date(2026, 12, 2)
LATE_DAY = date(2026, 12, 4)
ROUND = "2026年11月第1轮"


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def _table(path: Path) -> list[list[str]]:
    table = Document(str(path)).tables[0]
    # The table breaks long cells into lines itself (never inside a date or a name): compare the words.
    return [[cell.text.replace("\n", "") for cell in row.cells] for row in table.rows]


@pytest.fixture
def sent_with_notices(demo_workspace, tmp_path: Path):
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result, notices = send_with_notices(session, out, notices=True, deadline=DEADLINE, name=ROUND, today=SENT)
    return demo_workspace, result, notices


def test_each_unit_gets_a_notice_listing_the_rows_of_its_form(sent_with_notices) -> None:
    _ws, result, notices = sent_with_notices
    assert len(notices) == len(result.forms) > 1
    for form in result.forms:
        notice = form.path.parent / notice_file_name(form.unit, ROUND)
        assert notice in notices
        texts = _texts(notice)
        assert "交\u3000办\u3000通\u3000知" in texts
        assert ROUND in texts
        assert f"{form.unit}：" in texts
        assert any("于2026年12月2日前报送" in t and f"{form.items}项问题" in t for t in texts)
        table = _table(notice)
        assert table[0] == ["序号", "项目名称", "存在问题", "完成时限", "当前状态"]
        rows = data_rows(form.path)
        assert [r[:5] for r in table[1:]] == [
            [str(r["序号"]), r["项目"], r["问题"].replace("\n", ""), r["完成时限"] or "", r["当前状态"]] for r in rows]


def test_a_notice_that_cannot_be_written_leaves_no_round_and_no_file(demo_workspace, tmp_path: Path) -> None:
    probe, out = tmp_path / "probe", tmp_path / "sent"
    probe.mkdir()
    out.mkdir()

    class Abort(Exception):
        pass

    with pytest.raises(Abort), demo_workspace.db.transaction() as session:  # which units get forms, nothing kept
        first, _ = send_with_notices(session, probe, notices=False, deadline=DEADLINE, name=ROUND, today=SENT)
        raise Abort
    blocker = out / notice_file_name(first.forms[-1].unit, ROUND)
    blocker.write_bytes(b"an earlier file")
    with pytest.raises(UserError, match="已存在"), demo_workspace.db.transaction() as session:
        send_with_notices(session, out, notices=True, deadline=DEADLINE, name=ROUND, today=SENT)
    assert sorted(p.name for p in out.iterdir()) == [blocker.name]
    assert blocker.read_bytes() == b"an earlier file"
    with demo_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackRound)) == 0


def _answer_one_unit(ws, result, tmp_path: Path) -> str:
    form = result.forms[0]
    back = fill(form.path, tmp_path / "back" / form.path.name, {1: {"办理进展": "已完成土方外运。", "办理状态": "办理中"}})
    collect(ws.db, [back], today=date(2026, 12, 1))
    return form.unit


def test_chase_names_only_units_with_nothing_back_after_the_deadline(sent_with_notices, tmp_path: Path) -> None:
    ws, result, _ = sent_with_notices
    answered = _answer_one_unit(ws, result, tmp_path)
    with ws.db.read() as session, pytest.raises(UserError, match="尚未逾期"):
        chase_notice(session, ROUND, DEADLINE, date(2026, 12, 7))
    target = tmp_path / "催报.docx"
    with ws.db.read() as session:
        units = write_chase(session, ROUND, target, today=LATE_DAY, reply_by=date(2026, 12, 7))
    expected = [f.unit for f in result.forms if f.unit != answered]
    assert units == expected
    texts = _texts(target)
    assert "催\u3000报\u3000通\u3000知" in texts
    assert ("、".join(expected) if len(expected) <= 5 else "各有关单位") + "：" in texts
    assert any(f"以下{len(expected)}个单位尚未报送" in t for t in texts)
    assert any("于2026年12月7日前" in t for t in texts)
    table = _table(target)
    assert [row[1] for row in table[1:]] == expected
    assert [row[2] for row in table[1:]] == [f"{f.items}项" for f in result.forms if f.unit != answered]
    with ws.db.read() as session, pytest.raises(UserError, match="早于今天"):
        chase_notice(session, ROUND, LATE_DAY, date(2026, 12, 1))


def test_second_round_goes_to_the_late_units_only(sent_with_notices, tmp_path: Path) -> None:
    ws, result, _ = sent_with_notices
    answered = _answer_one_unit(ws, result, tmp_path)
    out = tmp_path / "second"
    out.mkdir()
    with ws.db.transaction() as session:
        again = second_round(session, ROUND, out, today=LATE_DAY, deadline=date(2026, 12, 10))
    assert again.round_name == "2026年12月第1轮"
    assert sorted(f.unit for f in again.forms) == sorted(f.unit for f in result.forms if f.unit != answered)
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackRound)) == 2
        assert chase_notice(session, "2026年12月第1轮", date(2026, 12, 11), date(2026, 12, 14)).rows


def test_unknown_round_is_named(demo_workspace, tmp_path: Path) -> None:
    with demo_workspace.db.read() as session, pytest.raises(UserError, match="找不到轮次“第9轮”"):
        write_chase(session, "第9轮", tmp_path / "x.docx", today=LATE_DAY, reply_by=LATE_DAY)
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_path() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice/poppler not installed")
def test_chase_notice_renders_with_dates_whole_and_signed_on_its_last_page(sent_with_notices, tmp_path: Path) -> None:
    ws, _result, _ = sent_with_notices
    target = tmp_path / "催报.docx"
    with ws.db.read() as session:
        write_chase(session, ROUND, target, today=LATE_DAY, reply_by=date(2026, 12, 7))
    pdf = render_to_pdf(target, tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = text.replace(" ", "").replace("\u3000", "")
    assert "催报通知" in flat
    assert "于2026年12月7日前" in flat  # a date never split over two lines
    last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.replace(" ", "")
    assert "区重点项目服务保障办公室\n2026年12月4日" in last


def test_cli_send_with_notices_then_chase_and_second_round(demo_workspace, tmp_path: Path, capsys) -> None:
    data = ["--data-dir", str(demo_workspace.data_dir)]
    out = tmp_path / "out"
    out.mkdir()
    assert main(["feedback", "send", *data, "--out", str(out), "--deadline", "2099-12-31", "--round", "测试轮",
                 "--notice"]) == 0
    printed = capsys.readouterr().out
    forms, notices = sorted(out.glob("*_问题办理反馈表_测试轮.xlsx")), sorted(out.glob("*_交办通知_测试轮.docx"))
    assert len(forms) == len(notices) > 1 and printed.count("交办通知\t") == len(notices)
    assert main(["feedback", "chase", *data, "测试轮", "--out", str(tmp_path / "催报.docx")]) == 2
    assert "尚未逾期" in capsys.readouterr().err
    assert main(["feedback", "chase", *data, "测试轮", "--date", "2100-01-02", "--reply-by", "2100-01-05",
                 "--out", str(tmp_path / "催报")]) == 0
    assert f"已写出测试轮催报通知（{len(forms)}个单位" in capsys.readouterr().out
    assert (tmp_path / "催报.docx").is_file()
    again = tmp_path / "again"
    again.mkdir()
    assert main(["feedback", "chase", *data, "测试轮", "--date", "2100-01-02", "--forms", str(again),
                 "--deadline", "2100-01-09", "--new-round", "测试轮（催报）"]) == 0
    assert f"已为逾期未报的{len(forms)}个单位发出测试轮（催报）反馈表" in capsys.readouterr().out
    assert len(list(again.glob("*.xlsx"))) == len(forms)
