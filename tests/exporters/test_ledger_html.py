"""The printed 台账 (HTML for the preview and PDF) holds exactly the xlsx export's rows: every ledger of the demo
data, the HTML table compared with the re-opened workbook cell by cell, merged group rows included."""

from __future__ import annotations

from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from desktop.exporters import jobs
from desktop.exporters.ledger_html import body_pt, ledger_html
from desktop.exporters.ledgers import LedgerHeader, issue_sheet, project_sheet
from desktop.exporters.xlsx.layout import geometry
from desktop.exporters.xlsx.values import chinese_date
from desktop.services.scope import Period


class Table(HTMLParser):
    """Rows of the HTML: body rows (after </thead>) as cell texts, colspans expanded with empty cells as Excel
    reads a merged range; cells holding a highlight style are remembered."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.head_seen = False
        self.rows: list[list[str]] = []
        self.red: set[tuple[int, int]] = set()
        self.title = ""
        self._cell: list[str] | None = None
        self._span = 1
        self._in_title = False

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.head_seen:
            self.rows.append([])
        elif tag == "td" and self.head_seen:
            self._cell, self._span = [], int(a.get("colspan", 1))
            if "#c00000" in (a.get("style") or ""):
                self.red.add((len(self.rows) - 1, len(self.rows[-1])))
        elif tag == "p" and not self.title and not self.head_seen:
            self._in_title = True
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag == "thead":
            self.in_head, self.head_seen = False, True
        elif tag == "td" and self._cell is not None and self.head_seen:
            self.rows[-1] += ["".join(self._cell)] + [""] * (self._span - 1)
            self._cell = None
        elif tag == "p":
            self._in_title = False

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_title:
            self.title += data


def shown(cell) -> str:
    """A workbook cell as Excel displays it with its number format."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return chinese_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if cell.number_format == "0.00%":
        return f"{value:.2%}"
    if cell.number_format == "0.00":
        return f"{value:.2f}"
    return str(int(value)) if float(value).is_integer() else str(value)


@pytest.mark.parametrize("kind", list(jobs.LEDGER_KINDS))
def test_printed_ledger_rows_are_the_workbook_rows(demo_workspace, today, tmp_path: Path, kind: str) -> None:
    request = jobs.LedgerRequest(kind, Period.months(today.year, 1, today.month), today)
    path = tmp_path / f"{kind}.xlsx"
    jobs.export_ledger(demo_workspace.db, request, path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    spec, rows = jobs.ledger_sheet(demo_workspace.db, request)
    table = Table()
    table.feed(ledger_html(spec, rows))
    geo = geometry(spec)
    last = ws.max_row - len(spec.notes)
    # The paper shows the columns the sheet prints: hidden ones (not chosen, or empty in every row) are left out.
    printed_cols = [c for c in range(1, ws.max_column + 1)
                    if not ws.column_dimensions[openpyxl.utils.get_column_letter(c)].hidden]
    place = {c: i for i, c in enumerate(printed_cols)}
    data = list(ws.iter_rows(min_row=geo.first_data_row, max_row=last))
    expected = [[shown(row[c - 1]) for c in printed_cols] for row in data]
    assert len(table.rows) == len(expected) > 5
    for number, (printed, sheet) in enumerate(zip(table.rows, expected, strict=True), start=geo.first_data_row):
        assert printed == sheet, f"第{number}行"
    assert table.title == ws.cell(1, 1).value == spec.title
    red_in_sheet = {(cell.row - geo.first_data_row, place[cell.column]) for row in data for cell in row
                    if cell.fill.fgColor.rgb == "00FFC7CE" and cell.column in place}
    assert table.red == red_in_sheet


def test_text_is_escaped_and_line_breaks_kept(today) -> None:
    header = LedgerHeader("台账<测试>", "单位&办公室", today)
    spec, rows = issue_sheet(header, [{"project": "<b>项目</b>", "description": "第一行\n第二行",
                                       "deadline": "长期坚持", "status": "assigned"}])
    html = ledger_html(spec, rows)
    assert "&lt;b&gt;项目&lt;/b&gt;" in html and "第一行<br/>第二行" in html and "单位&amp;办公室" in html
    table = Table()
    table.feed(html)
    assert table.rows[0][:4] == ["1", "<b>项目</b>", "", "第一行\n第二行"]
    assert table.rows[0][7] == "长期坚持" and table.rows[0][9] == "办理中"


def test_a_bad_value_names_ledger_row_and_column(today) -> None:
    spec, rows = project_sheet(LedgerHeader("重点项目台账", "", today), 10, [{"name": "甲", "total": "很多"}])
    with pytest.raises(ValueError, match="重点项目台账」第1行「总投资」"):
        ledger_html(spec, rows)


def test_wide_sheets_print_smaller_like_excel_fit_to_width(today) -> None:
    header = LedgerHeader("台账", "", today)
    wide = body_pt(project_sheet(header, 10, [])[0])
    assert 6 <= wide < body_pt(issue_sheet(header, [])[0]) < 10.5
