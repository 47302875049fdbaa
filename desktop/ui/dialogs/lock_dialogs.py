"""The password prompt (start-up and unlock) and the 密码锁 settings.

Both check and write on the window's worker (`WorkerLink`): the password is verified there, the settings are read
and saved there, and a saved change is broadcast as a settings change.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.errors import UserError
from desktop.services import app_lock
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_lock_settings_dialog import Ui_LockSettingsDialog
from desktop.ui.forms.ui_password_dialog import Ui_PasswordDialog
from desktop.ui.ops import Change
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace


class PasswordDialog(WorkerDialog):
    """Accepts only the right password; checking happens here so a wrong one never closes the dialog. After five
    failures in a row (counted beside the data, with the command line's: `app_lock.attempt`) OK stays off for the
    wait that follows, so guessing gets slower with every try."""

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, message: str | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_PasswordDialog()
        self.form.setupUi(self)
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        if message:
            self.form.message_label.setText(message)
        self.failures = 0
        self.wait_left = 0
        self.deadline = 0.0  # monotonic time when the wait the worker reported is over (never before its own)
        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)
        self.form.button_box.accepted.connect(self._check)
        self.form.button_box.rejected.connect(self.reject)

    def _check(self) -> None:
        if self.wait_left:
            return
        typed = self.form.password_edit.text()

        def work(workspace: Workspace) -> tuple[bool, int, int]:
            try:
                with workspace.db.read() as session:
                    ok = app_lock.attempt(session, workspace.data_dir, typed)
            except app_lock.TooManyFailures as exc:
                return False, exc.failures, exc.wait
            count = app_lock.failures(workspace.data_dir)[0]
            return ok, count, app_lock.seconds_to_wait(workspace.data_dir)

        self.link.submit(work, self._checked)

    def _checked(self, answer: tuple[bool, int, int]) -> None:
        ok, count, wait = answer
        if ok:
            self.accept()
            return
        self.failures = count
        self.form.password_edit.clear()
        self.form.error_label.setText(f"「密码」：不正确（已连续错误 {count} 次），请重新输入。")
        if wait:
            self.wait_left = wait
            self.deadline = time.monotonic() + wait
            self._show_wait()
            self.countdown.start()

    def _show_wait(self) -> None:
        self.form.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.wait_left)
        self.form.password_edit.setEnabled(not self.wait_left)
        if self.wait_left:
            self.form.error_label.setText(f"「密码」：已连续错误 {self.failures} 次，为防止猜测，请 {self.wait_left} 秒后再试。")
        else:
            self.form.error_label.setText(f"「密码」：已连续错误 {self.failures} 次，现在可以再试。")
            self.form.password_edit.setFocus()

    def _tick(self) -> None:
        left = max(0, math.ceil(self.deadline - time.monotonic()))
        if left == self.wait_left and left:
            return
        self.wait_left = left
        if not self.wait_left:
            self.countdown.stop()
        self._show_wait()


class LockSettingsDialog(WorkerDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_LockSettingsDialog()
        self.form.setupUi(self)
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.enabled = False
        f = self.form
        f.remove_check.toggled.connect(self._on_remove_toggled)
        f.button_box.accepted.connect(self._save)
        f.button_box.rejected.connect(self.reject)
        self.link.load(_settings, self._fill)

    def _fill(self, current: app_lock.LockSettings) -> None:
        self.enabled = current.enabled
        f = self.form
        f.idle_spin.setValue(current.idle_minutes if current.enabled else app_lock.DEFAULT_IDLE_MINUTES)
        f.current_edit.setEnabled(current.enabled)
        f.current_label.setEnabled(current.enabled)
        f.remove_check.setEnabled(current.enabled)

    def _on_remove_toggled(self, checked: bool) -> None:
        for w in (self.form.password_edit, self.form.confirm_edit, self.form.idle_spin):
            w.setEnabled(not checked)

    def _save(self) -> None:
        f = self.form
        enabled, current, remove = self.enabled, f.current_edit.text(), f.remove_check.isChecked()
        password, confirm, idle = f.password_edit.text(), f.confirm_edit.text(), f.idle_spin.value()

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                # counted like the unlock prompt's tries: the settings are no way round the slow-down
                if enabled and not app_lock.attempt(session, workspace.data_dir, current):
                    raise UserError("「当前密码」：不正确。")
                if remove:
                    app_lock.remove_password(session, current)
                elif enabled and not password:
                    app_lock.set_idle_minutes(session, idle)
                else:
                    app_lock.set_password(session, password, confirm, idle)

        self.link.submit(work, lambda _none: self.accept(), lambda _none: Change(settings=True))


def _settings(workspace: Workspace) -> app_lock.LockSettings:
    with workspace.db.read() as session:
        return app_lock.settings(session)
