"""`keyproj feedback send | collect | undo | status | chase` (and the units' requests, cli/feedback_requests.py): the 反馈表 round trip with the responsible units, through the same
services as the window (services/feedback), for a clerk at the prompt or a scheduled job."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date
from desktop.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("feedback", parents=[data_options()],
                                   help="向责任单位发出问题办理反馈表、收取反馈、查看反馈情况")
    actions = parser.add_subparsers(dest="feedback_action", metavar="操作", required=True)
    send = actions.add_parser("send", parents=[data_options()], help="为各责任单位生成反馈表（每单位一个 .xlsx）")
    send.add_argument("--out", type=Path, required=True, help="反馈表写入的文件夹")
    send.add_argument("--units", nargs="+", metavar="单位", help="只发给这些单位（默认：所有有未办结问题的单位）")
    send.add_argument("--deadline", type=parse_date, help="反馈截止日期 YYYY-MM-DD（默认：7天后）")
    send.add_argument("--round", dest="round_name", metavar="轮次", help="轮次名称（默认：如 2026年12月第1轮）")
    send.add_argument("--notice", action="store_true", help="同时为每个单位生成一份交办通知（Word）")
    send.add_argument("--kind", choices=("issue", "investment"), default="issue",
                      help="issue：问题办理反馈表（默认）；investment：投资进度填报表（每个项目一行，需 --month）")
    send.add_argument("--month", type=_year_month, metavar="YYYY-MM",
                      help="投资进度填报的月份，如 2026-11（--kind investment 时必填）")
    send.add_argument("--by", choices=("unit", "owner"), default="unit",
                      help="投资进度填报表发给谁：unit 每个责任单位一份（默认）；owner 每个建设单位（项目业主）一份，"
                           "--units 则写建设单位名称")
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
    undo = actions.add_parser("undo", parents=[data_options()],
                              help="撤销一次收取反馈（整体撤销，默认最近一次；编号见 keyproj import history）")
    undo.add_argument("batch_id", nargs="?", type=int, metavar="编号", help="收取反馈记录的编号（默认：最近一次）")
    undo.set_defaults(handler=guarded(run_undo))
    chase = actions.add_parser("chase", parents=[data_options()],
                               help="催报：为逾期未报的单位写催报通知（Word），或只给它们再发一轮反馈表")
    chase.add_argument("round_name", metavar="轮次", help="要催报的轮次，如 2026年12月第1轮")
    what = chase.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, help="催报通知（.docx）写到这里")
    what.add_argument("--forms", type=Path, metavar="文件夹", help="只给逾期未报的单位再发一轮反馈表，写入此文件夹")
    chase.add_argument("--reply-by", type=parse_date, help="催报要求的报送期限 YYYY-MM-DD（默认：3天后）")
    chase.add_argument("--deadline", type=parse_date, help="再发一轮时的反馈截止日期（默认：7天后）")
    chase.add_argument("--new-round", metavar="轮次", help="再发一轮时的轮次名称（默认：本月下一轮）")
    chase.add_argument("--date", type=parse_date, help="按哪一天判断逾期、写在通知上（默认：今天）")
    chase.set_defaults(handler=guarded(run_chase))
    from desktop.cli import feedback_requests

    feedback_requests.register(actions)


def _year_month(text: str) -> tuple[int, int]:
    """2026-11 (or 2026.11, 202611) as (year, month); argparse says the message when it is not one."""
    clean = text.strip().replace(".", "-").replace("/", "-").replace("年", "-").rstrip("月")
    parts = clean.split("-") if "-" in clean else [clean[:4], clean[4:]]
    try:
        year, month = int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"“{text}”不是年月，请写成 2026-11") from None
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"“{text}”不是年月，请写成 2026-11")
    return year, month


def run_send(args: argparse.Namespace) -> int:
    from desktop.exporters.feedback_job import send_with_notices

    if args.kind == "investment":
        return _send_investment(args)
    if args.month is not None or args.by != "unit":
        raise UserError("--month 和 --by 只用于投资进度填报（--kind investment）。")
    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        result, notices = send_with_notices(session, args.out, notices=args.notice, units=args.units,
                                            deadline=args.deadline, name=args.round_name)
    print(f"已发出{result.round_name}反馈表：{len(result.forms)}个单位，{result.items}项问题，"
          f"反馈截止 {result.deadline.isoformat()}。")
    for form in result.forms:
        print(f"  {form.unit}\t{form.items}项\t{form.path}")
    for note in result.notes:
        print(f"  {note}")
    for path in notices:
        print(f"  交办通知\t{path}")
    return 0


def _send_investment(args: argparse.Namespace) -> int:
    from desktop.services.feedback.invest_send import send_investment_round

    if args.month is None:
        raise UserError("投资进度填报需指定月份：--month 2026-11。")
    if args.notice:
        raise UserError("投资进度填报表不附交办通知（--notice 只用于问题办理反馈表）。")
    year, month = args.month
    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        result = send_investment_round(session, args.out, year=year, month=month, units=args.units,
                                       deadline=args.deadline, name=args.round_name, by=args.by)
    print(f"已发出{result.round_name}：{len(result.forms)}个{'建设单位' if args.by == 'owner' else '单位'}，"
          f"{result.items}个项目，"
          f"报送截止 {result.deadline.isoformat()}。")
    for form in result.forms:
        print(f"  {form.unit}\t{form.items}个项目\t{form.path}")
    for note in result.notes:
        print(f"  {note}")
    return 0


def run_chase(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from desktop.exporters.feedback_job import second_round, write_chase

    today = args.date or date.today()
    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        if args.out is not None:
            target = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
            units = write_chase(session, args.round_name, target, today=today,
                                reply_by=args.reply_by or today + timedelta(days=3))
            print(f"已写出{args.round_name}催报通知（{len(units)}个单位：{'、'.join(units)}）：{target}")
            return 0
        result = second_round(session, args.round_name, args.forms, today=today, deadline=args.deadline,
                              name=args.new_round)
    print(f"已为逾期未报的{len(result.forms)}个单位发出{result.round_name}反馈表，{result.items}项问题，"
          f"反馈截止 {result.deadline.isoformat()}。")
    for form in result.forms:
        print(f"  {form.unit}\t{form.items}项\t{form.path}")
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
            if row.verdict is Verdict.NEW and row.project_id is not None:
                print(f"  [新反馈] 第{row.row.row}行 {row.project}：现为 {row.current_status}（{row.current_progress}），"
                      f"报 {row.answer.summary()}")
            elif row.verdict is Verdict.NEW:
                print(f"  [新反馈] 第{row.row.row}行 {row.project} · {row.problem[:30]}：现为“{row.current_status}”，"
                      f"报 {row.answer.status or '（未选状态）'}，{row.answer.progress or ''}")
            for reason in row.reasons:
                print(f"  [{row.verdict.label}] {reason}")
            for edit in row.locked_edits:
                print(f"  [已忽略] {edit}")
        for problem in report.new_problems:
            if problem.taken:
                found = problem.found_on.isoformat() if problem.found_on else "未填，未记录"
                print(f"  [新增问题] 第{problem.row.row}行 {problem.project} · {problem.description[:30]}：发现日期 {found}")
            for reason in problem.reasons:
                print(f"  [不予采用] {reason}")
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
    issues = result.taken - len(result.projects)
    said = [f"{issues}项问题反馈记入各问题的办理进展，问题状态未改变"] if issues or not result.projects else []
    if result.projects:
        said.append(f"{len(result.projects)}个项目的投资进度记入月度投资表，序时进度按新数重算")
    print(f"{verb}{result.taken}项反馈（{result.replies}个文件）：{'；'.join(said)}。"
          + ("（试运行，未写入）" if result.dry_run else ""))
    if result.new_issues:
        print(f"{verb}登记单位报告的新问题{len(result.new_issues)}个（待交办，由办公室交办）。")
    if result.backup_path is not None:
        print(f"写入前的数据已备份到：{result.backup_path}")
    if result.batch_id is not None:
        print(f"如需整体撤销本次收取：keyproj feedback undo {result.batch_id}")
    if result.requests:
        print("需办公室处理的申请（keyproj feedback requests 查看，approve / refuse / escalate / answer 处理）：")
        for line in result.requests:
            print(f"  {line}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from desktop.services.feedback.undo import undo_collect

    with open_from_args(args) as workspace:
        print(undo_collect(workspace.db, args.batch_id, data_dir=workspace.data_dir))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from desktop.services.feedback.status import round_states

    with open_from_args(args) as workspace, workspace.db.read() as session:
        states = round_states(session, args.date)
    if not states:
        print("还没有发出过反馈表。")
    for state in states:
        print(f"{state.name}：{state.form_name}，{state.sent_on.isoformat()}发出，截止{state.deadline.isoformat()}，"
              f"{len(state.units)}个单位，已报{state.replied}个，逾期未报{len(state.late_units)}个")
        for unit in state.units:
            when = f"{unit.replied_on.isoformat()}报回" if unit.replied_on else "未报回"
            print(f"  {unit.unit}\t{unit.label}\t{when}\t更新{unit.items_updated}/{unit.items}项")
    return 0
