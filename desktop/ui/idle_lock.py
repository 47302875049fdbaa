"""Locking the window after N idle minutes: an application-wide event filter restarts a timer on every key
press and mouse action; when it fires, the main window's contents are hidden behind the password dialog.

The settings are read on the window's worker (`Ops.run`), like every read of the window; the password is checked
there too (`PasswordDialog`). The filter is installed only while the lock is on: every event of every widget passes through it in Python
(~2,000 for opening one project page), which an office without a password should not pay for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMainWindow, QWidget

from desktop.services import app_lock
from desktop.ui.dialogs.lock_dialogs import PasswordDialog

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleLock(QObject):
    locked = False  # class default: Qt may consult the filter while the wrapper is still being built or torn down

    def __init__(self, window: QMainWindow, ops: Ops) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.locked = False
        self._filtering = False
        app = QApplication.instance()
        assert app is not None
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))
        self.reconfigure()

    def reconfigure(self) -> None:
        """Read the idle minutes again (after the settings dialog); 0 or no password switches the lock off."""
        self.ops.run(_settings, self._apply)

    def _apply(self, current: app_lock.LockSettings) -> None:
        self.timer.stop()
        on = current.enabled and current.idle_minutes > 0
        if on:
            self.timer.setInterval(current.idle_minutes * 60_000)
            self.timer.start()
        app = QApplication.instance()
        if app is not None and on != self._filtering:
            (app.installEventFilter if on else app.removeEventFilter)(self)
            self._filtering = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _ACTIVITY and self.timer.interval() > 0 and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        panels: list[QWidget] = [self.window.centralWidget(), *self.window.findChildren(QDockWidget)]
        hidden = [w for w in panels if w is not None and w.isVisible()]
        for w in hidden:
            w.setVisible(False)
        try:
            while True:
                dialog = PasswordDialog(self.ops, self.window, message="长时间无操作，本程序的窗口已锁定。请输入密码继续。")
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    break
        finally:
            for w in hidden:
                w.setVisible(True)
            self.locked = False
            self.reconfigure()


def _settings(workspace: Workspace) -> app_lock.LockSettings:
    with workspace.db.read() as session:
        return app_lock.settings(session)
