"""导出 → 督办文书登记簿: every instrument issued (待回复 / 已回复 / 逾期未回复 / 已报回反馈表 / 已撤回), a unit's
reply recorded, a mistaken one withdrawn (its number stays and is never given again), any one printed again.

The same services as `keyproj supervision list|reply|withdraw` and `export supervision --notice`: read and written
on the window's worker, a refusal (a reply before the issue date, a second reply, a withdrawal without its reason)
shown here with nothing changed; a reply or a withdrawal writes a journal entry on each item it names, so the
issue table and the history are told (`Change.of_issues`). No session of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from desktop.services.supervision.notices import RegisterLine, record_reply, register, withdraw_notice
from desktop.ui.dialogs.supervision_dialog import ask_docx_path
from desktop.ui.forms.ui_supervision_register import Ui_SupervisionRegister
from desktop.ui.ops import Change
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

HEADERS = ("文书", "文号", "督办单位", "签发日期", "回复期限", "问题数", "状态")


class SupervisionRegister(QDialog):
    def __init__(self, ops: Ops, today: date, export_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.ops = ops
        self.today = today
        self.export_dir = export_dir
        self.ask_path: Callable[[str], str] = lambda suggested: ask_docx_path(self, suggested)
        self.lines: list[RegisterLine] = []
        self.loading = True
        self.last_saved: Path | None = None
        self.form = Ui_SupervisionRegister()
        self.form.setupUi(self)
        f = self.form
        f.notice_table.setColumnCount(len(HEADERS))
        f.notice_table.setHorizontalHeaderLabels(list(HEADERS))
        for column, width in enumerate((70, 130, 180, 95, 95, 60)):
            f.notice_table.setColumnWidth(column, width)
        f.year_spin.setValue(today.year)
        f.on_edit.set_today(today)
        f.on_edit.setDate(QDate(today.year, today.month, today.day))
        f.year_spin.valueChanged.connect(self.reload)
        f.reply_button.clicked.connect(self.reply)
        f.withdraw_button.clicked.connect(self.withdraw)
        f.reprint_button.clicked.connect(self.reprint)
        f.button_box.rejected.connect(self.reject)
        self.reload()

    def _say(self, message: str) -> None:
        self.loading = False
        self.form.error_label.setText(message)

    def reload(self) -> None:
        year, today = self.form.year_spin.value(), self.today

        def read(workspace: Workspace) -> list[RegisterLine]:
            with workspace.db.read() as session:
                return register(session, year=year, today=today)

        self.loading = True
        self.ops.run(read, self._show, self._say)

    def _show(self, lines: list[RegisterLine]) -> None:
        self.lines = lines
        table = self.form.notice_table
        current = self.current()
        table.setRowCount(0)
        for line in lines:
            row = table.rowCount()
            table.insertRow(row)
            for column, text in enumerate((line.kind_label, line.number_text, line.unit, line.issued_on.isoformat(),
                                           line.reply_due.isoformat(), str(line.items), line.state)):
                table.setItem(row, column, QTableWidgetItem(text))
        if current is not None:
            index = next((n for n, line in enumerate(lines) if line.id == current.id), -1)
            table.selectRow(index)
        self.loading = False

    def current(self) -> RegisterLine | None:
        row = self.form.notice_table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _chosen(self) -> tuple[RegisterLine, date, str] | None:
        line = self.current()
        if line is None:
            self._say("请先在列表中选中一份督办文书。")
            return None
        stop = check_dates(self)
        if stop is not None:
            self._say(stop[1])
            return None
        on = self.form.on_edit.value()
        assert on is not None
        return line, on, self.form.text_edit.toPlainText()

    def _write(self, work: Callable[[Workspace], list[int]]) -> None:
        def done(issue_ids: list[int]) -> None:
            self.form.error_label.setText("")
            self.form.text_edit.clear()
            self.ops.notify(Change.of_issues(issue_ids))
            self.reload()

        self.loading = True
        self.ops.run(work, done, self._say)

    def reply(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        line, on, text = chosen
        today = self.today

        def work(workspace: Workspace) -> list[int]:
            with workspace.db.transaction() as session:
                notice = record_reply(session, line.id, on, text, today=today)
                return [item.issue_id for item in notice.items]

        self._write(work)

    def withdraw(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        line, on, text = chosen

        def work(workspace: Workspace) -> list[int]:
            with workspace.db.transaction() as session:
                notice = withdraw_notice(session, line.id, text, on=on)
                return [item.issue_id for item in notice.items]

        self._write(work)

    def reprint(self) -> None:
        line = self.current()
        if line is None:
            self._say("请先在列表中选中一份督办文书。")
            return
        path = self.ask_path(str(self.export_dir / f"{line.kind_label}{line.number_text}.docx"))
        if not path:
            return
        target = Path(path)

        def work(workspace: Workspace) -> Path:
            from desktop.exporters.docx.supervision import write_notice
            from desktop.services.supervision.document import notice_document

            with workspace.db.read() as session:
                data = notice_document(session, line.id)
            return write_notice(data, target)

        def done(saved: Path) -> None:
            self.loading = False
            self.last_saved = saved
            self.form.error_label.setText("")

        self.loading = True
        self.ops.run(work, done, self._say)
