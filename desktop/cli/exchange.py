"""`keyproj exchange`: offline data packages between offices (export, import with preview, history, undo)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date
from desktop.services.exchange import office, report
from desktop.services.exchange.export import export_package
from desktop.services.exchange.history import load_history
from desktop.services.exchange.merge import apply_merge, preview, undo_last_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import OURS, THEIRS
from desktop.services.exchange.selection import SCOPE_LABELS, ExportScope, ScopeKind


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("exchange", help="与其他单位离线交换数据包（导出、预览合并、导入、记录、撤销）")
    commands = parser.add_subparsers(dest="exchange_command", metavar="操作", required=True)

    out = commands.add_parser("export", parents=[data_options()], help="导出数据包（.kpx）")
    out.add_argument("--scope", choices=[k.value for k in ScopeKind], default="all",
                     help="范围：" + "；".join(f"{k.value}={v}" for k, v in SCOPE_LABELS.items()))
    out.add_argument("--scope-id", type=int, help="专班、领导或单位的编号")
    out.add_argument("--to", dest="recipient", help="接收单位名称（用于“上次以来的变动”和冲突判断）")
    out.add_argument("--out", required=True, type=Path, help="输出文件，如 调度室_1125.kpx")
    out.add_argument("--key", help="与对方约定的共享密钥（可选，用于签名）")
    out.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)
    out.set_defaults(handler=guarded(run_export))

    imp = commands.add_parser("import", parents=[data_options()], help="校验并合并数据包（先显示预览）")
    imp.add_argument("file", type=Path, help="数据包文件 .kpx")
    imp.add_argument("--dry-run", action="store_true", help="只显示合并预览，不做任何改动")
    imp.add_argument("--prefer", choices=[THEIRS, OURS],
                     help="所有冲突和删除一律采用对方（theirs）或保留本方（ours）；不指定时冲突和删除都不应用")
    imp.add_argument("--key", help="共享密钥（设置后必须验证签名）")
    imp.set_defaults(handler=guarded(run_import))

    hist = commands.add_parser("history", parents=[data_options()], help="列出发出和收到的数据包")
    hist.set_defaults(handler=guarded(run_history))

    undo = commands.add_parser("undo", parents=[data_options()], help="撤销最近一次合并（此后没有新修改时）")
    undo.set_defaults(handler=guarded(run_undo))

    name = commands.add_parser("office", parents=[data_options()], help="设置本单位在数据交换中的名称和共享密钥")
    name.add_argument("name", help="本单位名称，如 现代服务业专班")
    name.add_argument("--key", help="共享密钥；传空字符串清除")
    name.set_defaults(handler=guarded(run_office))


def _key(args: argparse.Namespace) -> bytes | None:
    return args.key.encode("utf-8") if getattr(args, "key", None) else None


def run_export(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        result = export_package(workspace, ExportScope(ScopeKind(args.scope), args.scope_id), args.out,
                                recipient=args.recipient, today=args.today, key=_key(args))
    print(f"已导出数据包：{result.path}（编号 {result.package_id}）")
    print(f"共 {result.total_rows} 条记录，删除记录 {result.counts.get('deletions', 0)} 条，"
          f"附件 {result.counts.get('attachments', 0)} 个")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        with workspace.db.read() as session:
            key = _key(args) or office.shared_key(session)
        package = read_package(args.file, key=key)
        plan = preview(workspace, package)
        if args.prefer:
            plan.decide_all(args.prefer)
        for line in report.preview_lines(plan):
            print(line)
        if args.dry_run:
            print("（试运行：未做任何改动）")
            return 0
        if plan.already_imported_at is not None:
            return 0
        result = apply_merge(workspace, package, plan.decisions)
    c = result.counts
    print(f"合并完成：新增 {c['new']} 条，修改 {c['changed']} 条，冲突采用对方 {c['conflicts_theirs']} 处、"
          f"保留本方 {c['conflicts_ours']} 处，删除 {c['deleted']} 条，未决定未应用 {c['undecided']} 处。")
    for warning in result.warnings:
        print(f"注意：{warning}")
    if result.backup_path:
        print(f"合并前备份：{result.backup_path}（可用 keyproj exchange undo 撤销本次合并）")
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace, workspace.db.read() as session:
        rows = load_history(session)
    if not rows:
        print("还没有数据交换记录。")
    for row in rows:
        print(f"{row.at:%Y-%m-%d %H:%M}  {row.direction_label}  {row.peer_name}  {row.scope_text}  "
              f"{row.counts_text}  操作人：{row.operator}  编号：{row.package_id[:8]}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        record = undo_last_merge(workspace)
    print(f"已撤销来自「{record.peer_name}」的合并（数据包 {record.package_id[:8]}），数据已回到合并前。")
    return 0


def run_office(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        office.set_name(session, args.name)
        if args.key is not None:
            office.set_shared_key(session, args.key)
        me = office.identity(session)
    print(f"本单位在数据交换中的名称：{me.name}")
    return 0
