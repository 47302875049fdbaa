"""What every `keyproj` subcommand shares: the data options, opening the workspace, Chinese errors without tracebacks."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError

# The window program parses these options too: the database layer (SQLAlchemy, ~0.7 s) is imported only by a
# subcommand that opens the data, never by a start of the window before its first screen is painted.
if TYPE_CHECKING:
    from desktop.workspace import Workspace

EXIT_OK = 0
EXIT_USER_ERROR = 2


def data_options() -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="数据文件夹（默认：用户数据目录）；可指向U盘等其他位置")
    parent.add_argument("--database-url", default=argparse.SUPPRESS,
                        help="数据库地址，例如 postgresql+psycopg://user:pw@host/db（默认：数据文件夹中的 SQLite 文件）")
    parent.add_argument("--operator", default=argparse.SUPPRESS,
                        help="记入操作日志的操作人姓名（须在本单位的操作人名单中；不超过20个字，不含括号、引号和控制字符）")
    parent.add_argument("--add-operator", action="store_true", default=argparse.SUPPRESS,
                        help="把 --operator 给出的姓名添加到操作人名单（记入操作日志）")
    return parent


def operator_from_args(args: argparse.Namespace) -> str:
    """`--operator`, checked before anything is opened (UserError in Chinese), or 命令行 when not given."""
    from desktop.db.operator_name import checked_operator

    given = getattr(args, "operator", None)
    return "命令行" if given is None else checked_operator(given)


PASSWORD_ENV = "KEYPROJ_PASSWORD"


def typed_password() -> str:
    """The lock password: from `KEYPROJ_PASSWORD` (a scheduled job), else asked at the terminal without echo."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError(f"已设置密码锁：请在终端中运行并按提示输入密码；计划任务可通过环境变量 {PASSWORD_ENV} 提供密码。"
                        "未做任何操作。")
    import getpass

    return getpass.getpass("已设置密码锁，请输入密码：")


PASSPHRASE_ENV = "KEYPROJ_PASSPHRASE"


def typed_passphrase(prompt: str = "请输入加密口令（或恢复码）：") -> str:
    """The encryption passphrase (or recovery code): from `KEYPROJ_PASSPHRASE` (a scheduled job), else asked at the
    terminal without echo."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError(f"需要加密口令：请在终端中运行并按提示输入；计划任务可通过环境变量 {PASSPHRASE_ENV} 提供。"
                        "未做任何操作。")
    import getpass

    return getpass.getpass(prompt)


def check_password(value: object, data_dir: Path) -> None:
    """When a password lock is set (`value`, the stored setting), the command runs only with the right password;
    failures count towards the same slow-down as the window's."""
    from desktop.services import app_lock

    if not isinstance(value, dict) or not value.get("hash"):
        return
    if not app_lock.attempt_value(value, data_dir, typed_password()):
        raise UserError("密码不正确，未做任何操作。")


def _admit_operator(workspace: Workspace, args: argparse.Namespace) -> None:
    """A name given by --operator must be on the office's list (or be added by --add-operator, audited). Without
    --operator the log says 命令行; an empty list is started by the window, never by a command."""
    from desktop.services import operators

    if getattr(args, "operator", None) is None:
        return
    name = workspace.db.operator
    with workspace.db.read() as session:
        known = operators.names(session)
    if name in known:
        return
    if getattr(args, "add_operator", False):
        with workspace.db.transaction() as session:
            operators.add(session, name)
        print(f"已把「{name}」添加到操作人名单（记入操作日志）。", file=sys.stderr)
    elif known:
        raise UserError(operators.not_listed(name, known) + "未做任何操作。")


def open_from_args(args: argparse.Namespace) -> Workspace:
    """The workspace of the data options, after the password when a lock is set (the lock guards the commands
    that read or change the data, as it guards the window)."""
    from desktop.services import office_settings
    from desktop.services.app_lock import SETTING
    from desktop.workspace import open_workspace

    workspace = open_workspace(getattr(args, "data_dir", None), getattr(args, "database_url", None),
                               operator=operator_from_args(args))
    try:
        with workspace.db.read() as session:
            lock = office_settings.get(session, SETTING)
        check_password(lock, workspace.data_dir)
        _admit_operator(workspace, args)
    except BaseException:
        workspace.close()
        raise
    return workspace


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到「{text}」") from exc


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a subcommand; a user-facing failure prints its Chinese message and exits non-zero, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        from desktop.db.migrate import MigrationError
        from desktop.workspace import WorkspaceError

        try:
            return handler(args)
        except (UserError, WorkspaceError, MigrationError) as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_USER_ERROR
        except OSError as exc:
            print(f"错误：文件操作失败：{exc.strerror or exc}（{getattr(exc, 'filename', '') or ''}）", file=sys.stderr)
            return EXIT_USER_ERROR

    return run
