"""反馈 menu: 发出反馈表 / 发出投资进度填报表 / 收取反馈 / 反馈情况 / 单位申请, and returned forms dropped on the window.

Kept out of main_window.py so the window only calls `install(…)` with its parts: itself as the drop target and the
dialogs' parent, its `Ops`, today and where menus go. The dialogs get the Ops (never the window's data) and follow
its change broadcast. A drop of spreadsheet files or folders on the main window
opens 收取反馈 with them: that is where offices expect to put what the units sent back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.db.models.feedback import INVESTMENT_KIND, ISSUE_KIND
from desktop.ui.dialogs.feedback_collect import FeedbackCollectDialog, dropped_paths
from desktop.ui.dialogs.feedback_requests import FeedbackRequestsDialog
from desktop.ui.dialogs.feedback_send import FeedbackSendDialog
from desktop.ui.dialogs.feedback_status import FeedbackStatusDialog

if TYPE_CHECKING:
    from desktop.ui.ops import Ops

MENU_TITLE = "反馈(&B)"
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".et", ".csv")


def _returned(paths: list[Path]) -> bool:
    return bool(paths) and all(p.is_dir() or p.suffix.lower() in SPREADSHEETS for p in paths)


class FeedbackMenu(QObject):
    def __init__(self, window: QMainWindow, ops: Ops, today: date,
                 add_menu: Callable[[str, Iterable[QAction]], QMenu], undo_stack: QUndoStack | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = undo_stack
        self.requests_dialog: FeedbackRequestsDialog | None = None
        self.ops = ops
        self.today = today
        self.folder = Path.home()
        self.send_dialog: FeedbackSendDialog | None = None
        self.collect_dialog: FeedbackCollectDialog | None = None
        self.status_dialog: FeedbackStatusDialog | None = None
        self.send_action = QAction("发出反馈表…", window)
        self.send_action.setStatusTip("为各责任单位生成问题办理反馈表（每单位一个 Excel 文件），可附交办通知")
        self.send_action.triggered.connect(lambda: self.open_send())
        self.collect_action = QAction("收取反馈…", window)
        self.collect_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.collect_action.setStatusTip("读取单位报回的反馈表，核对后记入各问题的办理进展（也可把文件拖到窗口上）")
        self.collect_action.triggered.connect(lambda: self.open_collect())
        self.invest_action = QAction("发出投资进度填报表…", window)
        self.invest_action.setStatusTip("为各责任单位生成某月的投资进度填报表（每单位一个 Excel 文件，每个项目一行），"
                                        "报回后用“收取反馈”记入月度投资表")
        self.invest_action.triggered.connect(lambda: self.open_send(INVESTMENT_KIND))
        self.status_action = QAction("反馈情况…", window)
        self.status_action.setStatusTip("各轮次谁已报、谁逾期；催报通知，或给逾期单位再发一轮")
        self.status_action.triggered.connect(lambda: self.open_status())
        self.requests_action = QAction("单位申请…", window)
        self.requests_action.setStatusTip("单位报告已办结待确认、申请延期、需上级协调：确认或退回，同意或不同意，流转或答复")
        self.requests_action.triggered.connect(lambda: self.open_requests())
        add_menu(MENU_TITLE, [self.send_action, self.invest_action, self.collect_action, self.status_action,
                              self.requests_action])
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            paths = dropped_paths(event)
            if _returned(paths):
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.open_collect(paths)
                return True
        return super().eventFilter(watched, event)

    def open_send(self, kind: str = ISSUE_KIND) -> FeedbackSendDialog:
        dialog = FeedbackSendDialog(self.ops, self.today, self.folder, self.window, kind=kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._remember(Path(dialog.form.folder_edit.text())))
        dialog.open()
        self.send_dialog = dialog
        return dialog

    def open_collect(self, paths: list[Path] | None = None) -> FeedbackCollectDialog:
        if self.collect_dialog is not None and self.collect_dialog.isVisible():
            if paths:
                self.collect_dialog.set_paths(self.collect_dialog.paths + paths)
            self.collect_dialog.raise_()
            return self.collect_dialog
        dialog = FeedbackCollectDialog(self.ops, self.today, self.folder, self.window, paths=paths)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "collect_dialog", None))
        dialog.open()
        self.collect_dialog = dialog
        return dialog

    def open_status(self) -> FeedbackStatusDialog:
        dialog = FeedbackStatusDialog(self.ops, self.today, self.folder, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.status_dialog = dialog
        return dialog

    def open_requests(self, request_id: int | None = None) -> FeedbackRequestsDialog:
        """The units' requests; `request_id` (from the 待办 panel) is selected once the list is read."""
        if self.requests_dialog is not None and self.requests_dialog.isVisible():
            dialog = self.requests_dialog
        else:
            dialog = FeedbackRequestsDialog(self.ops, self.today, self.window, self.undo_stack)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(self, "requests_dialog", None))
            dialog.open()
            self.requests_dialog = dialog
        if request_id is not None:
            dialog.wanted = request_id
            dialog.select_request(request_id)
        dialog.raise_()
        return dialog

    def _remember(self, folder: Path) -> None:
        if folder.is_dir():
            self.folder = folder


def install(window: QMainWindow, ops: Ops, today: date, add_menu: Callable[[str, Iterable[QAction]], QMenu],
            undo_stack: QUndoStack | None = None) -> FeedbackMenu:
    return FeedbackMenu(window, ops, today, add_menu, undo_stack)
