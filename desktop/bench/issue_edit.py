"""The issue edit figure (issue #15): 办结, 添加进展 and 交办 in the real window, GUI-thread time from the action to
the repainted row, counts and badges.

Each edit is the user's whole gesture: the action fires, what its dialog lists is read on the worker, the real
dialog is built, shown and filled, OK is pressed,
the service call and the re-reads run on the window's worker (`Ops`) while the GUI thread waits in an event loop
(as `exec()` does), and once the worker has answered everything the issue table, the project tree and the
reminders are repainted. The figure is the GUI thread's own CPU time over all of that (`time.thread_time`: the
worker's time is not in it, and neither is other load on the machine), so it says how long the window is busy,
i.e. frozen, for one edit. The wall time until the row is repainted is given beside it (no target): how long the
user waits for the row, the window staying usable meanwhile. So is the longest single stall of the GUI thread
during the edit (a 5 ms heartbeat, `bench/probe.StallMeter`): CPU time adds up the GUI thread's slices, the stall
is the longest a click would have waited — including waits for the interpreter lock while the worker runs Python.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.bench.probe import StallMeter
from desktop.services.issues.row import IssueRow
from desktop.ui.main_window import MainWindow

EDITS_PER_KIND = 5
TARGET_MS = 100.0


@dataclass
class EditTimes:
    kind: str
    gui_ms: list[float]  # GUI-thread CPU, action to everything repainted
    wall_ms: list[float]  # wall, action to the edited row swapped in (the tree and reminders follow)
    settled_ms: list[float]  # wall, action to the worker's last answer (tree badges and reminders in)
    stall_ms: list[float] = field(default_factory=list)  # longest GUI-thread stall, action to everything repainted

    @property
    def median_gui(self) -> float:
        return statistics.median(self.gui_ms)

    @property
    def median_wall(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def median_settled(self) -> float:
        return statistics.median(self.settled_ms)

    @property
    def worst_stall(self) -> float:
        return max(self.stall_ms) if self.stall_ms else 0.0


def _wait_dialog(dialog: QDialog, timeout_ms: int = 120_000) -> None:
    """Block in an event loop, never spinning, until the dialog's own read (`link`) or write (`pending`) has
    answered, as `exec()` does. Not until the worker is idle: the dialog may be shown from inside the answer of
    the read that opened it, and that read counts as busy until its callback returns."""
    link = getattr(dialog, "link", None)
    for waits, busy in ((link, lambda: link is not None and link.busy),
                        (dialog, lambda: getattr(dialog, "pending", False))):
        if busy():
            loop = QEventLoop()
            waits.settled.connect(loop.quit)  # type: ignore[union-attr]
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            if busy():
                raise SystemExit("issue edit bench: the dialog's operation did not answer within two minutes")


def _wait_idle(window: MainWindow, timeout_ms: int = 120_000) -> None:
    """Until the worker has answered everything: the read that opens the dialog, the edit, every re-read."""
    if window.ops.busy():
        loop = QEventLoop()
        QTimer.singleShot(timeout_ms, loop.quit)
        window.ops.idle.connect(loop.quit)
        loop.exec()
        window.ops.idle.disconnect(loop.quit)
    if window.ops.busy():
        raise SystemExit("issue edit bench: the worker did not answer within two minutes")


def _fill_note(dialog: QDialog) -> None:
    dialog.form.text_edit.setPlainText("基准测试：已召开协调会，明确推进时限")  # type: ignore[attr-defined]


def _fill_assign(dialog: QDialog) -> None:
    form = dialog.form  # type: ignore[attr-defined]
    form.unit_combo.setCurrentIndex(0)
    form.deadline_edit.setDate(form.on_edit.date().addDays(30))


KINDS: dict[str, tuple[str, Callable[[IssueRow], bool], Callable[[QDialog], None]]] = {
    # kind: (the window's action, which rows it applies to, how the user fills the dialog)
    "办结": ("resolve_action", lambda r: r.status in ("assigned", "phased"), _fill_note),
    "添加进展": ("progress_action", lambda r: r.status in ("assigned", "phased"), _fill_note),
    "交办": ("assign_action", lambda r: r.status == "new", _fill_assign),
}


def measure(window: MainWindow, edits_per_kind: int = EDITS_PER_KIND) -> list[EditTimes]:
    """Run the edits on the window's own data (they are real writes: use a copy of the database)."""
    app = QApplication.instance()
    assert app is not None
    panel = window.issue_panel
    views = (panel.table.viewport(), window.form.project_tree_view.viewport(),
             window.reminder_panel.form.reminder_table_view.viewport())
    current: list[QDialog] = []
    filling: list[Callable[[QDialog], None]] = [_fill_note]  # how the dialog of the edit under way is filled

    def run_dialog(dialog: QDialog) -> int:
        current.append(dialog)
        dialog.show()
        dialog.repaint()
        _wait_dialog(dialog)  # what it reads when it opens, if anything
        filling[0](dialog)
        dialog.accept()
        _wait_dialog(dialog)
        return dialog.result()

    window.issue_actions.run_dialog = run_dialog
    used: set[int] = set()

    swapped: list[float] = []  # when the edited row was swapped into the table
    panel.model.dataChanged.connect(lambda *_args: swapped.append(time.perf_counter()))

    meter = StallMeter()

    def edit(kind: str) -> tuple[float, float, float, float]:
        action_name, applies, filling[0] = KINDS[kind]
        issue_id = next((r.id for r in panel.model.visible_rows() if applies(r) and r.id not in used), None)
        if issue_id is None:
            raise SystemExit(f"issue edit bench: no issue left to {kind}")
        used.add(issue_id)
        panel.select_issue(issue_id)
        app.processEvents()
        current.clear()
        swapped.clear()
        meter.mark()
        gui, wall = time.thread_time(), time.perf_counter()
        getattr(window.form, action_name).trigger()
        _wait_idle(window)
        for view in views:
            view.repaint()
        settled = (time.perf_counter() - wall) * 1000
        shown = (swapped[0] - wall) * 1000 if swapped else settled
        gui = (time.thread_time() - gui) * 1000
        stall = float(meter.since_mark_ms())
        if not current or current[-1].result() != QDialog.DialogCode.Accepted:
            error = current[-1].form.error_label.text() if current else "no dialog"  # type: ignore[attr-defined]
            raise SystemExit(f"issue edit bench: {kind} of issue {issue_id} was refused: {error}")
        row = panel.current_row()
        if row is None or row.id != issue_id:
            raise SystemExit(f"issue edit bench: after {kind} the edited issue {issue_id} is not shown")
        return gui, shown, settled, stall

    edit("添加进展")  # the process's first edit also creates Qt's Python enums and the dialog classes: not timed
    results = []
    for kind in KINDS:
        times = EditTimes(kind, [], [], [])
        for _ in range(edits_per_kind):
            gui, shown, settled, stall = edit(kind)
            times.stall_ms.append(stall)
            times.gui_ms.append(gui)
            times.wall_ms.append(shown)
            times.settled_ms.append(settled)
        results.append(times)
    return results

def measure_on_copy(folder: Path, today: date) -> list[EditTimes]:
    """The edits are real writes: they go to a copy of the cached database, which stays as generated."""
    from PySide6.QtCore import QEvent, QSettings

    from desktop.app import create_application
    from desktop.workspace import open_workspace

    app = create_application()
    scratch = Path(tempfile.mkdtemp(prefix="keyproj-bench-edit-"))
    try:
        for item in folder.glob("keyproj.sqlite3*"):
            shutil.copy2(item, scratch / item.name)
        workspace = open_workspace(scratch, operator="基准测试")
        settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, today=today, settings=settings)
        try:
            window.resize(1366, 768)
            window.show()
            _wait_idle(window)  # its data is read on the worker
            app.processEvents()
            return measure(window)
        finally:
            window.close()
            window.ops.close()
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
