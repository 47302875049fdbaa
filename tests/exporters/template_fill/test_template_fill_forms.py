"""Upper levels' forms, built in the test, filled from the demo data, re-opened and compared cell by cell with the
database, and read back by the product's own importer (a round trip through the upper level's form)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.db.enums import IssueStatus
from desktop.db.models import Category, Decision, Meeting
from desktop.exporters.template_fill import job
from desktop.importers.preview import build_preview
from desktop.services.scope import Scope, ScopeKind
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection
from tests.exporters.template_fill import expected, forms
from tests.exporters.template_fill.forms import Column, Form

TODAY = date(2026, 11, 25)
OFFICE = "区重点项目服务保障办公室"


def fill(workspace, form: Form, tmp_path: Path, purpose: Purpose = Purpose.PROJECTS, month: int = 10,
         **selection) -> tuple[Path, job.FillResult]:
    template = form.build(tmp_path / "空白模板.xlsx")
    out = tmp_path / "填报.xlsx"
    request = job.FillRequest(template, out, Selection(purpose, 2026, month, **selection), TODAY)
    return out, job.fill_template(workspace.db, request)


def wan(yuan: int) -> float:
    return yuan / 10_000


def test_city_monthly_form_is_filled_cell_by_cell_and_reads_back(demo_workspace, tmp_path) -> None:
    form = forms.city_monthly()
    form.conditional = ("G", "0.8")  # the upper level's red mark for 完成率 below 80%
    out, result = fill(demo_workspace, form, tmp_path)
    facts = expected.projects(demo_workspace, 10)
    template = load_workbook(tmp_path / "空白模板.xlsx").active
    ws = load_workbook(out).active

    assert ws["A1"].value == "2026年1-10月重点项目推进情况表"  # the period brought to the month filled
    assert ws["A2"].value.startswith(f"填报单位（盖章）：{OFFICE}")
    assert "填报日期：2026年11月25日" in ws["A2"].value and ws["A2"].value.endswith("单位：万元")
    assert [ws.cell(3, c).value for c in range(1, 12)] == [template.cell(3, c).value for c in range(1, 12)]
    assert ws["F4"].value == "1-10月完成" and ws["E4"].value == "年度计划"
    assert {str(r) for r in template.merged_cells.ranges} == {str(r) for r in ws.merged_cells.ranges}
    assert (ws["A1"].font.name, ws["A1"].font.sz, ws.row_dimensions[1].height) == ("方正小标宋简体", 18, 36)
    for cell in (*ws[3], *ws[4]):  # the header's own fonts and borders, cell by cell
        blank = template[cell.coordinate]
        assert (cell.font.name, cell.font.b, cell.border.top.style, cell.border.left.style) == (
            blank.font.name, blank.font.b, blank.border.top.style, blank.border.left.style)
    assert ws["B3"].font.name == "黑体" and ws["B3"].font.b and ws["F4"].border.top.style == "thin"
    for letter in "ABCDEFGHIJK":
        assert ws.column_dimensions[letter].width == template.column_dimensions[letter].width
    assert ws.print_title_rows == "$3:$4" and ws.freeze_panes == "A5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1

    assert result.records == len(facts) == 98 and result.unmapped == []
    last = 4 + len(facts)
    assert ws.print_area == f"'填报表'!$A$1:$K${last + 1}"
    assert [str(cf.sqref) for cf in ws.conditional_formatting] == [f"G5:G{last}"]
    assert ws.cell(last + 1, 1).value.startswith("填表人：")  # the footer moved below the filled rows
    seen = set()
    for row in range(5, last + 1):
        name = ws.cell(row, 2).value
        fact = facts[name]
        seen.add(name)
        assert ws.cell(row, 1).value == row - 4
        assert ws.cell(row, 3).value == fact.owner
        assert ws.cell(row, 4).value == pytest.approx(wan(fact.total), abs=1e-9)
        assert ws.cell(row, 5).value == pytest.approx(wan(fact.plan), abs=1e-9)
        assert ws.cell(row, 6).value == pytest.approx(wan(fact.ytd), abs=1e-9)
        rate = ws.cell(row, 7).value
        assert (rate is None) if fact.plan_rate is None else rate == pytest.approx(float(fact.plan_rate / 100))
        assert rate is None or ws.cell(row, 7).number_format == "0.00%"
        issues = ws.cell(row, 9).value
        assert (issues or "") == "\n".join(f"{i}.{t}" for i, t in enumerate(fact.open_issues, 1))
        assert ws.cell(row, 10).value == ("、".join(fact.leaders) or None)
        assert ws.cell(row, 11).value == (fact.unit or None)
        assert ws.cell(row, 2).border.left.style == "thin"  # the template's look on every filled row
        for column in range(1, 12):
            cell, blank = ws.cell(row, column), template.cell(5, column)
            assert (cell.font.name, cell.font.sz, cell.alignment.wrap_text, cell.alignment.vertical) == (
                blank.font.name, blank.font.sz, blank.alignment.wrap_text, blank.alignment.vertical)
    assert seen == set(facts)

    preview = build_preview(out, "investment")
    assert not preview.errors and preview.context_month == 10 and len(preview.rows) == len(facts)
    for row in preview.rows:
        fact, values = facts[row.values["project"]], row.values
        assert (values["owner"], values["total_investment"], values["annual_plan"]) == (fact.owner, fact.total,
                                                                                       fact.plan)
        assert values.get("amount_ytd") == fact.ytd and values.get("leader", "") == "、".join(fact.leaders)
        assert values.get("lead_unit", "") == fact.unit


def test_grouped_form_in_yi_keeps_headings_subtotals_and_a_total_formula(db_demo_workspace, tmp_path) -> None:
    demo_workspace = db_demo_workspace  # on SQLite and, when reachable, PostgreSQL
    out, result = fill(demo_workspace, forms.grouped_yi(), tmp_path)
    facts = expected.projects(demo_workspace, 10)
    assert result.grouping == ("category", "stage")
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(min_row=4, max_col=6))
    values = {c.coordinate: c.value for row in rows for c in row if isinstance(c.value, int | float)}
    headings = [(r[0].value) for r in rows if isinstance(r[0].value, str) and r[0].value[:1] in "一二三四"]
    assert headings[:2] == ["一、产业项目（" + str(sum(f.category == "产业项目" for f in facts.values())) + "个）",
                            "二、社会事业项目（" + str(sum(f.category == "社会事业项目" for f in facts.values())) + "个）"]
    assert len(headings) == 4  # the template's two categories first, then the other two of the data
    category = stage = None
    in_group: list[int] = []
    records = 0
    for row in rows:
        first, number = row[0].value, row[0].row
        if isinstance(first, str) and first[:1] in "一二三四":
            category = first.split("、", 1)[1].split("（")[0]
        elif isinstance(first, str) and first.startswith("（"):
            stage = first[3:].removesuffix("项目")
            in_group = []
        elif first == "小计":
            a, b = in_group[0], in_group[-1]
            assert b - a + 1 == len(in_group)
            assert row[2].value == (f"=SUBTOTAL(9,C{a})" if a == b else f"=SUBTOTAL(9,C{a}:C{b})")  # the group's rows
            assert expected.evaluate_sum(row[2].value, values) == pytest.approx(
                sum(facts[ws.cell(r, 2).value].total for r in in_group) / 1e8)
            assert row[5].value == f'=IF(D{number}=0,"",E{number}/D{number})'  # the ratio moved with its row
        elif first == "合计":
            for col, attr in (("C", "total"), ("D", "plan"), ("E", "ytd")):
                formula = ws[f"{col}{number}"].value
                assert formula.startswith("=SUBTOTAL(9,")
                assert expected.evaluate_sum(formula, values) == pytest.approx(
                    sum(getattr(f, attr) for f in facts.values()) / 1e8)
        elif isinstance(first, int):
            records += 1
            fact = facts[row[1].value]
            assert (fact.category, fact.stage) == (category, stage)
            assert row[2].value == pytest.approx(fact.total / 1e8, abs=1e-12)  # 亿元, as the template says
            assert row[4].value == pytest.approx(fact.ytd / 1e8, abs=1e-12)
            in_group.append(number)
    assert records == len(facts)

    preview = build_preview(out, "investment")
    assert len(preview.rows) == len(facts)
    assert {r.values["project"]: r.values["total_investment"] for r in preview.rows} == {
        f.name: f.total for f in facts.values()}
    assert {r.group for r in preview.rows} >= {"续建项目", "新开工项目"}  # the importer reads the innermost heading


def test_issue_form_with_instructions_sheet_and_drop_down(demo_workspace, tmp_path) -> None:
    out, result = fill(demo_workspace, forms.issues_with_notes(), tmp_path, Purpose.ISSUES)
    wb = load_workbook(out)
    assert wb.sheetnames == ["填报说明", "问题清单"]
    assert [c.value for c in wb["填报说明"]["A"]] == ["填报说明：", "1.只填报截至目前未办结的问题。", "2.完成时限填写具体日期。"]
    ws = wb["问题清单"]
    with demo_workspace.db.read() as s:
        from desktop.db.models import Issue

        done = [st.value for st in IssueStatus if st.is_done]
        issues = s.scalars(select(Issue).where(Issue.status.not_in(done), Issue.found_on <= date(2026, 10, 31))
                           .order_by(Issue.found_on, Issue.id)).all()
        want = [(i.description, i.lead_unit.name if i.lead_unit else None,
                 "、".join(u.name for u in sorted(i.supporting_units, key=lambda u: (u.sort_order, u.id))) or None,
                 IssueStatus(i.status).label, i.latest_progress or None, i.deadline) for i in issues]
    assert result.records == len(want) > 20
    got = []
    for row in ws.iter_rows(min_row=5, max_row=4 + len(want), values_only=True):
        deadline = row[5].date() if hasattr(row[5], "date") else row[5]
        got.append((row[2], row[3], row[4], row[6], row[7], deadline))
    assert got == want
    validation = ws.data_validations.dataValidation[0]
    assert str(validation.sqref) == f"G5:G{4 + len(want)}"  # the drop-down covers exactly the rows filled

    preview = build_preview(out, "issues")
    assert [r.values["description"] for r in preview.rows] == [w[0] for w in want]
    assert preview.skipped_sheets and preview.skipped_sheets[0][0] == "填报说明"


def test_decided_items_of_one_meeting(demo_workspace, tmp_path) -> None:
    with demo_workspace.db.read() as s:
        meeting = s.scalars(select(Meeting).order_by(Meeting.held_at)).first()
        items = s.scalars(select(Decision).where(Decision.meeting_id == meeting.id).order_by(Decision.seq)).all()
        want = [(d.text, d.lead_unit.name if d.lead_unit else None) for d in items]
        meeting_id = meeting.id
    out, result = fill(demo_workspace, forms.decisions_of_meeting(), tmp_path, Purpose.DECISIONS,
                       meeting_id=meeting_id)
    rows = expected.rows_of(out, first=4)[: len(want)]
    assert result.records == len(want) == 16
    assert [(r[2], r[3]) for r in rows] == want
    assert {r[1] for r in rows} == {"2026年第1次推进会"}
    preview = build_preview(out, "decisions")
    assert [r.values["text"] for r in preview.rows] == [w[0] for w in want]


def test_protected_header_stays_protected_and_filled_cells_stay_open(demo_workspace, tmp_path) -> None:
    with demo_workspace.db.read() as s:
        industry = s.scalars(select(Category).where(Category.name == "产业项目")).one().id
    out, result = fill(demo_workspace, forms.protected_header(), tmp_path,
                       scope=Scope(ScopeKind.CATEGORY, industry))
    facts = {n: f for n, f in expected.projects(demo_workspace, 10).items() if f.category == "产业项目"}
    ws = load_workbook(out).active
    assert ws.protection.sheet and ws["B3"].protection.locked
    assert result.records == len(facts)
    for row in range(4, 4 + len(facts)):
        fact = facts[ws.cell(row, 2).value]
        assert ws.cell(row, 3).value == "产业项目" and not ws.cell(row, 2).protection.locked
        assert ws.cell(row, 4).value == ("、".join(fact.leaders) or None)
        started = ws.cell(row, 6).value
        assert (started.date() if started else None) == fact.started_on
    preview = build_preview(out, "projects")
    assert {r.values["name"]: (r.values["category"], r.values.get("lead_unit", "")) for r in preview.rows} == {
        f.name: ("产业项目", f.unit) for f in facts.values()}


def test_last_months_filled_copy_is_filled_again(demo_workspace, tmp_path) -> None:
    """The office hands in last month's returned copy as the template: 30 old rows, a 合计 formula under them."""
    old = [["__record__", f"旧项目{i}", 100 + i, 50] for i in range(30)]
    form = Form("2026年1-9月重点项目进展表", [Column("序号", 5), Column("项目名称", 24), Column("年度计划（万元）", 12),
                                         Column("1-9月完成（万元）", 12)], unit=None, blank_rows=0,
                body=[*old, ["合计", None, "=SUM(C4:C33)", "=SUM(D4:D33)"]], validation=None)
    out, result = fill(demo_workspace, form, tmp_path)
    facts = expected.projects(demo_workspace, 10)
    ws = load_workbook(out).active
    names = [ws.cell(r, 2).value for r in range(4, 4 + len(facts))]
    assert set(names) == set(facts) and not any(str(n).startswith("旧项目") for n in names)
    total_row = 4 + len(facts)
    assert ws.cell(total_row, 1).value == "合计"
    assert ws.cell(total_row, 3).value == f"=SUM(C4:C{total_row - 1})"
    assert ws["D3"].value == "1-10月完成（万元）"
    assert result.layout.filled_rows == 30
    preview = build_preview(out, "investment")
    assert {r.values["project"]: (r.values["annual_plan"], r.values.get("amount_ytd")) for r in preview.rows} == {
        f.name: (f.plan, f.ytd) for f in facts.values()}


def test_total_on_top_with_template_formulas_and_percent_unit(demo_workspace, tmp_path) -> None:
    columns = [Column("序号", 5), Column("项目名称", 24), Column("年度计划（万元）", 12), Column("1-10月完成（万元）", 12),
               Column("未完成（万元）", 12), Column("完成率（%）", 10), Column("序时进度（%）", 10)]
    body = [["合计", None, "=SUM(C5:C7)", "=SUM(D5:D7)", "=SUM(E5:E7)", '=IF(C4=0,"",ROUND(D4/C4*100,2))'],
            ["__record__", None, None, None, "=C5-D5"]]
    form = Form("2026年1-10月项目投资情况", columns, unit=None, blank_rows=2, body=body)
    out, _result = fill(demo_workspace, form, tmp_path)
    facts = expected.projects(demo_workspace, 10)
    ws = load_workbook(out).active
    n = len(facts)
    assert ws["A4"].value == "合计" and ws["C4"].value == f"=SUM(C5:C{4 + n})"
    assert ws["F4"].value == '=IF(C4=0,"",ROUND(D4/C4*100,2))'
    for row in range(5, 5 + n):
        fact = facts[ws.cell(row, 2).value]
        assert ws.cell(row, 5).value == f"=C{row}-D{row}"  # the template's own formula on every row
        rate = ws.cell(row, 6).value
        assert (rate is None) if fact.plan_rate is None else rate == pytest.approx(float(fact.plan_rate))
    assert any(m.startswith("模板自带公式") for m in [job.inspect_template(tmp_path / "空白模板.xlsx")
                                                 .choices[4].reason])
    assert Decimal(str(ws["F5"].value)) == facts[ws["B5"].value].plan_rate or ws["F5"].value is None
    preview = build_preview(out, "investment")
    assert {r.values["project"]: r.values.get("amount_ytd") for r in preview.rows} == {
        f.name: f.ytd for f in facts.values()}


def test_province_form_of_one_task_force_in_yi_with_units_in_the_header(demo_workspace, tmp_path) -> None:
    """The eighth shape: 亿元 per column, rows of one 专班, 序时进度/形象进度/牵头领导, 填报日期 under the table and a
    column the product has no data for (left empty, and said so)."""
    from desktop.db.models import Project, TaskForce

    with demo_workspace.db.read() as s:
        force_id, force = s.execute(
            select(TaskForce.id, TaskForce.name).join(Project, Project.task_force_id == TaskForce.id)
            .where(Project.list_year == 2026).group_by(TaskForce.id).order_by(func.count().desc())).first()
    out, result = fill(demo_workspace, forms.province_task_force(), tmp_path, scope=Scope(ScopeKind.TASK_FORCE,
                                                                                             force_id))
    extras = expected.project_extras(demo_workspace, 10)
    facts = {n: f for n, f in expected.projects(demo_workspace, 10).items() if extras[n].task_force == force}
    assert result.records == len(facts) >= 5 and result.unmapped == ["是否列入省级重大项目（L列）"]
    ws = load_workbook(out).active
    assert ws["A1"].value == "2026年1-10月省重点项目推进情况表（专班）"
    assert ws["A2"].value == f"填报单位：{OFFICE}"
    assert ws["F3"].value == "1-10月完成投资（亿元）" and ws["L3"].value == "是否列入省级重大项目"
    last = 3 + len(facts)
    assert ws.cell(last + 1, 1).value == "填表人：　　　　　　填报日期：2026年11月25日"
    codes = [f.code for f in sorted(facts.values(), key=lambda f: f.code)]
    assert [next(f.code for f in facts.values() if f.name == ws.cell(r, 2).value) for r in range(4, last + 1)] == codes
    for row in range(4, last + 1):
        name = ws.cell(row, 2).value
        fact, extra = facts[name], extras[name]
        assert ws.cell(row, 1).value == row - 3 and ws.cell(row, 3).value == force
        assert ws.cell(row, 4).value == pytest.approx(fact.total / 1e8, abs=1e-12)
        assert ws.cell(row, 5).value == pytest.approx(fact.plan / 1e8, abs=1e-12)
        assert ws.cell(row, 6).value == pytest.approx(fact.ytd / 1e8, abs=1e-12)
        schedule = ws.cell(row, 7).value  # a plain number under （%）: 97.06, not 0.9706
        assert (schedule is None) if extra.schedule is None else schedule == pytest.approx(float(extra.schedule))
        assert ws.cell(row, 8).value == (extra.progress or None)
        assert (ws.cell(row, 9).value or "") == "\n".join(f"{i}.{t}" for i, t in enumerate(fact.open_issues, 1))
        assert ws.cell(row, 10).value == ("、".join(extra.lead_leaders) or None)
        assert ws.cell(row, 11).value == ("、".join(extra.support_leaders) or None)
        assert ws.cell(row, 12).value is None  # no such data: left empty, never guessed
    assert any(extra.progress for n, extra in extras.items() if n in facts)  # the 形象进度 check was not all-empty

    preview = build_preview(out, "investment")
    assert not preview.errors and preview.context_month == 10
    assert {r.values["project"]: (r.values["total_investment"], r.values["annual_plan"], r.values.get("amount_ytd"))
            for r in preview.rows} == {f.name: (f.total, f.plan, f.ytd) for f in facts.values()}


@pytest.mark.parametrize("issue_filter", ["overdue", "period"])
def test_issue_form_of_the_overdue_or_all_of_the_period(demo_workspace, tmp_path, issue_filter: str) -> None:
    """Rows chosen as the upper level asks: the issues past their deadline today (still open, found by the period's
    end), or every issue found in 1—10月 whatever its state."""
    from desktop.db.models import Issue

    out, result = fill(demo_workspace, forms.issues_with_notes(), tmp_path, Purpose.ISSUES, issue_filter=issue_filter)
    done = [st.value for st in IssueStatus if st.is_done]
    wanted = select(Issue).order_by(Issue.found_on, Issue.id)
    if issue_filter == "overdue":
        wanted = wanted.where(Issue.found_on <= date(2026, 10, 31), Issue.status.not_in(done),
                              Issue.deadline.is_not(None), Issue.deadline < TODAY)
    else:
        wanted = wanted.where(Issue.found_on >= date(2026, 1, 1), Issue.found_on <= date(2026, 10, 31))
    with demo_workspace.db.read() as s:
        want = [(i.description, IssueStatus(i.status).label) for i in s.scalars(wanted)]
        all_open = s.scalar(select(func.count()).select_from(Issue).where(Issue.status.not_in(done)))
    assert result.records == len(want) > 5 and len(want) != all_open  # not simply the open issues again
    if issue_filter == "period":
        assert {status for _t, status in want} & {"已办结", "已销号"}  # done ones are in the period's list
    ws = load_workbook(out)["问题清单"]
    got = [(row[2], row[6]) for row in ws.iter_rows(min_row=5, max_row=4 + len(want), values_only=True)]
    assert got == want
    assert ws.cell(5 + len(want), 1).value.startswith("填表人")  # nothing more below the rows chosen
    preview = build_preview(out, "issues")
    assert [(r.values["description"], IssueStatus(r.values["status"]).label) for r in preview.rows] == want


def test_no_grouping_chosen_on_a_form_with_headings(demo_workspace, tmp_path) -> None:
    """不分组 (the dialog's choice, `--group none`): a form with 一、/（一） headings is filled as one plain list,
    its 合计 still a formula over exactly the rows filled."""
    out, result = fill(demo_workspace, forms.grouped_yi(), tmp_path, ungrouped=True)
    facts = expected.projects(demo_workspace, 10)
    assert result.grouping == () and result.rows == len(facts) + 1
    ws = load_workbook(out).active
    firsts = [ws.cell(r, 1).value for r in range(4, 4 + len(facts))]
    assert firsts == list(range(1, len(facts) + 1))  # numbered records only: no heading, no 小计
    total = 4 + len(facts)
    assert ws.cell(total, 1).value == "合计" and ws.cell(total, 3).value == f"=SUBTOTAL(9,C4:C{total - 1})"
    assert {ws.cell(r, 2).value for r in range(4, total)} == set(facts)
