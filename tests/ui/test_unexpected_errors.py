"""An unexpected error (a slot, the Ops worker, a Python thread, start-up code) leaves its traceback in the data
folder's rotating log and shows one Chinese dialog, driven here as a clerk would: read it, open the log folder,
close it. Real hooks, real log file, real dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import logs
from desktop.errors import UserError
from desktop.paths import log_file
from desktop.ui import crash
from desktop.ui.crash import CrashDialog, CrashReporter
from desktop.ui.ops import Ops


class _Installed:
    def __init__(self, data_dir: Path, reporter: CrashReporter) -> None:
        self.data_dir = data_dir
        self.reporter = reporter
        self.opened: list[Path] = []
        reporter.opener = self.opened.append

    @property
    def log_text(self) -> str:
        path = log_file(self.data_dir)
        return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture
def installed(qapp, tmp_path: Path) -> Iterator[_Installed]:
    """The hooks as run_gui installs them, on a fresh reporter; the test's own hooks back afterwards."""
    saved = sys.excepthook, threading.excepthook
    crash._reporter = None
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    state = _Installed(data_dir, crash.install(data_dir))
    yield state
    if state.reporter.dialog is not None:
        state.reporter.dialog.close()
    sys.excepthook, threading.excepthook = saved
    logs.close_logging()
    crash._reporter = None


def _shown(installed: _Installed) -> CrashDialog:
    dialog = installed.reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()] == [dialog]
    return dialog


def _drive_and_close(qtbot, installed: _Installed) -> CrashDialog:  # type: ignore[no-untyped-def]
    """Read the dialog, press 打开日志文件夹 (it stays open), then 关闭 (it is gone)."""
    dialog = _shown(installed)
    assert "意外错误" in dialog.message.text() and "已经保存的数据不会丢失" in dialog.message.text()
    assert "事务" in dialog.message.text()
    assert str(log_file(installed.data_dir)) in dialog.where.text()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert installed.opened == [log_file(installed.data_dir).parent]
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: installed.reporter.dialog is None)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    return dialog


@pytest.mark.qt_no_exception_capture  # the program's own excepthook is under test, not pytest-qt's
def test_an_error_in_a_slot_is_logged_and_shown(qtbot, installed: _Installed) -> None:
    button = QPushButton("导出")
    qtbot.addWidget(button)
    button.show()

    def broken_slot() -> None:
        raise RuntimeError("导出时的意外错误")

    button.clicked.connect(broken_slot)
    # The click arrives inside the event loop, as every click of the running program does.
    QTimer.singleShot(0, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    qtbot.waitUntil(lambda: installed.reporter.dialog is not None and installed.reporter.dialog.isVisible())
    text = installed.log_text
    assert "Traceback (most recent call last)" in text and "in broken_slot" in text
    assert "RuntimeError: 导出时的意外错误" in text
    assert "started (window" in text
    dialog = _drive_and_close(qtbot, installed)
    assert "RuntimeError：导出时的意外错误" in dialog.detail.text()
    assert installed.reporter.reported == ["RuntimeError: 导出时的意外错误"]


def test_an_unexpected_error_on_the_worker_is_logged_and_shown(qtbot, installed: _Installed, workspace) -> None:
    ops = Ops(workspace)
    results: list[object] = []

    def job(_ws) -> int:  # type: ignore[no-untyped-def]
        return {}["未知字段"]

    ops.run(job, results.append, results.append)
    qtbot.waitUntil(lambda: installed.reporter.dialog is not None and installed.reporter.dialog.isVisible())
    assert results == []  # neither callback: the caller's inline label is for UserError only
    text = installed.log_text
    assert "Traceback (most recent call last)" in text and "in job" in text and "KeyError: '未知字段'" in text
    assert ops.errors_shown == ["意外错误：KeyError：'未知字段'"]
    _drive_and_close(qtbot, installed)
    ops.close()


def test_a_user_error_on_the_worker_goes_to_the_caller_and_not_to_the_log(qtbot, installed: _Installed,
                                                                          workspace) -> None:
    ops = Ops(workspace)
    failures: list[str] = []

    def refuse(_ws) -> None:  # type: ignore[no-untyped-def]
        raise UserError("该问题已办结，不能再交办")

    ops.run(refuse, None, failures.append)
    qtbot.waitUntil(lambda: failures == ["该问题已办结，不能再交办"])
    QApplication.processEvents()
    assert installed.reporter.dialog is None
    assert "Traceback" not in installed.log_text
    ops.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_python_thread_is_shown_on_the_gui_thread(qtbot, installed: _Installed) -> None:
    def background() -> None:
        raise ValueError("后台线程中的意外错误")

    worker = threading.Thread(target=background, name="keyproj-test-thread")
    worker.start()
    worker.join(10)
    qtbot.waitUntil(lambda: installed.reporter.dialog is not None)
    assert "ValueError: 后台线程中的意外错误" in installed.log_text
    assert "[keyproj-test-thread]" in installed.log_text
    _drive_and_close(qtbot, installed)


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_dialog_is_open_are_counted_not_stacked(qtbot, installed: _Installed) -> None:
    def fail(n: int) -> None:
        raise RuntimeError(f"第{n}次")

    for n in (1, 2, 3):
        QTimer.singleShot(0, lambda n=n: fail(n))
    qtbot.waitUntil(lambda: len(installed.reporter.reported) == 3)
    dialog = _shown(installed)
    assert "第1次" in dialog.detail.text()
    assert dialog.counter.isVisible() and "又发生了 2 次意外错误" in dialog.counter.text()
    assert all(f"RuntimeError: 第{n}次" in installed.log_text for n in (1, 2, 3))
    _drive_and_close(qtbot, installed)


def test_before_the_event_loop_the_dialog_waits_for_the_clerk(qtbot, installed: _Installed) -> None:
    """Start-up code runs before app.exec(): the dialog is modal there, or it would vanish with the program."""
    seen: list[str] = []

    def close_it() -> None:
        dialog = installed.reporter.dialog
        if dialog is None:
            QTimer.singleShot(20, close_it)
            return
        seen.append(dialog.detail.text())
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, close_it)
    try:
        raise OSError("启动时的意外错误")
    except OSError as exc:
        installed.reporter.report(exc)  # returns only once the dialog is closed
    assert seen == ["错误：OSError：启动时的意外错误"]
    assert installed.reporter.dialog is None
    assert "OSError: 启动时的意外错误" in installed.log_text


def test_the_log_rotates_at_a_megabyte_and_keeps_five(tmp_path: Path) -> None:
    path = logs.setup_logging(tmp_path)
    line = "问题台账导出失败" * 400  # Chinese, as the log's messages are: 9.6 KB a record in UTF-8
    try:
        for _ in range(1200):  # ~ 11 MB of records
            logs.log.warning(line)
    finally:
        logs.close_logging()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["keyproj.log", *(f"keyproj.log.{n}" for n in range(1, 6))]
    record = len(line.encode()) + 200
    # the standard handler compares bytes written with characters to come: a file may pass 1 MB by a record
    assert all(p.stat().st_size <= logs.MAX_BYTES + record for p in path.parent.iterdir())
    assert all(p.stat().st_size >= logs.MAX_BYTES - 2 * record for p in path.parent.iterdir() if p != path)


def test_a_crash_inside_qt_leaves_the_python_stack_in_the_data_folder(tmp_path: Path) -> None:
    """A segfault kills the process before any hook runs (the print-preview crash of issue 14): faulthandler
    writes where it happened to logs/native-crash.log. A real segfault, in a child process."""
    script = ("import sys\n"
              "from pathlib import Path\n"
              "from desktop import logs\n"
              f"print(logs.enable_native_crash_log(Path({str(tmp_path)!r})), flush=True)\n"
              "def paint_the_preview():\n"
              "    import faulthandler\n"
              "    faulthandler._sigsegv()\n"
              "paint_the_preview()\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"})
    assert result.returncode < 0  # killed by the signal
    path = tmp_path / "logs" / "native-crash.log"
    assert result.stdout.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "in paint_the_preview" in text


def test_on_a_read_only_folder_the_dialog_says_no_log_was_written(qtbot, installed: _Installed,
                                                                    tmp_path: Path) -> None:
    """A write-protected stick: the hooks still catch the error; the dialog says no log file was written."""
    from tests.reliability.damage import read_only, tiny_filesystem

    with tiny_filesystem(tmp_path / "stick", 4096) as mount, read_only(mount):
        logs.close_logging()
        crash.install(mount)
        assert logs.current_log_file() is None and not (mount / "logs").exists()

        def fail() -> None:
            raise RuntimeError("写保护的U盘")

        QTimer.singleShot(0, lambda: installed.reporter.report(_raised(fail)))
        qtbot.waitUntil(lambda: installed.reporter.dialog is not None)
        dialog = installed.reporter.dialog
        assert "未能写入（数据文件夹不可写）" in dialog.where.text() and not dialog.open_button.isEnabled()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: installed.reporter.dialog is None)


def _raised(fail) -> BaseException:  # type: ignore[no-untyped-def]
    try:
        fail()
    except BaseException as exc:
        return exc
    raise AssertionError("expected an exception")
