"""Print preview and PDF of the minutes: a QTextDocument of the minutes HTML on A4 with GB/T 9704 margins."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

# 天头 37, 订口 28, bottom 35, right 26 (mm): the type area of GB/T 9704.
MARGINS_MM = QMarginsF(28, 37, 26, 35)


def configure(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      MARGINS_MM, QPageLayout.Unit.Millimeter))


def document(html: str, printer: QPrinter) -> QTextDocument:
    """Laid out on the printer itself: with the screen as paint device, pt sizes come out scaled by the DPI ratio."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size().toSizeF())
    return doc


def export_pdf(html: str, path: str | Path) -> Path:
    """Write the minutes as an A4 PDF (fonts embedded by Qt) and return the path."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    configure(printer)
    document(html, printer).print_(printer)
    return Path(path)


def preview_dialog(html: str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A preview dialog painting the minutes on the chosen printer; the caller shows or execs it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("会议纪要打印预览")
    doc = document(html, printer)
    dialog.paintRequested.connect(doc.print_)
    dialog._document = doc  # keep the document alive as long as the dialog  # type: ignore[attr-defined]
    return dialog
