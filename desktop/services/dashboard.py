"""The dashboard's content for one period and scope: every figure paired with the `Key` that drills into it.

The counts are the statistics service's (the numbers the briefing prints); the dashboard only arranges them and
adds what a leader scans first: the lights, the 厦门-style category table, visits per leader, overdue milestones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop.services import stats
from desktop.services.directory import unit_order
from desktop.services.drilldown import Context, Key, feedback_due, late_in_scope, project_ids_in_scope
from desktop.services.figures import Light, Rate
from desktop.services.projects import milestones


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    key: Key
    note: str = ""


@dataclass
class Dashboard:
    period_label: str
    month: int
    headline: list[Figure]
    rates: list[tuple[str, Rate, Key]]  # (label, rate, key of the numerator)
    lights: list[Figure]
    investment: list[tuple[stats.InvestmentLine, Key]]
    issues_by_status: list[Figure]
    issues_by_level: list[Figure]
    overdue_by_unit: list[Figure]
    decisions_per_meeting: list[tuple[str, int, int, Key]]
    visits_per_leader: list[Figure]
    overdue_milestones: Figure | None = None
    # per unit: (unit, items on its forms of the rounds due, of them updated, key of the updated ones)
    feedback_by_unit: list[tuple[str, int, int, Key]] = field(default_factory=list)
    # issues without a found date are in no period: the heading names them, so they are not silently left out
    undated_text: str = ""


def build(session: Session, ctx: Context) -> Dashboard:
    head = stats.headline(session, ctx.period, ctx.scope, today=ctx.today, thresholds=ctx.thresholds,
                          due_soon_days=ctx.due_soon_days)
    issues, decisions, starts = head.issues, head.decisions, head.starts
    per_project = stats.investment_by_project(session, ctx.year, ctx.month, ctx.scope, ctx.thresholds)
    light_counts = Counter(line.light for _pid, line in per_project)
    visits = stats.visits_by_leader(session, ctx.period) if ctx.scope.kind.value == "all" else Counter()
    feedback_rates, feedback_by_unit = _feedback(session, ctx)
    return Dashboard(
        period_label=ctx.period.label,
        month=ctx.month,
        headline=[
            Figure("重点项目", head.projects, Key("projects"), "个"),
            Figure("包保活动", head.visits, Key("visits"), "次"),
            Figure("发现问题", issues.raised, Key("issues.raised"), "个"),
            Figure("已办结", issues.done, Key("issues.done"), "个"),
            Figure("未办结", issues.open, Key("issues.open"), "个"),
            Figure("超期未办结", issues.overdue, Key("issues.overdue"), "个"),
            Figure(f"{ctx.due_soon_days}日内到期", issues.due_soon, Key("issues.due_soon"), "个"),
            Figure("议定事项", decisions.decided, Key("decisions.decided"), "项"),
            Figure("应开复工", starts.due, Key("starts.due"), "个"),
            Figure("已开复工", starts.started, Key("starts.started"), "个"),
            Figure(f"{ctx.month}月投资迟报", len(late_in_scope(session, ctx)), Key("investment.late"), "个"),
        ],
        rates=[
            ("问题办结率", issues.rate, Key("issues.done")),
            ("议定事项办结率", decisions.rate, Key("decisions.done")),
            ("开复工率", starts.rate, Key("starts.started")),
            *feedback_rates,
        ],
        lights=[Figure(light.label, light_counts.get(light, 0), Key("light", light.value))
                for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE)],
        investment=[(line, Key("investment.category", line.label)) for line in head.investment],
        issues_by_status=[Figure(k, n, Key("issues.status", k)) for k, n in issues.by_status.items()],
        issues_by_level=[Figure(k, n, Key("issues.level", k)) for k, n in issues.by_level.items()],
        overdue_by_unit=[Figure(k, n, Key("issues.overdue_unit", k)) for k, n in issues.overdue_by_unit.items()],
        decisions_per_meeting=[(label, decided, done, Key("decisions.meeting", label))
                               for label, decided, done in decisions.per_meeting],
        visits_per_leader=[Figure(name, n, Key("visits.leader", name)) for name, n in visits.most_common()],
        overdue_milestones=Figure("超期节点", _overdue_milestones(session, ctx), Key("milestones.overdue"), "个"),
        undated_text=issues.undated_text,
        feedback_by_unit=feedback_by_unit,
    )


def _feedback(session: Session, ctx: Context) -> tuple[list[tuple[str, Rate, Key]], list[tuple[str, int, int, Key]]]:
    """反馈及时率 (of the units' 反馈表 rounds due in the period, those answered by their deadline), 反馈更新率 (of
    the items on those forms, those the unit updated) and the items updated per unit — one read (`due_replies`)
    shared with the 通报's ranking. Rounds go to units, so the figures are shown for the whole office or one
    unit, not for a leader's or a category's projects."""
    due = feedback_due(session, ctx)
    if due is None:
        return [], []
    per_unit: dict[str, list[int]] = {}
    for d in due:
        entry = per_unit.setdefault(d.unit, [0, 0])
        entry[0] += d.items
        entry[1] += d.items_updated
    rates = [("反馈及时率", Rate(sum(1 for d in due if d.on_time), len(due)), Key("feedback.on_time")),
             ("反馈更新率", Rate(sum(d.items_updated for d in due), sum(d.items for d in due)),
              Key("feedback.updated"))]
    order = unit_order(session) if per_unit else {}
    units = sorted(per_unit.items(), key=lambda u: (-u[1][1], order.get(u[0], (0, u[0], u[0]))))
    return rates, [(unit, items, updated, Key("feedback.updated_unit", unit)) for unit, (items, updated) in units]


def _overdue_milestones(session: Session, ctx: Context) -> int:
    """Overdue milestones of the projects in scope (the same projects the headline counts)."""
    in_scope = set(project_ids_in_scope(session, ctx))
    return sum(n for pid, n in milestones.overdue_counts(session, ctx.year, ctx.today).items() if pid in in_scope)


def all_figures(board: Dashboard) -> list[tuple[str, int, Key]]:
    """Every clickable number on the board with its key, for the drill-down check."""
    items = [(f.label, f.value, f.key) for f in (*board.headline, *board.lights, *board.issues_by_status,
                                                  *board.issues_by_level, *board.overdue_by_unit,
                                                  *board.visits_per_leader)]
    items += [(label, rate.numerator, key) for label, rate, key in board.rates]
    items += [(line.label, line.projects, key) for line, key in board.investment]
    items += [(label, decided, key) for label, decided, _done, key in board.decisions_per_meeting]
    items += [(unit, updated, key) for unit, _items, updated, key in board.feedback_by_unit]
    if board.overdue_milestones is not None:
        f = board.overdue_milestones
        items.append((f.label, f.value, f.key))
    return items
