"""Widgets and helpers that keep windows inside the screen: no text may widen a window, no window may open larger
than the screen it is on.

Why: a top-level window's minimum size is its layout's minimum, and a plain `QLabel`'s minimum is its whole text.
One long path in a label (an export's file name, the data folder) or a wide row of buttons on a tab made the main
window grow past a 1366-pixel screen, and it could not be shrunk back. So texts that vary at run time elide (the
whole text stays in `text()` and shows as a tool tip), status messages elide, and windows are clamped to the
screen's available area when they are shown (`fit_to_screen`).

`ElidedLabel` and `ElidingStatusBar` are promoted in Designer (`forms/*.ui`, header `desktop.ui.widgets.fitting`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QScreen
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStatusBar,
    QStyle,
    QStyleOption,
    QToolTip,
    QWidget,
)

# What a window manager adds around a window that Qt cannot know before the window is mapped: a title bar (about
# 30 px at 100 %, more with scaling) and thin borders. A window sized to the available area plus these would put
# its title bar or its buttons off screen.
FRAME_ALLOWANCE = QSize(16, 40)
MIN_LABEL_CHARS = 6  # an elided label never asks for less than about this many characters


class ElidedLabel(QLabel):
    """A one-line label whose text never widens its window: when the room is short it shows "开头…结尾" (paths) or
    "开头…" and the whole text as a tool tip. It asks for its whole text when there is room (size hint) and for a
    few characters at least (minimum size hint)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.elide_mode = Qt.TextElideMode.ElideRight
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = self.fontMetrics().averageCharWidth() * MIN_LABEL_CHARS + self._padding()
        return QSize(min(hint.width(), least), hint.height())

    def _padding(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right() + 2 * max(self.margin(), 0)

    def _room(self) -> QRect:
        m = max(self.margin(), 0)
        return self.contentsRect().adjusted(m, m, -m, -m)

    def is_elided(self) -> bool:
        text = self.text()
        return bool(text) and self.fontMetrics().horizontalAdvance(text) > self._room().width()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.is_elided() or self.textFormat() == Qt.TextFormat.RichText:
            super().paintEvent(event)
            return
        room = self._room()
        shown = self.fontMetrics().elidedText(self.text().replace("\n", " "), self.elide_mode, room.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, room, int(self.alignment()) | Qt.AlignmentFlag.AlignVCenter,
                                  self.palette(), self.isEnabled(), shown, self.foregroundRole())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.is_elided():
            QToolTip.showText(event.globalPos(), self.text(), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)


class PathLabel(ElidedLabel):
    """An `ElidedLabel` that keeps both ends of a path: the drive or folder and the file name."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.elide_mode = Qt.TextElideMode.ElideMiddle


class ElidingStatusBar(QStatusBar):
    """A status bar whose message ends in "…" when it is longer than the bar, instead of being cut in the middle
    of a character; `currentMessage()` keeps the whole text. (A message never sized the window; the permanent
    widgets beside it do, so those are `ElidedLabel`s.)"""

    def _message_rect(self) -> QRect:
        """Qt's own message area: from the left edge to the first visible permanent widget."""
        left, right = 6, self.width() - 12
        permanent = [w for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                     if w.isVisible() and w.x() > self.width() // 3]
        if permanent:
            right = min(right, min(w.x() for w in permanent) - 2)
        return QRect(left, 0, max(right - left, 0), self.height())

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        message = self.currentMessage()
        room = self._message_rect()
        if not message or self.fontMetrics().horizontalAdvance(message) <= room.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        shown = self.fontMetrics().elidedText(message.replace("\n", " "), Qt.TextElideMode.ElideRight, room.width())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(room, int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter), shown)


def screen_of(widget: QWidget) -> QScreen:
    """The screen a window will open on: its parent's, else its own, else the primary one."""
    parent = widget.parentWidget()
    for candidate in (parent.window() if parent is not None else None, widget):
        if candidate is not None and candidate.screen() is not None:
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def usable_area(widget: QWidget) -> QRect:
    """The part of the screen a window's inside may fill: the available area less the window manager's frame."""
    area = screen_of(widget).availableGeometry()
    return area.adjusted(0, 0, -FRAME_ALLOWANCE.width(), -FRAME_ALLOWANCE.height())


def clamp_to_screen(widget: QWidget) -> None:
    """Shrink a window to the usable area of its screen (never below its minimum size) and move it fully into
    that area; what cannot shrink further is the layout's business (a scroll area, a smaller default)."""
    area = usable_area(widget)
    size = widget.size().boundedTo(area.size()).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    decoration = frame.size() - widget.size()
    framed = not decoration.isEmpty()
    if not framed:  # not mapped yet: the frame is not known, reserve what a window manager adds
        decoration = FRAME_ALLOWANCE
    outer = widget.size() + decoration
    available = screen_of(widget).availableGeometry()
    x = max(min(frame.x(), available.right() + 1 - outer.width()), available.x())
    y = max(min(frame.y(), available.bottom() + 1 - outer.height()), available.y())
    handle = widget.windowHandle()
    if not framed and handle is not None:
        # Created but not framed (a restored geometry, a window shown before): `move` would put the inside of the
        # window at (x, y) and its title bar above the screen; the frame position tells the window manager to put
        # the frame there (seen on X11 with openbox at every scale).
        handle.setFramePosition(QPoint(x, y))
    elif (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


class _ScreenFit(QObject):
    """Clamps its window each time it is shown: the size is final only then (adjustSize, restored geometry)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            clamp_to_screen(watched)
        return False


def fit_to_screen(window: QWidget) -> QWidget:
    """Keep `window` inside its screen whenever it is shown; returns it (for `fit_to_screen(QDialog(...))`)."""
    if window.findChild(_ScreenFit, "screen_fit", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        fit = _ScreenFit(window)
        fit.setObjectName("screen_fit")
        window.installEventFilter(fit)
    return window
