"""Start-up of the window program: Qt application, Chinese translations, single instance, data, main window."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QElapsedTimer,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop import APP_ID, APP_NAME
from desktop.paths import database_file, default_data_dir

if TYPE_CHECKING:
    from desktop.bench.probe import StartupProbe
    from desktop.ui.main_window import MainWindow
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


def read_only_folder(data_dir: Path) -> bool:
    """Whether a lock that could not be taken failed because nothing can be written there (a write-protected
    stick, a read-only mount or share): that is said as such, not as "already in use"."""
    try:
        with tempfile.TemporaryFile(dir=data_dir):
            return False
    except OSError:
        return True


def load_demo(session, today: date) -> None:  # type: ignore[no-untyped-def]
    """The demo generator, imported only on a first start: it is 0.1 s of every other start-up otherwise."""
    from desktop.services.demo import load_demo as generate

    generate(session, today)


def load_demo_data(workspace: Workspace, parent=None) -> None:  # type: ignore[no-untyped-def]
    """Generate the demo data (10-15 s on a busy office PC) on a worker while the progress dialog runs its event
    loop: on the GUI thread the dialog stayed an unpainted grey box and the desktop called the program hung. The
    worker is the window's one mechanism (`Ops`, as `startup.unlock` uses before the window holds the workspace),
    done with once the answer is in. The data is written in one transaction; an error in the generator is raised
    here, on the GUI thread, after the dialog closed (the start-up's error handling shows it)."""
    from desktop.ui.ops import Ops

    dialog = QProgressDialog("正在生成演示数据（约100个项目、300个问题），请稍候……", "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(APP_NAME)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    answer: list[BaseException | None] = []
    loop = QEventLoop()

    def generate(held: Workspace) -> BaseException | None:
        try:
            with held.db.transaction() as session:
                load_demo(session, date.today())
        except Exception as error:  # handed to the GUI thread, raised there
            return error
        return None

    def done(error: BaseException | None) -> None:
        answer.append(error)
        loop.quit()

    ops = Ops(workspace)
    dialog.show()
    ops.run(generate, done)
    try:
        if not answer:
            loop.exec()
    finally:
        ops.pool.waitForDone()
        ops.deleteLater()
        dialog.close()
        dialog.deleteLater()
    if answer and answer[0] is not None:
        raise answer[0]


def _busy_notice(text: str) -> QProgressDialog:
    """A busy bar with `text`, painted now: the work that follows holds the GUI thread, so this is a sign of
    life, not a progress report."""
    notice = QProgressDialog(text, "", 0, 0)
    notice.setCancelButton(None)
    notice.setWindowTitle(APP_NAME)
    notice.setMinimumDuration(0)
    notice.show()
    # On X11 the window manager maps the window a few event rounds later; painted before that, it would stay a
    # black box while the GUI thread works. Wait (at most a second) until it is on screen, then paint it.
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < 1000:
        handle = notice.windowHandle()
        if handle is not None and handle.isExposed():
            break
        pause = QEventLoop()
        QTimer.singleShot(20, pause.quit)
        pause.exec()
    notice.repaint()
    QApplication.processEvents()
    return notice


def run_gui(args: argparse.Namespace) -> int:
    """Start the window program.

    The order keeps the first paint cheap: Qt, the lock and the settings first; then, when the local database is
    unchanged since the window last closed, its first screen (tree and newest issues, `services/first_screen`)
    is painted before SQLAlchemy is even imported; then the database is opened and checked, and the window is
    completed (`MainWindow.attach`) with the live data loading in a worker thread.
    """
    probing = bool(getattr(args, "startup_probe", False))
    data_dir = getattr(args, "data_dir", None)
    demo = bool(getattr(args, "demo", False))
    if demo and data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="keyproj-demo-"))
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        unusable: str | None = (f"无法创建数据文件夹：\n{data_dir}\n\n{exc.strerror or exc}。"
                                "可能是只读U盘、只读文件夹或权限不足；请换一个可写的数据文件夹（--data-dir）。")
    else:
        unusable = None
    # First of all: any error from here on leaves its traceback in logs/keyproj.log and a Chinese dialog.
    from desktop.ui import crash

    crash.install(data_dir if unusable is None else None)
    # Before Qt can abort: on Linux, a missing X11 library or no display is said in Chinese, with what to install.
    from desktop.platform_check import refuse_if_no_window

    refused = refuse_if_no_window()
    if refused is not None:
        return refused
    app = create_application()
    probe = _probe() if probing else None
    if unusable is not None:
        QMessageBox.critical(None, APP_NAME, unusable)
        return 2
    lock = acquire_lock(data_dir)
    read_only = False
    if lock is None:
        if read_only_folder(data_dir):
            answer = QMessageBox.question(
                None, APP_NAME, f"数据文件夹是只读的：\n{data_dir}\n\n"
                "可能是写保护的U盘、只读的文件夹或权限不足。本程序需要写入数据文件夹才能保存修改。\n\n"
                "是否以只读方式打开？只读时可以查看、查询，并把台账和文书导出到其他文件夹，但不能保存任何修改，"
                "数据不会有任何改动（只读检查也可用 keyproj check）。")
            if answer != QMessageBox.StandardButton.Yes:
                return 2
            read_only = True
        else:
            QMessageBox.warning(None, APP_NAME, f"{APP_NAME}已经在使用这个数据文件夹：\n{data_dir}\n\n"
                                "请切换到已打开的窗口，不要同时打开两次，以免数据冲突。")
            return 1
    settings = QSettings()
    database_url = getattr(args, "database_url", None)
    if database_url is None and not demo and not read_only:
        from desktop.ui.dialogs.server_dialog import load as load_server

        if load_server(settings).enabled:
            from desktop.ui import startup

            go_on, database_url = startup.server_url(settings)
            if not go_on:
                return 1
    operator = getattr(args, "operator", None)
    if operator:
        from desktop.db.operator_name import operator_problem  # plain text rules: no database layer imported

        problem = operator_problem(operator.strip())
        if problem is not None:
            QMessageBox.warning(None, APP_NAME, f"--operator 给出的操作人姓名不能使用：{problem}\n请重新填写。")
            operator = None
        else:
            operator = operator.strip()
    if not operator and demo:
        operator = "演示"
    if not operator:
        from desktop.ui.dialogs.operator_dialog import ask_operator

        operator = ask_operator(settings)
    if not operator:
        return 1
    first = database_url is None and not demo and not read_only
    window = _first_screen_window(data_dir, settings, probe) if first else None

    workspace = _open_behind_first_screen(window, data_dir, operator) if window is not None else None
    if window is not None and not window.isVisible():  # closed by the user while the database was opening
        if workspace is not None:
            workspace.close()
        return 0

    # The very first start creates the database (3-6 s on a busy PC, imports included) before any window: a
    # notice says so, or a newcomer sees nothing, starts the program again and is told it is already running.
    creating = None
    if window is None and database_url is None and not read_only and not database_file(data_dir).exists():
        creating = _busy_notice("第一次使用：正在创建数据库，请稍候……")
    from desktop.ui import startup  # the database layer: SQLAlchemy, models, migrations, services

    if read_only:
        workspace = startup.open_read_only_guarded(data_dir, operator, parent=window)
    elif workspace is None:  # no first screen, or the quiet open failed: the guarded open says why and offers help
        workspace = startup.open_guarded(data_dir, database_url, operator, parent=window)
    if creating is not None:
        creating.close()
        creating.deleteLater()
    if workspace is None:
        return 2
    if not startup.unlock(workspace, window):
        workspace.close()
        return 1
    if not startup.admit_operator(workspace, settings, window):  # a name from the office's list, or added
        workspace.close()
        return 1
    if workspace.is_empty() and not read_only:
        if demo:
            load_demo_data(workspace)
        else:
            answer = QMessageBox.question(
                window, APP_NAME,
                "这是第一次使用，数据库还是空的。\n\n是否载入演示数据（约100个项目、300个问题、3次推进会）？\n"
                "演示数据可用于熟悉功能；正式使用前可另建数据文件夹。",
            )
            if answer == QMessageBox.StandardButton.Yes:
                load_demo_data(workspace)
    # The window is complete at once; the issues (100k rows in a city office) load in a worker thread.
    if window is None:
        from desktop.ui.main_window import MainWindow

        window = MainWindow(workspace, settings=settings, load_in_background=True)
        if probe:
            window.first_data_shown.connect(lambda: probe.report(window, "PAINTED"))
        window.show()
    else:
        window.attach(workspace, load_in_background=True)
        window.show()  # again: hidden while a password was asked
    if probe:
        window.first_data_shown.connect(lambda: probe.report(window, "LIVE"))
        window.data_loaded.connect(lambda: probe.report(window, "LOADED"))
    for warning in workspace.warnings:
        QMessageBox.warning(window, APP_NAME, warning)
    if read_only:  # nothing is written: no daily backup, no check schedule, no kept first screen
        window.setWindowTitle(f"{window.windowTitle()}（只读）")
        code = app.exec()
        window.ops.pool.waitForDone(30_000)
        window.ops.close()
        return int(code)
    if probe:
        probe.backup_asked()
    start_daily_backup(window, (lambda: probe.report(window, "BACKUP")) if probe else None)
    start_full_check(window, data_dir)
    code = app.exec()
    # The start-up load may still be reading on the worker: let it answer before anything reads or closes.
    window.ops.pool.waitForDone(30_000)
    keep = first_screen_to_keep(window, window.ops.workspace)
    window.ops.close()  # the workspace held now: a restore may have replaced the one opened here
    _save_first_screen(data_dir, window, keep)
    from desktop.services.backup import full_check

    full_check.end_session(data_dir)  # a normal exit: the next start is not one after a crash
    assert lock is not None
    lock.unlock()
    return int(code)


def start_daily_backup(window: MainWindow, answered: Callable[[], None] | None = None) -> None:
    """The day's backup on the window's worker (5-7 s at city size), never on the GUI thread; a status-bar note
    says it runs and what it made. `answered` (the start-up probe) is called once it is made, skipped or failed."""
    from desktop.ui import startup

    window.statusBar().showMessage("正在进行今日自动备份（如已备份则跳过）……", 15000)

    def done(note: str | None) -> None:
        failed = bool(note) and note.startswith(startup.DAILY_BACKUP_FAILED)  # type: ignore[union-attr]
        window.statusBar().showMessage(note or "今日已备份", 0 if failed else 15000)  # a failure stays in view
        if answered is not None:
            answered()

    window.ops.run(startup.daily_backup, done, on_broken=answered)


def start_full_check(window: MainWindow, data_dir: Path) -> str | None:
    """The full check (`services/backup/full_check`) on the window's worker, after the day's backup, when it is
    due: once a week and after a start that follows a crash. Damage is offered the newest good backup (`Ops`); a
    passed check is a status-bar line; a 操作日志 chain that does not verify is said in a dialog. Returns why it
    runs (None: not due)."""
    from desktop.services.backup import full_check

    reason = full_check.begin_session(data_dir)
    if reason is None or not window.ops.db.is_sqlite:
        return None
    window.statusBar().showMessage(f"正在进行完整性检查（{reason}）……", 15000)

    def done(result: full_check.FullCheck | None) -> None:
        if result is not None:
            window.statusBar().showMessage(result.note, 15000)

    def failed(message: str) -> None:
        window.statusBar().showMessage("完整性检查未通过", 0)
        QMessageBox.warning(window, APP_NAME, message)

    window.ops.run(lambda workspace: full_check.run_full_check(workspace, reason), done, failed)
    return reason


def _first_screen_window(data_dir: Path, settings: QSettings, probe: StartupProbe | None) -> MainWindow | None:
    """The window showing the data as the last close left it, painted now; None when that is not known to be
    the database's content (see services/first_screen.py)."""
    from desktop.services import first_screen

    first = first_screen.load(data_dir, database_file(data_dir), date.today())
    if first is None:
        return None
    from desktop.ui.main_window import MainWindow

    window = MainWindow(None, settings=settings, first_screen=first, data_dir=data_dir)
    window.show()
    window.repaint()
    QApplication.processEvents()
    if probe:
        probe.report(window, "PAINTED")
    return window


def _open_behind_first_screen(window: MainWindow, data_dir: Path, operator: str) -> Workspace | None:
    """Import the database layer and open the data on the window's worker (`Ops.run`, the one background
    mechanism) while the first screen stays responsive (~1 s on an office PC); None when the open failed — the
    caller then runs the guarded open with its dialogs."""
    opened: list[Workspace | None] = []
    loop = QEventLoop()

    def work(_nothing_held: None) -> Workspace | None:
        from desktop.ui import main_window, startup  # noqa: F401 - imported here, used by the GUI thread
        from desktop.workspace import open_workspace

        main_window.preload()
        try:
            return open_workspace(data_dir, None, operator=operator)
        except Exception:  # any failure is met again, and explained, by the guarded open
            return None

    def done(workspace: Workspace | None) -> None:
        opened.append(workspace)
        loop.quit()

    window.ops.run(work, done, attached=False)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        if not opened:
            loop.exec()  # sleeps between events: the worker's imports keep the GIL
        if not opened:  # the loop was ended early (the window closed): the open still answers
            window.ops.pool.waitForDone()
            QApplication.processEvents()
    finally:
        QApplication.restoreOverrideCursor()
    return opened[0] if opened else None


def first_screen_to_keep(window: MainWindow, workspace: Workspace) -> dict[str, object] | None:
    """What the next start may show before the database opens: nothing for a server database, nothing while the
    password lock is on (the data must not be readable before the password), nothing before every issue loaded."""
    from desktop.ui import startup

    if workspace.database_file is None or startup.lock_enabled(workspace):
        return None
    return window.first_screen_data()


def _save_first_screen(data_dir: Path, window: MainWindow, keep: dict[str, object] | None) -> None:
    from desktop.services import first_screen

    if keep is None:
        first_screen.discard(data_dir)
    else:
        first_screen.save(data_dir, database_file(data_dir), window.today, **keep)  # type: ignore[arg-type]


def _probe() -> StartupProbe:
    """The benchmark's start-up probe (desktop/bench/probe.py: Qt only, loaded before the first paint)."""
    from desktop.bench.probe import StartupProbe

    return StartupProbe()


def main() -> int:
    from desktop.cli import main as cli_main

    return cli_main()
