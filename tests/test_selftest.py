"""`keyproj --self-test`: passes on a healthy install, and fails loudly (non-zero, Chinese reason) on a broken one."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import selftest
from desktop.cli import main
from desktop.platform_check import check_real_platform


def test_self_test_writes_and_checks_everything(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "自检"
    assert main(["--self-test", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "自检通过" in out and "300 个问题" in out
    if not os.environ.get("DISPLAY"):
        assert "仅在无界面模式（offscreen）下检查" in out
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


# --- the real platform plugin ------------------------------------------------------------------------------------
@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A real X server (Xvfb) for the length of the test: the display an office PC would have."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb 未安装（apt-get install xvfb）")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not report its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_without_a_display_the_report_says_offscreen_only() -> None:
    passed, line = check_real_platform({}, system="linux")
    assert passed and "仅在无界面模式（offscreen）下检查" in line


def test_with_a_display_the_real_xcb_plugin_is_loaded(xvfb_display: str) -> None:
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "offscreen"}
    passed, line = check_real_platform(env, system="linux")
    assert passed, line
    assert line == f"窗口平台插件 xcb 加载正常，显示器 {xvfb_display}"


def test_a_display_that_does_not_answer_fails_the_check() -> None:
    """DISPLAY names a server that is not there: Qt aborts in the child; the self-test says so in Chinese."""
    env = {**os.environ, "DISPLAY": ":93817"}
    passed, line = check_real_platform(env, system="linux")
    assert not passed
    assert line.startswith("窗口平台插件（xcb）无法加载") and "窗口程序打不开" in line
    assert "could not connect to display" in line  # Qt's own words, kept for support
    assert "libxcb-cursor0" not in line  # Qt's generic hint, wrong here: the libraries were checked


def test_a_probe_that_hangs_is_cut_off() -> None:
    def hang(cmd, **kw):  # type: ignore[no-untyped-def]
        raise subprocess.TimeoutExpired(cmd, kw["timeout"])

    passed, line = check_real_platform({"DISPLAY": ":0"}, system="linux", run=hang, timeout=5)
    assert not passed and "5 秒内没有加载完成" in line


def test_self_test_on_a_display_checks_the_real_plugin(tmp_path: Path, xvfb_display: str, monkeypatch,
                                                       capsys) -> None:
    monkeypatch.setenv("DISPLAY", xvfb_display)
    assert selftest.run_self_test(tmp_path / "自检") == 0
    out = capsys.readouterr().out
    assert f"窗口平台插件 xcb 加载正常，显示器 {xvfb_display}" in out and "仅在无界面模式" not in out


def test_self_test_on_a_broken_display_fails(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":93817")
    assert selftest.run_self_test(tmp_path / "自检") == selftest.EXIT_FAILED
    assert "自检失败（检查窗口平台插件）：窗口平台插件（xcb）无法加载" in capsys.readouterr().err
