"""会议纪要 in Word, in the office format (GB/T 9704 §10.3): masthead or plain title, meeting facts, the narrative
(or, without one, an opening sentence made of the facts), the decided items with 责任单位 and 完成时限 once, the
附件说明 when the 议定事项分解表 is attached, the 出席/请假/列席 block, the attached table and the 版记.

Takes a `MinutesData` (plain data from `services.minutes_data`) and lays it out with the GB/T 9704 toolkit; it
never queries the database. 公文 have no bullet lists: unordered list items print as plain body paragraphs,
ordered ones as （1）（2）…, the in-text enumeration of 公文 (1. is a heading level there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx.text.paragraph import Paragraph

from desktop.exporters.cn_text import clean_text, cn_number
from desktop.exporters.docx.fonts import DEFAULT_PROFILE, FontProfile
from desktop.exporters.docx.official import OfficialDocument
from desktop.exporters.docx.ooxml import PPR_ORDER, set_child
from desktop.services.meetings.minutes_data import DECISIONS_INTRO, TABLE_HEADERS, MinutesData
from desktop.services.meetings.rich_text import Block, numbered_level

MARK_TOP_MM = 35.0
TABLE_WIDTHS_MM = (12, 56, 34, 16, 26, 12)  # 156 mm; 序号 needs 12 mm to stay on one line in 小四 黑体


@dataclass(frozen=True)
class MinutesOptions:
    masthead: bool = True  # red 纪要 masthead; False gives the plain 2号 title of an internal 纪要
    decision_table: bool = True  # 议定事项分解表 as an attachment
    profile: FontProfile = DEFAULT_PROFILE
    mark_top_mm: float = MARK_TOP_MM  # the red mark's top edge below the type area's top (GB/T 9704 §10.3: 35)


def document_title(data: MinutesData) -> str:
    title = data.title.strip() or data.label
    return title if title.endswith("纪要") else f"{title}纪要"


def _spans(builder: OfficialDocument, paragraph: Paragraph, block: Block, *, font: str | None = None) -> None:
    for span in block.spans:
        run = builder.add_run(paragraph, span.text, font=font)
        if span.bold:
            run.bold = True


def _narrative(builder: OfficialDocument, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        level = block.heading_level
        if level:
            # Keep the office's own number when typed ("一、"), otherwise let the builder number the level.
            builder.heading(level, block.text, numbered=not numbered_level(block.text))
            continue
        paragraph = builder.new_paragraph(first_line_chars=2)
        if block.kind == "li" and block.ordinal is not None:
            builder.add_run(paragraph, f"（{block.ordinal}）")
        _spans(builder, paragraph, block)


def _decided_items(builder: OfficialDocument, data: MinutesData) -> None:
    paragraph = builder.new_paragraph(first_line_chars=2, keep_next=True)
    builder.add_run(paragraph, DECISIONS_INTRO)
    for item in data.items:
        paragraph = builder.new_paragraph(first_line_chars=2)
        builder.add_run(paragraph, f"{cn_number(item.seq)}、", font=builder.profile.heading1)
        text = item.text.strip()
        builder.add_run(paragraph, text if text.endswith(("。", "！", "；")) else f"{text}。")
        if item.duty_line:
            builder.add_run(paragraph, item.duty_line, font=builder.profile.heading2)


def _attendance(builder: OfficialDocument, data: MinutesData) -> None:
    """§10.3: one blank line below the body (or the 附件说明), 左空二字, "出席：" in 3号黑体, units and names in
    仿宋, wrapped lines aligned after the colon; 请假 and 列席 likewise on their own lines."""
    lines = data.attendance()
    if lines:
        builder.blank_line()
        builder.facts_block(lines)


def _attachment_note(builder: OfficialDocument, data: MinutesData) -> None:
    """§7.3.3: one blank line below the body, 左空二字, "附件：" and the table's name, no full stop."""
    builder.blank_line()
    paragraph = builder.new_paragraph(first_line_chars=2)
    builder.add_run(paragraph, data.attachment_note())


def _attachment(builder: OfficialDocument, data: MinutesData) -> None:
    """GB/T 9704 §7.3.7: 附件 starts a new page, "附件" 黑体 flush left, its title centred, then the table."""
    paragraph = builder.new_paragraph(align="left", keep_next=True)
    # The break sits on the 附件 line itself, so "附件" is on line 1 of the new page, not below an empty line.
    set_child(paragraph._p.get_or_add_pPr(), "pageBreakBefore", PPR_ORDER)
    builder.add_run(paragraph, "附件", font=builder.profile.heading1)
    builder.blank_line()
    builder.title(data.table_title)
    builder.table(TABLE_HEADERS, [item.table_row() for item in data.items], col_widths_mm=TABLE_WIDTHS_MM,
                  font_size=12, col_align=("center", "left", "left", "center", "center", "left"))


def build_minutes(data: MinutesData, options: MinutesOptions | None = None, *,
                  today: date | None = None) -> OfficialDocument:
    """The whole 纪要 as a builder, for saving or for tests that inspect it before saving."""
    options = options or MinutesOptions()
    issued_on = data.issued_on or today or date.today()
    builder = OfficialDocument(options.profile)
    if options.masthead:
        builder.masthead(data.masthead_name, data.number_text, data.issuer, issued_on, top_mm=options.mark_top_mm)
        builder.title(data.title.strip() or data.label)
    else:
        builder.plain_title(document_title(data))
    builder.facts_block(data.facts())
    builder.blank_line()
    if data.narrative:
        _narrative(builder, data.narrative)
    else:
        builder.paragraph(data.opening())
    attached = bool(data.items) and options.decision_table
    if data.items:
        builder.reset_numbering()
        _decided_items(builder, data)
        if attached:
            _attachment_note(builder, data)
    _attendance(builder, data)
    if attached:
        _attachment(builder, data)
    # The service always supplies an issuer (the meeting's, else the office's name); a 版记 needs one.
    if clean_text(data.issuer).strip():
        builder.banji(data.cc or None, data.issuer, issued_on)
    return builder


def export_minutes(data: MinutesData, path: str | os.PathLike[str], options: MinutesOptions | None = None, *,
                   today: date | None = None) -> Path:
    """Write the .docx atomically and return its path."""
    return build_minutes(data, options, today=today).save(path)
