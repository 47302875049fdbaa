"""The reliability entries of the 文件 menu (备份与恢复, 操作日志, 操作人, 密码锁, 数据库服务器) and what they do.

Kept out of main_window.py: the window calls `install(…)` once, with the parts these need (its `Ops`, the 文件 menu,
the settings, the status bar), never itself. Restoring swaps the workspace `Ops` holds, on its worker: close the
data, restore the archive, reopen; every view then re-reads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QStatusBar

from desktop import APP_NAME
from desktop.db.migrate import MigrationError
from desktop.errors import UserError
from desktop.services import first_screen
from desktop.services.backup.restore import restore_archive
from desktop.ui import startup
from desktop.ui.dialogs.audit_log_dialog import AuditLogDialog
from desktop.ui.dialogs.backup_dialog import BackupDialog
from desktop.ui.dialogs.encryption_dialog import EncryptionDialog
from desktop.ui.dialogs.lock_dialogs import LockSettingsDialog
from desktop.ui.dialogs.operator_dialog import choose_operator
from desktop.ui.dialogs.server_dialog import ServerDialog
from desktop.ui.idle_lock import IdleLock
from desktop.ui.ops import Ops
from desktop.ui.startup import offer_recovery
from desktop.workspace import Workspace, WorkspaceError, open_workspace


class ReliabilityActions:
    def __init__(self, window: QMainWindow, ops: Ops, menu: QMenu, quit_action: QAction, settings: QSettings,
                 today: date) -> None:
        self.window = window  # the parent of the dialogs, hidden by the idle lock
        self.ops = ops
        self.settings = settings
        self.today = today
        status_bar = window.statusBar()
        assert isinstance(status_bar, QStatusBar)
        self.status_bar = status_bar
        before = quit_action if quit_action in menu.actions() else None
        self.backup_action = self._action("备份与恢复(&B)…", self.open_backups)
        self.audit_action = self._action("操作日志(&L)…", self.open_audit_log)
        self.operator_action = self._action("更改操作人(&O)…", self.change_operator)
        self.lock_action = self._action("密码锁(&P)…", self.open_lock_settings)
        self.encryption_action = self._action("加密备份和数据包(&J)…", self.open_encryption_settings)
        self.server_action = self._action("数据库服务器(&S)…", self.open_server_settings)
        menu.insertSeparator(before)  # our group sits just above 退出, after whatever other features added
        for action in (self.backup_action, self.audit_action, self.operator_action, self.lock_action,
                       self.encryption_action, self.server_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        self.backup_action.setEnabled(ops.db.is_sqlite)
        self.idle_lock = IdleLock(window, ops)
        self._offering = False
        self.data_dir = ops.data_dir  # a restore reopens this folder, also when nothing is held any more
        ops.damage_handler = self.offer_restore
        ops.lost.connect(lambda message: QTimer.singleShot(0, lambda: self.reopen_failed(message)))

    def _action(self, text: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    def open_backups(self) -> BackupDialog:
        dialog = BackupDialog(self.ops, self.restore_from, self.window)
        dialog.open()
        return dialog

    def restore_from(self, archive: Path, finished: Callable[[str | None], None] | None = None,
                     passphrase: str | None = None) -> None:
        """Close the data, restore, reopen under the operator of that moment, all on the worker (`Ops.swap`: a
        city's restore is seconds); every view then re-reads. `finished(None)`, or with the refusal (the data as
        it was is reopened); without `finished` a refusal is shown here."""

        def make(old: Workspace) -> tuple[Workspace | None, str | None]:
            operator, data_dir = old.db.operator, old.data_dir
            problem = None
            try:
                restore_archive(archive, data_dir, operator=operator, passphrase=passphrase)
            except UserError as exc:
                problem = str(exc)
            except OSError as exc:
                problem = f"文件操作失败（{exc.strerror or exc}）"
            try:
                return open_workspace(data_dir, operator=operator), problem
            except (WorkspaceError, MigrationError) as exc:  # nothing to hold: `Ops` says so and holds nothing
                return None, str(exc)

        def done(problem: str | None) -> None:
            if finished is not None:
                finished(problem)
            elif problem is not None and self.ops.holds:  # a failed reopen is said by `reopen_failed`
                QMessageBox.critical(self.window, APP_NAME, f"恢复失败，当前数据未改动：{problem}")

        self.ops.swap(make, done)

    def reopen_failed(self, message: str) -> None:
        """A restore's reopen failed (`Ops.lost`): nothing is held and nothing can be done on the data. Say so,
        and offer the newest good backup of the folder or to leave the program."""
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                          f"{message}\n\n当前没有打开任何数据，不能进行任何操作。可以从数据文件夹中最近的完好备份恢复，"
                          "或退出程序（退出后可用 keyproj restore 从其他位置的备份恢复）。", parent=self.window)
        restore = box.addButton("从备份恢复(&R)…", QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton("退出程序(&X)", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        self.exec_box(box)
        if box.clickedButton() is leave:
            self.window.close()
        elif box.clickedButton() is restore:
            offer_recovery(self.data_dir, message, self.window,
                           restore=lambda path, passphrase: self.restore_from(path, passphrase=passphrase))

    def exec_box(self, box: QMessageBox) -> None:
        """Show a question box modally (tests replace this to press a button)."""
        box.exec()

    def offer_restore(self, message: str) -> None:
        """A read met a broken file: name it, offer the newest good backup (naming the damaged ones skipped) and
        restore it in place. One offer at a time, however many reads fail together."""
        if self._offering:
            return
        ops = self.ops
        if not ops.db.is_sqlite:
            QMessageBox.critical(self.window, APP_NAME, message)
            return
        self._offering = True
        try:
            offer_recovery(self.data_dir, message, self.window,
                           restore=lambda path, passphrase: self.restore_from(path, passphrase=passphrase))
        finally:
            self._offering = False

    def open_audit_log(self) -> AuditLogDialog:
        dialog = AuditLogDialog(self.ops, self.window, today=self.today)
        dialog.open()
        return dialog

    def change_operator(self) -> None:
        """Choose from the office's list (read on the worker), or add a new name (written there, logged)."""
        self.ops.run(startup.operator_list, self._choose_operator)

    def _choose_operator(self, known: list[str]) -> None:
        chosen = choose_operator(self.settings, known, self.window, current=self.ops.db.operator)
        if chosen is None:
            return
        name, adds = chosen

        def switched(_none: object = None) -> None:
            self.status_bar.showMessage(f"操作人已改为：{name}" + ("（已添加到操作人名单）" if adds else ""), 5000)

        # On the worker, in order with the writes asked before and after: the new person is who adds their own
        # name (the 操作日志 row says so).
        if adds or not known:
            self.ops.set_operator(name)
            self.ops.run(lambda workspace: startup.add_operator(workspace, name), switched)
        else:
            self.ops.set_operator(name, switched)

    def open_lock_settings(self) -> None:
        if LockSettingsDialog(self.ops, self.window).exec():
            self.idle_lock.reconfigure()
            # The kept first screen is a plain copy of project names and issue texts, never written while the lock
            # is on; with a password set it goes now rather than at the next close.
            first_screen.discard(self.ops.data_dir)

    def open_encryption_settings(self) -> EncryptionDialog:
        dialog = EncryptionDialog(self.ops, self.window)
        dialog.open()
        return dialog

    def open_server_settings(self) -> None:
        if ServerDialog(self.settings, self.window).exec():
            QMessageBox.information(self.window, APP_NAME, "数据库服务器设置已保存，下次启动时生效。")


def install(window: QMainWindow, ops: Ops, menu: QMenu, quit_action: QAction, settings: QSettings,
            today: date) -> ReliabilityActions:
    return ReliabilityActions(window, ops, menu, quit_action, settings, today)
