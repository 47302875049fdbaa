"""The project page: every field of a project in a form, its leaders (with history), units, milestones, issues,
visits and monthly investment. Fields and milestones are saved together in one transaction on 保存; adding or
ending a leader assignment is its own change, saved at once and kept in the history.

Everything is read and written by `Ops` on its worker: what the page shows when it opens is read before it opens
(`ProjectActions`, with `read_opening`), a save keeps the page open until the worker answers (`wait_for`: a
refusal stays beside the input), and the re-read after a leader change arrives when it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from desktop.db.enums import CategoryKind, ProjectStage
from desktop.services import directory, office_settings
from desktop.services import validation as v
from desktop.services.figures import WAN, LagThresholds, pct_text, wan_text, yi_text
from desktop.services.projects import actions as projects
from desktop.services.projects.actions import ProjectInput
from desktop.services.projects.page import (
    MilestoneInput,
    ProjectPage,
    load_project_page,
    page_state,
    save_project_page,
)
from desktop.ui.dates import make_optional, optional, set_optional
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.issue_dialogs import NoteDialog, combo_value, fill_combo
from desktop.ui.dialogs.leader_dialog import LeaderDialog
from desktop.ui.forms.ui_project_page import Ui_ProjectPage
from desktop.ui.models.issue_table import IssueTableModel
from desktop.ui.models.project_tree import LIGHT_COLORS
from desktop.ui.widgets.date_text import DateTextError, parse_date_text

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

ASSIGNMENT_COLUMNS = ("包保领导", "职务", "角色", "开始日期", "结束日期", "调整原因")
UNIT_COLUMNS = ("单位", "职责", "未办结问题")
MILESTONE_COLUMNS = ("节点", "计划日期", "实际日期", "状态")
VISIT_COLUMNS = ("日期", "带队领导", "参加人员", "内容")
MONTH_COLUMNS = ("月份", "当月完成（万元）", "当月目标（万元）", "累计完成（万元）")


@dataclass(frozen=True)
class Opening:
    """What the page shows when it opens, read in one go on the worker."""

    thresholds: LagThresholds
    categories: list[Any]
    task_forces: list[Any]
    units: list[Any]
    page: ProjectPage | None  # None: a new project
    leaders: list[Any] = field(default_factory=list)  # whom 添加包保领导 offers


def read_opening(workspace: Workspace, project_id: int | None, today: date) -> Opening:
    with workspace.db.read() as session:
        thresholds = office_settings.thresholds(session)
        return Opening(thresholds, directory.categories(session, CategoryKind.PROJECT.value),
                       directory.task_forces(session), directory.units(session),
                       load_project_page(session, project_id, today, thresholds) if project_id else None,
                       directory.leaders(session))


def _fixed_rows(view: QTableView) -> None:
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)


def _item(text: object, data: object = None) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(False)
    if data is not None:
        item.setData(data, Qt.ItemDataRole.UserRole)
    return item


def _parse_date(text: str, row: int, label: str, today: date) -> date | None:
    """A date typed in a table cell, read like every date field (2026.6.30, 20260630, 6-30 …)."""
    try:
        return parse_date_text(text, today)
    except DateTextError as error:
        raise v.ValidationError([v.Problem(label, str(error), row)]) from None


class ProjectPageDialog(FormDialog):
    """Opened for an existing project (all tabs) or for a new one (fields only until it is saved)."""

    def __init__(self, ops: Ops, today: date, opening: Opening, *, project_id: int | None = None,
                 year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_ProjectPage(), parent)
        self.ops = ops
        self.today = today
        self.thresholds = opening.thresholds
        self.leaders = opening.leaders
        self.project_id = project_id
        self.year = year or today.year
        self.page: ProjectPage | None = None
        self.saved_id: int | None = None
        # (fields, milestones) before and after a successful 保存, for the undo stack
        self.before: tuple[ProjectInput, list[MilestoneInput]] | None = None
        self.after: tuple[ProjectInput, list[MilestoneInput]] | None = None
        self.changed_outside_save = False  # leaders added/ended: the tree must reload even on 取消
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.assignment_model = QStandardItemModel(0, len(ASSIGNMENT_COLUMNS), self)
        self.unit_model = QStandardItemModel(0, len(UNIT_COLUMNS), self)
        self.milestone_model = QStandardItemModel(0, len(MILESTONE_COLUMNS), self)
        self.visit_model = QStandardItemModel(0, len(VISIT_COLUMNS), self)
        self.month_model = QStandardItemModel(0, len(MONTH_COLUMNS), self)
        self.issue_model = IssueTableModel(self, today=today)
        f = self.form
        for view, model in ((f.assignment_table_view, self.assignment_model), (f.unit_table_view, self.unit_model),
                            (f.milestone_table_view, self.milestone_model), (f.visit_table_view, self.visit_model),
                            (f.investment_table_view, self.month_model),
                            (f.project_issue_table_view, self.issue_model)):
            view.setModel(model)
            _fixed_rows(view)
        for model, labels in ((self.assignment_model, ASSIGNMENT_COLUMNS), (self.unit_model, UNIT_COLUMNS),
                              (self.milestone_model, MILESTONE_COLUMNS), (self.visit_model, VISIT_COLUMNS),
                              (self.month_model, MONTH_COLUMNS)):
            model.setHorizontalHeaderLabels(list(labels))
        for view, widths in ((f.assignment_table_view, (90, 150, 50, 90, 90)), (f.unit_table_view, (220, 200)),
                             (f.milestone_table_view, (140, 110, 110)), (f.visit_table_view, (90, 80, 200)),
                             (f.investment_table_view, (60, 140, 140)),
                             (f.project_issue_table_view, (40, 0, 70, 300, 140, 70, 96, 84, 78))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        f.project_issue_table_view.setColumnHidden(1, True)  # the project is this one
        for edit in (f.planned_start_edit, f.planned_end_edit, f.started_on_edit):
            make_optional(edit)
            edit.set_today(today)
        self._fill_choices(opening)
        self._connect_signals()
        self.submit = self._save
        if opening.page is None:
            self._show_new()
        else:
            self._show_page(opening.page)

    def _connect_signals(self) -> None:
        f = self.form
        f.add_leader_button.clicked.connect(self.add_leader)
        f.end_assignment_button.clicked.connect(self.end_assignment)
        f.add_milestone_button.clicked.connect(self.add_milestone)
        f.remove_milestone_button.clicked.connect(self.remove_milestone)
        f.assignment_table_view.selectionModel().currentRowChanged.connect(self._update_buttons)

    def _fill_choices(self, opening: Opening) -> None:
        f = self.form
        fill_combo(f.category_combo, opening.categories, "（未分类）")
        fill_combo(f.task_force_combo, opening.task_forces, "（未分专班）")
        fill_combo(f.lead_unit_combo, opening.units, "")
        for stage in ProjectStage:
            f.stage_combo.addItem(stage.label, stage.value)

    # --- showing ---------------------------------------------------------------------------------------------
    def _show_new(self) -> None:
        self.setWindowTitle("新增项目")
        self.form.title_label.setText(f"<b>新增{self.year}年重点项目</b>：填写基本信息后保存，再添加包保领导和节点。")
        self._set_fields(ProjectInput(code="", name="", list_year=self.year))
        for index in range(1, self.form.page_tabs.count()):
            self.form.page_tabs.setTabEnabled(index, False)

    def reload(self) -> None:
        """Read the page again on the worker (after a leader change); shown when it answers."""
        project_id, today, thresholds = self.project_id, self.today, self.thresholds
        assert project_id is not None

        def read(workspace: Workspace) -> ProjectPage:
            with workspace.db.read() as session:
                return load_project_page(session, project_id, today, thresholds)

        self.ops.run(read, self._show_page)

    def _show_page(self, page: ProjectPage) -> None:
        self.page = page
        self.setWindowTitle(f"项目信息 — {page.data.name}")
        removed = (f"<span style='color:#8a8a8a'>（已调出：{page.removed_on}，{page.removed_reason}）</span>"
                   if page.removed_on else "")
        inv = page.investment
        self.form.title_label.setText(
            f"<b>{page.data.code}　{page.data.name}</b>{removed}<br>"
            f"问题 {len(page.issues)} 个（未办结 {sum(1 for r in page.issues if not r.is_done)}），"
            f"走访 {len(page.visits)} 次，投资进度：{self._light_html(inv.light.value, inv.light.label)}")
        self._set_fields(page.data)
        self._show_assignments(page)
        self._show_units(page)
        self._show_milestones(page)
        self.issue_model.set_rows(page.issues)
        self.visit_model.removeRows(0, self.visit_model.rowCount())
        for visit in page.visits:
            self.visit_model.appendRow([_item(visit.on.isoformat()), _item(visit.leader), _item(visit.companions),
                                        _item(visit.content)])
        self._show_investment(page)
        self._update_buttons()

    @staticmethod
    def _light_html(light: str, label: str) -> str:
        return f"<span style='color:{LIGHT_COLORS.get(light, '#888')}'>●</span> {label}"

    def _set_fields(self, d: ProjectInput) -> None:
        f = self.form
        f.code_edit.setText(d.code)
        f.name_edit.setText(d.name)
        f.list_year_spin.setValue(d.list_year)
        f.category_combo.setCurrentIndex(max(0, f.category_combo.findData(d.category_id)))
        f.task_force_combo.setCurrentIndex(max(0, f.task_force_combo.findData(d.task_force_id)))
        f.lead_unit_combo.setCurrentIndex(max(0, f.lead_unit_combo.findData(d.lead_unit_id)))
        f.owner_edit.setText(d.owner or "")
        f.location_edit.setText(d.location or "")
        f.stage_combo.setCurrentIndex(max(0, f.stage_combo.findData(d.stage)))
        f.total_investment_spin.setValue(d.total_investment_yuan / WAN)
        f.annual_plan_spin.setValue(d.annual_plan_yuan / WAN)
        set_optional(f.planned_start_edit, d.planned_start)
        set_optional(f.planned_end_edit, d.planned_end)
        set_optional(f.started_on_edit, d.started_on)
        f.content_edit.setPlainText(d.content or "")

    def _show_assignments(self, page: ProjectPage) -> None:
        model = self.assignment_model
        model.removeRows(0, model.rowCount())
        for a in page.assignments:
            items = [_item(a.leader, a.id), _item(a.title), _item(a.role_label), _item(a.start.isoformat()),
                     _item(a.end.isoformat() if a.end else "在任"), _item(a.end_reason)]
            if not a.active:
                for item in items:
                    item.setForeground(QBrush(QColor("#8a8a8a")))
            model.appendRow(items)

    def _show_units(self, page: ProjectPage) -> None:
        self.unit_model.removeRows(0, self.unit_model.rowCount())
        for u in page.units:
            self.unit_model.appendRow([_item(u.name), _item(u.role), _item(u.open_issues)])

    def _show_milestones(self, page: ProjectPage) -> None:
        model = self.milestone_model
        model.removeRows(0, model.rowCount())
        for m in page.milestones:
            name = QStandardItem(m.name)
            name.setData(m.id, Qt.ItemDataRole.UserRole)
            planned = QStandardItem(m.planned.isoformat() if m.planned else "")
            actual = QStandardItem(m.actual.isoformat() if m.actual else "")
            model.appendRow([name, planned, actual, _item(m.status(self.today))])

    def _show_investment(self, page: ProjectPage) -> None:
        inv = page.investment
        self.form.investment_summary_label.setText(
            f"{inv.year}年1—{inv.reported_month}月累计完成投资 <b>{yi_text(inv.completed)}亿元</b>，"
            f"年度计划 {yi_text(inv.annual_plan)}亿元，完成年度计划 <b>{inv.plan_rate.text}</b>；"
            f"序时进度 <b>{pct_text(inv.schedule_pct)}</b>　{self._light_html(inv.light.value, inv.light.label)}")
        model = self.month_model
        model.removeRows(0, model.rowCount())
        for line in inv.months:
            reported = line.month <= inv.reported_month
            model.appendRow([
                _item(f"{line.month}月"), *self._money_cells(line, reported)])

    @staticmethod
    def _money_cells(line, reported: bool) -> list[QStandardItem]:  # type: ignore[no-untyped-def]
        cells = [
            _item(wan_text(line.amount) if line.amount is not None else ("未报" if reported else "")),
            _item(wan_text(line.target) if line.target is not None else ""),
            _item(wan_text(line.cumulative) if reported else ""),
        ]
        for cell in cells:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return cells

    def _update_buttons(self, *_args: object) -> None:
        index = self.form.assignment_table_view.currentIndex()
        active = index.isValid() and self.assignment_model.item(index.row(), 4).text() == "在任"
        self.form.end_assignment_button.setEnabled(bool(active))
        self.form.end_assignment_button.setToolTip("" if active else "请先选择一位在任的包保领导")

    # --- collecting and saving -------------------------------------------------------------------------------
    def value(self) -> ProjectInput:
        f = self.form
        lead_unit = combo_value(f.lead_unit_combo)
        if f.lead_unit_combo.currentText().strip() and lead_unit is None:
            raise v.ValidationError([v.Problem("牵头责任单位", f"“{f.lead_unit_combo.currentText()}”不在单位名录中，"
                                               "请从列表中选择")])
        return ProjectInput(
            code=f.code_edit.text(), name=f.name_edit.text(), list_year=f.list_year_spin.value(),
            stage=f.stage_combo.currentData(), category_id=f.category_combo.currentData(),
            task_force_id=f.task_force_combo.currentData(), lead_unit_id=lead_unit,
            owner=f.owner_edit.text().strip() or None, location=f.location_edit.text().strip() or None,
            total_investment_yuan=int((Decimal(str(f.total_investment_spin.value())) * WAN).to_integral_value()),
            annual_plan_yuan=int((Decimal(str(f.annual_plan_spin.value())) * WAN).to_integral_value()),
            planned_start=optional(f.planned_start_edit), planned_end=optional(f.planned_end_edit),
            started_on=optional(f.started_on_edit), content=f.content_edit.toPlainText().strip() or None,
        )

    def milestones(self) -> list[MilestoneInput]:
        model = self.milestone_model
        rows = []
        for r in range(model.rowCount()):
            rows.append(MilestoneInput(
                name=model.item(r, 0).text(), planned=_parse_date(model.item(r, 1).text(), r + 1, "计划日期", self.today),
                actual=_parse_date(model.item(r, 2).text(), r + 1, "实际日期", self.today),
                id=model.item(r, 0).data(Qt.ItemDataRole.UserRole)))
        return rows

    def _save(self) -> object:
        """保存: fields (and milestones) in one transaction on the worker; the page closes when it answers, or
        shows the refusal beside the input. A field that cannot be read refuses here, before anything is asked."""
        data = self.value()
        project_id, today = self.project_id, self.today
        milestones = self.milestones() if project_id is not None else []
        Saved = tuple[int, tuple[ProjectInput, list[MilestoneInput]] | None]

        def work(workspace: Workspace) -> Saved:
            with workspace.db.transaction() as session:
                if project_id is None:
                    return projects.create_project(session, data).id, None
                before = page_state(session, project_id)
                save_project_page(session, project_id, data, milestones, today)
                return project_id, before

        def done(saved: Saved) -> None:
            self.saved_id, self.before = saved
            if project_id is not None:
                self.after = (data, milestones)

        return self.wait_for(self.ops, work, done)

    # --- leaders and milestones ------------------------------------------------------------------------------
    def _write(self, dialog: FormDialog, action: Callable[[Any], object]) -> object:
        """The small dialog's OK: `action(session)` on the worker; it closes when written, or shows the refusal."""

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                action(session)

        return dialog.wait_for(self.ops, work, lambda _none: None)

    def add_leader(self) -> None:
        dialog = LeaderDialog(self.leaders, self.today, self)  # read with the page: no wait here
        project_id = self.project_id

        def submit() -> object:
            values = dialog.values()
            return self._write(dialog, lambda session: projects.assign_leader(
                session, project_id, values["leader_id"], values["role"], values["start"]))  # type: ignore[arg-type]

        dialog.submit = submit
        if self.run_dialog(dialog):
            self.changed_outside_save = True
            self.reload()

    def end_assignment(self) -> None:
        index = self.form.assignment_table_view.currentIndex()
        if not index.isValid():
            return
        assignment_id = self.assignment_model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        leader = self.assignment_model.item(index.row(), 0).text()
        dialog = NoteDialog("结束包保", f"结束 <b>{leader}</b> 对本项目的包保（记录保留在历史中）。", "调整原因：",
                            self.today, parent=self)

        def submit() -> object:
            reason, on = dialog.values()
            return self._write(dialog, lambda session: projects.end_assignment(session, assignment_id, reason, on))

        dialog.submit = submit
        if self.run_dialog(dialog):
            self.changed_outside_save = True
            self.reload()

    def add_milestone(self) -> None:
        self.milestone_model.appendRow([QStandardItem("新节点"), QStandardItem(""), QStandardItem(""), _item("")])
        index = self.milestone_model.index(self.milestone_model.rowCount() - 1, 0)
        self.form.milestone_table_view.setCurrentIndex(index)
        self.form.milestone_table_view.edit(index)

    def remove_milestone(self) -> None:
        index = self.form.milestone_table_view.currentIndex()
        if index.isValid():
            self.milestone_model.removeRow(index.row())
