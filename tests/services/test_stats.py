"""Statistics reproduce the seeds' published figures exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.services import stats
from desktop.services.figures import YI, LagThresholds, Light, Rate, lag_light, schedule_progress, yi_text
from desktop.services.scope import Period, Scope, ScopeKind


def test_xiaodian_decided_items_rate() -> None:
    rate = Rate(33, 34)
    assert rate.percent == Decimal("97.06") and rate.rounded == 97
    assert (rate.text, rate.short_text) == ("97.06%", "97%")
    assert Rate(0, 0).text == "—"


def test_nanguan_figures() -> None:
    assert Rate(35, 52).text == "67.31%"
    assert Rate(34, 50).text == "68.00%"


def test_jingshan_annual_plan() -> None:
    assert Rate(194_000_000, 200_000_000).short_text == "97%"
    assert yi_text(194_000_000) == "1.94"


@pytest.mark.parametrize(("completed_yi", "plan_yi", "published"), [
    ("339.64", "323.88", "125.84"),  # 产业项目 128个
    ("252.48", "180.81", "167.57"),  # 社会事业 130个
    ("360.27", "284.42", "152.00"),  # 城乡基础设施 141个
    ("419.08", "363.94", "138.18"),  # 新城配套 16个
])
def test_xiamen_schedule_progress_1_to_10(completed_yi: str, plan_yi: str, published: str) -> None:
    completed = int(Decimal(completed_yi) * YI)
    plan = int(Decimal(plan_yi) * YI)
    pct = schedule_progress(completed, plan, 10)
    assert pct.quantize(Decimal("0.01")) == Decimal(published)
    assert yi_text(completed) == completed_yi


def test_schedule_uses_monthly_targets_when_given() -> None:
    assert schedule_progress(90, 1200, 10, target_to_date=100) == Decimal(90)
    assert schedule_progress(0, 0, 10) is None
    with pytest.raises(ValueError):
        schedule_progress(1, 1, 13)


@pytest.mark.parametrize(("pct", "light"), [
    ("100", Light.GREEN), ("90.01", Light.GREEN), ("90", Light.YELLOW), ("70", Light.YELLOW),
    ("69.99", Light.RED), (None, Light.NONE),
])
def test_lag_light_thresholds(pct, light) -> None:
    assert lag_light(None if pct is None else Decimal(pct)) is light


def test_lag_light_thresholds_are_settings() -> None:
    assert lag_light(Decimal(85), LagThresholds(Decimal(20), Decimal(40))) is Light.GREEN


def test_demo_year_reads_like_xiaodian(db_demo_workspace, today) -> None:
    with db_demo_workspace.db.read() as s:
        h = stats.headline(s, Period.year(2026), today=today)
    assert (h.decisions.decided, h.decisions.done, h.decisions.rate.text) == (34, 33, "97.06%")
    assert [(label, n, d) for label, n, d in h.decisions.per_meeting] == [
        ("2026年第1次推进会", 16, 16), ("2026年第2次推进会", 8, 8), ("2026年第3次推进会", 10, 9)]
    assert h.issues.raised == 300
    assert h.issues.done + h.issues.open == h.issues.raised
    assert sum(h.issues.by_status.values()) == 300
    assert h.issues.overdue > 0 and h.issues.due_soon > 0
    assert sum(h.issues.overdue_by_unit.values()) == h.issues.overdue
    assert h.projects == 98  # two were taken off the list
    assert h.investment[-1].label == "合计"
    assert h.investment[-1].projects == sum(line.projects for line in h.investment[:-1])
    assert h.visits == 296


def test_scopes_partition_the_whole(db_demo_workspace, today) -> None:
    from desktop.services import directory

    with db_demo_workspace.db.read() as s:
        total = stats.issue_figures(s, Period.year(2026), today=today)
        by_cat = [stats.issue_figures(s, Period.year(2026), Scope(ScopeKind.CATEGORY, cid), today=today)
                  for cid, _ in directory.categories(s, "project")]
        by_unit = [stats.issue_figures(s, Period.year(2026), Scope(ScopeKind.UNIT, uid), today=today)
                   for uid, _ in directory.units(s)]
    assert sum(f.raised for f in by_cat) == total.raised
    assert sum(f.overdue for f in by_unit) == total.overdue


def test_reported_month_for_a_running_year() -> None:
    assert stats.reported_month(Period.year(2026), date(2026, 11, 25)) == 10
    assert stats.reported_month(Period.months(2025, 1, 10), date(2026, 11, 25)) == 10
    assert stats.reported_month(Period.year(2025), date(2026, 1, 5)) == 12
