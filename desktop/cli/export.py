"""`keyproj export KIND …`: documents without a window, through the same services and exporters as the menus.

A subcommand group: each kind registers its own options and handler in KINDS. Other exports (briefings, ledgers)
add an entry — a function that adds a sub-parser — without touching the existing kinds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date
from desktop.exporters.docx.fonts import PROFILES, missing_fonts
from desktop.exporters.docx.minutes import MinutesOptions, export_minutes
from desktop.services import office_settings
from desktop.services.minutes_data import minutes_data

KindRegistrar = Callable[[argparse._SubParsersAction], None]


def _register_minutes(kinds: argparse._SubParsersAction) -> None:
    parser = kinds.add_parser("minutes", parents=[data_options()], help="导出会议纪要（Word，GB/T 9704 版式）")
    parser.add_argument("--meeting", type=int, required=True, help="会议编号（数据库中的会议 ID）")
    parser.add_argument("--out", type=Path, required=True, help="输出的 .docx 文件")
    parser.add_argument("--plain-title", action="store_true", help="不用红头版式，只用标题")
    parser.add_argument("--no-table", action="store_true", help="不附议定事项分解表")
    parser.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)
    parser.set_defaults(handler=guarded(run_minutes))


def run_minutes(args: argparse.Namespace) -> int:
    out: Path = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    if not out.parent.exists():
        raise FileNotFoundError(2, "输出文件夹不存在", str(out.parent))
    workspace = open_from_args(args)
    try:
        with workspace.db.read() as session:
            data = minutes_data(session, args.meeting)
            profile = PROFILES.get(str(office_settings.get(session, "font_profile")), MinutesOptions().profile)
    finally:
        workspace.close()
    options = MinutesOptions(masthead=not args.plain_title, decision_table=not args.no_table, profile=profile)
    written = export_minutes(data, out, options, today=args.today or date.today())
    print(f"已导出{data.label}会议纪要：{written}（议定事项{len(data.items)}项）")
    absent = missing_fonts(profile)
    if absent:
        print(f"提示：本机未安装字体{'、'.join(absent)}，打开时 Word/WPS 会临时代替，请在装有这些字体的电脑上打印。")
    return 0


KINDS: dict[str, KindRegistrar] = {
    "minutes": _register_minutes,
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="导出文档（会议纪要等），不打开窗口")
    kinds = parser.add_subparsers(dest="kind", metavar="类型", required=True)
    for add in KINDS.values():
        add(kinds)
