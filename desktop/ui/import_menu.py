"""文件 → 导入台账 / 导入记录: the two menu entries, kept out of main_window.py so the window's owner and the
import feature can change independently. The window calls `install(window)` once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

# The dialogs bring the importers and openpyxl (~0.3 s): loaded when the user opens one, not at start-up.
if TYPE_CHECKING:
    from desktop.ui.dialogs.import_history import ImportHistoryDialog
    from desktop.ui.dialogs.import_wizard import ImportWizard


def install(window: QMainWindow) -> tuple[QAction, QAction]:
    """Add the actions at the top of the 文件 menu; an import or an undo is broadcast as "everything changed"."""
    menu = window.form.file_menu  # type: ignore[attr-defined]
    import_action = QAction("导入台账(&I)…", window)
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.setStatusTip("从 Excel/CSV 台账导入项目、问题、议定事项、企业或投资进度")
    history_action = QAction("导入记录…", window)
    history_action.setStatusTip("查看以往的导入，整体撤销某次导入")
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, import_action)
    menu.insertAction(first, history_action)
    menu.insertSeparator(first)
    import_action.triggered.connect(lambda: open_wizard(window))
    history_action.triggered.connect(lambda: open_history(window))
    return import_action, history_action


def open_wizard(window: QMainWindow) -> ImportWizard:
    from desktop.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(window.ops, window)  # type: ignore[attr-defined]  # an import broadcasts "everything"
    wizard.open()
    return wizard


def open_history(window: QMainWindow) -> ImportHistoryDialog:
    from desktop.ui.dialogs.import_history import ImportHistoryDialog

    dialog = ImportHistoryDialog(window.ops, window)  # type: ignore[attr-defined]  # an undo broadcasts "everything"
    dialog.open()
    return dialog
