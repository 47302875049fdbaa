""""提交会议研究": the issues selected in the issue table go onto the agenda of a chosen or a new meeting.

Offices collect the problems leaders found and put them before the next 推进会; this makes it one action from the
issue table. Installed into the main window by `install()`, given the parts it uses (the meetings panel, the
issue table, the window's tabs and menus), so the window only gains a call and a menu.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox

from desktop.services.meetings.detail import meeting_choices
from desktop.ui.dialogs.meeting_chooser import MeetingChooserDialog
from desktop.ui.forms.ui_main_window import Ui_MainWindow
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.meetings_panel import MeetingsPanel

AddMenu = Callable[[str, Iterable[QAction]], QMenu]

SUBMIT_TEXT = "提交会议研究…"


def submit_issues_to_meeting(window: QMainWindow, form: Ui_MainWindow, panel: MeetingsPanel,
                             issue_ids: list[int]) -> None:
    """Put the issues on a meeting's agenda and show that meeting. The meetings the chooser lists are read on the
    worker; it opens when they arrive (the window is not held meanwhile)."""
    if not issue_ids:
        QMessageBox.information(window, "提交会议研究", "请先在问题台账中选中要提交会议研究的问题（可多选）。")
        return
    panel.read(meeting_choices, lambda choices: _choose_and_add(window, form, panel, issue_ids, choices))


def _choose_and_add(window: QMainWindow, form: Ui_MainWindow, panel: MeetingsPanel, issue_ids: list[int],
                    choices: list[tuple[int, str]]) -> None:
    """The chooser, then (for a new meeting, once it is written) the agenda entries written on the worker."""
    dialog = MeetingChooserDialog(choices, f"将选中的{len(issue_ids)}个问题列入哪次会议的议题？",
                                  preselect=choices[0][0] if choices else None, parent=window)
    if panel.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return
    meeting_id = dialog.chosen_meeting()
    if meeting_id is None:
        panel.new_meeting(lambda new_id: _add(window, form, panel, issue_ids, new_id))
    else:
        _add(window, form, panel, issue_ids, meeting_id)


def _add(window: QMainWindow, form: Ui_MainWindow, panel: MeetingsPanel, issue_ids: list[int],
         meeting_id: int) -> None:
    def added(entries: list[int]) -> None:
        skipped = len(issue_ids) - len(entries)
        window.statusBar().showMessage(
            f"已列入议题{len(entries)}个问题" + (f"，{skipped}个已在议题中" if skipped else ""), 8000)

    panel.add_issues(meeting_id, issue_ids, added)  # on the worker; the broadcast shows the meeting and histories
    form.main_tabs.setCurrentWidget(form.meetings_tab)
    panel.form.detail_tabs.setCurrentWidget(panel.form.agenda_tab)


def install(window: QMainWindow, form: Ui_MainWindow, panel: MeetingsPanel, issue_panel: IssuePanel,
            add_menu: AddMenu) -> QAction:
    """Add the action to the issue table's context menu and to a 会议 menu (`add_menu(title, actions)`)."""
    action = QAction(SUBMIT_TEXT, window)
    action.setObjectName("submit_to_meeting_action")
    action.setShortcut(QKeySequence("Ctrl+M"))
    action.setStatusTip("把选中的问题列入一次会议的议题，会后议定事项可直接关联这些问题")
    action.triggered.connect(lambda: submit_issues_to_meeting(window, form, panel, issue_panel.selected_ids()))
    table = issue_panel.table
    table.addAction(action)
    if table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    new_meeting = QAction("新建会议…", window)
    new_meeting.triggered.connect(lambda: _new_meeting(form, panel))
    menu = add_menu("会议(&M)", [new_meeting, action])
    menu.setObjectName("meetings_menu")
    return action


def _new_meeting(form: Ui_MainWindow, panel: MeetingsPanel) -> None:
    form.main_tabs.setCurrentWidget(form.meetings_tab)
    panel.new_meeting()
