"""`keyproj export briefing|notice|ledger-*|investment|responsibility`: the documents and 台账 of the 导出 menu.

The handlers call the same `exporters.jobs` functions as the window, so a file made here is the file the menu
makes. A 简报/通报 made here is drafted from the data, takes the next number and is recorded as issued, exactly
as when the user exports it from the editor without changing the draft.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.cli.common import open_from_args
from desktop.db.enums import BriefingKind
from desktop.errors import UserError
from desktop.exporters import jobs
from desktop.exporters.docx import missing_fonts
from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.ledger_columns import ColumnChoiceError
from desktop.services.scope import Period, Scope, ScopeKind

Handler = Callable[[argparse.Namespace], int]


class ExportFailed(UserError):
    """A file problem reported in Chinese by the `guarded` wrapper."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by every document kind (the group adds --out, --data-dir, --year, --from, --to)."""
    parser.add_argument("--scope", choices=[k.value for k in ScopeKind], default="all",
                        help="范围：all 全部 / category 类别 / task_force 专班 / leader 领导 / unit 单位")
    parser.add_argument("--scope-id", type=int, help="范围对象的编号（类别、专班、领导或单位）")
    parser.add_argument("--draft", action="store_true",
                        help="简报/通报只生成送审稿：期号处标“送审稿”，不登记期号（供领导审阅或定时任务）")
    parser.add_argument("--columns",
                        help="台账只打印这些列（列名或列键，逗号分隔，如“项目名称,建设单位,总投资”）；"
                             "默认用窗口里为该台账保存的选择，未选择过则打印全部列")
    parser.add_argument("--all-columns", action="store_true", help="台账也打印每行都为空的列（默认不打印）")
    parser.add_argument("--paper", choices=("auto", "A4", "A3"), default="auto",
                        help="台账纸张（横向）：auto 按列宽自动选择，A4 能以9磅以上字号打印时用A4，否则用A3")
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)


def _date(text: str) -> date:
    from desktop.cli.common import parse_date

    return parse_date(text)


def period_of(args: argparse.Namespace, today: date) -> Period:
    year = args.year or (args.date_to or today).year
    period = Period(args.date_from or date(year, 1, 1), args.date_to or date(year, 12, 31))
    if period.start > period.end:
        raise ExportFailed("起始日期不能晚于截止日期")
    return period


def _target(args: argparse.Namespace, suffix: str) -> Path:
    out = Path(args.out)
    if out.suffix.lower() != suffix:
        raise ExportFailed(f"输出文件应以 {suffix} 结尾：{out}")
    if not out.parent.exists():
        raise ExportFailed(f"输出文件夹不存在：{out.parent}")
    return out


def _document(kind: BriefingKind) -> Handler:
    def run(args: argparse.Namespace) -> int:
        today = args.today or date.today()
        out = _target(args, ".docx")
        with open_from_args(args) as workspace:
            content = jobs.draft(workspace.db, kind, period_of(args, today),
                                 Scope(ScopeKind(args.scope), args.scope_id), today)
            if args.draft:
                jobs.write_review_copy(content, out)
            else:
                jobs.issue_and_write(workspace.db, content, out)
        if args.draft:
            print(f"已生成{kind.label}送审稿（未登记期号，印发时拟为{content.year}年{content.number_text}）：{out}")
        else:
            print(f"已导出{kind.label}{content.year}年{content.number_text}：{out}")
        missing = missing_fonts(profile_for(content.font_profile))
        if missing:
            print(f"提示：本机未安装字体 {'、'.join(missing)}；文件按规范命名字体，在装有这些字体的电脑上打印正常。",
                  file=sys.stderr)
        return 0

    return run


def _ledger(kind: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        today = args.today or date.today()
        out = _target(args, ".xlsx")
        with open_from_args(args) as workspace:
            columns = [c for c in args.columns.replace("，", ",").split(",")] if args.columns else None
            request = jobs.LedgerRequest(kind, period_of(args, today), today,
                                         Scope(ScopeKind(args.scope), args.scope_id), columns=columns,
                                         keep_empty=args.all_columns, paper=args.paper)
            try:
                count, fit = jobs.export_ledger_fitted(workspace.db, request, out)
            except ColumnChoiceError as exc:
                raise ExportFailed(str(exc)) from exc
        print(f"已导出{jobs.LEDGER_KINDS[kind]}（{count}行，{sum(not c.hidden for c in fit.spec.columns)}列，{fit.paper}横向，"
              f"打印字号约{fit.printed_pt:.1f}磅）：{out}")
        if fit.dropped_empty:
            print(f"提示：以下列每行都为空，未打印：{'、'.join(fit.dropped_empty)}（加 --all-columns 可打印）。")
        return 0

    return run


HANDLERS: dict[str, Handler] = {
    "briefing": _document(BriefingKind.BRIEFING),
    "notice": _document(BriefingKind.NOTICE),
    **{kind: _ledger(kind) for kind in jobs.LEDGER_KINDS},
}

HELP: dict[str, str] = {
    "briefing": "工作简报（Word，按数据起草并编号登记）",
    "notice": "工作通报（Word，超期事项、单位排名、滞后项目）",
    **{kind: f"{label}（Excel）" for kind, label in jobs.LEDGER_KINDS.items()},
}
