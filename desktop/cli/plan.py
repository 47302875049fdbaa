"""`keyproj plan add | list | show | print | diff`: the 包保方案 as dated versions, the plan on any date, what a
revision changed. `plan print` writes the 包保责任表 of a version (or a day) in Word, `plan diff … --out` the
调整对照表 of two versions; the Excel 包保责任台账 stays `keyproj export responsibility --to <its date>`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import data_options, guarded, open_from_args, parse_date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plan", parents=[data_options()], help="包保方案：记录版本、查看某日方案、比较两版")
    actions = parser.add_subparsers(dest="plan_action", metavar="操作", required=True)
    add = actions.add_parser("add", parents=[data_options()], help="记录一版包保方案（或一次动态调整）")
    add.add_argument("--name", required=True, help="方案名称，如 2022年区级领导包保重点项目工作方案")
    add.add_argument("--date", dest="issued_on", type=parse_date, required=True, help="印发日期 YYYY-MM-DD")
    add.add_argument("--number", help="文号，如 小店委办字〔2022〕6号")
    add.add_argument("--reason", help="调整原因（第二版起必填）")
    add.set_defaults(handler=guarded(run_add))
    listing = actions.add_parser("list", parents=[data_options()], help="列出已记录的方案版本")
    listing.set_defaults(handler=guarded(run_list))
    show = actions.add_parser("show", parents=[data_options()], help="某一版本（或某一天）的包保方案")
    show.add_argument("version", nargs="?", help="版本编号或日期 YYYY-MM-DD（默认：今天）")
    show.set_defaults(handler=guarded(run_show))
    printing = actions.add_parser("print", parents=[data_options()], help="打印某一版本（或某一天）的包保责任表（Word）")
    printing.add_argument("version", nargs="?", help="版本编号或日期 YYYY-MM-DD（默认：今天）")
    printing.add_argument("--out", required=True, type=Path, help="输出文件 .docx")
    printing.set_defaults(handler=guarded(run_print))
    compare = actions.add_parser("diff", parents=[data_options()], help="比较两版方案：调出、新增的项目与领导包保数量")
    compare.add_argument("before", help="前一版：版本编号或日期")
    compare.add_argument("after", help="后一版：版本编号或日期")
    compare.add_argument("--out", type=Path, help="同时写出调整对照表（Word .docx）")
    compare.set_defaults(handler=guarded(run_diff))


def run_add(args: argparse.Namespace) -> int:
    from desktop.services.plan.versions import plan_on, record_version

    with open_from_args(args) as workspace, workspace.db.transaction() as session:
        version = record_version(session, args.name, args.issued_on, doc_number=args.number, reason=args.reason)
        plan = plan_on(session, version.issued_on)
        print(f"已记录包保方案版本 {version.id}：{version.name}（{version.issued_on.isoformat()}）；"
              f"当日在册项目{len(plan.projects)}个、包保领导{len(plan.leaders)}名，{plan.load_text()}。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.services.plan.versions import list_versions

    with open_from_args(args) as workspace, workspace.db.read() as session:
        lines = list_versions(session)
    if not lines:
        print("还没有记录包保方案版本（keyproj plan add）。")
    for line in lines:
        print(f"{line.id}\t{line.issued_on.isoformat()}\t{line.name}\t{line.doc_number}\t{line.reason}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from desktop.services.plan.versions import plan_on, version_date

    with open_from_args(args) as workspace, workspace.db.read() as session:
        on, title = version_date(session, args.version) if args.version else (date.today(), "今天的包保方案")
        plan = plan_on(session, on)
    print(f"{title}（{on.isoformat()}）：项目{len(plan.projects)}个，包保领导{len(plan.leaders)}名，{plan.load_text()}")
    for leader, projects in plan.leaders.items():
        print(f"  {leader}（{len(projects)}项）：{'、'.join(projects)}")
    ref = args.version or on.isoformat()
    print(f"打印包保责任表：keyproj plan print {ref} --out 包保责任表.docx"
          f"（Excel 台账：keyproj export responsibility --to {on.isoformat()} --out 包保责任表.xlsx）")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from desktop.services.plan.versions import diff, version_date

    with open_from_args(args) as workspace, workspace.db.read() as session:
        before_on, before = version_date(session, args.before)
        after_on, after = version_date(session, args.after)
        result = diff(session, before_on, after_on)
    print(f"{before} → {after}")
    print(result.summary())
    for project, why in result.removed:
        print(f"  调出：{project}" + (f"（{why}）" if why else "（未记录原因）"))
    for project in result.added:
        print(f"  新增：{project}")
    if args.out is not None:
        from desktop.exporters.docx.plan import write_plan
        from desktop.services.plan.document import changes_document

        out = _docx(args.out)
        with open_from_args(args) as workspace, workspace.db.read() as session:
            data = changes_document(session, args.before, args.after)
        write_plan(data, out)
        print(f"已写出{data.title}：{out}")
    return 0


def _docx(out: Path) -> Path:
    from desktop.errors import UserError

    out = out if out.suffix.lower() == ".docx" else out.with_suffix(".docx")
    if not out.parent.exists():
        raise UserError(f"输出文件夹不存在：{out.parent}")
    return out


def run_print(args: argparse.Namespace) -> int:
    from desktop.exporters.docx.plan import write_plan
    from desktop.services.plan.document import plan_document

    out = _docx(args.out)
    with open_from_args(args) as workspace, workspace.db.read() as session:
        data = plan_document(session, args.version, date.today())
    write_plan(data, out)
    print(f"已写出{data.title}{data.subtitle}：{out}")
    return 0
