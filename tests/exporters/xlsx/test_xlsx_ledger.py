"""Ledgers written by write_ledger, re-opened with openpyxl in normal mode and checked cell by cell."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exporters.xlsx import (
    ColumnKind,
    GroupRow,
    LedgerColumn,
    LedgerExportCancelled,
    LedgerSpec,
    LedgerSpecError,
    LedgerValueError,
    subtotal_row,
    total_row,
    write_ledger,
)

STATUS_LABELS = {"new": "待交办", "assigned": "办理中", "phased": "阶段性推进", "resolved": "已办结",
                 "closed": "已销号"}
TODAY = dt.date(2025, 6, 30)


def _overdue(row: Any) -> set[str]:
    deadline = row.get("deadline")
    if isinstance(deadline, dt.date) and deadline < TODAY and row.get("status") not in ("resolved", "closed"):
        return {"deadline"}
    return set()


def issue_columns(two_level: bool) -> list[LedgerColumn]:
    lead_group = "责任单位" if two_level else None
    return [
        LedgerColumn("project", "项目名称", 10),
        LedgerColumn("desc", "存在问题", 16),
        LedgerColumn("lead", "牵头单位", 7, group=lead_group),
        LedgerColumn("support", "配合单位", 7, group=lead_group),
        LedgerColumn("deadline", "完成时限", 7, kind=ColumnKind.DATE),
        LedgerColumn("status", "办理状态", 5, kind=ColumnKind.STATUS, labels=STATUS_LABELS),
        LedgerColumn("amount", "金额（万元）", 6, kind=ColumnKind.MONEY_WAN),
        LedgerColumn("rate", "完成率", 5, kind=ColumnKind.PERCENT),
        LedgerColumn("count", "次数", 3, kind=ColumnKind.INT),
    ]


def issue_row(i: int, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "project": f"紫云府项目{i}", "desc": "项目用地范围内存在违法建筑，影响施工", "lead": "小店街道办事处",
        "support": "区城管局", "deadline": dt.date(2025, 6, 1 + i % 28), "status": ("new", "resolved")[i % 2],
        "amount": 1234567 + i, "rate": 0.9706, "count": i,
    }
    row.update(over)
    return row


def spec(two_level: bool = False, **kw: Any) -> LedgerSpec:
    base: dict[str, Any] = {
        "title": "小店区包保项目问题台账", "columns": issue_columns(two_level), "sheet_name": "问题台账",
        "unit": "区包保办", "report_date": TODAY, "highlight": _overdue,
        "notes": ["填表人：　　　审核人：　　　联系电话："],
    }
    base.update(kw)
    return LedgerSpec(**base)


def reopen(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def merges(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def assert_boxed(path: Path, sheet: str, ref: str) -> None:
    """Every cell in ``ref`` carries all four borders in the file itself.

    Read-only mode is used because normal mode rebuilds the borders of merged cells from the range's outline,
    which would hide a missing inner cell.
    """
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb[sheet]
        for row in ws[ref]:
            for cell in row:
                b = cell.border
                sides = (b.left.style, b.right.style, b.top.style, b.bottom.style)
                assert sides == ("thin",) * 4, (cell.coordinate, sides)
    finally:
        wb.close()


def test_one_level_layout_print_setup_and_values(tmp_path: Path) -> None:
    path = tmp_path / "问题台账.xlsx"
    rows = [issue_row(i) for i in range(1, 6)]
    assert write_ledger(path, [(spec(paper="A4"), rows)]) == 5
    ws = reopen(path)["问题台账"]

    # Title, unit/date, header, data start at row 5; 10 columns (序号 + 9).
    assert ws["A1"].value == "小店区包保项目问题台账"
    assert ws["A1"].font.name == "方正小标宋简体" and ws["A1"].font.sz == 20
    assert ws["A1"].alignment.horizontal == "center"
    assert ws["A2"].value == "填报单位：区包保办"
    assert ws["F2"].value == "填报日期：2025年6月30日" and ws["F2"].alignment.horizontal == "right"
    assert {"A1:J1", "A2:E2", "F2:J2"} <= merges(ws)
    assert [c.value for c in ws[3]] == ["序号", "项目名称", "存在问题", "牵头单位", "配合单位", "完成时限", "办理状态",
                                        "金额（万元）", "完成率", "次数"]
    assert ws["B3"].font.name == "黑体"
    assert_boxed(path, "问题台账", "A3:J8")
    assert [ws.cell(r, 1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]

    # Values and number formats.
    assert ws["B4"].value == "紫云府项目1" and ws["B4"].data_type == "s"
    assert ws["F4"].value == dt.datetime(2025, 6, 2) and ws["F4"].number_format == 'yyyy"年"m"月"d"日"'
    assert ws["G4"].value == "已办结" and ws["G5"].value == "待交办"
    assert ws["H4"].value == pytest.approx(123.4568) and ws["H4"].number_format == "0.00"
    assert ws["I4"].value == pytest.approx(0.9706) and ws["I4"].number_format == "0.00%"
    assert ws["J4"].value == 1 and ws["J4"].number_format == "0"
    assert ws["C4"].alignment.wrap_text is True and ws["C4"].alignment.vertical == "center"
    assert ws.column_dimensions["C"].width == pytest.approx(16 * 2.1 + 1)

    # Freeze below the header, right of 序号; header repeats on print.
    assert ws.freeze_panes == "B4"
    assert ws.print_title_rows == "$3:$3"

    # A4 landscape (as asked), fit to one page wide, centred, page footer.
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_options.horizontalCentered is True
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"

    # Notes row merged below the table, without borders.
    assert ws["A9"].value == "填表人：　　　审核人：　　　联系电话："
    assert "A9:J9" in merges(ws) and ws["A9"].border.left.style is None

    # Status drop-down on the data rows only, arrow visible.
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == "G4:G8"
    assert dv.type == "list" and dv.formula1 == '"待交办,办理中,阶段性推进,已办结,已销号"'
    assert not dv.showDropDown


def test_highlight_marks_only_overdue_open_deadlines(tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    rows = [issue_row(1, status="new", deadline=dt.date(2025, 6, 1)),
            issue_row(2, status="resolved", deadline=dt.date(2025, 6, 1)),
            issue_row(3, status="new", deadline=dt.date(2025, 7, 1))]
    write_ledger(path, [(spec(), rows)])
    ws = reopen(path)["问题台账"]
    hl = ws["F4"]
    assert hl.fill.fgColor.rgb == "00FFC7CE" and hl.font.color.rgb == "00C00000"
    for ref in ("F5", "F6", "B4", "G4"):
        assert ws[ref].fill.fill_type is None, ref
        assert ws[ref].font.color is None or ws[ref].font.color.rgb != "00C00000", ref
    assert_boxed(path, "问题台账", "F4:F6")


def test_two_level_header_groups_and_totals(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    rows: list[Any] = [GroupRow("一、产业项目（2个）", {"amount": 2_000_000})]
    rows += [issue_row(1, amount=1_000_000), issue_row(2, amount=1_000_000)]
    rows += [subtotal_row({"amount": 2_000_000}), GroupRow("二、社会事业项目（1个）"), issue_row(3, amount=50_000)]
    rows += [subtotal_row({"amount": 50_000}), total_row({"amount": 2_050_000, "count": 3})]
    write_ledger(path, [(spec(two_level=True), rows)])
    ws = reopen(path)["问题台账"]

    # Header rows 3-4: 责任单位 over 牵头单位 | 配合单位, other headers merged vertically.
    assert ws["D3"].value == "责任单位" and ws["D4"].value == "牵头单位" and ws["E4"].value == "配合单位"
    assert {"D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4", "J3:J4"} <= merges(ws)
    assert "D3:D4" not in merges(ws)
    assert_boxed(path, "问题台账", "A3:J4")
    assert ws.print_title_rows == "$3:$4" and ws.freeze_panes == "B5"

    # Group heading spans up to the first column with a value; serials continue across groups.
    assert ws["A5"].value == "一、产业项目（2个）" and ws["A5"].font.b is True
    assert "A5:G5" in merges(ws) and ws["H5"].value == pytest.approx(200.0) and ws["H5"].font.b is True
    assert [ws.cell(r, 1).value for r in (6, 7, 10)] == [1, 2, 3]
    assert ws["A8"].value == "小计" and ws["A8"].alignment.horizontal == "center"
    assert ws["A9"].value == "二、社会事业项目（1个）" and "A9:J9" in merges(ws)
    assert ws["A12"].value == "合计" and ws["H12"].value == pytest.approx(205.0) and ws["J12"].value == 3
    assert "A12:G12" in merges(ws)
    assert_boxed(path, "问题台账", "A5:J12")
    assert ws["A13"].value.startswith("填表人")

    # Drop-down skips the bold group rows.
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == "G6:G7 G10"


def test_three_sheets_sequence_rows_and_generators(tmp_path: Path) -> None:
    path = tmp_path / "three.xlsx"
    keys = spec().keys

    def gen(n: int) -> Any:
        for i in range(n):
            yield tuple(issue_row(i)[k] for k in keys)

    specs = [
        (spec(sheet_name="问题台账"), [issue_row(i) for i in range(3)]),
        (spec(sheet_name="问题台账", title="第二张", unit="", report_date=None, notes=()), gen(4)),
        (spec(sheet_name="a/b:c", serial_header=None, highlight=None), gen(2)),
    ]
    seen: list[tuple[int, int | None]] = []
    assert write_ledger(path, specs, progress=lambda d, t: seen.append((d, t)), progress_every=2) == 9
    wb = reopen(path)
    assert wb.sheetnames == ["问题台账", "问题台账(2)", "a_b_c"]
    second = wb["问题台账(2)"]
    # No unit/date line: header on row 2, data from row 3, 4 records.
    assert second["A2"].value == "序号" and second["A6"].value == 4 and second["A7"].value is None
    assert second.print_title_rows == "$2:$2" and second.freeze_panes == "B3"
    third = wb["a_b_c"]
    assert third["A3"].value == "项目名称" and third["A4"].value == "紫云府项目0" and third.freeze_panes == "A4"
    assert "A1:I1" in merges(third)
    assert seen[-1] == (9, None)  # generators have no length
    assert [d for d, _ in seen] == [2, 4, 6, 8, 9]


def test_progress_total_known_for_lists(tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    write_ledger(tmp_path / "p.xlsx", [(spec(), [issue_row(i) for i in range(7)])],
                 progress=lambda d, t: seen.append((d, t)), progress_every=3)
    assert seen == [(3, 7), (6, 7), (7, 7)]


def test_cancel_removes_partial_file_and_keeps_old_one(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    path.write_bytes(b"old ledger")
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    def endless() -> Any:
        i = 0
        while True:
            yield issue_row(i)
            i += 1

    with pytest.raises(LedgerExportCancelled):
        write_ledger(path, [(spec(), [issue_row(0)]), (spec(), endless())], cancel=cancel, progress_every=10)
    assert calls == 3
    assert path.read_bytes() == b"old ledger"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]
    # openpyxl's per-sheet temporary XML files are gone too, not left until interpreter exit.
    assert ALL_TEMP_FILES == []

    fresh = tmp_path / "new.xlsx"
    with pytest.raises(LedgerExportCancelled):
        write_ledger(fresh, [(spec(), [issue_row(1)])], cancel=lambda: True)
    assert not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]


def test_bad_value_names_sheet_row_and_column_and_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    rows = [issue_row(1), issue_row(2, amount=12.5)]
    with pytest.raises(LedgerValueError, match="工作表「问题台账」第5行「金额（万元）」：金额应为以元为单位的整数"):
        write_ledger(path, [(spec(), rows)])
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(LedgerValueError, match="应有9个值，实际为2个"):
        write_ledger(path, [(spec(), [("a", "b")])])


def test_spec_rejects_split_groups_and_duplicate_keys() -> None:
    cols = issue_columns(True)
    cols[3], cols[4] = cols[4], cols[3]  # 配合单位 (grouped) now sits apart from 牵头单位
    cols[2] = LedgerColumn("lead", "牵头单位", 7, group="责任单位")
    cols[4] = LedgerColumn("deadline", "完成时限", 7, kind=ColumnKind.DATE)
    cols[3] = LedgerColumn("x", "X", 3)
    cols.insert(5, LedgerColumn("support", "配合单位", 7, group="责任单位"))
    with pytest.raises(LedgerSpecError, match="必须相邻"):
        LedgerSpec("t", cols)
    with pytest.raises(LedgerSpecError, match="重复"):
        LedgerSpec("t", [LedgerColumn("a", "A"), LedgerColumn("a", "B")])


def test_long_choice_list_goes_to_hidden_sheet(tmp_path: Path) -> None:
    choices = [f"状态选项{i:02d}，含逗号" for i in range(30)]
    path = tmp_path / "choices.xlsx"
    write_ledger(path, [(spec(status_choices=choices), [issue_row(1, status="状态选项03，含逗号")])])
    wb = reopen(path)
    hidden = wb["下拉选项"]
    assert hidden.sheet_state == "hidden"
    assert [hidden.cell(r, 1).value for r in range(1, 31)] == choices
    (dv,) = wb["问题台账"].data_validations.dataValidation
    assert dv.formula1 == "'下拉选项'!$A$1:$A$30"
    assert str(dv.sqref) == "G4"


def test_row_heights_follow_wrapped_text(tmp_path: Path) -> None:
    path = tmp_path / "heights.xlsx"
    long_desc = "项目用地范围内存在违法建筑，影响施工" * 3  # 54 CJK chars in a 16-char column: 4 lines
    rows = [issue_row(1, desc="违法建筑影响施工"), issue_row(2, desc=long_desc), issue_row(3, desc="第一行\n第二行\n第三行"),
            issue_row(4, desc="a" * 32)]
    write_ledger(path, [(spec(), rows)])
    ws = reopen(path)["问题台账"]
    heights = [ws.row_dimensions[r].height for r in range(4, 8)]
    one_line = heights[0]
    assert one_line == pytest.approx(11 * 1.25 + 5, abs=0.06)
    assert heights[1] == pytest.approx(4 * 11 * 1.25 + 5, abs=0.06)
    assert heights[2] == pytest.approx(3 * 11 * 1.25 + 5, abs=0.06)
    assert heights[3] == pytest.approx(one_line)  # 32 ASCII letters are 16 CJK widths: still one line
    assert ws.row_dimensions[1].height == 40  # title row


def test_section_label_needs_a_column(tmp_path: Path) -> None:
    no_serial = spec(serial_header=None)
    with pytest.raises(LedgerValueError, match="没有位置写标签"):
        write_ledger(tmp_path / "s.xlsx", [(no_serial, [total_row({"project": "x"})])])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("two_level", [False, True])
def test_ledger_has_autofilter_on_header_row_over_data_only(tmp_path: Path, two_level: bool) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(path, [(spec(two_level), [issue_row(i) for i in range(5)])])
    ws = reopen(path)["问题台账"]
    header_bottom = 4 if two_level else 3
    last_col = openpyxl.utils.get_column_letter(len(issue_columns(two_level)) + 1)
    assert ws.auto_filter.ref == f"A{header_bottom}:{last_col}{header_bottom + 5}"
    assert ws.cell(header_bottom + 6, 1).value == "填表人：　　　审核人：　　　联系电话："


def test_empty_ledger_filters_the_header_row_alone(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(path, [(spec(), [])])
    ws = reopen(path)["问题台账"]
    assert ws.auto_filter.ref == "A3:J3"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exported_file_gets_normal_permissions_not_private_temp_mode(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    old = os.umask(0o022)
    try:
        write_ledger(path, [(spec(), [issue_row(1)])])
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o664)
    write_ledger(path, [(spec(), [issue_row(2)])])
    assert path.stat().st_mode & 0o777 == 0o664  # an existing file keeps its mode


def test_paper_follows_the_width(tmp_path: Path) -> None:
    """Left to itself the writer takes A4 landscape while the text prints at ≥ 9 pt there, else A3 landscape."""
    from desktop.exporters.xlsx.layout import choose_paper, printed_body_pt

    narrow = spec(columns=[LedgerColumn("a", "项目名称", 20), LedgerColumn("b", "牵头单位", 10)])
    wide = spec()
    assert choose_paper(narrow) == "A4" and printed_body_pt(narrow, "A4") == 11
    assert printed_body_pt(wide, "A4") < 9 <= printed_body_pt(wide, "A3") and choose_paper(wide) == "A3"
    for name, sheet_spec, code in (("narrow", narrow, 9), ("wide", wide, 8)):
        path = tmp_path / f"{name}.xlsx"
        write_ledger(path, [(sheet_spec, [])])
        assert reopen(path)["问题台账"].page_setup.paperSize == code, name
    with pytest.raises(LedgerSpecError, match="纸张「B5」无效"):
        spec(paper="B5")
