"""Show what a backup holds (date, counts, versions) and ask before restoring it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.services.backup.archive import BackupInfo
from desktop.ui.forms.ui_restore_preview_dialog import Ui_RestorePreviewDialog
from desktop.ui.widgets.fitting import fit_to_screen


class RestorePreviewDialog(QDialog):
    def __init__(self, info: BackupInfo, parent: QWidget | None = None, *, headline: str | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_RestorePreviewDialog()
        self.form.setupUi(self)
        self.form.title_label.setText(headline or f"将用以下备份替换当前数据：\n{info.path}")
        self.form.contents_edit.setPlainText("\n".join(info.summary_lines()))
        ok = self.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("恢复")
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)
