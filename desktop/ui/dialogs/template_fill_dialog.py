"""导出 → 按上级模板填报: pick a blank form (or a saved one), check what each column receives, choose the rows, fill.

The layout is `forms/template_fill_dialog.ui`. Every read and write goes through `TemplateAccess` on the
window's worker (`OpsRunner` over `Ops.run`): reading the template and the lists behind a busy dialog, the fill
itself behind the export runner (progress and cancel). A saved template is filled in one click: choose it, press 填报; when its file is replaced
and the header changed, the columns already known keep their mapping and only the new ones are marked.
The month defaults to the last one reported in the chosen year (read on the worker with the lists), as
`keyproj export template` without --month does; the calendar's month stands only until that answer arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop.exporters.template_fill.access import Choices, TemplateAccess
from desktop.exporters.template_fill.job import FillRequest, FillResult, Inspection
from desktop.exporters.template_fill.plan import GROUPINGS
from desktop.services import stats
from desktop.services.scope import Period, Scope, ScopeKind
from desktop.services.templates import catalog, store
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import FORMULA
from desktop.services.templates.records import DECISION_FILTERS, ISSUE_FILTERS, Selection
from desktop.ui.forms.ui_template_fill_dialog import Ui_TemplateFillDialog
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.fitting import fit_to_screen

NO_SAVED = "（不使用已保存的模板）"
LEAVE_EMPTY = "（留空）"
KEEP_FORMULA = "保留模板公式"
NEW_COLUMN = QColor("#fff2cc")
FILE_FILTER = "Excel 模板 (*.xlsx *.xlsm *.xltx *.xls);;所有文件 (*)"
AskPath = Callable[[str, str], str]
UNGROUPED = "ungrouped"  # the 不分组 choice (no item data: the template's own heading rows)


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of the item whose data equals `value`, or -1. QComboBox.findData compares Python objects by
    identity, so a (kind, id) tuple built anew, as a saved template's scope is, would never be found."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


class TemplateFillDialog(QDialog):
    def __init__(self, access: TemplateAccess, runner: OpsRunner, *, today: date, year: int,
                 export_dir: Path, ask_path: AskPath, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.access = access
        self.runner = runner
        self.today = today
        self.export_dir = export_dir
        self.ask_path = ask_path
        self.form = Ui_TemplateFillDialog()
        self.form.setupUi(self)
        self.task = OpsRunner(runner.ops, self)  # the same worker as the fill; a busy dialog, no 取消
        self.inspection: Inspection | None = None
        self.saved: store.SavedTemplate | None = None
        self.choices: Choices | None = None
        self.result: FillResult | None = None
        self.last_message = ""
        f = self.form
        f.year_spin.setValue(year)
        # provisional: the calendar's month, replaced by the last month reported once the worker has read it
        self.default_month = stats.calendar_month(Period.year(year), today)
        f.month_spin.setValue(self.default_month)
        for purpose in Purpose:
            f.purpose_combo.addItem(purpose.label, purpose.value)
        header = f.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        f.mapping_table.setColumnWidth(0, 260)
        f.mapping_table.setColumnWidth(1, 240)
        f.mapping_table.verticalHeader().setVisible(False)
        self._connect_signals()
        self._run("正在读取已保存的模板……", lambda: (self.access.choices(), self.access.reported_month(year, today)),
                  self._first_loaded)

    def _connect_signals(self) -> None:
        f = self.form
        f.browse_button.clicked.connect(self._browse)
        f.saved_combo.activated.connect(self._saved_chosen)
        f.delete_button.clicked.connect(self._delete)
        f.purpose_combo.activated.connect(self._purpose_changed)
        f.fill_button.clicked.connect(self.fill)
        f.close_button.clicked.connect(self.reject)
        f.year_spin.valueChanged.connect(self._year_changed)

    # --- background ---------------------------------------------------------------------------------------
    def _run(self, label: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.form.error_label.clear()
        self.task.start("按上级模板填报", lambda _ws, _progress, _cancel: work(), done, cancellable=False,
                        label=label, on_error=self._failed)

    def _failed(self, message: str) -> None:
        """A refusal (a file that is no template, a full disk) beside the input; a bug goes to the one error
        dialog of `Ops` instead."""
        self.last_message = message
        self.form.error_label.setText(message)

    def reject(self) -> None:
        if self.task.running or self.runner.busy:
            return
        self.access.close()
        super().reject()

    # --- the default month --------------------------------------------------------------------------------
    def _first_loaded(self, value: tuple[Choices, int]) -> None:
        choices, month = value
        self._set_default_month(month)
        self._choices_loaded(choices)

    def _set_default_month(self, month: int) -> None:
        self.default_month = month
        self.form.month_spin.setValue(month)

    def _year_changed(self, year: int) -> None:
        """Another year: its own last month reported, unless the user has already chosen a month."""
        if self.form.month_spin.value() != self.default_month:
            return
        today = self.today
        self._run("正在读取该年已报送的月份……", lambda: self.access.reported_month(year, today),
                  self._set_default_month)

    # --- choices ------------------------------------------------------------------------------------------
    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        f = self.form
        f.saved_combo.clear()
        f.saved_combo.addItem(NO_SAVED, None)
        for name in choices.saved:
            f.saved_combo.addItem(name, name)
        f.scope_combo.clear()
        for kind, ref, label in choices.scopes:
            f.scope_combo.addItem(label, (kind.value, ref))
        f.meeting_combo.clear()
        f.meeting_combo.addItem("期间内的全部会议", None)
        for meeting_id, label in choices.meetings:
            f.meeting_combo.addItem(label, meeting_id)
        self._fill_purpose_combos(self.purpose)

    @property
    def purpose(self) -> Purpose:
        return Purpose(self.form.purpose_combo.currentData())

    def _fill_purpose_combos(self, purpose: Purpose) -> None:
        f = self.form
        f.group_combo.clear()
        f.group_combo.addItem("按模板中的分组行（没有则不分组）", None)
        f.group_combo.addItem("不分组", UNGROUPED)
        for code, label in GROUPINGS[purpose].items():
            f.group_combo.addItem(label, (code,))
        if purpose is Purpose.PROJECTS:
            f.group_combo.addItem("按项目类别，再按建设阶段", ("category", "stage"))
        f.filter_combo.clear()
        filters = ISSUE_FILTERS if purpose is Purpose.ISSUES else DECISION_FILTERS
        for code, label in filters.items():
            f.filter_combo.addItem(label, code)
        f.filter_combo.setEnabled(purpose is not Purpose.PROJECTS)
        f.meeting_combo.setEnabled(purpose is Purpose.DECISIONS)

    # --- picking a template -------------------------------------------------------------------------------
    def _browse(self) -> None:
        current = Path(self.form.file_edit.text())
        start = str(current if current.is_file() else self.export_dir)
        name, _ = QFileDialog.getOpenFileName(self, "选择上级下发的模板", start, FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read a template file; with a saved template chosen, it is compared with that template's header."""
        saved = self.saved
        self.form.file_edit.setText(str(path))
        self._run("正在识别模板的表头……", lambda: self.access.inspect(path, saved=saved), self._inspected)

    def choose_saved(self, name: str) -> None:
        index = self.form.saved_combo.findData(name)
        self.form.saved_combo.setCurrentIndex(index)
        self._saved_chosen(index)

    def _saved_chosen(self, index: int) -> None:
        name = self.form.saved_combo.itemData(index)
        self.form.delete_button.setEnabled(bool(name))
        if not name:
            self.saved = None
            return

        def work() -> tuple[store.SavedTemplate, Path, Inspection]:
            saved, path = self.access.saved(name)
            return saved, path, self.access.inspect(path, saved=saved)

        self._run("正在读取已保存的模板……", work, self._saved_loaded)

    def _saved_loaded(self, value: tuple[store.SavedTemplate, Path, Inspection]) -> None:
        saved, _path, inspection = value
        self.saved = saved
        self.form.file_edit.setText(f"{saved.file_name}（随模板保存，第{saved.header_version}版表头；换新模板请选择文件）")
        self._restore_selection(saved)
        self.form.save_check.setChecked(False)
        self.form.name_edit.setText(saved.name)
        self._inspected(inspection)

    def _restore_selection(self, saved: store.SavedTemplate) -> None:
        f = self.form
        selection = Selection.from_dict(saved.selection, f.year_spin.value(), f.month_spin.value())
        f.purpose_combo.setCurrentIndex(f.purpose_combo.findData(selection.purpose.value))
        self._fill_purpose_combos(selection.purpose)
        scope = (selection.scope.kind.value, selection.scope.ref_id)
        f.scope_combo.setCurrentIndex(max(0, find_data(f.scope_combo, scope)))
        grouping = UNGROUPED if selection.ungrouped else selection.grouping or None
        f.group_combo.setCurrentIndex(max(0, find_data(f.group_combo, grouping)))
        wanted = selection.issue_filter if selection.purpose is Purpose.ISSUES else selection.decision_filter
        f.filter_combo.setCurrentIndex(max(0, find_data(f.filter_combo, wanted)))
        f.meeting_combo.setCurrentIndex(max(0, find_data(f.meeting_combo, selection.meeting_id)))

    def _purpose_changed(self) -> None:
        purpose = self.purpose
        self._fill_purpose_combos(purpose)
        if self.inspection is not None and self.inspection.layout.purpose is not purpose:
            path, saved = self.inspection.path, self.saved
            self._run("正在按所选内容重新识别表头……",
                      lambda: self.access.inspect(path, purpose=purpose, saved=saved), self._inspected)

    def _inspected(self, inspection: Inspection) -> None:
        self.inspection = inspection
        f = self.form
        purpose = inspection.layout.purpose
        if self.purpose is not purpose:
            f.purpose_combo.setCurrentIndex(f.purpose_combo.findData(purpose.value))
            self._fill_purpose_combos(purpose)
        f.info_label.setText("\n".join(inspection.summary_lines()))
        self._fill_mapping(inspection)
        if inspection.diff is not None and not inspection.diff.same:
            f.save_check.setChecked(True)  # the saved template moves to the new header once filled
        f.fill_button.setEnabled(True)

    def _fill_mapping(self, inspection: Inspection) -> None:
        table = self.form.mapping_table
        layout = inspection.layout
        columns = layout.labelled_columns
        new = {c.index for c in inspection.diff.new_columns} if inspection.diff else set()
        mapping = inspection.mapping
        table.setRowCount(len(columns))
        for line, column in enumerate(columns):
            item = QTableWidgetItem(column.title)
            item.setData(256, column.index)
            table.setItem(line, 0, item)
            combo = QComboBox(table)
            combo.addItem(LEAVE_EMPTY, None)
            if column.formula:
                combo.addItem(f"{KEEP_FORMULA}（{column.formula}）", FORMULA)
            for spec in catalog.fields(layout.purpose):
                combo.addItem(spec.label, spec.code)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column.index))))
            table.setCellWidget(line, 1, combo)
            choice = inspection.choices[column.index]
            if column.index in new:
                reason = "新增的列：" + choice.reason
            elif inspection.diff is not None:
                reason = "沿用已保存的对应"
            else:
                reason = choice.reason
            note = QTableWidgetItem(reason)
            if column.index in new or not choice.recognised:
                for cell in (item, note):
                    cell.setBackground(QBrush(NEW_COLUMN))
            table.setItem(line, 2, note)

    # --- the mapping and rows as the dialog shows them ----------------------------------------------------
    def mapping(self) -> dict[int, str | None]:
        table = self.form.mapping_table
        chosen: dict[int, str | None] = {}
        for line in range(table.rowCount()):
            combo = table.cellWidget(line, 1)
            chosen[int(table.item(line, 0).data(256))] = combo.currentData() if isinstance(combo, QComboBox) else None
        return chosen

    def set_mapping(self, column: int, code: str | None) -> None:
        table = self.form.mapping_table
        for line in range(table.rowCount()):
            if int(table.item(line, 0).data(256)) == column:
                combo = table.cellWidget(line, 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(combo.findData(code))

    def selection(self) -> Selection:
        f = self.form
        purpose = self.purpose
        kind, ref = f.scope_combo.currentData() or ("all", None)
        grouping = f.group_combo.currentData()
        filter_code = f.filter_combo.currentData()
        return Selection(purpose, f.year_spin.value(), f.month_spin.value(), Scope(ScopeKind(kind), ref),
                         filter_code if purpose is Purpose.ISSUES and filter_code else "open",
                         filter_code if purpose is Purpose.DECISIONS and filter_code else "all",
                         f.meeting_combo.currentData() if purpose is Purpose.DECISIONS else None,
                         tuple(grouping) if grouping not in (None, UNGROUPED) else (), grouping == UNGROUPED)

    # --- fill ---------------------------------------------------------------------------------------------
    def fill(self) -> None:
        inspection = self.inspection
        if inspection is None:
            return
        f = self.form
        save_name = f.name_edit.text().strip() if f.save_check.isChecked() else ""
        if f.save_check.isChecked() and not save_name:
            f.error_label.setText("请填写模板名称，或取消“保存为模板”。")
            return
        selection = self.selection()
        label = f"{selection.period.label}{inspection.layout.file_name.rsplit('.', 1)[0]}"
        path = self.ask_path("保存填报结果", str(self.export_dir / f"{label}（已填报）.xlsx"))
        if not path:
            return
        out = Path(path)
        mapping, layout, template = self.mapping(), inspection.layout, inspection.path
        request = FillRequest(template, out, selection, self.today, mapping, sheet=layout.sheet,
                              saved_name=self.saved.name if self.saved else None)
        access = self.access

        def job(_workspace, progress, cancel):  # type: ignore[no-untyped-def]
            result = access.fill(request, progress, cancel)
            if save_name:
                access.save(save_name, layout, mapping, selection.as_dict(), template)
            return result

        f.error_label.clear()
        self.runner.start("按上级模板填报", job, self._filled)

    def _filled(self, result: FillResult) -> None:
        self.result = result
        self.export_dir = result.path.parent
        lines = [f"已填报 {result.records} 条{result.layout.purpose.label}（共 {result.rows} 行）：{result.path}"]
        if result.unmapped:
            lines.append("留空的列：" + "；".join(result.unmapped))
        lines.extend(result.notes)
        self.last_message = "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, "按上级模板填报", self.last_message,
                          QMessageBox.StandardButton.Ok, self)
        box.open()
        if self.form.save_check.isChecked():
            self._run("正在读取已保存的模板……", self.access.choices, self._choices_reloaded)

    def _choices_reloaded(self, choices: Choices) -> None:
        """After saving: the list shows the new template, chosen, with its (new) header."""
        current = self.form.name_edit.text().strip()
        self._choices_loaded(choices)
        if current in choices.saved:
            self.choose_saved(current)

    def _delete(self) -> None:
        name = self.form.saved_combo.currentData()
        if not name:
            return
        answer = QMessageBox.question(self, "删除模板", f"删除已保存的模板“{name}”？填报过的文件不受影响。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_saved(name)

    def delete_saved(self, name: str) -> None:
        def work() -> Choices:
            self.access.delete(name)
            return self.access.choices()

        self.saved = None
        self._run("正在删除模板……", work, self._choices_loaded)
