"""Show what a backup holds (date, counts, versions) and ask before restoring it; for an encrypted backup, also
the passphrase (or recovery code), which the caller checks on the worker before anything is closed or replaced."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.services.backup.archive import BackupInfo
from desktop.ui.forms.ui_restore_preview_dialog import Ui_RestorePreviewDialog
from desktop.ui.widgets.fitting import fit_to_screen


class RestorePreviewDialog(QDialog):
    def __init__(self, info: BackupInfo, parent: QWidget | None = None, *, headline: str | None = None,
                 error: str | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_RestorePreviewDialog()
        self.form.setupUi(self)
        self.encrypted = info.encrypted
        self.form.title_label.setText(headline or f"将用以下备份替换当前数据：\n{info.path}")
        self.form.contents_edit.setPlainText("\n".join(info.summary_lines()))
        for widget in (self.form.passphrase_label, self.form.passphrase_edit):
            widget.setVisible(self.encrypted)
        self.form.error_label.setText(error or "")
        self.form.error_label.setVisible(bool(error))
        if self.encrypted:
            self.form.passphrase_edit.setFocus()
        ok = self.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("恢复")
        self.form.button_box.accepted.connect(self._accept)
        self.form.button_box.rejected.connect(self.reject)

    @property
    def passphrase(self) -> str | None:
        """What was typed for an encrypted backup (None for a plain one)."""
        return self.form.passphrase_edit.text() if self.encrypted else None

    def _accept(self) -> None:
        if self.encrypted and not self.form.passphrase_edit.text():
            self.form.error_label.setText("「加密口令或恢复码」：此备份已加密，请输入开启加密时设置的口令或恢复码。")
            self.form.error_label.setVisible(True)
            self.form.passphrase_edit.setFocus()
            return
        self.accept()
