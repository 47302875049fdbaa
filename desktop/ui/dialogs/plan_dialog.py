"""项目 → 包保方案: the plan as dated versions, the plan as it stood on any day, two versions compared, both printed.

The same services as `keyproj plan add|show|diff|print` (services/plan): a version is recorded in one transaction
on the window's worker (a revision without its reason, a second version on one day or a future date is refused,
the reason shown here); the plan of a day and the comparison are read on the worker and shown as the Word file
prints them (`PlanDocument.as_text`); the Word files are written by exporters/docx/plan.py. No session of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from desktop.services.plan.document import PlanDocument, changes_document, plan_document
from desktop.services.plan.versions import VersionLine, list_versions, record_version
from desktop.ui.dialogs.briefing_editor import ask_save_path
from desktop.ui.forms.ui_plan_dialog import Ui_PlanDialog
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

AskPath = Callable[[str, str], str]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PlanDialog(QDialog):
    def __init__(self, ops: Ops, today: date, export_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.ops = ops
        self.today = today
        self.export_dir = export_dir
        self.ask_path: AskPath = lambda title, suggested: ask_save_path(self, title, suggested)
        self.versions: list[VersionLine] = []
        self.loading = True
        self.last_saved: Path | None = None
        self.form = Ui_PlanDialog()
        self.form.setupUi(self)
        f = self.form
        for edit in (f.date_edit, f.on_edit):
            edit.set_today(today)
            edit.set_far_past_days(None)  # a plan of years ago is still a plan
            edit.setDate(_qdate(today))
        f.button_box.rejected.connect(self.reject)
        f.add_button.clicked.connect(self.add_version)
        f.show_button.clicked.connect(self.show_day)
        f.print_button.clicked.connect(self.print_day)
        f.compare_button.clicked.connect(self.compare)
        f.print_diff_button.clicked.connect(self.print_diff)
        f.version_list.itemDoubleClicked.connect(self._show_version)
        self.reload()

    def _say(self, message: str) -> None:
        self.loading = False
        self.form.error_label.setText(message)

    def reload(self) -> None:
        def read(workspace: Workspace) -> list[VersionLine]:
            with workspace.db.read() as session:
                return list_versions(session)

        self.loading = True
        self.ops.run(read, self._show_versions, self._say)

    def _show_versions(self, versions: list[VersionLine]) -> None:
        self.versions = versions
        f = self.form
        f.version_list.clear()
        for combo in (f.before_combo, f.after_combo):
            combo.clear()
        for v in versions:
            number = f"（{v.doc_number}）" if v.doc_number else ""
            reason = f"：{v.reason}" if v.reason else ""
            item = QListWidgetItem(f"{v.issued_on.isoformat()}  {v.name}{number}{reason}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            f.version_list.addItem(item)
            for combo in (f.before_combo, f.after_combo):
                combo.addItem(f"{v.issued_on.isoformat()} {v.name}", v.id)
        if len(versions) >= 2:  # the last revision against the one before it
            f.before_combo.setCurrentIndex(len(versions) - 2)
            f.after_combo.setCurrentIndex(len(versions) - 1)
        for widget in (f.compare_button, f.print_diff_button):
            widget.setEnabled(len(versions) >= 2)
        self.loading = False

    # --- record ---------------------------------------------------------------------------------------------
    def add_version(self) -> None:
        stop = check_dates(self)
        if stop is not None:
            self._say(stop[1])
            return
        f = self.form
        name, number, reason = f.name_edit.text(), f.number_edit.text(), f.reason_edit.text()
        issued_on, today = f.date_edit.value(), self.today
        assert issued_on is not None

        def work(workspace: Workspace) -> str:
            with workspace.db.transaction() as session:
                version = record_version(session, name, issued_on, doc_number=number, reason=reason, today=today)
                return plan_document(session, str(version.id), today).summary

        def done(summary: str) -> None:
            f.error_label.setText("")
            f.name_edit.clear()
            f.number_edit.clear()
            f.reason_edit.clear()
            f.text_view.setPlainText(f"已记录：{name.strip()}（{issued_on.isoformat()}）。{summary}")
            self.reload()

        self.loading = True
        self.ops.run(work, done, self._say)

    # --- read -----------------------------------------------------------------------------------------------
    def _read(self, build: Callable[[Workspace], PlanDocument], then: Callable[[PlanDocument], None]) -> None:
        self.loading = True
        self.form.error_label.setText("")

        def done(doc: PlanDocument) -> None:
            self.loading = False
            then(doc)

        self.ops.run(build, done, self._say)

    def _day_ref(self) -> str | None:
        day = self.form.on_edit.value()
        return None if day is None else day.isoformat()

    def _plan(self, ref: str | None) -> Callable[[Workspace], PlanDocument]:
        today = self.today

        def build(workspace: Workspace) -> PlanDocument:
            with workspace.db.read() as session:
                return plan_document(session, ref, today)

        return build

    def _changes(self) -> Callable[[Workspace], PlanDocument]:
        before, after = str(self.form.before_combo.currentData()), str(self.form.after_combo.currentData())

        def build(workspace: Workspace) -> PlanDocument:
            with workspace.db.read() as session:
                return changes_document(session, before, after)

        return build

    def _show_text(self, doc: PlanDocument) -> None:
        self.form.text_view.setPlainText(doc.as_text())

    def show_day(self) -> None:
        self._read(self._plan(self._day_ref()), self._show_text)

    def _show_version(self, item: QListWidgetItem) -> None:
        self._read(self._plan(str(item.data(Qt.ItemDataRole.UserRole))), self._show_text)

    def compare(self) -> None:
        self._read(self._changes(), self._show_text)

    # --- print ----------------------------------------------------------------------------------------------
    def _write(self, build: Callable[[Workspace], PlanDocument], title: str, suggested: str) -> None:
        path = self.ask_path(title, str(self.export_dir / suggested))
        if not path:
            return
        target = Path(path)

        def work(workspace: Workspace) -> Path:
            from desktop.exporters.docx.plan import write_plan

            return write_plan(build(workspace), target)

        def done(saved: Path) -> None:
            self.loading = False
            self.last_saved = saved
            self.form.error_label.setText("")
            self.form.text_view.appendPlainText(f"\n已写出：{saved}")

        self.loading = True
        self.ops.run(work, done, self._say)

    def print_day(self) -> None:
        ref = self._day_ref()
        self._write(self._plan(ref), "打印包保责任表", f"包保责任表{ref or ''}.docx")

    def print_diff(self) -> None:
        self._write(self._changes(), "打印包保方案调整对照表", "包保方案调整对照表.docx")
