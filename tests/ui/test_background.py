"""Background tasks: results and errors come back on the GUI thread; no cyclic GC runs in the worker."""

from __future__ import annotations

import gc
import threading

from desktop.ui.background import run_in_background


def test_result_arrives_on_the_gui_thread_with_gc_paused_meanwhile(qtbot) -> None:
    seen: dict[str, object] = {}
    main = threading.get_ident()

    def work() -> int:
        seen["gc_in_worker"] = gc.isenabled()
        seen["worker_thread"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["done_thread"] = threading.get_ident()

    assert gc.isenabled()
    task = run_in_background(work, done)
    qtbot.waitUntil(lambda: "value" in seen and not task.running, timeout=10_000)  # queued: needs the loop
    assert seen["value"] == 42 and seen["done_thread"] == main and seen["worker_thread"] != main
    assert seen["gc_in_worker"] is False
    assert gc.isenabled() and not task.running


def test_errors_are_reported_not_swallowed(qtbot) -> None:
    errors: list[str] = []

    def work() -> None:
        raise ValueError("数据库文件被占用")

    task = run_in_background(work, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors) and not task.running, timeout=10_000)
    assert errors == ["数据库文件被占用"] and gc.isenabled()
