"""反馈及时率 on the dashboard: rounds due in the period, answered by their deadline; drill-down lists them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.db.models import Unit
from desktop.services import dashboard
from desktop.services.drilldown import Context, Key, open_target, rows_for
from desktop.services.feedback.collect import collect
from desktop.services.feedback.send import send_choices, send_round
from desktop.services.scope import Period, Scope, ScopeKind
from tests.services.feedback.support import fill


def _rate(board: dashboard.Dashboard) -> tuple[str, int, int] | None:
    found = [(label, rate.numerator, rate.denominator) for label, rate, key in board.rates
             if key == Key("feedback.on_time")]
    return found[0] if found else None


def test_dashboard_shows_feedback_on_time_rate(demo_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sent_on = date(2026, 3, 10)
    deadline = sent_on + timedelta(days=7)
    out = tmp_path / "out"
    out.mkdir()
    year = Context(Period.year(2026), Scope(), date(2026, 3, 31))
    with demo_workspace.db.read() as session:
        assert _rate(dashboard.build(session, year)) == ("反馈及时率", 0, 0)  # no round: "—", not 0%
    with demo_workspace.db.transaction() as session:
        three = [name for name, _count in send_choices(session, sent_on).units[:3]]
        result = send_round(session, out, units=three, deadline=deadline, name="三月轮", today=sent_on)
    on_time, late, silent = result.forms
    for form, day in ((on_time, sent_on + timedelta(days=2)), (late, deadline + timedelta(days=1))):
        back = fill(form.path, tmp_path / form.unit / form.path.name, {1: {"办理进展": f"{form.unit}的进展"}})
        collect(demo_workspace.db, [back], today=day)

    before_due = Context(Period.year(2026), Scope(), deadline - timedelta(days=1))
    with demo_workspace.db.read() as session:
        # not yet due: nothing to rate, even though one unit has answered
        assert _rate(dashboard.build(session, before_due)) == ("反馈及时率", 0, 0)
        board = dashboard.build(session, year)
        _label, on, due = _rate(board)  # type: ignore[misc]
        assert (on, due) == (1, 3)
        rate = next(r for lbl, r, _k in board.rates if lbl == "反馈及时率")
        assert rate.text == "33.33%"
        drill = rows_for(session, year, Key("feedback.on_time"))
        assert [(r[0], r[1], r[3], r[4]) for r in drill.rows] == [
            ("三月轮", on_time.unit, (sent_on + timedelta(days=2)).isoformat(), "按时报送")]
        assert open_target(session, drill.entity, drill.ids[0]) is not None
        # every figure still counts its rows, the new rate included
        for figure_label, value, key in dashboard.all_figures(board):
            assert len(rows_for(session, year, key)) == value, figure_label
        # one unit's scope: its own round only; a leader's scope shows no unit figure
        late_id = session.scalar(select(Unit.id).where(Unit.name == late.unit))
        unit_ctx = Context(Period.year(2026), Scope(ScopeKind.UNIT, late_id), date(2026, 3, 31))
        assert _rate(dashboard.build(session, unit_ctx))[1:] == (0, 1)  # type: ignore[index]
        leader_ctx = Context(Period.year(2026), Scope(ScopeKind.LEADER, 2), date(2026, 3, 31))
        assert _rate(dashboard.build(session, leader_ctx)) is None
        # a period the deadline is not in
        february = Context(Period.months(2026, 2, 2), Scope(), date(2026, 3, 31))
        assert _rate(dashboard.build(session, february))[1:] == (0, 0)  # type: ignore[index]
    assert silent.unit not in {r[1] for r in drill.rows}


def _updated(board: dashboard.Dashboard) -> tuple[int, int]:
    rate = next(r for _label, r, key in board.rates if key == Key("feedback.updated"))
    return rate.numerator, rate.denominator


def test_items_updated_per_unit_on_the_dashboard_and_its_drill(demo_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """反馈更新率 and the per-unit bars count the items each unit updated in the rounds due, read by the same
    `due_replies` as the 通报; each bar drills into exactly those items and opens them."""
    sent_on = date(2026, 3, 10)
    deadline = sent_on + timedelta(days=7)
    out = tmp_path / "out"
    out.mkdir()
    with demo_workspace.db.transaction() as session:
        units = [name for name, count in send_choices(session, sent_on).units if count >= 2][:2]
        result = send_round(session, out, units=units, deadline=deadline, name="三月轮", today=sent_on)
    two, none = result.forms
    back = fill(two.path, tmp_path / "back" / two.path.name,
                {1: {"办理进展": "已完成初审"}, 2: {"办理进展": "已报市局"}})
    collect(demo_workspace.db, [back], today=sent_on + timedelta(days=1))
    year = Context(Period.year(2026), Scope(), date(2026, 3, 31))
    with demo_workspace.db.read() as session:
        board = dashboard.build(session, year)
        assert _updated(board) == (2, two.items + none.items)
        assert [(u, i, n) for u, i, n, _k in board.feedback_by_unit] == [(two.unit, two.items, 2),
                                                                          (none.unit, none.items, 0)]
        key = board.feedback_by_unit[0][3]
        drill = rows_for(session, year, key)
        assert [r[1] for r in drill.rows] == [two.unit, two.unit]
        assert {open_target(session, drill.entity, i).kind for i in drill.ids} <= {"issue", "decision"}  # type: ignore[union-attr]
        assert len(rows_for(session, year, board.feedback_by_unit[1][3])) == 0
        for figure_label, value, fkey in dashboard.all_figures(board):
            assert len(rows_for(session, year, fkey)) == value, figure_label
        before_due = Context(Period.year(2026), Scope(), deadline - timedelta(days=1))
        assert _updated(dashboard.build(session, before_due)) == (0, 0)  # a round not yet due counts for nothing
        leader = dashboard.build(session, Context(Period.year(2026), Scope(ScopeKind.LEADER, 2), date(2026, 3, 31)))
        assert leader.feedback_by_unit == [] and all(k.kind != "feedback.updated" for _l, _r, k in leader.rates)
