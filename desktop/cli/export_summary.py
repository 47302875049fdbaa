"""`keyproj export summary --year 2022 --out 总结.docx [--half]`: the 年度 (or 上半年) 工作总结 drafted from the
data and issued — numbered per year and kept exactly as written (`--summary ID` prints an issued one again).

What the data cannot know, next year's focus, comes from the clerk: `--next-year TEXT` fills the marked line, or
`--body-file` gives the whole edited text. Without it the summary is not issued (the line is still open);
`--draft` writes a 送审稿 to finish and takes no number. The same steps as the window's 工作总结 editor
(`exporters/summary_job.py`).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import open_from_args
from desktop.errors import UserError

HELP = {"summary": "年度工作总结（Word，按数据起草、编号登记）；--half 上半年，--draft 送审稿，--summary 重印"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("工作总结（summary）")
    group.add_argument("--half", action="store_true", help="只总结上半年（1月1日至6月30日）")
    group.add_argument("--next-year", help="下一步工作打算（填入起草稿中留给办公室的一行）")
    group.add_argument("--body-file", type=Path, help="修改后的正文（UTF-8 文本，每段一行），代替起草的正文")
    group.add_argument("--title", help="标题（默认：2022年重点项目包保工作总结）")
    group.add_argument("--summary", type=int, help="重印已印发的工作总结（编号见导出时的提示）")


def _read_body(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"正文文件{path.name}不是 UTF-8 文本：{exc.reason}") from exc
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip())


def run_summary(args: argparse.Namespace) -> int:
    from desktop.exporters import summary_job
    from desktop.services.briefing.summary import NEXT_YEAR_MARK

    today = args.today or date.today()
    out: Path = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    if not out.parent.exists():
        raise FileNotFoundError(2, "输出文件夹不存在", str(out.parent))
    body = _read_body(args.body_file) if args.body_file else None  # read before anything is recorded
    with open_from_args(args) as workspace:
        if args.summary is not None:
            summary_job.rewrite(workspace.db, args.summary, out)
            print(f"已重印已印发的工作总结（编号 {args.summary}）：{out}")
            return 0
        content = summary_job.draft(workspace.db, args.year or today.year, args.half, today, args.issued_on)
        if body is not None:
            content.body = body
        if args.next_year:
            content.body = content.body.replace(NEXT_YEAR_MARK, args.next_year.strip())
        if args.title:
            content.title = args.title.strip()
        period = f"{content.period_from.isoformat()} 至 {content.period_to.isoformat()}"
        if args.draft:
            summary_job.write_review_copy(content, out)
            print(f"已起草《{content.title}》送审稿（{period}，未登记编号）：{out}")
            return 0
        if NEXT_YEAR_MARK in content.body:
            raise UserError("下一步工作打算须由办公室填写：用 --next-year 填写（或 --body-file 给出修改后的正文），"
                            "或加 --draft 只生成送审稿。未登记任何内容。")
        summary_id, _saved = summary_job.issue_and_write(workspace.db, content, out)
    print(f"已印发《{content.title}》{content.number_text}（{period}，编号 {summary_id}，"
          f"重印：--summary {summary_id}）：{out}")
    return 0


HANDLERS = {"summary": run_summary}
