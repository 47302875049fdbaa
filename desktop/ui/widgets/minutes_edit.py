"""The minutes editor: a QTextEdit that only holds what a 纪要 can print.

Offices paste from Word, WPS and web pages; the clipboard then brings fonts, colours, margins, tables, VML and
control characters (U+000B from Word line breaks, U+0007 from table cells). `insertFromMimeData` rebuilds the
pasted text from its paragraphs keeping only heading levels, list membership and bold, so the stored HTML stays
clean and every export lays it out in the official fonts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.exporters.cn_text import cn_number
from desktop.services.meetings.rich_text import clean_line, numbered_level, strip_number

HEADING_POINT_SIZES = {1: 15.0, 2: 14.0, 3: 13.0}
BODY_POINT_SIZE = 12.0


def _char_format(level: int, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(HEADING_POINT_SIZES.get(level, BODY_POINT_SIZE))
    fmt.setFontWeight(QFont.Weight.Bold if bold or level else QFont.Weight.Normal)
    return fmt


class MinutesEdit(QTextEdit):
    """Rich-text editor with 一、（一）1. headings, lists and bold; pastes are cleaned of formatting junk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.document().setDefaultFont(QFont(self.font().family(), int(BODY_POINT_SIZE)))
        QShortcut(QKeySequence.StandardKey.Bold, self, self.toggle_bold)

    # --- formatting commands -------------------------------------------------------------------------------
    def toggle_bold(self) -> None:
        cursor = self.textCursor()
        bold = cursor.charFormat().fontWeight() < QFont.Weight.Bold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def set_heading(self, level: int) -> None:
        """Make the current paragraph a heading (0 = body) and give it the next 一、/（一）/1. when it has none."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        block = cursor.block()
        if block.textList() is not None:
            block.textList().remove(block)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setHeadingLevel(level)
        fmt.setIndent(0)
        cursor.setBlockFormat(fmt)
        text = block.text()
        if level and not numbered_level(text):
            start = QTextCursor(block)
            start.insertText(self._next_number(block, level))
        elif not level and numbered_level(text):
            pass  # the office decides whether a demoted heading keeps its number
        whole = QTextCursor(block)
        whole.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        whole.setCharFormat(_char_format(level))
        cursor.endEditBlock()
        self.setCurrentCharFormat(_char_format(level))

    def _next_number(self, block: QTextBlock, level: int) -> str:
        """Count same-level headings since the last higher-level one, as 公文 numbering restarts under a parent."""
        count = 1
        previous = block.previous()
        while previous.isValid():
            other = previous.blockFormat().headingLevel()
            if 0 < other < level:
                break
            if other == level:
                count += 1
            previous = previous.previous()
        return (f"{cn_number(count)}、", f"（{cn_number(count)}）", f"{count}.")[level - 1]

    def make_list(self, ordered: bool) -> None:
        cursor = self.textCursor()
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            for i in reversed(range(current.count())):
                current.remove(current.item(i))
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
            return
        fmt = QTextBlockFormat(cursor.blockFormat())
        fmt.setHeadingLevel(0)
        cursor.setBlockFormat(fmt)
        list_format = QTextListFormat()
        list_format.setStyle(style)
        cursor.createList(list_format)

    # --- paste --------------------------------------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste paragraphs, headings, lists and bold only; everything else of Word/WPS/web formatting is dropped."""
        if source.hasHtml():
            pasted = QTextDocument()
            pasted.setHtml(source.html())
            self._insert_clean(pasted)
        elif source.hasText():
            plain = QTextDocument()
            plain.setPlainText(source.text())
            self._insert_clean(plain)

    def _insert_clean(self, pasted: QTextDocument) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        first = True
        block = pasted.begin()
        while block.isValid():
            text = clean_line(block.text()).replace("\n", "")
            if not text.strip() and not first:
                block = block.next()
                continue
            level = block.blockFormat().headingLevel()
            if not first:
                fmt = QTextBlockFormat()
                fmt.setHeadingLevel(level if 0 < level <= 3 else 0)
                cursor.insertBlock(fmt, _char_format(level))
            elif 0 < level <= 3 and cursor.block().text() == "":
                fmt = QTextBlockFormat()
                fmt.setHeadingLevel(level)
                cursor.setBlockFormat(fmt)
            if block.textList() is not None and not level:
                list_format = QTextListFormat()
                ordered = block.textList().format().style() in (QTextListFormat.Style.ListDecimal,
                                                                  QTextListFormat.Style.ListLowerAlpha,
                                                                  QTextListFormat.Style.ListUpperAlpha)
                list_format.setStyle(QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc)
                current = cursor.currentList()
                if current is not None and current.format().style() == list_format.style():
                    current.add(cursor.block())
                else:
                    cursor.createList(list_format)
            self._insert_fragments(cursor, block, level if 0 < level <= 3 else 0)
            first = False
            block = block.next()
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    @staticmethod
    def _insert_fragments(cursor: QTextCursor, block: QTextBlock, level: int) -> None:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                text = clean_line(fragment.text()).replace("\n", "").replace("\ufffc", "")  # U+FFFC: images
                if text:
                    bold = fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold
                    cursor.insertText(text, _char_format(level, bold))
            iterator += 1

    # --- content ------------------------------------------------------------------------------------------
    def minutes_html(self) -> str:
        """What is stored: compact HTML of headings, paragraphs, lists and bold only ("" for empty minutes).

        Qt's own toHtml() repeats a dozen style declarations on every paragraph; stored on every autosave and
        copied into the audit log, that would multiply the log's size for nothing a 纪要 can print.
        """
        if not self.toPlainText().strip():
            return ""
        parts: list[str] = []
        open_list: str | None = None
        block = self.document().begin()
        while block.isValid():
            text_list = block.textList()
            level = block.blockFormat().headingLevel()
            wanted = None
            if text_list is not None and not level:
                ordered = text_list.format().style() == QTextListFormat.Style.ListDecimal
                wanted = "ol" if ordered else "ul"
            if open_list and open_list != wanted:
                parts.append(f"</{open_list}>")
                open_list = None
            if wanted and not open_list:
                parts.append(f"<{wanted}>")
                open_list = wanted
            tag = "li" if wanted else (f"h{level}" if 0 < level <= 3 else "p")
            parts.append(f"<{tag}>{self._block_html(block, bool(level))}</{tag}>")
            block = block.next()
        if open_list:
            parts.append(f"</{open_list}>")
        return "".join(parts)

    @staticmethod
    def _block_html(block: QTextBlock, heading: bool) -> str:
        out = []
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                text = html.escape(clean_line(fragment.text()).replace("\n", " ").replace("\ufffc", ""))
                bold = not heading and fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold
                out.append(f"<b>{text}</b>" if bold and text else text)
            iterator += 1
        return "".join(out)

    def load_minutes(self, stored: str) -> None:
        """Show stored minutes with the editor's own heading sizes (Qt's <h1> default is poster-sized)."""
        if not stored:
            self.clear()
            return
        if "<" not in stored:  # plain text, e.g. imported: one paragraph a line
            stored = "".join(f"<p>{html.escape(line)}</p>" for line in stored.split("\n"))
        self.setHtml(stored)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            whole = QTextCursor(block)
            whole.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            size = QTextCharFormat()
            size.setFontPointSize(HEADING_POINT_SIZES.get(level, BODY_POINT_SIZE))
            if level:
                size.setFontWeight(QFont.Weight.Bold)
            whole.mergeCharFormat(size)
            block = block.next()
        cursor.endEditBlock()
        self.document().setModified(False)

    def heading_texts(self) -> list[tuple[int, str]]:
        """(level, text without its number) of every heading, for tests and an outline."""
        result = []
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                result.append((level, strip_number(block.text())))
            block = block.next()
        return result
