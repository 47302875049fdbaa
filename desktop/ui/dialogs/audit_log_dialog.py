"""操作日志: changes by time, person and record, with old and new values; filtered and paged by SQL queries."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from desktop.services import audit_log
from desktop.services.audit_log import AuditFilter
from desktop.ui.forms.ui_audit_log_dialog import Ui_AuditLogDialog
from desktop.ui.models.audit_table import AuditTableModel
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

PAGE_SIZE = 200


class AuditLogDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
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
        self._fill_filters()
        self._connect_signals()
        self.search()

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

    def _fill_filters(self) -> None:
        with self.workspace.db.read() as session:
            operators = audit_log.operators(session)
            entities = audit_log.entities(session)
        for combo in (self.form.operator_combo, self.form.entity_combo):
            combo.blockSignals(True)
            combo.addItem("全部", None)
        for name in operators:
            self.form.operator_combo.addItem(name, name)
        for name, label in entities:
            self.form.entity_combo.addItem(label, name)
        for combo in (self.form.operator_combo, self.form.entity_combo):
            combo.blockSignals(False)

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
        flt = self.current_filter()
        with self.workspace.db.read() as session:
            self.total = audit_log.count(session, flt)
            rows = audit_log.page(session, flt, offset=self.offset, limit=PAGE_SIZE)
        self.model.set_rows(rows)
        first = self.offset + 1 if rows else 0
        self.form.page_label.setText(f"共 {self.total} 条，显示第 {first}–{self.offset + len(rows)} 条（最新的在前；日志只读）")
        self.form.previous_button.setEnabled(self.offset > 0)
        self.form.next_button.setEnabled(self.offset + len(rows) < self.total)
