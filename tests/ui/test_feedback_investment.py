"""反馈 → 发出投资进度填报表 in the real window: choose the month, send, a unit fills its form, drop it on the window,
the preview shows the figures and the 序时进度 they give, take it in: the 投资与进度 grid shows it; 反馈情况 lists
the late units."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.db.models import FeedbackRound, Project
from desktop.ui.models.investment_grid import COL
from tests.services.feedback.test_investment_returns import fill
from tests.ui.helpers import open_window, settle
from tests.ui.test_feedback_dialogs import _drop_on

ROUND = "2026年11月投资进度填报"


def test_send_collect_and_see_the_grid(qtbot, demo_workspace, today, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    window.feedback_menu.invest_action.trigger()
    dialog = window.feedback_menu.send_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.windowTitle() == "发出投资进度填报表" and dialog.form.month_spin.isVisible()
    assert not dialog.form.notice_check.isVisible()
    assert (dialog.form.year_spin.value(), dialog.form.month_spin.value()) == (2026, 10)  # the month due now
    dialog.form.month_spin.setValue(11)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.form.round_edit.text() == ROUND, timeout=20_000)
    assert "个项目" in dialog.form.unit_list.item(0).text()
    units = [dialog.form.unit_list.item(n).text() for n in range(dialog.form.unit_list.count())]
    dialog.form.by_combo.setCurrentIndex(1)  # 每个建设单位（项目业主）一份: the owners as the projects record them
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    owners = [dialog.form.unit_list.item(n).text() for n in range(dialog.form.unit_list.count())]
    assert dialog.by() == "owner" and owners and owners != units and all("个项目" in o for o in owners)
    dialog.form.by_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.form.unit_list.count() == len(units), timeout=20_000)
    dialog.form.folder_edit.setText(str(out))
    dialog.form.none_button.click()
    dialog.form.unit_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    (form,) = dialog.result.forms
    assert form.path.name == f"{form.unit}_投资进度填报表_{ROUND}.xlsx"
    assert f"已发出{ROUND}：1个单位" in window.statusBar().currentMessage()

    back = fill(form.path, tmp_path / "back" / form.path.name,
                {1: {"本月完成": 250, "形象进度": "窗口填报的形象进度", "存在问题": "征拆未完成"}})
    assert _drop_on(window, [back])
    collect = window.feedback_menu.collect_dialog
    qtbot.waitUntil(lambda: collect.preview is not None, timeout=30_000)
    top = collect.form.preview_tree.topLevelItem(0)
    assert form.unit in top.text(1) and ROUND in top.text(1) and "新反馈1行" in top.text(4)
    (new,) = [top.child(n) for n in range(top.childCount()) if top.child(n).text(4) == "新反馈"]
    assert new.checkState(0) == Qt.CheckState.Checked
    assert "本月完成 250万元" in new.text(2) and "序时进度" in new.text(2) and "存在问题：征拆未完成" in new.text(2)
    assert new.text(1) == "2026年11月投资进度" and "11月 —" in new.text(3)
    collect.accept()
    qtbot.waitUntil(lambda: collect.result is not None, timeout=30_000)
    assert "1个项目的投资进度记入月度投资表，序时进度按新数重算" in collect.summary_text
    collect.result_box.close()
    settle(qtbot, window)

    with demo_workspace.db.read() as session:
        project = session.scalars(select(Project).where(Project.image_progress == "窗口填报的形象进度")).one()
    panel = window.field_tabs.investment
    panel.form.year_spin.setValue(2026)
    panel.form.month_combo.setCurrentIndex(10)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: any(r.project_id == project.id and r.amount == 2_500_000
                                for r in panel.grid_model.rows()), timeout=20_000)
    row = panel.grid_model.row_index(project.id)
    assert panel.grid_model.index(row, COL["amount"]).data() == "250"
    assert panel.grid_model.index(row, COL["schedule"]).data().endswith("%")

    window.feedback_menu.status_action.trigger()
    status = window.feedback_menu.status_dialog
    qtbot.waitUntil(lambda: status.form.round_combo.count() > 0, timeout=20_000)
    assert status.form.round_combo.currentText() == ROUND
    assert status.form.summary_label.text().startswith("投资进度填报表，")
    with demo_workspace.db.read() as session:
        assert session.scalars(select(FeedbackRound.kind)).one() == "investment"
    status.close()
