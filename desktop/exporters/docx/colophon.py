"""End blocks: the 简报 报尾 (报/送/发, 共印X份) and the GB/T 9704 版记 (抄送, 印发机关, 印发日期).

GB/T 9704 puts the 版记 on the last lines of the last page, its last rule on the bottom edge of the type area.
A full-width table floated to the bottom margin does that in Word but is laid out inline by LibreOffice (and so,
likely, by WPS); padding the page with empty lines depends on how every renderer breaks the body's lines. What all
three honour (measured in LibreOffice 7.4 for bodies ending on every line of a page, see document-format.md §8) is
a text box aligned to the bottom of the margin and anchored in the last body paragraph:

- the box wraps top-and-bottom, so the body keeps exactly the grid lines above it;
- the last paragraph keeps its lines together (a table ending the body keeps its last row with the anchor), so
  when the page is too full the paragraph moves with the box and the 版记 is never alone on a page;
- inside the box a one-column borderless table carries the rules as cell borders, as wide as the type area,
  with rows of exact height. Lines are broken here, between names, never inside one, so the box height is known
  when the file is written and does not depend on the reader's fonts.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.table import Table
from lxml import etree

from desktop.exporters.cn_text import clean_text, cn_date
from desktop.exporters.docx.layout import LINE_TWIPS, SMALL_CHAR_TWIPS, SMALL_PT
from desktop.exporters.docx.measure import break_chars, text_em
from desktop.exporters.docx.ooxml import (
    BORDER_ORDER,
    PPR_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    no_snap_to_grid,
    set_child,
    set_exact_line,
    set_fonts,
    set_indent,
    set_lang,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from desktop.exporters.docx.official import OfficialDocument

THICK_RULE_EIGHTHS = 8  # 1 pt ≈ 0.35 mm
THIN_RULE_EIGHTHS = 6  # 0.75 pt ≈ 0.26 mm
# One 版记 line: the 28.95 pt body pitch less the rules' share, so n lines and their rules fit in n grid lines.
ROW_LINE_TWIPS = 540
# 22 grid lines take 12738 of the type area's 12756 twips; a box up to 16 tw taller still leaves them free.
_GRID_SLACK_TWIPS = 16
_TAIL_TWIPS = 20  # the 1 pt paragraph Word wants after a table inside a text box
_EMU_PER_TWIP = 635
_WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@dataclass(frozen=True)
class _Line:
    """One text row of a block and the rules drawn above/below it (eighths of a point, 0 = none).

    ``text`` holds the row's printed lines separated by "\n" (the breaks are decided here, see module doc).
    """

    text: str
    label: str = ""  # hanging label such as "抄送：", wrapped lines align after it
    rule_above: int = 0
    rule_below: int = 0
    align: str = "left"
    tab_right: bool = False  # "left part\tright part" with a right tab one character in from the edge

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + 1


def _clean_names(value: Sequence[str] | str | None) -> list[str]:
    """Recipient names; a typed list "甲，乙" is split at its commas (a "、" stays: "区委、区政府主要领导")."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [name for v in value for name in (part.strip() for part in re.split(r"[，,\n]", clean_text(v)))
            if name]


def _capacity_em(builder: OfficialDocument, label: str) -> float:
    """Ems of 四号 text between the 版记's indents (左右各空一字, wrapped lines aligned after the label)."""
    return (builder.text_width - 2 * SMALL_CHAR_TWIPS) / SMALL_CHAR_TWIPS - text_em(label)


def wrap_names(names: Sequence[str], capacity_em: float, end: str = "") -> str:
    """Names joined by "，" and broken into lines between names, each comma kept at the end of its line.

    A name longer than a whole line is broken by characters (with 避头尾); *end* (e.g. "。") closes the list.
    """
    lines: list[str] = []
    current = ""
    for index, name in enumerate(names):
        piece = name + ("，" if index < len(names) - 1 else end)
        if current and text_em(current + piece) > capacity_em:
            lines.append(current)
            current = ""
        if text_em(piece) > capacity_em:
            parts = break_chars(current + piece, capacity_em)
            lines.extend(parts[:-1])
            current = parts[-1]
        else:
            current += piece
    if current:
        lines.append(current)
    return "\n".join(lines)


def _issue_line(builder: OfficialDocument, issuer: str, date_text: str) -> str:
    """印发机关 left and 印发日期 right on one line; the date goes to its own line when both do not fit."""
    capacity = _capacity_em(builder, "")
    if text_em(issuer) + 1 + text_em(date_text) <= capacity:
        return f"{issuer}\t{date_text}"
    return "\n".join([*break_chars(issuer, capacity), f"\t{date_text}"])


def _border(parent, side: str, eighths: int) -> None:
    attrs = {"val": "single", "sz": str(eighths), "space": "0", "color": "000000"} if eighths else {"val": "nil"}
    set_child(parent, side, BORDER_ORDER, attrs)


def _rule_twips(lines: Sequence[_Line]) -> int:
    """Height the rules add: each edge between rows counts once, at its thicker rule."""
    edges = [lines[0].rule_above]
    edges += [max(a.rule_below, b.rule_above) for a, b in itertools.pairwise(lines)]
    edges.append(lines[-1].rule_below)
    return sum(math.ceil(e * 20 / 8) for e in edges)


def _table(builder: OfficialDocument, lines: Sequence[_Line], exact_rows: bool) -> Table:
    width = builder.text_width
    table = builder.doc.add_table(rows=len(lines), cols=1)
    tbl_pr = table._tbl.tblPr
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
    line_twips = ROW_LINE_TWIPS if exact_rows else LINE_TWIPS

    for index, (row, line) in enumerate(zip(table.rows, lines, strict=True)):
        # Rows share an edge: give both sides the same rule so Word's border conflict rules cannot drop it.
        above = max(line.rule_above, lines[index - 1].rule_below if index else 0)
        below = max(line.rule_below, lines[index + 1].rule_above if index + 1 < len(lines) else 0)
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
        if exact_rows:
            tr_pr.append(tr_pr.makeelement(qn("w:trHeight"), {
                qn("w:val"): str(line.line_count * ROW_LINE_TWIPS), qn("w:hRule"): "exact"}))
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
        set_exact_line(ppr, line_twips)
        label_twips = round(text_em(line.label) * SMALL_CHAR_TWIPS)
        set_indent(ppr, left=SMALL_CHAR_TWIPS + label_twips, right=SMALL_CHAR_TWIPS, hanging=label_twips)
        set_child(ppr, "jc", PPR_ORDER, {"val": line.align})
        if line.tab_right:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(width - SMALL_CHAR_TWIPS),
                                                              WD_TAB_ALIGNMENT.RIGHT)
        builder.add_run(paragraph, line.label + line.text, size_pt=SMALL_PT)
    return table


def _is_empty_paragraph(element: etree._Element) -> bool:
    if element.tag != qn("w:p"):
        return False
    ppr = element.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
        return False
    return not any(True for _ in element.iter(qn("w:t"), qn("w:drawing"), qn("w:pict"), qn("w:tab")))


def _anchor_paragraph(builder: OfficialDocument, before: etree._Element) -> etree._Element:
    """The paragraph that carries the box: the last body paragraph, kept whole so it moves with the box.

    Trailing empty lines go (the box replaces them); a body ending with a table keeps its last row with a 1 pt
    anchor paragraph after it, so a full page moves that row, not the 版记 alone, to the next page.
    """
    body = builder.doc.element.body
    last = before.getprevious()
    while last is not None and _is_empty_paragraph(last):
        previous = last.getprevious()
        body.remove(last)
        last = previous
    if last is not None and last.tag == qn("w:p"):
        set_child(last.get_or_add_pPr(), "keepLines", PPR_ORDER)
        return last
    if last is not None and last.tag == qn("w:tbl"):
        rows = last.findall(qn("w:tr"))
        if rows:
            for p in rows[-1].iter(qn("w:p")):
                set_child(p.get_or_add_pPr(), "keepNext", PPR_ORDER)
    anchor = builder.new_paragraph(line_twips=_TAIL_TWIPS, snap_to_grid=False)._p
    before.addprevious(anchor)
    return anchor


def _next_shape_id(builder: OfficialDocument) -> int:
    ids = [int(v) for v in builder.doc.element.body.xpath(".//wp:docPr/@id") if str(v).isdigit()]
    return max(ids, default=0) + 1


def _box_run(width_twips: int, height_twips: int, shape_id: int, name: str) -> etree._Element:
    """A run holding a borderless, inset-free text box aligned to the bottom of the margin, full type width."""
    cx, cy = width_twips * _EMU_PER_TWIP, height_twips * _EMU_PER_TWIP
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{_WPS_NS}" xmlns:mc="{_MC_NS}">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="1" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS_NS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        '<wps:txbx><w:txbxContent/></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" '
        'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice></mc:AlternateContent></w:r>'
    )
    return parse_xml(xml)


def box_grid_lines(lines: Sequence[_Line]) -> int:
    """Body grid lines the block takes from the last page."""
    content = sum(line.line_count for line in lines) * ROW_LINE_TWIPS + _rule_twips(lines) + _TAIL_TWIPS
    return max(1, math.ceil((content - _GRID_SLACK_TWIPS) / LINE_TWIPS))


def _block(builder: OfficialDocument, lines: Sequence[_Line], anchor_bottom: bool, name: str) -> Table:
    if not anchor_bottom:
        builder.blank_line()
        return _table(builder, lines, exact_rows=False)
    table = _table(builder, lines, exact_rows=True)
    tbl = table._tbl
    anchor = _anchor_paragraph(builder, tbl)
    grid_lines = box_grid_lines(lines)
    run = _box_run(builder.text_width, grid_lines * LINE_TWIPS + _GRID_SLACK_TWIPS, _next_shape_id(builder), name)
    rpr = run.makeelement(qn("w:rPr"), {})
    run.insert(0, rpr)
    set_fonts(rpr, builder.profile.body, builder.profile.latin)
    set_lang(rpr)
    content = run.find(".//" + qn("w:txbxContent"))
    content.append(tbl)  # moves the table from the body into the box
    tail = builder.new_paragraph(line_twips=_TAIL_TWIPS, snap_to_grid=False)._p
    tail.getparent().remove(tail)
    content.append(tail)
    anchor.append(run)
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
    entries = [(label, _clean_names(value)) for label, value in (("报：", report_to), ("送：", send_to),
                                                                ("发：", issue_to))]  # fmt: skip
    entries = [(label, wrap_names(names, _capacity_em(builder, label))) for label, names in entries if names]
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
    return _block(builder, lines, anchor_bottom, "报尾")


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
    names = [n.rstrip("。") for n in _clean_names(cc)]
    names = [n for n in names if n]
    if names:
        text = wrap_names(names, _capacity_em(builder, "抄送："), end="。")
        lines.append(_Line(text, label="抄送：", rule_above=THICK_RULE_EIGHTHS, rule_below=THIN_RULE_EIGHTHS))
    lines.append(_Line(_issue_line(builder, issuer_text, date_text), rule_above=0 if names else THICK_RULE_EIGHTHS,
                       rule_below=THICK_RULE_EIGHTHS, tab_right=True))
    return _block(builder, lines, anchor_bottom, "版记")


def box_tables(document: DocxDocument) -> list[Table]:
    """The end blocks of a saved or built document: tables inside its text boxes, which ``Document.tables``
    does not list (it sees only the body's own tables)."""
    body = document.element.body
    return [Table(tbl, document._body) for tbl in body.iter(qn("w:tbl"))
            if any(a.tag == qn("w:txbxContent") for a in tbl.iterancestors())]
