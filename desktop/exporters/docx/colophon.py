"""End blocks: the 简报 报尾 (报/送/发, 共印X份) and the GB/T 9704 版记 (抄送, 印发机关, 印发日期).

Rules are borders of empty, 2 pt high paragraphs with no indents, which makes them exactly as wide as the type
area in Word, WPS and LibreOffice; text lines sit between them in 4号 with one character of air at each side.
The whole block is chained with keep-with-next so it is never split across two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Twips

from desktop.exporters.docx.layout import SMALL_CHAR_TWIPS, SMALL_PT
from desktop.exporters.docx.ooxml import no_snap_to_grid, set_border, set_indent
from desktop.exporters.docx.text import clean_text, cn_date

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from desktop.exporters.docx.official import OfficialDocument

THICK_RULE_EIGHTHS = 8  # 1 pt ≈ 0.35 mm
THIN_RULE_EIGHTHS = 6  # 0.75 pt ≈ 0.26 mm
_RULE_LINE_TWIPS = 40


def _names(value: Sequence[str] | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value).strip()
    return "，".join(clean_text(v).strip() for v in value if clean_text(v).strip())


def rule(builder: OfficialDocument, eighths: int, *, keep_next: bool = True) -> Paragraph:
    """A full-width horizontal rule of *eighths* of a point."""
    paragraph = builder.new_paragraph(line_twips=_RULE_LINE_TWIPS, keep_next=keep_next)
    ppr = paragraph._p.get_or_add_pPr()
    no_snap_to_grid(ppr)  # otherwise the 2 pt paragraph is stretched to a whole 28.95 pt grid line
    set_border(ppr, "top", size_eighths=eighths)
    return paragraph


def _labelled_line(builder: OfficialDocument, label: str, names: str) -> Paragraph:
    """"抄送：甲，乙" with wrapped lines aligned after the colon, one character in from both sides."""
    label_twips = len(label) * SMALL_CHAR_TWIPS
    paragraph = builder.new_paragraph(keep_next=True)
    set_indent(paragraph._p.get_or_add_pPr(), left=SMALL_CHAR_TWIPS + label_twips, right=SMALL_CHAR_TWIPS,
               hanging=label_twips)
    builder.add_run(paragraph, label + names, size_pt=SMALL_PT)
    return paragraph


def distribution_block(
    builder: OfficialDocument,
    *,
    report_to: Sequence[str] | str | None = None,
    send_to: Sequence[str] | str | None = None,
    issue_to: Sequence[str] | str | None = None,
    copies: int | None = None,
) -> None:
    """简报 报尾. Lines with no recipients are left out; at least one recipient line is required."""
    lines = [(label, _names(value)) for label, value in (("报：", report_to), ("送：", send_to), ("发：", issue_to))]
    lines = [(label, names) for label, names in lines if names]
    if not lines:
        raise ValueError("报尾至少需要填写报、送、发中的一项")
    if copies is not None and copies <= 0:
        raise ValueError(f"印数必须为正整数，实际为 {copies}")
    builder.blank_line()
    rule(builder, THICK_RULE_EIGHTHS)
    for label, names in lines:
        _labelled_line(builder, label, names)
    rule(builder, THICK_RULE_EIGHTHS, keep_next=copies is not None)
    if copies is not None:
        paragraph = builder.new_paragraph(align="right")
        set_indent(paragraph._p.get_or_add_pPr(), right=SMALL_CHAR_TWIPS)
        builder.add_run(paragraph, f"（共印{copies}份）", size_pt=SMALL_PT)


def banji(builder: OfficialDocument, cc: Sequence[str] | str | None, issuer: str, issued_on: date | str) -> None:
    """GB/T 9704 §7.4 版记: thick rule, 抄送 line, thin rule, issuer left and "…印发" right, thick rule."""
    issuer_text = clean_text(issuer).strip()
    if not issuer_text:
        raise ValueError("版记缺少印发机关")
    date_text = f"{cn_date(issued_on)}印发" if isinstance(issued_on, date) else clean_text(issued_on)
    builder.blank_line()
    rule(builder, THICK_RULE_EIGHTHS)
    names = _names(cc)
    if names:
        if not names.endswith("。"):
            names += "。"
        _labelled_line(builder, "抄送：", names)
        rule(builder, THIN_RULE_EIGHTHS)
    paragraph = builder.new_paragraph(align="left", keep_next=True)
    ppr = paragraph._p.get_or_add_pPr()
    set_indent(ppr, left=SMALL_CHAR_TWIPS, right=SMALL_CHAR_TWIPS)
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Twips(builder.text_width - SMALL_CHAR_TWIPS), WD_TAB_ALIGNMENT.RIGHT
    )
    builder.add_run(paragraph, f"{issuer_text}\t{date_text}", size_pt=SMALL_PT)
    rule(builder, THICK_RULE_EIGHTHS, keep_next=False)
