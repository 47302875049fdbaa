"""Opens every dialog the real main window can open, the way a clerk opens it (menus, panel buttons, the project
page, the backup and exchange dialogs' own buttons), measures it and closes it. Used by screen_fit_driver.py.

Modal loops cannot run unattended, so while the walk runs `QDialog.exec` shows the dialog, measures it, runs what
the clerk would open from inside it (`INSIDE`), and rejects it; file choosers return "nothing chosen" (or the data
package exported a moment before) and message boxes answer 否/确定. Non-modal dialogs (简报 editor, 按上级模板填报,
drill-downs) are found among the visible top-level windows after each step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

# Menu entries that open nothing or end the session.
SKIP_ACTIONS = ("退出", "撤销", "重做", "刷新", "待办提醒", "问题详情与历史", "关于")
# Panel buttons that delete, or write, instead of opening a dialog.
SKIP_BUTTONS = ("删除", "保存本月数据", "放弃修改")


class DialogWalk:
    def __init__(self, window, record: Callable[[str, QWidget], None], settle: Callable[[], None],  # type: ignore[no-untyped-def]
                 tmp: Path) -> None:
        self.window = window
        self.record = record
        self.settle = settle
        self.tmp = tmp
        self.seen: list[str] = []
        self.package: Path | None = None
        self.messages: list[str] = []  # what the message boxes said (they are answered, not shown)
        self._depth = 0
        self._measured: list[QWidget] = []  # kept alive: a freed dialog's id() is reused by the next one
        self._saved: dict[tuple[type, str], Any] = {}

    # --- the stand-ins for modal loops ---------------------------------------------------------------------
    def install(self) -> None:
        walk = self

        def exec_(dialog: QDialog) -> int:
            dialog.show()
            walk.measure(dialog)
            dialog.done(0)
            dialog.hide()
            return 0

        def open_file(*_args: object, **_kwargs: object) -> tuple[str, str]:
            return (str(walk.package), "") if walk.package is not None else ("", "")

        self._patch(QDialog, "exec", exec_)
        self._patch(QFileDialog, "getOpenFileName", staticmethod(open_file))
        self._patch(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
        self._patch(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
        self._patch(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
        def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
            def box(_parent: object, title: str = "", text: str = "", *_args: object, **_kwargs: object):  # type: ignore[no-untyped-def]
                walk.messages.append(f"{title}：{text}")
                return reply
            return box

        for name in ("information", "warning", "critical"):
            self._patch(QMessageBox, name, staticmethod(answer(QMessageBox.StandardButton.Ok)))
        self._patch(QMessageBox, "question", staticmethod(answer(QMessageBox.StandardButton.No)))
        self._patch(QMessageBox, "about", staticmethod(lambda *a, **k: None))
        self._patch(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
        self._patch(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("", False)))
        self._patch(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))

    def _patch(self, owner: type, name: str, value: Any) -> None:
        self._saved[(owner, name)] = owner.__dict__[name]
        setattr(owner, name, value)

    def uninstall(self) -> None:
        for (owner, name), value in self._saved.items():
            setattr(owner, name, value)

    def measure(self, dialog: QWidget) -> None:
        if any(dialog is seen for seen in self._measured):
            return
        self._measured.append(dialog)
        self.settle()
        name = type(dialog).__name__
        self.seen.append(name)
        inside = INSIDE.get(name)
        if inside is not None and self._depth < 2:
            self._depth += 1
            try:
                inside(self, dialog)
            finally:
                self._depth -= 1
        self.record(name, dialog)

    def sweep(self) -> None:
        """Measure and close the non-modal dialogs a step left open."""
        self.settle()
        for widget in QApplication.topLevelWidgets():
            if isValid(widget) and isinstance(widget, QDialog) and widget.isVisible():
                self.measure(widget)
                widget.hide()

    def step(self, action: Callable[[], object]) -> None:
        action()
        self.sweep()

    # --- the walk ------------------------------------------------------------------------------------------
    def run(self) -> list[str]:
        self.install()
        try:
            self.menus()
            self.project_page()
            self.meetings()
            self.field_tabs()
            self.lock_dialog()
            self.merge_preview()
            self.peer_key()
            self.recovery_sheet()
            self.passphrase()
        finally:
            self.uninstall()
        return self.seen

    def menus(self) -> None:
        w = self.window
        table = w.issue_panel.table
        rows = table.model().rowCount()
        tree = w.form.project_tree_view
        group = tree.model().item(1)
        tree.setCurrentIndex(group.child(0).index())  # a project: 项目信息 and 调出名单 are enabled
        self.settle()
        for action in self._actions(w.menuBar()):
            if action.text().replace("&", "").startswith(SKIP_ACTIONS):
                continue
            if not action.isEnabled():  # an issue action: find a row in a status that allows it
                tree.setCurrentIndex(tree.model().item(0).index())
                for row in range(rows):
                    table.selectRow(row)
                    if action.isEnabled():
                        break
            if action.isEnabled():
                self.step(action.trigger)
                self.idle()  # what the action asked of the worker answers (a dialog may open then)
            if self.package is not None and action.text().startswith("导出数据包"):
                self.step(next(a for a in self._actions(w.menuBar()) if a.text().startswith("导入数据包")).trigger)
                self.idle()  # the package is read and planned on the worker, then the preview opens

    def idle(self) -> None:
        for _ in range(600):
            if not self.window.ops.busy():
                break
            self.settle()
            time.sleep(0.05)
        self.sweep()

    def _actions(self, menu_owner: QWidget) -> list:  # type: ignore[type-arg]
        found = []
        for action in menu_owner.actions():
            if action.menu() is not None:
                found.extend(self._actions(action.menu()))
            elif not action.isSeparator():
                found.append(action)
        return found

    def project_page(self) -> None:
        node = self.window.project_nodes()[0]
        actions = self.window.project_actions
        actions.open_project(node.id)  # read on the worker, then opened (the patched exec measures it)
        for _ in range(600):
            if not actions.opening:
                break
            self.settle()
            time.sleep(0.05)
        self.sweep()

    def meetings(self) -> None:
        w = self.window
        panel = w.meetings_panel
        w.form.main_tabs.setCurrentWidget(w.form.meetings_tab)
        panel.meeting_view.selectRow(0)
        self.settle()
        f = panel.form
        for button in (f.new_meeting_button, f.edit_meeting_button, f.print_preview_button, f.add_issues_button,
                       f.add_topic_button, f.add_decision_inline_button):
            self.click(button)
        f.detail_tabs.setCurrentWidget(f.decisions_tab)
        buttons = [b for b in f.decisions_tab.findChildren(QPushButton) if not b.text().startswith(SKIP_BUTTONS)]
        for row in range(panel.decision_view.model().rowCount()):
            panel.decision_view.selectRow(row)
            self.settle()
            for button in list(buttons):
                if button.isEnabled():
                    self.click(button)
                    buttons.remove(button)

    def field_tabs(self) -> None:
        w = self.window
        tabs = w.field_tabs
        for page in (tabs.dashboard, tabs.enterprises, tabs.visits):
            w.form.main_tabs.setCurrentWidget(page)
            self.settle()
            for view in page.findChildren(QAbstractItemView):
                if isinstance(view, QTableView) and view.model() is not None and view.model().rowCount():
                    view.selectRow(0)
            for button in page.findChildren(QPushButton):
                if not isValid(button):  # the tab re-read what a dialog changed and rebuilt its buttons
                    continue
                if button.isVisible() and button.isEnabled() and not button.text().startswith(SKIP_BUTTONS):
                    self.click(button)

    def lock_dialog(self) -> None:
        from desktop.ui.dialogs.lock_dialogs import PasswordDialog

        self.step(lambda: PasswordDialog(self.window.ops, self.window, message="请输入密码打开程序。").exec())

    def merge_preview(self) -> None:
        """Another office receives this office's package (its own is refused before any dialog)."""
        from desktop.services.exchange.merge import preview
        from desktop.services.exchange.package import read_package
        from desktop.ui.dialogs.merge_preview import MergePreviewDialog
        from desktop.ui.ops import Ops
        from desktop.workspace import open_workspace

        if self.package is None:
            return
        other = open_workspace(self.tmp / "另一单位", operator="测试员")
        try:
            package = read_package(self.package)
            plan = preview(other, package)
            ops = Ops(other)  # the other office's own handle: the dialog merges through it
            self.step(lambda: MergePreviewDialog(ops, package, plan, self.window).exec())
            ops.pool.waitForDone()
        finally:
            other.close()

    def peer_key(self) -> None:
        """登记对方公钥 with a real key file (the menu's file chooser here offers only the package)."""
        from desktop.services.exchange import trust
        from desktop.services.exchange.keys import read_key_file
        from desktop.ui.dialogs.peer_key import PeerKeyDialog

        key_file = trust.export_own_key(self.window.workspace, self.tmp / "本单位公钥.kpk")
        assert read_key_file(self.tmp / "本单位公钥.kpk") == key_file
        self.step(lambda: PeerKeyDialog(key_file, self.window).exec())

    def recovery_sheet(self) -> None:
        """The recovery code shown once after 加密备份和数据包 is switched on (the menu's dialog asks a passphrase
        first, which the walk does not type)."""
        from desktop.services.encryption.office_key import Enabled
        from desktop.ui.dialogs.encryption_dialog import RecoverySheetDialog

        enabled = Enabled(recovery_code="ABCD-EFGH-IJKL-MNOP-QRST-UVWX", fingerprint="12:34:56:78:9A:BC:DE:F0")
        self.step(lambda: RecoverySheetDialog("某某区重点项目服务中心", enabled, self.window).exec())

    def passphrase(self) -> None:
        """The passphrase asked before an encrypted backup or package is opened, with the longest message it says."""
        from desktop.ui.dialogs.passphrase_dialog import PassphraseDialog

        message = "备份“备份_2026-11-25_083000.zip”已用本单位密钥加密。请输入加密口令（或恢复码）以读取它。"
        self.step(lambda: PassphraseDialog(message, self.window).exec())

    def click(self, button: QPushButton) -> None:
        if button.isEnabled():
            self.step(button.click)


def _project_page(walk: DialogWalk, page: QDialog) -> None:
    walk.step(page.add_leader)


def _backups(walk: DialogWalk, dialog: QDialog) -> None:
    walk.step(dialog.backup_now)  # the file chooser answers "nothing chosen"
    dialog.backup_now(walk.tmp / "备份.zip")  # on the worker: its answer comes back through the event loop
    for _ in range(600):
        if dialog.last_backup is not None or not dialog.runner.busy:
            break
        walk.settle()
        time.sleep(0.05)
    archive = dialog.last_backup
    assert archive is not None, "the backup did not answer"
    dialog.confirm_and_restore(archive)  # the archive is checked on the worker, then the preview; rejected
    for _ in range(600):
        if not dialog.restoring:
            break
        walk.settle()
        time.sleep(0.05)
    walk.sweep()


def _exchange_export(walk: DialogWalk, dialog: QDialog) -> None:
    target = walk.tmp / "交换.kpx"
    for _ in range(600):  # what it lists is read on the worker, and so is the package written
        if not dialog.link.busy:
            break
        walk.settle()
        time.sleep(0.05)
    dialog.form.file_edit.setText(str(target))
    if not dialog.form.office_name_edit.text().strip():
        dialog.form.office_name_edit.setText("测试区重点办")
    dialog.accept()
    for _ in range(600):
        if not dialog.link.busy:
            break
        walk.settle()
        time.sleep(0.05)
    if target.exists():
        walk.package = target


INSIDE: dict[str, Callable[[DialogWalk, Any], None]] = {
    "ProjectPageDialog": _project_page,
    "BackupDialog": _backups,
    "ExchangeExportDialog": _exchange_export,
}
