"""`keyproj export minutes --meeting ID --out FILE`: a meeting's 会议纪要 in Word, as the meetings tab exports it."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import open_from_args
from desktop.errors import UserError
from desktop.exporters.docx.fonts import PROFILES, missing_fonts
from desktop.exporters.docx.minutes import MinutesOptions, export_minutes
from desktop.services import office_settings
from desktop.services.meetings.minutes_data import minutes_data

HELP = {"minutes": "会议纪要（Word，GB/T 9704 版式），需 --meeting"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", type=int, help="会议编号（数据库中的会议 ID），导出会议纪要时必填")
    parser.add_argument("--plain-title", action="store_true", help="会议纪要不用红头版式，只用标题")
    parser.add_argument("--no-table", action="store_true", help="会议纪要不附议定事项分解表")


def run_minutes(args: argparse.Namespace) -> int:
    if args.meeting is None:
        raise UserError("导出会议纪要需要指定会议：--meeting 会议编号")
    out: Path = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    if not out.parent.exists():
        raise FileNotFoundError(2, "输出文件夹不存在", str(out.parent))
    with open_from_args(args) as workspace, workspace.db.read() as session:
        data = minutes_data(session, args.meeting)
        profile = PROFILES.get(str(office_settings.get(session, "font_profile")), MinutesOptions().profile)
    options = MinutesOptions(masthead=not args.plain_title, decision_table=not args.no_table, profile=profile)
    written = export_minutes(data, out, options, today=getattr(args, "today", None) or date.today())
    print(f"已导出{data.label}会议纪要：{written}（议定事项{len(data.items)}项）")
    for warning in data.warnings():
        print(f"请核对：{warning}")
    absent = missing_fonts(profile)
    if absent:
        print(f"提示：本机未安装字体{'、'.join(absent)}，打开时 Word/WPS 会临时代替，请在装有这些字体的电脑上打印。")
    return 0


HANDLERS = {"minutes": run_minutes}
