"""文件 → 导入台账 / 导入记录: the two menu entries, kept out of main_window.py so the window's owner and the
import feature can change independently. The window calls `install(…)` once with its `Ops` and 文件 menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

# The dialogs bring the importers (11 modules): loaded when the user opens one, not by every start.
if TYPE_CHECKING:
    from desktop.ui.dialogs.import_history import ImportHistoryDialog
    from desktop.ui.dialogs.import_wizard import ImportWizard
    from desktop.ui.ops import Ops


def install(window: QWidget, ops: Ops, menu: QMenu) -> tuple[QAction, QAction]:
    """Add the actions at the top of the 文件 `menu`; an import or an undo is broadcast as "everything changed".
    `window` parents the dialogs."""
    import_action = QAction("导入台账(&I)…", window)
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.setStatusTip("从 Excel/CSV 台账导入项目、问题、议定事项、企业或投资进度")
    history_action = QAction("导入记录…", window)
    history_action.setStatusTip("查看以往的导入，整体撤销某次导入")
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, import_action)
    menu.insertAction(first, history_action)
    menu.insertSeparator(first)
    import_action.triggered.connect(lambda: open_wizard(window, ops))
    history_action.triggered.connect(lambda: open_history(window, ops))
    return import_action, history_action


def open_wizard(window: QWidget, ops: Ops) -> ImportWizard:
    from desktop.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(ops, window)  # an import broadcasts "everything"
    wizard.open()
    return wizard


def open_history(window: QWidget, ops: Ops) -> ImportHistoryDialog:
    from desktop.ui.dialogs.import_history import ImportHistoryDialog

    dialog = ImportHistoryDialog(ops, window)  # an undo broadcasts "everything"
    dialog.open()
    return dialog
