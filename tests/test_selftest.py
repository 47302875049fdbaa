"""`keyproj --self-test`: passes on a healthy install, and fails loudly (non-zero, Chinese reason) on a broken one."""

from __future__ import annotations

from pathlib import Path

from desktop import selftest
from desktop.cli import main


def test_self_test_writes_and_checks_everything(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "自检"
    assert main(["--self-test", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "自检通过" in out and "300 个问题" in out
    assert (folder / "main_window.png").stat().st_size > 10_000
    assert (folder / "工作简报_自检.docx").exists() and (folder / "问题台账_自检.xlsx").exists()
    assert (folder / "data" / "keyproj.sqlite3").exists()


def test_self_test_fails_with_a_reason(tmp_path: Path, capsys, monkeypatch) -> None:
    import desktop.services.demo as demo

    monkeypatch.setattr(demo, "load_demo", lambda session, today: None)  # an install that cannot show data
    assert selftest.run_self_test(tmp_path / "x") == selftest.EXIT_FAILED
    err = capsys.readouterr().err
    assert "自检失败（显示主窗口）" in err and "问题表是空的" in err


def test_ledger_check_counts_rows(tmp_path: Path, demo_workspace, today) -> None:
    path = tmp_path / "台账.xlsx"
    written = selftest.write_issue_ledger(demo_workspace, path, today=today)
    assert written == 300
    assert "300 行" in selftest._check_ledger(path, 300)
    try:
        selftest._check_ledger(path, 301)
    except selftest.SelfTestError as exc:
        assert "应有 301 行" in str(exc)
    else:
        raise AssertionError("a short ledger must fail the check")
