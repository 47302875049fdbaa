"""The bench's issue edit figure measures real edits in the real window, and the start-up probe's peak memory is
the app process's own (VmHWM), not inherited from the bench that spawned it."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import func, select

from desktop.bench.issue_edit import measure
from desktop.db.models import Issue, IssueNote
from tests.ui.helpers import open_window


def test_the_edit_figure_times_real_edits(qtbot, demo_workspace, today, tmp_path) -> None:
    with demo_workspace.db.read() as session:
        notes_before = session.scalar(select(func.count(IssueNote.id)))
        resolved_before = session.scalar(select(func.count(Issue.id)).where(Issue.status == "resolved"))
    window = open_window(qtbot, demo_workspace, today, tmp_path)
    resets: list[int] = []
    window.issue_panel.model.modelReset.connect(lambda: resets.append(1))

    results = measure(window, edits_per_kind=2)

    assert [r.kind for r in results] == ["办结", "添加进展", "交办"]
    for r in results:
        assert len(r.gui_ms) == len(r.wall_ms) == len(r.settled_ms) == len(r.stall_ms) == 2
        assert all(stall >= 0 for stall in r.stall_ms)
        assert all(gui > 0 for gui in r.gui_ms) and all(shown <= settled for shown, settled in
                                                         zip(r.wall_ms, r.settled_ms, strict=True))
    assert resets == []  # every edit swapped its row in place
    with demo_workspace.db.read() as session:
        assert session.scalar(select(func.count(Issue.id)).where(Issue.status == "resolved")) == resolved_before + 2
        # a note per 办结 and 添加进展 (and the untimed first edit), and one per 交办
        assert session.scalar(select(func.count(IssueNote.id))) >= notes_before + 2 + 2 + 1


def test_the_probe_reports_its_own_peak_memory_not_the_parents() -> None:
    ballast = bytearray(300 * 1024 * 1024)  # the parent is large when it spawns the child, as the bench is
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    child = subprocess.run([sys.executable, "-c", "import resource\nfrom desktop.bench.probe import own_peak_kib\n"
                            "print(own_peak_kib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                           capture_output=True, text=True, check=True)
    own, inherited = (int(v) for v in child.stdout.split())
    assert inherited > 300 * 1024  # ru_maxrss carries the parent's size across exec …
    assert own < 150 * 1024  # … VmHWM is the child's own
    del ballast
