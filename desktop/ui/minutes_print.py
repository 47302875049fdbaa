"""Print preview and PDF of the minutes: a QTextDocument of the minutes HTML on A4 with GB/T 9704 margins.

Pages are painted by `printing.paint_pages`, the one paint loop of every printed document, so that each page
carries the 公文 page number "— N —" in the bottom margin, on the right of odd pages and on the left of even
ones, and the last page the 版记 on its last lines with its three rules, as in the Word export. The body keeps
the Word file's grid: the paragraphs the HTML marks (`minutes_html.BODY`, `HANGING`, `PLAIN`) get the exact
28.95 pt line, −0.25 pt tracking (28 characters a line), the two-character first-line indent or the hanging
label, in the printer's own units.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop.exporters.docx.minutes import MARK_TOP_MM
from desktop.exporters.minutes_html import BODY, HANGING, MARK_SPACER, PLAIN, EndBlock
from desktop.ui import printing

# 天头 37, 订口 28, bottom 35, right 26 (mm): the type area of GB/T 9704.
MARGINS_MM = QMarginsF(28, 37, 26, 35)
PAGE_NUMBER_BELOW_MM = 7  # 一字线 7 mm below the type area
PAGE_NUMBER_FONTS = ("宋体", "SimSun", "Noto Serif CJK SC")
BODY_FONTS = ("仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC")
LINE_PT = 579 / 20  # 28.95: 22 lines fill the 225 mm type area
CHAR_PT = 16  # 三号
TRACKING_PT = -0.25  # 27 characters of 16 pt fit 156 mm; this gives the 28 GB/T 9704 asks for
END_ROW_PT = 27  # one 版记 line: the grid pitch less its rules' share, as in Word (540 twips)
THICK_MM, THIN_MM = 0.35, 0.25
# Measured on Qt 6 PDFs at 1200 dpi: a fixed line height is in logical pixels at 96 dpi (100 took 1250 device
# pixels), indents and margins are in device pixels.
LOGICAL_PX_PER_PT = 96 / 72
MARK_GLYPH_OFFSET_PT = 0.0  # how far below its line's top Qt sets the mark's glyph box (measured on the PDF)


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def _apply_grid(doc: QTextDocument, device_px_per_pt: float) -> None:
    """The marked paragraphs onto the 28.95 pt grid with Word's indents and tracking (see module doc)."""
    px_per_pt = device_px_per_pt
    spacing = QTextCharFormat()
    spacing.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    spacing.setFontLetterSpacing(TRACKING_PT * LOGICAL_PX_PER_PT)
    block = doc.begin()
    while block.isValid():
        state = block.userState()
        if state == MARK_SPACER:
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setLineHeight(max(MARK_TOP_MM * 72 / 25.4 - MARK_GLYPH_OFFSET_PT, 1) * LOGICAL_PX_PER_PT,
                              QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            QTextCursor(block).setBlockFormat(fmt)
        elif state in (BODY, PLAIN) or state > HANGING:
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setLineHeight(LINE_PT * LOGICAL_PX_PER_PT, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            if state == BODY:
                fmt.setTextIndent(2 * CHAR_PT * px_per_pt)
            elif state > HANGING:
                label = state - HANGING
                fmt.setLeftMargin((2 + label) * CHAR_PT * px_per_pt)
                fmt.setTextIndent(-label * CHAR_PT * px_per_pt)
            cursor = QTextCursor(block)
            cursor.setBlockFormat(fmt)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(spacing)
        block = block.next()




def document(html: str, printer: QPrinter) -> QTextDocument:
    """Laid out on the printer itself: with the screen as paint device, pt sizes come out scaled by the DPI ratio."""
    doc = printing.html_document(html, printer)
    _apply_grid(doc, printer.resolution() / 72)
    return doc


class _EndBlockPainter:
    """The 版记 on the last lines of the last page: thick rule, 抄送, thin rule, 印发机关 left and 印发日期 right
    (左右各空一字), thick rule on the type area's bottom edge (GB/T 9704 §7.4)."""

    def __init__(self, end: EndBlock, printer: QPrinter, width: float) -> None:
        self.end = end
        self.px = printer.resolution() / 72
        self.font = QFont()
        self.font.setFamilies(list(BODY_FONTS))
        self.font.setPointSizeF(14)
        self.cc_doc: QTextDocument | None = None
        inset = 14 * self.px  # 一字 of 4号
        self.inset = inset
        if end.cc:
            cc = QTextDocument()
            cc.documentLayout().setPaintDevice(printer)
            cc.setDocumentMargin(0)
            cc.setDefaultFont(self.font)
            cc.setPlainText(f"抄送：{end.cc}")
            fmt = QTextBlockFormat()
            fmt.setLeftMargin(3 * 14 * self.px)
            fmt.setTextIndent(-3 * 14 * self.px)
            fmt.setLineHeight(END_ROW_PT * LOGICAL_PX_PER_PT, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor = QTextCursor(cc)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setBlockFormat(fmt)
            cc.setTextWidth(width - 2 * inset)
            self.cc_doc = cc

    @property
    def height(self) -> float:
        cc = self.cc_doc.size().height() if self.cc_doc is not None else 0.0
        return cc + END_ROW_PT * self.px

    def paint(self, painter: QPainter, size: QSizeF, mm: float) -> None:
        bottom = size.height()
        row = END_ROW_PT * self.px
        painter.save()
        painter.setFont(self.font)
        thick, thin = QPen(Qt.GlobalColor.black), QPen(Qt.GlobalColor.black)
        thick.setWidthF(THICK_MM * mm)
        thin.setWidthF(THIN_MM * mm)
        issuer_top = bottom - row
        band = QRectF(self.inset, issuer_top, size.width() - 2 * self.inset, row)
        painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.end.issuer)
        painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self.end.issued)
        painter.setPen(thick)
        painter.drawLine(0, round(bottom), round(size.width()), round(bottom))
        top = issuer_top
        if self.cc_doc is not None:
            top = issuer_top - self.cc_doc.size().height()
            painter.setPen(thin)
            painter.drawLine(0, round(issuer_top), round(size.width()), round(issuer_top))
            painter.save()
            painter.translate(self.inset, top)
            self.cc_doc.drawContents(painter)
            painter.restore()
        painter.setPen(thick)
        painter.drawLine(0, round(top), round(size.width()), round(top))
        painter.restore()


def _make_room(doc: QTextDocument, needed: float) -> None:
    """When the last page has no room above the 版记, its last paragraph starts a new page, so the 版记 never
    stands alone on a page (as the Word file's anchor paragraph moves with its text box)."""
    height = doc.pageSize().height()
    last = doc.lastBlock()
    while last.isValid() and not last.text().strip() and last.previous().isValid():
        last = last.previous()
    bottom = doc.documentLayout().blockBoundingRect(last).bottom()
    used = bottom - (doc.pageCount() - 1) * height
    if used <= height - needed:
        return
    fmt = QTextBlockFormat(last.blockFormat())
    fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(last).setBlockFormat(fmt)


def paint(doc: QTextDocument, printer: QPrinter, end: EndBlock | None = None) -> int:
    """Paint every page with its number, and the 版记 at the foot of the last; returns the page count."""
    font = QFont()
    font.setFamilies(list(PAGE_NUMBER_FONTS))
    font.setPointSizeF(14)
    end_painter = _EndBlockPainter(end, printer, doc.pageSize().width()) if end is not None else None
    if end_painter is not None:
        _make_room(doc, end_painter.height)

    def decorate(painter: QPainter, index: int, pages: int, size: QSizeF, mm: float) -> None:
        painter.setFont(font)
        odd = index % 2 == 0  # page 1 is odd
        band = QRectF(0, size.height() + PAGE_NUMBER_BELOW_MM * mm * 0.4, size.width(), 9 * mm)
        align = (Qt.AlignmentFlag.AlignRight if odd else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignTop
        inset = 5 * mm  # 空一字 of 4号
        painter.drawText(band.adjusted(inset, 0, -inset, 0), int(align), f"— {index + 1} —")
        if end_painter is not None and index == pages - 1:
            end_painter.paint(painter, size, mm)

    return printing.paint_pages(doc, printer, decorate)


def export_pdf(html: str, path: str | Path, end: EndBlock | None = None) -> Path:
    """Write the minutes as an A4 PDF (fonts embedded by Qt) and return the path."""
    return printing.write_pdf(page_layout(), lambda printer: paint(document(html, printer), printer, end), path)


def preview_dialog(html: str, parent: QWidget | None = None, end: EndBlock | None = None) -> printing.PrintPreview:
    """A preview dialog painting the minutes on the chosen printer, which it owns; the caller shows or execs it."""
    return printing.preview("会议纪要打印预览", page_layout(),
                            lambda target: paint(document(html, target), target, end), parent)
