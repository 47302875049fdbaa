"""Table columns as wide as their longest date, number or unit name; the exporter decides every cell line."""

from __future__ import annotations

from datetime import date

import pytest
from docx.oxml.ns import qn

from desktop.exporters.docx import OfficialDocument
from desktop.exporters.docx.measure import break_chars, fits, text_em
from desktop.exporters.docx.table import _PROTECTED

UNITS = ["区市场监督管理局", "区营商环境监督管理委员会", "区住房和城乡建设局", "区供电公司"]


def cell_lines(cell) -> list[str]:
    return cell.text.split("\n")


def grid_twips(table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_measure_counts_cjk_times_digits_and_seams() -> None:
    assert text_em("区市场监督管理局") == 8
    # 4 + 2 + 2 digits at 0.5 em, 4 CJK, 5 CJK/digit seams at 0.25 em
    assert text_em("2026年11月16日") == pytest.approx(8 * 0.5 + 3 + 5 * 0.25)
    assert text_em("ABC") == pytest.approx((722 + 667 + 667) / 1000)
    assert fits("区供电公司", 5 * 12 * 20, 12) and not fits("区供电公司", 5 * 12 * 20 - 1, 12)


def test_break_chars_keeps_dates_and_never_leaves_one_character() -> None:
    lines = break_chars("由区工业和信息化局牵头，于2026年5月28日前完成", 9, _PROTECTED)
    assert "".join(lines) == "由区工业和信息化局牵头，于2026年5月28日前完成"
    assert any("2026年5月28日前" in line for line in lines)
    assert all(text_em(line) <= 9 for line in lines)
    assert all(not line.startswith(("，", "。")) for line in lines)
    assert len(break_chars("区委办公室区人大常委会局", 11)[-1]) > 1


def test_narrow_preferred_columns_are_widened_to_their_dates_and_units() -> None:
    doc = OfficialDocument()
    rows = [[n, f"事项{n}需要协调解决的问题较多，由牵头单位负责，于5月底前完成", UNITS[n % 4], "张三",
             f"2026年{n % 12 + 1}月28日前", ""] for n in range(1, 9)]
    table = doc.table(["序号", "议定事项", "责任单位", "责任人", "完成时限", "备注"], rows,
                      col_widths_mm=(12, 56, 34, 16, 26, 12), font_size=12)
    widths = grid_twips(table)
    assert sum(widths) == doc.text_width
    size = int(table.rows[1].cells[2].paragraphs[0].runs[0]._r.rPr.find(qn("w:sz")).get(qn("w:val"))) / 2
    assert size in (12, 10.5)
    margins = 2 * 57
    assert widths[4] - margins >= max(text_em(r[4]) for r in rows) * size * 20
    assert widths[2] - margins >= text_em("区营商环境监督管理委员会") * size * 20
    for row in table.rows[1:]:
        assert len(cell_lines(row.cells[4])) == 1  # a date on one line
        assert cell_lines(row.cells[2])[0] in UNITS  # a unit name whole
        item = cell_lines(row.cells[1])
        assert any("5月底前" in line for line in item) and all(len(line) > 1 for line in item)


def test_name_lists_break_between_names_only() -> None:
    doc = OfficialDocument()
    units = "区住房和城乡建设局（牵头），区自然资源分局、区市场监督管理局、区供电公司（配合）"
    table = doc.table(["序号", "责任单位", "完成时限"], [[1, units, date(2026, 5, 28)]],
                      col_widths_mm=(20, 40, 96))
    lines = cell_lines(table.rows[1].cells[1])
    assert len(lines) > 1 and "".join(lines) == units
    pieces = ["区住房和城乡建设局", "（牵头），", "区自然资源分局、", "区市场监督管理局、", "区供电公司", "（配合）"]
    for line in lines:
        rest = line
        while rest:  # every line is a run of whole names
            piece = next(p for p in pieces if rest.startswith(p))
            rest = rest[len(piece):]
    assert table.rows[1].cells[1].paragraphs[0]._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"
