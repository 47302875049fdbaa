"""`keyproj backup`, `keyproj restore`, `keyproj check`: the reliability tools, for scheduled jobs and by hand.

Exit codes: 0 success; 2 a refused request or a failure explained on stderr; 3 `check` found damage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import paths
from desktop.cli.common import (
    check_password,
    data_options,
    guarded,
    open_from_args,
    operator_from_args,
    typed_passphrase,
)
from desktop.db.integrity import FileState, check_file, identify_file
from desktop.services import app_lock, operators
from desktop.services.backup import archive as backups
from desktop.services.backup import rotation
from desktop.services.backup.archive import BackupError
from desktop.services.backup.log_check import check_log
from desktop.services.backup.restore import restore_archive

EXIT_DAMAGED = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", parents=[data_options()],
                                   help="立即完整备份（数据库 + 附件 + 清单，一个 zip 文件；开启加密时加密，"
                                        "见 keyproj encryption）")
    backup.add_argument("--to", type=Path, help="备份文件路径（默认：数据文件夹的 backups/ 中，并按规则轮换）")
    backup.set_defaults(handler=guarded(run_backup))

    restore = subparsers.add_parser("restore", parents=[data_options()], help="从备份文件恢复（先自动备份当前数据）")
    restore.add_argument("file", type=Path, help="备份文件（.zip）")
    restore.add_argument("--yes", action="store_true", help="不询问，直接恢复（用于脚本）")
    restore.epilog = "加密的备份在恢复时询问加密口令（或恢复码）；计划任务用环境变量 KEYPROJ_PASSPHRASE 提供。"
    restore.set_defaults(handler=guarded(run_restore))

    check = subparsers.add_parser("check", parents=[data_options()],
                                  help="检查数据库完整性、外键和操作日志校验链（发现损坏或操作日志被改动时退出码为 3）")
    check.add_argument("--full", action="store_true",
                       help="完整检查：integrity_check、外键检查、每个文字字段的解码与操作日志校验链（本命令总是做完整检查，"
                            "此选项可省略；窗口每周和异常退出后的下次启动时也在后台做同样的检查）")
    check.set_defaults(handler=guarded(run_check))


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "data_dir", None) or paths.default_data_dir())


def run_backup(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        if args.to is not None:
            target = args.to if args.to.suffix else args.to.with_suffix(".zip")
            info = backups.create_archive(workspace.db.engine, workspace.data_dir, target)
            print(f"已备份到：{info.path}")
        else:
            result = backups.automatic_backup(workspace.db, workspace.data_dir, backups.Reason.MANUAL)
            if result is None:
                raise BackupError("当前使用 PostgreSQL 服务器，数据由服务器保存；请由服务器管理员用 pg_dump 定期备份。")
            info = result.info
            print(f"已备份到：{result.path}")
            if result.mirrored_to is not None:
                print(f"已复制到第二备份位置：{result.mirrored_to}")
            for warning in result.warnings:
                print(f"注意：{warning}", file=sys.stderr)
    for line in info.summary_lines():
        print(line)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if getattr(args, "database_url", None):
        raise BackupError("恢复只适用于本机 SQLite 数据；PostgreSQL 服务器的数据请由管理员用 pg_restore 恢复。")
    operator = operator_from_args(args)  # refused before anything is read or asked
    data_dir = _data_dir(args)
    # the lock of the data about to be replaced (a damaged file, what a restore is for, cannot be read for it)
    check_password(app_lock.stored_in_file(paths.database_file(data_dir)), data_dir)
    listed = getattr(args, "operator", None) is not None
    add_operator = bool(getattr(args, "add_operator", False))
    if listed and not add_operator:  # the list of the data it replaces, before anything is asked or read
        operators.refuse_unlisted(operator, operators.names_in_file(paths.database_file(data_dir)))
    info = backups.inspect_archive(args.file)
    print("备份内容：")
    for line in info.summary_lines():
        print(f"  {line}")
    if not args.yes:
        answer = input(f"将用此备份替换 {data_dir} 中的当前数据（当前数据会先自动备份）。确定恢复吗？[y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("已取消，未做任何改动。")
            return 1
    passphrase = typed_passphrase() if info.encrypted else None
    result = restore_archive(args.file, data_dir, operator=operator, listed=listed, add_operator=add_operator,
                             passphrase=passphrase)
    print(f"已恢复：{info.created_at:%Y-%m-%d %H:%M:%S} 的备份。")
    if result.safety_backup is not None:
        print(f"恢复前的数据已备份到：{result.safety_backup}")
    if result.set_aside is not None:
        print(f"恢复前的数据库文件保留在：{result.set_aside}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Read-only from start to end (the file is opened with mode=ro, or immutable on a read-only folder), so a
    check can run on a write-protected stick and can never change what it checks."""
    if getattr(args, "database_url", None):
        raise BackupError("完整性检查只适用于本机 SQLite 数据库文件；PostgreSQL 服务器请使用 pg_amcheck。")
    data_dir = _data_dir(args)
    db_file = paths.database_file(data_dir)
    identity = identify_file(db_file)
    if identity.state is FileState.MISSING and not rotation.dated_archives(paths.backups_dir(data_dir)):
        raise BackupError(f"找不到数据库文件：{db_file}")
    print(f"数据库：{db_file}")
    if not identity.usable:
        print(f"数据库损坏：{identity.detail}。")
        return _report_damage(data_dir)
    report = check_file(db_file)
    for line in report.lines():
        print(line)
    if not report.ok:
        return _report_damage(data_dir)
    log = check_log(db_file, data_dir)
    for line in log.lines:
        print(line)
    if not log.ok:
        print("操作日志的校验没有通过：有记录被删除、修改或从程序之外加入。数据本身的结构完好；请保留此数据库文件"
              "和备份，由管理人员对照备份核查。", file=sys.stderr)
        return EXIT_DAMAGED
    return 0


def _report_damage(data_dir: Path) -> int:
    """The verdict 损坏 and what to do: the newest backup that checks out, named with its command, and the newer
    ones skipped because they are damaged too."""
    search = backups.find_good_backup(data_dir)
    lines = ["数据库已损坏。请不要继续写入，使用 keyproj restore 从最近的完好备份恢复。", *search.skipped_lines()]
    if search.found is not None:
        found = search.found
        lines.append(f"最近的完好备份：{found.path}（{found.created_at:%Y-%m-%d %H:%M:%S}，{found.reason}）")
        lines.append(f'恢复命令：keyproj restore "{found.path}" --data-dir "{data_dir}"')
    else:
        lines.append(f"数据文件夹 {data_dir} 中没有可用的备份；如在其他位置（U盘、第二备份位置）有备份，请用 keyproj restore 恢复。")
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_DAMAGED
