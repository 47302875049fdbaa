"""A panel's share of the change broadcast: re-read at once while it is shown, on its next showing while hidden.

Each panel says which changes concern it (`wants`); a write elsewhere then costs a hidden panel nothing until the
user looks at it, and a shown one re-reads once however many parts tell it (the broadcast and a 刷新 may both
arrive for one write: `mark` only asks, the panel's `reload` drops a second request while the first still waits
on the worker).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.ops import Change, Ops


class Follow(QObject):
    def __init__(self, widget: QWidget, ops: Ops, reload: Callable[[], None],
                 wants: Callable[[Change], bool]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.reload = reload
        self.wants = wants
        self.stale = True  # nothing read yet: the first showing reads
        ops.changed.connect(self._on_changed)
        widget.installEventFilter(self)

    def _on_changed(self, change: Change) -> None:
        if change.everything or self.wants(change):
            self.mark()

    def mark(self) -> None:
        """What the panel shows may be old: re-read now if it is on screen, else when it is next shown."""
        self.stale = True
        if self.widget.isVisible():
            self.stale = False
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.reload()
        return False
