"""文件 → 加密备份和数据包 and the restore of an encrypted backup, driven on real dialogs (issue 18): the
passphrase is set twice, the recovery sheet shows the one code that opens the key; the backup list says 已加密;
a wrong passphrase is said in the preview (checked on the worker, nothing closed) and the right one restores."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from desktop.app import create_application
from desktop.db.models import AppSetting, Issue
from desktop.services.backup import archive as backups
from desktop.services.encryption import office_key
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.main_window import MainWindow
from desktop.workspace import open_workspace
from tests.ui.helpers import restore, settle, wait_for_dialog, wait_loaded

PASSPHRASE = "区重点办口令2026"


def _window(qtbot, workspace, today, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application()
    window = MainWindow(workspace, today=today, settings=QSettings(str(tmp_path / "ui.ini"),
                                                                   QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def _switch_on(qtbot, window):  # type: ignore[no-untyped-def]
    assert "加密备份和数据包(&J)…" in [a.text() for a in window.form.file_menu.actions()]
    dialog = window.reliability.open_encryption_settings()
    qtbot.addWidget(dialog)
    wait_for_dialog(dialog)
    f = dialog.form
    assert f.status_label.text() == "当前：未开启加密。" and f.on_radio.isChecked()
    assert not f.current_edit.isEnabled() and f.passphrase_edit.isEnabled() and not f.off_radio.isEnabled()
    assert "一旦两者都遗忘" in f.warning_label.text()
    f.passphrase_edit.setText(PASSPHRASE)
    f.confirm_edit.setText(PASSPHRASE + "x")
    dialog._save()
    wait_for_dialog(dialog)
    assert "两次输入的加密口令不一致" in f.error_label.text() and dialog.result() != QDialog.DialogCode.Accepted
    f.confirm_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.ops.changed) as broadcast:
        dialog._save()
    assert broadcast.args[0].settings
    wait_for_dialog(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    sheet = dialog.sheet
    assert sheet is not None and sheet.isVisible()
    qtbot.addWidget(sheet)
    return sheet


def test_switching_on_shows_the_recovery_sheet_whose_code_opens_the_key(qtbot, demo_workspace, today,
                                                                       tmp_path) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    sheet = _switch_on(qtbot, window)
    text = sheet.form.sheet_edit.toPlainText()
    code = next(line.split("：", 1)[1] for line in text.splitlines() if line.startswith("恢复码："))
    with demo_workspace.db.read() as s:
        value = s.get(AppSetting, office_key.SETTING).value
        status = office_key.status(s)
    assert status.enabled and f"密钥指纹：{status.fingerprint}" in text
    office_key.unlock(value, code)  # the code printed is the code that opens the key
    assert code not in str(value)  # and it is not kept with the data
    assert sheet.document().toPlainText() == text  # what 打印 prints
    sheet.accept()
    window.ops.close()


def test_an_encrypted_backup_is_listed_as_such_and_restored_with_the_passphrase(qtbot, demo_workspace, today,
                                                                              tmp_path, monkeypatch) -> None:
    window = _window(qtbot, demo_workspace, today, tmp_path)
    _switch_on(qtbot, window).accept()
    dialog = window.reliability.open_backups()
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000) as written:
        assert dialog.backup_now(tmp_path / "加密备份")
    archive = written.args[0]
    assert backups.inspect_archive(archive).encrypted and "已加密" in dialog.form.status_label.text()
    with window.workspace.db.transaction() as s:
        s.execute(Issue.__table__.delete().where(Issue.id > 200))
    window.reload()
    settle(qtbot, window)

    answers, errors = ["不对的口令不对的口令", "", PASSPHRASE], []

    def answer(self) -> int:
        assert self.encrypted
        errors.append(self.form.error_label.text())
        while True:
            self.form.passphrase_edit.setText(answers.pop(0))
            self._accept()
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()
            errors.append(self.form.error_label.text())  # empty: asked again in the same preview

    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    restore(qtbot, window, archive, dialog)
    assert errors[0] == ""
    assert "加密口令不正确" in errors[1]  # the wrong one: checked on the worker, the preview shown again
    assert "此备份已加密，请输入" in errors[2]  # the empty one: refused in the dialog itself
    with window.workspace.db.read() as s:
        assert s.scalar(select(func.count(Issue.id))) == 300
    wait_loaded(qtbot, dialog)
    table = dialog.form.backups_table
    encrypted_rows = [r for r in range(table.rowCount()) if table.item(r, 2).text() == "已加密"]
    assert encrypted_rows  # the automatic 恢复前 backup is encrypted too, its counts not shown
    dialog.close()
    window.workspace.close()


def test_an_encrypted_package_is_opened_with_the_passphrase_asked_in_the_window(qtbot, tmp_path,
                                                                              monkeypatch) -> None:
    """导入数据包… on a package sealed to this office: the passphrase is asked, a wrong one comes back as the
    refusal (decrypted on the worker, nothing changed), the right one reaches the preview with the signature."""
    from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

    from desktop.services.exchange import trust
    from desktop.services.exchange.selection import ExportScope, ScopeKind
    from desktop.ui import exchange_menu
    from desktop.ui.dialogs.merge_preview import MergePreviewDialog
    from desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
    from desktop.ui.ops import Ops
    from tests.services.exchange.twooffices import open_offices, snapshot

    offices = open_offices(tmp_path)
    try:
        for ws in (offices.room, offices.team):
            with ws.db.transaction() as s:
                office_key.enable(s, PASSPHRASE, PASSPHRASE)
        trust.export_own_key(offices.room, tmp_path / "room.kpk")
        trust.register_peer(offices.team, tmp_path / "room.kpk")  # now with the room's encryption key
        package = offices.send("加密包.kpx", ExportScope(ScopeKind.ALL))
        create_application()
        parent = QMainWindow()
        qtbot.addWidget(parent)
        ops = Ops(offices.room, parent)
        menu = exchange_menu.ExchangeMenu(parent, ops, date.today(), QMenu(parent))
        typed = ["不对的口令不对的口令", PASSPHRASE]
        asked: list[str] = []

        def answer(self) -> int:
            asked.append(self.form.message_label.text())
            self.form.password_edit.setText(typed.pop(0))
            self._accept()
            return self.result()

        monkeypatch.setattr(PassphraseDialog, "exec", answer)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package), ""))
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
        shown: dict[str, object] = {}
        monkeypatch.setattr(MergePreviewDialog, "exec",
                            lambda self: shown.update(plan=self.plan, verdict=self.verdict) or 0)
        before = snapshot(offices.room)
        menu.import_package_dialog()
        qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
        assert "已加密给本单位" in asked[0] and "加密口令不正确" in warnings[0]
        assert snapshot(offices.room) == before
        menu.import_package_dialog()
        qtbot.waitUntil(lambda: "plan" in shown, timeout=20_000)
        assert shown["verdict"].trusted
        ops.pool.waitForDone()
    finally:
        offices.team.close()
        offices.room.close()


def test_at_start_a_damaged_database_offers_the_encrypted_backup_and_asks_its_passphrase(
        qtbot, demo_workspace, monkeypatch) -> None:
    """No window yet: the newest good backup is found without any secret; a wrong passphrase is said in the
    preview, which asks again; the right one restores."""
    from desktop.paths import database_file
    from desktop.ui import startup

    with demo_workspace.db.transaction() as s:
        office_key.enable(s, PASSPHRASE, PASSPHRASE)
    archive = backups.automatic_backup(demo_workspace.db, demo_workspace.data_dir, backups.Reason.DAILY).path
    demo_workspace.close()
    database_file(demo_workspace.data_dir).write_bytes(b"\0" * 4096)
    create_application()
    typed, errors = ["错的口令错的口令", PASSPHRASE], []

    def answer(self) -> int:
        errors.append(self.form.error_label.text())
        assert self.form.passphrase_edit.isVisibleTo(self) and "已加密（密钥指纹" in self.form.contents_edit.toPlainText()
        self.form.passphrase_edit.setText(typed.pop(0))
        self._accept()
        return self.result()

    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    assert startup.offer_recovery(demo_workspace.data_dir, "数据库已损坏", None, operator="测试员")
    assert errors[0] == "" and "加密口令不正确" in errors[1] and not typed
    ws = open_workspace(demo_workspace.data_dir, operator="测试员")
    try:
        with ws.db.read() as s:
            assert s.scalar(select(func.count(Issue.id))) == 300
    finally:
        ws.close()
    assert archive.exists()
