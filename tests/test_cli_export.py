"""`keyproj export`: every kind writes the same file the menu writes (same job functions), errors in Chinese."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document

from desktop.cli import main
from desktop.exporters import jobs
from desktop.services.briefing import issued as briefings
from desktop.services.scope import Period

KINDS = ("ledger-issues", "ledger-decisions", "ledger-projects", "investment", "responsibility")


def _values(path: Path) -> list[tuple]:
    return [tuple(r) for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize("kind", KINDS)
def test_ledger_kinds_match_the_menu_output(demo_workspace, today, tmp_path, kind, capsys) -> None:
    out = tmp_path / f"{kind}.xlsx"
    code = main(["export", kind, "--out", str(out), "--data-dir", str(demo_workspace.data_dir),
                 "--from", f"{today.year}-01-01", "--to", f"{today.year}-10-31", "--today", today.isoformat()])
    assert code == 0 and out.is_file()
    assert "已导出" in capsys.readouterr().out
    menu = tmp_path / "menu.xlsx"
    jobs.export_ledger(demo_workspace.db, jobs.LedgerRequest(kind, Period.months(today.year, 1, 10), today), menu)
    assert _values(out) == _values(menu)


@pytest.mark.parametrize("kind", ["briefing", "notice"])
def test_documents_are_numbered_and_recorded(demo_workspace, today, tmp_path, kind) -> None:
    args = ["export", kind, "--data-dir", str(demo_workspace.data_dir), "--year", str(today.year),
            "--today", today.isoformat()]
    assert main([*args, "--out", str(tmp_path / "1.docx")]) == 0
    assert main([*args, "--out", str(tmp_path / "2.docx")]) == 0
    texts = [p.text for p in Document(str(tmp_path / "2.docx")).paragraphs]
    assert "第2期" in texts
    with demo_workspace.db.read() as session:
        assert [b.number for b in briefings.issued(session)] == [2, 1]


@pytest.mark.parametrize("kind", ["briefing", "notice"])
def test_review_copies_take_no_number(demo_workspace, today, tmp_path, kind, capsys) -> None:
    """A scheduled job drafting every week must not use up numbers: --draft writes a 送审稿 and records nothing."""
    args = ["export", kind, "--data-dir", str(demo_workspace.data_dir), "--year", str(today.year),
            "--today", today.isoformat(), "--draft"]
    assert main([*args, "--out", str(tmp_path / "1.docx")]) == 0
    assert main([*args, "--out", str(tmp_path / "2.docx")]) == 0
    assert "未登记期号" in capsys.readouterr().out
    texts = [p.text for p in Document(str(tmp_path / "2.docx")).paragraphs]
    assert "第1期（送审稿）" in texts
    with demo_workspace.db.read() as session:
        assert briefings.issued(session) == []
    assert main([*args[:-1], "--out", str(tmp_path / "3.docx")]) == 0  # then issued for real: number 1
    assert "第1期" in [p.text for p in Document(str(tmp_path / "3.docx")).paragraphs]


def test_bad_output_gives_chinese_error(demo_workspace, tmp_path, capsys) -> None:
    code = main(["export", "investment", "--out", str(tmp_path / "x.docx"), "--data-dir", str(demo_workspace.data_dir)])
    assert code == 2 and "输出文件应以 .xlsx 结尾" in capsys.readouterr().err
    code = main(["export", "briefing", "--out", str(tmp_path / "no" / "x.docx"),
                 "--data-dir", str(demo_workspace.data_dir)])
    assert code == 2 and "输出文件夹不存在" in capsys.readouterr().err


def test_unknown_kind_is_refused(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["export", "minutes-of-nothing", "--out", "x.xlsx"])
    assert "minutes-of-nothing" in capsys.readouterr().err
