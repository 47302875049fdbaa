"""`keyproj export KIND --out FILE`: every document the 导出 menu makes, without a window.

The group only parses the common options and dispatches; each family of documents lives in its own module
(listed in KIND_MODULES) exposing ``HANDLERS`` (kind → handler), ``HELP`` (kind → description) and
``add_arguments(parser)`` for any extra options it needs.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from desktop.cli.common import data_options, guarded, parse_date

KIND_MODULES = ("export_documents", "export_minutes", "export_template", "export_supervision", "export_summary")


def register(subparsers: argparse._SubParsersAction) -> None:
    modules = [importlib.import_module(f"desktop.cli.{name}") for name in KIND_MODULES]
    handlers = {kind: handler for module in modules for kind, handler in module.HANDLERS.items()}
    helps = {kind: text for module in modules for kind, text in module.HELP.items()}
    parser = subparsers.add_parser(
        "export", parents=[data_options()], help="导出会议纪要、工作简报、工作通报和各类台账",
        description="导出文件，与窗口“导出”菜单生成的文件相同。", formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="文件类型：\n" + "\n".join(f"  {kind:<18}{text}" for kind, text in helps.items()))
    parser.add_argument("kind", choices=list(handlers), metavar="KIND", help="文件类型（见下）")
    parser.add_argument("--out", required=True, type=Path, help="输出文件（.docx 或 .xlsx）")
    parser.add_argument("--year", type=int, help="年度（默认：今年）")
    parser.add_argument("--from", dest="date_from", type=parse_date, help="起始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=parse_date, help="截止日期 YYYY-MM-DD")
    for module in modules:
        module.add_arguments(parser)

    def run(args: argparse.Namespace) -> int:
        return handlers[args.kind](args)

    parser.set_defaults(handler=guarded(run))
