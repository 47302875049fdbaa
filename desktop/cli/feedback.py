"""`keyproj feedback send | collect | status`: the 反馈表 round trip with the responsible units, through the same
services as the window (services/feedback), for a clerk at the prompt or a scheduled job."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("feedback", parents=[data_options()],
                                   help="向责任单位发出问题办理反馈表、收取反馈、查看反馈情况")
    actions = parser.add_subparsers(dest="feedback_action", metavar="操作", required=True)
    send = actions.add_parser("send", parents=[data_options()], help="为各责任单位生成反馈表（每单位一个 .xlsx）")
    send.add_argument("--out", type=Path, required=True, help="反馈表写入的文件夹")
    send.add_argument("--units", nargs="+", metavar="单位", help="只发给这些单位（默认：所有有未办结问题的单位）")
    send.add_argument("--deadline", type=parse_date, help="反馈截止日期 YYYY-MM-DD（默认：7天后）")
    send.add_argument("--round", dest="round_name", metavar="轮次", help="轮次名称（默认：如 2026年12月第1轮）")
    send.set_defaults(handler=guarded(run_send))
    collect = actions.add_parser("collect", parents=[data_options()], help="收取单位报回的反馈表（文件或文件夹）")
    collect.add_argument("paths", nargs="+", type=Path, metavar="文件或文件夹")
    collect.add_argument("--dry-run", action="store_true", help="只显示将采用的内容，不写入")
    collect.add_argument("--yes", action="store_true", help="不再询问，直接采用")
    collect.add_argument("--include-conflicts", action="store_true",
                         help="连同“冲突”的行一并采用（发出后办公室已修改过的问题）")
    collect.add_argument("--round", dest="round_name", metavar="轮次", help="只收取这一轮次的反馈表")
    collect.set_defaults(handler=guarded(run_collect))
    status = actions.add_parser("status", parents=[data_options()], help="各轮次的反馈情况：谁已报、谁逾期")
    status.add_argument("--date", type=parse_date, help="按哪一天判断逾期（默认：今天）")
    status.set_defaults(handler=guarded(run_status))


def run_send(args: argparse.Namespace) -> int:
    from desktop.services.feedback.send import send_round

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        result = send_round(session, args.out, units=args.units, deadline=args.deadline, name=args.round_name)
    print(f"已发出{result.round_name}反馈表：{len(result.forms)}个单位，{result.items}项问题，"
          f"反馈截止 {result.deadline.isoformat()}。")
    for form in result.forms:
        print(f"  {form.unit}\t{form.items}项\t{form.path}")
    for note in result.notes:
        print(f"  {note}")
    return 0


def _print_preview(preview: object) -> None:
    from desktop.services.feedback.preview import CollectPreview, Verdict

    assert isinstance(preview, CollectPreview)
    for report in preview.files:
        head = f"{report.name}：{report.unit or '（未识别单位）'}"
        if report.round_name:
            head += f"，{report.round_name}"
        print(head)
        if report.refusal or report.already:
            print(f"  {report.refusal or report.already}")
            continue
        counts = "，".join(f"{v.label}{report.count(v)}行" for v in Verdict if report.count(v))
        print(f"  {counts}")
        for row in report.rows:
            if row.verdict is Verdict.NEW:
                print(f"  [新反馈] 第{row.row.row}行 {row.project} · {row.problem[:30]}：现为“{row.current_status}”，"
                      f"报 {row.answer.status or '（未选状态）'}，{row.answer.progress or ''}")
            for reason in row.reasons:
                print(f"  [{row.verdict.label}] {reason}")
            for edit in row.locked_edits:
                print(f"  [已忽略] {edit}")
        for note in report.notes:
            print(f"  {note}")


def run_collect(args: argparse.Namespace) -> int:
    from desktop.services.feedback.collect import collect, preview_collect

    with open_from_args(args) as workspace:
        if not args.dry_run and not args.yes:
            _print_preview(preview_collect(workspace.db, args.paths, round_name=args.round_name))
            answer = input("采用以上新反馈（记入办理进展）吗？[y/N] ")
            if answer.strip().lower() not in ("y", "yes", "是"):
                print("已取消，未做任何改动。")
                return 1
        result = collect(workspace.db, args.paths, data_dir=workspace.data_dir, dry_run=args.dry_run,
                         include_conflicts=args.include_conflicts, round_name=args.round_name, today=date.today())
    if args.dry_run or args.yes:
        _print_preview(result.preview)
    verb = "将采用" if result.dry_run else "已采用"
    print(f"{verb}{result.taken}项反馈（{result.replies}个文件），记入各问题的办理进展；问题状态未改变。"
          + ("（试运行，未写入）" if result.dry_run else ""))
    if result.backup_path is not None:
        print(f"写入前的数据已备份到：{result.backup_path}")
    if result.requests:
        print("需办公室处理的申请：")
        for line in result.requests:
            print(f"  {line}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from desktop.services.feedback.status import round_states

    with open_from_args(args) as workspace, workspace.db.read() as session:
        states = round_states(session, args.date)
    if not states:
        print("还没有发出过反馈表。")
    for state in states:
        print(f"{state.name}：{state.sent_on.isoformat()}发出，截止{state.deadline.isoformat()}，"
              f"{len(state.units)}个单位，已报{state.replied}个，逾期未报{len(state.late_units)}个")
        for unit in state.units:
            when = f"{unit.replied_on.isoformat()}报回" if unit.replied_on else "未报回"
            print(f"  {unit.unit}\t{unit.label}\t{when}\t更新{unit.items_updated}/{unit.items}项")
    return 0
