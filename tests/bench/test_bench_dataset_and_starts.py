"""The bench's own parts on a tiny size: every generated issue has its own text, the first start of a day really
has its backup due (and a later one none), and the start-up probe reports the backup and the longest stall.
These check the bench measures what it says; the figures themselves are not tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import func, select

from desktop.bench import run
from desktop.bench.dataset import Size, build
from desktop.db.models import Issue

TINY = Size("tiny", projects=20, issues=600, meetings=4, enterprises=10, visits=10)


def test_every_generated_issue_has_its_own_text(tmp_path: Path) -> None:
    workspace = build(tmp_path / "tiny", TINY)
    try:
        with workspace.db.read() as session:
            count = session.scalar(select(func.count(Issue.id)))
            distinct = session.scalar(select(func.count(func.distinct(Issue.description))))
            names = session.execute(select(Issue.description)).scalars().all()
    finally:
        workspace.close()
    assert count == TINY.issues
    assert distinct == count  # not 24 shared templates
    assert all("，" in text and len(text) > 20 for text in names)


def test_backup_due_and_done_and_the_probe_sees_the_backup(tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    build(folder, TINY).close()
    run.make_backup_done(folder)
    made = run._backed_up_today(folder)
    assert len(made) == 1
    run.make_backup_done(folder)
    assert run._backed_up_today(folder) == made  # none made when one exists
    run.make_backup_due(folder)
    assert run._backed_up_today(folder) == []

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "home")}
    args = [sys.executable, "-m", "desktop", "--data-dir", str(folder), "--operator", "基准测试", "--startup-probe"]
    seen = run._probe(args, env)
    assert {"PAINTED", "LIVE", "LOADED", "BACKUP"} <= set(seen)
    assert len(run._backed_up_today(folder)) == 1  # the start made the day's backup …
    backup = seen["BACKUP"][1]
    assert backup["peak"] > 0 and "stall" in backup and "during" in backup  # … and said so with its figures
    assert backup["during"] <= backup["stall"] + 5  # the stall while it ran is part of the whole start's
