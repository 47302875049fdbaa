"""`keyproj exchange`: offline data packages between offices (export, import with preview, history, undo) and the
pairing of offices by their public keys (`exchange key export/add/list`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date, typed_passphrase
from desktop.errors import UserError
from desktop.services.exchange import keys, office, report, sealed_package, trust
from desktop.services.exchange.export import export_package
from desktop.services.exchange.history import load_history
from desktop.services.exchange.merge import apply_merge, preview, undo_last_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import OURS, THEIRS, ItemKind, MergePlan
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
    out.add_argument("--no-encrypt", action="store_true",
                     help="本单位已开启加密数据包时，仍不加密导出（例如对方尚未开启加密；记入交换记录）")
    out.add_argument("--today", type=parse_date, help=argparse.SUPPRESS)
    out.set_defaults(handler=guarded(run_export))

    imp = commands.add_parser("import", parents=[data_options()], help="校验并合并数据包（先显示预览）")
    imp.add_argument("file", type=Path, help="数据包文件 .kpx（加密的数据包询问本单位的加密口令；计划任务用环境变量 "
                                             "KEYPROJ_PASSPHRASE）")
    imp.add_argument("--dry-run", action="store_true", help="只显示合并预览，不做任何改动")
    imp.add_argument("--prefer", choices=[THEIRS, OURS],
                     help="所有冲突一律采用对方（theirs）或保留本方（ours）；不指定时冲突不应用。删除另需 --accept-deletions")
    imp.add_argument("--accept-deletions", action="store_true",
                     help="接受对方删除的记录（本方也删除）；不加时删除一律不应用")
    imp.add_argument("--accept-unsigned", action="store_true",
                     help="确认来源后，接受未签名、签名不符或对方公钥未登记的数据包（冒用已登记单位的数据包仍拒绝）")
    imp.set_defaults(handler=guarded(run_import))

    hist = commands.add_parser("history", parents=[data_options()], help="列出发出和收到的数据包")
    hist.set_defaults(handler=guarded(run_history))

    undo = commands.add_parser("undo", parents=[data_options()], help="撤销最近一次合并（此后没有新修改时）")
    undo.set_defaults(handler=guarded(run_undo))

    name = commands.add_parser("office", parents=[data_options()], help="设置本单位在数据交换中的名称")
    name.add_argument("name", help="本单位名称，如 现代服务业专班")
    name.set_defaults(handler=guarded(run_office))

    key = commands.add_parser("key", help="单位公钥：导出本单位公钥、登记对方公钥、列出已登记单位")
    key_commands = key.add_subparsers(dest="key_command", metavar="操作", required=True)
    key_out = key_commands.add_parser("export", parents=[data_options()], help="导出本单位公钥文件（.kpk）")
    key_out.add_argument("--out", required=True, type=Path, help="输出文件，如 本单位公钥.kpk")
    key_out.set_defaults(handler=guarded(run_key_export))
    key_add = key_commands.add_parser("add", parents=[data_options()], help="登记对方单位的公钥文件")
    key_add.add_argument("file", type=Path, help="对方导出的公钥文件 .kpk")
    key_add.add_argument("--name", help="登记名称（默认用文件中的单位名称）")
    key_add.set_defaults(handler=guarded(run_key_add))
    key_list = key_commands.add_parser("list", parents=[data_options()], help="列出本单位公钥和已登记的对方单位")
    key_list.set_defaults(handler=guarded(run_key_list))


def run_export(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        result = export_package(workspace, ExportScope(ScopeKind(args.scope), args.scope_id), args.out,
                                recipient=args.recipient, today=args.today, encrypt=not args.no_encrypt)
    print(f"已导出数据包：{result.path}（编号 {result.package_id}）")
    if result.encrypted_to:
        print(f"已加密给「{args.recipient}」（对方加密公钥指纹 {result.encrypted_to}）：只有对方输入其加密口令才能打开。")
    print(f"共 {result.total_rows} 条记录，删除记录 {result.counts.get('deletions', 0)} 条，"
          f"附件 {result.counts.get('attachments', 0)} 个")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        if sealed_package.is_encrypted(args.file):
            package = sealed_package.read_encrypted(workspace, args.file, typed_passphrase())
            print("数据包已加密给本单位，已用本单位的加密密钥解密并逐段校验。")
        else:
            package = read_package(args.file)
        with workspace.db.read() as session:
            verdict = trust.assess(session, package)
        print(f"来源：{verdict.reason}")
        if not verdict.trusted and not (verdict.acceptable and args.accept_unsigned):
            raise UserError(verdict.refusal(cli=True))
        plan = preview(workspace, package)
        _decide(plan, args)
        for line in report.preview_lines(plan):
            print(line)
        if args.dry_run:
            print("（试运行：未做任何改动）")
            return 0
        if plan.already_imported_at is not None:
            return 0
        if not verdict.trusted:
            print("注意：已按 --accept-unsigned 接受来源未确认的数据包，此事记入操作日志。")
            trust.record_acceptance(workspace, package, verdict)
        result = apply_merge(workspace, package, plan.decisions)
    c = result.counts
    print(f"合并完成：新增 {c['new']} 条，修改 {c['changed']} 条，冲突采用对方 {c['conflicts_theirs']} 处、"
          f"保留本方 {c['conflicts_ours']} 处，删除 {c['deleted']} 条，未决定未应用 {c['undecided']} 处。")
    if c.get("kept"):
        print(f"对方删除、本方保留 {c['kept']} 条：本方的督办或反馈文书仍列着这些记录（见预览）。")
    for warning in result.warnings:
        print(f"注意：{warning}")
    if result.backup_path:
        print(f"合并前备份：{result.backup_path}（可用 keyproj exchange undo 撤销本次合并）")
    return 0


def _decide(plan: MergePlan, args: argparse.Namespace) -> None:
    """--prefer decides conflicts; a deletion is applied only with --accept-deletions (never by --prefer alone)."""
    if args.prefer:
        plan.decide_all(args.prefer)
    deletions = plan.of_kind(ItemKind.DELETE)
    for item in deletions:
        for key in item.decision_keys():
            if args.accept_deletions:
                plan.decide(key, THEIRS)
            elif plan.decisions.get(key) == THEIRS:
                del plan.decisions[key]
    if deletions and not args.accept_deletions:
        print(f"对方删除了 {len(deletions)} 条记录：本次不删除（确认要跟随删除时加 --accept-deletions）。")


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
        me = office.identity(session)
    print(f"本单位在数据交换中的名称：{me.name}")
    return 0


def run_key_export(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        mine = trust.export_own_key(workspace, args.out)
    print(f"已导出本单位公钥：{args.out}")
    print(f"单位：{mine.name}（编号 {mine.office_id}）")
    print(f"指纹：{mine.fingerprint}")
    if mine.encryption_key:
        print(f"加密公钥指纹：{mine.encryption_fingerprint}（对方发来的数据包将加密给本单位）")
    print("请把此文件交给对方单位登记，并电话核对指纹。")
    return 0


def run_key_add(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        peer = trust.register_peer(workspace, args.file, args.name)
    print(f"已登记「{peer.name}」的公钥（单位编号 {peer.office_id}）")
    print(f"指纹：{peer.fingerprint}")
    if peer.encryption_key:
        print(f"加密公钥指纹：{keys.fingerprint(peer.encryption_key)}（本单位开启加密时，发给该单位的数据包加密给此密钥）")
    print("请电话向对方核对此指纹；不一致时不要导入该单位的数据包。")
    return 0


def run_key_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        mine = trust.own_key(workspace)
        with workspace.db.read() as session:
            peers = trust.list_peers(session)
    print(f"本单位：{mine.name}  指纹：{mine.fingerprint}"
          + (f"  加密公钥指纹：{mine.encryption_fingerprint}" if mine.encryption_key else ""))
    if not peers:
        print("还没有登记任何对方单位的公钥（keyproj exchange key add 文件）。")
    for peer in peers:
        sealed_to = f"  加密公钥指纹：{keys.fingerprint(peer.encryption_key)}" if peer.encryption_key else "  （无加密公钥）"
        print(f"{peer.name}  指纹：{peer.fingerprint}{sealed_to}  登记：{peer.registered_at:%Y-%m-%d %H:%M} {peer.operator}")
    return 0
