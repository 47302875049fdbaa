"""Starting the real program: demo data on first start, one instance per data folder, Chinese messages."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app as app_module
from desktop.workspace import open_workspace


@pytest.fixture(autouse=True)
def small_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up flow is under test here, not the demo's size (tests/services/test_demo.py covers that)."""
    from desktop.services.projects import actions as projects

    def load(session, _today) -> None:
        projects.create_project(session, projects.ProjectInput(code="2026-001", name="紫云府项目", list_year=2026))

    monkeypatch.setattr(app_module, "load_demo", load)


@pytest.fixture(autouse=True)
def operator_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first-start operator dialog has its own tests (tests/ui/test_reliability_ui.py)."""
    from desktop.ui import reliability_menu, startup  # noqa: F401 - bound to the real dialog before the patch
    from desktop.ui.dialogs import operator_dialog

    monkeypatch.setattr(operator_dialog, "ask_operator", lambda *_a, **_k: "测试员")


@pytest.fixture(autouse=True)
def hooks_restored() -> Iterator[None]:
    """run_gui installs the program's exception hooks and log file: the next test gets the test run's back."""
    import sys
    import threading

    from desktop import logs

    saved = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = saved
    logs.close_logging()


@pytest.fixture(autouse=True)
def no_window_left() -> Iterator[None]:
    """run_gui builds its windows outside qtbot: delete every one it left, or their actions' shortcuts stay live
    beside the next test's window and Qt reports them ambiguous (Ctrl+P, Ctrl+K then reach no action)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**kw)


def _close_windows_soon(seen: list[str]) -> None:
    """Close the main window once it shows the data (the event loop is then left), polling until it does."""
    from desktop.ui.main_window import MainWindow

    timer = QTimer(QApplication.instance())

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.complete:
                seen.append(widget.windowTitle())
                timer.stop()
                widget.close()

    timer.timeout.connect(close)
    timer.start(100)


def _notices() -> list[str]:
    from PySide6.QtWidgets import QProgressDialog

    return [w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_first_start_offers_demo_data(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(_parent, _title, text, *a, **k):
        asked.append(text)
        assert _notices() == []  # the creating notice is gone when the question comes
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    creating: list[list[str]] = []  # what the newcomer sees while the database is created, tick by tick
    ticks = QTimer(QApplication.instance())
    ticks.timeout.connect(lambda: creating.append(_notices()))
    ticks.start(20)  # it ticks only while the GUI thread is free: the database is created on the worker
    seen: list[str] = []
    _close_windows_soon(seen)
    assert app_module.run_gui(_args(data_dir=tmp_path / "data")) == 0
    ticks.stop()
    assert asked and "演示数据" in asked[0]
    assert ["第一次使用：正在创建数据库，请稍候……"] in creating
    assert "重点项目包保工作台" in seen
    # the hooks were installed first thing: an error anywhere in the session goes to the data folder's log
    import sys
    import threading

    from desktop.ui import crash

    assert sys.excepthook == crash.reporter().excepthook
    assert threading.excepthook == crash.reporter().thread_excepthook
    assert "started (window" in (tmp_path / "data" / "logs" / "keyproj.log").read_text(encoding="utf-8")
    ws = open_workspace(tmp_path / "data")
    assert not ws.is_empty()
    ws.close()


def test_demo_flag_uses_a_fresh_folder(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[Path] = []
    real = app_module.tempfile.mkdtemp

    def mkdtemp(prefix: str = "") -> str:
        path = real(prefix=prefix, dir=tmp_path)
        created.append(Path(path))
        return path

    monkeypatch.setattr(app_module.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("no question with --demo"))
    _close_windows_soon([])
    assert app_module.run_gui(_args(demo=True)) == 0
    assert len(created) == 1 and (created[0] / "keyproj.sqlite3").exists()
    ws = open_workspace(created[0])
    assert not ws.is_empty()
    ws.close()


def test_second_instance_on_the_same_folder_is_refused(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    lock = app_module.acquire_lock(folder)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    assert app_module.run_gui(_args(data_dir=folder)) == 1
    assert warnings and "已经在使用这个数据文件夹" in warnings[0]
    assert not (folder / "keyproj.sqlite3").exists()  # the database was not opened
    lock.unlock()


def test_read_only_folder_is_called_read_only_not_in_use(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.reliability.damage import read_only, tiny_filesystem

    with tiny_filesystem(tmp_path / "stick", 4096) as mount:
        folder = mount / "data"
        open_workspace(folder).close()
        shown: list[str] = []
        for kind in ("warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: shown.append(text))
        monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
            shown.append(text), QMessageBox.StandardButton.No)[1])  # offered read-only; declined
        with read_only(mount):
            assert app_module.run_gui(_args(data_dir=folder)) == 2
            assert app_module.run_gui(_args(data_dir=folder / "新文件夹")) == 2
        assert len(shown) == 2 and "数据文件夹是只读的" in shown[0] and "已经在使用" not in shown[0]
        assert "无法创建数据文件夹" in shown[1] and "只读U盘" in shown[1]


def test_read_only_folder_opens_read_only_when_chosen(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write-protected stick: the window opens read-only on request, shows the data, refuses every write in
    Chinese before it starts, takes no backup, and leaves every byte of the folder as it was."""
    import hashlib

    from desktop.db.models import Project
    from desktop.errors import StorageError
    from desktop.services.projects import actions as projects
    from desktop.ui.main_window import MainWindow
    from tests.reliability.damage import read_only, tiny_filesystem

    def digest(folder: Path) -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    with tiny_filesystem(tmp_path / "stick", 16384) as mount:
        folder = mount / "data"
        ws = open_workspace(folder, operator="测试员")
        with ws.db.transaction() as s:
            projects.create_project(s, projects.ProjectInput(code="2026-001", name="紫云府项目", list_year=2026))
        ws.db.engine.dispose()
        with ws.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.close()
        before = digest(folder)
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: (
            said.append(text), QMessageBox.StandardButton.Yes)[1])
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
        monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: said.append("错误" + text))
        seen: dict[str, object] = {}
        timer = QTimer(QApplication.instance())

        def look_and_close() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow) and widget.isVisible() and widget.complete:
                    timer.stop()
                    seen["title"] = widget.windowTitle()
                    seen["issues_panel"] = widget.issue_panel.model.total_count()
                    with widget.workspace.db.read() as s:
                        seen["projects"] = s.query(Project).count()
                    try:
                        with widget.workspace.db.transaction() as s:
                            s.add(Project(code="2026-002", name="新项目", list_year=2026, stage="continuing"))
                    except StorageError as exc:
                        seen["refused"] = str(exc)
                    widget.close()

        timer.timeout.connect(look_and_close)
        timer.start(100)
        with read_only(mount):
            assert app_module.run_gui(_args(data_dir=folder)) == 0
        timer.stop()
        assert "是否以只读方式打开" in said[0]
        assert any("本次以只读方式打开" in text for text in said[1:])  # the workspace's note, shown at start
        assert not [t for t in said if t.startswith("错误")]
        assert seen["title"] == "重点项目包保工作台（只读）" and seen["projects"] == 1
        assert "不能保存修改，未做任何改动" in str(seen["refused"])
        assert digest(folder) == before  # not a byte written: no backup, no log, no first screen


def test_exit_closes_the_workspace_held_then_not_the_start_ups(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """A restore during the session replaces the workspace opened at start: the exit of `run_gui` closes the one
    held then (and the start-up's was closed by the restore)."""
    from desktop.services.backup import archive as backups
    from desktop.services.projects import actions as projects
    from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
    from desktop.ui.main_window import MainWindow
    from desktop.workspace import Workspace

    folder = tmp_path / "data"
    ws = open_workspace(folder, operator="测试员")
    with ws.db.transaction() as s:
        projects.create_project(s, projects.ProjectInput(code="2026-001", name="紫云府项目", list_year=2026))
    archive = backups.create_archive(ws.db.engine, folder, tmp_path / "b.zip").path
    ws.close()
    closed: list[Workspace] = []
    real_close = Workspace.close
    monkeypatch.setattr(Workspace, "close", lambda self: (closed.append(self), real_close(self))[1])
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: 1)
    held: list[Workspace] = []
    timer = QTimer(QApplication.instance())

    def drive() -> None:
        for widget in QApplication.topLevelWidgets():
            if not (isinstance(widget, MainWindow) and widget.isVisible() and widget.complete
                    and not widget.ops.busy()):
                continue
            if not held:
                held.append(widget.ops.workspace)  # the start-up's
                widget.reliability.restore_from(archive)
            elif widget.ops.workspace is not held[0]:
                held.append(widget.ops.workspace)  # the restored one
                timer.stop()
                widget.close()

    timer.timeout.connect(drive)
    timer.start(50)
    assert app_module.run_gui(_args(data_dir=folder, operator="测试员")) == 0
    timer.stop()
    assert len(held) == 2 and held[0] in closed
    assert closed[-1] is held[1]  # at exit: the workspace held then
