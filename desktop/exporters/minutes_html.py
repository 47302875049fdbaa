"""The 会议纪要 as simple HTML for Qt's print preview and PDF (QTextDocument), from the same `MinutesData` as Word.

QTextDocument understands a small HTML/CSS subset, so this keeps to it: paragraphs with pt sizes and
text-indent, font-family lists with the 公文 fonts first and common fallbacks after, and a one-row table for the
red rule. Page size and margins are the printer's (A4, 37/35/28/26 mm), set by the caller.
"""

from __future__ import annotations

from datetime import date
from html import escape

from desktop.exporters.cn_text import clean_text, cn_date, cn_number
from desktop.exporters.docx.fonts import DEFAULT_PROFILE, FontProfile
from desktop.exporters.docx.minutes import document_title
from desktop.services.meetings.minutes_data import DECISIONS_INTRO, TABLE_HEADERS, MinutesData
from desktop.services.meetings.rich_text import Block, numbered_level

TABLE_PERCENT = (8, 36, 22, 10, 16, 8)  # the Word table's 12/56/34/16/26/12 mm of 156 mm, rounded
_FALLBACK = {"serif": "'FangSong', 'Noto Serif CJK SC', serif", "sans": "'SimHei', 'Noto Sans CJK SC', sans-serif"}


def _font(name: str, kind: str = "serif") -> str:
    return f"font-family: '{name}', {_FALLBACK[kind]};"


def _t(text: str) -> str:
    return escape(clean_text(text))


class _Html:
    def __init__(self, profile: FontProfile) -> None:
        self.p = profile
        self.parts: list[str] = []

    def para(self, inner: str, *, indent: bool = True, align: str = "justify", size: float = 16,
             font: str | None = None, kind: str = "serif", extra: str = "") -> None:
        style = (f"{_font(font or self.p.body, kind)} font-size: {size}pt; margin: 0; line-height: 150%;"
                 f" text-indent: {'32pt' if indent else '0'}; {extra}")
        self.parts.append(f'<p align="{align}" style="{style}">{inner}</p>')

    def span(self, text: str, font: str, kind: str = "serif", bold: bool = False) -> str:
        weight = " font-weight: bold;" if bold else ""
        return f'<span style="{_font(font, kind)}{weight}">{_t(text)}</span>'

    def blank(self) -> None:
        self.para("&nbsp;", indent=False)


def _narrative(h: _Html, blocks: tuple[Block, ...]) -> None:
    counters = [0, 0, 0]
    for block in blocks:
        level = block.heading_level
        if level:
            text = block.text
            counters[level - 1] += 1
            for lower in range(level, 3):
                counters[lower] = 0
            if not numbered_level(text):
                n = counters[level - 1]
                text = (f"{cn_number(n)}、", f"（{cn_number(n)}）", f"{n}.")[level - 1] + text
            font, kind = ((h.p.heading1, "sans"), (h.p.heading2, "serif"), (h.p.body, "serif"))[level - 1]
            h.para(h.span(text, font, kind))
            continue
        prefix = f"（{block.ordinal}）" if block.kind == "li" and block.ordinal is not None else ""
        inner = _t(prefix) + "".join(h.span(s.text, h.p.body, bold=s.bold) for s in block.spans)
        h.para(inner)


def minutes_html(data: MinutesData, *, masthead: bool = True, decision_table: bool = True,
                 profile: FontProfile = DEFAULT_PROFILE, today: date | None = None) -> str:
    h = _Html(profile)
    issued_on = data.issued_on or today or date.today()
    if masthead:
        for line in data.masthead_name.split("\n"):
            h.para(h.span(line, profile.title), indent=False, align="center", size=42,
                   extra="color: #ff0000; font-weight: bold;")
        h.para(_t(data.number_text), indent=False, align="center")
        h.parts.append(
            '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse: collapse;">'
            f'<tr><td style="{_font(profile.body)} font-size: 16pt;">{_t(data.issuer)}</td>'
            f'<td align="right" style="{_font(profile.body)} font-size: 16pt;">{_t(cn_date(issued_on))}</td></tr>'
            '<tr><td colspan="2" height="3" bgcolor="#ff0000"></td></tr></table>')
        h.blank()
        h.para(h.span(data.title.strip() or data.label, profile.title), indent=False, align="center", size=22)
    else:
        h.para(h.span(document_title(data), profile.title), indent=False, align="center", size=22)
    h.blank()
    for label, value in data.facts():
        h.para(h.span(f"{label}：", profile.heading1, "sans") + _t(value))
    h.blank()
    if data.narrative:
        _narrative(h, data.narrative)
    else:
        h.para(_t(data.opening()))
    attached = bool(data.items) and decision_table
    if data.items:
        h.para(_t(DECISIONS_INTRO))
        for item in data.items:
            text = item.text.strip()
            text = text if text.endswith(("。", "！", "；")) else f"{text}。"
            duty = h.span(item.duty_line, profile.heading2) if item.duty_line else ""
            h.para(h.span(f"{cn_number(item.seq)}、", profile.heading1, "sans") + _t(text) + duty)
        if attached:
            h.blank()
            h.para(_t(data.attachment_note()))
    attendance = data.attendance()
    if attendance:
        h.blank()
        for label, value in attendance:
            h.para(h.span(f"{label}：", profile.heading1, "sans") + _t(value))
    if attached:
        h.parts.append('<p style="page-break-before: always; margin: 0; font-size: 16pt;">'
                       f'{h.span("附件", profile.heading1, "sans")}</p>')
        h.blank()
        h.para(h.span(data.table_title, profile.title), indent=False, align="center", size=22)
        cells = "".join(f'<th width="{w}%" style="{_font(profile.heading1, "sans")} font-size: 12pt;">{_t(x)}</th>'
                        for x, w in zip(TABLE_HEADERS, TABLE_PERCENT, strict=True))
        rows = "".join(
            "<tr>" + "".join(f'<td style="{_font(profile.body)} font-size: 12pt;">{_t(v)}</td>'
                             for v in item.table_row()) + "</tr>"
            for item in data.items)
        h.parts.append('<table width="100%" border="1" cellspacing="0" cellpadding="3" '
                       f'style="border-collapse: collapse;"><thead><tr>{cells}</tr></thead>{rows}</table>')
    if clean_text(data.issuer).strip():
        h.blank()
        if data.cc:
            h.para(h.span("抄送：", profile.body) + _t(data.cc.rstrip("。") + "。"), size=14, indent=False,
                   extra="border-top: 1px solid black;")
        h.para(f"{_t(data.issuer)}　　{_t(cn_date(issued_on))}印发", size=14, indent=False)
    return "<html><body>" + "".join(h.parts) + "</body></html>"
