"""The window's first screen at start-up — project tree and newest issues — from a file written at the last close.

Why: importing SQLAlchemy and the ORM models costs ~0.7 s on an office PC before a single row can be read, four
times a bare Qt window's start. The data as it stood when the window last closed is kept beside the database
(`first-screen.json`) and shown at once, while the database opens; the live data replaces it ~1 s later.

It is shown only when it is certainly the database's current content:
- the database file has the size and modification time recorded just after that close, and no write-ahead log
  holds newer transactions (any write — the window, a `keyproj import` at night, a restore — changes them);
- it was written by this version of the program, and no restore is half-way (its journal is finished first);
- it was written in the current calendar month (lag lights depend on the reported month, which changes with it);
- overdue counts, which change with the date, are recomputed for today from the open issues' deadlines kept per
  project.

Never written when the password lock is on (the data must not be readable before the password) or for a server
database. The file is untrusted input like any file in the data folder: anything unexpected means "no first
screen", never an error. No Qt and no SQLAlchemy here: this runs before either is needed.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.atomic import atomic_path
from desktop.db.enums import ProjectStage
from desktop.paths import RESTORE_JOURNAL
from desktop.services.figures import Light
from desktop.services.issues.row import DONE_CODES, IssueRow, build_rows
from desktop.services.projects.node import ProjectNode

FILE_NAME = "first-screen.json"
FORMAT = 1
FIRST_PAGE = 200  # issues shown before the full load: more than one screen
MAX_BYTES = 20 * 1024 * 1024  # a city's first screen is ~1 MB; anything far larger is not ours


@dataclass
class FirstScreen:
    years: list[int]
    tree_year: int
    due_soon_days: int
    nodes: list[ProjectNode]
    rows: list[IssueRow]  # the newest issues, without pinyin initials in their search text


def path_in(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def discard(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        path_in(data_dir).unlink()


def _stamp(database_file: Path) -> list[int] | None:
    """Size and modification time of the database, or None when a write-ahead log holds transactions."""
    try:
        wal = Path(f"{database_file}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        st = database_file.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def save(data_dir: Path, database_file: Path, today: date, *, years: list[int], tree_year: int,
         due_soon_days: int, nodes: list[ProjectNode], rows: Sequence[IssueRow]) -> bool:
    """Write the first screen for the next start; call after the database was closed. False when not written."""
    stamp = _stamp(database_file)
    if stamp is None or not years or tree_year != years[0]:
        discard(data_dir)  # the next start loads the tree of the newest year: keep only what it will show
        return False
    deadlines: dict[int, Counter[str]] = {}
    for row in rows:
        if row.project_id is not None and row.deadline is not None and row.status not in DONE_CODES:
            deadlines.setdefault(row.project_id, Counter())[row.deadline.isoformat()] += 1
    # newest found first; issues without a found date (ledgers that gave none) after all dated ones
    newest = (sorted((r for r in rows if r.found_on is not None), key=attrgetter("found_on", "id"), reverse=True)
              + sorted((r for r in rows if r.found_on is None), key=attrgetter("id"), reverse=True))[:FIRST_PAGE]
    payload = {
        "format": FORMAT, "version": __version__, "database": stamp, "month": [today.year, today.month],
        "years": years, "tree_year": tree_year, "due_soon_days": due_soon_days,
        "nodes": [[n.id, n.code, n.name, n.owner, n.category, n.task_force, n.leaders, n.location, n.stage,
                   n.removed, n.open_issues, n.light.value, dict(deadlines.get(n.id, {}))] for n in nodes],
        "rows": [[r.id, r.project_id, r.project_code, r.project_name, r.category, r.description, r.unit_id, r.unit,
                  r.person, r.deadline and r.deadline.isoformat(), r.deadline_text, r.level, r.status,
                  r.latest_progress, r.found_on and r.found_on.isoformat(), r.enterprise_id] for r in newest],
    }
    try:
        with atomic_path(path_in(data_dir)) as tmp:
            tmp.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    except OSError:
        return False
    return True


def load(data_dir: Path, database_file: Path, today: date) -> FirstScreen | None:
    """The first screen if it is still the database's content (see the module docstring), else None."""
    path = path_in(data_dir)
    if (Path(data_dir) / RESTORE_JOURNAL).exists():
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        return _parse(payload, database_file, today)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _parse(payload: Any, database_file: Path, today: date) -> FirstScreen | None:
    if (payload["format"] != FORMAT or payload["version"] != __version__
            or payload["month"] != [today.year, today.month] or payload["database"] != _stamp(database_file)):
        return None
    cutoff = today.isoformat()
    nodes = []
    for (pid, code, name, owner, category, task_force, leaders, location, stage, removed, open_issues, light,
         deadlines) in payload["nodes"]:
        overdue = sum(int(n) for day, n in deadlines.items() if str(day) < cutoff)
        nodes.append(ProjectNode(int(pid), str(code), str(name), str(owner), str(category), str(task_force),
                                 [str(x) for x in leaders], str(location), ProjectStage(stage).value, bool(removed),
                                 int(open_issues), overdue, Light(light)))
    if any(len(r) != 16 for r in payload["rows"]):
        return None
    raw = [(int(r[0]), r[1], str(r[2]), str(r[3]), str(r[4]), str(r[5]), r[6], str(r[7]), str(r[8]), r[9],
            str(r[10]), str(r[11]), str(r[12]), str(r[13]), r[14], r[15]) for r in payload["rows"]]
    years = [int(y) for y in payload["years"]]
    return FirstScreen(years, int(payload["tree_year"]), int(payload["due_soon_days"]), nodes,
                       build_rows(raw, pinyin=False))
