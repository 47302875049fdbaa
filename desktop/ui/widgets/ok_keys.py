"""Ctrl+Return (or Ctrl+Enter on the keypad) presses a dialog's OK from anywhere in it.

In a multi-line note field (办理进展, 办结情况, 流转理由 …) Return starts a new line, so the clerk who typed the
note had to reach for the mouse or Tab round to OK. The key clicks the dialog's accepting button (OK, 保存), so
everything OK does runs as if it were clicked: the dialog's own checks, its refusal beside the input, the write
on the worker; a button that is off (a write under way) is not pressed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox

OK_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def ok_on_ctrl_return(dialog: QDialog, buttons: QDialogButtonBox) -> None:
    """Give `dialog` the keys; `buttons` holds its OK (the button box of its form)."""

    def press() -> None:
        for button in buttons.buttons():
            if buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                if button.isEnabled() and buttons.isEnabled() and not button.isHidden():
                    button.click()
                return

    for keys in OK_KEYS:
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setObjectName(f"ok_key_{keys}")
        # the dialog's own key: it reaches OK from any of its fields, never from another window
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(press)
