"""`keyproj export supervision --kind 督办单 --unit 区住建局 --out FILE`: issue a numbered 督办 instrument to a unit
and write it in Word; `--notice ID` reprints one already issued (nothing new is recorded).

Issuing and writing are one step (`exporters/supervision_job.py`), as in the window's 签发督办文书.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from desktop.cli.common import open_from_args, parse_date
from desktop.errors import UserError
from desktop.exporters.docx.supervision import write_notice
from desktop.exporters.supervision_job import issue_and_write, reply_form_path
from desktop.services.supervision.document import notice_document
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import NoticeRequest, eligible_issue_ids, unit_by_name

HELP = {"supervision": "提示单 / 督办单 / 催办通知（Word），需 --kind 与 --unit；或 --notice 重印已签发的"}
DEFAULT_REPLY_DAYS = 5


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"问题编号应为逗号分隔的数字，收到「{text}」") from exc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("督办文书（supervision）")
    group.add_argument("--kind", dest="instrument", help="提示单、督办单或催办通知")
    group.add_argument("--unit", help="督办的牵头单位（全称或能唯一识别的简称）")
    group.add_argument("--items", type=_ids, help="列入的问题编号，逗号分隔（默认：该单位全部超期未办结问题）")
    group.add_argument("--date", dest="issued_on", type=parse_date, help="签发日期 YYYY-MM-DD（默认：今天）")
    group.add_argument("--reply-by", type=parse_date, help=f"回复期限 YYYY-MM-DD（默认：签发后{DEFAULT_REPLY_DAYS}天）")
    group.add_argument("--requirement", help="督办要求（默认按文书类型生成）")
    group.add_argument("--with-form", action="store_true",
                       help="随文附发问题办理反馈表（回执，Excel，写在输出文件旁），收回用 keyproj feedback collect")
    group.add_argument("--notice", type=int, help="重印已签发的督办文书（编号见 keyproj supervision list）")


def run_supervision(args: argparse.Namespace) -> int:
    out: Path = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    if not out.parent.exists():
        raise FileNotFoundError(2, "输出文件夹不存在", str(out.parent))
    with open_from_args(args) as workspace:
        if args.notice is not None:
            with workspace.db.read() as session:
                data = notice_document(session, args.notice)
            write_notice(data, out)
            print(f"已重印{data.kind_label}{data.number_text}：{out}")
            return 0
        if not args.instrument or not args.unit:
            raise UserError("签发督办文书需要 --kind（提示单、督办单或催办通知）和 --unit（单位）。")
        try:
            kind = SupervisionKind.parse(args.instrument)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        today = args.today or date.today()
        issued_on = args.issued_on or today
        reply_by = args.reply_by or issued_on + timedelta(days=DEFAULT_REPLY_DAYS)
        with workspace.db.read() as session:
            unit = unit_by_name(session, args.unit)
            unit_id, unit_name = unit.id, unit.name
            ids = args.items or eligible_issue_ids(session, kind, unit_id, issued_on)
        if not ids:
            raise UserError(f"{unit_name}目前没有可列入{kind.label}的问题（未办结且超期或临期）。")
        request = NoticeRequest(kind, unit_id, ids, issued_on, reply_by, args.requirement or "")
        notice_id, label, count = issue_and_write(workspace.db, request, out, today, with_form=args.with_form)
    print(f"已签发{label}（编号 {notice_id}），列入{count}项问题，回复期限{reply_by.isoformat()}：{out}")
    if args.with_form:
        print(f"随文附发问题办理反馈表：{reply_form_path(out, label, unit_name)}"
              f"（报回后：keyproj feedback collect 文件 --round {label}回执）")
    return 0


HANDLERS = {"supervision": run_supervision}
