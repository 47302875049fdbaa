"""The password prompt (start-up and unlock) and the 密码锁 settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import UserError
from desktop.services import app_lock
from desktop.ui.forms.ui_lock_settings_dialog import Ui_LockSettingsDialog
from desktop.ui.forms.ui_password_dialog import Ui_PasswordDialog
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace


class PasswordDialog(QDialog):
    """Accepts only the right password; checking happens here so a wrong one never closes the dialog."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, message: str | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
        self.form = Ui_PasswordDialog()
        self.form.setupUi(self)
        if message:
            self.form.message_label.setText(message)
        self.failures = 0
        self.form.button_box.accepted.connect(self._check)
        self.form.button_box.rejected.connect(self.reject)

    def _check(self) -> None:
        with self.workspace.db.read() as session:
            ok = app_lock.verify(session, self.form.password_edit.text())
        if ok:
            self.accept()
            return
        self.failures += 1
        self.form.password_edit.clear()
        self.form.error_label.setText(f"「密码」：不正确（已错误 {self.failures} 次），请重新输入。")


class LockSettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
        self.form = Ui_LockSettingsDialog()
        self.form.setupUi(self)
        with workspace.db.read() as session:
            current = app_lock.settings(session)
        self.enabled = current.enabled
        f = self.form
        f.idle_spin.setValue(current.idle_minutes if current.enabled else app_lock.DEFAULT_IDLE_MINUTES)
        f.current_edit.setEnabled(current.enabled)
        f.current_label.setEnabled(current.enabled)
        f.remove_check.setEnabled(current.enabled)
        f.remove_check.toggled.connect(self._on_remove_toggled)
        f.button_box.accepted.connect(self._save)
        f.button_box.rejected.connect(self.reject)

    def _on_remove_toggled(self, checked: bool) -> None:
        for w in (self.form.password_edit, self.form.confirm_edit, self.form.idle_spin):
            w.setEnabled(not checked)

    def _save(self) -> None:
        f = self.form
        try:
            with self.workspace.db.transaction() as session:
                if self.enabled and not app_lock.verify(session, f.current_edit.text()):
                    raise UserError("「当前密码」：不正确。")
                if f.remove_check.isChecked():
                    app_lock.remove_password(session, f.current_edit.text())
                elif self.enabled and not f.password_edit.text():
                    app_lock.set_idle_minutes(session, f.idle_spin.value())
                else:
                    app_lock.set_password(session, f.password_edit.text(), f.confirm_edit.text(),
                                          f.idle_spin.value())
        except UserError as exc:
            f.error_label.setText(str(exc))
            return
        self.accept()
