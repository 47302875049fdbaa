"""Start-up of the window program: Qt application, Chinese translations, single instance, data, main window."""

from __future__ import annotations

import argparse
import sys
import tempfile
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
from desktop.bench.probe import StartupProbe
from desktop.db.operator_name import operator_problem
from desktop.paths import database_file, default_data_dir
from desktop.platform_check import refuse_if_no_window
from desktop.services import first_screen
from desktop.ui import crash, data_side
from desktop.ui.dialogs import operator_dialog
from desktop.ui.dialogs.server_dialog import load as load_server
from desktop.ui.main_window import MainWindow
from desktop.ui.ops import Ops

if TYPE_CHECKING:
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
    """Start the window program, along one path whatever the data folder holds.

    Qt, the lock, the settings and the operator first; then the window, built once and shown at once — with the
    kept first screen (tree and newest issues, `services/first_screen`) when the local database is unchanged since
    the window last closed, painted before SQLAlchemy is even imported. The data opens on the window's worker
    (`Ops.open`, with the database layer's imports) while the window stays responsive; a failed open is met again
    by the guarded open, which explains it and offers the newest good backup. After the password and the
    operator, `Ops.receive` hands the workspace to the window: the same "everything changed, replaced" broadcast
    a restore sends fills it. The day's backup and the weekly check follow on the worker.
    """
    probing = bool(getattr(args, "startup_probe", False))
    demo = bool(getattr(args, "demo", False))
    data_dir, unusable = _data_folder(getattr(args, "data_dir", None), demo)
    # First of all: any error from here on leaves its traceback in logs/keyproj.log and a Chinese dialog.
    crash.install(data_dir if unusable is None else None)
    refused = refuse_if_no_window()  # before Qt can abort: a missing X11 library or no display, said in Chinese
    if refused is not None:
        return refused
    app = create_application()
    probe = StartupProbe() if probing else None
    if unusable is not None:
        QMessageBox.critical(None, APP_NAME, unusable)
        return 2
    taken = _take_folder(data_dir)
    if isinstance(taken, int):
        return taken
    lock, read_only = taken
    settings = QSettings()
    go_on, database_url = _server_url(getattr(args, "database_url", None), settings, demo or read_only)
    operator = _operator(getattr(args, "operator", None), settings, demo) if go_on else None
    if not operator:
        return 1
    kept = database_url is None and not demo and not read_only  # a local database may have a first screen
    window = _window(data_dir, settings, probe, kept)
    workspace = _open(window, data_dir, database_url, operator, read_only)
    if workspace is None or not _fill(window, workspace, settings, probe, demo=demo, read_only=read_only):
        code = 1 if workspace is not None else 0 if not window.isVisible() else 2  # cancelled; closed; refused
        window.close()
        return code
    code = app.exec()
    _end(window, data_dir, lock)
    return int(code)


def _server_url(given: str | None, settings: QSettings, local_only: bool) -> tuple[bool, str | None]:
    """(go on?, the database URL): --database-url, else the configured server's with its password asked now,
    else None for the local folder."""
    if given is not None or local_only or not load_server(settings).enabled:
        return True, given
    return data_side.load().startup.server_url(settings)  # a server: its URL is built by the database layer


def _fill(window: MainWindow, workspace: Workspace, settings: QSettings, probe: StartupProbe | None, *,
          demo: bool, read_only: bool) -> bool:
    """The data is open: the password, the operator, the demo offer for an empty database; then the window is
    filled (`Ops.receive`: "everything changed", as after a restore) and the day's backup and the weekly check
    start on the worker. False (the workspace closed) when the user cancels."""
    startup = data_side.load().startup  # imported by the worker's open already
    if not startup.unlock(workspace, window) or not startup.admit_operator(workspace, settings, window):
        workspace.close()
        return False
    if workspace.is_empty() and not read_only:
        _offer_demo(workspace, window, demo)
    window.show()  # again: hidden while a password was asked
    if probe:
        window.first_data_shown.connect(lambda: probe.report(window, "LIVE"))
        window.data_loaded.connect(lambda: probe.report(window, "LOADED"))
    window.ops.receive(workspace)
    for warning in workspace.warnings:
        QMessageBox.warning(window, APP_NAME, warning)
    if read_only:  # nothing is written: no daily backup, no check schedule, no kept first screen
        window.setWindowTitle(f"{window.windowTitle()}（只读）")
        return True
    if probe:
        probe.backup_asked()
    startup.start_daily_backup(window, (lambda: probe.report(window, "BACKUP")) if probe else None)
    startup.start_full_check(window, workspace.data_dir)
    return True


def _data_folder(given: Path | str | None, demo: bool) -> tuple[Path, str | None]:
    """The data folder (a fresh one for --demo) and, when it cannot be created, why (in Chinese)."""
    if demo and given is None:
        given = Path(tempfile.mkdtemp(prefix="keyproj-demo-"))
    data_dir = Path(given) if given else default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return data_dir, (f"无法创建数据文件夹：\n{data_dir}\n\n{exc.strerror or exc}。"
                          "可能是只读U盘、只读文件夹或权限不足；请换一个可写的数据文件夹（--data-dir）。")
    return data_dir, None


def _take_folder(data_dir: Path) -> tuple[QLockFile | None, bool] | int:
    """(the folder's lock, read-only?) or the exit code: one window per folder; a folder nothing can be written
    to is offered read-only (then there is no lock to take)."""
    lock = acquire_lock(data_dir)
    if lock is not None:
        return lock, False
    if not read_only_folder(data_dir):
        QMessageBox.warning(None, APP_NAME, f"{APP_NAME}已经在使用这个数据文件夹：\n{data_dir}\n\n"
                            "请切换到已打开的窗口，不要同时打开两次，以免数据冲突。")
        return 1
    answer = QMessageBox.question(
        None, APP_NAME, f"数据文件夹是只读的：\n{data_dir}\n\n"
        "可能是写保护的U盘、只读的文件夹或权限不足。本程序需要写入数据文件夹才能保存修改。\n\n"
        "是否以只读方式打开？只读时可以查看、查询，并把台账和文书导出到其他文件夹，但不能保存任何修改，"
        "数据不会有任何改动（只读检查也可用 keyproj check）。")
    return (None, True) if answer == QMessageBox.StandardButton.Yes else 2


def _operator(given: str | None, settings: QSettings, demo: bool) -> str | None:
    """The operator: --operator when its name can be used (else said, and asked), 演示 for --demo, else asked."""
    if given:
        problem = operator_problem(given.strip())  # plain text rules: no database layer imported
        if problem is None:
            return given.strip()
        QMessageBox.warning(None, APP_NAME, f"--operator 给出的操作人姓名不能使用：{problem}\n请重新填写。")
    if demo:
        return "演示"
    return operator_dialog.ask_operator(settings)


def _window(data_dir: Path, settings: QSettings, probe: StartupProbe | None, kept: bool) -> MainWindow:
    """The window, shown now, holding nothing yet: with the data as the last close left it when that is known to
    be the database's content (see services/first_screen.py), else empty until the data is open."""
    first = first_screen.load(data_dir, database_file(data_dir), date.today()) if kept else None
    window = MainWindow(None, settings=settings, first_screen=first, data_dir=data_dir)
    window.show()
    window.repaint()
    QApplication.processEvents()
    if probe and first is not None:
        probe.report(window, "PAINTED")
    elif probe:  # nothing kept: the live data is the first paint
        window.first_data_shown.connect(lambda: probe.report(window, "PAINTED"))
    return window


def _open(window: MainWindow, data_dir: Path, database_url: str | None, operator: str,
          read_only: bool) -> Workspace | None:
    """Open the data on the window's worker, the database layer's imports included, while the window stays
    responsive (~1 s; the very first start creates the database, 3-6 s, with a notice saying so). A failure is
    met again by the guarded open on the GUI thread, which explains it and offers help. None: refused, or the
    window was closed meanwhile."""
    creating = None
    if database_url is None and not read_only and not database_file(data_dir).exists():
        # A newcomer who sees no sign of life starts the program again and is told it is already running.
        creating = _busy_notice("第一次使用：正在创建数据库，请稍候……")

    def opener() -> Workspace | None:  # the database layer's imports too, off the GUI thread
        return data_side.load().startup.open_quietly(data_dir, database_url, operator, read_only)

    opened: list[Workspace | None] = []
    loop = QEventLoop()
    window.ops.open(opener, lambda workspace: (opened.append(workspace), loop.quit()))
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        if not opened:
            loop.exec()  # sleeps between events: the worker's imports keep the GIL
    finally:
        QApplication.restoreOverrideCursor()
        if creating is not None:
            creating.close()
            creating.deleteLater()
    workspace = opened[0] if opened else None
    if not window.isVisible():  # closed by the user while the data was opening
        if workspace is not None:
            workspace.close()
        return None
    return workspace or _open_guarded(window, data_dir, database_url, operator, read_only)


def _open_guarded(window: MainWindow, data_dir: Path, database_url: str | None, operator: str,
                  read_only: bool) -> Workspace | None:
    """The open again on the GUI thread after the worker's failed: it meets the failure, explains it and offers
    the newest good backup for a damaged file."""
    startup = data_side.load().startup  # imported by the worker's open already
    if read_only:
        return startup.open_read_only_guarded(data_dir, operator, parent=window)
    return startup.open_guarded(data_dir, database_url, operator, parent=window)


def _offer_demo(workspace: Workspace, window: MainWindow, demo: bool) -> None:
    """An empty database: --demo fills it; otherwise the newcomer is asked."""
    if not demo:
        answer = QMessageBox.question(
            window, APP_NAME,
            "这是第一次使用，数据库还是空的。\n\n是否载入演示数据（约100个项目、300个问题、3次推进会）？\n"
            "演示数据可用于熟悉功能；正式使用前可另建数据文件夹。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    load_demo_data(workspace, window)


def _end(window: MainWindow, data_dir: Path, lock: QLockFile | None) -> None:
    """At exit: the workspace held now is closed (a restore may have replaced the one opened at start). A
    read-only folder (no lock) gets no writes: no first screen, no session note."""
    window.ops.pool.waitForDone(30_000)  # the start-up load may still be reading: let it answer first
    if lock is None:
        window.ops.close()
        return
    data_side.load().startup.end_session(window, data_dir)
    lock.unlock()


def main() -> int:
    from desktop.cli import main as cli_main

    return cli_main()
