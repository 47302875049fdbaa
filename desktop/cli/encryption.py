"""`keyproj encryption`: switch encryption of backups and exchange packages on or off, change its passphrase, show
the key's fingerprint. The same service as the window's 文件 → 加密备份和数据包 (services/encryption/office_key).

Passphrases come from `KEYPROJ_PASSPHRASE` (and `KEYPROJ_NEW_PASSPHRASE` for a new one) or are asked at the
terminal without echo; a new one is asked twice. Exit codes: 0 done, 2 refused (nothing changed).
"""

from __future__ import annotations

import argparse
import os

from desktop.cli.common import data_options, guarded, open_from_args, typed_passphrase
from desktop.errors import UserError
from desktop.services.encryption import office_key

NEW_ENV = "KEYPROJ_NEW_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("encryption", parents=[data_options()],
                                    help="加密备份和数据包：开启（设置加密口令，给出恢复码）、关闭、更换口令、查看状态")
    actions = command.add_subparsers(dest="action", metavar="操作", required=True)
    for name, text in (("status", "查看是否开启及密钥指纹"),
                       ("on", "开启：设置加密口令（至少8个字符），显示一次恢复码；以后的备份和发给已登记单位的数据包都加密"),
                       ("off", "关闭（需输入口令或恢复码）；以前的加密备份仍可用原口令恢复"),
                       ("passphrase", "更换加密口令（需输入原口令或恢复码）；恢复码不变")):
        action = actions.add_parser(name, parents=[data_options()], help=text)
        action.set_defaults(handler=guarded(run))


def run(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        if args.action == "status":
            with workspace.db.read() as session:
                current = office_key.status(session)
            if current.public_key is None:
                print("未开启加密：备份和数据包不加密。")
            else:
                print(("已开启加密备份和数据包" if current.enabled else "已关闭加密（密钥保留）")
                      + f"；密钥指纹：{current.fingerprint}")
            return 0
        if args.action == "on":
            with workspace.db.read() as session:
                known = office_key.status(session).public_key is not None
            if known:
                secret, confirm = typed_passphrase(), ""
            else:
                print(office_key.FORGET_WARNING)
                secret, confirm = _new_passphrase_pair()
            with workspace.db.transaction() as session:
                enabled = office_key.enable(session, secret, confirm)
            print(f"已开启加密备份和数据包。密钥指纹：{enabled.fingerprint}")
            if enabled.recovery_code:
                print(f"恢复码（只显示这一次，请立即打印或抄写，与电脑分开保管）：{enabled.recovery_code}")
            return 0
        if args.action == "off":
            secret = typed_passphrase()
            with workspace.db.transaction() as session:
                office_key.disable(session, secret)
            print("已关闭加密：以后的备份和数据包不再加密；以前的加密备份仍可用当时的口令或恢复码恢复。")
            return 0
        secret = typed_passphrase("请输入原加密口令（或恢复码）：")
        new, confirm = _new_passphrase_pair()
        with workspace.db.transaction() as session:
            office_key.change_passphrase(session, secret, new, confirm)
        print("已更换加密口令；恢复码不变。以前的加密备份用当时的口令或恢复码恢复。")
        return 0


def _new_passphrase_pair() -> tuple[str, str]:
    """A new passphrase typed twice (or `KEYPROJ_NEW_PASSPHRASE` for a job, taken as typed twice)."""
    given = os.environ.get(NEW_ENV)
    if given is not None:
        return given, given
    import getpass
    import sys

    if not sys.stdin.isatty():
        raise UserError(f"需要新的加密口令：请在终端中运行，或通过环境变量 {NEW_ENV} 提供。未做任何操作。")
    return getpass.getpass("请设置新的加密口令（至少8个字符）："), getpass.getpass("请再输入一次：")
