"""Start-up of the window program: Qt application, Chinese translations, single instance, data, main window."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QSettings, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

from desktop import APP_ID, APP_NAME
from desktop.paths import default_data_dir
from desktop.ui import startup
from desktop.workspace import Workspace


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setOrganizationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_translations(app)
    return app


def install_translations(app: QApplication) -> list[QTranslator]:
    """Chinese standard buttons (取消/确定) whatever the OS locale: load Qt's own zh_CN catalogues."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    app.setProperty("keyproj_translators", installed)
    return installed


def acquire_lock(data_dir: Path) -> QLockFile | None:
    lock = QLockFile(str(data_dir / "keyproj.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        return None
    return lock


def load_demo(session, today: date) -> None:  # type: ignore[no-untyped-def]
    """The demo generator, imported only on a first start: it is 0.1 s of every other start-up otherwise."""
    from desktop.services.demo import load_demo as generate

    generate(session, today)


def load_demo_data(workspace: Workspace, parent=None) -> None:  # type: ignore[no-untyped-def]
    dialog = QProgressDialog("正在生成演示数据……", "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(APP_NAME)
    dialog.show()
    QApplication.processEvents()
    with workspace.db.transaction() as session:
        load_demo(session, date.today())
    dialog.close()


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    data_dir = getattr(args, "data_dir", None)
    demo = bool(getattr(args, "demo", False))
    if demo and data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="keyproj-demo-"))
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(data_dir)
    if lock is None:
        QMessageBox.warning(None, APP_NAME, f"{APP_NAME}已经在使用这个数据文件夹：\n{data_dir}\n\n"
                            "请切换到已打开的窗口，不要同时打开两次，以免数据冲突。")
        return 1
    settings = QSettings()
    database_url = getattr(args, "database_url", None)
    if database_url is None and not demo:
        go_on, database_url = startup.server_url(settings)
        if not go_on:
            return 1
    operator = getattr(args, "operator", None) or ("演示" if demo else startup.ask_operator(settings))
    if not operator:
        return 1
    workspace = startup.open_guarded(data_dir, database_url, operator)
    if workspace is None:
        return 2
    if not startup.unlock(workspace):
        workspace.close()
        return 1
    if workspace.is_empty():
        if demo:
            load_demo_data(workspace)
        else:
            answer = QMessageBox.question(
                None, APP_NAME,
                "这是第一次使用，数据库还是空的。\n\n是否载入演示数据（约100个项目、300个问题、3次推进会）？\n"
                "演示数据可用于熟悉功能；正式使用前可另建数据文件夹。",
            )
            if answer == QMessageBox.StandardButton.Yes:
                load_demo_data(workspace)
    from desktop.ui.main_window import MainWindow

    # The window shows at once; the issues (100k rows in a city office) load in a worker thread.
    window = MainWindow(workspace, settings=settings, load_in_background=True)
    if getattr(args, "startup_probe", False):
        window.first_data_shown.connect(lambda: _report_painted(window, "PAINTED", False))
        window.data_loaded.connect(lambda: _report_painted(window, "LOADED", True))
    for warning in workspace.warnings:
        QMessageBox.warning(window, APP_NAME, warning)
    window.show()
    backup_note = startup.daily_backup(workspace)
    if backup_note:
        window.statusBar().showMessage(backup_note, 15000)
    code = app.exec()
    # A start-up load may still be reading: let it finish before the database is closed under it.
    QThreadPool.globalInstance().waitForDone(30_000)
    workspace.close()
    lock.unlock()
    return int(code)


def _report_painted(window: QMainWindow, stage: str, done: bool) -> None:
    """Start-up benchmark hook: paint the window synchronously and say so; leave once everything is loaded."""
    window.repaint()
    QApplication.processEvents()
    try:
        import resource  # Unix: peak resident memory in KiB, for the memory figure
    except ImportError:
        print(stage, flush=True)
    else:
        print(f"{stage} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    if done:
        QApplication.quit()


def main() -> int:
    from desktop.cli import main as cli_main

    return cli_main()
