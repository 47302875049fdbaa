"""`keyproj`: the app's entry point. Without a subcommand it opens the window; subcommands work without one.

Each subcommand lives in its own module with a `register(subparsers)` function; add the module name to
COMMAND_MODULES to expose it. They all go through the same services as the menus.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.cli.common import data_options

COMMAND_MODULES = ("stats", "export", "importing", "exchange", "backup", "supervision", "plan", "feedback",
                   "meeting", "encryption")


def build_parser(*, subcommands: bool = True) -> argparse.ArgumentParser:
    """Without `subcommands`, only the window program's options: the subcommand modules import the exporters,
    importers and openpyxl/python-docx (~0.3 s), which a start of the window must not wait for."""
    parser = argparse.ArgumentParser(prog="keyproj", description=f"{APP_NAME}：不带子命令时启动窗口程序。",
                                     parents=[data_options()], add_help=subcommands)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="在一个全新的演示数据库上启动（不影响正式数据）")
    parser.add_argument("--self-test", nargs="?", const="", default=None, metavar="文件夹",
                        help="自检：在临时文件夹（或指定文件夹）中用演示数据打开主窗口、生成简报和台账并逐一核对，"
                             "全部通过时退出码为0；不读写正式数据")
    # For --self-test: load Qt's real platform plugin in this (child) process and print its name.
    parser.add_argument("--platform-probe", metavar="PLATFORM", help=argparse.SUPPRESS)
    # For `python -m desktop.bench`: start normally, print PAINTED once the window shows its data, then exit.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="子命令")
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_console()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = None
    if not {"-h", "--help"} & set(argv):
        args, rest = build_parser(subcommands=False).parse_known_args(argv)
        if rest:  # a subcommand (or a mistake, which the full parser reports)
            args = None
    if args is None:
        args = build_parser().parse_args(argv)
    if args.platform_probe:
        from desktop.platform_check import probe_platform_here

        return probe_platform_here(args.platform_probe)
    if args.self_test is not None:
        from desktop.selftest import run_self_test

        return run_self_test(Path(args.self_test) if args.self_test else None)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(args)
    _log_to_data_folder(args)
    return int(args.handler(args))


def _log_to_data_folder(args: argparse.Namespace) -> None:
    """The window's log file (`logs/keyproj.log` in the data folder) for this subcommand too: an unexpected error
    is written there with its traceback and told in one Chinese line. A folder that cannot be written (a
    read-only stick) is no reason to refuse the command: it then runs without the file."""
    from desktop import logs
    from desktop.paths import default_data_dir

    folder = getattr(args, "data_dir", None) or default_data_dir()
    if logs.install_cli_hooks(Path(folder)) is not None:
        logs.log_started(f"keyproj {args.command}")


def _utf8_console() -> None:
    """Chinese output must not crash on a Windows console with a legacy code page."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
