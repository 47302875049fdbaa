"""操作日志: changes by time, person and record, with old and new values; filtered and paged by SQL queries.

Every query runs on the window's worker (`Ops.run`): the filters when the dialog opens, each page after that. A
page that answers after a newer search was asked for is dropped (`_asked`), so the table never shows a stale
filter's rows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from desktop.services import audit_log
from desktop.services.audit_log import AuditFilter, LogRow
from desktop.ui.forms.ui_audit_log_dialog import Ui_AuditLogDialog
from desktop.ui.models.audit_table import AuditTableModel
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

PAGE_SIZE = 200


class AuditLogDialog(QDialog):
    shown = Signal()  # a page the worker read is on screen (tests wait for it)

    def __init__(self, ops: Ops, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.loading = False
        self._asked = 0  # the newest page asked for; older answers are dropped
        self.form = Ui_AuditLogDialog()
        self.form.setupUi(self)
        self.model = AuditTableModel(self)
        view = self.form.log_table_view
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(22)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 80, 50, 90, 70, 90, 220, 220)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        day = today or date.today()
        for edit in (self.form.from_date_edit, self.form.to_date_edit):  # a filter: old dates are not questioned
            edit.set_today(day)
            edit.set_far_past_days(None)
        self.form.to_date_edit.setDate(QDate(day.year, day.month, day.day))
        self.form.from_date_edit.setDate(QDate(day.year, day.month, 1))
        self.offset = 0
        self.total = 0
        self._connect_signals()
        self.loading = True
        self.ops.run(_filters, self._fill_filters)

    def _connect_signals(self) -> None:
        f = self.form
        f.search_button.clicked.connect(self.search)
        f.text_edit.returnPressed.connect(self.search)
        f.operator_combo.currentIndexChanged.connect(self.search)
        f.entity_combo.currentIndexChanged.connect(self.search)
        f.date_filter_check.toggled.connect(self.search)
        f.previous_button.clicked.connect(lambda: self._turn(-1))
        f.next_button.clicked.connect(lambda: self._turn(1))
        f.button_box.rejected.connect(self.reject)

    def _fill_filters(self, filters: tuple[list[str], list[tuple[str, str]]]) -> None:
        operators, entities = filters
        for combo in (self.form.operator_combo, self.form.entity_combo):
            combo.blockSignals(True)
            combo.addItem("全部", None)
        for name in operators:
            self.form.operator_combo.addItem(name, name)
        for name, label in entities:
            self.form.entity_combo.addItem(label, name)
        for combo in (self.form.operator_combo, self.form.entity_combo):
            combo.blockSignals(False)
        self.search()

    def current_filter(self) -> AuditFilter:
        f = self.form
        dated = f.date_filter_check.isChecked()
        return AuditFilter(
            operator=f.operator_combo.currentData(), entity=f.entity_combo.currentData(),
            text=f.text_edit.text().strip() or None,
            date_from=f.from_date_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
            date_to=f.to_date_edit.date().toPython() if dated else None,  # type: ignore[arg-type]
        )

    def search(self) -> None:
        self.offset = 0
        self._load()

    def _turn(self, step: int) -> None:
        self.offset = max(0, min(self.offset + step * PAGE_SIZE, max(0, self.total - 1)))
        self._load()

    def _load(self) -> None:
        flt, offset = self.current_filter(), self.offset
        self._asked += 1
        asked = self._asked
        self.loading = True

        def read(workspace: Workspace) -> tuple[int, list[LogRow]]:
            with workspace.db.read() as session:
                return (audit_log.count(session, flt),
                        audit_log.page(session, flt, offset=offset, limit=PAGE_SIZE))

        self.ops.run(read, lambda page: self._show(asked, *page))

    def _show(self, asked: int, total: int, rows: list[LogRow]) -> None:
        if asked != self._asked:
            return  # a newer search is on its way
        self.loading = False
        self.total = total
        self.model.set_rows(rows)
        first = self.offset + 1 if rows else 0
        self.form.page_label.setText(f"共 {self.total} 条，显示第 {first}–{self.offset + len(rows)} 条（最新的在前；日志只读）")
        self.form.previous_button.setEnabled(self.offset > 0)
        self.form.next_button.setEnabled(self.offset + len(rows) < self.total)
        self.shown.emit()


def _filters(workspace: Workspace) -> tuple[list[str], list[tuple[str, str]]]:
    with workspace.db.read() as session:
        return audit_log.operators(session), audit_log.entities(session)
