"""The 导出 menu: 工作简报, 工作通报, 工作总结, 会议纪要 and the five 台账, each written by the same code as `keyproj export`.

Kept out of main_window.py; the window gives it its parts — `Ops`, the form's menus and the year chosen, the issue
table, the meetings tab, the status bar and a parent for dialogs — never itself. The issue ledger "as shown" takes
the issue table's visible rows in their on-screen order, so filters and sorting are respected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from desktop.db.enums import BriefingKind
from desktop.exporters import jobs
from desktop.services.scope import Period
from desktop.ui.ledger_print import LEDGER_LABELS, SHOWN_ISSUES, LedgerPrint
from desktop.ui.ops_progress import Cancelled, OpsRunner, Progress

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QStatusBar, QWidget

    from desktop.ui.forms.ui_main_window import Ui_MainWindow
    from desktop.ui.issue_actions import IssueActions
    from desktop.ui.issue_panel import IssuePanel
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.ui.ops import Ops

if TYPE_CHECKING:  # the editor brings python-docx: loaded when first opened
    from desktop.ui.dialogs.briefing_editor import BriefingEditor
    from desktop.ui.dialogs.document_settings import DocumentSettingsDialog
    from desktop.ui.dialogs.ladder_dialog import LadderDialog
    from desktop.ui.dialogs.ledger_columns import LedgerColumnsDialog
    from desktop.ui.dialogs.plan_dialog import PlanDialog
    from desktop.ui.dialogs.summary_editor import SummaryEditor
    from desktop.ui.dialogs.supervision_dialog import SupervisionDialog
    from desktop.ui.dialogs.supervision_register import SupervisionRegister
    from desktop.ui.dialogs.template_fill_dialog import TemplateFillDialog
    from desktop.workspace import Workspace

AskPath = Callable[[str, str], str]


def ask_xlsx_path(parent: QWidget | None, title: str, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "Excel 工作簿 (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


class ExportMenu(QObject):
    def __init__(self, parent: QWidget, ops: Ops, today: date, form: Ui_MainWindow, issue_panel: IssuePanel,
                 meetings_panel: MeetingsPanel, issue_actions: IssueActions | None, status_bar: QStatusBar) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the dialogs' parent
        self.ops = ops
        self.today = today
        self.form = form
        self.issue_panel = issue_panel
        self.meetings_panel = meetings_panel
        self.status_bar = status_bar
        self.runner = OpsRunner(ops, parent)  # every export on the window's worker, with progress
        self.runner.status.connect(lambda text: status_bar.showMessage(text, 8000))
        self.ask_path: AskPath = lambda title, suggested: ask_xlsx_path(parent, title, suggested)
        self.export_dir = Path.home()
        self.last_saved: Path | None = None
        self.editor: BriefingEditor | None = None
        self.template_dialog: TemplateFillDialog | None = None
        self.supervision_dialog: SupervisionDialog | None = None
        self.summary_editor: SummaryEditor | None = None
        menu = QMenu("导出(&O)", parent)
        self.menu = menu
        self.briefing_action = menu.addAction("工作简报(&J)…", lambda: self.open_editor(BriefingKind.BRIEFING))
        self.notice_action = menu.addAction("工作通报(&T)…", lambda: self.open_editor(BriefingKind.NOTICE))
        self.summary_action = menu.addAction("工作总结（年度、上半年）(&Z)…", lambda: self.open_summary())
        self.summary_action.setStatusTip("按数据起草年度或上半年工作总结，修改后印发并按原样保存")
        self.minutes_action = menu.addAction("会议纪要（Word）(&W)…", lambda: self.export_minutes())
        self.minutes_action.setStatusTip("选择一次会议，按会议页的版式选项导出会议纪要")
        menu.addSeparator()
        self.shown_issues_action = menu.addAction(f"{LEDGER_LABELS[SHOWN_ISSUES]}…", self.export_shown_issues)
        self.ledger_actions = {
            kind: menu.addAction(f"{LEDGER_LABELS.get(kind, label)}…", lambda k=kind: self.export_ledger(k))
            for kind, label in jobs.LEDGER_KINDS.items()
        }
        self.template_action = menu.addAction("按上级模板填报(&M)…", self.open_template_fill)
        self.supervision_action = menu.addAction("签发督办文书（提示单、督办单、催办通知）(&F)…",
                                                 lambda: self.open_supervision())
        self.supervision_action.setStatusTip("对超期或临期问题向责任单位签发编号的督办文书，并记入每项问题的办理进展")
        self.register_action = menu.addAction("督办文书登记簿（回复、撤回、重印）(&G)…", lambda: self.open_register())
        self.register_action.setStatusTip("已签发的提示单、督办单、催办通知及其回复情况；登记回复、撤回误发的文书、按原样重新打印")
        # The same from the issue table: its context menu and the 问题 menu, for the selected items.
        self.supervise_selected_action = QAction("对选中问题签发督办文书…", parent)
        self.supervise_selected_action.setStatusTip("对表格中选中的超期或临期问题（当前问题的责任单位）签发提示单、督办单或催办通知")
        self.supervise_selected_action.triggered.connect(lambda: self.supervise_selected())
        form.issue_menu.insertAction(form.progress_action, self.supervise_selected_action)
        if issue_actions is not None:
            issue_actions.extra_context_actions.append(self.supervise_selected_action)
        self.plan_action = QAction("包保方案（版本、某日方案、比较、打印）…", parent)
        self.plan_action.setStatusTip("记录包保方案及其动态调整，查看某日的方案，比较两版，打印包保责任表和调整对照表")
        self.plan_action.triggered.connect(lambda: self.open_plan())
        form.project_menu.addAction(self.plan_action)
        self.ladder_action = QAction("督办阶梯设置…", parent)
        self.ladder_action.setStatusTip("问题超期多少天提示、督办、催办或流转（待办提醒据此列出应采取的措施）")
        self.ladder_action.triggered.connect(lambda: self.open_ladder())
        form.issue_menu.insertAction(form.issue_settings_action, self.ladder_action)
        menu.addSeparator()
        self.minutes_preview_action = menu.addAction("会议纪要打印预览(&V)…", lambda: self.export_minutes("preview"))
        self.minutes_pdf_action = menu.addAction("会议纪要（PDF）(&P)…", lambda: self.export_minutes("pdf"))
        self.ledger_print = LedgerPrint(self, menu)
        menu.addSeparator()
        self.settings_action = menu.addAction("简报与通报设置(&N)…", self.open_settings)
        self.columns_action = menu.addAction("台账打印列(&C)…", self.open_ledger_columns)
        self.columns_action.setStatusTip("选择各台账打印哪些列（按台账保存）；列多时自动用A3横向纸")
        form.menu_bar.insertMenu(form.help_menu.menuAction(), menu)

    def year(self) -> int:
        return int(self.form.year_combo.currentData() or self.today.year)

    def period(self) -> Period:
        """The year chosen in the window; this year runs to the end of the current month (1—11月 in November)."""
        year = self.year()
        today = self.today
        return Period.months(year, 1, today.month) if year == today.year else Period.year(year)

    def open_supervision(self, kind: str | None = None, unit_id: int | None = None,
                         issue_ids: list[int] | None = None) -> SupervisionDialog:
        """The 签发督办文书 dialog; from the 待办 panel with the ladder's instrument and the item's unit chosen, from
        the issue table with the selected items of the current item's unit checked."""
        from desktop.ui.dialogs.supervision_dialog import SupervisionDialog

        dialog = SupervisionDialog(self.ops, self.today, self.export_dir, self.parent_widget,
                                   kind=kind, unit_id=unit_id, issue_ids=issue_ids)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.supervision_dialog = dialog
        return dialog

    def open_register(self) -> SupervisionRegister:
        from desktop.ui.dialogs.supervision_register import SupervisionRegister

        dialog = SupervisionRegister(self.ops, self.today, self.export_dir, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.register_dialog = dialog
        return dialog

    def open_plan(self) -> PlanDialog:
        from desktop.ui.dialogs.plan_dialog import PlanDialog

        dialog = PlanDialog(self.ops, self.today, self.export_dir, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.plan_dialog = dialog
        return dialog

    def open_ladder(self) -> LadderDialog:
        from desktop.ui.dialogs.ladder_dialog import LadderDialog

        dialog = LadderDialog(self.ops, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.ladder_dialog = dialog
        return dialog

    def supervise_selected(self) -> SupervisionDialog | None:
        """The selected rows of the current row's unit, checked in the dialog; the kind follows the current row
        (超期: 督办单, not yet: 提示单)."""
        panel = self.issue_panel
        current = panel.current_row()
        title = "签发督办文书"
        if current is None:
            QMessageBox.information(self.parent_widget, title, "请先在问题台账中选中要督办的问题。")
            return None
        if current.unit_id is None:
            QMessageBox.information(self.parent_widget, title, "当前问题尚未交办，没有责任单位，不能督办。")
            return None
        rows = [panel.model.row_at(index.row()) for index in panel.table.selectionModel().selectedRows()]
        ids = [row.id for row in rows if row.unit_id == current.unit_id] or [current.id]
        overdue = current.deadline is not None and current.deadline < self.today
        return self.open_supervision("notice" if overdue else "reminder", current.unit_id, ids)

    def open_editor(self, kind: BriefingKind) -> BriefingEditor:
        from desktop.ui.dialogs.briefing_editor import BriefingEditor

        self.editor = BriefingEditor(self.ops, kind, today=self.today, runner=self.runner,
                                     period=self.period(), export_dir=self.export_dir, parent=self.parent_widget)
        self.editor.show()
        return self.editor

    def open_summary(self) -> SummaryEditor:
        from desktop.ui.dialogs.summary_editor import SummaryEditor

        self.summary_editor = SummaryEditor(self.ops, today=self.today, runner=self.runner,
                                            export_dir=self.export_dir, parent=self.parent_widget)
        self.summary_editor.show()
        return self.summary_editor

    def export_minutes(self, how: str = "word") -> None:
        """会议纪要 of a chosen meeting (the one open in the meetings tab first) as Word ("word"), PDF ("pdf") or
        in the print preview ("preview"), by the meetings tab's exporter so the options there (红头、附表) and the
        unsaved minutes apply."""
        from desktop.services.meetings.detail import meeting_choices

        panel = self.meetings_panel
        assert panel is not None  # the menu is built once the database is open

        def read(workspace: Workspace) -> list[tuple[int, str]]:
            with workspace.db.read() as session:
                return meeting_choices(session)

        self.ops.run(read, lambda choices: self._export_minutes(how, choices))

    def _export_minutes(self, how: str, choices: list[tuple[int, str]]) -> None:
        from desktop.ui.dialogs.meeting_chooser import MeetingChooserDialog

        panel = self.meetings_panel
        assert panel is not None
        title = {"word": "导出会议纪要", "pdf": "会议纪要导出PDF", "preview": "会议纪要打印预览"}[how]
        if not choices:
            QMessageBox.information(self.parent_widget, title, "还没有会议。请先在“会议与议定事项”中新建会议并记录纪要。")
            return None
        question = "打印哪次会议的纪要？" if how == "preview" else "导出哪次会议的纪要？"
        dialog = MeetingChooserDialog(choices, question, preselect=panel.current_meeting_id(), parent=self.parent_widget)
        dialog.setWindowTitle(title)
        dialog.form.new_radio.hide()  # a new meeting has no minutes yet
        dialog.form.existing_radio.hide()  # its "列入已有会议" is for agenda items: here the question says it all
        if panel.exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.chosen_meeting() is None:
            return None

        def saved(path: Path) -> None:
            self.last_saved = path
            self.status_bar.showMessage(f"已导出会议纪要：{path}", 8000)

        def export() -> None:  # once the chosen meeting is on screen (its detail is read on the worker)
            if how == "preview":
                panel.exporter.print_preview()
            elif how == "pdf":
                panel.exporter.export_pdf(then=saved)
            else:
                panel.exporter.export_word(then=saved)

        panel.select_meeting(dialog.chosen_meeting(), export)

    def open_template_fill(self) -> TemplateFillDialog:
        from desktop.exporters.template_fill.access import TemplateAccess
        from desktop.ui.dialogs.template_fill_dialog import TemplateFillDialog

        ops, year = self.ops, self.year()
        dialog = TemplateFillDialog(TemplateAccess(lambda: ops.db), self.runner, today=self.today, year=year,
                                    export_dir=self.export_dir, ask_path=self.ask_path, parent=self.parent_widget)
        dialog.show()
        self.template_dialog = dialog
        return dialog

    def open_ledger_columns(self) -> LedgerColumnsDialog:
        from desktop.ui.dialogs.ledger_columns import LedgerColumnsDialog

        dialog = LedgerColumnsDialog(self.ops, parent=self.parent_widget)
        dialog.open()
        self.columns_dialog = dialog
        return dialog

    def open_settings(self) -> DocumentSettingsDialog:
        from desktop.ui.dialogs.document_settings import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(self.ops, self.parent_widget)
        dialog.open()
        return dialog

    def export_shown_issues(self) -> None:
        rows = self.issue_panel.model.visible_rows()
        if not rows:
            QMessageBox.information(self.parent_widget, "导出问题台账", "当前表格中没有问题，请调整筛选条件。")
            return
        request = jobs.LedgerRequest("ledger-issues", self.period(), self.today, issue_rows=rows)
        self._run("问题台账", request)

    def export_ledger(self, kind: str) -> None:
        self._run(jobs.LEDGER_KINDS[kind], jobs.LedgerRequest(kind, self.period(), self.today))

    def _run(self, label: str, request: jobs.LedgerRequest) -> None:
        suggested = str(self.export_dir / f"{self.year()}年{label}.xlsx")
        path = self.ask_path(f"导出{label}", suggested)
        if not path:
            return
        def job(workspace: Workspace, progress: Progress, cancel: Cancelled) -> Path:
            jobs.export_ledger(workspace.db, request, path, progress, cancel)
            return Path(path)

        self.runner.start(f"导出{label}", job, self._saved)

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self.export_dir = path.parent
