"""The window's spine (desktop/ui/ops.py) driven through the real window: one workspace handle every part follows,
one change broadcast, one serial worker. Each test is one of the defects measured before the spine existed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from desktop.db.models import AuditLog, Issue
from desktop.errors import UserError
from desktop.services.backup import archive as backups
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.ops import Change
from desktop.workspace import Workspace
from tests.ui.helpers import Driver, open_window, restore, settle, wait_for_dialog, wait_loaded


def _select_open_issue(window) -> int:  # type: ignore[no-untyped-def]
    model = window.issue_panel.model
    row = next(r for r in range(model.rowCount()) if not model.row_at(r).is_done
               and model.row_at(r).status_label == "办理中")
    window.issue_panel.table.selectRow(row)
    return window.issue_panel.current_id()


def _status_figures(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {bar.label: bar.value for bar in window.field_tabs.dashboard.status_chart.bars()}


def test_dashboard_figures_follow_a_resolve(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    dashboard = window.field_tabs.dashboard
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):  # read on the worker
        window.form.main_tabs.setCurrentWidget(dashboard)
    before = _status_figures(window)
    window.form.main_tabs.setCurrentWidget(window.form.issues_tab)
    _select_open_issue(window)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("已完成临时用电接入"))
    window.form.resolve_action.trigger()

    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.form.main_tabs.setCurrentWidget(dashboard)  # 总览 re-reads when shown: no 刷新 needed
    after = _status_figures(window)
    assert after["已办结"] == before.get("已办结", 0) + 1
    assert after["办理中"] == before["办理中"] - 1


def test_history_shows_the_agenda_entry_after_submit_to_meeting(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    issue_id = _select_open_issue(window)
    assert "列入议题" not in window.history_panel.text()
    window.meetings_panel.exec_dialog = lambda dialog: dialog.accept() or dialog.result()  # the preselected one
    window.submit_to_meeting_action.trigger()
    settle(qtbot, window)  # the agenda write and the re-reads it announces run on the worker
    window.form.main_tabs.setCurrentWidget(window.form.issues_tab)
    assert window.issue_panel.current_id() == issue_id
    assert "列入议题" in window.history_panel.text()  # shown at once, without choosing the issue again


def test_after_restore_and_new_operator_the_log_records_the_current_operator(qtbot, demo_workspace, today,
                                                                           tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    restore(qtbot, window, archive)  # on the worker
    assert window.workspace is not demo_workspace
    monkeypatch.setattr("desktop.ui.reliability_menu.choose_operator", lambda *_a, **_k: ("赵科员", True))
    window.reliability.change_operator()  # the list read and the name set on the worker, after the restore
    settle(qtbot, window)

    issue_id = _select_open_issue(window)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("供电公司已现场勘察"))
    window.form.progress_action.trigger()

    with window.workspace.db.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert s.get(Issue, issue_id).notes[-1].text == "供电公司已现场勘察"
    assert last.operator == "赵科员"
    assert window.undo_stack.count() == 1  # the old workspace's commands were dropped by the restore
    log = window.reliability.open_audit_log()  # 操作日志 as the office reads it
    qtbot.addWidget(log)
    wait_loaded(qtbot, log)
    newest = [log.model.index(0, c).data() for c in range(log.model.columnCount())]
    assert newest[1] == "赵科员" and "供电公司已现场勘察" in "".join(str(v) for v in newest)


def test_a_restore_runs_on_the_worker_and_the_window_follows(qtbot, demo_workspace, today, tmp_path,
                                                             monkeypatch) -> None:
    import threading

    from desktop.ui import reliability_menu

    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    with demo_workspace.db.transaction() as s:  # after the backup: the restore takes these away again
        s.execute(Issue.__table__.delete().where(Issue.id > 250))
    window.reload()
    settle(qtbot, window)
    assert window.issue_panel.model.rowCount() == 250
    threads: list[str] = []
    real = reliability_menu.restore_archive

    def restore_archive(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(reliability_menu, "restore_archive", restore_archive)
    dialog = window.reliability.open_backups()
    dialog.confirm_and_restore(archive)
    assert dialog.restoring and not threads  # the GUI thread only asked: the archive is checked on the worker
    with qtbot.waitSignal(dialog.restored, timeout=60_000) as ended:
        pass
    assert ended.args == [True]
    assert threads and threads[0] != threading.main_thread().name
    settle(qtbot, window)
    assert window.workspace is not demo_workspace
    assert window.issue_panel.model.rowCount() == 300  # every view re-read the restored data, without 刷新
    assert window.ops.errors_shown == []


def test_a_refused_restore_keeps_the_data_and_says_why(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    from desktop.services.backup.archive import BackupError
    from desktop.ui import reliability_menu

    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise BackupError("备份 b.zip 中的数据库未通过完整性检查，未做任何改动")

    monkeypatch.setattr(reliability_menu, "restore_archive", refuse)
    dialog = window.reliability.open_backups()
    with qtbot.waitSignal(dialog.restored, timeout=60_000) as ended:
        dialog.confirm_and_restore(archive)
    assert ended.args == [False]
    assert shown == ["恢复失败，当前数据未改动：备份 b.zip 中的数据库未通过完整性检查，未做任何改动"]
    settle(qtbot, window)
    assert window.issue_panel.model.rowCount() == 300  # the same data, reopened
    with window.workspace.db.read() as s:
        assert len(s.scalars(select(Issue.id)).all()) == 300


def test_closing_closes_the_workspace_held_now(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    closed: list[Workspace] = []
    real_close = Workspace.close
    monkeypatch.setattr(Workspace, "close", lambda self: (closed.append(self), real_close(self))[1])
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    restore(qtbot, window, archive)  # on the worker
    current = window.workspace
    assert demo_workspace in closed and current not in closed
    window.ops.close()
    assert closed[-1] is current


def test_operations_run_on_the_worker_and_report_user_errors_to_the_caller(qtbot, demo_workspace, today,
                                                                           tmp_path) -> None:
    import threading

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    threads: list[str] = []
    results: list[object] = []

    def count(ws: Workspace) -> int:
        threads.append(threading.current_thread().name)
        with ws.db.read() as s:
            return len(s.scalars(select(Issue.id)).all())

    def refuse(_ws: Workspace) -> None:
        raise UserError("该问题已办结，不能再交办")

    window.ops.run(count, results.append)
    window.ops.run(refuse, results.append, lambda message: results.append(("failed", message)))
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results == [300, ("failed", "该问题已办结，不能再交办")]
    assert threads and threads[0] != threading.main_thread().name
    assert window.ops.errors_shown == []
    assert window.ops.pool.maxThreadCount() == 1


def test_every_change_reaches_the_window(qtbot, demo_workspace, today, tmp_path) -> None:
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    seen: list[Change] = []
    window.ops.changed.connect(seen.append)
    issue_id = _select_open_issue(window)
    window.issue_actions.run_dialog = Driver(lambda d: d.form.text_edit.setPlainText("进展"))
    window.form.progress_action.trigger()
    assert seen == [Change.of_issues([issue_id])]


def test_the_daily_backup_runs_on_the_worker_with_a_note(qtbot, demo_workspace, today, tmp_path) -> None:
    from desktop.ui.startup import start_daily_backup

    window = open_window(qtbot, demo_workspace, today, tmp_path)
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=30_000)  # whatever the window started on its own
    for old in Path(demo_workspace.backups_dir).glob("*.zip"):
        old.unlink()  # so that today's backup is due
    shown: list[str] = []
    bar = window.statusBar()
    bar.messageChanged.connect(shown.append)
    start_daily_backup(window)
    assert "自动备份" in bar.currentMessage()  # the window is free while it runs
    qtbot.waitUntil(lambda: not window.ops.busy(), timeout=60_000)
    assert any(text.startswith("已自动备份") for text in shown), shown
    assert list(Path(demo_workspace.backups_dir).glob("*.zip"))


def test_the_meetings_panel_follows_a_restore(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    from desktop.db.models import Meeting

    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    settle(qtbot, window)
    panel = window.meetings_panel
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    def accept(dialog: QDialog) -> int:  # the suggested 第4次推进会; OK writes on the worker, as exec() waits
        dialog.accept()
        wait_for_dialog(dialog)
        return dialog.result()

    panel.exec_dialog = accept
    made: list[int] = []
    panel.new_meeting(made.append)
    settle(qtbot, window)
    assert made and panel.meeting_model.rowCount() == 4

    restore(qtbot, window, archive)  # on the worker
    settle(qtbot, window)
    assert panel.meeting_model.rowCount() == 3  # the restored file's meetings, without 刷新
    panel.new_meeting(made.append)  # a write after the restore goes to the workspace held now
    settle(qtbot, window)
    again = made[-1]
    with window.workspace.db.read() as s:
        assert s.get(Meeting, again).number == 4
    assert window.workspace is not demo_workspace and panel.current_meeting_id() == again


def test_a_package_is_read_and_planned_on_the_worker_before_its_preview(qtbot, today, tmp_path, monkeypatch) -> None:
    import threading

    from PySide6.QtWidgets import QFileDialog

    from desktop.ui import exchange_menu
    from desktop.ui.dialogs.merge_preview import MergePreviewDialog
    from tests.services.exchange.twooffices import open_offices

    offices = open_offices(tmp_path / "offices")
    try:
        package = offices.send()
        window = open_window(qtbot, offices.room, today, tmp_path)
        threads: list[str] = []
        real = exchange_menu.read_package
        monkeypatch.setattr(exchange_menu, "read_package",
                            lambda *args: threads.append(threading.current_thread().name) or real(*args))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
        previews: list[MergePreviewDialog] = []
        monkeypatch.setattr(MergePreviewDialog, "exec", lambda self: previews.append(self) or 0)  # 取消
        window.exchange_menu.import_package_dialog()
        assert not previews  # the GUI thread only asked
        settle(qtbot, window)
        assert threads and threads[0] != threading.main_thread().name
        assert len(previews) == 1 and previews[0].plan.items
        assert window.ops.errors_shown == []
    finally:
        offices.team.close()
        offices.room.close()


def test_a_merge_runs_on_the_worker_and_every_part_follows(qtbot, today, tmp_path, monkeypatch) -> None:
    import threading

    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.dialogs import merge_preview
    from desktop.ui.dialogs.merge_preview import MergePreviewDialog
    from tests.services.exchange.twooffices import open_offices

    offices = open_offices(tmp_path / "offices")
    try:
        with offices.team.db.transaction() as s:
            s.scalars(select(Issue)).one().latest_progress = "专班：供电方案已批复"
        package = offices.send()
        window = open_window(qtbot, offices.room, today, tmp_path)
        threads: list[str] = []
        real = merge_preview.apply_merge
        monkeypatch.setattr(merge_preview, "apply_merge",
                            lambda *a: threads.append(threading.current_thread().name) or real(*a))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

        def merge(dialog: MergePreviewDialog) -> int:
            dialog.accept_all()
            dialog.accept()
            wait_for_dialog(dialog)
            return dialog.result()

        monkeypatch.setattr(MergePreviewDialog, "exec", merge)
        seen: list[Change] = []
        window.ops.changed.connect(seen.append)

        window.exchange_menu.import_package_dialog()
        settle(qtbot, window)
        assert threads and threads[0] != threading.main_thread().name
        assert any(c.everything for c in seen)  # the window re-read everything, without 刷新
        assert [r.latest_progress for r in window.issue_panel.model.all_rows()] == ["专班：供电方案已批复"]
        assert window.ops.errors_shown == []
    finally:
        offices.team.close()
        offices.room.close()


def test_a_restore_whose_reopen_fails_holds_nothing_and_offers_the_backups(qtbot, demo_workspace, today, tmp_path,
                                                                         monkeypatch) -> None:
    """`Ops.swap` when the reopen itself fails: no closed handle is kept, every part is told, the window says so
    in Chinese and offers the backups or exit; no operation runs until a restore opens the data again."""
    from desktop.ui import reliability_menu
    from desktop.workspace import WorkspaceError

    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    archive = backups.create_archive(demo_workspace.db.engine, demo_workspace.data_dir, tmp_path / "b.zip").path
    real_open = reliability_menu.open_workspace

    def unopenable(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise WorkspaceError("数据库文件被其他程序占用，无法打开")

    monkeypatch.setattr(reliability_menu, "open_workspace", unopenable)
    boxes: list[str] = []
    monkeypatch.setattr(reliability_menu.ReliabilityActions, "exec_box", lambda self, box: boxes.append(box.text()))
    seen: list[Change] = []
    window.ops.changed.connect(seen.append)
    window.reliability.restore_from(archive)
    qtbot.waitUntil(lambda: bool(boxes), timeout=60_000)
    settle(qtbot, window)

    assert not window.ops.holds and demo_workspace.db.engine.pool.checkedout() == 0
    assert seen == [Change(everything=True, replaced=True)]  # every part was told
    assert boxes == ["数据未能重新打开：数据库文件被其他程序占用，无法打开\n\n当前没有打开任何数据，不能进行任何操作。"
                     "可以从数据文件夹中最近的完好备份恢复，或退出程序（退出后可用 keyproj restore 从其他位置的备份恢复）。"]
    assert not window.form.menu_bar.isEnabled() and not window.form.issue_tool_bar.isEnabled()
    assert window.statusBar().currentMessage() == "数据未能重新打开，当前不能进行任何操作"
    assert window.first_screen_data() is None  # what is shown is not the data's content any more
    ran: list[object] = []
    refused: list[bool] = []
    window.ops.run(ran.append, on_broken=lambda: refused.append(True))  # nothing runs on the closed workspace
    qtbot.waitUntil(lambda: bool(refused))
    assert ran == [] and window.ops.errors_shown == []

    monkeypatch.setattr(reliability_menu, "open_workspace", real_open)  # the backup offered: restored, reopened
    window.reliability.restore_from(archive)
    qtbot.waitUntil(lambda: window.ops.holds, timeout=60_000)
    settle(qtbot, window)
    assert window.form.menu_bar.isEnabled() and window.issue_panel.model.rowCount() == 300
    with window.workspace.db.read() as s:
        assert len(s.scalars(select(Issue.id)).all()) == 300

    monkeypatch.setattr(reliability_menu, "open_workspace", unopenable)  # fails again: this time 退出程序
    monkeypatch.setattr(reliability_menu.ReliabilityActions, "exec_box",
                        lambda self, box: next(b for b in box.buttons() if "退出" in b.text()).click())
    window.reliability.restore_from(archive)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert not window.ops.holds
