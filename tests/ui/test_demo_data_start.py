"""First start, 是 to 载入演示数据: the demo is generated off the GUI thread while the progress dialog keeps
painting (#14's newcomer check: it was an unpainted box for 15-30 s on a busy PC, which a desktop calls hung)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from sqlalchemy import func, select

from desktop import app as start
from desktop.app import create_application, load_demo_data
from desktop.db.models import Issue, Project


def _watch(seen: list[str]) -> QTimer:
    """Ticks only while the GUI thread is free; each tick notes the progress dialog shown, if any."""
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        seen.append(shown[0].labelText() if shown else "")

    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_the_window_stays_alive_while_the_demo_is_generated(qtbot, workspace) -> None:
    create_application()
    assert workspace.is_empty()
    seen: list[str] = []
    timer = _watch(seen)
    load_demo_data(workspace)
    timer.stop()
    busy = [text for text in seen if text]
    assert len(busy) >= 10, f"the GUI thread was blocked: {len(seen)} ticks"  # generation takes seconds
    assert busy[0].startswith("正在生成演示数据")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    with workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Project)) >= 90
        assert session.scalar(select(func.count()).select_from(Issue)) >= 250


def test_a_failing_generator_writes_nothing_and_raises_on_the_gui_thread(qtbot, workspace, monkeypatch) -> None:
    create_application()

    def half_then_fail(session, today) -> None:  # type: ignore[no-untyped-def]
        session.add(Project(code="X-1", name="写了一半的项目", list_year=today.year, stage="planning"))
        session.flush()
        raise RuntimeError("生成器出错")

    monkeypatch.setattr(start, "load_demo", half_then_fail)
    with pytest.raises(RuntimeError, match="生成器出错"):
        load_demo_data(workspace)
    assert workspace.is_empty()  # one transaction: the half-written project is gone
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
