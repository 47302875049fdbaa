"""The 会议纪要 as simple HTML for Qt's print preview and PDF (QTextDocument), from the same `MinutesData` as Word.

QTextDocument understands a small HTML/CSS subset, so this keeps to it: paragraphs with pt sizes, font-family
lists with the 公文 fonts first and common fallbacks after, and a one-row table for the red rule. What CSS cannot
say in points (first-line indent, hanging labels, the exact 28.95 pt line, −0.25 pt tracking) each paragraph
marks with ``-qt-user-state`` (see `BODY`, `HANGING`), and the printer code applies in device units. The
decided-item table takes the Word table's own widths and line breaks (`docx.table.lay_out`). The 版记 is not in
the HTML: `end_block` gives its lines, which the printer code paints on the last lines of the last page, with
its rules, as in Word. Page size and margins are the printer's (A4, 37/35/28/26 mm), set by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from desktop.exporters.cn_text import clean_text, cn_date, cn_number
from desktop.exporters.docx.fonts import DEFAULT_PROFILE, FontProfile
from desktop.exporters.docx.minutes import TABLE_WIDTHS_MM, document_title
from desktop.exporters.docx.table import lay_out
from desktop.services.meetings.minutes_data import DECISIONS_INTRO, TABLE_HEADERS, MinutesData
from desktop.services.meetings.rich_text import Block, numbered_level

TYPE_AREA_TWIPS = 8845  # 156 mm, the Word table's width
BODY = 1  # -qt-user-state of a body paragraph: first line indented two characters
HANGING = 10  # + k: a label of k characters ("出席：" is 3) after 左空二字, wrapped lines aligned after it
PLAIN = 2  # on the 28.95 pt grid, no indent
MARK_SPACER = 3  # the space above the red mark
MARK_PT = 54  # the mark's size, as in the Word masthead


@dataclass(frozen=True)
class EndBlock:
    """The 版记 as printed: 抄送 (may be empty), 印发机关 and 印发日期."""

    cc: str
    issuer: str
    issued: str  # "2026年3月31日印发"
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
             font: str | None = None, kind: str = "serif", extra: str = "", state: int | None = None) -> None:
        if state is None:
            state = (BODY if indent else PLAIN) if size == 16 else 0
        style = (f"{_font(font or self.p.body, kind)} font-size: {size}pt; margin: 0;"
                 f" -qt-user-state: {state}; {extra}")
        self.parts.append(f'<p align="{align}" style="{style}">{inner}</p>')

    def labelled(self, label: str, value: str) -> None:
        """时间：… / 出席：…: 黑体 label after two characters, wrapped lines aligned after it (as in Word)."""
        text = f"{label}："
        self.para(self.span(text, self.p.heading1, "sans") + _t(value), state=HANGING + len(text))

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
        # GB/T 9704 §10.3: the mark's top 35 mm below the type area's top, as in Word (the printer code sizes
        # this spacer, `MARK_SPACER`).
        h.para("&nbsp;", indent=False, size=1, state=MARK_SPACER)
        for line in data.masthead_name.split("\n"):
            h.para(h.span(line, profile.title), indent=False, align="center", size=MARK_PT,
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
        h.labelled(label, value)
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
            h.labelled(label, value)
    if attached:
        h.parts.append('<p style="page-break-before: always; margin: 0; font-size: 16pt;">'
                       f'{h.span("附件", profile.heading1, "sans")}</p>')
        h.blank()
        h.para(h.span(data.table_title, profile.title), indent=False, align="center", size=22)
        h.parts.append(_table_html(data, profile))
    return "<html><body>" + "".join(h.parts) + "</body></html>"


def _lines(text: str) -> str:
    return "<br/>".join(_t(line) for line in text.split("\n"))


def _table_html(data: MinutesData, profile: FontProfile) -> str:
    """The 议定事项分解表 with the Word table's widths, 字号 and line breaks; cells never re-broken by Qt."""
    layout = lay_out(TYPE_AREA_TWIPS, TABLE_HEADERS, [item.table_row() for item in data.items], TABLE_WIDTHS_MM,
                     12, ("center", "left", "left", "center", "center", "left"))
    total = sum(layout.widths)
    size = layout.size_pt
    cells = "".join(f'<th width="{w * 100 / total:.1f}%" style="{_font(profile.heading1, "sans")} font-size: {size}pt;'
                    f' white-space: nowrap;">{_lines(x)}</th>' for x, w in zip(layout.headers, layout.widths, strict=True))
    rows = "".join(
        "<tr>" + "".join(f'<td align="{a}" valign="middle" style="{_font(profile.body)} font-size: {size}pt;'
                         f' white-space: nowrap;">{_lines(v)}</td>'
                         for v, a in zip(row, layout.align, strict=True)) + "</tr>"
        for row in layout.rows)
    return ('<table width="100%" border="1" cellspacing="0" cellpadding="2" '
            f'style="border-collapse: collapse;"><thead><tr>{cells}</tr></thead>{rows}</table>')


def end_block(data: MinutesData, *, today: date | None = None) -> EndBlock | None:
    """The 版记's lines, or None when there is no issuer (the service always supplies the office's name)."""
    if not clean_text(data.issuer).strip():
        return None
    issued_on = data.issued_on or today or date.today()
    cc = clean_text(data.cc).strip()
    return EndBlock(f"{cc.rstrip('。')}。" if cc else "", clean_text(data.issuer).strip(),
                    f"{cn_date(issued_on)}印发")
