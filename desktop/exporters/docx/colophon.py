"""End blocks: the 简报 报尾 (报/送/发, 共印X份) and the GB/T 9704 版记 (抄送, 印发机关, 印发日期).

Each block is a one-column borderless table whose rules are cell borders: with zero cell margins and the full
text width, the rules are exactly as wide as the type area. GB/T 9704 puts the last 版记 rule on the bottom edge
of the type area of the last page, so by default the table floats, anchored to the bottom margin (Word and WPS
honour this; LibreOffice 7.4 shows a full-width floating table inline, right after the body). Rows never split
and the block never breaks across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table

from desktop.exporters.cn_text import clean_text, cn_date
from desktop.exporters.docx.layout import LINE_TWIPS, SMALL_CHAR_TWIPS, SMALL_PT
from desktop.exporters.docx.ooxml import (
    BORDER_ORDER,
    PPR_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    no_snap_to_grid,
    set_child,
    set_exact_line,
    set_indent,
)

if TYPE_CHECKING:
    from desktop.exporters.docx.official import OfficialDocument

THICK_RULE_EIGHTHS = 8  # 1 pt ≈ 0.35 mm
THIN_RULE_EIGHTHS = 6  # 0.75 pt ≈ 0.26 mm


@dataclass(frozen=True)
class _Line:
    """One text row of a block and the rules drawn above/below it (eighths of a point, 0 = none)."""

    text: str
    label: str = ""  # hanging label such as "抄送：", wrapped lines align after it
    rule_above: int = 0
    rule_below: int = 0
    align: str = "left"
    tab_right: bool = False  # "left part\tright part" with a right tab one character in from the edge


def _names(value: Sequence[str] | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value).strip()
    return "，".join(clean_text(v).strip() for v in value if clean_text(v).strip())


def _border(parent, side: str, eighths: int) -> None:
    attrs = {"val": "single", "sz": str(eighths), "space": "0", "color": "000000"} if eighths else {"val": "nil"}
    set_child(parent, side, BORDER_ORDER, attrs)


def _block(builder: OfficialDocument, lines: Sequence[_Line], anchor_bottom: bool) -> Table:
    width = builder.text_width
    table = builder.doc.add_table(rows=len(lines), cols=1)
    tbl_pr = table._tbl.tblPr
    if anchor_bottom:
        set_child(tbl_pr, "tblpPr", TBLPR_ORDER, {
            "leftFromText": "0", "rightFromText": "0", "topFromText": "0", "bottomFromText": "0",
            "vertAnchor": "margin", "horzAnchor": "margin", "tblpXSpec": "center", "tblpYSpec": "bottom"})
        set_child(tbl_pr, "tblOverlap", TBLPR_ORDER, {"val": "never"})
    set_child(tbl_pr, "tblW", TBLPR_ORDER, {"w": str(width), "type": "dxa"})
    set_child(tbl_pr, "tblInd", TBLPR_ORDER, {"w": "0", "type": "dxa"})
    borders = set_child(tbl_pr, "tblBorders", TBLPR_ORDER)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _border(borders, side, 0)
    set_child(tbl_pr, "tblLayout", TBLPR_ORDER, {"type": "fixed"})
    margins = set_child(tbl_pr, "tblCellMar", TBLPR_ORDER)
    for side in ("top", "left", "bottom", "right"):
        set_child(margins, side, BORDER_ORDER, {"w": "0", "type": "dxa"})
    table._tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(width))

    for index, (row, line) in enumerate(zip(table.rows, lines, strict=True)):
        # Rows share an edge: give both sides the same rule so Word's border conflict rules cannot drop it.
        above = max(line.rule_above, lines[index - 1].rule_below if index else 0)
        below = max(line.rule_below, lines[index + 1].rule_above if index + 1 < len(lines) else 0)
        row._tr.get_or_add_trPr().append(row._tr.makeelement(qn("w:cantSplit"), {}))
        cell = row.cells[0]
        tc_pr = cell._tc.get_or_add_tcPr()
        set_child(tc_pr, "tcW", TCPR_ORDER, {"w": str(width), "type": "dxa"})
        tc_borders = set_child(tc_pr, "tcBorders", TCPR_ORDER)
        _border(tc_borders, "top", above)
        _border(tc_borders, "bottom", below)
        paragraph = cell.paragraphs[0]
        ppr = paragraph._p.get_or_add_pPr()
        set_child(ppr, "keepNext", PPR_ORDER)
        no_snap_to_grid(ppr)
        set_exact_line(ppr, LINE_TWIPS)
        label_twips = len(line.label) * SMALL_CHAR_TWIPS
        set_indent(ppr, left=SMALL_CHAR_TWIPS + label_twips, right=SMALL_CHAR_TWIPS, hanging=label_twips)
        set_child(ppr, "jc", PPR_ORDER, {"val": line.align})
        if line.tab_right:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(width - SMALL_CHAR_TWIPS),
                                                              WD_TAB_ALIGNMENT.RIGHT)
        builder.add_run(paragraph, line.label + line.text, size_pt=SMALL_PT)
    return table


def distribution_block(
    builder: OfficialDocument,
    *,
    report_to: Sequence[str] | str | None = None,
    send_to: Sequence[str] | str | None = None,
    issue_to: Sequence[str] | str | None = None,
    copies: int | None = None,
    anchor_bottom: bool = True,
) -> Table:
    """简报 报尾: thick rule, 报：/送：/发： lines (empty ones left out), thick rule, （共印X份） at the right."""
    entries = [(label, _names(value)) for label, value in (("报：", report_to), ("送：", send_to),
                                                          ("发：", issue_to))]  # fmt: skip
    entries = [(label, names) for label, names in entries if names]
    if not entries:
        raise ValueError("报尾至少需要填写报、送、发中的一项")
    if copies is not None and copies <= 0:
        raise ValueError(f"印数必须为正整数，实际为 {copies}")
    last = len(entries) - 1
    lines = [
        _Line(names, label=label, rule_above=THICK_RULE_EIGHTHS if i == 0 else 0,
              rule_below=THICK_RULE_EIGHTHS if i == last else 0)
        for i, (label, names) in enumerate(entries)
    ]
    if copies is not None:
        lines.append(_Line(f"（共印{copies}份）", align="right"))
    builder.blank_line()
    return _block(builder, lines, anchor_bottom)


def banji(
    builder: OfficialDocument,
    cc: Sequence[str] | str | None,
    issuer: str,
    issued_on: date | str,
    *,
    anchor_bottom: bool = True,
) -> Table:
    """GB/T 9704 §7.4 版记: thick rule, 抄送 line, thin rule, issuer left and "…印发" right, thick rule."""
    issuer_text = clean_text(issuer).strip()
    if not issuer_text:
        raise ValueError("版记缺少印发机关")
    date_text = f"{cn_date(issued_on)}印发" if isinstance(issued_on, date) else clean_text(issued_on)
    lines: list[_Line] = []
    names = _names(cc)
    if names:
        if not names.endswith("。"):
            names += "。"
        lines.append(_Line(names, label="抄送：", rule_above=THICK_RULE_EIGHTHS, rule_below=THIN_RULE_EIGHTHS))
    lines.append(_Line(f"{issuer_text}\t{date_text}", rule_above=0 if names else THICK_RULE_EIGHTHS,
                       rule_below=THICK_RULE_EIGHTHS, tab_right=True))
    builder.blank_line()
    return _block(builder, lines, anchor_bottom)
