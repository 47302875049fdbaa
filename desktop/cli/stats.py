"""`keyproj stats`: the headline figures, from the same service the dashboard and briefings use."""

from __future__ import annotations

import argparse
import json
from datetime import date

from desktop.cli.common import data_options, guarded, open_from_args, parse_date
from desktop.services import office_settings, stats
from desktop.services.figures import yi_text
from desktop.services.scope import Period, Scope, ScopeKind


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stats", parents=[data_options()], help="输出主要统计数据（办结率、开复工率、投资进度等）")
    parser.add_argument("--year", type=int, help="统计年度（默认：今年）")
    parser.add_argument("--from", dest="date_from", type=parse_date, help="起始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=parse_date, help="截止日期 YYYY-MM-DD")
    parser.add_argument("--scope", choices=[k.value for k in ScopeKind], default="all", help="统计范围")
    parser.add_argument("--scope-id", type=int, help="范围对象的编号（类别、专班、领导或单位）")
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，便于脚本读取")
    parser.set_defaults(handler=guarded(run))


def period_from_args(args: argparse.Namespace, today: date) -> Period:
    year = args.year or (args.date_to or today).year
    start = args.date_from or date(year, 1, 1)
    end = args.date_to or date(year, 12, 31)
    return Period(start, end)


def run(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    period = period_from_args(args, today)
    scope = Scope(ScopeKind(args.scope), args.scope_id)
    with open_from_args(args) as workspace, workspace.db.read() as session:
        figures = stats.headline(session, period, scope, today=today,
                                 thresholds=office_settings.thresholds(session),
                                 due_soon_days=int(office_settings.get(session, "due_soon_days")))
    if args.json:
        print(json.dumps(figures.as_dict(), ensure_ascii=False, indent=2, default=str))
        return 0
    for line in format_headline(figures):
        print(line)
    return 0


def format_headline(h: stats.Headline) -> list[str]:
    i, d, s = h.issues, h.decisions, h.starts
    lines = [
        f"统计期间：{h.period}",
        f"在库项目：{h.projects}个；包保活动：{h.visits}次；召开会议：{d.meetings}次",
        f"问题：共{i.raised}个，已办结{i.done}个，未办结{i.open}个，超期{i.overdue}个，临期{i.due_soon}个，"
        f"办结率{i.rate.text}（{i.rate.short_text}）{i.undated_text}",
        f"议定事项：共{d.decided}项，已完成{d.done}项，办结率{d.rate.text}（{d.rate.short_text}）",
        f"开复工：应开复工{s.due}个，已开复工{s.started}个，开复工率{s.rate.text}",
        f"投资进度（亿元，{h.investment_period}）：",
    ]
    for line in h.investment:
        lines.append(
            f"  {line.label}：{line.projects}个，年度计划{yi_text(line.annual_plan)}，完成{yi_text(line.completed)}，"
            f"完成年度计划{line.plan_rate.text}，序时进度{'—' if line.schedule_pct is None else f'{line.schedule_pct:.2f}%'}"
            f"（{line.light.label}）"
        )
    return lines

