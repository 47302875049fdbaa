"""Returned forms saved in other formats (issue #19): .xls and WPS .et read like the .xlsx; a CSV is matched by its
signed keys only and says what a CSV cannot hold; a 200 MB file and files that are no form are refused by name."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from desktop.db.models import FeedbackReply, IssueNote
from desktop.services.feedback.collect import collect, preview_collect
from desktop.services.feedback.preview import CSV_LOST, Verdict
from desktop.services.feedback.send import send_round
from tests.services.feedback.support import fill

TODAY = date(2026, 11, 25)
REPLY_DAY = date(2026, 11, 30)
ANSWER = {"办理进展": "已召开协调会，手续正在办理", "办理状态": "办理中"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture
def filled(demo_workspace, tmp_path: Path):
    """A unit's form, filled in on its first row (openpyxl), and the workspace."""
    out = tmp_path / "sent"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        result = send_round(session, out, deadline=date(2026, 12, 2), name="2026年11月第1轮", today=TODAY)
    form = next(f for f in result.forms if f.items >= 3)
    return demo_workspace, fill(form.path, tmp_path / "filled" / form.path.name, {1: ANSWER})


def _convert(path: Path, to: str, out: Path) -> Path:
    """The file as LibreOffice saves it in format `to` (its own profile, so concurrent runs do not collide)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out.parent / 'lo-profile'}", "--headless",
                    "--convert-to", to, "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    return next(p for p in out.iterdir() if p.is_file())


def _verdicts(ws, path: Path) -> list[Verdict]:  # type: ignore[no-untyped-def]
    report = preview_collect(ws.db, [path], today=REPLY_DAY).files[0]
    assert report.refusal is None, report.refusal
    return [row.verdict for row in report.rows]


def _notes(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.db.read() as session:
        return session.scalar(select(func.count()).select_from(IssueNote)) or 0


@needs_office
def test_xls_and_et_read_as_the_xlsx_and_the_xls_is_collected(filled, tmp_path: Path) -> None:
    ws, xlsx = filled
    xls = _convert(xlsx, "xls", tmp_path / "xls")
    assert xls.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # a real OLE2 workbook
    et = tmp_path / "et" / (xls.stem + ".et")  # WPS's own format is the same OLE2 workbook
    et.parent.mkdir()
    shutil.copy(xls, et)
    expected = _verdicts(ws, xlsx)
    assert expected[0] is Verdict.NEW and _verdicts(ws, xls) == expected == _verdicts(ws, et)
    before = _notes(ws)
    collect(ws.db, [xls], data_dir=ws.data_dir, today=REPLY_DAY)
    assert _notes(ws) == before + 1
    with ws.db.read() as session:
        note = session.scalars(select(IssueNote.text).order_by(IssueNote.id.desc())).first() or ""
        assert f"{xls.name}）：{ANSWER['办理进展']}" in note  # the source names the .xls as returned
        assert session.scalars(select(FeedbackReply.file_name)).all() == [xls.name]


@needs_office
def test_a_csv_is_matched_by_its_signed_keys_and_says_what_it_cannot_hold(filled, tmp_path: Path) -> None:
    ws, xlsx = filled
    utf8 = _convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "csv")
    gbk = tmp_path / "gbk" / utf8.name  # as Excel on a Chinese Windows saves “CSV（逗号分隔）”
    gbk.parent.mkdir()
    gbk.write_bytes(utf8.read_text("utf-8").encode("gbk"))
    for path in (utf8, gbk):
        report = preview_collect(ws.db, [path], today=REPLY_DAY).files[0]
        assert report.refusal is None, report.refusal
        assert [row.verdict for row in report.rows] == _verdicts(ws, xlsx)
        assert any("CSV 格式" in note and "新增问题" in note and ".xlsx" in note for note in report.notes)
    # the hidden key column dropped (or lost with the Chinese): nothing can be verified, nothing is taken
    lines = utf8.read_text("utf-8").splitlines()
    keyless = tmp_path / "keyless" / utf8.name
    keyless.parent.mkdir()
    keyless.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines), "utf-8")
    report = preview_collect(ws.db, [keyless], today=REPLY_DAY).files[0]
    assert report.refusal is not None and CSV_LOST in report.refusal
    questions = tmp_path / "ascii" / utf8.name  # saved in a character set without Chinese
    questions.parent.mkdir()
    questions.write_bytes(utf8.read_text("utf-8").encode("ascii", "replace"))
    report = preview_collect(ws.db, [questions], today=REPLY_DAY).files[0]
    assert report.refusal is not None and "不是问题办理反馈表" in report.refusal and CSV_LOST in report.refusal
    before = _notes(ws)
    collect(ws.db, [gbk], data_dir=ws.data_dir, today=REPLY_DAY)
    assert _notes(ws) == before + 1


def test_a_200_mb_file_and_files_that_are_no_form_are_refused_by_name(filled, tmp_path: Path) -> None:
    ws, _xlsx = filled
    folder = tmp_path / "back"
    folder.mkdir()
    huge = folder / "区住建局_问题办理反馈表.xlsx"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk, and it is never read
        handle.truncate(200 * 1024 * 1024)
    word = folder / "情况说明.xlsx"
    document = Document()
    document.add_paragraph("办理情况说明")
    document.save(word)
    text = folder / "反馈.et"
    text.write_text("办理进展：已完成", "utf-8")
    reports = {r.path.name: r.refusal or "" for r in preview_collect(ws.db, [huge, word, text], today=REPLY_DAY).files}
    assert "200.0 MB" in reports[huge.name] and "50.0 MB" in reports[huge.name]
    assert "情况说明.xlsx" in reports[word.name] and reports[word.name]
    assert "扩展名是 .et，但内容不是 Excel 工作簿" in reports[text.name] and "另存为" in reports[text.name]
    assert os.path.getsize(huge) == 200 * 1024 * 1024
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackReply)) == 0
