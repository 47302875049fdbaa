"""The window's one background mechanism: `Ops.run` on one serial worker, and `OpsRunner` over it for long jobs
(progress, cancel, a status line). Formerly three runners (`ExportRunner`, `BackgroundTask`, `run_in_background`);
their guarantees are checked here on the one that replaced them, with a real workspace on a real SQLite file."""

from __future__ import annotations

import gc
import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from desktop.app import create_application
from desktop.db.models import Unit
from desktop.errors import UserError
from desktop.ui.ops import Ops
from desktop.ui.ops_progress import OpsRunner


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    create_application()
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


def test_result_arrives_on_the_gui_thread_with_gc_paused_in_the_worker(qtbot, workspace, parent) -> None:
    ops = Ops(workspace, parent)
    seen: dict[str, object] = {}
    main = threading.get_ident()

    def work(ws) -> int:  # type: ignore[no-untyped-def]
        seen["gc_in_worker"] = gc.isenabled()
        seen["worker_thread"] = threading.get_ident()
        with ws.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(Unit)) or 0) + 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["done_thread"] = threading.get_ident()

    assert gc.isenabled()
    ops.run(work, done)
    assert ops.busy() and "value" not in seen  # queued: the answer needs the event loop
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10_000)
    assert seen["value"] == 42 and seen["done_thread"] == main and seen["worker_thread"] != main
    assert seen["gc_in_worker"] is False and gc.isenabled()


def test_operations_run_one_at_a_time_in_the_order_asked(qtbot, workspace, parent) -> None:
    ops = Ops(workspace, parent)
    order: list[str] = []

    def slow(_ws) -> str:  # type: ignore[no-untyped-def]
        order.append("slow starts")
        time.sleep(0.3)
        order.append("slow ends")
        return "slow"

    def quick(_ws) -> str:  # type: ignore[no-untyped-def]
        order.append("quick runs")
        return "quick"

    answers: list[str] = []
    ops.run(slow, answers.append)
    ops.run(quick, answers.append)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10_000)
    assert order == ["slow starts", "slow ends", "quick runs"] and answers == ["slow", "quick"]


def test_a_long_job_reports_progress_and_its_outcome(qtbot, workspace, parent) -> None:
    runner = OpsRunner(Ops(workspace, parent), parent)
    statuses: list[str] = []
    runner.status.connect(statuses.append)
    totals: list[int] = []
    runner._on_progress = lambda done, total: totals.append(total)  # type: ignore[method-assign]
    results: list[object] = []

    def job(ws, progress, cancelled) -> str:  # type: ignore[no-untyped-def]
        for done in range(0, 5):
            progress(done, 4)
        assert not cancelled()
        return str(ws.data_dir)

    assert runner.start("导出测试", job, results.append)
    assert runner.busy and runner.running
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert results == [str(workspace.data_dir)] and runner.last_error == ""
    assert totals == [4] * 5 and statuses == ["导出测试完成。"]


def test_progress_and_the_end_arriving_together_leave_a_closed_dialog(qtbot, workspace, parent) -> None:
    """The job reports progress and ends before the GUI thread looks: both answers are queued. Handling the
    progress updates a modal dialog, whose setValue processes events and so delivers the end while the progress
    handler is still running; the handler must not touch the dialog after that."""
    runner = OpsRunner(Ops(workspace, parent), parent)
    results: list[object] = []

    def job(_ws, progress, _cancelled) -> str:  # type: ignore[no-untyped-def]
        time.sleep(0.4)  # past the dialog's minimum duration: the first report shows it
        progress(1, 10)
        progress(5, 10)  # the dialog is shown and modal: this setValue processes events
        return "written"

    assert runner.start("导出测试", job, results.append)
    time.sleep(0.8)  # the worker is done: its progress and its answer wait in the GUI thread's queue
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert results == ["written"] and runner.last_error == "" and runner._dialog is None


def test_cancel_stops_the_job_and_says_so(qtbot, workspace, parent) -> None:
    runner = OpsRunner(Ops(workspace, parent), parent)
    statuses: list[str] = []
    runner.status.connect(statuses.append)
    started = threading.Event()
    results: list[object] = []

    def job(_ws, progress, cancelled) -> str:  # type: ignore[no-untyped-def]
        started.set()
        for done in range(10_000):
            if cancelled():
                return "stopped early"  # a job that returns after 取消 still counts as cancelled
            progress(done, None)
            time.sleep(0.001)
        return "finished"

    assert runner.start("导出问题台账", job, results.append)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert runner._dialog is not None
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert results == [] and runner.last_error == "已取消"
    assert statuses == ["导出问题台账已取消，未生成文件。"]


def test_a_refusal_is_told_and_a_second_start_waits(qtbot, workspace, parent, boxes) -> None:
    runner = OpsRunner(Ops(workspace, parent), parent)
    release = threading.Event()

    def blocked(_ws, _progress, _cancelled) -> None:  # type: ignore[no-untyped-def]
        release.wait(10)
        raise UserError("「文件」：已被其他程序打开")

    assert runner.start("导出测试", blocked, lambda _r: pytest.fail("no result"))
    assert not runner.start("导出测试", blocked, lambda _r: None)  # one job at a time per runner
    assert boxes == ["上一个导出尚未完成，请稍候。"]
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert runner.last_error == "「文件」：已被其他程序打开" and boxes[-1] == runner.last_error

    def disk_full(_ws, _progress, _cancelled) -> None:  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device", "/media/u盘/台账.xlsx")

    told: list[str] = []
    assert runner.start("导出测试", disk_full, lambda _r: None, cancellable=False, on_error=told.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert told == ["文件操作失败：No space left on device（/media/u盘/台账.xlsx）"]


def test_a_bug_in_a_long_job_goes_to_the_one_error_dialog(qtbot, workspace, parent, monkeypatch) -> None:
    from desktop.ui import crash

    reported: list[BaseException] = []
    monkeypatch.setattr(crash, "report", lambda exc, _parent=None: reported.append(exc))
    ops = Ops(workspace, parent)
    runner = OpsRunner(ops, parent)

    def bug(_ws, _progress, _cancelled) -> None:  # type: ignore[no-untyped-def]
        raise KeyError("missing")

    assert runner.start("起草", bug, lambda _r: None, cancellable=False,
                        on_error=lambda _m: pytest.fail("a bug is no refusal"))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert [type(e) for e in reported] == [KeyError] and ops.errors_shown == ["意外错误：KeyError：'missing'"]
    assert runner._dialog is None
