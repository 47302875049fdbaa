"""项目 → 包保方案 in the real window: 小店's 2022 plan recorded as two versions (the revision refused without its
reason), the plan of a day shown, the two versions compared, and both printed in Word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from desktop.services.plan.versions import list_versions
from desktop.workspace import open_workspace
from tests.services.plan.xiaodian import build_plan
from tests.ui.helpers import open_window

TODAY = date(2022, 12, 31)


def _wait(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)


def test_record_show_compare_and_print(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = open_workspace(tmp_path / "data", operator="测试员")
    with ws.db.transaction() as s:
        build_plan(s)
    window = open_window(qtbot, ws, TODAY, tmp_path)
    try:
        assert window.export_menu.plan_action in window.form.project_menu.actions()
        window.export_menu.plan_action.trigger()
        dialog = window.export_menu.plan_dialog
        _wait(qtbot, dialog)
        f = dialog.form
        assert f.version_list.count() == 0 and not f.compare_button.isEnabled()
        f.name_edit.setText("太原市小店区领导干部包保重点转型项目实施方案")
        f.number_edit.setText("小店委办字〔2022〕6号")
        f.date_edit.set_value(date(2022, 3, 4))
        f.add_button.click()
        _wait(qtbot, dialog)
        qtbot.waitUntil(lambda: f.version_list.count() == 1, timeout=10_000)
        assert "在册重点项目75个，包保领导25名，每人包保2—4项" in f.text_view.toPlainText()
        # The revision without its reason is refused, nothing recorded.
        f.name_edit.setText("实施方案（调整）")
        f.date_edit.set_value(date(2022, 8, 5))
        f.add_button.click()
        _wait(qtbot, dialog)
        assert "须写明调整原因" in f.error_label.text() and f.version_list.count() == 1
        f.reason_edit.setText("2个项目竣工、10个项目不具备条件调出，新增35个")
        f.add_button.click()
        _wait(qtbot, dialog)
        qtbot.waitUntil(lambda: f.version_list.count() == 2 and f.compare_button.isEnabled(), timeout=10_000)
        with ws.db.read() as s:
            assert [v.doc_number for v in list_versions(s)] == ["小店委办字〔2022〕6号", ""]
        # The plan of a day between the versions is the first plan.
        f.on_edit.set_value(date(2022, 6, 1))
        f.show_button.click()
        _wait(qtbot, dialog)
        shown = f.text_view.toPlainText()
        assert "截至2022年6月1日，在册重点项目75个" in shown and "  1  领导01  项目001、项目002、项目003  3" in shown
        f.compare_button.click()
        _wait(qtbot, dialog)
        shown = f.text_view.toPlainText()
        assert "项目75个 → 98个（调出12个，新增35个）；包保领导25名 → 22名；每人包保2—4项 → 每人包保4—5项" in shown
        assert "一、调出项目（12个）" in shown and "  1  项目001  项目已竣工" in shown
        # Both printed.
        dialog.ask_path = lambda _title, _suggested: str(tmp_path / "对照表.docx")
        f.print_diff_button.click()
        _wait(qtbot, dialog)
        assert dialog.last_saved == tmp_path / "对照表.docx"
        assert len(docx.Document(str(tmp_path / "对照表.docx")).tables[0].rows) == 13
        dialog.ask_path = lambda _title, _suggested: str(tmp_path / "责任表.docx")
        f.on_edit.set_value(date(2022, 8, 5))
        f.print_button.click()
        _wait(qtbot, dialog)
        rows = docx.Document(str(tmp_path / "责任表.docx")).tables[0].rows
        assert len(rows) == 23 and sum(int(r.cells[3].text) for r in rows[1:]) == 98
        dialog.reject()
    finally:
        window.close()
        ws.close()
