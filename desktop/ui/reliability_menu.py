"""The reliability entries of the 文件 menu (备份与恢复, 操作日志, 操作人, 密码锁, 数据库服务器) and what they do.

Kept out of main_window.py (owned by the window's authors): the window calls `install(window)` once.
Restoring swaps the window's workspace: close the data, restore the archive, reopen, reload every view.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop import APP_NAME
from desktop.services import first_screen
from desktop.services.backup.restore import restore_archive
from desktop.ui import startup
from desktop.ui.dialogs.audit_log_dialog import AuditLogDialog
from desktop.ui.dialogs.backup_dialog import BackupDialog
from desktop.ui.dialogs.lock_dialogs import LockSettingsDialog
from desktop.ui.dialogs.operator_dialog import choose_operator
from desktop.ui.dialogs.server_dialog import ServerDialog
from desktop.ui.idle_lock import IdleLock
from desktop.ui.startup import offer_recovery
from desktop.workspace import open_workspace


class ReliabilityActions:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        menu = window.form.file_menu  # type: ignore[attr-defined]
        quit_action = window.form.quit_action  # type: ignore[attr-defined]
        before = quit_action if quit_action in menu.actions() else None
        self.backup_action = self._action("备份与恢复(&B)…", self.open_backups)
        self.audit_action = self._action("操作日志(&L)…", self.open_audit_log)
        self.operator_action = self._action("更改操作人(&O)…", self.change_operator)
        self.lock_action = self._action("密码锁(&P)…", self.open_lock_settings)
        self.server_action = self._action("数据库服务器(&S)…", self.open_server_settings)
        menu.insertSeparator(before)  # our group sits just above 退出, after whatever other features added
        for action in (self.backup_action, self.audit_action, self.operator_action, self.lock_action,
                       self.server_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        self.backup_action.setEnabled(window.workspace.db.is_sqlite)  # type: ignore[attr-defined]
        self.idle_lock = IdleLock(window, window.ops)  # type: ignore[attr-defined]
        self._offering = False
        window.ops.damage_handler = self.offer_restore  # type: ignore[attr-defined]

    def _action(self, text: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    @property
    def workspace(self):  # type: ignore[no-untyped-def]
        return self.window.ops  # type: ignore[attr-defined]  # answers like the workspace it holds now

    def open_backups(self) -> BackupDialog:
        dialog = BackupDialog(self.workspace, self.restore_from, self.window)
        dialog.open()
        return dialog

    def restore_from(self, archive: Path) -> None:
        """Close the data, restore, reopen under the same operator; `Ops.replace` tells every view to reload."""
        ops = self.window.ops  # type: ignore[attr-defined]
        operator, data_dir = ops.db.operator, ops.data_dir
        ops.detach()
        try:
            restore_archive(archive, data_dir, operator=operator)
        finally:
            ops.replace(open_workspace(data_dir, operator=operator))

    def offer_restore(self, message: str) -> None:
        """A read met a broken file: name it, offer the newest good backup (naming the damaged ones skipped) and
        restore it in place. One offer at a time, however many reads fail together."""
        if self._offering:
            return
        ops = self.window.ops  # type: ignore[attr-defined]
        if not ops.db.is_sqlite:
            QMessageBox.critical(self.window, APP_NAME, message)
            return
        self._offering = True
        try:
            offer_recovery(ops.data_dir, message, self.window, restore=self.restore_from)
        finally:
            self._offering = False

    def open_audit_log(self) -> AuditLogDialog:
        dialog = AuditLogDialog(self.workspace, self.window, today=getattr(self.window, "today", None))
        dialog.open()
        return dialog

    def change_operator(self) -> None:
        """Choose from the office's list (read on the worker), or add a new name (written there, logged)."""
        ops = self.window.ops  # type: ignore[attr-defined]
        ops.run(startup.operator_list, self._choose_operator)

    def _choose_operator(self, known: list[str]) -> None:
        ops = self.window.ops  # type: ignore[attr-defined]
        chosen = choose_operator(self.window.settings, known, self.window,  # type: ignore[attr-defined]
                                 current=ops.db.operator)
        if chosen is None:
            return
        name, adds = chosen

        def switched(_none: object = None) -> None:
            self.window.statusBar().showMessage(f"操作人已改为：{name}" + ("（已添加到操作人名单）" if adds else ""), 5000)

        ops.set_operator(name)  # the new person is who adds their own name (the 操作日志 row says so)
        if adds or not known:
            ops.run(lambda workspace: startup.add_operator(workspace, name), switched)
        else:
            switched()

    def open_lock_settings(self) -> None:
        if LockSettingsDialog(self.workspace, self.window).exec():
            self.idle_lock.reconfigure()
            # The kept first screen is a plain copy of project names and issue texts, never written while the lock
            # is on; with a password set it goes now rather than at the next close.
            first_screen.discard(self.workspace.data_dir)

    def open_server_settings(self) -> None:
        if ServerDialog(self.window.settings, self.window).exec():  # type: ignore[attr-defined]
            QMessageBox.information(self.window, APP_NAME, "数据库服务器设置已保存，下次启动时生效。")


def install(window: QMainWindow) -> ReliabilityActions:
    return ReliabilityActions(window)
