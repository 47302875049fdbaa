"""`keyproj meeting list | attendance`: the meetings and who attended them (出席 / 请假 / 列席), as the meeting
dialog records them, for offices that keep the attendance list in a script or another program."""

from __future__ import annotations

import argparse

from desktop.cli.common import data_options, guarded, open_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("meeting", parents=[data_options()], help="会议：列出会议，记录出席、请假、列席")
    actions = parser.add_subparsers(dest="meeting_action", metavar="操作", required=True)
    listing = actions.add_parser("list", parents=[data_options()], help="列出会议（编号、日期、名称、议定事项数）")
    listing.add_argument("--year", type=int, help="只列出这一年的会议")
    listing.set_defaults(handler=guarded(run_list))
    attendance = actions.add_parser(
        "attendance", parents=[data_options()],
        help="查看或记录一次会议的出席、请假、列席（照纪要的写法填写单位、职务和姓名；给空字符串即清除该行）")
    attendance.add_argument("--meeting", type=int, required=True, help="会议编号（keyproj meeting list 中的编号）")
    attendance.add_argument("--present", help="出席，如：区政府副区长张某某，区住建局局长李某某")
    attendance.add_argument("--on-leave", help="请假")
    attendance.add_argument("--observers", help="列席")
    attendance.set_defaults(handler=guarded(run_attendance))


def run_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.db.models import Meeting
    from desktop.services.meetings.actions import meeting_label

    with open_from_args(args) as workspace, workspace.db.read() as session:
        query = select(Meeting).order_by(Meeting.held_at)
        if args.year:
            query = query.where(Meeting.year == args.year)
        meetings = session.scalars(query).all()
        lines = [f"{m.id}\t{m.held_at:%Y-%m-%d}\t{meeting_label(m)}\t{m.title}\t议定事项{len(m.decisions)}项"
                 for m in meetings]
    print("\n".join(lines) if lines else "没有会议。")
    return 0


def run_attendance(args: argparse.Namespace) -> int:
    from desktop.services.meetings.actions import ATTENDANCE_LABELS, meeting_label, set_attendance

    values = {"attendees": args.present, "on_leave": args.on_leave, "observers": args.observers}
    changing = any(v is not None for v in values.values())
    with open_from_args(args) as workspace, (
            workspace.db.transaction() if changing else workspace.db.read()) as session:
        meeting = set_attendance(session, args.meeting, **values)
        label = meeting_label(meeting)
        shown = [(ATTENDANCE_LABELS[name], getattr(meeting, name) or "") for name in ATTENDANCE_LABELS]
    print(f"{label}{'已记录：' if changing else '：'}")
    for name, value in shown:
        print(f"  {name}：{value or '（未填写，纪要不印此行）'}")
    return 0
