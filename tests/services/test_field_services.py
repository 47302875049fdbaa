"""Roll-ups, the late-report rule, amounts in 万元, milestones, visits and the drill-down contract."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.errors import ValidationError
from desktop.services import dashboard, investment, stats, visits
from desktop.services.drilldown import Context, Key, rows_for
from desktop.services.figures import LagThresholds
from desktop.services.projects import actions as projects
from desktop.services.projects import milestones
from desktop.services.scope import Period, Scope, ScopeKind

TH = LagThresholds()


@pytest.mark.parametrize("grouping", list(investment.GROUPINGS))
def test_rollups_sum_to_the_whole(demo_workspace, today, grouping) -> None:
    with demo_workspace.db.read() as session:
        rows = investment.load_grid(session, 2026, 10, today)
        whole = stats.investment_by_category(session, 2026, 10)[-1]
    lines = investment.rollup(rows, 10, grouping, TH)
    groups, total = lines[:-1], lines[-1]
    assert total.label == "合计" and len(groups) >= 2
    for attr in ("projects", "annual_plan", "completed"):
        assert sum(getattr(g, attr) for g in groups) == getattr(total, attr) == getattr(whole, attr), attr
    assert total.schedule_pct == whole.schedule_pct and total.light == whole.light


def test_category_rollup_matches_the_statistics_service(demo_workspace, today) -> None:
    with demo_workspace.db.read() as session:
        rows = investment.load_grid(session, 2026, 10, today)
        expected = stats.investment_by_category(session, 2026, 10)
        order = investment.category_order(session)
    got = investment.rollup(rows, 10, "category", TH, order)
    assert [(g.label, g.projects, g.completed, g.schedule_pct) for g in got] == \
           [(e.label, e.projects, e.completed, e.schedule_pct) for e in expected]


def test_grid_matches_per_project_figures(demo_workspace, today) -> None:
    with demo_workspace.db.read() as session:
        rows = {r.project_id: r for r in investment.load_grid(session, 2026, 7, today)}
        lines = dict(stats.investment_by_project(session, 2026, 7))
    assert rows.keys() == lines.keys()
    for pid, line in lines.items():
        assert rows[pid].year_to_date == line.completed
        assert rows[pid].schedule_pct(7) == line.schedule_pct


def test_one_projects_line_is_its_line_among_all(demo_workspace) -> None:
    """The project page asks for its own line only; it must be the very line the tree's light comes from."""
    with demo_workspace.db.read() as session:
        lines = dict(stats.investment_by_project(session, 2026, 7))
        some = list(lines)[:3]
        narrowed = dict(stats.investment_by_project(session, 2026, 7, project_ids=some))
        assert narrowed == {pid: lines[pid] for pid in some}
        assert stats.investment_by_project(session, 2026, 7, project_ids=[]) == []


def _project(session, code: str, plan: int, **extra) -> int:
    return projects.create_project(session, projects.ProjectInput(
        code=code, name=f"项目{code}", list_year=2026, stage=extra.pop("stage", "continuing"),
        annual_plan_yuan=plan, total_investment_yuan=max(plan, 1) * 3, **extra)).id


def test_late_report_rule(workspace) -> None:
    with workspace.db.transaction() as session:
        on_time = _project(session, "A", 120_000_000)
        missing = _project(session, "B", 120_000_000)
        only_older = _project(session, "C", 120_000_000)
        target_only = _project(session, "D", 120_000_000)
        no_plan = _project(session, "E", 0, stage="planning")
        removed = _project(session, "F", 120_000_000)
        projects.remove_from_list(session, removed, "调出", date(2026, 8, 1))
        investment.save_month(session, 2026, 10, {on_time: investment.MonthEntry(0)})  # zero is a figure
        investment.save_month(session, 2026, 9, {only_older: investment.MonthEntry(5_000_000)})
        investment.save_month(session, 2026, 10, {target_only: investment.MonthEntry(None, 9_000_000)})
    with workspace.db.read() as session:
        late = investment.late_report_ids(session, 2026, date(2026, 11, 25))
        assert late == [missing, only_older, target_only]
        assert no_plan not in late and removed not in late and on_time not in late
        assert investment.late_report_ids(session, 2026, date(2026, 1, 20)) == []  # nothing due in January
        assert set(investment.late_report_ids(session, 2026, date(2027, 3, 1))) >= {on_time, missing}  # December
        grid = {r.project_id: r for r in investment.load_grid(session, 2026, 10, date(2026, 11, 25))}
    assert grid[missing].late and not grid[on_time].late


def test_amounts_in_wan_and_refusals() -> None:
    assert investment.parse_wan("1,234.5", "甲", 3) == 12_345_000
    assert investment.parse_wan(" 0 ", "甲", 3) == 0
    assert investment.parse_wan("0.0001", "甲", 3) == 1
    assert investment.parse_wan("", "甲", 3) is None
    for text, reason in (("12万", "不是数字"), ("-1", "不能为负数"), ("0.00001", "四位小数"), ("nan", "数字")):
        with pytest.raises(ValidationError) as info:
            investment.parse_wan(text, "某某项目", 9)
        assert "某某项目 9月本月完成（万元）" in str(info.value) and reason in str(info.value)


def test_save_month_is_all_or_nothing(workspace) -> None:
    with workspace.db.transaction() as session:
        a = _project(session, "A", 120_000_000)
        b = _project(session, "B", 120_000_000)
    with pytest.raises(ValidationError, match="项目B 5月本月完成"), workspace.db.transaction() as session:
        investment.save_month(session, 2026, 5, {a: investment.MonthEntry(1), b: investment.MonthEntry(-1)})
    with workspace.db.read() as session:
        assert all(r.amount is None for r in investment.load_grid(session, 2026, 5, date(2026, 6, 3)))
    with workspace.db.transaction() as session:
        assert investment.save_month(session, 2026, 5, {a: investment.MonthEntry(7)}) == 1
        assert investment.save_month(session, 2026, 5, {a: investment.MonthEntry(None)}) == 1  # cleared
    with workspace.db.read() as session:
        assert all(r.amount is None for r in investment.load_grid(session, 2026, 5, date(2026, 6, 3)))


def test_overdue_milestones(demo_workspace, today) -> None:
    with demo_workspace.db.read() as session:
        counts = milestones.overdue_counts(session, 2026, today)
        rows = milestones.load_milestones(session, 2026, today, overdue_only=True)
    assert sum(counts.values()) == len(rows) > 0
    assert all(r.actual is None and r.planned < today for r in rows)
    first = rows[0]
    with demo_workspace.db.transaction() as session:
        with pytest.raises(ValidationError, match="不能晚于今天"):
            milestones.record_actual(session, first.id, date(2026, 12, 1), today)
        milestones.record_actual(session, first.id, date(2026, 11, 20), today)
    with demo_workspace.db.read() as session:
        assert sum(milestones.overdue_counts(session, 2026, today).values()) == len(rows) - 1


def test_visit_counts_per_leader_add_up(demo_workspace, today) -> None:
    period = Period.year(2026)
    with demo_workspace.db.read() as session:
        per_leader = visits.counts_by_leader(session, period)
        assert sum(n for *_x, n in per_leader) == visits.total(session, period) == stats.visit_count(session, period)
        assert visits.total(session, period) == 296


@pytest.mark.parametrize("period,scope", [
    (Period.year(2026), Scope()),
    (Period.months(2026, 11, 11), Scope()),
    (Period(date(2026, 4, 1), date(2026, 9, 30)), Scope()),
    (Period.year(2026), Scope(ScopeKind.LEADER, 2)),
    (Period.year(2026), Scope(ScopeKind.CATEGORY, 1)),
    (Period.year(2026), Scope(ScopeKind.UNIT, 20)),
])
def test_every_dashboard_figure_counts_its_rows(demo_workspace, today, period, scope) -> None:
    ctx = Context(period, scope, today)
    with demo_workspace.db.read() as session:
        board = dashboard.build(session, ctx)
        figures = dashboard.all_figures(board)
        assert len(figures) > 15
        for label, value, key in figures:
            assert len(rows_for(session, ctx, key)) == value, (label, key)
        issue_sum = sum(f.value for f in board.issues_by_status)
        assert issue_sum == board.headline[2].value  # statuses partition the issues raised


def test_unknown_figure_is_refused(demo_workspace, today) -> None:
    with demo_workspace.db.read() as session, pytest.raises(KeyError):
        rows_for(session, Context(Period.year(2026), Scope(), today), Key("no.such"))
