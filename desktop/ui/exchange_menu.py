"""The 文件 menu's data-exchange actions (导出数据包 / 导入数据包 / 数据交换记录), kept out of main_window.py.

The window only calls `install_exchange_actions(self)`. The package is read and previewed on the window's worker
(`Ops.run`); a merge and the history dialog's undo of one are broadcast as "everything changed", which the window
follows like any write.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from desktop.services.exchange import office
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import SUFFIX, Package, read_package
from desktop.services.exchange.preview import MergePlan
from desktop.ui.dialogs.exchange_export import ExchangeExportDialog
from desktop.ui.dialogs.exchange_history import ExchangeHistoryDialog
from desktop.ui.dialogs.merge_preview import MergePreviewDialog

if TYPE_CHECKING:
    from desktop.workspace import Workspace


def install_exchange_actions(window: QMainWindow, file_menu: QMenu, before: QAction | None = None) -> list[QAction]:
    actions = []
    for text, slot in (("导出数据包(&E)…", lambda: export_package_dialog(window)),
                       ("导入数据包(&M)…", lambda: import_package_dialog(window)),
                       ("数据交换记录(&H)…", lambda: history_dialog(window))):
        action = QAction(text, window)
        action.triggered.connect(slot)
        actions.append(action)
    if before is not None:
        file_menu.insertActions(before, actions)
        file_menu.insertSeparator(before)
    else:
        file_menu.addActions(actions)
    return actions


def export_package_dialog(window) -> None:  # type: ignore[no-untyped-def]
    dialog = ExchangeExportDialog(window.ops, today=window.today, parent=window)
    if dialog.exec() and dialog.export_result:
        result = dialog.export_result
        QMessageBox.information(window, "导出数据包", f"已导出 {result.total_rows} 条记录"
                                f"（删除记录 {result.counts.get('deletions', 0)} 条，附件 {result.counts.get('attachments', 0)} 个）到：\n"
                                f"{result.path}")


def import_package_dialog(window) -> None:  # type: ignore[no-untyped-def]
    path, _ = QFileDialog.getOpenFileName(window, "选择数据包", str(Path.home()), f"数据包 (*{SUFFIX});;所有文件 (*)")
    if not path:
        return
    chosen = Path(path)

    def read(workspace: Workspace) -> tuple[Package, MergePlan]:
        with workspace.db.read() as session:
            key = office.shared_key(session)
        package = read_package(chosen, key=key)
        return package, preview(workspace, package)

    def refused(message: str) -> None:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, "导入数据包", message)

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    window.ops.run(read, lambda found: _show_preview(window, *found), refused,
                   on_broken=QApplication.restoreOverrideCursor)


def _show_preview(window, package: Package, plan: MergePlan) -> None:  # type: ignore[no-untyped-def]
    QApplication.restoreOverrideCursor()
    dialog = MergePreviewDialog(window.ops, package, plan, window)
    if dialog.exec() and dialog.merge_result is not None:
        c = dialog.merge_result.counts
        text = (f"合并完成：新增 {c.get('new', 0)} 条，修改 {c.get('changed', 0)} 条，删除 {c.get('deleted', 0)} 条；"
                f"冲突采用对方 {c.get('conflicts_theirs', 0)} 处、保留本方 {c.get('conflicts_ours', 0)} 处，"
                f"未决定未应用 {c.get('undecided', 0)} 处。")
        if dialog.merge_result.warnings:
            text += "\n\n" + "\n".join(dialog.merge_result.warnings[:10])
        QMessageBox.information(window, "导入数据包", text)


def history_dialog(window) -> None:  # type: ignore[no-untyped-def]
    ExchangeHistoryDialog(window.ops, window).exec()  # an undone merge is broadcast as "everything changed"
