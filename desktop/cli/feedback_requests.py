"""`keyproj feedback requests | approve | refuse | escalate | answer | undo-decision`: the units' requests from
collected 反馈表 (a reported 已办结 awaiting confirmation, 申请延期, 需上级协调), decided through the same service as
the window (services/feedback/requests.py)."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli.common import data_options, guarded, open_from_args, parse_date


def register(actions: argparse._SubParsersAction) -> None:
    listing = actions.add_parser("requests", parents=[data_options()],
                                 help="单位申请：报告已办结待确认、申请延期、需上级协调（默认只列待处理的）")
    listing.add_argument("--all", action="store_true", help="连同已处理的一并列出")
    listing.set_defaults(handler=guarded(run_list))
    approve = actions.add_parser("approve", parents=[data_options()],
                                 help="确认办结（按单位报告的办结日期），或同意延期（新完成时限为单位填写的预计完成时间）")
    approve.add_argument("request_id", type=int, metavar="编号")
    approve.add_argument("--done-on", type=parse_date, metavar="日期",
                         help="单位未填写办结日期时，单位报告的办结日期 YYYY-MM-DD")
    approve.set_defaults(handler=guarded(run_approve))
    refuse = actions.add_parser("refuse", parents=[data_options()],
                                help="退回单位报告的办结（继续办理），或不同意延期（完成时限不变）")
    refuse.add_argument("request_id", type=int, metavar="编号")
    refuse.add_argument("--reason", required=True, metavar="原因")
    refuse.set_defaults(handler=guarded(run_refuse))
    escalate = actions.add_parser("escalate", parents=[data_options()], help="把需上级协调的问题流转到上级")
    escalate.add_argument("request_id", type=int, metavar="编号")
    escalate.add_argument("--to", required=True, metavar="层级", help="专班/工作组、区级 或 市级")
    escalate.add_argument("--reason", metavar="流转原因", help="默认：单位填写的需协调事项")
    escalate.set_defaults(handler=guarded(run_escalate))
    answer = actions.add_parser("answer", parents=[data_options()], help="由办公室直接答复需上级协调的申请")
    answer.add_argument("request_id", type=int, metavar="编号")
    answer.add_argument("--text", required=True, metavar="答复内容")
    answer.set_defaults(handler=guarded(run_answer))
    undo = actions.add_parser("undo-decision", parents=[data_options()],
                              help="撤销对一项单位申请的处理（该事项此后无人再办理时）")
    undo.add_argument("request_id", type=int, metavar="编号")
    undo.set_defaults(handler=guarded(run_undo))


def run_list(args: argparse.Namespace) -> int:
    from desktop.services.feedback.requests import list_requests

    with open_from_args(args) as workspace, workspace.db.read() as session:
        rows = list_requests(session, pending_only=not args.all)
    if not rows:
        print("没有待处理的单位申请。" if not args.all else "还没有单位申请。")
    for row in rows:
        deadline = row.deadline.isoformat() if row.deadline else "未定"
        print(f"{row.id}\t{row.state_label}\t{row.kind_label}\t{row.unit}\t{row.project} · {row.text[:30]}"
              f"（现为{row.status}，完成时限{deadline}）\t{row.asks}\t{row.round_name}，{row.reported_on.isoformat()}"
              f"收取，{row.file_name}")
        if not row.pending:
            said = f"：{row.answer}" if row.answer else ""
            was = f"（原完成时限{row.old_deadline.isoformat()}）" if row.old_deadline else ""
            print(f"\t{row.decided_on.isoformat() if row.decided_on else ''} {row.decided_by}{said}{was}")
    return 0


def _say(verb: str, request_id: int) -> None:
    print(f"已{verb}单位申请 {request_id}；如需撤销：keyproj feedback undo-decision {request_id}")


def _kind(session, request_id: int) -> str:  # type: ignore[no-untyped-def]
    from desktop.db.models import FeedbackRequest
    from desktop.errors import NotFound

    request = session.get(FeedbackRequest, request_id)
    if request is None:
        raise NotFound(f"找不到单位申请 {request_id}（keyproj feedback requests 列出待处理的申请）。")
    return request.kind


def run_approve(args: argparse.Namespace) -> int:
    from desktop.errors import TransitionRefused
    from desktop.services.feedback import requests

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        kind = _kind(session, args.request_id)
        if kind == "done":
            requests.confirm_done(session, args.request_id, done_on=args.done_on, on=date.today())
            verb = "确认办结"
        elif kind == "extension":
            requests.approve_extension(session, args.request_id, on=date.today())
            verb = "同意延期"
        else:
            raise TransitionRefused("需上级协调的申请请用 keyproj feedback escalate（流转）或 answer（答复）处理。")
    _say(verb, args.request_id)
    return 0


def run_refuse(args: argparse.Namespace) -> int:
    from desktop.errors import TransitionRefused
    from desktop.services.feedback import requests

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        kind = _kind(session, args.request_id)
        if kind == "done":
            requests.return_done(session, args.request_id, args.reason, on=date.today())
            verb = "退回"
        elif kind == "extension":
            requests.refuse_extension(session, args.request_id, args.reason, on=date.today())
            verb = "不同意"
        else:
            raise TransitionRefused("需上级协调的申请请用 keyproj feedback escalate（流转）或 answer（答复）处理。")
    _say(verb, args.request_id)
    return 0


def _level(text: str) -> str:
    from desktop.db.enums import IssueLevel
    from desktop.errors import UserError

    for level in IssueLevel:
        if text in (level.value, level.label) or text in level.label.split("/"):
            return level.value
    raise UserError(f"“{text}”不是办理层级，应为{'、'.join(lv.label for lv in IssueLevel)}。")


def run_escalate(args: argparse.Namespace) -> int:
    from desktop.services.feedback import requests

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        requests.escalate(session, args.request_id, _level(args.to), args.reason, on=date.today())
    _say("流转", args.request_id)
    return 0


def run_answer(args: argparse.Namespace) -> int:
    from desktop.services.feedback import requests

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        requests.answer(session, args.request_id, args.text, on=date.today())
    _say("答复", args.request_id)
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from desktop.services.feedback import requests

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        requests.undo_decision(session, args.request_id, on=date.today())
    print(f"已撤销对单位申请 {args.request_id} 的处理，该申请重新待处理。")
    return 0
