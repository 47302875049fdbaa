"""The export dialog writes a package for the chosen scope; the history dialog lists it and undoes a merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.services.exchange.package import read_package
from desktop.ui.dialogs.exchange_export import ExchangeExportDialog
from desktop.ui.dialogs.exchange_history import ExchangeHistoryDialog
from desktop.ui.ops import Ops
from tests.services.exchange.twooffices import ROOM, TEAM, open_offices, snapshot
from tests.ui.helpers import wait_for_dialog, wait_loaded


@pytest.fixture
def offices(tmp_path: Path):
    pair = open_offices(tmp_path)
    yield pair
    pair.team.close()
    pair.room.close()


def test_export_dialog_writes_task_force_package(qtbot, offices, tmp_path: Path) -> None:
    dialog = ExchangeExportDialog(Ops(offices.team))
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)  # read on the worker
    assert dialog.form.office_name_edit.text() == TEAM
    dialog.form.recipient_combo.setEditText(ROOM)
    dialog.form.scope_combo.setCurrentIndex(dialog.form.scope_combo.findData("task_force"))
    wait_loaded(qtbot, dialog)  # its targets are read on the worker
    assert dialog.form.target_combo.currentText() == TEAM and dialog.form.target_combo.isEnabled()
    target = tmp_path / "发调度室.kpx"
    dialog.form.file_edit.setText(str(target))
    dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_for_dialog(dialog)  # written on the worker

    assert dialog.result() == dialog.DialogCode.Accepted
    package = read_package(target)
    assert package.manifest["scope"]["ref_name"] == TEAM and package.manifest["recipient"] == ROOM


def test_history_dialog_lists_and_undoes(qtbot, offices, monkeypatch) -> None:
    before = snapshot(offices.room)
    offices.receive(offices.send())
    ops = Ops(offices.room)
    dialog = ExchangeHistoryDialog(ops)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)  # read on the worker
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in (1, 2)] == ["收到并合并", TEAM]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(ops.changed) as broadcast:  # the undo runs on the worker, then says what changed
        dialog.form.undo_button.click()
    assert broadcast.args[0].everything
    wait_loaded(qtbot, dialog)
    assert dialog.data_changed and snapshot(offices.room) == before
    assert dialog.model.index(0, 1).data() == "撤销合并" and not dialog.form.undo_button.isEnabled()


def test_export_dialog_seals_for_an_encrypting_pair_and_refuses_or_goes_plain_otherwise(
        qtbot, offices, tmp_path: Path, monkeypatch) -> None:
    """导出数据包… with 加密备份和数据包 on: refused (nothing written) while the room handed over no encryption key,
    written plain only with 不加密 ticked; sealed once the room's new .kpk is registered."""
    from desktop.services.encryption import office_key, sealed
    from desktop.services.exchange import trust

    with offices.team.db.transaction() as s:
        office_key.enable(s, "专班的加密口令2026", "专班的加密口令2026")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))

    def export(name: str, *, plain: bool = False) -> Path:
        dialog = ExchangeExportDialog(Ops(offices.team))
        qtbot.addWidget(dialog)
        wait_loaded(qtbot, dialog)
        dialog.form.recipient_combo.setEditText(ROOM)
        target = tmp_path / name
        dialog.form.file_edit.setText(str(target))
        dialog.form.plain_check.setChecked(plain)
        dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        wait_for_dialog(dialog)
        return target

    refused = export("refused.kpx")
    assert not refused.exists() and "没有加密公钥" in warnings[-1] and "勾选“不加密”" in warnings[-1]
    assert export("plain.kpx", plain=True).read_bytes().startswith(b"PK")
    with offices.room.db.transaction() as s:
        office_key.enable(s, "调度室的加密口令2026", "调度室的加密口令2026")
    trust.export_own_key(offices.room, tmp_path / "room.kpk")
    trust.register_peer(offices.team, tmp_path / "room.kpk")
    assert export("sealed.kpx").read_bytes().startswith(sealed.MAGIC)
