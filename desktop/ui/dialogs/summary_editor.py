"""导出 → 工作总结: the 年度/半年工作总结 drafted from the data, finished by the clerk, issued and kept as issued.

The layout is `forms/summary_editor.ui`. Like the 简报 editor: the draft is read on the worker (`jobs` in
exporters/summary_job.py, the same steps as `keyproj export summary`), the clerk edits title, body, 落款, date and
number, and 印发并导出 records it and writes the .docx in one transaction on the worker — refused, with the
service's reason shown in the dialog and nothing recorded, while next year's focus is still the marked line. A 送审稿
is written without a number; the list on the right prints any issued summary again exactly as it was stored.
Nothing here opens a session of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from desktop.exporters import summary_job
from desktop.services.briefing import summary_issue
from desktop.services.briefing.summary import NEXT_YEAR_MARK
from desktop.services.briefing.summary_issue import IssuedSummary, SummaryContent
from desktop.ui.dialogs.briefing_editor import ask_save_path
from desktop.ui.forms.ui_summary_editor import Ui_SummaryEditor
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

ISSUED_ID_ROLE = 0x0100  # Qt.UserRole
AskPath = Callable[[str, str], str]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SummaryEditor(QDialog):
    def __init__(self, ops: Ops, *, today: date, runner: OpsRunner, year: int | None = None,
                 export_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.ops = ops
        self.today = today
        self.runner = runner
        self.export_dir = export_dir or Path.home()
        self.ask_path: AskPath = lambda title, suggested: ask_save_path(self, title, suggested)
        self.content: SummaryContent | None = None
        self.last_saved: Path | None = None
        self.last_error = ""
        self.drafter = OpsRunner(ops, self)
        self.form = Ui_SummaryEditor()
        self.form.setupUi(self)
        f = self.form
        # Before 1 July the year to sum up is last year's; from then on this year's first half or whole.
        default_year = year or (today.year if today.month >= 7 else today.year - 1)
        f.year_spin.setMaximum(today.year)
        f.year_spin.setValue(default_year)
        f.half_combo.addItem("全年", False)
        f.half_combo.addItem("上半年", True)
        f.issued_on_edit.set_today(today)
        f.issued_on_edit.setDate(_qdate(today))
        f.draft_button.clicked.connect(self.redraft)
        f.review_button.clicked.connect(self.export_review)
        f.export_button.clicked.connect(self.export)
        f.close_button.clicked.connect(self.reject)
        f.body_edit.textChanged.connect(self._show_state)
        f.issued_list.currentItemChanged.connect(
            lambda current, _previous: f.reexport_button.setEnabled(current is not None))
        f.issued_list.itemDoubleClicked.connect(lambda _item: self.open_issued())
        f.reexport_button.clicked.connect(self.reexport)
        self._reload_issued()
        self.redraft()

    # --- draft -----------------------------------------------------------------------------------------------
    def redraft(self) -> None:
        year, half = self.form.year_spin.value(), bool(self.form.half_combo.currentData())
        today, issued_on = self.today, self.form.issued_on_edit.value() or self.today
        self._set_busy(True)
        self.drafter.start("起草工作总结", lambda ws, _p, _c: summary_job.draft(ws.db, year, half, today, issued_on),
                           self._drafted, cancellable=False, label="正在按数据起草工作总结……",
                           on_error=self._draft_failed)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.form.draft_button, self.form.export_button, self.form.review_button):
            button.setEnabled(not busy)

    def _drafted(self, content: SummaryContent) -> None:
        self.content = content
        self._set_busy(False)
        self._set_read_only(False)
        self._show(content)
        self.form.error_label.setText("")
        body = self.form.body_edit
        at = body.toPlainText().find(NEXT_YEAR_MARK)
        if at >= 0:  # the cursor waits on the line the clerk has to write
            cursor = body.textCursor()
            cursor.setPosition(at)
            cursor.setPosition(at + len(NEXT_YEAR_MARK), QTextCursor.MoveMode.KeepAnchor)
            body.setTextCursor(cursor)

    def _draft_failed(self, message: str) -> None:
        self.form.draft_button.setEnabled(True)
        self.form.export_button.setEnabled(self.content is not None)
        self.form.review_button.setEnabled(self.content is not None)
        self._error(f"按数据起草失败：{message}")

    def _show(self, content: SummaryContent) -> None:
        f = self.form
        f.number_spin.setValue(content.number)
        f.issued_on_edit.setDate(_qdate(content.issued_on))
        f.office_edit.setText(content.office)
        f.title_edit.setText(content.title)
        f.body_edit.setPlainText(content.body)
        self._show_state()

    def _show_state(self) -> None:
        if self.content is None:
            return
        c = self.content
        period = f"{c.period_from.isoformat()} 至 {c.period_to.isoformat()}"
        todo = "；下一步工作打算尚未填写" if NEXT_YEAR_MARK in self.form.body_edit.toPlainText() else ""
        self.form.state_label.setText(f"按 {period} 的数据起草，印发时登记为{self.form.number_spin.value()}号{todo}。")

    def _set_read_only(self, read_only: bool) -> None:
        f = self.form
        f.title_edit.setReadOnly(read_only)
        f.body_edit.setReadOnly(read_only)
        f.office_edit.setReadOnly(read_only)
        for widget in (f.number_spin, f.issued_on_edit, f.export_button, f.review_button):
            widget.setEnabled(not read_only)

    def edited_content(self) -> SummaryContent:
        """The draft with the clerk's edits (what will be issued)."""
        if self.content is None:
            raise RuntimeError("no draft")
        f = self.form
        content = self.content
        content.number = f.number_spin.value()
        issued_on = f.issued_on_edit.value()
        assert issued_on is not None  # checked by _dates_ok
        content.issued_on, content.year = issued_on, issued_on.year
        content.title = f.title_edit.text().strip()
        content.office = f.office_edit.text().strip()
        content.body = f.body_edit.toPlainText()
        return content

    # --- issued ----------------------------------------------------------------------------------------------
    def open_issued(self) -> None:
        """Show an issued summary as it went out (read only); 按数据重新起草 returns to a new draft."""
        item = self.form.issued_list.currentItem()
        if item is None:
            return
        summary_id = int(item.data(ISSUED_ID_ROLE))

        def read(workspace: Workspace) -> SummaryContent:
            with workspace.db.read() as session:
                return summary_issue.load(session, summary_id)

        self.ops.run(read, self._show_issued, self._error)

    def _show_issued(self, content: SummaryContent) -> None:
        self.content = None
        self._show(content)
        self._set_read_only(True)
        self.form.state_label.setText(f"正在查看已印发的{content.number_text}（只读）。")

    def _reload_issued(self) -> None:
        def read(workspace: Workspace) -> list[IssuedSummary]:
            with workspace.db.read() as session:
                return summary_issue.issued(session)

        self.ops.run(read, self._show_issued_list)

    def _show_issued_list(self, rows: list[IssuedSummary]) -> None:
        self.form.issued_list.clear()
        for row in rows:
            item = QListWidgetItem(row.label)
            item.setData(ISSUED_ID_ROLE, row.id)
            self.form.issued_list.addItem(item)

    # --- export ----------------------------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        self.last_error = message
        self.form.error_label.setText(message)

    def _dates_ok(self) -> bool:
        stop = check_dates(self)
        if stop is None:
            return True
        stop[0].setFocus()
        self._error(stop[1])
        return False

    def export_review(self) -> None:
        if self.content is None or not self._dates_ok():
            return
        content = self.edited_content()
        path = self.ask_path("导出工作总结送审稿", str(self.export_dir / f"{content.title}（送审稿）.docx"))
        if not path:
            return
        self.runner.start("导出工作总结送审稿", lambda _ws, _p, _c: summary_job.write_review_copy(content, Path(path)),
                          self._saved, on_error=self._error)

    def export(self) -> None:
        if self.content is None or not self._dates_ok():
            return
        content = self.edited_content()
        if NEXT_YEAR_MARK in content.body:  # the service refuses it too; said before a file name is asked
            self._error(f"下一步工作打算尚未填写：请把正文中的“{NEXT_YEAR_MARK}”换成办公室的工作打算后再印发。")
            return
        path = self.ask_path("印发工作总结", str(self.export_dir / f"{content.title}.docx"))
        if not path:
            return
        self.form.error_label.setText("")
        self.runner.start("印发工作总结", lambda ws, _p, _c: summary_job.issue_and_write(ws.db, content, Path(path)),
                          self._issued, on_error=self._error)

    def _saved(self, path: Path) -> None:
        self.last_saved = Path(path)
        self.export_dir = self.last_saved.parent

    def _issued(self, result: tuple[int, Path]) -> None:
        self._saved(result[1])
        self._reload_issued()
        if self.content is not None:  # a second summary this year gets the next number
            year = self.content.year

            def read(workspace: Workspace) -> int:
                with workspace.db.read() as session:
                    return summary_issue.next_number(session, year)

            self.ops.run(read, lambda number: (self.form.number_spin.setValue(number), self._show_state()))

    def reexport(self) -> None:
        item = self.form.issued_list.currentItem()
        if item is None:
            return
        summary_id = int(item.data(ISSUED_ID_ROLE))
        path = self.ask_path("重新导出工作总结", str(self.export_dir / f"{item.text()}.docx"))
        if not path:
            return
        self.runner.start("重新导出工作总结", lambda ws, _p, _c: summary_job.rewrite(ws.db, summary_id, Path(path)),
                          self._saved, on_error=self._error)
