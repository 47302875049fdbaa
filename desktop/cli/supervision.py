"""`keyproj supervision list | due | reply | withdraw | ladder`: the 督办 register, what the ladder proposes today,
a unit's reply, a withdrawal, and the office's ladder. Issuing an instrument is `keyproj export supervision`."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli.common import data_options, guarded, open_from_args, parse_date
from desktop.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("supervision", parents=[data_options()],
                                   help="督办文书登记簿、督办阶梯提示、登记回复、撤回")
    actions = parser.add_subparsers(dest="supervision_action", metavar="操作", required=True)
    listing = actions.add_parser("list", parents=[data_options()], help="列出已签发的督办文书")
    listing.add_argument("--year", type=int, help="年度")
    listing.set_defaults(handler=guarded(run_list))
    due = actions.add_parser("due", parents=[data_options()], help="按督办阶梯列出今天应采取的措施")
    due.add_argument("--date", type=parse_date, help="按哪一天计算（默认：今天）")
    due.set_defaults(handler=guarded(run_due))
    reply = actions.add_parser("reply", parents=[data_options()], help="登记单位对督办文书的回复")
    reply.add_argument("notice", type=int, help="督办文书编号（见 list）")
    reply.add_argument("--date", type=parse_date, help="回复日期（默认：今天）")
    reply.add_argument("--text", required=True, help="回复内容")
    reply.set_defaults(handler=guarded(run_reply))
    withdraw = actions.add_parser("withdraw", parents=[data_options()], help="撤回误发的督办文书（文号保留，不再使用）")
    withdraw.add_argument("notice", type=int, help="督办文书编号")
    withdraw.add_argument("--reason", required=True, help="撤回原因")
    withdraw.set_defaults(handler=guarded(run_withdraw))
    ladder = actions.add_parser("ladder", parents=[data_options()], help="查看或设置督办阶梯")
    ladder.add_argument("--set", dest="steps", metavar="天数:措施,…",
                        help="如 1:提示单,3:督办单,7:催办通知,30:流转=提请包保领导协调")
    ladder.set_defaults(handler=guarded(run_ladder))


def run_list(args: argparse.Namespace) -> int:
    from desktop.services.supervision.notices import register as notice_register

    with open_from_args(args) as workspace, workspace.db.read() as session:
        lines = notice_register(session, year=args.year)
    if not lines:
        print("还没有签发督办文书。")
    for line in lines:
        print(f"{line.id}\t{line.kind_label}\t{line.number_text}\t{line.unit}\t签发{line.issued_on.isoformat()}\t"
              f"回复期限{line.reply_due.isoformat()}\t{line.items}项\t{line.state}")
    return 0


def run_due(args: argparse.Namespace) -> int:
    from desktop.services.supervision.ladder import due_steps

    day = args.date or date.today()
    with open_from_args(args) as workspace, workspace.db.read() as session:
        steps = due_steps(session, day)
    if not steps:
        print(f"截至{day.isoformat()}，督办阶梯没有需要采取的措施。")
    for d in steps:
        print(f"{d.issue_id}\t{d.unit or '（未交办）'}\t{d.project}\t{d.description}\t完成时限{d.deadline.isoformat()}\t"
              f"{d.step.describe()}")
    return 0


def run_reply(args: argparse.Namespace) -> int:
    from desktop.services.supervision.notices import number_text, record_reply

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        notice = record_reply(session, args.notice, args.date or date.today(), args.text)
        print(f"已登记{number_text(notice)}的回复（{len(notice.items)}项问题的办理进展中已记录）。")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from desktop.services.supervision.notices import number_text, withdraw_notice

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        notice = withdraw_notice(session, args.notice, args.reason)
        print(f"已撤回{number_text(notice)}；该文号保留在登记簿中，不再使用。")
    return 0


def _parse_steps(text: str) -> list[dict[str, object]]:
    from desktop.services.supervision.kinds import SupervisionKind
    from desktop.services.supervision.ladder import ESCALATE

    steps: list[dict[str, object]] = []
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        days, _, action = part.partition(":")
        action, _, label = action.partition("=")
        try:
            day_count = int(days)
        except ValueError as exc:
            raise UserError(f"督办阶梯“{part}”的天数不是整数。") from exc
        action = action.strip()
        if action in ("流转", ESCALATE):
            code = ESCALATE
        else:
            try:
                code = SupervisionKind.parse(action).value
            except ValueError as exc:
                raise UserError(str(exc)) from exc
        step: dict[str, object] = {"days": day_count, "action": code}
        if label.strip():
            step["label"] = label.strip()
        steps.append(step)
    return steps


def run_ladder(args: argparse.Namespace) -> int:
    from desktop.services.supervision.ladder import load_ladder, save_ladder

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        steps = save_ladder(session, _parse_steps(args.steps)) if args.steps else load_ladder(session)
        print("督办阶梯" + ("已保存" if args.steps else "") + "：")
        for step in steps:
            print(f"  {step.describe()}")
    return 0
