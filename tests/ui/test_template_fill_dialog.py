"""导出 → 按上级模板填报 on the real window: pick a form, correct a column, fill off the GUI thread, save it under a
name; next month one click; a changed header marks only its new columns."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QMessageBox

from desktop.services.templates import store
from desktop.services.templates.catalog import Purpose
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
