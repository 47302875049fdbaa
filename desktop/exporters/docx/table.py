"""Bordered tables inside official documents (议定事项分解表, small statistics).

Print offices reject tables that stick out of the type area, lose their header on page two, or break a row
across pages, so those three properties are fixed here rather than left to each exporter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table, _Cell

from desktop.exporters.cn_text import clean_text, cn_date
from desktop.exporters.docx.measure import break_chars, text_em
from desktop.exporters.docx.ooxml import (
    BORDER_ORDER,
    PPR_ORDER,
    TBLPR_ORDER,
    TCPR_ORDER,
    no_snap_to_grid,
    set_child,
    set_exact_line,
)

if TYPE_CHECKING:
    from desktop.exporters.docx.official import Align, OfficialDocument

_CELL_MARGIN_TWIPS = 57  # 1 mm left/right: enough air without wasting a narrow column
_BORDER_EIGHTHS = "4"  # 0.5 pt
_SHORT_TEXT = 6  # columns whose values are at most this long are centred (序号, 状态, dates)
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def cell_text(value: object) -> str:
    """How a Python value reads in a printed table cell (dates the Chinese way, None blank)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return cn_date(value)
    return clean_text(value)


# Where a list of names may break: after its separators ("区住建局、区自然资源分局"), which stay at the line end,
# and before a bracketed role ("区住建局（牵头）").
_TOKEN = re.compile(r"[^、，,；;/\s（(]+[、，,；;/]*|[（(][^）)]*[）)]?[、，,；;/]*|[、，,；;/]+")
# A column whose longest unbreakable piece is longer than this holds prose (议定事项, 问题描述), which may wrap;
# 13 characters and a comma hold the longest unit names ("区营商环境监督管理委员会、").
_ATOMIC_MAX_EM = 14.0
# Inside prose, pieces that must stay whole: dates, 完成时限 wordings, numbers with their unit.
_PROTECTED = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?[前底]?|\d{1,2}月(?:\d{1,2}日|底|份)?前?"
                        r"|\d+(?:\.\d+)?(?:%|％|万元|亿元|个|天|日)?")
_FALLBACK_SIZES = (12.0, 10.5, 9.0)  # 小四, 五号, 小五: tried in turn when the pieces do not fit at the asked size
# Prose squeezed below this many characters a line reads badly; a smaller 字号 is tried first.
_PROSE_MIN_EM = 8.0
_SAFETY_TWIPS = 30  # 1.5 pt per column for rounding and glyph overhang


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class _Column:
    min_em: float  # the widest piece that must not break (a date, a unit name, the header)
    want_em: float  # the widest whole cell line, what the column would take with room to spare
    prose: bool


def _column(header: str, cells: Sequence[str]) -> _Column:
    lines = [line for cell in cells for line in cell.split("\n") if line]
    pieces = [t for line in lines for t in _tokens(line)]
    longest = max((text_em(t) for t in pieces), default=0.0)
    prose = longest > _ATOMIC_MAX_EM
    if prose:
        protected = [m.group(0) for line in lines for m in _PROTECTED.finditer(line)]
        minimum = max((text_em(t) for t in protected), default=2.0)
    else:
        minimum = longest
    # A header of up to three characters stays whole; a longer one over a narrow column takes two lines
    # (超期/天数), as hand-made tables do.
    header_em = text_em(header) if len(header) <= 3 else text_em(header[: math.ceil(len(header) / 2)])
    want = max([text_em(line) for line in lines] + [header_em])
    return _Column(max(minimum, header_em, 1.0), min(want, 24.0), prose)


def _solve(total: int, columns: Sequence[_Column], preferred: Sequence[float] | None, size_pt: float
           ) -> list[int] | None:
    """Twips per column summing to *total*, none below its unbreakable minimum; None if that cannot be.

    A column of names, dates or numbers gets what its longest line needs and no more; prose columns share the
    rest in proportion to the preferred widths.
    """
    pad = 2 * _CELL_MARGIN_TWIPS + _SAFETY_TWIPS
    mins = [math.ceil(c.min_em * size_pt * 20) + pad for c in columns]
    if sum(mins) > total:
        return None
    wants = [max(math.ceil(c.want_em * size_pt * 20) + pad, m) for c, m in zip(columns, mins, strict=True)]
    weights = list(preferred) if preferred is not None else [float(w) for w in wants]
    scale = total / sum(weights)
    widths = [float(min(max(w * scale, m), cap) if not c.prose else max(w * scale, m))
              for w, m, cap, c in zip(weights, mins, wants, columns, strict=True)]
    for _ in range(2 * len(widths)):
        excess = sum(widths) - total
        if abs(excess) <= 0.5:
            break
        if excess < 0:
            # Room left over: prose first, otherwise every column up to what its lines want, then all alike.
            takers = [i for i, c in enumerate(columns) if c.prose] or \
                [i for i in range(len(widths)) if widths[i] < wants[i]] or list(range(len(widths)))
            share = sum(weights[i] for i in takers)
            for i in takers:
                widths[i] += -excess * weights[i] / share
        else:
            spare = [w - m for w, m in zip(widths, mins, strict=True)]
            widths = [w - excess * sp / sum(spare) for w, sp in zip(widths, spare, strict=True)]
    result = [int(w) for w in widths]
    result[max(range(len(result)), key=lambda i: result[i] - mins[i])] += total - sum(result)
    return result


def _widths(total: int, headers: Sequence[str], rows: Sequence[Sequence[str]],
            col_widths_mm: Sequence[float] | None, font_size: float) -> tuple[list[int], float, list[_Column]]:
    """Column widths in twips summing exactly to *total*, and the font size they allow.

    No column is narrower than its longest date, number or unit name (measured, CJK one em, Times widths for
    digits, the CJK/Latin seams counted), so those never break; the caller's widths are preferences. When the
    pieces cannot all fit at *font_size*, the next smaller 字号 is tried.
    """
    n = len(headers)
    if col_widths_mm is not None and (len(col_widths_mm) != n or any(w <= 0 for w in col_widths_mm)):
        raise ValueError(f"列宽数量应为 {n} 个且均大于0，实际为 {list(col_widths_mm)}")
    columns = [_column(headers[i], [r[i] for r in rows]) for i in range(n)]
    preferred = None if col_widths_mm is None else [float(w) for w in col_widths_mm]
    feasible: tuple[list[int], float] | None = None
    for size in [font_size, *(s for s in _FALLBACK_SIZES if s < font_size)]:
        widths = _solve(total, columns, preferred, size)
        if widths is None:
            continue
        feasible = feasible or (widths, size)
        pad = 2 * _CELL_MARGIN_TWIPS + _SAFETY_TWIPS
        if all((w - pad) / 20 / size >= _PROSE_MIN_EM for w, c in zip(widths, columns, strict=True) if c.prose):
            return widths, size, columns
    if feasible is not None:  # whole names and dates matter more than roomy prose
        return feasible[0], feasible[1], columns
    # Even 小五 cannot hold every piece whole: keep the proportions and let the longest pieces wrap.
    weights = preferred or [c.want_em for c in columns]
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths, min(font_size, _FALLBACK_SIZES[-1]), columns


def _capacity_em(width_twips: int, size_pt: float) -> float:
    return (width_twips - 2 * _CELL_MARGIN_TWIPS - _SAFETY_TWIPS) / 20 / size_pt


def _break_prose(text: str, width_twips: int, size_pt: float) -> str:
    """Prose broken into lines here, dates and numbers kept whole and no character left alone on a line."""
    capacity = _capacity_em(width_twips, size_pt)
    return "\n".join(part for line in text.split("\n") for part in (break_chars(line, capacity, _PROTECTED)
                                                                    if text_em(line) > capacity else [line]))


def _break_header(text: str, width_twips: int, size_pt: float) -> str:
    """A header too long for its column in lines of equal length ("超期/天数", not "超期天/数")."""
    capacity = _capacity_em(width_twips, size_pt)
    if text_em(text) <= capacity or "\n" in text:
        return text
    count = math.ceil(text_em(text) / capacity)
    per_line = math.ceil(len(text) / count)
    return "\n".join(text[i:i + per_line] for i in range(0, len(text), per_line))


def _break_between_names(text: str, width_twips: int, size_pt: float) -> str:
    """Lines of a name list broken after its separators, so no renderer has to break inside a name."""
    capacity = _capacity_em(width_twips, size_pt)
    out: list[str] = []
    for line in text.split("\n"):
        if text_em(line) <= capacity:
            out.append(line)
            continue
        current = ""
        for token in _tokens(line):
            if current and text_em(current + token) > capacity:
                out.append(current)
                current = ""
            current += token
        out.append(current)
    return "\n".join(out)


def _set_cell(builder: OfficialDocument, cell: _Cell, text: str, width: int, *, font: str, size_pt: float,
              align: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    set_child(tc_pr, "tcW", TCPR_ORDER, {"w": str(width), "type": "dxa"})
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    ppr = paragraph._p.get_or_add_pPr()
    no_snap_to_grid(ppr)
    set_exact_line(ppr, round(size_pt * 1.35 * 20))
    set_child(ppr, "jc", PPR_ORDER, {"val": _JC[align]})
    builder.add_run(paragraph, text, font=font, size_pt=size_pt)


@dataclass(frozen=True)
class TableLayout:
    """A table as it prints: column widths (twips), the 字号 that fits, and every cell's lines decided."""

    widths: list[int]
    size_pt: float
    headers: list[str]  # "\n" between lines
    rows: list[list[str]]
    align: list[str]


def lay_out(total_twips: int, headers: Sequence[str], rows: Sequence[Sequence[object]],
            col_widths_mm: Sequence[float] | None = None, font_size: float = 12,
            col_align: Sequence[Align] | None = None) -> TableLayout:
    """Widths from the longest date/name of each column (CJK measured) and the line breaks of every cell; the
    Word table and the print preview's HTML table both print this, so they break the same lines."""
    if not headers:
        raise ValueError("表格至少需要一列表头")
    n = len(headers)
    texts: list[list[str]] = []
    for index, row in enumerate(rows, start=1):
        if len(row) != n:
            raise ValueError(f"表格第{index}行有 {len(row)} 个值，表头有 {n} 列")
        texts.append([cell_text(v) for v in row])
    header_texts = [cell_text(h) for h in headers]
    widths, font_size, columns = _widths(total_twips, header_texts, texts, col_widths_mm, font_size)
    # Every cell line is decided here and ends in an explicit break: Word, WPS and LibreOffice each break CJK
    # text anywhere, and would split "2026年5月/28日前" or leave "局" alone on a line.
    texts = [[(_break_prose if columns[i].prose else _break_between_names)(cell, widths[i], font_size)
              for i, cell in enumerate(row)] for row in texts]
    header_texts = [_break_header(h, widths[i], font_size) for i, h in enumerate(header_texts)]
    if col_align is None:
        col_align = [
            "center" if all(len(r[i]) <= _SHORT_TEXT for r in texts) else "justify" for i in range(n)
        ]
    elif len(col_align) != n:
        raise ValueError(f"列对齐方式数量应为 {n} 个，实际为 {len(col_align)} 个")
    return TableLayout(widths, font_size, header_texts, texts, list(col_align))


def add_table(
    builder: OfficialDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    col_widths_mm: Sequence[float] | None = None,
    font_size: float = 12,
    *,
    col_align: Sequence[Align] | None = None,
) -> Table:
    """Append a table: 黑体 header repeated on each page, rows never split, all borders, type-area wide."""
    layout = lay_out(builder.text_width, headers, rows, col_widths_mm, font_size, col_align)
    widths, font_size, texts, header_texts, col_align = (layout.widths, layout.size_pt, layout.rows, layout.headers,
                                                         layout.align)
    n = len(headers)

    table = builder.doc.add_table(rows=1 + len(texts), cols=n)
    tbl_pr = table._tbl.tblPr
    set_child(tbl_pr, "tblW", TBLPR_ORDER, {"w": str(builder.text_width), "type": "dxa"})
    set_child(tbl_pr, "jc", TBLPR_ORDER, {"val": "center"})
    borders = set_child(tbl_pr, "tblBorders", TBLPR_ORDER)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_child(borders, side, BORDER_ORDER, {"val": "single", "sz": _BORDER_EIGHTHS, "space": "0",
                                                "color": "000000"})
    set_child(tbl_pr, "tblLayout", TBLPR_ORDER, {"type": "fixed"})
    margins = set_child(tbl_pr, "tblCellMar", TBLPR_ORDER)
    for side, value in (("top", 0), ("left", _CELL_MARGIN_TWIPS), ("bottom", 0), ("right", _CELL_MARGIN_TWIPS)):
        set_child(margins, side, BORDER_ORDER, {"w": str(value), "type": "dxa"})
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width))

    for row_index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
        if row_index == 0:
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
            row.height = Twips(round(font_size * 2.2 * 20))
        values = header_texts if row_index == 0 else texts[row_index - 1]
        for col, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            if row_index == 0:
                _set_cell(builder, cell, value, widths[col], font=builder.profile.heading1, size_pt=font_size,
                          align="center")
            else:
                # Justifying a line that ends in one of our breaks would spread its characters apart.
                align = "left" if "\n" in value and col_align[col] == "justify" else col_align[col]
                _set_cell(builder, cell, value, widths[col], font=builder.profile.body, size_pt=font_size,
                          align=align)
    return table
