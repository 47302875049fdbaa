"""Asking for this office's encryption passphrase (or recovery code) to open an encrypted package. The typed text
is only handed on: it is checked on the worker where the package is decrypted (scrypt is slow on purpose), and a
wrong one comes back as the package's refusal. The layout is the password prompt's (forms/password_dialog.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.forms.ui_password_dialog import Ui_PasswordDialog
from desktop.ui.widgets.fitting import fit_to_screen


class PassphraseDialog(QDialog):
    def __init__(self, message: str, parent: QWidget | None = None, *, title: str = "加密口令") -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.form = Ui_PasswordDialog()
        self.form.setupUi(self)
        self.setWindowTitle(title)
        self.form.message_label.setText(message)
        self.form.button_box.accepted.connect(self._accept)
        self.form.button_box.rejected.connect(self.reject)

    def passphrase(self) -> str:
        return self.form.password_edit.text()

    def _accept(self) -> None:
        if not self.form.password_edit.text():
            self.form.error_label.setText("「加密口令」：请输入本单位的加密口令或恢复码。")
            return
        self.accept()


def ask_passphrase(message: str, parent: QWidget | None = None) -> str | None:
    dialog = PassphraseDialog(message, parent)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
