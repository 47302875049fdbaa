"""The issue table model and panel: filtering on the haystack, sort orders, counts; and background loading."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt

from desktop.app import create_application
from desktop.services.issues.rows import build_rows
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.main_window import MainWindow
from desktop.ui.models.issue_table import COLUMNS, IssueTableModel, sort_rows

TODAY = date(2026, 11, 25)
COL = {key: i for i, (key, _label) in enumerate(COLUMNS)}


def _rows():
    raw = [
        (1, 1, "2026-00001", "汉口学院新校区", "用地", "施工用电报装慢", 1, "区住建局", "张三", "2026-11-01", "", "city",
         "assigned", "", "2026-03-01", None),
        (2, 2, "2026-00002", "厦门路改造", "规划", "围挡破损", 2, "区城管局", "李四", None, "年底前", "site", "new", "",
         "2026-03-02", None),
        (3, 1, "2026-00001", "汉口学院新校区", "资金", "资金到位慢", 1, "区住建局", "张三", "2026-11-28", "", "district",
         "phased", "", "2026-03-03", None),
        (4, 3, "2026-00003", "北营数据中心", "用工", "用工缺口大", 3, "区人社局", "王五", "2026-10-01", "", "task_force",
         "closed", "已解决", "2026-03-04", None),
    ]
    return build_rows(raw)


def test_sort_rows_orders_and_puts_missing_deadlines_last() -> None:
    rows = _rows()
    assert [r.id for r in sort_rows(rows, "deadline")] == [4, 1, 3, 2]
    assert [r.id for r in sort_rows(rows, "deadline", descending=True)] == [3, 1, 4, 2]
    assert [r.level for r in sort_rows(rows, "level")] == ["site", "task_force", "district", "city"]
    assert [r.id for r in sort_rows(rows, "seq", descending=True)] == [4, 3, 2, 1]
    assert [r.project_name for r in sort_rows(rows, "project")] == sorted(r.project_name for r in rows)


def test_model_sort_keeps_filter_and_is_stable(qtbot) -> None:
    create_application()
    model = IssueTableModel(today=TODAY)
    model.set_rows(_rows())
    model.sort(COL["project"], Qt.SortOrder.AscendingOrder)
    model.set_filter(lambda r: r.project_id == 1)
    assert [r.id for r in model.visible_rows()] == [1, 3]  # stable: load order within one project
    model.sort(COL["deadline"], Qt.SortOrder.DescendingOrder)
    assert [r.id for r in model.visible_rows()] == [3, 1]


def test_model_colours_without_enums(qtbot) -> None:
    create_application()
    model = IssueTableModel(today=TODAY)
    model.set_rows(_rows())
    background = [model.data(model.index(r, 3), Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert background[0].color().name() == "#fde2e1"  # overdue
    assert background[1] is None  # no deadline
    assert background[2].color().name() == "#fff4d6"  # due within 7 days
    assert background[3] is None  # done
    assert model.data(model.index(3, 3), Qt.ItemDataRole.ForegroundRole).color().name() == "#8a8a8a"
    assert model.data(model.index(0, COL["deadline"]), Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert model.data(model.index(0, COL["status"])) == "办理中"
    assert model.data(model.index(0, COL["level"])) == "市级"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1


def test_panel_filters_by_pinyin_status_and_overdue(qtbot) -> None:
    create_application()
    panel = IssuePanel(today=TODAY)
    qtbot.addWidget(panel)
    panel.set_rows(_rows())

    def shown() -> list[int]:
        return sorted(r.id for r in panel.model.visible_rows())

    panel.search_edit.setText("HKXY")
    panel.apply_filter()
    assert shown() == [1, 3]
    panel.search_edit.setText("sgyd")
    panel.apply_filter()
    assert shown() == [1]
    panel.search_edit.setText("xm")  # 厦门, read as a phrase
    panel.apply_filter()
    assert shown() == [2]
    panel.search_edit.setText("")
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("open"))
    assert shown() == [1, 2, 3]
    panel.form.due_combo.setCurrentIndex(panel.form.due_combo.findData("overdue"))
    assert shown() == [1]
    assert "显示 1 / 4 条，超期 1，临期 0" in panel.form.count_label.text()
    panel.form.due_combo.setCurrentIndex(0)
    panel.set_scope(lambda r: r.project_id == 1, "汉口学院新校区")
    assert shown() == [1, 3]
    assert panel.form.count_label.text().startswith("汉口学院新校区：显示 2 / 4 条，超期 1，临期 1")


def test_background_loading_fills_the_table(qtbot, demo_workspace, today, tmp_path) -> None:
    create_application()
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.issue_panel.model.rowCount() == 0  # the window is up before the data
    with qtbot.waitSignal(window.first_data_shown, timeout=30_000):
        pass
    first = window.issue_panel.model.visible_rows()
    assert 0 < len(first) <= 200 and "正在载入其余问题" in window.issue_panel.form.count_label.text()
    assert window.form.project_tree_view.model().item(0).text() == "全部项目（98个）"  # the tree comes first
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
    assert window.issue_panel.model.rowCount() == 300
    assert window.form.project_tree_view.model().item(0).text() == "全部项目（98个）"
    assert window.meetings_panel.meeting_model.rowCount() == 3
    assert window.statusBar().currentMessage().startswith("已载入 300 个问题")


def test_background_loading_reports_failure(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    """The start-up load runs on the window's worker (`Ops.run`): an unexpected failure there is logged and shown
    by the one error dialog, and the status bar says the load failed; nothing half-loaded is shown."""
    from desktop.ui import crash

    create_application()
    reported: list[BaseException] = []
    monkeypatch.setattr(crash, "report", lambda exc, _parent=None: reported.append(exc))

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("磁盘读取错误")

    import desktop.services.issues.rows as issue_rows

    monkeypatch.setattr(issue_rows, "load_issue_rows", broken)
    window = MainWindow(demo_workspace, today=today,
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(reported), timeout=30_000)
    assert [str(e) for e in reported] == ["磁盘读取错误"]
    assert window.ops.errors_shown == ["意外错误：RuntimeError：磁盘读取错误"]
    assert window.statusBar().currentMessage() == "载入数据失败"
    assert window.issue_panel.model.rowCount() == 0


def test_typing_on_narrows_and_backspace_widens(qtbot) -> None:
    """The incremental scan (typing one more character) must give exactly what a full scan gives."""
    create_application()
    panel = IssuePanel(today=TODAY)
    qtbot.addWidget(panel)
    rows = _rows()
    panel.set_rows(rows)
    panel.table.sortByColumn(COL["deadline"], Qt.SortOrder.AscendingOrder)
    for text in ("区", "区住", "区住建", "q", "qz", "qzj", "qz", "", "z", "zj"):
        panel.search_edit.setText(text)
        panel.apply_filter()
        expected = sort_rows([r for r in rows if text.lower() in r.haystack], "deadline")
        assert [r.id for r in panel.model.visible_rows()] == [r.id for r in expected], text
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("closed"))  # another filter: full scan
    assert [r.id for r in panel.model.visible_rows()] == []


def _changed(row, **fields):  # type: ignore[no-untyped-def]
    """The row as the loader would read it after an edit (its search haystack rebuilt by the model)."""
    return row._replace(haystack="", **fields)


def _watch(model) -> dict[str, list[object]]:  # type: ignore[no-untyped-def]
    seen: dict[str, list[object]] = {"reset": [], "changed": [], "removed": [], "inserted": []}
    model.modelReset.connect(lambda: seen["reset"].append(1))
    model.dataChanged.connect(lambda top, _bottom, _roles: seen["changed"].append(top.row()))
    model.rowsRemoved.connect(lambda _parent, first, last: seen["removed"].append((first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: seen["inserted"].append((first, last)))
    return seen


def test_an_edit_moves_only_its_rows_and_the_counts_follow(qtbot, qtmodeltester) -> None:
    create_application()
    model = IssueTableModel(today=TODAY)
    rows = _rows()
    model.set_rows(rows)
    model.set_filter(lambda r: r.status != "closed")  # 未办结-like: 1, 2, 3 shown
    assert model.deadline_counts() == (1, 1) and model.units() == sorted(["区人社局", "区城管局", "区住建局"])
    seen = _watch(model)

    # 1 resolved on time: its row changes in place, it leaves the overdue count
    model.replace_rows([_changed(rows[0], status="resolved")])
    assert seen["changed"] == [0] and not seen["reset"]
    assert model.deadline_counts() == (0, 1)

    # 3 closed: it no longer passes the filter and leaves the table, no reset
    model.replace_rows([_changed(rows[2], status="closed")])
    assert seen["removed"] == [(2, 2)] and [r.id for r in model.visible_rows()] == [1, 2]
    assert model.deadline_counts() == (0, 0) and model.total_count() == 4

    # a new issue comes on top; 2 is reassigned to another unit; both without a reset
    new = _changed(rows[1], id=9, unit="区发改委", status="new")
    model.replace_rows([new, _changed(rows[1], unit="区发改委")])
    assert seen["inserted"] == [(0, 0)] and [r.id for r in model.visible_rows()] == [9, 1, 2]
    assert model.data(model.index(2, 0)) == "3"  # 序号 renumbered below the new row
    assert model.units() == sorted(["区人社局", "区发改委", "区住建局"])  # 区城管局 no longer has a row
    assert model.position_of(2) == 2 and model.contains(9)

    # the new one deleted again (its undo)
    model.replace_rows([], removed=[9])
    assert seen["removed"][-1] == (0, 0) and not model.contains(9) and model.total_count() == 4
    assert not seen["reset"]

    # a hidden row coming back into view needs its place in the filter: one reset, counts still right
    model.replace_rows([_changed(rows[2], status="phased")])
    assert seen["reset"] == [1] and [r.id for r in model.visible_rows()] == [1, 2, 3]
    assert model.deadline_counts() == (0, 1)
    # Checked after the moves, not during them: 序号 is the row's position, so an insert on top renumbers the
    # rows below by design (announced with dataChanged on that column), which the tester's insert check forbids.
    qtmodeltester.check(model)
