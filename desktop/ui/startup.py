"""Start-up steps of the window program that guard the data: server password, operator name, a damaged
database (never start empty: offer the newest good backup), the password lock, the daily backup and the weekly
full check on the window's worker, and what the next start may show first.

This module is on the data side of the window (it imports the database layer): `desktop/app.py` imports it on
the worker while the window paints (`Ops.open`), and uses it once the data is open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop import APP_NAME
from desktop.db.migrate import MigrationError
from desktop.errors import UserError
from desktop.paths import database_file
from desktop.services import app_lock, first_screen, operators
from desktop.services.backup import archive as backups
from desktop.services.backup import full_check
from desktop.services.backup.restore import restore_archive
from desktop.services.encryption import office_key
from desktop.ui.dialogs.lock_dialogs import PasswordDialog
from desktop.ui.dialogs.operator_dialog import ask_operator, choose_operator
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.dialogs.server_dialog import ask_password
from desktop.ui.dialogs.server_dialog import load as load_server
from desktop.ui.ops import Ops
from desktop.workspace import Workspace, WorkspaceError, open_read_only, open_workspace

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
DAILY_BACKUP_FAILED = "今日自动备份失败："

__all__ = ["admit_operator", "ask_operator", "daily_backup", "first_screen_to_keep", "lock_enabled", "open_guarded",
           "server_url", "start_daily_backup", "start_full_check", "unlock"]


def server_url(settings: QSettings, parent: QWidget | None = None) -> tuple[bool, str | None]:
    """(go on?, url): the configured server's URL with the password asked now, or None for the local folder."""
    server = load_server(settings)
    if not server.enabled:
        return True, None
    password = ask_password(server, parent)
    if password is None:
        return False, None
    return True, server.url(password)


def open_guarded(data_dir: Path, database_url: str | None, operator: str,
                 parent: QWidget | None = None) -> Workspace | None:
    """Open the data; when the database file is damaged, empty or gone, say so and offer the newest good backup.
    Only a missing or empty file may be replaced by a new database, and only when the user says so."""
    fresh_ok = False
    try:
        return open_workspace(data_dir, database_url, operator=operator)
    except MigrationError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None
    except WorkspaceError as exc:
        if database_url is not None or not exc.damaged:
            QMessageBox.critical(parent, APP_NAME, str(exc))
            return None
        problem = str(exc) if exc.replaceable else f"数据库已损坏，程序不能在损坏的数据上启动：\n{exc}"
        if not offer_recovery(data_dir, problem, parent, operator=operator):
            if not exc.replaceable:
                return None
            answer = QMessageBox.question(parent, APP_NAME, "不恢复备份，而是新建一个空的数据库吗？\n"
                                          "（以前的备份仍保留在 backups 文件夹中）")
            if answer != QMessageBox.StandardButton.Yes:
                return None
            fresh_ok = True
    try:
        return open_workspace(data_dir, database_url, operator=operator, allow_new_beside_backups=fresh_ok)
    except (WorkspaceError, MigrationError) as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None


def open_quietly(data_dir: Path, database_url: str | None, operator: str, read_only: bool) -> Workspace | None:
    """The start-up's open on the worker, saying nothing: None on any failure, which the guarded open (on the GUI
    thread) then meets again and explains."""
    try:
        if read_only:
            return open_read_only(data_dir, operator=operator)
        return open_workspace(data_dir, database_url, operator=operator)
    except Exception:  # any failure is met again, and explained, by the guarded open
        log.info("the quiet open failed; the guarded open explains it", exc_info=True)
        return None


def open_read_only_guarded(data_dir: Path, operator: str, parent: QWidget | None = None) -> Workspace | None:
    """A read-only folder opened read-only (`open_read_only`); a refusal is said, and nothing is offered that would
    write (a restore cannot write there either)."""
    try:
        return open_read_only(data_dir, operator=operator)
    except WorkspaceError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return None


def offer_recovery(data_dir: Path, problem: str, parent: QWidget | None = None,
                   restore: Callable[[Path, str | None], None] | None = None, *, operator: str = "系统") -> bool:
    """True when a backup was restored. The damaged file itself is kept (set aside by the restore). Backups
    passed over because they are damaged themselves are named, so nobody wonders why an older one is offered.
    `restore` does the restoring (the open window closes and reopens its data); by default the folder is
    restored directly, before any window holds it, and `operator` is named in the 恢复备份 row of the 操作日志."""
    search = backups.find_good_backup(data_dir)
    skipped = "\n".join(search.skipped_lines())
    info = search.found
    if info is None:
        then = ("请不要继续修改数据" if restore is not None
                else "程序不会在损坏的数据上启动，也不会新建空数据库")
        QMessageBox.critical(parent, APP_NAME, f"{problem}\n\n" + (f"{skipped}\n" if skipped else "") +
                             f"数据文件夹中没有找到可用的备份。{then}。请联系技术人员，或用 keyproj restore 从其他位置的备份恢复。")
        return False
    headline = (f"{problem}\n\n" + (f"{skipped}\n" if skipped else "") +
                f"找到最近的完好备份 {info.path.name}（{info.created_at:%Y-%m-%d %H:%M}）。"
                "是否从它恢复？损坏的文件会另外保存，不会删除。")
    error = None
    while True:  # an encrypted backup: a wrong passphrase is said in the preview, which asks again
        preview = RestorePreviewDialog(info, parent, headline=headline, error=error)
        if preview.exec() != QDialog.DialogCode.Accepted:
            return False
        passphrase = preview.passphrase
        try:
            if restore is not None:
                restore(info.path, passphrase)
            else:  # no window yet: the restore (and the passphrase check, a tenth of a second) runs here
                restore_archive(info.path, data_dir, operator=operator, passphrase=passphrase)
        except office_key.WrongPassphrase as exc:
            error = f"「加密口令或恢复码」：{exc}"
            continue
        except (UserError, OSError) as exc:
            QMessageBox.critical(parent, APP_NAME, f"恢复失败：{exc}")
            return False
        return True


def operator_list(workspace: Workspace) -> list[str]:
    with workspace.db.read() as session:
        return operators.names(session)


def add_operator(workspace: Workspace, name: str) -> None:
    """One transaction: the name joins the office's list, and the audit hook logs the list before and after."""
    with workspace.db.transaction() as session:
        operators.add(session, name)


def admit_operator(workspace: Workspace, settings: QSettings, parent: QWidget | None = None) -> bool:
    """After the data is open and unlocked: the operator must be on the office's list (`services/operators`). An
    empty list starts with this name (logged); a name not on it is asked again, from the list, where a new name is
    added only when the user ticks 添加. False when the user cancels."""
    name = workspace.db.operator
    if workspace.db.read_only:  # nothing can be changed, so nothing is logged under any name
        return True
    known = operator_list(workspace)
    if name in known:
        return True
    if not known:
        add_operator(workspace, name)
        return True
    chosen = choose_operator(settings, known, parent, current=name,
                             message=f"「{name}」不在本单位的操作人名单中：请从名单中选择；确是新的操作人时勾选“添加”。")
    if chosen is None:
        return False
    name, adds = chosen
    if adds:
        add_operator(workspace, name)
    workspace.db.operator = name
    return True


def lock_enabled(workspace: Workspace) -> bool:
    with workspace.db.read() as session:
        return app_lock.settings(session).enabled


def unlock(workspace: Workspace, parent: QWidget | None = None) -> bool:
    """Before the window holds the workspace: the password is checked on a worker of its own (the same `Ops`
    mechanism), which is done with once the answer is in; the workspace stays open for the window."""
    if not lock_enabled(workspace):
        return True
    if parent is not None:  # never show data behind the password dialog (a first screen is never kept with a lock)
        parent.hide()
    ops = Ops(workspace)
    try:
        dialog = PasswordDialog(ops, parent, message="请输入密码打开程序。")
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        ops.pool.waitForDone()
        ops.deleteLater()


def daily_backup(workspace: Workspace) -> str | None:
    """Take the day's backup; returns a line for the status bar, or a warning starting 今日自动备份失败. Never
    stops the start: a full disk, a read-only stick or anything unforeseen is a line, never a traceback."""
    try:
        result = backups.daily_backup_if_due(workspace.db, workspace.data_dir)
    except UserError as exc:
        return f"{DAILY_BACKUP_FAILED}{exc}"
    except OSError as exc:
        return f"{DAILY_BACKUP_FAILED}文件操作失败（{exc.strerror or exc}）"
    except Exception:
        log.exception("daily backup failed")
        return f"{DAILY_BACKUP_FAILED}出现意外错误，详情已记入日志。数据未受影响。"
    if result is None:
        return None
    return "；".join([f"已自动备份：{result.path.name}", *result.warnings])


def start_daily_backup(window: MainWindow, answered: Callable[[], None] | None = None) -> None:
    """The day's backup on the window's worker (5-7 s at city size), never on the GUI thread; a status-bar note
    says it runs and what it made. `answered` (the start-up probe) is called once it is made, skipped or failed."""
    window.statusBar().showMessage("正在进行今日自动备份（如已备份则跳过）……", 15000)

    def done(note: str | None) -> None:
        failed = note is not None and note.startswith(DAILY_BACKUP_FAILED)
        window.statusBar().showMessage(note or "今日已备份", 0 if failed else 15000)  # a failure stays in view
        if answered is not None:
            answered()

    window.ops.run(daily_backup, done, on_broken=answered)


def start_full_check(window: MainWindow, data_dir: Path) -> str | None:
    """The full check (`services/backup/full_check`) on the window's worker, after the day's backup, when it is
    due: once a week and after a start that follows a crash. Damage is offered the newest good backup (`Ops`); a
    passed check is a status-bar line; a 操作日志 chain that does not verify is said in a dialog. Returns why it
    runs (None: not due)."""
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


def first_screen_to_keep(window: MainWindow, workspace: Workspace) -> dict[str, object] | None:
    """What the next start may show before the database opens: nothing for a server database, nothing while the
    password lock is on (the data must not be readable before the password), nothing before every issue loaded."""
    if workspace.database_file is None or lock_enabled(workspace):
        return None
    return window.first_screen_data()


def end_session(window: MainWindow, data_dir: Path) -> None:
    """A normal exit of a writable folder: the next start's first screen kept (or discarded: nothing held, a
    server, a password, not everything loaded), then the workspace held now closed, and the exit noted (the next
    start is not one after a crash)."""
    ops = window.ops
    keep = first_screen_to_keep(window, ops.workspace) if ops.holds else None
    ops.close()
    if keep is None:
        first_screen.discard(data_dir)
    else:
        first_screen.save(data_dir, database_file(data_dir), window.today, **keep)  # type: ignore[arg-type]
    full_check.end_session(data_dir)
