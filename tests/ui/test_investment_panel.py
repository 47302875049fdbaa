"""The monthly investment grid driven like a user: type in a cell, see the derived figures, save, refuse bad input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import select

from desktop.app import create_application
from desktop.db.models import InvestmentReport
from desktop.services import investment
from desktop.services.figures import pct_text, schedule_progress
from desktop.ui.investment_panel import InvestmentPanel
from desktop.ui.models.investment_grid import COL
from desktop.ui.ops import Change, Ops
from tests.ui.helpers import settle_ops


def _panel(qtbot, workspace, today) -> InvestmentPanel:
    create_application()
    panel = InvestmentPanel(Ops(workspace), today)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()  # the first showing reads (on the worker)
    settle_ops(qtbot, panel.ops)
    return panel


def _type_into(qtbot, panel: InvestmentPanel, row: int, column: int, text: str) -> None:
    """Open the cell editor the way a user does (select + F2), type, press Enter."""
    table = panel.form.grid_table
    index = panel.grid_model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert editor is not None
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)  # QTest can only type ASCII; an input method would insert the text like this
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits through a queued call
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_grid_opens_on_last_month_with_late_reports(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    assert panel.month == 10  # 2026-11-25: October's figures are due
    rows = panel.grid_model.rows()
    assert len(rows) == 98
    late = [r for r in rows if r.late]
    with demo_workspace.db.read() as session:
        assert [r.project_id for r in late] == investment.late_report_ids(session, 2026, today)
    assert late and all(r.amount is None for r in late)
    row = panel.grid_model.row_index(late[0].project_id)
    assert panel.grid_model.index(row, COL["late"]).data() == "迟报"
    assert f"迟报{len(late)}个" in panel.form.summary_label.text()


def test_editing_a_cell_updates_derived_figures_and_saves(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    model = panel.grid_model
    target = next(r for r in model.rows() if r.late and r.annual_plan > 0)
    row = model.row_index(target.project_id)
    before_ytd = model.index(row, COL["ytd"]).data()
    _type_into(qtbot, panel, row, COL["amount"], "1234.5")
    fresh = model.rows()[row]
    assert fresh.amount == 12_345_000
    assert fresh.year_to_date == target.prior + 12_345_000
    assert model.index(row, COL["ytd"]).data() != before_ytd
    assert model.index(row, COL["late"]).data() == ""
    expected = schedule_progress(fresh.year_to_date, fresh.annual_plan, 10)
    assert model.index(row, COL["schedule"]).data() == pct_text(expected)
    assert panel.form.save_button.isEnabled()
    assert panel.form.grid_table.currentIndex().row() == row + 1  # Enter moved down, as in Excel
    # the roll-up's 合计 follows the edit before saving
    total = panel.rollup_model.rows()[-1]
    assert total[0] == "合计" and total[3] == f"{sum(r.year_to_date for r in model.rows()) / 1e8:.2f}"

    seen: list[Change] = []
    panel.ops.changed.connect(seen.append)
    qtbot.mouseClick(panel.form.save_button, Qt.MouseButton.LeftButton)
    settle_ops(qtbot, panel.ops)
    assert seen == [Change.of_records("investment")]
    assert "已保存1个项目" in panel.form.summary_label.text()
    with demo_workspace.db.read() as session:
        stored = session.scalar(select(InvestmentReport.amount_yuan).where(
            InvestmentReport.project_id == target.project_id, InvestmentReport.year == 2026,
            InvestmentReport.month == 10))
        assert stored == 12_345_000
        assert target.project_id not in investment.late_report_ids(session, 2026, today)
    assert not panel.form.save_button.isEnabled()


def test_bad_input_is_refused_with_a_message(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    model = panel.grid_model
    first = model.rows()[0]
    _type_into(qtbot, panel, 0, COL["amount"], "12万")
    message = panel.form.error_label.text()
    assert first.name in message and "10月本月完成" in message and "不是数字" in message
    assert model.rows()[0] == first and not model.pending()
    _type_into(qtbot, panel, 0, COL["target"], "-5")
    assert "不能为负数" in panel.form.error_label.text() and "10月本月目标" in panel.form.error_label.text()
    assert not panel.form.save_button.isEnabled()


def test_monthly_targets_replace_the_linear_yardstick(qtbot, workspace, today) -> None:
    from datetime import date

    from desktop.services.projects import actions as projects

    with workspace.db.transaction() as session:
        project = projects.create_project(session, projects.ProjectInput(
            code="T-1", name="测试项目", list_year=2026, stage="continuing", annual_plan_yuan=120_000_000,
            total_investment_yuan=500_000_000, started_on=date(2026, 1, 5)))
        investment.save_month(session, 2026, 1, {project.id: investment.MonthEntry(5_000_000, 10_000_000)})
    panel = _panel(qtbot, workspace, date(2026, 2, 10))
    assert panel.month == 1
    assert panel.grid_model.index(0, COL["schedule"]).data() == "50.00%"  # 500万 of a 1000万 target
    assert panel.grid_model.index(0, COL["light"]).data() == "严重滞后"
    _type_into(qtbot, panel, 0, COL["target"], "")
    assert panel.grid_model.index(0, COL["schedule"]).data() == "50.00%"  # linear: 1.2亿 × 1/12 = 1000万
    _type_into(qtbot, panel, 0, COL["amount"], "900")
    assert panel.grid_model.index(0, COL["schedule"]).data() == "90.00%"
    assert panel.grid_model.index(0, COL["light"]).data() == "滞后"


def test_typed_figures_survive_a_change_made_elsewhere(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    model = panel.grid_model
    _type_into(qtbot, panel, 2, COL["amount"], "321")
    pending = dict(model.pending())
    assert pending
    panel.ops.notify(Change(projects=frozenset([model.rows()[0].project_id])))  # e.g. a project edited
    settle_ops(qtbot, panel.ops)
    assert model.pending() == pending and model.rows()[2].amount == 3_210_000  # not thrown away
    assert panel.follow.stale  # the grid re-reads when next shown
    qtbot.mouseClick(panel.form.revert_button, Qt.MouseButton.LeftButton)
    settle_ops(qtbot, panel.ops)
    assert not model.pending()
