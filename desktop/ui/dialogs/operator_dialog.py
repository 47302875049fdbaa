"""Who is working: asked on first start, changeable from the 文件 menu, written into every audit entry.

The name is kept per computer (QSettings), not with the data: on a shared server each PC has its own person. It is
checked by the same rule as everywhere a name is set (`desktop.db.operator_name`): not empty, at most 20
characters, no control characters, no brackets or quotes that could imitate a note the program writes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from desktop.db.operator_name import operator_problem
from desktop.ui.forms.ui_operator_dialog import Ui_OperatorDialog
from desktop.ui.widgets.fitting import fit_to_screen

SETTING_KEY = "operator/name"


def saved_operator(settings: QSettings) -> str:
    """The name kept on this PC; "" when there is none or it breaks today's rules (the user is then asked)."""
    name = str(settings.value(SETTING_KEY, "") or "").strip()
    return name if operator_problem(name) is None else ""


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
        problem = operator_problem(self.name())
        if problem is not None:
            self.form.error_label.setText(f"「操作人姓名」：{problem}")
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
