"""Wide 台账 print readably: paper chosen from the width, chosen/empty columns hidden, ≥ 9 pt in the render."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.exporters import jobs
from desktop.exporters.ledger_columns import ColumnChoiceError, _leaves_one, name_width
from desktop.exporters.xlsx.layout import MIN_PRINTED_PT
from desktop.services.scope import Period
from desktop.tools.render_docs import render_many_to_pdf, soffice_path
from tests.conftest import TODAY
from tests.exporters.pdf_layout import segments, split_dates

WIDE = ("ledger-projects", "ledger-issues")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_CJK = re.compile(r"^[\u4e00-\u9fff]{4,}$")


def _request(kind: str, **kw) -> jobs.LedgerRequest:
    return jobs.LedgerRequest(kind, Period.year(TODAY.year), TODAY, **kw)


def _header_cells(path: Path) -> tuple[object, dict[str, str]]:
    """The sheet and the column letter of each header text (the lower header row wins over a group name)."""
    ws = load_workbook(path).worksheets[0]
    letters: dict[str, str] = {}
    for row in (ws[4], ws[3]):
        for cell in row:
            if isinstance(cell.value, str) and cell.value not in letters:
                letters[cell.value] = cell.column_letter
    return ws, letters


def test_project_ledger_goes_to_a3_and_hides_what_it_does_not_print(demo_workspace, tmp_path) -> None:
    path = tmp_path / "projects.xlsx"
    count, fit = jobs.export_ledger_fitted(demo_workspace.db, _request("ledger-projects"), path)
    assert count > 50
    assert fit.paper == "A3" and fit.printed_pt >= MIN_PRINTED_PT
    assert fit.dropped_empty == ("包保领导",)  # no project of the demo has a 包保领导 besides its 牵头领导
    ws, letters = _header_cells(path)
    assert ws.page_setup.paperSize == 8 and ws.page_setup.orientation == "landscape"  # A3 landscape
    hidden = {h for h, letter in letters.items() if ws.column_dimensions[letter].hidden}
    assert hidden == {"项目编号", "建设地点", "包保领导"}
    # Hidden, not lost: every project's 项目编号 is still in the file for the reader who unhides it.
    codes = [ws[f"{letters['项目编号']}{r}"].value for r in range(5, 5 + count)]
    assert all(codes)
    # Name columns grow to their longest value: "城乡基础设施项目" fits one line of 项目类别.
    assert ws.column_dimensions[letters["项目类别"]].width >= 8 * 2.1


def test_whole_wan_amounts_print_without_needless_decimals(demo_workspace, tmp_path) -> None:
    """The demo's amounts are whole 万元: "306680", not "306680.00"; a column holding 元 below 1万 keeps two
    decimals. Workbook and print preview alike."""
    from desktop.exporters.ledger_columns import fit_sheet
    from desktop.exporters.ledger_html import cell_display

    path = tmp_path / "projects.xlsx"
    _count, fit = jobs.export_ledger_fitted(demo_workspace.db, _request("ledger-projects"), path)
    columns = {c.key: c for c in fit.spec.columns}
    assert (columns["total"].format, columns["annual_plan"].format) == ("0", "0")
    ws, letters = _header_cells(path)
    assert ws[f"{letters['总投资']}5"].number_format == "0"
    assert cell_display(columns["total"], 3_066_800_000) == "306680"
    spec, rows = jobs.full_ledger_sheet(demo_workspace.db, _request("ledger-projects"))
    rows = [dict(r) for r in rows if isinstance(r, dict)]
    rows[0]["completed"] = (rows[0]["completed"] or 0) + 1234  # 0.1234万元
    odd = {c.key: c for c in fit_sheet(spec, rows).spec.columns}
    assert (odd["total"].format, odd["completed"].format) == ("0", "0.00")
    assert cell_display(odd["completed"], 3_066_801_234) == "306680.12"


def test_chosen_columns_print_on_a4_and_are_saved_per_ledger(demo_workspace, tmp_path) -> None:
    chosen = ("项目名称", "建设单位", "total", "责任单位")
    fit = jobs.ledger_fit(demo_workspace.db, _request("ledger-projects", columns=chosen))
    shown = [c.header for c in fit.spec.columns if not c.hidden]
    assert shown == ["项目名称", "建设单位", "总投资", "责任单位"]
    assert fit.paper == "A4"
    jobs.save_columns(demo_workspace.db, "ledger-projects", [c.key for c in fit.spec.columns if not c.hidden])
    assert jobs.saved_columns(demo_workspace.db, "ledger-projects") == ("name", "owner", "total", "lead_unit")
    again = jobs.ledger_fit(demo_workspace.db, _request("ledger-projects"))
    assert [c.header for c in again.spec.columns if not c.hidden] == shown
    assert jobs.saved_columns(demo_workspace.db, "ledger-issues") is None
    jobs.save_columns(demo_workspace.db, "ledger-projects", None)
    assert jobs.saved_columns(demo_workspace.db, "ledger-projects") is None


def test_keep_empty_and_forced_paper(demo_workspace) -> None:
    fit = jobs.ledger_fit(demo_workspace.db, _request("ledger-projects", keep_empty=True, paper="A4"))
    assert fit.dropped_empty == () and fit.paper == "A4"
    assert "包保领导" in [c.header for c in fit.spec.columns if not c.hidden]
    assert fit.printed_pt < MIN_PRINTED_PT  # said, so the CLI can warn


def test_unknown_column_is_named_in_chinese(demo_workspace) -> None:
    with pytest.raises(ColumnChoiceError, match="台账没有列「项目经理」"):
        jobs.ledger_fit(demo_workspace.db, _request("ledger-projects", columns=["项目名称", "项目经理"]))


def test_cli_columns_option(demo_workspace, tmp_path, capsys) -> None:
    from desktop.cli import main

    out = tmp_path / "台账.xlsx"
    code = main(["export", "ledger-projects", "--data-dir", str(demo_workspace.data_dir), "--out", str(out),
                 "--today", TODAY.isoformat(), "--columns", "项目名称，建设单位,总投资"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "3列，A4横向" in printed
    ws, letters = _header_cells(out)
    shown = sorted((letter, h) for h, letter in letters.items() if not ws.column_dimensions[letter].hidden)
    assert [h for _letter, h in shown if h != "投资情况（万元）"] == ["序号", "项目名称", "建设单位", "总投资"]


def _smallest_text_pt(pdf: Path) -> float:
    """Smallest printed size of table text: a run of CJK characters is as wide as its characters × the size."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    sizes = [(float(x1) - float(x0)) / len(text) for x0, _y0, x1, _y1, text in _WORD.findall(html)
             if _CJK.match(text)]
    assert len(sizes) > 100
    return min(sizes)


@pytest.mark.libreoffice
def test_wide_ledgers_print_at_9_pt_or_more(demo_workspace, tmp_path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    files = []
    for kind in WIDE:
        path = tmp_path / f"{kind}.xlsx"
        jobs.export_ledger(demo_workspace.db, _request(kind), path)
        files.append(path)
    pdfs = {p.stem: p for p in render_many_to_pdf(files, tmp_path / "pdf")}
    for kind in WIDE:
        pdf = pdfs[kind]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A3)" in info, kind
        smallest = _smallest_text_pt(pdf)
        assert smallest >= MIN_PRINTED_PT, (kind, smallest)
        assert split_dates(segments(pdf)) == [], kind  # a date never wraps inside its cell


def test_name_widths_avoid_a_lone_last_character() -> None:
    """区市场监督管理局 (8) and 区行政审批服务管理局 (10) in a 7-character column: widened until neither ends on a
    line of one character, in Excel's 7 px and LibreOffice's 8 px column units alike."""
    lengths = [8.0, 10.0, 9.0, 5.0]
    width = name_width(7, lengths)
    assert 7 < width <= 10
    assert not any(_leaves_one(n, width) for n in lengths)
    assert _leaves_one(8, 7)  # the failure it avoids: "区市场监督管理/局"
    assert name_width(7, [3.0, 4.0]) == 7  # nothing to avoid: the declared width stays
