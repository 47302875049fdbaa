"""Exchange trust in the window, on two real databases: a package from an unregistered office is previewed with its
warning and 合并 stays disabled until the user confirms (that choice is logged); 全部冲突采用对方 never accepts a
deletion; 本单位公钥… and 登记对方公钥… pair the offices, the fingerprint confirmed before anything is stored."""

from __future__ import annotations

import itertools
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMainWindow, QMenu, QMessageBox
from sqlalchemy import func, select

from desktop.db.models import AuditLog, ExchangePeerKey, Issue, IssueNote
from desktop.services.exchange import keys, trust
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import ItemKind
from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.dialogs.peer_key import PeerKeyDialog
from desktop.ui.exchange_menu import ExchangeMenu
from desktop.ui.ops import Ops
from tests.services.exchange.twooffices import Offices, open_offices, snapshot
from tests.ui.helpers import wait_for_dialog


@pytest.fixture
def unpaired(tmp_path: Path):
    pair = open_offices(tmp_path, paired=False)
    yield pair
    pair.team.close()
    pair.room.close()


@pytest.fixture
def paired(tmp_path: Path):
    pair = open_offices(tmp_path)
    yield pair
    pair.team.close()
    pair.room.close()


def _ok(dialog) -> object:  # type: ignore[no-untyped-def]
    return dialog.form.button_box.button(QDialogButtonBox.StandardButton.Ok)


def test_unregistered_sender_is_warned_and_needs_explicit_acceptance(qtbot, unpaired: Offices) -> None:
    package = read_package(unpaired.send())
    with unpaired.room.db.read() as s:
        verdict = trust.assess(s, package)
    assert verdict.level is trust.Level.UNKNOWN_KEY
    before = snapshot(unpaired.room)
    dialog = MergePreviewDialog(Ops(unpaired.room), package, preview(unpaired.room, package), verdict=verdict)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "警告：来源未确认" in dialog.form.trust_label.text() and "尚未在本单位登记" in dialog.form.trust_label.text()
    assert dialog.form.accept_untrusted_check.isVisible() and not _ok(dialog).isEnabled()
    dialog.accept()  # Enter with 合并 disabled: nothing happens
    assert dialog.merge_result is None and snapshot(unpaired.room) == before

    dialog.form.accept_untrusted_check.setChecked(True)
    assert _ok(dialog).isEnabled()
    _ok(dialog).click()
    wait_for_dialog(dialog)  # merged on the worker
    assert dialog.merge_result is not None and dialog.merge_result.counts["new"] > 0
    with unpaired.room.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.field == "accept_unsigned")).all()
    assert len(rows) == 1 and "现代服务业专班" in rows[0].new_value and rows[0].operator == "调度室李四"


def test_registered_sender_is_named_and_accept_all_leaves_deletions_unchecked(qtbot, paired: Offices) -> None:
    paired.receive(paired.send())
    with paired.team.db.transaction() as s:
        s.delete(s.scalars(select(IssueNote)).one())
        s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(paired.issue_uuid))).one().latest_progress = "专班"
    with paired.room.db.transaction() as s:
        s.scalars(select(Issue)).one().latest_progress = "调度室"
    package = read_package(paired.send("2.kpx"))
    plan = preview(paired.room, package)
    dialog = MergePreviewDialog(Ops(paired.room), package, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "签名已验证：来自已登记的「现代服务业专班」" in dialog.form.trust_label.text()
    assert not dialog.form.accept_untrusted_check.isVisible() and _ok(dialog).isEnabled()

    dialog.form.accept_all_button.click()
    (deletion,) = plan.of_kind(ItemKind.DELETE)
    assert (paired.issue_uuid, "latest_progress") in plan.decisions
    assert all(key not in plan.decisions for key in deletion.decision_keys())
    _ok(dialog).click()
    wait_for_dialog(dialog)  # merged on the worker
    with paired.room.db.read() as s:
        assert s.scalar(select(func.count(IssueNote.id))) == 1  # the deleted note is still here
        assert s.scalars(select(Issue)).one().latest_progress == "专班"


def test_key_menu_actions_export_and_register(qtbot, unpaired: Offices, tmp_path: Path, monkeypatch) -> None:
    menus = []
    for ws in (unpaired.team, unpaired.room):
        window = QMainWindow()  # the dialogs' parent; the menu is given `Ops`, never the window
        qtbot.addWidget(window)
        menus.append(ExchangeMenu(window, Ops(ws, window), date.today(), QMenu(window)))
    team_window, room_window = menus
    idle = lambda menu: qtbot.waitUntil(lambda: not menu.ops.busy())  # noqa: E731
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append("警告" + text))
    target = tmp_path / "专班公钥"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    team_window.export_key_dialog()
    idle(team_window)  # written on the worker
    fingerprint = trust.own_key(unpaired.team).fingerprint
    kpk = target.with_suffix(keys.KEY_SUFFIX)
    assert kpk.is_file() and fingerprint in shown[-1]

    seen: dict[str, object] = {}

    def confirm(dialog: PeerKeyDialog) -> int:
        seen["fingerprint"] = dialog.form.fingerprint_label.text()
        seen["enabled_before"] = dialog.ok_button.isEnabled()
        dialog.form.name_edit.setText("服务业专班")
        dialog.form.confirm_check.setChecked(True)
        seen["enabled_after"] = dialog.ok_button.isEnabled()
        return 1

    monkeypatch.setattr(PeerKeyDialog, "exec", confirm)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(kpk), ""))
    room_window.register_key_dialog()
    idle(room_window)  # registered on the worker
    assert seen == {"fingerprint": fingerprint, "enabled_before": False, "enabled_after": True}
    assert "已登记「服务业专班」" in shown[-1]
    with unpaired.room.db.read() as s:
        assert [p.name for p in s.scalars(select(ExchangePeerKey))] == ["服务业专班"]
        logged = s.scalars(select(AuditLog).where(AuditLog.entity == "exchange_peer_key")).one()
    assert fingerprint in logged.new_value and logged.operator == "调度室李四"

    room_window.register_key_dialog()  # the same file again
    idle(room_window)
    assert shown[-1].startswith("警告") and "无需重复登记" in shown[-1]


def test_import_menu_verifies_on_the_worker_behind_a_progress_bar(qtbot, paired: Offices, tmp_path: Path,
                                                                  monkeypatch) -> None:
    """导入数据包…: hashing, the row stream and the comparison run on the window's worker (a 76 MB package takes
    seconds), with progress reports up to 100 %; a broken package is refused in Chinese from there too."""
    from desktop.ui.ops_progress import OpsRunner

    parent = QMainWindow()
    qtbot.addWidget(parent)
    window = ExchangeMenu(parent, Ops(paired.room, parent), date.today(), QMenu(parent))
    target = paired.send()
    reports: list[tuple[int, int]] = []
    labels: list[str] = []
    real = OpsRunner._on_progress

    def watch(self, done: int, total: int) -> None:  # type: ignore[no-untyped-def]
        reports.append((done, total))
        real(self, done, total)
        if self._dialog is not None:
            labels.append(self._dialog.labelText())

    monkeypatch.setattr(OpsRunner, "_on_progress", watch)
    shown: dict[str, object] = {}
    monkeypatch.setattr(MergePreviewDialog, "exec", lambda self: shown.update(plan=self.plan) or 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.import_package_dialog()
    assert "plan" not in shown  # the GUI thread went on at once: the worker verifies
    qtbot.waitUntil(lambda: "plan" in shown, timeout=20_000)
    assert reports and reports[-1][0] == reports[-1][1] > 0
    assert all(a <= b for (a, _), (b, _) in itertools.pairwise(reports))
    assert any("已完成 100%" in text for text in labels)

    broken = tmp_path / "坏包.kpx"
    broken.write_bytes(target.read_bytes()[:300])
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    window.import_package_dialog()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    assert "不是有效的数据包" in warnings[0]
    window.ops.pool.waitForDone()
