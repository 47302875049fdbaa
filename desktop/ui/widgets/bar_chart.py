"""A small horizontal bar chart drawn with QPainter (QtCharts is in PySide6-Addons, which we do not ship).

Each bar can carry a second, darker part (e.g. done out of decided) and a key; clicking a bar emits the key so the
dashboard can open the rows behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#9db8e0")
PART_COLOUR = QColor("#2f6fc5")
TEXT_COLOUR = QColor("#333333")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    key: Any = None
    part: int | None = None  # drawn darker from the left, e.g. the done part
    colour: QColor | None = None
    text: str | None = None  # what is printed after the bar; the value by default


class BarChart(QWidget):
    bar_clicked = Signal(object)

    ROW = 24
    GAP = 6

    def __init__(self, parent: QWidget | None = None, *, max_rows: int = 12) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.max_rows = max_rows
        self.empty_text = "无数据"
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = bars[: self.max_rows]
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._bars))
        return QSize(360, rows * (self.ROW + self.GAP) + self.GAP)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=40)
        return min(widest + 12, self.width() // 2)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (tests click it; the click handler hit-tests with it)."""
        label_w = self._label_width()
        top = self.GAP + index * (self.ROW + self.GAP)
        return QRectF(label_w, top, max(1.0, self.width() - label_w - 56), self.ROW)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._bars:
            painter.setPen(TEXT_COLOUR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        top_value = max(b.value for b in self._bars) or 1
        label_w = self._label_width()
        metrics = QFontMetrics(self.font())
        for i, bar in enumerate(self._bars):
            area = self.bar_rect(i)
            painter.setPen(TEXT_COLOUR)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_w - 8)
            painter.drawText(QRectF(0, area.top(), label_w - 8, area.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = area.width() * bar.value / top_value
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar.colour or BAR_COLOUR)
            painter.drawRoundedRect(QRectF(area.left(), area.top() + 3, width, area.height() - 6), 3, 3)
            if bar.part is not None and bar.value:
                painter.setBrush(PART_COLOUR)
                painter.drawRoundedRect(QRectF(area.left(), area.top() + 3, width * bar.part / bar.value,
                                               area.height() - 6), 3, 3)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(area.left() + width + 6, area.top(), 60, area.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             bar.text if bar.text is not None else str(bar.value))
        painter.end()

    def bar_at(self, x: float, y: float) -> Bar | None:
        for i, bar in enumerate(self._bars):
            rect = self.bar_rect(i)
            if rect.top() <= y <= rect.bottom() and 0 <= x <= self.width():
                return bar
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().x(), event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if bar and bar.key is not None else Qt.CursorShape.ArrowCursor)
        self.setToolTip(f"{bar.label}：{bar.text or bar.value}（点击查看明细）" if bar else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            bar = self.bar_at(event.position().x(), event.position().y())
            if bar is not None and bar.key is not None:
                self.bar_clicked.emit(bar.key)
