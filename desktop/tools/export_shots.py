"""The README's "看一看导出效果": the first and last page of each document as printed, from the demo data.

Usage: ``python -m desktop.tools.export_shots --out docs/images/exports [--dpi 50]``

A fresh demo database in a temporary folder (the real data is never touched); the 工作简报, 工作通报 and 会议纪要
as the 导出 menu writes them, the 问题台账 and the 重点项目台账 as workbooks; all rendered in one LibreOffice start
(`render_docs`, with its font mapping) and each document's first and last page saved as PNG. Run it again after
a change to the exporters and commit the pictures.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

DOCUMENTS = (("briefing", "工作简报"), ("notice", "工作通报（附件为表格）"), ("minutes", "会议纪要"),
             ("ledger-issues", "问题台账（A3横向）"), ("ledger-projects", "重点项目台账（A3横向）"))
TODAY = date(2026, 11, 25)


def write_documents(folder: Path) -> list[Path]:
    """The demo's documents in *folder*, one file per entry of DOCUMENTS."""
    from sqlalchemy import select

    from desktop.db.enums import BriefingKind
    from desktop.db.models import Meeting
    from desktop.exporters import jobs
    from desktop.exporters.docx.minutes import export_minutes
    from desktop.services.demo import load_demo
    from desktop.services.meetings.minutes_data import minutes_data
    from desktop.services.scope import Period, Scope
    from desktop.workspace import open_workspace

    data_dir = folder / "data"
    data_dir.mkdir()
    workspace = open_workspace(data_dir, operator="演示数据")
    try:
        with workspace.db.transaction() as session:
            load_demo(session, TODAY)
        period = Period.year(TODAY.year)
        files = []
        for kind in (BriefingKind.BRIEFING, BriefingKind.NOTICE):
            content = jobs.draft(workspace.db, kind, period, Scope(), TODAY)
            files.append(jobs.issue_and_write(workspace.db, content, folder / f"{kind.value}.docx"))
        with workspace.db.read() as session:
            meeting = max(session.scalars(select(Meeting)).all(), key=lambda m: len(m.decisions))
            minutes = minutes_data(session, meeting.id)
        files.append(export_minutes(minutes, folder / "minutes.docx", today=TODAY))
        for kind in ("ledger-issues", "ledger-projects"):
            path = folder / f"{kind}.xlsx"
            jobs.export_ledger(workspace.db, jobs.LedgerRequest(kind, period, TODAY), path)
            files.append(path)
    finally:
        workspace.close()
    return files


def make_shots(out: Path, dpi: int = 50) -> list[Path]:
    """Render the documents and keep ``<name>-first.png`` and ``<name>-last.png`` of each in *out*."""
    from desktop.tools.render_docs import pdf_to_pngs, render_many_to_pdf

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory(prefix="export-shots-") as tmp:
        folder = Path(tmp)
        pdfs = render_many_to_pdf(write_documents(folder), folder / "pdf")
        for pdf in pdfs:
            pages = pdf_to_pngs(pdf, folder / "pdf", dpi)
            for which, page in (("first", pages[0]), ("last", pages[-1])):
                target = out / f"{pdf.stem}-{which}.png"
                shutil.copyfile(page, target)
                saved.append(target)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.tools.export_shots",
                                     description="用演示数据生成各类文书，渲染后保存首页和末页图片")
    parser.add_argument("--out", type=Path, default=Path("docs/images/exports"), help="图片目录")
    parser.add_argument("--dpi", type=int, default=50, help="PNG 分辨率（默认 50）")
    args = parser.parse_args(argv)
    from desktop.tools.render_docs import RenderError

    try:
        for path in make_shots(args.out, args.dpi):
            print(path)
    except RenderError as exc:
        print(f"渲染失败：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
