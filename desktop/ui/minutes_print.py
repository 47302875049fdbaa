"""Print preview and PDF of the minutes: a QTextDocument of the minutes HTML on A4 with GB/T 9704 margins.

Pages are painted here rather than by QTextDocument.print_, so that each page carries the 公文 page number
"— N —" in the bottom margin, on the right of odd pages and on the left of even ones, as in the Word export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop.ui import printing

# 天头 37, 订口 28, bottom 35, right 26 (mm): the type area of GB/T 9704.
MARGINS_MM = QMarginsF(28, 37, 26, 35)
PAGE_NUMBER_BELOW_MM = 7  # 一字线 7 mm below the type area
PAGE_NUMBER_FONTS = ("宋体", "SimSun", "Noto Serif CJK SC")


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def document(html: str, printer: QPrinter) -> QTextDocument:
    """Laid out on the printer itself: with the screen as paint device, pt sizes come out scaled by the DPI ratio."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size().toSizeF())
    return doc


def paint(doc: QTextDocument, printer: QPrinter) -> int:
    """Paint every page with its number; returns the page count."""
    size = doc.pageSize()
    pages = doc.pageCount()
    mm = printer.resolution() / 25.4
    font = QFont()
    font.setFamilies(list(PAGE_NUMBER_FONTS))
    font.setPointSizeF(14)
    painter = QPainter(printer)
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * size.height())
            doc.drawContents(painter, QRectF(0, index * size.height(), size.width(), size.height()))
            painter.restore()
            painter.setFont(font)
            odd = index % 2 == 0  # page 1 is odd
            band = QRectF(0, size.height() + PAGE_NUMBER_BELOW_MM * mm * 0.4, size.width(), 9 * mm)
            align = (Qt.AlignmentFlag.AlignRight if odd else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignTop
            inset = 5 * mm  # 空一字 of 4号
            painter.drawText(band.adjusted(inset, 0, -inset, 0), int(align), f"— {index + 1} —")
    finally:
        painter.end()
    return pages


def export_pdf(html: str, path: str | Path) -> Path:
    """Write the minutes as an A4 PDF (fonts embedded by Qt) and return the path."""
    return printing.write_pdf(page_layout(), lambda printer: paint(document(html, printer), printer), path)


def preview_dialog(html: str, parent: QWidget | None = None) -> printing.PrintPreview:
    """A preview dialog painting the minutes on the chosen printer, which it owns; the caller shows or execs it."""
    return printing.preview("会议纪要打印预览", page_layout(), lambda target: paint(document(html, target), target),
                            parent)
