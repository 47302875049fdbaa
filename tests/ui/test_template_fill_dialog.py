"""导出 → 按上级模板填报 on the real window: pick a form, correct a column, fill off the GUI thread, save it under a
name; next month one click; a changed header marks only its new columns."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QMessageBox

from desktop.services.scope import Scope, ScopeKind
from desktop.services.templates import store
from desktop.services.templates.catalog import Purpose
from desktop.ui.dialogs.template_fill_dialog import UNGROUPED, find_data
from tests.exporters.template_fill import expected, forms
from tests.exporters.template_fill.forms import Column
from tests.ui.helpers import open_window


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))


def _dialog(qtbot, window, target: Path):
    window.export_menu.ask_path = lambda _title, _suggested: str(target)
    window.export_menu.template_action.trigger()
    dialog = window.export_menu.template_dialog
    qtbot.waitUntil(lambda: not dialog.task.running and dialog.choices is not None, timeout=10_000)
    return dialog


def _idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.task.running and not dialog.runner.busy, timeout=30_000)


def test_fill_a_form_save_it_and_fill_again_in_one_click(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    template = forms.city_monthly().build(tmp_path / "空白模板.xlsx")
    out = tmp_path / "10月.xlsx"
    dialog = _dialog(qtbot, window, out)
    assert dialog.form.month_spin.value() == 10  # the month now due: October, in late November
    dialog.open_file(template)
    _idle(qtbot, dialog)
    table = dialog.form.mapping_table
    assert table.rowCount() == 11 and dialog.form.fill_button.isEnabled()
    assert table.item(1, 0).text() == "项目名称（B列）" and table.cellWidget(1, 1).currentText() == "项目名称"
    assert "两级表头" in dialog.form.info_label.text()
    dialog.set_mapping(7, None)  # 形象进度 left empty by the user
    dialog.form.save_check.setChecked(True)
    dialog.form.name_edit.setText("市重点办月报")
    threads = []
    fill = dialog.access.fill
    dialog.access.fill = lambda *a: (threads.append(threading.current_thread() is threading.main_thread()), fill(*a))[1]
    dialog.fill()
    _idle(qtbot, dialog)
    assert threads == [False], "the fill runs off the GUI thread"
    assert dialog.result is not None and "已填报 98 条重点项目" in dialog.last_message
    assert "留空的列：形象进度（H列）" in dialog.last_message
    ws = load_workbook(out).active
    assert ws["H5"].value is None and ws["B5"].value in expected.projects(demo_workspace, 10)
    with demo_workspace.db.read() as session:
        saved = store.get(session, "市重点办月报")
    assert saved.purpose is Purpose.PROJECTS and saved.mapping[store.column_keys(dialog.inspection.layout)[7]] is None
    dialog.close()

    again = tmp_path / "9月.xlsx"
    second = _dialog(qtbot, window, again)
    assert second.form.saved_combo.findData("市重点办月报") > 0
    second.choose_saved("市重点办月报")
    _idle(qtbot, second)
    second.form.month_spin.setValue(9)
    assert "沿用已保存的列对应" in second.form.info_label.text()
    assert second.mapping()[7] is None  # the saved correction is back
    second.fill()
    _idle(qtbot, second)
    ws = load_workbook(again).active
    assert ws["A1"].value == "2026年1-9月重点项目推进情况表" and ws["H5"].value is None
    window.grab().save(str(tmp_path / "window.png"))
    second.grab().save(str(tmp_path / "dialog.png"))


def test_a_changed_header_marks_only_the_new_columns(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window, tmp_path / "a.xlsx")
    dialog.open_file(forms.city_monthly().build(tmp_path / "9月.xlsx"))
    _idle(qtbot, dialog)
    dialog.form.save_check.setChecked(True)
    dialog.form.name_edit.setText("月报")
    dialog.fill()
    _idle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.saved is not None and dialog.saved.name == "月报", timeout=10_000)
    changed = forms.city_monthly()
    changed.columns.append(Column("序时进度", 8))
    dialog.open_file(changed.build(tmp_path / "10月.xlsx"))
    _idle(qtbot, dialog)
    table = dialog.form.mapping_table
    notes = {table.item(i, 0).text(): table.item(i, 2).text() for i in range(table.rowCount())}
    assert notes["序时进度（L列）"].startswith("新增的列：按表头“序时进度”识别")
    assert all(text == "沿用已保存的对应" for label, text in notes.items() if label != "序时进度（L列）")
    assert "新增的列（请确认填入的数据）：序时进度（L列）" in dialog.form.info_label.text()
    assert dialog.form.save_check.isChecked() and isinstance(table.cellWidget(11, 1), QComboBox)
    dialog.runner.start  # noqa: B018 - the same runner as the menu's ledgers
    dialog.fill()
    _idle(qtbot, dialog)
    with demo_workspace.db.read() as session:
        assert store.get(session, "月报").header_version == 2


def test_a_bad_template_is_explained_in_the_dialog(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window, tmp_path / "x.xlsx")
    bad = tmp_path / "通知.xlsx"
    bad.write_text("不是表格", encoding="utf-8")
    dialog.open_file(bad)
    _idle(qtbot, dialog)
    assert "不是 Excel 工作簿" in dialog.form.error_label.text() and not dialog.form.fill_button.isEnabled()
    assert not (tmp_path / "x.xlsx").exists()


def test_rows_chosen_in_the_dialog_one_task_force_overdue_issues_one_meeting(qtbot, demo_workspace, today,
                                                                              tmp_path) -> None:
    """Which rows fill the form is chosen in the dialog: the projects of one 专班, the overdue issues, the decided
    items of one meeting; each fill holds exactly those rows."""
    from datetime import date

    from sqlalchemy import func, select

    from desktop.db.enums import IssueStatus
    from desktop.db.models import Decision, Issue, Project, TaskForce

    with demo_workspace.db.read() as s:
        force_id, force = s.execute(
            select(TaskForce.id, TaskForce.name).join(Project, Project.task_force_id == TaskForce.id)
            .where(Project.list_year == 2026).group_by(TaskForce.id).order_by(func.count().desc())).first()
        projects = set(s.scalars(select(Project.name).where(Project.task_force_id == force_id,
                                                            Project.list_year == 2026, Project.removed_on.is_(None))))
        done = [st.value for st in IssueStatus if st.is_done]
        overdue = list(s.scalars(select(Issue.description).where(
            Issue.status.not_in(done), Issue.deadline < today, Issue.found_on <= date(2026, 10, 31))
            .order_by(Issue.found_on, Issue.id)))
        meeting_id = s.scalar(select(Decision.meeting_id).group_by(Decision.meeting_id).order_by(
            func.count().desc()))
        decided = list(s.scalars(select(Decision.text).where(Decision.meeting_id == meeting_id)
                                 .order_by(Decision.seq)))
    window = open_window(qtbot, demo_workspace, today, tmp_path)

    out = tmp_path / "专班.xlsx"
    dialog = _dialog(qtbot, window, out)
    dialog.open_file(forms.city_monthly().build(tmp_path / "月报.xlsx"))
    _idle(qtbot, dialog)
    f = dialog.form
    index = find_data(f.scope_combo, ("task_force", force_id))
    assert f.scope_combo.itemText(index) == f"专班：{force}"
    f.scope_combo.setCurrentIndex(index)
    f.group_combo.setCurrentIndex(find_data(f.group_combo, UNGROUPED))
    f.save_check.setChecked(True)
    f.name_edit.setText("专班月报")
    dialog.fill()
    _idle(qtbot, dialog)
    names = {r[1] for r in expected.rows_of(out, first=5) if isinstance(r[0], int)}
    assert names == projects and len(projects) >= 5
    qtbot.waitUntil(lambda: dialog.saved is not None and dialog.saved.name == "专班月报", timeout=10_000)

    again = _dialog(qtbot, window, tmp_path / "专班10月.xlsx")  # next month: one click brings the 专班 back
    again.choose_saved("专班月报")
    _idle(qtbot, again)
    assert again.form.scope_combo.currentText() == f"专班：{force}" and again.form.group_combo.currentText() == "不分组"
    assert again.selection().scope == Scope(ScopeKind.TASK_FORCE, force_id) and again.selection().ungrouped
    again.fill()
    _idle(qtbot, again)
    assert {r[1] for r in expected.rows_of(tmp_path / "专班10月.xlsx", first=5) if isinstance(r[0], int)} == projects
    again.close()

    out = tmp_path / "超期.xlsx"
    dialog.ask_path = lambda _title, _suggested: str(out)
    f.saved_combo.setCurrentIndex(0)  # another form: not as the saved 专班月报 (its header would be compared)
    f.saved_combo.activated.emit(0)
    assert dialog.saved is None
    dialog.open_file(forms.issues_with_notes().build(tmp_path / "问题清单.xlsx"))
    _idle(qtbot, dialog)
    assert dialog.purpose is Purpose.ISSUES and f.filter_combo.isEnabled() and not f.meeting_combo.isEnabled()
    f.filter_combo.setCurrentIndex(f.filter_combo.findData("overdue"))
    f.scope_combo.setCurrentIndex(find_data(f.scope_combo, ("all", None)))  # all units' issues, not the 专班's
    dialog.fill()
    _idle(qtbot, dialog)
    assert [r[2] for r in expected.rows_of(out, "问题清单", first=5)[: len(overdue) + 1]] == [*overdue, None]

    out = tmp_path / "议定事项.xlsx"
    dialog.ask_path = lambda _title, _suggested: str(out)
    dialog.open_file(forms.decisions_of_meeting().build(tmp_path / "议定事项表.xlsx"))
    _idle(qtbot, dialog)
    assert dialog.purpose is Purpose.DECISIONS and f.meeting_combo.isEnabled()
    f.meeting_combo.setCurrentIndex(f.meeting_combo.findData(meeting_id))
    dialog.fill()
    _idle(qtbot, dialog)
    assert [r[2] for r in expected.rows_of(out, first=4)[: len(decided) + 1]] == [*decided, None]
    dialog.close()


def test_a_column_the_product_cannot_name_is_shown_and_can_be_chosen(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    out = tmp_path / "省表.xlsx"
    dialog = _dialog(qtbot, window, out)
    dialog.open_file(forms.province_task_force().build(tmp_path / "省表模板.xlsx"))
    _idle(qtbot, dialog)
    assert "未能识别、将留空的列（可在列对应中选择）：是否列入省级重大项目（L列）" in dialog.form.info_label.text()
    assert dialog.mapping()[11] is None  # left empty unless chosen
    dialog.set_mapping(11, "category")  # the user decides what the column means
    dialog.fill()
    _idle(qtbot, dialog)
    facts = expected.projects(demo_workspace, 10)
    rows = [r for r in expected.rows_of(out, first=4) if isinstance(r[0], int)]
    assert len(rows) == len(facts) and all(r[11] == facts[r[1]].category for r in rows)
    assert "留空的列" not in dialog.last_message
    dialog.close()


def test_the_month_defaults_to_the_last_one_reported_as_the_command_does(qtbot, demo_workspace, today,
                                                                        tmp_path) -> None:
    """Reports only through July this year: the dialog proposes 7 (not the calendar's October), as `keyproj export
    template` without --month does; another year brings its own last month, a month the user chose stays."""
    from sqlalchemy import delete, select

    from desktop.db.models import InvestmentReport, Project
    from desktop.services import stats
    from desktop.services.scope import Period

    with demo_workspace.db.transaction() as session:
        session.execute(delete(InvestmentReport).where(InvestmentReport.year == today.year,
                                                       InvestmentReport.month > 7))
        project_id = session.scalar(select(Project.id).order_by(Project.id))
        session.add(InvestmentReport(project_id=project_id, year=today.year - 1, month=5, amount_yuan=1_000_000))
        last_year = stats.reported_month(Period.year(today.year - 1), today, session)
    assert stats.calendar_month(Period.year(today.year), today) == 10
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dialog = _dialog(qtbot, window, tmp_path / "7月.xlsx")
    assert dialog.form.year_spin.value() == today.year and dialog.form.month_spin.value() == 7
    assert dialog.selection().month == 7
    dialog.form.year_spin.setValue(today.year - 1)
    _idle(qtbot, dialog)
    assert dialog.form.month_spin.value() == last_year == 5
    dialog.form.month_spin.setValue(3)  # chosen by the user: a change of year keeps it
    dialog.form.year_spin.setValue(today.year)
    _idle(qtbot, dialog)
    assert dialog.form.month_spin.value() == 3
    dialog.close()
