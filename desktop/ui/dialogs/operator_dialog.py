"""Who is working: asked on first start, changeable from the 文件 menu, written into every audit entry.

The name is kept per computer (QSettings), not with the data: on a shared server each PC has its own person.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.forms.ui_operator_dialog import Ui_OperatorDialog
from desktop.ui.widgets.fitting import fit_to_screen

SETTING_KEY = "operator/name"


def saved_operator(settings: QSettings) -> str:
    return str(settings.value(SETTING_KEY, "") or "").strip()


class OperatorDialog(QDialog):
    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_OperatorDialog()
        self.form.setupUi(self)
        self.form.name_edit.setText(current)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.form.button_box.accepted.connect(self._accept)
        self.form.button_box.rejected.connect(self.reject)

    def name(self) -> str:
        return self.form.name_edit.text().strip()

    def _accept(self) -> None:
        if not self.name():
            self.form.error_label.setText("「操作人姓名」：请填写，操作日志需要记录是谁做的修改。")
            return
        self.accept()


def ask_operator(settings: QSettings, parent: QWidget | None = None, *, force: bool = False) -> str | None:
    """The saved name, or ask for one (first start, or `force` from the menu). None when the user cancels."""
    current = saved_operator(settings)
    if current and not force:
        return current
    dialog = OperatorDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings.setValue(SETTING_KEY, dialog.name())
    settings.sync()
    return dialog.name()
