"""The one place that creates printers and print-preview dialogs, so a printer can never be freed under its dialog.

`QPrintPreviewDialog(printer)` keeps only a raw pointer to the printer. When the printer was a local variable of
the function that built the dialog, Python freed it on return and the dialog painted on freed memory: 打印预览
crashed the program every time (issue 14). Here the dialog holds its printer as an attribute; Shiboken clears a
wrapper's attributes only after the C++ dialog is destroyed, and a parented dialog's wrapper lives as long as the
parent, so the printer outlives every use the dialog makes of it.

Callers give a page layout and a painter function `paint(printer)`; the same function draws the preview, the
paper printout (the preview's 打印 button) and the PDF, so the three cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.atomic import atomic_path
from desktop.ui.widgets.fitting import fit_to_screen

Paint = Callable[[QPrinter], object]

# The xlsx 台账's page: A4 landscape, 0.6" left and right, 0.75" top and bottom, "第 N 页，共 M 页" in the footer.
LEDGER_MARGINS_MM = QMarginsF(15, 19, 15, 19)
LEDGER_FOOTER_BELOW_MM = 8
FOOTER_FONTS = ("SimSun", "宋体", "Noto Serif CJK SC")


def new_printer(layout: QPageLayout, pdf: str | Path | None = None) -> QPrinter:
    """A high-resolution printer on the given page layout; with `pdf`, one that writes that PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    printer.setPageLayout(layout)
    return printer


class PrintPreview(QPrintPreviewDialog):
    """A print preview that owns its printer (see the module docstring for why that matters)."""

    def __init__(self, title: str, layout: QPageLayout, paint: Paint, parent: QWidget | None = None) -> None:
        printer = new_printer(layout)
        super().__init__(printer, parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.owned_printer = printer  # kept for the dialog's whole life: the C++ side holds a bare pointer
        self.pages_painted = 0  # how many times the preview was (re)painted, for the status line and tests
        self._paint = paint
        self.setWindowTitle(title)
        # Closed means gone (with its printer, which Shiboken frees after the dialog): no preview piles up under
        # the window for each click.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.paintRequested.connect(self._on_paint)

    def _on_paint(self, printer: QPrinter) -> None:
        self._paint(printer)
        self.pages_painted += 1


def preview(title: str, layout: QPageLayout, paint: Paint, parent: QWidget | None = None) -> PrintPreview:
    """A preview dialog, not yet shown: the caller execs it (or shows it, in tests)."""
    return PrintPreview(title, layout, paint, parent)


def write_pdf(layout: QPageLayout, paint: Paint, path: str | Path) -> Path:
    """Paint into a PDF file (Qt embeds the CJK font, engineering-facts §6) and return its path. Written beside
    the target and renamed over it, like every export: a failure leaves the previous file, never half a PDF."""
    target = Path(path)
    with atomic_path(target, suffix=".pdf.part") as tmp:
        printer = new_printer(layout, tmp)
        paint(printer)
        if printer.printerState() == QPrinter.PrinterState.Error or tmp.stat().st_size == 0:
            raise OSError(f"无法写入PDF文件：{target}")
    return target


def html_document(html: str, printer: QPrinter) -> QTextDocument:
    """Laid out on the printer itself: with the screen as paint device, pt sizes come out scaled by the DPI ratio."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size().toSizeF())
    return doc


def ledger_layout(paper: str = "A4") -> QPageLayout:
    """The 台账's page, landscape: A4, or A3 when the workbook chose it (its text would print under 9 pt on A4)."""
    size = QPageSize.PageSizeId.A3 if paper == "A3" else QPageSize.PageSizeId.A4
    return QPageLayout(QPageSize(size), QPageLayout.Orientation.Landscape, LEDGER_MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


# decorate(painter, page index, page count, type area size, device pixels per mm): what each page adds around
# its slice of the document (page number, footer, the 版记 on the last page).
Decorate = Callable[[QPainter, int, int, QSizeF, float], None]


def paint_pages(doc: QTextDocument, printer: QPrinter, decorate: Decorate) -> int:
    """The one paint loop of every printed document: each page's slice of *doc* in the type area, then its
    decoration; returns the page count. Preview, paper and PDF all go through here."""
    size = doc.pageSize()
    pages = doc.pageCount()
    mm = printer.resolution() / 25.4
    painter = QPainter(printer)
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            painter.save()
            painter.translate(0, -index * size.height())
            page = QRectF(0, index * size.height(), size.width(), size.height())
            # drawContents paints every line that touches the rectangle, whole: without the clip a line box
            # crossing the page edge would print on both pages.
            painter.setClipRect(page)
            doc.drawContents(painter, page)
            painter.restore()
            decorate(painter, index, pages, size, mm)
    finally:
        painter.end()
    return pages


def paint_ledger(html: str, printer: QPrinter) -> int:
    """Paint a 台账 page by page (the table header repeats, Qt's `<thead>`) with "第 N 页，共 M 页" centred under
    each page, as Excel prints the sheet's footer; returns the page count."""
    font = QFont()
    font.setFamilies(list(FOOTER_FONTS))
    font.setPointSizeF(10)

    def footer(painter: QPainter, index: int, pages: int, size: QSizeF, mm: float) -> None:
        painter.setFont(font)
        band = QRectF(0, size.height() + (LEDGER_FOOTER_BELOW_MM - 4) * mm, size.width(), 8 * mm)
        painter.drawText(band, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         f"第 {index + 1} 页，共 {pages} 页")

    return paint_pages(html_document(html, printer), printer, footer)


def ask_pdf_path(parent: QWidget | None, title: str, suggested: str | Path) -> Path | None:
    """The 导出PDF file chooser; a name typed without .pdf gets it."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF 文件 (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
