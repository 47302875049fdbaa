"""`keyproj` without a window: the same figures as the services, Chinese errors, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop.cli import main


def test_stats_json_matches_service(demo_workspace, capsys) -> None:
    code = main(["stats", "--data-dir", str(demo_workspace.data_dir), "--year", "2026", "--today", "2026-11-25",
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decisions"]["rate"] == "97.06%"
    assert data["decisions"]["decided"] == 34
    assert data["issues"]["raised"] == 300


def test_stats_text(demo_workspace, capsys) -> None:
    assert main(["stats", "--data-dir", str(demo_workspace.data_dir), "--year", "2026", "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "议定事项：共34项，已完成33项，办结率97.06%（97%）" in out


def test_refused_database_gives_chinese_message_without_traceback(tmp_path) -> None:
    (tmp_path / "keyproj.sqlite3").write_bytes(b"this is not a database" * 100)
    result = subprocess.run([sys.executable, "-m", "desktop", "stats", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "错误：" in result.stderr and "Traceback" not in result.stderr


def test_bad_date_argument(capsys) -> None:
    import pytest

    with pytest.raises(SystemExit):
        main(["stats", "--from", "2026/13/01"])
    assert "日期格式应为 YYYY-MM-DD" in capsys.readouterr().err


def test_export_minutes_kind(demo_workspace, tmp_path, capsys) -> None:
    from docx import Document
    from sqlalchemy import select

    from desktop.cli.export import KIND_MODULES
    from desktop.db.models import Meeting

    assert "export_minutes" in KIND_MODULES
    with demo_workspace.db.read() as s:
        meeting_id = s.scalars(select(Meeting.id).order_by(Meeting.held_at.desc())).first()
    out = tmp_path / "纪要"
    code = main(["export", "minutes", "--meeting", str(meeting_id), "--out", str(out), "--data-dir",
                 str(demo_workspace.data_dir), "--today", "2026-11-25"])
    assert code == 0
    assert "已导出2026年第3次推进会会议纪要" in capsys.readouterr().out
    texts = [p.text for p in Document(str(out.with_suffix(".docx"))).paragraphs]
    assert "现将会议议定事项纪要如下：" in texts


def test_export_minutes_needs_a_meeting(demo_workspace, tmp_path, capsys) -> None:
    code = main(["export", "minutes", "--out", str(tmp_path / "x.docx"), "--data-dir", str(demo_workspace.data_dir)])
    assert code == 2
    assert "导出会议纪要需要指定会议" in capsys.readouterr().err


def test_export_minutes_unknown_meeting(demo_workspace, tmp_path, capsys) -> None:
    code = main(["export", "minutes", "--meeting", "999", "--out", str(tmp_path / "x.docx"), "--data-dir",
                 str(demo_workspace.data_dir)])
    assert code == 2
    assert "找不到会议（编号 999）" in capsys.readouterr().err


def test_an_unexpected_error_is_logged_in_the_data_folder_and_told_in_chinese(tmp_path) -> None:
    """A bug in a subcommand (here: the statistics service breaks) leaves its traceback in the same log file
    as the window's, and one Chinese line on the console."""
    script = ("import sys\n"
              "from desktop.services import stats\n"
              "def broken(*a, **k):\n"
              "    raise ZeroDivisionError('division by zero in the headline')\n"
              "stats.headline = broken\n"
              "from desktop.cli import main\n"
              f"sys.exit(main(['stats', '--data-dir', {str(tmp_path)!r}]))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    log = (tmp_path / "logs" / "keyproj.log").read_text(encoding="utf-8")
    assert "started (keyproj stats" in log
    assert "Traceback (most recent call last)" in log and "in broken" in log
    assert "ZeroDivisionError: division by zero in the headline" in log
    assert "错误：程序出现意外错误（ZeroDivisionError" in result.stderr
    assert "已保存的数据不受影响" in result.stderr and str(tmp_path / "logs" / "keyproj.log") in result.stderr
    assert "Traceback" not in result.stderr
