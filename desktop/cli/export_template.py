"""`keyproj export template`: fill an upper level's own form, as 导出 → 按上级模板填报 does.

    keyproj export template --template 空白模板.xlsx --month 10 --out 文件.xlsx [--save-as 市重点办月报]
    keyproj export template --name 市重点办月报 --month 10 --out 文件.xlsx
    keyproj export template --name 市重点办月报 --template 新模板.xlsx --accept-new --out 文件.xlsx

The first run prints the header found and every column's mapping (and the columns left empty); `--map` corrects a
column (`--map "F=序时进度"`, `--map "备注=留空"`). A saved template whose header changed is refused until its new
columns are confirmed (`--map` or `--accept-new`); then the saved template is updated to the new header.
"""

from __future__ import annotations

import argparse
import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import open_from_args
from desktop.errors import UserError
from desktop.exporters.template_fill import job
from desktop.exporters.template_fill.plan import GROUPINGS
from desktop.services import stats
from desktop.services.scope import Period, Scope, ScopeKind
from desktop.services.templates import catalog, proposal, store
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.layout import FORMULA, TemplateLayout
from desktop.services.templates.records import DECISION_FILTERS, ISSUE_FILTERS, Selection

if TYPE_CHECKING:
    from desktop.db.engine import Database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("按上级模板填报（template）")
    group.add_argument("--template", type=Path, help="上级下发的空白模板（.xlsx，也可读 .xls）")
    group.add_argument("--name", help="已保存的模板名称（如 市重点办月报）")
    group.add_argument("--save-as", help="填报成功后把模板和列对应保存为这个名称，下次用 --name 一步填报")
    group.add_argument("--month", type=int, choices=range(1, 13), metavar="1-12",
                       help="填报截至的月份（1—N月）；默认上月（往年为12月）")
    group.add_argument("--rows", choices=[p.value for p in Purpose],
                       help="填入哪类记录：projects 重点项目 / issues 问题 / decisions 议定事项（默认按表头判断）")
    group.add_argument("--sheet", help="模板中要填的工作表（默认自动识别）")
    group.add_argument("--map", action="append", default=[], metavar="列=数据项",
                       help="更正一列的对应，如 \"F=序时进度\"、\"备注=留空\"（可多次使用）")
    group.add_argument("--accept-new", action="store_true", help="模板表头有新增列时，接受系统建议的对应")
    group.add_argument("--group", help="分组：逗号分隔的维度（如 category,stage），none 表示不分组；默认按模板的分组行")
    group.add_argument("--issues", choices=list(ISSUE_FILTERS), help="问题表填哪些问题（默认 open 未办结）")
    group.add_argument("--decisions", choices=list(DECISION_FILTERS), help="议定事项表填哪些（默认 all）")


def _grouping(text: str | None, purpose: Purpose) -> tuple[str, ...] | None:
    if text is None:
        return None
    if text.strip().lower() in ("none", "无", "不分组"):
        return ()
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in parts if p not in GROUPINGS[purpose]]
    if unknown:
        choices = "、".join(f"{k}（{v}）" for k, v in GROUPINGS[purpose].items())
        raise UserError(f"不认识的分组“{'、'.join(unknown)}”。{purpose.label}表可按：{choices}。")
    return parts


def _apply_maps(layout: TemplateLayout, mapping: dict[int, str | None], maps: list[str]) -> set[int]:
    touched: set[int] = set()
    for item in maps:
        if "=" not in item:
            raise UserError(f"--map 的写法应为“列=数据项”，如 \"F=序时进度\"，收到“{item}”。")
        column_text, _, field_text = item.partition("=")
        column = proposal.resolve_column(layout, column_text)
        mapping[column.index] = proposal.resolve_field(layout.purpose, field_text)
        touched.add(column.index)
    return touched


def _selection(args: argparse.Namespace, purpose: Purpose, saved: store.SavedTemplate | None,
               today: date, db: Database) -> Selection:
    year = args.year or today.year
    if args.month:
        month = args.month
    else:  # the last month reported that year (a 1–10月 report is read as 10 months, also in a later year)
        with db.read() as session:
            month = stats.reported_month(Period.year(year), today, session)
    base = Selection.from_dict(saved.selection, year, month) if saved else Selection(purpose, year, month)
    scope = base.scope
    if args.scope != "all" or args.scope_id is not None:
        scope = Scope(ScopeKind(args.scope), args.scope_id)
    grouping = _grouping(args.group, purpose)
    return Selection(purpose, year, month, scope, args.issues or base.issue_filter,
                     args.decisions or base.decision_filter,
                     args.meeting if args.meeting is not None else base.meeting_id,
                     base.grouping if grouping is None else grouping,
                     base.ungrouped if grouping is None else grouping == ())


def _mapping_lines(layout: TemplateLayout, mapping: dict[int, str | None]) -> list[str]:
    pairs, empty = [], []
    for column in layout.labelled_columns:
        code = mapping.get(column.index)
        if code is None:
            empty.append(column.title)
        elif code == FORMULA:
            pairs.append(f"{column.title}→模板公式")
        else:
            pairs.append(f"{column.title}→{catalog.field(layout.purpose, code).label}")
    lines = ["列对应：" + "；".join(pairs)]
    if empty:
        lines.append("留空的列：" + "；".join(empty))
    return lines


def run(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    if not args.template and not args.name:
        raise UserError("请用 --template 指定上级下发的空白模板，或用 --name 指定已保存的模板。")
    out = Path(args.out)
    purpose = Purpose(args.rows) if args.rows else None
    with open_from_args(args) as workspace, contextlib.ExitStack() as stack:
        db = workspace.db
        saved = None
        template = args.template
        if args.name:
            saved, stored = stack.enter_context(job.saved_template_file(db, args.name))
            template = template or stored
        inspection = job.inspect_template(template, sheet=args.sheet, purpose=purpose, saved=saved)
        layout = inspection.layout
        mapping = inspection.mapping
        touched = _apply_maps(layout, mapping, args.map)
        diff = inspection.diff
        if diff is not None and diff.new_columns and not args.accept_new:
            unanswered = [c for c in diff.new_columns if c.index not in touched]
            if unanswered:
                raise job.HeaderChanged(job.Inspection(inspection.path, layout, inspection.choices, [],
                                                       store.HeaderDiff(diff.mapping, unanswered, diff.removed,
                                                                        False)))
        for line in inspection.summary_lines():
            print(line)
        selection = _selection(args, layout.purpose, saved, today, db)
        request = job.FillRequest(Path(template), out, selection, today, mapping, sheet=args.sheet,
                                  saved_name=saved.name if saved else None)
        result = job.fill_template(db, request)
        for line in _mapping_lines(layout, mapping):
            print(line)
        if result.grouping:
            print("分组：" + "、".join(GROUPINGS[layout.purpose][g] for g in result.grouping))
        for note in result.notes:
            if note not in inspection.notes:
                print(f"说明：{note}")
        name = args.save_as or (saved.name if saved and (args.template or args.map) else None)
        if name:
            content = Path(template).read_bytes()
            with db.transaction() as session:
                kept = store.save(session, name, layout, mapping, selection.as_dict(), content)
            print(f"已保存模板“{kept.name}”（表头第{kept.header_version}版），下次可用 --name {kept.name} 直接填报")
    print(f"已按模板填报{selection.period.label}{layout.purpose.label}（{result.records}条，共{result.rows}行）：{out}")
    return 0


HANDLERS = {"template": run}
HELP = {"template": "按上级模板填报（Excel，上级下发的空白模板；--template 或 --name）"}
