"""The dashboard: every figure drills down to exactly the rows it counts; charts click through; 包保卡 fits A4.
Every read runs on the Ops worker; the tests wait for the answer as the user would."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPageLayout
from sqlalchemy import select, update

from desktop.app import create_application
from desktop.db.models import Issue, Leader
from desktop.services.drilldown import Key
from desktop.ui.dashboard_panel import DashboardPanel
from desktop.ui.dialogs.drilldown_dialog import DrilldownDialog
from desktop.ui.leader_card_view import save_pdf
from desktop.ui.ops import Change, Ops
from tests.ui.helpers import Driver, open_window, settle


def _panel(qtbot, workspace, today) -> DashboardPanel:
    create_application()
    panel = DashboardPanel(Ops(workspace), today)
    qtbot.addWidget(panel)
    panel.resize(1366, 900)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show()  # the first show reads: nothing read before the panel is looked at
    return panel


def drill(qtbot, panel: DashboardPanel, key: Key) -> DrilldownDialog:
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000) as shown:
        panel.open_drill(key)
    dialog = shown.args[0]
    qtbot.addWidget(dialog)
    return dialog


def card(qtbot, panel: DashboardPanel):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.card_read, timeout=10_000) as read:
        panel.read_card(lambda _card: None)
    return read.args[0]


def test_clicking_a_figure_opens_its_rows(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    button = panel.figure_buttons[Key("issues.overdue")]
    assert button.text().startswith("84个")
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000):
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
        dialog = drill(qtbot, panel, key)
        assert dialog.model.rowCount() == value, key
        dialog.close()


def test_chart_bar_click_and_category_row_click(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    chart = panel.status_chart
    bar = chart.bars()[1]
    rect = chart.bar_rect(1)
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.left()) + 5, int(rect.center().y())))
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == bar.value
    assert all(row[5] == bar.label for row in panel.last_drill.model.rows())
    table = panel.form.investment_table
    index = panel.investment_model.index(0, 0)
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == int(index.siblingAtColumn(1).data())


def test_period_and_leader_scope_change_the_figures(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    year_issues = panel.board.headline[2].value
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.form.period_combo.setCurrentIndex(panel.form.period_combo.findData("month"))
    month_issues = panel.board.headline[2].value
    assert month_issues < year_issues
    assert "2026-11-01至2026-11-30" in panel.form.heading_label.text()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.form.period_combo.setCurrentIndex(panel.form.period_combo.findData("year"))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.form.scope_combo.setCurrentIndex(1)
    assert panel.board.headline[0].value < 98  # the leader's own projects
    for figure in panel.board.headline:
        dialog = drill(qtbot, panel, figure.key)
        assert dialog.model.rowCount() == figure.value, figure.label
        dialog.close()


def test_late_reports_figure(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    button = panel.figure_buttons[Key("investment.late")]
    assert button.text() == "8个\n10月投资迟报"
    with qtbot.waitSignal(panel.drill_shown, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(panel.last_drill)
    assert panel.last_drill.model.rowCount() == 8
    assert "10月投资完成额迟报项目" in panel.last_drill.windowTitle()


def test_leader_card_prints_on_one_a4_page(qtbot, demo_workspace, today, tmp_path) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    for index in range(panel.form.card_leader_combo.count()):
        panel.form.card_leader_combo.setCurrentIndex(index)
        leader_card = card(qtbot, panel)
        pdf = tmp_path / f"card{index}.pdf"
        assert save_pdf(leader_card, pdf) == 1, leader_card.leader
        assert pdf.read_bytes().startswith(b"%PDF")
    assert leader_card.projects and leader_card.last_visit_on is not None
    assert QPageLayout  # A4 layout object importable for the preview path


PANEL_FILE = str(Path("desktop", "ui", "dashboard_panel.py"))


def _status(panel: DashboardPanel) -> dict[str, int]:
    return {bar.label: bar.value for bar in panel.status_chart.bars()}


def _resolve_an_open_issue(window) -> None:  # type: ignore[no-untyped-def]
    model = window.issue_panel.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).status_label == "办理中")
    window.issue_panel.table.selectRow(row)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已完成临时用电接入"))
    window.form.resolve_action.trigger()


def test_figures_follow_a_resolve_while_on_screen_and_read_on_the_worker(qtbot, demo_workspace, today, tmp_path,
                                                                          monkeypatch) -> None:
    gui = threading.current_thread()
    reads: list[bool] = []  # per db.read() the 总览 asks for: was it on the GUI thread?
    real_read = demo_workspace.db.read

    def read(*args, **kwargs):  # type: ignore[no-untyped-def]
        frame = sys._getframe(1)
        while frame is not None and not frame.f_code.co_filename.endswith(PANEL_FILE):
            frame = frame.f_back
        if frame is not None:  # (the resolve dialog's own reads are another part's)
            reads.append(threading.current_thread() is gui)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(demo_workspace.db, "read", read)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    settle(qtbot, window)
    panel = window.field_tabs.dashboard
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        window.form.main_tabs.setCurrentWidget(panel)
    before = _status(panel)
    reads.clear()
    loads: list[int] = []
    panel.loaded.connect(lambda: loads.append(1))

    _resolve_an_open_issue(window)  # the 总览 stays on screen: it re-reads at once, no 刷新, no tab switch
    qtbot.waitUntil(lambda: bool(loads), timeout=10_000)
    settle(qtbot, window)
    after = _status(panel)
    assert after["已办结"] == before.get("已办结", 0) + 1
    assert after["办理中"] == before["办理中"] - 1
    assert loads == [1]  # the broadcast and the field tabs' reload made one read, not two

    with qtbot.waitSignal(panel.drill_shown, timeout=10_000) as shown:  # its buttons keep working
        qtbot.mouseClick(panel.figure_buttons[Key("issues.overdue")], Qt.MouseButton.LeftButton)
    qtbot.addWidget(shown.args[0])
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.mouseClick(panel.form.refresh_button, Qt.MouseButton.LeftButton)
    assert reads and not any(reads)  # every read of the 总览 ran on the worker


def test_a_hidden_dashboard_reads_when_next_shown_not_before(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    panel = window.field_tabs.dashboard
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        window.form.main_tabs.setCurrentWidget(panel)
    before = _status(panel)
    window.form.main_tabs.setCurrentWidget(window.form.issues_tab)
    loads: list[int] = []
    panel.loaded.connect(lambda: loads.append(1))

    _resolve_an_open_issue(window)
    settle(qtbot, window)
    qtbot.wait(50)
    assert loads == [] and panel.stale  # hidden: nothing read yet

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        window.form.main_tabs.setCurrentWidget(panel)
    assert _status(panel)["已办结"] == before.get("已办结", 0) + 1
    assert loads == [1] and not panel.stale


def test_a_scope_leader_removed_meanwhile_falls_back_to_the_whole_district(qtbot, demo_workspace, today) -> None:
    panel = _panel(qtbot, demo_workspace, today)
    whole = panel.board.headline[0].value
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.form.scope_combo.setCurrentIndex(1)
    assert panel.board.headline[0].value < whole
    leader_id = panel.form.scope_combo.currentData()
    with demo_workspace.db.transaction() as session:
        session.get(Leader, leader_id).active = False
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.ops.notify(Change(settings=True))
    assert panel.form.scope_combo.findData(leader_id) == -1
    assert panel.form.scope_combo.currentText() == "全区"
    assert panel.board.headline[0].value == whole  # the figures are the scope shown, not the vanished leader's


def test_the_heading_names_issues_without_a_found_date(qtbot, demo_workspace, today) -> None:
    """An issue whose ledger gave no found date is in no period: the figures leave it out and the heading says so."""
    with demo_workspace.db.transaction() as session:
        first = session.scalars(select(Issue.id).order_by(Issue.id)).first()
        session.execute(update(Issue).where(Issue.id == first).values(found_on=None))
    panel = _panel(qtbot, demo_workspace, today)
    heading = panel.form.heading_label.text()
    assert "（另有1个问题未填发现日期，不属于任何期间，未计入）" in heading and "None" not in heading
    assert "<" not in panel.figure_buttons[Key("issues.raised")].text()
