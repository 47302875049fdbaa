"""Screenshots of the 反馈 round trip in the real window, offscreen at 1366×768, and renders of what it writes.

    python -m desktop.tools.feedback_shots --out shots

On a fresh demo database: a round sent ten days ago (deadline passed), two units' forms filled in and returned
(one with a conflict: the office added progress after sending; one with a new problem on the second sheet), then
the 发出反馈表 dialog, the 收取反馈 preview of both returned files and the 反馈情况 view are grabbed. With
LibreOffice installed, a sent form and the round's 催报通知 are rendered to PNG as well. Then the same for a
投资进度填报 round (`_investment_shots`). The user's own QSettings are never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path


def _wait(app, done: Callable[[], bool], timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not answer in time")
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def _returned(form: Path, target: Path, answers: dict[int, dict[str, object]],
              new_problem: tuple[str, str] | None = None) -> Path:
    """The form filled in as a unit does (openpyxl on the real file, rows found by their 序号)."""
    from openpyxl import load_workbook

    from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADERS, NEW_FIELDS, NEW_SHEET

    workbook = load_workbook(form)
    sheet = workbook.active
    for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
        for name, value in answers.get(sheet.cell(row, 1).value, {}).items():
            sheet.cell(row, HEADERS.index(name) + 1).value = value
    if new_problem is not None:
        extra = workbook[NEW_SHEET]
        extra.cell(FIRST_DATA_ROW, NEW_FIELDS.index("项目名称") + 1).value = new_problem[0]
        extra.cell(FIRST_DATA_ROW, NEW_FIELDS.index("问题描述") + 1).value = new_problem[1]
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def _investment_shots(app, window, workspace, scratch: Path, today: date,  # type: ignore[no-untyped-def]
                      shoot: Callable[[object, str], None]) -> Path:
    """The 投资进度填报 round trip: last month's round sent ten days ago, three units' forms returned (one figure
    the office saved after sending: a conflict; one whose 本月完成 and 1—N月累计 disagree: flagged), then the send
    dialog for the month, the 收取反馈 preview and 反馈情况. Returns one sent form (for the render)."""
    from openpyxl import load_workbook

    from desktop.importers.feedback_form import FIRST_DATA_ROW
    from desktop.importers.investment_form import FIELDS
    from desktop.services import investment
    from desktop.services.feedback.invest_send import due_month, send_investment_round

    year, month = due_month(today)
    sent_dir, back_dir = scratch / "invest-sent", scratch / "invest-back"
    sent_dir.mkdir()
    with workspace.db.transaction() as session:
        result = send_investment_round(session, sent_dir, year=year, month=month, deadline=today - timedelta(days=3),
                                       today=today - timedelta(days=10))
    forms = sorted((f for f in result.forms if f.items >= 3), key=lambda f: -f.items)[:3]
    paths = []
    for number, form in enumerate(forms):
        workbook = load_workbook(form.path)
        sheet = workbook.active
        column = {name: FIELDS.index(name) + 1 for name in FIELDS}
        for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
            position, prior = sheet.cell(row, 1).value, sheet.cell(row, column["上月累计"]).value or 0
            if position is None:
                continue
            amount = 180 + 37 * position + 11 * number
            sheet.cell(row, column["本月完成"]).value = amount
            sheet.cell(row, column["累计"]).value = prior + amount + (50 if number == 2 and position == 1 else 0)
            sheet.cell(row, column["形象进度"]).value = ("主体结构施工", "设备安装调试", "外立面装修")[position % 3]
            if position == 2:
                sheet.cell(row, column["存在问题"]).value = "施工用电增容待供电公司批复"
            sheet.cell(row, column["填报人"]).value = ("李静", "赵磊", "孙芳")[number]
        target = back_dir / form.path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(target)
        paths.append(target)
    with workspace.db.transaction() as session:  # the office enters one figure itself after sending: a conflict
        first = investment.load_grid(session, year, month, today)
        name = load_workbook(forms[0].path).active.cell(FIRST_DATA_ROW + 1, 2).value
        row = next(r for r in first if r.name == name)
        investment.save_month(session, year, month, {row.project_id: investment.MonthEntry(2_000_000)})

    menu = window.feedback_menu
    send = menu.open_send("investment")
    _wait(app, lambda: not send.loading)
    send.form.month_spin.setValue(month % 12 + 1 if month < 12 else 12)  # this month's round, not yet sent
    _wait(app, lambda: not send.loading)
    send.form.folder_edit.setText(str(Path.home() / "投资进度填报"))  # shown only: nothing is sent
    shoot(send, "feedback-invest-send-1366x768.png")
    send.reject()
    collect = menu.open_collect(paths)
    _wait(app, lambda: collect.preview is not None)
    collect.resize(1300, 700)
    shoot(collect, "feedback-invest-collect-1366x768.png")
    collect.reject()
    status = menu.open_status()
    _wait(app, lambda: status.form.round_combo.count() > 0)
    shoot(status, "feedback-invest-status-1366x768.png")
    status.reject()
    return forms[0].path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 10))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from sqlalchemy import select

    from desktop.app import create_application
    from desktop.db.models import FeedbackItem
    from desktop.exporters.feedback_job import send_with_notices, write_chase
    from desktop.services import tracking
    from desktop.services.demo import load_demo
    from desktop.ui.main_window import MainWindow
    from desktop.ui.ops import Change
    from desktop.workspace import open_workspace

    today = args.today
    app = create_application()
    scratch = Path(tempfile.mkdtemp(prefix="keyproj-feedback-shots-"))
    workspace = open_workspace(scratch / "data", operator="截图")
    sent_dir, back_dir = scratch / "sent", scratch / "back"
    sent_dir.mkdir()
    with workspace.db.transaction() as session:
        load_demo(session, today)
    with workspace.db.transaction() as session:
        result, _notices = send_with_notices(session, sent_dir, notices=False, deadline=today - timedelta(days=3),
                                             name=f"{today.year}年{today.month}月第1轮", today=today - timedelta(days=10))
    first, second = sorted((f for f in result.forms if f.items >= 2), key=lambda f: -f.items)[:2]
    with workspace.db.transaction() as session:  # the office works on one item after sending: a conflict
        item = session.scalars(select(FeedbackItem).where(FeedbackItem.unit.has(name=first.unit))
                               .order_by(FeedbackItem.position)).first()
        assert item is not None
        record = item.record
        tracking.add_progress(session, record, "办公室电话督促，单位称本周内完成", on=today - timedelta(days=5))
        project = record.project.name if record.project is not None else ""
    paths = [
        _returned(first.path, back_dir / first.path.name, {
            1: {"办理进展": "已完成用地预审，正在办理规划许可", "办理状态": "阶段性推进",
                "预计完成时间": today + timedelta(days=20), "责任人": "王伟", "联系电话": "13800001111"},
            2: {"办理进展": "已取得批复", "办理状态": "已办结"}}),
        _returned(second.path, back_dir / second.path.name, {
            1: {"办理进展": "等待省厅批复", "办理状态": "申请延期", "预计完成时间": today + timedelta(days=40),
                "需协调事项": "请区政府协调省厅"},
            2: {"办理进展": "因资金问题暂缓", "办理状态": "需上级协调", "需协调事项": "资金缺口约300万元"}},
            new_problem=(project, "施工便道需临时占用林地")),
    ]

    settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, today=today, settings=settings)
    window.resize(1366, 768)
    window.show()
    _wait(app, lambda: window.feedback_menu is not None and window.feedback_menu.send_action.isEnabled())
    _wait(app, lambda: not window.ops.busy())
    args.out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            app.processEvents()
        path = args.out / name
        widget.grab().save(str(path))
        saved.append(path)

    menu = window.feedback_menu
    send = menu.open_send()
    _wait(app, lambda: not send.loading)
    send.form.folder_edit.setText(str(Path.home() / "反馈表"))  # shown only: nothing is sent
    shoot(send, "feedback-send-1366x768.png")
    send.reject()

    collect = menu.open_collect(paths)
    _wait(app, lambda: collect.preview is not None)
    collect.resize(1300, 700)
    shoot(collect, "feedback-collect-1366x768.png")
    collect.reject()

    status = menu.open_status()
    _wait(app, lambda: status.form.round_combo.count() > 0)
    shoot(status, "feedback-status-1366x768.png")
    status.reject()
    invest_form = _investment_shots(app, window, workspace, scratch, today, shoot)

    from desktop.services.feedback.collect import collect as take

    take(workspace.db, paths, include_conflicts=True, today=today - timedelta(days=2))  # the units' requests
    window.ops.notify(Change(everything=True))
    requests = menu.open_requests()
    _wait(app, lambda: len(requests.rows) > 0 and not window.ops.busy())
    requests.resize(1300, 560)
    shoot(requests, "feedback-requests-1366x768.png")
    requests.reject()
    window.close()

    from desktop.tools.render_docs import pdf_to_pngs, render_many_to_pdf, soffice_path

    if soffice_path() is not None:
        chase = scratch / "催报通知.docx"
        with workspace.db.read() as session:
            write_chase(session, result.round_name, chase, today=today, reply_by=today + timedelta(days=3))
        renders = scratch / "renders"
        for pdf, name in zip(render_many_to_pdf([first.path, chase, invest_form], renders),
                             ("feedback-form", "feedback-chase", "feedback-invest-form"), strict=True):
            pages = pdf_to_pngs(pdf, renders, dpi=60)
            target = args.out / f"{name}.png"
            shutil.copy(pages[0], target)
            saved.append(target)
    workspace.close()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
