"""Keyboard paths of the real main window: no two actions share a shortcut, no menu has two entries on one
mnemonic letter, Enter on a tree project opens its page, Down from the tree search reaches the results, and a
dashboard drill-down row opens what it counts."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu, QWidget

from desktop.services.drilldown import Key
from desktop.ui.models.project_tree import PROJECT_ID_ROLE
from tests.ui.helpers import open_window


def open_drill(qtbot, dashboard, key: Key):  # type: ignore[no-untyped-def]
    """A figure's rows are read on the worker: the dialog opens when they are in."""
    with qtbot.waitSignal(dashboard.drill_shown, timeout=10_000) as shown:
        dashboard.open_drill(key)
    qtbot.addWidget(shown.args[0])
    return shown.args[0]


def _all_actions(window) -> set[QAction]:
    """Every QAction reachable in the window: its children, menus (and their submenus), toolbars, docks, panels
    and the actions widgets carry (context menus)."""
    found: set[QAction] = set(window.findChildren(QAction))
    menus = list(window.findChildren(QMenu)) + [a.menu() for a in window.menuBar().actions() if a.menu()]
    for menu in menus:
        found.update(menu.actions())
    for widget in window.findChildren(QWidget):
        found.update(widget.actions())
    return {a for a in found if not a.isSeparator()}


def test_no_two_actions_share_a_shortcut(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    window.form.main_tabs.setCurrentWidget(window.field_tabs.dashboard)  # every tab built and shown once
    window.form.main_tabs.setCurrentWidget(window.form.meetings_tab)
    owners: dict[str, set[str]] = defaultdict(set)
    for action in _all_actions(window):
        for sequence in action.shortcuts():
            owners[sequence.toString()].add(action.text().replace("&", ""))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() != Qt.ShortcutContext.WidgetShortcut:  # a widget-only key cannot clash
            owners[shortcut.key().toString()].add(f"{shortcut.parent().objectName()}快捷键")
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert clashes == {}
    assert len(owners) >= 15  # the walk really found the window's shortcuts
    assert owners["Ctrl+I"] == {"导入台账(I)…"} and owners["Ctrl+Shift+I"] == {"项目信息…"}
    assert owners["Ctrl+K"] == {"销号(K)…"} and owners["Ctrl+Z"] == {"撤销(U)"}


def test_no_menu_has_two_entries_on_one_mnemonic(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    letters: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        for letter in re.findall(r"&(\w)", action.text()):
            letters[letter.upper()].append(action.text())
    assert {k: v for k, v in letters.items() if len(v) > 1} == {}
    for menu in menus:
        letters = defaultdict(list)
        for action in menu.actions():
            for letter in re.findall(r"&(\w)", action.text()):
                letters[letter.upper()].append(action.text())
        assert {k: v for k, v in letters.items() if len(v) > 1} == {}, menu.title()


def test_ambiguous_shortcut_would_fail_the_test_run(qtbot, demo_workspace, today, tmp_path) -> None:
    """Pressing Ctrl+I now reaches 导入台账 alone (before, Qt printed "Ambiguous shortcut overload" — a warning,
    which fails any test since qt_log_level_fail)."""
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    tree = window.form.project_tree_view
    tree.setCurrentIndex(tree.model().item(1).child(0).index())  # 项目信息 enabled too: both could take the key
    assert window.form.edit_project_action.isEnabled()
    opened = []
    import_action = next(a for a in _all_actions(window) if a.text().startswith("导入台账"))
    import_action.triggered.disconnect()
    import_action.triggered.connect(lambda: opened.append("import"))
    window.issue_panel.table.setFocus()
    qtbot.keyClick(window.issue_panel.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["import"]


def test_enter_on_a_tree_project_opens_its_page(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    tree = window.form.project_tree_view
    group = tree.model().item(1)
    tree.setCurrentIndex(group.index())
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # on a group: opens or closes it
    assert tree.isExpanded(group.index())
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not tree.isExpanded(group.index())
    opened: list[int] = []
    window.project_actions.run_dialog = lambda page: opened.append(page.project_id) or 0
    project = group.child(0)
    tree.setCurrentIndex(project.index())
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1)  # the page is read on the worker, then opened
    qtbot.keyClick(tree, Qt.Key.Key_Enter)  # the keypad's Enter too
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert opened == [project.data(PROJECT_ID_ROLE)] * 2


def test_down_from_the_tree_search_reaches_the_results(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    search, tree = window.form.project_search_edit, window.form.project_tree_view
    name = window.project_nodes()[3].name
    search.setFocus()
    qtbot.keyClicks(search, window.project_nodes()[3].code)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert tree.hasFocus()
    assert tree.currentIndex().data(PROJECT_ID_ROLE) == window.project_nodes()[3].id
    assert tree.currentIndex().data().startswith(name)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # and on through the results with the arrows
    assert tree.hasFocus()


def test_double_click_on_a_drill_down_row_opens_it(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dashboard = window.field_tabs.dashboard
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.form.main_tabs.setCurrentWidget(dashboard)
    drill = open_drill(qtbot, dashboard, Key("issues.overdue"))
    table = drill.form.rows_table
    issue_id = drill.model.id_at(0)
    table.doubleClicked.emit(drill.model.index(0, 1))
    qtbot.waitUntil(lambda: window.form.main_tabs.currentWidget() is window.form.issues_tab)  # looked up on the worker
    assert window.issue_panel.current_id() == issue_id

    projects = open_drill(qtbot, dashboard, Key("projects"))
    opened: list[int] = []
    window.project_actions.run_dialog = lambda page: opened.append(page.project_id) or 0
    view = projects.form.rows_table
    view.setCurrentIndex(projects.model.index(2, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter opens the row, it does not close the list
    qtbot.waitUntil(lambda: bool(opened))  # looked up and read on the worker
    assert opened == [projects.model.id_at(2)] and projects.isVisible()

    decisions = open_drill(qtbot, dashboard, Key("decisions.decided"))
    decision_id = decisions.model.id_at(0)
    decisions.open_row(decisions.model.index(0, 0))
    qtbot.waitUntil(lambda: window.form.main_tabs.currentWidget() is window.form.meetings_tab)
    # its meeting's detail is read on the worker; the item is selected once that is on screen
    qtbot.waitUntil(lambda: window.meetings_panel.tracker.selected_id() == decision_id, timeout=10_000)
