"""工作简报 and 工作通报 as Word documents: red masthead, title, the user's edited body, 附件 tables, 报尾.

The body arrives as the plain text the user edited in the app. Its lines keep the 公文 heading numbers typed in
them ("一、", "（一）", "1."), and this module sets each level in its font, so the numbers printed are exactly the
ones the user sees and can renumber; nothing is renumbered behind their back. A 通报's tables follow the body as
附件, each on a new page, and the 报/送/发 block closes the last page.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from desktop.exporters.cn_text import clean_text
from desktop.exporters.docx.fonts import DEFAULT_PROFILE, PROFILES, FontProfile
from desktop.exporters.docx.layout import CHAR_TWIPS
from desktop.exporters.docx.official import OfficialDocument
from desktop.exporters.docx.ooxml import set_fonts, set_indent
from desktop.services.briefing.issued import BriefingContent, DocTable

_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十]+）")
_ATTACHMENTS = re.compile(r"^附件[：:]")
_ATTACHMENT_ITEM = re.compile(r"^\d+[.．]")
_TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) characters across the 156 mm type area
_BREAK_AFTER = set("的和与及、，年月日：")
_BREAK_BEFORE = ("关于", "情况", "工作", "的通报", "的报告")

ProgressCallback = Callable[[int, int | None], None]


def profile_for(name: str) -> FontProfile:
    return PROFILES.get(name, DEFAULT_PROFILE)


def _break_score(text: str, pos: int, ideal: float) -> float:
    """Lower is better: near the ideal length, and where a word surely ends (GB/T 9704: 回行时词意完整)."""
    before, after = text[pos - 1], text[pos]
    good = before in _BREAK_AFTER or text.startswith(_BREAK_BEFORE, pos) or (before.isdigit() != after.isdigit())
    return abs(pos - ideal) - (6 if good else 0)


def title_lines(title: str) -> str:
    """Break a long title into lines of at most 20 characters at word ends, unless the user broke it already."""
    text = clean_text(title).strip()
    if "\n" in text or len(text) <= _TITLE_CHARS_PER_LINE:
        return text
    lines = []
    rest = text
    while len(rest) > _TITLE_CHARS_PER_LINE:
        count = math.ceil(len(rest) / _TITLE_CHARS_PER_LINE)
        ideal = len(rest) / count
        low = max(2, len(rest) - _TITLE_CHARS_PER_LINE * (count - 1))
        candidates = range(low, min(_TITLE_CHARS_PER_LINE, len(rest) - 1) + 1)
        pos = min(candidates, key=lambda p: (_break_score(rest, p, ideal), p))
        lines.append(rest[:pos])
        rest = rest[pos:]
    lines.append(rest)
    return "\n".join(lines)


def _split_level2(line: str) -> tuple[str, str]:
    """"（一）问题办理情况。截至……" → ("（一）问题办理情况。", "截至……"); a bare heading keeps no body."""
    match = re.match(r"^(（[一二三四五六七八九十]+）[^。：；！？]{1,30}[。：])(.*)$", line)
    if match is None:
        return line, ""
    return match.group(1), match.group(2)


def _attachment_note(doc: OfficialDocument, lines: list[str]) -> None:
    """附件说明: "附件：1.××" with further names aligned under the first one (GB/T 9704 §7.3.3)."""
    doc.blank_line()
    label = "附件："
    first = lines[0][len(label):].strip() if _ATTACHMENTS.match(lines[0]) else lines[0]
    hang = len(label) * CHAR_TWIPS
    for index, text in enumerate([first, *lines[1:]]):
        paragraph = doc.new_paragraph(align="left")
        set_indent(paragraph._p.get_or_add_pPr(), left=2 * CHAR_TWIPS + hang, hanging=hang if index == 0 else 0)
        doc.add_run(paragraph, (label if index == 0 else "") + text)


def write_body(doc: OfficialDocument, body: str) -> None:
    lines = [line.strip() for line in clean_text(body).replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    index = 0
    while index < len(lines):
        line = lines[index]
        if _ATTACHMENTS.match(line):
            block = [line]
            while index + 1 < len(lines) and _ATTACHMENT_ITEM.match(lines[index + 1]):
                index += 1
                block.append(lines[index])
            _attachment_note(doc, block)
        elif _LEVEL1.match(line):
            doc.heading(1, line, numbered=False)
        elif _LEVEL2.match(line):
            head, rest = _split_level2(line)
            doc.heading(2, head, body=rest or None, numbered=False)
        else:
            doc.paragraph(line)
        index += 1


def _attachment(doc: OfficialDocument, number: int, table: DocTable, only_one: bool) -> None:
    """附件 on a new page: "附件N" 黑体 flush left on line 1, the title centred on line 3, then the table."""
    doc.page_break()
    paragraph = doc.doc.paragraphs[-1]
    doc.add_run(paragraph, "附件" if only_one else f"附件{number}", font=doc.profile.heading1)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.blank_line()
    _title(doc, table.title)
    doc.table(list(table.headers), [list(r) for r in table.rows], col_widths_mm=table.widths_mm, font_size=12,
              col_align=table.align)


def _title(doc: OfficialDocument, text: str) -> None:
    """2号 小标宋 title whose digits are set in the title font too: thin Times digits look broken in a bold title."""
    paragraph = doc.title(title_lines(text))
    for run in paragraph.runs:
        set_fonts(run._r.get_or_add_rPr(), doc.profile.title, doc.profile.title)


REVIEW_MARK = "（送审稿）"


def build_document(content: BriefingContent, *, review: bool = False) -> OfficialDocument:
    """`review`: a copy for the leader's sign-off before 印发 — its number is not taken yet, so the number line
    says 送审稿 beside the number it would get, and the copy cannot pass for an issued one."""
    doc = OfficialDocument(profile_for(content.font_profile))
    number_text = f"{content.number_text}{REVIEW_MARK}" if review else content.number_text
    doc.masthead(content.masthead_name, number_text, content.issuer, content.issued_on,
                 total_number_text=content.total_number_text)
    if content.editor_note.strip():
        doc.editor_note(content.editor_note)
    _title(doc, content.title)
    write_body(doc, content.body)
    for number, table in enumerate(content.tables, 1):
        _attachment(doc, number, table, only_one=len(content.tables) == 1)
    if content.report_to or content.send_to or content.issue_to:
        doc.distribution_block(report_to=list(content.report_to), send_to=list(content.send_to),
                               issue_to=list(content.issue_to), copies=content.copies)
    return doc


def write_briefing(content: BriefingContent, path: str | os.PathLike[str],
                   progress: ProgressCallback | None = None, *, review: bool = False) -> Path:
    """Write the .docx atomically; ``progress(done, total)`` marks the build and the save for the UI."""
    if progress is not None:
        progress(0, 2)
    doc = build_document(content, review=review)
    if progress is not None:
        progress(1, 2)
    saved = doc.save(path)
    if progress is not None:
        progress(2, 2)
    return saved
