"""The reliability dialogs driven like a user would: backups and restore from the 文件 menu, the 操作日志, the
operator name, the password and idle lock, the server settings, and the damaged-database start-up path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from desktop.app import create_application
from desktop.db.models import AuditLog, Issue, Unit
from desktop.paths import database_file
from desktop.services import app_lock
from desktop.services.backup import archive as backups
from desktop.ui import startup
from desktop.ui.dialogs.lock_dialogs import LockSettingsDialog
from desktop.ui.dialogs.operator_dialog import OperatorDialog, ask_operator, saved_operator
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.dialogs.server_dialog import ServerDialog
from desktop.ui.dialogs.server_dialog import load as load_server
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import restore, settle, wait_for_dialog, wait_loaded


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _window(qtbot, workspace, today, tmp_path) -> MainWindow:
    create_application()
    window = MainWindow(workspace, today=today, settings=_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)  # its data is read on the worker
    return window


@pytest.fixture
def accept_previews(monkeypatch):
    shown: list[str] = []

    def accept(self) -> int:
        shown.append(self.form.title_label.text() + "\n" + self.form.contents_edit.toPlainText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", accept)
    return shown


def _issues(ws) -> int:
    with ws.db.read() as s:
        return s.scalar(select(func.count(Issue.id)))


def test_file_menu_has_the_reliability_entries(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    texts = [a.text() for a in window.form.file_menu.actions()]
    for wanted in ("备份与恢复(&B)…", "操作日志(&L)…", "更改操作人(&O)…", "密码锁(&P)…", "数据库服务器(&S)…"):
        assert wanted in texts
    assert texts[-1] == window.form.quit_action.text()


def test_backup_now_then_restore_after_seeing_contents(qtbot, demo_workspace, today, tmp_path,
                                                       accept_previews) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    dialog = window.reliability.open_backups()
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000) as written:  # written on the worker
        assert dialog.backup_now(tmp_path / "手动备份")
    target = written.args[0]
    assert target == dialog.last_backup == tmp_path / "手动备份.zip" and target.exists()
    settle(qtbot, window)
    with window.workspace.db.transaction() as s:
        s.execute(Issue.__table__.delete().where(Issue.id > 200))
    window.reload()
    settle(qtbot, window)
    assert window.issue_panel.model.rowCount() == 200

    restore(qtbot, window, target, dialog)  # checked, made and re-read on the worker

    assert "问题：300" in accept_previews[0] and "备份时间" in accept_previews[0]
    assert window.workspace is not demo_workspace and _issues(window.workspace) == 300
    assert window.issue_panel.model.rowCount() == 300
    assert window.workspace.db.operator == "测试员"
    wait_loaded(qtbot, dialog)  # the list is read again on the worker, from the restored workspace
    assert dialog.form.backups_table.rowCount() >= 1  # the automatic 恢复前 backup is listed
    reasons = {dialog.form.backups_table.item(r, 1).text() for r in range(dialog.form.backups_table.rowCount())}
    assert "恢复前" in reasons
    dialog.close()
    window.workspace.close()


def test_mirror_folder_setting(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    dialog = window.reliability.open_backups()
    wait_loaded(qtbot, dialog)
    dialog.set_mirror(demo_workspace.backups_dir)
    assert "不能与数据文件夹的 backups 相同" in dialog.form.status_label.text()
    with qtbot.waitSignal(window.ops.changed) as broadcast:  # set on the worker, then said
        dialog.set_mirror(tmp_path / "usb")
    assert broadcast.args[0].settings
    wait_loaded(qtbot, dialog)
    assert dialog.form.mirror_edit.text() == str(tmp_path / "usb")
    assert backups.mirror_folder(demo_workspace.db) == tmp_path / "usb"
    dialog.close()


def test_audit_log_view_filters_and_pages_read_only(qtbot, qtmodeltester, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    dialog = window.reliability.open_audit_log()
    qtbot.addWidget(dialog)
    assert dialog.loading  # the filters and the first page are read on the worker
    wait_loaded(qtbot, dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert dialog.total > 1000 and model.rowCount() == 200
    assert dialog.form.next_button.isEnabled() and not dialog.form.previous_button.isEnabled()
    first_page = model.index(0, 0).data()
    qtbot.mouseClick(dialog.form.next_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert dialog.offset == 200 and dialog.form.previous_button.isEnabled()
    assert not model.flags(model.index(0, 6)) & Qt.ItemFlag.ItemIsEditable
    dialog.form.entity_combo.setCurrentIndex(dialog.form.entity_combo.findText("重点项目"))
    wait_loaded(qtbot, dialog)
    assert dialog.offset == 0 and all(model.index(r, 3).data() == "重点项目" for r in range(model.rowCount()))
    dialog.form.text_edit.setText("不存在的内容xyz")
    qtbot.mouseClick(dialog.form.search_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert model.rowCount() == 0 and "共 0 条" in dialog.form.page_label.text()
    assert first_page


def test_operator_is_asked_once_and_changeable(qtbot, demo_workspace, today, tmp_path, monkeypatch) -> None:
    settings = _settings(tmp_path)
    dialog = OperatorDialog()
    qtbot.addWidget(dialog)
    dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "操作人姓名" in dialog.form.error_label.text() and dialog.result() == 0

    def fill(self) -> int:
        self.form.name_edit.setText("  王主任 ")
        self._accept()
        return self.result()

    monkeypatch.setattr(OperatorDialog, "exec", fill)
    assert ask_operator(settings) == "王主任" and saved_operator(settings) == "王主任"
    monkeypatch.setattr(OperatorDialog, "exec", lambda self: pytest.fail("asked again"))
    assert ask_operator(settings) == "王主任"

    window = _window(qtbot, demo_workspace, today, tmp_path)
    monkeypatch.setattr(OperatorDialog, "exec", lambda self: (self.form.name_edit.setText("赵科员"),
                                                              self._accept(), self.result())[2])
    window.reliability.change_operator()  # the list is read on the worker, then the dialog asks
    settle(qtbot, window)  # and the name is set there, in order with the writes
    assert window.workspace.db.operator == "赵科员"
    assert window.statusBar().currentMessage().startswith("操作人已改为：赵科员")


def test_password_lock_settings_and_idle_lock(qtbot, demo_workspace, today, tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    assert not window.reliability.idle_lock._filtering  # no password: no application-wide event filter
    dialog = LockSettingsDialog(window.ops, window)
    qtbot.addWidget(dialog)
    wait_for_dialog(dialog)
    assert not dialog.form.current_edit.isEnabled()  # no password yet: nothing to give
    dialog.form.password_edit.setText("abc123456")
    dialog.form.confirm_edit.setText("abc12345")
    dialog._save()
    assert dialog.link.pending and not dialog.form.password_edit.isEnabled()  # on the worker; input held
    wait_for_dialog(dialog)
    assert "两次输入的密码不一致" in dialog.form.error_label.text()
    assert dialog.form.password_edit.isEnabled() and not dialog.form.current_edit.isEnabled()
    dialog.form.confirm_edit.setText("abc123456")
    dialog.form.idle_spin.setValue(5)
    with qtbot.waitSignal(window.ops.changed) as broadcast:
        dialog._save()
    assert broadcast.args[0].settings
    wait_for_dialog(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    lock = window.reliability.idle_lock
    lock.reconfigure()
    settle(qtbot, window)
    assert lock.timer.isActive() and lock.timer.interval() == 5 * 60_000 and lock._filtering

    lock.timer.setInterval(10_000)
    lock.timer.start()
    qtbot.keyClick(window.issue_panel, Qt.Key.Key_Down)
    assert lock.timer.remainingTime() > 9_000  # activity restarted the countdown

    seen: dict[str, object] = {}

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        seen["hidden"] = not window.centralWidget().isVisible()
        modal.form.password_edit.setText("wrong-one")
        modal._check()  # checked on the worker
        wait_for_dialog(modal)
        seen["error"] = modal.form.error_label.text()
        modal.form.password_edit.setText("abc123456")
        modal._check()

    QTimer.singleShot(50, answer)
    lock.lock()
    assert seen["hidden"] is True and "不正确" in str(seen["error"])
    assert window.centralWidget().isVisible() and not lock.locked


def test_start_up_asks_password_when_set(qtbot, demo_workspace) -> None:
    create_application()
    with demo_workspace.db.transaction() as s:
        app_lock.set_password(s, "secret99", "secret99", 0)

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        modal.form.password_edit.setText("secret99")
        modal._check()

    QTimer.singleShot(50, answer)
    assert startup.unlock(demo_workspace)


def test_server_settings_keep_no_password(qtbot, tmp_path) -> None:
    create_application()
    settings = _settings(tmp_path)
    dialog = ServerDialog(settings)
    qtbot.addWidget(dialog)
    dialog.form.use_server_check.setChecked(True)
    dialog._save()
    assert "「服务器地址」：请填写" in dialog.form.error_label.text()
    dialog.form.host_edit.setText("192.168.1.20")
    dialog.form.user_edit.setText("bgs")
    dialog._save()
    server = load_server(settings)
    assert server.enabled and server.url("p@ss") == "postgresql+psycopg://bgs:p%40ss@192.168.1.20:5432/keyproj"
    assert "p@ss" not in (tmp_path / "ui.ini").read_text(encoding="utf-8")


def test_damaged_database_at_start_offers_newest_good_backup(qtbot, demo_workspace, tmp_path,
                                                             accept_previews) -> None:
    create_application()
    ws = demo_workspace
    backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY)
    data_dir = ws.data_dir
    ws.close()
    db_file = database_file(data_dir)
    with open(db_file, "r+b") as f:  # overwrite pages in the middle of the file, as a bad sector would
        f.seek(8192)
        f.write(b"\x00\xff" * 16384)
    opened = startup.open_guarded(data_dir, None, "测试员")
    assert opened is not None
    try:
        assert "问题：300" in accept_previews[0]
        assert _issues(opened) == 300
        with opened.db.read() as s:  # the restore is in the 操作日志 under the person at the window
            step = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert (step.action, step.operator) == ("restore", "测试员")
    finally:
        opened.close()


def test_missing_database_with_backups_is_not_silently_started_empty(qtbot, demo_workspace, tmp_path,
                                                                     accept_previews) -> None:
    create_application()
    ws = demo_workspace
    backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY)
    data_dir = ws.data_dir
    ws.close()
    for f in data_dir.glob("keyproj.sqlite3*"):
        f.unlink()
    opened = startup.open_guarded(data_dir, None, "测试员")
    assert opened is not None
    try:
        assert len(accept_previews) == 1 and _issues(opened) == 300
    finally:
        opened.close()



def test_zero_byte_database_offers_the_newest_good_backup_and_names_the_bad_one(qtbot, demo_workspace, tmp_path,
                                                                               accept_previews) -> None:
    from datetime import datetime, timedelta

    create_application()
    ws = demo_workspace
    good = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY).path
    bad = backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.MANUAL,
                                   now=datetime.now() + timedelta(minutes=5)).path
    bad.write_bytes(bad.read_bytes()[:4000])
    data_dir = ws.data_dir
    ws.close()
    for side in data_dir.glob("keyproj.sqlite3-*"):
        side.unlink()
    database_file(data_dir).write_bytes(b"")
    opened = startup.open_guarded(data_dir, None, "测试员")
    assert opened is not None
    try:
        assert len(accept_previews) == 1
        shown = accept_previews[0]
        assert "空的（0 字节" in shown and f"已跳过损坏的备份 {bad.name}" in shown
        assert f"找到最近的完好备份 {good.name}" in shown and "问题：300" in shown
        assert _issues(opened) == 300
    finally:
        opened.close()


def test_zero_byte_database_declined_restore_and_new_database_refused_keeps_the_file(qtbot, demo_workspace,
                                                                                    monkeypatch) -> None:
    create_application()
    ws = demo_workspace
    backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY)
    data_dir = ws.data_dir
    ws.close()
    for side in data_dir.glob("keyproj.sqlite3-*"):
        side.unlink()
    database_file(data_dir).write_bytes(b"")
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: (asked.append(text), QMessageBox.StandardButton.No)[1])
    assert startup.open_guarded(data_dir, None, "测试员") is None
    assert asked and "新建一个空的数据库" in asked[0]
    assert database_file(data_dir).stat().st_size == 0


def test_damaged_text_in_the_window_names_the_table_and_offers_the_backup(qtbot, demo_workspace, tmp_path,
                                                                         accept_previews, monkeypatch) -> None:
    """A row whose text no longer decodes passes the start-up check; the window's load meets it. It must say in
    Chinese which table is damaged and offer the newest good backup, never SQLite's English error."""
    from desktop.db.models import Issue as IssueModel
    from tests.reliability.damage import flip_inside_text

    create_application()
    ws = demo_workspace
    backups.automatic_backup(ws.db, ws.data_dir, backups.Reason.DAILY)
    with ws.db.read() as s:
        newest = s.scalar(select(func.max(IssueModel.id)))
    data_dir = ws.data_dir
    ws.close()
    flip_inside_text(database_file(data_dir), "issue", "description", newest)
    boxes: list[str] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: boxes.append(text))
    damaged = startup.open_guarded(data_dir, None, "测试员")  # quick_check passes: the page structure is intact
    assert damaged is not None
    window = MainWindow(damaged, settings=_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ops.changed, timeout=30_000):  # the restore replaces the workspace
        pass
    assert len(accept_previews) == 1, boxes
    shown = accept_previews[0]
    assert f"「问题」表（issue）第 {newest} 行的 description 字段" in shown and "找到最近的完好备份" in shown
    assert "decode" not in shown.lower() and not any("decode" in b.lower() for b in boxes)
    assert _issues(window.ops.workspace) == 300
    with window.ops.db.read() as s:
        assert "\ufffd" not in s.get(IssueModel, newest).description
    window.close()


def test_first_start_asks_the_operator_and_records_it(qtbot, tmp_path, monkeypatch) -> None:
    import argparse

    from desktop import app as app_module
    from desktop.db.models import AuditLog

    create_application()
    ini = tmp_path / "first.ini"
    monkeypatch.setattr(app_module, "QSettings", lambda: QSettings(str(ini), QSettings.Format.IniFormat))
    monkeypatch.setattr(OperatorDialog, "exec", lambda self: (self.form.name_edit.setText("李四"),
                                                              self._accept(), self.result())[2])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    seen: list[str] = []

    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.complete:
                seen.append(widget.workspace.db.operator)
                with widget.workspace.db.transaction() as s:
                    s.add(Unit(name="区住建局"))
                widget.close()

    timer = QTimer()
    timer.timeout.connect(close_window)
    timer.start(100)
    assert app_module.run_gui(argparse.Namespace(data_dir=tmp_path / "data")) == 0
    timer.stop()
    assert seen == ["李四"] and saved_operator(QSettings(str(ini), QSettings.Format.IniFormat)) == "李四"
    from desktop.workspace import open_workspace

    ws = open_workspace(tmp_path / "data")
    try:
        with ws.db.read() as s:
            assert s.scalars(select(AuditLog.operator).where(AuditLog.entity == "unit")).all() == ["李四"]
    finally:
        ws.close()


def test_operator_dialog_refuses_names_that_imitate_system_notes(qtbot, tmp_path) -> None:
    dialog = OperatorDialog()
    qtbot.addWidget(dialog)
    ok = dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
    for name, said in [("李四（合并「某专班」数据包）", "括号或引号"), ("王\t五", "控制字符")]:
        dialog.form.name_edit.setText(name)
        ok.click()
        assert dialog.result() == 0 and said in dialog.form.error_label.text()
    assert dialog.form.name_edit.maxLength() == 20
    dialog.form.name_edit.setText("王五")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.name() == "王五"
    settings = _settings(tmp_path)
    settings.setValue("operator/name", "张三（合并「某专班」数据包）")  # saved by an older version
    assert saved_operator(settings) == ""  # so the user is asked again


def test_audit_log_shows_a_restore_and_the_changes_it_took_back(qtbot, workspace, today, tmp_path) -> None:
    with workspace.db.transaction() as s:
        s.add(Unit(name="区住建局"))
    archive = backups.create_archive(workspace.db.engine, workspace.data_dir, tmp_path / "b.zip").path
    with workspace.db.transaction() as s:
        s.scalars(select(Unit)).one().name = "区住房和城乡建设局"
    window = _window(qtbot, workspace, today, tmp_path)
    with qtbot.waitSignal(window.ops.changed, timeout=60_000):  # made on the worker, then broadcast
        window.reliability.restore_from(archive)
    dialog = window.reliability.open_audit_log()
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    rows = [[dialog.model.index(r, c).data() for c in range(8)] for r in range(dialog.model.rowCount())]
    assert rows[0][1:6] == ["测试员", "恢复备份", "数据库", "", "备份文件"] and "b.zip" in rows[0][7]
    assert rows[1][1:] == ["测试员", "修改（已撤回）", "单位", "1", "名称", "区住建局", "区住房和城乡建设局"]
    assert rows[2][2] == "新增"
    dialog.close()
    window.ops.close()


def test_password_dialog_slows_down_after_five_failures(qtbot, demo_workspace) -> None:
    """Five wrong passwords: OK and the field go off with a countdown; the dialog says it locks the window, not
    that it protects the data."""
    from desktop.ui.dialogs.lock_dialogs import PasswordDialog
    from desktop.ui.ops import Ops

    create_application()
    with demo_workspace.db.transaction() as s:
        app_lock.set_password(s, "secret99", "secret99", 0)
    ops = Ops(demo_workspace)
    try:
        dialog = PasswordDialog(ops)
        qtbot.addWidget(dialog)
        assert "窗口已锁定" in dialog.form.message_label.text() and "不加密数据文件" in dialog.form.message_label.text()
        assert "为保护数据" not in dialog.form.message_label.text()
        ok = dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
        for n in range(1, 6):
            dialog.form.password_edit.setText("wrong-one")
            dialog._check()
            wait_for_dialog(dialog)
            assert f"已连续错误 {n} 次" in dialog.form.error_label.text()
        assert not ok.isEnabled() and not dialog.form.password_edit.isEnabled()
        assert "请 5 秒后再试" in dialog.form.error_label.text() and dialog.countdown.isActive()
        qtbot.waitUntil(lambda: "请 4 秒后再试" in dialog.form.error_label.text(), timeout=3_000)
        assert app_lock.failures(demo_workspace.data_dir)[0] == 5  # counted beside the data, as the CLI counts
        qtbot.waitUntil(lambda: ok.isEnabled(), timeout=8_000)
        assert app_lock.seconds_to_wait(demo_workspace.data_dir) == 0
        assert "现在可以再试" in dialog.form.error_label.text()
        dialog.form.password_edit.setText("secret99")
        dialog._check()
        wait_for_dialog(dialog)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert app_lock.failures(demo_workspace.data_dir)[0] == 0
    finally:
        ops.pool.waitForDone()
        ops.deleteLater()


def test_window_runs_the_full_check_when_due_and_offers_the_backup_on_damage(qtbot, demo_workspace, today,
                                                                           tmp_path) -> None:
    """Due (never made, or after a crash): the full check runs on the worker; a pass is a status-bar line, a
    flipped byte in an issue text (which the start-up quick_check misses) goes to the backup offer."""
    from desktop.services.backup import full_check
    from desktop.ui.startup import start_full_check
    from desktop.workspace import open_workspace
    from tests.reliability.damage import flip_inside_text

    folder = demo_workspace.data_dir
    window = _window(qtbot, demo_workspace, today, tmp_path)
    settle(qtbot, window)
    assert start_full_check(window, folder) == "还没有做过完整检查"
    qtbot.waitUntil(lambda: "完整性检查通过" in window.statusBar().currentMessage(), timeout=20_000)
    assert start_full_check(window, folder) == full_check.AFTER_CRASH  # no normal exit in between
    settle(qtbot, window)
    full_check.end_session(folder)
    assert start_full_check(window, folder) is None  # checked this week, exited normally
    full_check.end_session(folder)

    with demo_workspace.db.read() as s:
        issue_id = s.scalars(select(Issue.id).order_by(Issue.id.desc())).first()
    settle(qtbot, window)
    window.ops.workspace.close()  # nothing runs on the worker now: the file is damaged behind the window's back
    flip_inside_text(database_file(folder), "issue", "description", issue_id)
    window.ops._workspace = open_workspace(folder, operator="测试员")  # behind its back; the open's quick check passes
    offered: list[str] = []
    window.ops.damage_handler = offered.append
    (folder / full_check.STATE_FILE).write_text('{"running": true}', encoding="utf-8")  # the last run crashed
    assert start_full_check(window, folder) == full_check.AFTER_CRASH
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    assert "完整性检查（上次程序没有正常退出）发现数据库已损坏" in offered[0] and f"第 {issue_id} 行" in offered[0]


def test_operator_is_chosen_from_the_office_list_and_a_new_one_added_explicitly(qtbot, demo_workspace, today,
                                                                               tmp_path) -> None:
    """The names are a list kept with the data: picking one switches; typing a name not on it is refused until
    添加 is ticked, and the addition is a row of the 操作日志."""
    from desktop.services import operators
    from desktop.ui.dialogs.operator_dialog import choose_operator

    with demo_workspace.db.transaction() as s:
        operators.add(s, "王主任")
        operators.add(s, "赵科员")
    window = _window(qtbot, demo_workspace, today, tmp_path)
    settle(qtbot, window)
    answers: list[str] = []

    def pick(self) -> int:
        assert self.form.known_combo.isVisibleTo(self) and self.form.known_combo.count() == 3
        self.form.known_combo.setCurrentIndex(2)
        self.form.known_combo.activated.emit(2)
        self._accept()
        return self.result()

    def type_new(self) -> int:
        self.form.name_edit.setText("钱科员")
        self._accept()
        answers.append(self.form.error_label.text())  # refused: not on the list, 添加 not ticked
        self.form.add_check.setChecked(True)
        self._accept()
        return self.result()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OperatorDialog, "exec", pick)
        window.reliability.change_operator()
        settle(qtbot, window)
        assert window.workspace.db.operator == "赵科员"
        patch.setattr(OperatorDialog, "exec", type_new)
        window.reliability.change_operator()
        settle(qtbot, window)
    assert "不在本单位的操作人名单中" in answers[0]
    assert window.workspace.db.operator == "钱科员"
    with demo_workspace.db.read() as s:
        assert operators.names(s) == ["王主任", "赵科员", "钱科员"]
        added = s.scalars(select(AuditLog).where(AuditLog.field == "operators").order_by(AuditLog.id.desc())).first()
    assert added.operator == "钱科员" and "钱科员" in added.new_value and "钱科员" not in added.old_value
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(OperatorDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        assert choose_operator(_settings(tmp_path), ["王主任"]) is None


def test_start_up_admits_only_a_listed_operator(qtbot, demo_workspace, tmp_path, monkeypatch) -> None:
    from desktop.services import operators

    create_application()
    settings = _settings(tmp_path)
    assert startup.admit_operator(demo_workspace, settings)  # an empty list starts with the first name
    with demo_workspace.db.read() as s:
        assert operators.names(s) == ["测试员"]
    demo_workspace.db.operator = "冒名者"
    monkeypatch.setattr(OperatorDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not startup.admit_operator(demo_workspace, settings)  # not listed, and the user cancels: no start
    monkeypatch.setattr(OperatorDialog, "exec", lambda self: (
        self.form.known_combo.setCurrentIndex(1), self.form.known_combo.activated.emit(1), self._accept(),
        self.result())[3])
    assert startup.admit_operator(demo_workspace, settings)
    assert demo_workspace.db.operator == "测试员"
    with demo_workspace.db.read() as s:
        assert operators.names(s) == ["测试员"]


def test_lock_settings_count_wrong_current_passwords_too(qtbot, demo_workspace, today, tmp_path) -> None:
    """Guessing through 密码锁 settings is slowed down like the unlock prompt (one count beside the data)."""
    with demo_workspace.db.transaction() as s:
        app_lock.set_password(s, "secret99", "secret99", 0)
    window = _window(qtbot, demo_workspace, today, tmp_path)
    for n in range(1, 7):
        dialog = LockSettingsDialog(window.ops, window)
        qtbot.addWidget(dialog)
        wait_for_dialog(dialog)
        dialog.form.current_edit.setText("guess")
        dialog.form.remove_check.setChecked(True)
        dialog._save()
        wait_for_dialog(dialog)
        expected = "不正确" if n <= 5 else "已连续输错 5 次"
        assert expected in dialog.form.error_label.text(), (n, dialog.form.error_label.text())
    assert app_lock.failures(demo_workspace.data_dir)[0] == 5
    with demo_workspace.db.read() as s:
        assert app_lock.settings(s).enabled
