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
    """Pick a name from the office's list (`known`, from `services/operators`) or type a new one and tick 添加.
    Without a list (before the data is open, or a new database) the name is typed; the list then starts with it."""

    def __init__(self, current: str = "", parent: QWidget | None = None, *, known: list[str] | None = None,
                 message: str = "") -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_OperatorDialog()
        self.form.setupUi(self)
        self.known = list(known or [])
        f = self.form
        f.name_edit.setText(current)
        for widget in (f.known_label, f.known_combo, f.add_check):
            widget.setVisible(bool(self.known))
        f.known_combo.addItem("（请选择）", "")
        for name in self.known:
            f.known_combo.addItem(name, name)
        if current in self.known:
            f.known_combo.setCurrentIndex(self.known.index(current) + 1)
        if message:
            f.error_label.setText(message)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.form.known_combo.activated.connect(self._picked)
        self.form.button_box.accepted.connect(self._accept)
        self.form.button_box.rejected.connect(self.reject)

    def _picked(self, _index: int) -> None:
        chosen = str(self.form.known_combo.currentData() or "")
        if chosen:
            self.form.name_edit.setText(chosen)
            self.form.add_check.setChecked(False)

    def name(self) -> str:
        return self.form.name_edit.text().strip()

    def adds(self) -> bool:
        """The name is new and the user asked to add it to the list."""
        return bool(self.known) and self.name() not in self.known and self.form.add_check.isChecked()

    def _accept(self) -> None:
        problem = operator_problem(self.name())
        if problem is not None:
            self.form.error_label.setText(f"「操作人姓名」：{problem}")
            return
        if self.known and self.name() not in self.known and not self.form.add_check.isChecked():
            self.form.error_label.setText(f"「操作人姓名」：「{self.name()}」不在本单位的操作人名单中。请从名单中选择；"
                                          "确是新的操作人时，勾选“添加到本单位的操作人名单”。")
            return
        self.accept()


def ask_operator(settings: QSettings, parent: QWidget | None = None, *, force: bool = False) -> str | None:
    """The saved name, or ask for one (first start, before the data is open). None when the user cancels."""
    current = saved_operator(settings)
    if current and not force:
        return current
    dialog = OperatorDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings.setValue(SETTING_KEY, dialog.name())
    settings.sync()
    return dialog.name()


def choose_operator(settings: QSettings, known: list[str], parent: QWidget | None = None, *, current: str = "",
                    message: str = "") -> tuple[str, bool] | None:
    """Pick from the office's list `known` or add a new name: (name, whether to add it), kept on this PC as the
    name for the next start; None when the user cancels."""
    dialog = OperatorDialog(current or saved_operator(settings), parent, known=known, message=message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings.setValue(SETTING_KEY, dialog.name())
    settings.sync()
    return dialog.name(), dialog.adds()
