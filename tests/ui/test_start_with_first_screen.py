"""The start-up first screen: painted from the last close's data before SQLAlchemy is imported, then completed.

The figures of issue #9 depend on this design (docs: README "Performance"), so the design itself is tested: the
modules a start imports before its first paint must not pull in the database layer.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop import paths
from desktop.app import create_application
from desktop.services import app_lock, first_screen
from desktop.ui.main_window import MainWindow
from desktop.ui.startup import first_screen_to_keep
from desktop.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PYTHONPATH": str(ROOT)}


def test_modules_of_the_first_paint_do_not_import_the_database_layer(tmp_path: Path) -> None:
    code = ("import sys\n"
            "import desktop.cli, desktop.app, desktop.ui.main_window, desktop.services.first_screen\n"
            "from desktop.cli import build_parser\n"
            "build_parser(subcommands=False).parse_known_args(['--data-dir', 'x'])\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'openpyxl', 'docx',"
            " 'pypinyin'))\n"
            "print(heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def _start(folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Run the real program with the start-up probe; the lines it prints (PAINTED, LIVE, LOADED) by name."""
    out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "--operator", "测试员",
                          "--startup-probe"], env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    lines: dict[str, list[str]] = {}
    for line in out.stdout.splitlines():
        word, *fields = line.split()
        lines.setdefault(word, fields)
    return lines


def test_second_start_paints_the_first_screen_before_the_orm(demo_workspace: Workspace, tmp_path: Path) -> None:
    folder = demo_workspace.data_dir
    demo_workspace.close()
    first = _start(folder, tmp_path)
    assert "orm=1" in first["PAINTED"]  # nothing kept yet: the live data is the first paint
    assert first_screen.path_in(folder).exists()  # kept at the close
    second = _start(folder, tmp_path)
    assert "orm=0" in second["PAINTED"] and "orm=1" in second["LIVE"] and "LOADED" in second


def test_shown_then_completed_with_live_data(qtbot, demo_workspace: Workspace, today, tmp_path: Path) -> None:
    create_application()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    full = MainWindow(demo_workspace, today=today, settings=settings)
    qtbot.addWidget(full)
    qtbot.waitUntil(lambda: not full.ops.busy(), timeout=10_000)  # its data is read on the worker
    keep = first_screen_to_keep(full, demo_workspace)
    assert keep is not None
    folder, db_file = demo_workspace.data_dir, paths.database_file(demo_workspace.data_dir)
    demo_workspace.close()
    assert first_screen.save(folder, db_file, today, **keep)  # type: ignore[arg-type]
    shown = first_screen.load(folder, db_file, today)
    assert shown is not None

    window = MainWindow(None, today=today, settings=settings, first_screen=shown, data_dir=folder)
    qtbot.addWidget(window)
    window.show()
    assert window.issue_panel.model.rowCount() == first_screen.FIRST_PAGE
    tree = window.form.project_tree_view.model()
    assert sum(tree.item(r).rowCount() for r in range(tree.rowCount())) == len(full.project_nodes())
    assert not window.form.menu_bar.isEnabled() and not window.form.issue_tool_bar.isEnabled()
    assert window.first_screen_data() is None  # not the whole data: never kept as the next first screen

    ws = open_workspace(folder, operator="测试员")
    try:
        with qtbot.waitSignal(window.data_loaded, timeout=30_000):
            window.ops.receive(ws)  # the broadcast a restore sends fills the window
        assert window.form.menu_bar.isEnabled() and window.form.issue_tool_bar.isEnabled()
        assert window.issue_panel.model.total_count() == full.issue_panel.model.total_count()
        assert window.project_nodes() == full.project_nodes()
        window.close()
    finally:
        ws.close()


def test_nothing_kept_behind_a_password(qtbot, demo_workspace: Workspace, today, tmp_path: Path) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # its data is read on the worker
    assert first_screen_to_keep(window, demo_workspace) is not None
    with demo_workspace.db.transaction() as session:
        app_lock.set_password(session, "guard-2026", "guard-2026", 0)
    assert first_screen_to_keep(window, demo_workspace) is None


def test_setting_a_password_removes_the_kept_first_screen(qtbot, demo_workspace: Workspace, today, tmp_path: Path,
                                                          monkeypatch) -> None:
    from desktop.ui.dialogs.lock_dialogs import LockSettingsDialog

    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=10_000)  # its data is read on the worker
    kept = first_screen.path_in(demo_workspace.data_dir)
    kept.write_text("{}", encoding="utf-8")

    def set_password(dialog: LockSettingsDialog) -> int:
        with demo_workspace.db.transaction() as session:
            app_lock.set_password(session, "guard-2026", "guard-2026", 0)
        return 1

    monkeypatch.setattr(LockSettingsDialog, "exec", set_password)
    window.reliability.open_lock_settings()
    assert not kept.exists()


def test_damaged_database_behind_a_first_screen_is_never_worked_on(qtbot, demo_workspace: Workspace, today,
                                                                    tmp_path: Path, monkeypatch) -> None:
    """Even with a kept first screen whose stamp still matches, the start-up check refuses a damaged file and
    offers the newest good backup; the window is completed only on the restored data."""
    import argparse

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop import app as app_module
    from desktop.services.backup import archive as backups
    from desktop.ui.dialogs.restore_preview import RestorePreviewDialog

    create_application()
    ws = demo_workspace
    backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY)
    full = MainWindow(ws, today=today, settings=QSettings(str(tmp_path / "a.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(full)
    qtbot.waitUntil(lambda: not full.ops.busy(), timeout=10_000)  # its data is read on the worker
    keep = first_screen_to_keep(full, ws)
    folder, db_file = ws.data_dir, paths.database_file(ws.data_dir)
    ws.close()
    assert first_screen.save(folder, db_file, date.today(), **keep)  # type: ignore[arg-type]
    before = db_file.stat()
    # A bad sector in a page in use (the issue table's root; fixed offsets can fall on free pages, which hold no
    # data): same size, and the time set back so the stamp still matches.
    conn = sqlite3.connect(db_file)
    try:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE type='table' AND name='issue'").fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    with open(db_file, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x00\xff" * (page_size // 2))
    os.utime(db_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert first_screen.load(folder, db_file, date.today()) is not None

    offered: list[str] = []
    seen: list[tuple[bool, int]] = []

    def accept(self) -> int:  # type: ignore[no-untyped-def]
        offered.append(self.form.contents_edit.toPlainText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", accept)
    guarded: list[bool] = []
    real_guarded = app_module._open_guarded

    def open_guarded(window, *args):  # type: ignore[no-untyped-def]
        shown = window.issue_panel.model.rowCount() == first_screen.FIRST_PAGE and not window.ops.holds
        guarded.append(shown)
        return real_guarded(window, *args)

    monkeypatch.setattr(app_module, "_open_guarded", open_guarded)
    monkeypatch.setattr(app_module, "QSettings", lambda: QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat))

    def close_when_loaded() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.complete:
                seen.append((widget.workspace is not None, widget.issue_panel.model.total_count()))
                timer.stop()
                widget.close()

    timer = QTimer()
    timer.timeout.connect(close_when_loaded)
    timer.start(100)
    assert app_module.run_gui(argparse.Namespace(data_dir=folder, operator="测试员")) == 0
    timer.stop()
    assert guarded == [True]  # the first screen was shown; the worker's quiet open refused the damaged file
    assert len(offered) == 1 and "问题：300" in offered[0]
    assert seen == [(True, 300)]


def test_the_window_reaches_its_data_side_through_one_import_boundary() -> None:
    """The first paint's modules import the data side (SQLAlchemy, the tabs, menus and actions) only through
    `data_side.load()`; every other import sits at module level (app.py's demo generator, loaded on a first start
    only, and the CLI's entry point aside)."""
    import ast

    allowed = {("app.py", "load_demo"), ("app.py", "main"), ("ui/data_side.py", "load")}
    found = set()
    for name in ("app.py", "ui/main_window.py", "ui/window_loader.py", "ui/data_side.py"):
        tree = ast.parse((ROOT / "desktop" / name).read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        found.add((name, function.name))
    assert found == allowed
