"""Locking the window after N idle minutes: an application-wide event filter restarts a timer on every key
press and mouse action; when it fires, the main window's contents are hidden behind the password dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMainWindow, QWidget

from desktop.services import app_lock
from desktop.ui.dialogs.lock_dialogs import PasswordDialog

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleLock(QObject):
    locked = False  # class default: Qt may consult the filter while the wrapper is still being built or torn down

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.locked = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda *_: app.removeEventFilter(self))
        self.reconfigure()

    def reconfigure(self) -> None:
        """Read the idle minutes again (after the settings dialog); 0 or no password switches the lock off."""
        with self.window.workspace.db.read() as session:  # type: ignore[attr-defined]
            current = app_lock.settings(session)
        self.timer.stop()
        if current.enabled and current.idle_minutes > 0:
            self.timer.setInterval(current.idle_minutes * 60_000)
            self.timer.start()

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
                dialog = PasswordDialog(self.window.workspace, self.window,  # type: ignore[attr-defined]
                                        message="长时间无操作，程序已锁定。请输入密码继续。")
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    break
        finally:
            for w in hidden:
                w.setVisible(True)
            self.locked = False
            self.reconfigure()
