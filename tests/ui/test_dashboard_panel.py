"""The dashboard: every figure drills down to exactly the rows it counts; charts click through; 包保卡 fits A4."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPageLayout

from desktop.app import create_application
from desktop.services.drilldown import Key
from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.leader_card_view import save_pdf


def _panel(qtbot, workspace, today) -> DashboardPanel:
    create_application()
    panel = DashboardPanel(workspace, today)
    qtbot.addWidget(panel)
    panel.resize(1366, 900)
    panel.show()
    panel.reload()
    return panel


def test_clicking_a_figure_opens_its_rows(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    button = panel.figure_buttons[Key("issues.overdue")]
    assert button.text().startswith("84个")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = panel.last_drill
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 84
    assert dialog.form.count_label.text() == "共 84 个问题"
    assert "超期问题" in dialog.windowTitle()
    dialog.close()


def test_every_figure_on_screen_has_as_many_rows_as_it_says(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    board = panel.board
    # the service test checks every figure for several periods and scopes; here what the widgets show
    figures = [(f.value, f.key) for f in (*board.headline[:6], board.lights[2], board.overdue_milestones)]
    figures += [(line.projects, key) for line, key in board.investment[-2:]]
    figures += [(chart.bars()[0].value, chart.bars()[0].key) for chart in (
        panel.status_chart, panel.level_chart, panel.overdue_chart, panel.decisions_chart, panel.visits_chart)]
    for value, key in figures:
        dialog = panel.open_drill(key)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == value, key
        dialog.close()


def test_chart_bar_click_and_category_row_click(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    chart = panel.status_chart
    bar = chart.bars()[1]
    rect = chart.bar_rect(1)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.left()) + 5, int(rect.center().y())))
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == bar.value
    assert all(row[5] == bar.label for row in panel.last_drill.model.rows())
    table = panel.form.investment_table
    index = panel.investment_model.index(0, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == int(index.siblingAtColumn(1).data())


def test_period_and_leader_scope_change_the_figures(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    year_issues = panel.board.headline[2].value
    panel.form.period_combo.setCurrentIndex(panel.form.period_combo.findData("month"))
    month_issues = panel.board.headline[2].value
    assert month_issues < year_issues
    assert "2026-11-01至2026-11-30" in panel.form.heading_label.text()
    panel.form.period_combo.setCurrentIndex(panel.form.period_combo.findData("year"))
    panel.form.scope_combo.setCurrentIndex(1)
    assert panel.board.headline[0].value < 98  # the leader's own projects
    for figure in panel.board.headline:
        dialog = panel.open_drill(figure.key)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == figure.value, figure.label
        dialog.close()


def test_late_reports_figure(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    button = panel.figure_buttons[Key("investment.late")]
    assert button.text() == "8个\n10月投资迟报"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == 8
    assert "10月投资完成额迟报项目" in panel.last_drill.windowTitle()


def test_leader_card_prints_on_one_a4_page(qtbot, demo_workspace, today, tmp_path) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    for index in range(panel.form.card_leader_combo.count()):
        panel.form.card_leader_combo.setCurrentIndex(index)
        card = panel.current_card()
        pdf = tmp_path / f"card{index}.pdf"
        assert save_pdf(card, pdf) == 1, card.leader
        assert pdf.read_bytes().startswith(b"%PDF")
    assert card.projects and card.last_visit_on is not None
    assert QPageLayout  # A4 layout object importable for the preview path
