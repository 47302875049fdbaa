"""Bordered tables inside official documents (议定事项分解表, small statistics).

Print offices reject tables that stick out of the type area, lose their header on page two, or break a row
across pages, so those three properties are fixed here rather than left to each exporter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table, _Cell

from desktop.exporters.cn_text import clean_text, cn_date
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


def _widths(total: int, headers: Sequence[str], rows: Sequence[Sequence[str]],
            col_widths_mm: Sequence[float] | None) -> list[int]:
    """Column widths in twips summing exactly to *total*; without widths, by content length (capped)."""
    n = len(headers)
    if col_widths_mm is not None:
        if len(col_widths_mm) != n or any(w <= 0 for w in col_widths_mm):
            raise ValueError(f"列宽数量应为 {n} 个且均大于0，实际为 {list(col_widths_mm)}")
        weights = [float(w) for w in col_widths_mm]
    else:
        weights = []
        for i, header in enumerate(headers):
            longest = max([len(header)] + [max((len(p) for p in r[i].split("\n")), default=0) for r in rows])
            weights.append(float(min(max(longest, 2), 24)))
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


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
    if not headers:
        raise ValueError("表格至少需要一列表头")
    n = len(headers)
    texts: list[list[str]] = []
    for index, row in enumerate(rows, start=1):
        if len(row) != n:
            raise ValueError(f"表格第{index}行有 {len(row)} 个值，表头有 {n} 列")
        texts.append([cell_text(v) for v in row])
    header_texts = [cell_text(h) for h in headers]
    widths = _widths(builder.text_width, header_texts, texts, col_widths_mm)
    if col_align is None:
        col_align = [
            "center" if all(len(r[i]) <= _SHORT_TEXT for r in texts) else "justify" for i in range(n)
        ]
    elif len(col_align) != n:
        raise ValueError(f"列对齐方式数量应为 {n} 个，实际为 {len(col_align)} 个")

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
                _set_cell(builder, cell, value, widths[col], font=builder.profile.body, size_pt=font_size,
                          align=col_align[col])
    return table
