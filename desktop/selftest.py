"""`keyproj --self-test`: prove that an installed copy works end to end, without touching the office's data.

It is what the packaging test runs inside the frozen bundle (and what support asks an office to run): a demo
database in a temp folder, the main window rendered offscreen to a PNG, a 工作简报 (.docx) and a 问题台账 (.xlsx)
written and opened again; and, when a display is there, Qt's real platform plugin loaded in a subprocess (the
window above is rendered offscreen, which proves nothing about xcb). Each step checks its result; any failure
prints a Chinese message and exits non-zero, so a missing Qt plugin, a migration left out of the bundle or a broken exporter cannot pass as "started fine".
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from desktop.exporters.docx import OfficialDocument
from desktop.exporters.xlsx import ColumnKind, LedgerColumn, LedgerSpec, write_ledger
from desktop.platform_check import check_real_platform
from desktop.services import office_settings, stats
from desktop.services.figures import yi_text
from desktop.services.issues.rows import STATUS_LABELS, IssueRow, load_issue_rows
from desktop.services.scope import Period
from desktop.workspace import Workspace, open_workspace

EXIT_FAILED = 3


class SelfTestError(RuntimeError):
    """A step produced something wrong; the message says what, in Chinese."""


# --- the two documents (also timed by `python -m desktop.bench`) -----------------------------------------------
def briefing_document(headline: stats.Headline, *, office: str, masthead: str, number: int,
                      issued_on: date) -> OfficialDocument:
    """A short 工作简报 from the headline figures: masthead, title, one paragraph per figure group, 报尾."""
    i, d, s = headline.issues, headline.decisions, headline.starts
    doc = OfficialDocument()
    doc.masthead(masthead, f"第{number}期", office, issued_on)
    doc.title(f"{headline.period}重点项目包保工作情况")
    doc.paragraph(f"{headline.period}，全区在库重点项目{headline.projects}个，开展包保活动{headline.visits}次，"
                  f"召开各类会议{d.meetings}次。")
    doc.heading(1, "问题办理情况")
    doc.paragraph(f"共收集问题{i.raised}个，已办结{i.done}个，未办结{i.open}个，其中超期{i.overdue}个，"
                  f"办结率{i.rate.text}{i.undated_text}。")
    doc.heading(1, "议定事项落实情况")
    doc.paragraph(f"会议议定事项{d.decided}项，已完成{d.done}项，办结率{d.rate.text}。")
    doc.heading(1, "项目建设情况")
    doc.paragraph(f"应开复工项目{s.due}个，已开复工{s.started}个，开复工率{s.rate.text}。")
    rows = [(line.label, str(line.projects), yi_text(line.annual_plan), yi_text(line.completed),
             line.plan_rate.text) for line in headline.investment]
    if rows:
        doc.table(["类别", "项目数", "年度计划（亿元）", "完成（亿元）", "完成年度计划"], rows)
    doc.distribution_block(report_to="区委、区政府主要领导", send_to="区包保领导", issue_to="各责任单位")
    return doc


def write_briefing(workspace: Workspace, path: Path, *, year: int, today: date, number: int = 1) -> Path:
    """stats.headline for the year + the document, saved; the path written."""
    with workspace.db.read() as session:
        headline = stats.headline(session, Period.year(year), today=today,
                                  thresholds=office_settings.thresholds(session),
                                  due_soon_days=int(office_settings.get(session, "due_soon_days")))
        office = str(office_settings.get(session, "office_name"))
        masthead = str(office_settings.get(session, "masthead_name"))
    return briefing_document(headline, office=office, masthead=masthead, number=number, issued_on=today).save(path)


def issue_ledger_spec(today: date, unit: str) -> LedgerSpec:
    columns = [
        LedgerColumn("project", "项目", 12),
        LedgerColumn("category", "类别", 5, align="center"),
        LedgerColumn("description", "问题描述", 22),
        LedgerColumn("unit", "责任单位", 9),
        LedgerColumn("person", "责任人", 4, align="center"),
        LedgerColumn("deadline", "完成时限", 7, kind=ColumnKind.DATE),
        LedgerColumn("status", "状态", 5, kind=ColumnKind.STATUS, labels=STATUS_LABELS),
        LedgerColumn("progress", "最新进展", 20),
        LedgerColumn("found_on", "发现日期", 7, kind=ColumnKind.DATE),
    ]
    return LedgerSpec("重点项目问题台账", columns, sheet_name="问题台账", unit=unit, report_date=today,
                      notes=["填表人：　　审核人：　　联系电话："])


def issue_ledger_rows(rows: Iterable[IssueRow]) -> Iterator[tuple[object, ...]]:
    for r in rows:
        yield (r.project_name, r.category, r.description, r.unit, r.person, r.deadline, r.status,
               r.latest_progress, r.found_on)


def write_issue_ledger(workspace: Workspace, path: Path, *, today: date) -> int:
    with workspace.db.read() as session:
        rows = load_issue_rows(session)
        unit = str(office_settings.get(session, "office_name"))
    return write_ledger(path, [(issue_ledger_spec(today, unit), issue_ledger_rows(rows))])


# --- the self-test ------------------------------------------------------------------------------------------
def _check_briefing(path: Path) -> str:
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    for expected in ("第1期", "问题办理情况", "办结率"):
        if expected not in text:
            raise SelfTestError(f"简报中缺少“{expected}”")
    return f"简报 {path.name}（{path.stat().st_size // 1024} KB）"


def _check_ledger(path: Path, expected_rows: int) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        sheet = workbook["问题台账"]
        values = [row for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not values or values[0][0] != "重点项目问题台账":
        raise SelfTestError("台账标题行不对")
    numbered = [row for row in values if isinstance(row[0], int)]
    if len(numbered) != expected_rows:
        raise SelfTestError(f"台账应有 {expected_rows} 行问题，实际 {len(numbered)} 行")
    return f"台账 {path.name}（{expected_rows} 行）"


def _render_window(workspace: Workspace, folder: Path, today: date) -> tuple[str, int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QImage

    from desktop.app import create_application
    from desktop.ui.driving import until_idle
    from desktop.ui.main_window import MainWindow

    app = create_application()
    if not app.property("keyproj_translators"):
        raise SelfTestError("未找到 Qt 的中文翻译（qtbase_zh_CN.qm），标准按钮会显示英文")
    window = MainWindow(workspace, today=today,
                        settings=QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    try:
        window.resize(1366, 768)
        window.show()
        if not until_idle(window.ops, 60_000):  # its data is read on the worker
            raise SelfTestError("主窗口一分钟内没有载入数据")
        app.processEvents()
        shown = window.issue_panel.model.rowCount()
        if shown == 0:
            raise SelfTestError("主窗口的问题表是空的")
        png = folder / "main_window.png"
        if not window.grab().save(str(png), "PNG"):
            raise SelfTestError("无法保存主窗口截图")
    finally:  # never leave a window open behind a failure (a caller's event loop would wait on it)
        window.close()
        window.deleteLater()
        app.processEvents()
    image = QImage(str(png))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    if image.width() < 800 or len(colours) < 5:
        raise SelfTestError("主窗口截图是空白的")
    return f"主窗口截图 {png.name}（{image.width()}×{image.height()}，{shown} 个问题，中文界面）", shown


def run_self_test(folder: Path | None = None, today: date | None = None,
                  report: Callable[[str], None] = print) -> int:
    """Run every step; 0 when all pass, EXIT_FAILED (with the reason printed) otherwise."""
    from desktop.services.demo import load_demo

    today = today or date.today()
    started = time.perf_counter()
    keep = folder is not None
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="keyproj-selftest-"))
    folder.mkdir(parents=True, exist_ok=True)
    workspace = None
    step = "打开数据库"
    try:
        workspace = open_workspace(folder / "data", operator="自检")
        step = "生成演示数据"
        with workspace.db.transaction() as session:
            load_demo(session, today)
        report(f"数据库：{workspace.database_file}")
        step = "显示主窗口"
        line, shown = _render_window(workspace, folder, today)
        report(line)
        step = "生成工作简报"
        report(_check_briefing(write_briefing(workspace, folder / "工作简报_自检.docx", year=today.year,
                                              today=today)))
        step = "导出问题台账"
        written = write_issue_ledger(workspace, folder / "问题台账_自检.xlsx", today=today)
        if written != shown:
            raise SelfTestError(f"台账写出 {written} 行，主窗口显示 {shown} 行")
        report(_check_ledger(folder / "问题台账_自检.xlsx", written))
        step = "检查窗口平台插件"  # the window above was offscreen: does the real one load on this display?
        passed, line = check_real_platform()
        if not passed:
            raise SelfTestError(line)
        report(line)
    except Exception as exc:
        detail = str(exc) if isinstance(exc, SelfTestError) else traceback.format_exc()
        print(f"自检失败（{step}）：{detail}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if workspace is not None:
            workspace.close()
    report(f"自检通过，用时 {time.perf_counter() - started:.1f} 秒；文件在 {folder}"
           + ("" if keep else "（临时文件夹）"))
    return 0
