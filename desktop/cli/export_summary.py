"""`keyproj export summary --year 2022 --out 总结.docx [--half]`: the 年度 (or 上半年) 工作总结 drafted from the
data, as a Word draft for the office to finish (下一步工作打算 is left to it, marked)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.common import open_from_args

HELP = {"summary": "年度工作总结（Word 草稿，按数据起草）；--half 为上半年总结"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--half", action="store_true", help="工作总结只写上半年（1月1日至6月30日）")


def run_summary(args: argparse.Namespace) -> int:
    from desktop.exporters.docx.summary import write_summary
    from desktop.services import office_settings
    from desktop.services.briefing.summary import area_word, draft_summary, gather

    today = date.today()
    year = args.year or today.year
    start, end = date(year, 1, 1), date(year, 6, 30) if args.half else date(year, 12, 31)
    end = min(end, today)
    out: Path = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    if not out.parent.exists():
        raise FileNotFoundError(2, "输出文件夹不存在", str(out.parent))
    with open_from_args(args) as workspace, workspace.db.read() as session:
        office = str(office_settings.get(session, "office_name"))
        draft = draft_summary(gather(session, start, end), area_word(office))
        profile = str(office_settings.get(session, "font_profile"))
    write_summary(draft, office, today, profile, out)
    print(f"已起草《{draft.title}》（{start.isoformat()} 至 {end.isoformat()}）：{out}")
    return 0


HANDLERS = {"summary": run_summary}
