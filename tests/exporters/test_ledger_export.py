"""The five 台账 exported from the demo data, re-opened with openpyxl and checked cell by cell."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.exporters import jobs
from desktop.exporters.xlsx import chinese_ordinal
from desktop.services import ledger_rows, stats
from desktop.services.issues import actions as issues
from desktop.services.scope import Period, Scope

HIGHLIGHT = "00FFC7CE"


def export(workspace, kind: str, tmp_path: Path, today: date, **kw) -> openpyxl.worksheet.worksheet.Worksheet:
    period = kw.pop("period", Period.year(today.year))
    path = tmp_path / f"{kind}.xlsx"
    jobs.export_ledger(workspace.db, jobs.LedgerRequest(kind, period, today, **kw), path)
    return openpyxl.load_workbook(path).worksheets[0]


def merges(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def assert_print_setup(ws, header_rows: str, freeze: str) -> None:
    assert ws.print_title_rows == header_rows
    assert ws.freeze_panes == freeze
    # The demo's ledgers are all too wide for ≥ 9 pt on A4 (see test_ledger_print): A3 landscape.
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 8
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_issue_ledger(demo_workspace, today, tmp_path) -> None:
    ws = export(demo_workspace, "ledger-issues", tmp_path, today)
    period = Period.year(today.year)
    with demo_workspace.db.read() as session:
        headline = stats.headline(session, period, Scope(), today=today)
        expected = ledger_rows.load_period_issues(session, period)
    assert ws.title == "问题台账"
    assert ws["A1"].value == f"{today.year}年重点项目问题台账" and "A1:M1" in merges(ws)
    assert ws["A2"].value == "填报单位：区重点项目服务保障办公室"
    assert ws["H2"].value == f"填报日期：{today.year}年11月25日"
    assert ws["E3"].value == "责任单位" and "E3:G3" in merges(ws)
    assert [ws.cell(4, c).value for c in (5, 6, 7)] == ["牵头单位", "配合单位", "责任人"]
    assert {"A3:A4", "B3:B4", "D3:D4", "H3:H4", "K3:K4", "L3:L4", "M3:M4"} <= merges(ws)
    assert ws["K3"].value == "督办次数"
    assert_print_setup(ws, "$3:$4", "B5")

    data = list(ws.iter_rows(min_row=5, max_row=4 + headline.issues.raised))
    assert len(expected) == headline.issues.raised == 300
    assert [r[0].value for r in data] == list(range(1, 301))
    assert [r[3].value for r in data] == [i.description for i in expected]
    assert ws.cell(5 + 300, 1).value.startswith("填表人")
    first = expected[0]
    assert data[0][1].value == first.project_name and data[0][9].value == first.status_label
    assert isinstance(data[0][12].value, datetime) and data[0][12].value.date() == first.found_on
    assert all(r[10].value is None for r in data)  # nothing supervised in the demo data
    # Overdue 完成时限 and 状态 highlighted, exactly as many as the statistics count.
    overdue = [r for r in data if r[7].fill.fgColor.rgb == HIGHLIGHT]
    assert len(overdue) == headline.issues.overdue
    assert all(r[9].fill.fgColor.rgb == HIGHLIGHT for r in overdue)
    (dv,) = ws.data_validations.dataValidation
    assert str(dv.sqref) == "J5:J304" and dv.formula1 == '"待交办,办理中,阶段性推进,已办结,已销号"'


def test_issue_ledger_counts_supervision_not_withdrawn(demo_workspace, today, tmp_path) -> None:
    from datetime import timedelta

    from desktop.services.supervision.kinds import SupervisionKind
    from desktop.services.supervision.notices import NoticeRequest, issue_notice, withdraw_notice

    with demo_workspace.db.transaction() as session:
        late = [r for r in ledger_rows.load_period_issues(session, Period.year(today.year))
                if r.deadline is not None and r.deadline < today and r.status in ("assigned", "phased")
                and r.unit_id is not None]
        target = late[0]
        request = NoticeRequest(SupervisionKind.NOTICE, target.unit_id, [target.id], today,
                                today + timedelta(days=5))
        issue_notice(session, request, today=today)
        issue_notice(session, request, today=today)
        withdraw_notice(session, issue_notice(session, request, today=today).id, "误发", on=today)
    ws = export(demo_workspace, "ledger-issues", tmp_path, today)
    supervised = [(ws.cell(r, 4).value, ws.cell(r, 11).value) for r in range(5, 305) if ws.cell(r, 11).value]
    assert supervised == [(target.description, 2)]


def test_issue_ledger_follows_the_table_order(demo_workspace, today, tmp_path) -> None:
    with demo_workspace.db.read() as session:
        shown = [r for r in ledger_rows.load_period_issues(session, Period.year(today.year)) if r.status == "assigned"]
    shown.sort(key=lambda r: (r.unit, r.id))
    ws = export(demo_workspace, "ledger-issues", tmp_path, today, issue_rows=shown)
    assert ws["A1"].value == "重点项目问题台账"
    got = [ws.cell(r, 4).value for r in range(5, 5 + len(shown))]
    assert got == [r.description for r in shown]
    assert ws.cell(5 + len(shown), 1).value.startswith("填表人")


def test_text_is_never_a_formula_and_control_characters_are_escaped(demo_workspace, today, tmp_path) -> None:
    hostile = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 138 0000 0000", "-1个未解决", "@SUM(A1:A2)",
               "正常\x01描述\x1b含控制字符"]
    with demo_workspace.db.transaction() as session:
        project_id = ledger_rows.load_period_issues(session, Period.year(today.year))[0].project_id
        for text in hostile:
            issues.create_issue(session, issues.IssueInput(description=text, found_on=today, project_id=project_id))
    ws = export(demo_workspace, "ledger-issues", tmp_path, today)
    cells = {ws.cell(r, 4).value: ws.cell(r, 4) for r in range(5, 5 + 305)}
    for text in hostile[:4]:
        cell = cells[text]
        assert cell.data_type == "s" and cell.quotePrefix, text
    # Written as Excel writes them (_xHHHH_), so Excel shows the characters and the importer reads them back.
    assert "正常_x0001_描述_x001B_含控制字符" in cells


def test_decision_ledger_groups_by_meeting(demo_workspace, today, tmp_path) -> None:
    ws = export(demo_workspace, "ledger-decisions", tmp_path, today)
    with demo_workspace.db.read() as session:
        d = stats.headline(session, Period.year(today.year), Scope(), today=today).decisions
    assert ws["A1"].value == f"{today.year}年推进会议定事项落实台账"
    assert_print_setup(ws, "$3:$4", "B5")
    headings = [(r, ws.cell(r, 1).value) for r in range(5, 5 + d.decided + d.meetings)
                if isinstance(ws.cell(r, 1).value, str)]
    assert len(headings) == len(d.per_meeting) == 3
    for (row, text), (label, decided, _done) in zip(headings, d.per_meeting, strict=True):
        assert text.startswith("一二三"[headings.index((row, text))] + "、" + label)
        assert text.endswith(f"议定事项（{decided}项）") and f"A{row}:K{row}" in merges(ws)
    statuses = [ws.cell(r, 9).value for r in range(5, 5 + d.decided + d.meetings)
                if not isinstance(ws.cell(r, 1).value, str)]
    assert len(statuses) == d.decided == 34
    assert sum(s in ("已办结", "已销号") for s in statuses) == d.done == 33


def test_investment_table_equals_the_statistics(demo_workspace, today, tmp_path) -> None:
    period = Period.months(today.year, 1, 10)
    ws = export(demo_workspace, "investment", tmp_path, today, period=period)
    with demo_workspace.db.read() as session:
        lines = stats.investment_by_category(session, today.year, 10)
    assert ws["A1"].value == f"{today.year}年1—10月重点项目投资进度表"
    assert ws["F4"].value == "1—10月完成" and ws["E3"].value == "投资（万元）" and "E3:G3" in merges(ws)
    assert_print_setup(ws, "$3:$4", "B5")
    rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, str)}
    for n, line in enumerate(lines, 1):
        if line.label == "合计":
            row = rows[f"合计（{line.projects}个）"]
        else:
            row = rows[f"{'一二三四五六'[n - 1]}、{line.label}（{line.projects}个）"]
            assert f"A{row}:D{row}" in merges(ws) and ws.cell(row, 1).font.b
        assert ws.cell(row, 5).value == pytest.approx(line.annual_plan / 10000)
        assert ws.cell(row, 6).value == pytest.approx(line.completed / 10000)
        assert ws.cell(row, 7).value == pytest.approx(line.annual_plan * 10 / 12 / 10000, abs=0.01)
        assert round(ws.cell(row, 8).value * 100, 2) == float(line.plan_rate.percent)
        assert f"{ws.cell(row, 9).value * 100:.2f}%" == f"{line.schedule_pct:.2f}%"
        assert ws.cell(row, 10).value == line.light.label
    subtotals = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "小计"]
    assert len(subtotals) == len(lines) - 1
    records = [r for r in range(5, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int)]
    assert len(records) == lines[-1].projects
    lagging = [r for r in records if ws.cell(r, 9).fill.fgColor.rgb == HIGHLIGHT]
    assert lagging and all(ws.cell(r, 10).value in ("滞后", "严重滞后") for r in lagging)
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"正常,滞后,严重滞后,无计划"'


def test_project_ledger(demo_workspace, today, tmp_path) -> None:
    ws = export(demo_workspace, "ledger-projects", tmp_path, today)
    with demo_workspace.db.read() as session:
        count = stats.project_count(session, today.year)
        per_project = dict(stats.investment_by_project(session, today.year, 10))
    assert ws["A1"].value == f"{today.year}年重点项目台账"
    assert ws["J3"].value == "投资情况（万元）" and "J3:M3" in merges(ws)
    assert ws["N3"].value == "包保领导" and [ws["N4"].value, ws["O4"].value] == ["牵头领导", "包保领导"]
    assert_print_setup(ws, "$3:$4", "B5")
    names = [ws.cell(r, 3).value for r in range(5, 5 + count)]
    assert len(names) == count == 98 and ws.cell(5 + count, 1).value.startswith("填表人")
    completed = {ws.cell(r, 3).value: ws.cell(r, 12).value for r in range(5, 5 + count)}
    assert sum(completed.values()) == pytest.approx(sum(ln.completed for ln in per_project.values()) / 10000)
    assert sum(1 for r in range(5, 5 + count) if ws.cell(r, 14).value) >= count * 0.9


def test_responsibility_ledger(demo_workspace, today, tmp_path) -> None:
    ws = export(demo_workspace, "responsibility", tmp_path, today)
    with demo_workspace.db.read() as session:
        groups = ledger_rows.responsibility_groups(session, today.year, today)
    assert ws["A1"].value == f"{today.year}年重点项目领导包保责任表"
    assert_print_setup(ws, "$3:$3", "B4")
    row = 4
    for n, (leader, projects) in enumerate(groups, 1):
        assert ws.cell(row, 1).value.startswith(f"{chinese_ordinal(n)}、")
        assert ws.cell(row, 1).value.endswith(f"{leader}　包保项目{len(projects)}个")
        assert f"A{row}:J{row}" in merges(ws)
        assert [ws.cell(row + k + 1, 2).value for k in range(len(projects))] == [p["project"] for p in projects]
        row += len(projects) + 1
    assert ws.cell(row, 1).value.startswith("填表人")
