"""`keyproj import`: bring an office's Excel/CSV ledger in without a window, see its history, undo a batch.

    keyproj import issues 问题台账.xlsx --dry-run     # the preview report only, nothing stored
    keyproj import issues 问题台账.xlsx               # store the good rows (backup first), print the batch id
    keyproj import history
    keyproj import undo 3
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args
from desktop.errors import UserError
from desktop.importers.fields import KINDS
from desktop.importers.kind_guess import guess_kind
from desktop.importers.mapping import Mapping
from desktop.importers.preview import build_preview
from desktop.importers.safety import ImportRefused
from desktop.services.importing import mappings as import_mappings
from desktop.services.importing.apply import apply_import, dry_run_import
from desktop.services.importing.outcome import DuplicatePolicy
from desktop.services.importing.undo import history, undo_import


class _Refused(UserError):
    """ImportRefused carried into the common Chinese-error path of `guarded`."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", parents=[data_options()], help="导入 Excel/CSV 台账、查看导入记录、撤销导入")
    actions = parser.add_subparsers(dest="import_action", metavar="类型", required=True)
    for code, spec in KINDS.items():
        sub = actions.add_parser(code, parents=[data_options()], help=f"导入{spec.label}台账")
        sub.add_argument("file", type=Path, help="台账文件（.xlsx、.xls 或 .csv）")
        sub.add_argument("--dry-run", action="store_true", help="只显示预览报告，不写入数据库")
        sub.add_argument("--mapping", type=Path, help="列对应关系 JSON 文件（界面中“保存列对应”生成的格式）")
        sub.add_argument("--sheet", help="指定工作表名称（默认自动选择）")
        sub.add_argument("--year", type=int, help="年度（表格标题和文件名中没有年度时指定）")
        sub.add_argument("--month", type=int, help="截至月份（投资进度表）")
        sub.add_argument("--unit-alias", action="append", default=[], metavar="台账写法=单位名称",
                         help="把台账中的单位写法对应到已有单位，如 --unit-alias 住建局=区住建局（可多次使用）；"
                              "导入后记住，以后的导入照此对应并在报告中说明；写成 住建局=住建局 则取消记住的对应")
        sub.add_argument("--person-alias", action="append", default=[], metavar="台账写法=姓名",
                         help="把台账中的人名写法（包保领导、责任人、包联干部）对应到已有人员，如 --person-alias "
                              "张三（副区长）=张三（可多次使用）；导入后记住；写成 张三（副区长）=张三（副区长） 则取消记住的对应")
        sub.add_argument("--update-duplicates", action="store_true", help="与已有记录重复的行按本文件更新（默认跳过）")
        sub.add_argument("--confirm-kind", action="store_true",
                         help="表头更像另一类台账时仍按本类型导入（默认拒绝，以免把问题当作项目导入）")
        sub.set_defaults(handler=guarded(run_import), kind=code)
    hist = actions.add_parser("history", parents=[data_options()], help="列出导入记录")
    hist.set_defaults(handler=guarded(run_history))
    undo = actions.add_parser("undo", parents=[data_options()], help="整体撤销一次导入")
    undo.add_argument("batch_id", type=int, help="导入批次编号（见 keyproj import history）")
    undo.set_defaults(handler=guarded(run_undo))


def run_import(args: argparse.Namespace) -> int:
    mapping = None
    if args.mapping is not None:
        try:
            mapping = Mapping.from_json(args.mapping.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise _Refused(f"列对应文件 {args.mapping} 格式不正确：{exc}") from exc
    aliases = _unit_aliases(args.unit_alias)
    people = _unit_aliases(args.person_alias, "--person-alias", "台账写法=姓名（如 张三（副区长）=张三）")
    with open_from_args(args) as workspace:
        with workspace.db.read() as session:
            saved = import_mappings.load(session, args.kind)
        try:
            preview = build_preview(args.file, args.kind, mapping, args.year, sheet=args.sheet, saved=saved,
                                    context_month=args.month, unit_aliases=aliases,
                                    person_aliases=people)
        except ImportRefused as refusal:
            warning = _kind_warning(args.file, args.kind)
            raise _Refused(f"{refusal}\n{warning}" if warning else str(refusal)) from refusal
        warning = _kind_warning(args.file, args.kind)
        if warning and not (args.dry_run or args.confirm_kind):
            raise _Refused(f"{warning}\n未导入任何数据。确认无误时加 --confirm-kind 重新运行，或改用正确的导入类型。")
        for line in preview.summary_lines():
            print(line)
        if warning:
            print(f"注意：{warning}")
        policy = DuplicatePolicy.UPDATE if args.update_duplicates else DuplicatePolicy.SKIP
        if args.dry_run:
            result = dry_run_import(workspace.db, preview, policy=policy)
            print("——（试运行，未写入数据库）——")
        else:
            result = apply_import(workspace.db, preview, policy=policy, data_dir=workspace.data_dir,
                                  source=args.file)
        for line in result.summary_lines():
            print(line)
    return 0


def _unit_aliases(pairs: list[str], option: str = "--unit-alias",
                  form: str = "台账写法=单位名称（如 住建局=区住建局）") -> dict[str, str]:
    """住建局=区住建局 → {"住建局": "区住建局"}; a pair without both sides is refused, not guessed."""
    aliases: dict[str, str] = {}
    for pair in pairs:
        name, sep, target = pair.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise _Refused(f"{option} 的格式应为 {form}，收到：{pair}")
        aliases[name.strip()] = target.strip()
    return aliases


def _kind_warning(path: Path, kind: str) -> str | None:
    try:
        return guess_kind(path).mismatch(kind)
    except ImportRefused:
        return None


def run_history(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace, workspace.db.read() as session:
        batches = history(session)
    if not batches:
        print("还没有导入记录。")
    for b in batches:
        print(f"{b.id}\t{b.at:%Y-%m-%d %H:%M}\t{b.kind_label}\t{b.file_name}\t新增{b.rows_created}行\t"
              f"更新{b.rows_updated}行\t跳过{b.rows_skipped}行\t{b.operator or ''}\t{b.state}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with open_from_args(args) as workspace:
        print(undo_import(workspace.db, args.batch_id, data_dir=workspace.data_dir))
    return 0
