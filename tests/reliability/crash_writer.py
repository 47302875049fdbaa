"""Child process for the kill tests: writes batches through the real services and reports each commit.

Usage: python crash_writer.py DATA_DIR FIRST_BATCH [--fsize-limit BYTES]
Every batch is one transaction: a project with ISSUES_PER_BATCH issues, each assigned (so each issue also gets
journal rows, an escalation on every third). After the commit returns, the batch number is printed and flushed:
a printed number is a promise that the batch is on disk.
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.db.engine import Database, make_engine, sqlite_url
from desktop.db.models import Unit
from desktop.errors import UserError
from desktop.paths import database_file
from desktop.services.issues import actions as issues
from desktop.services.projects import actions as projects

ISSUES_PER_BATCH = 12
TEXT = "施工用电增容手续办理周期长，影响主体结构施工进度，需协调供电公司加快办理。" * 4


def write_batch(session, n: int, unit_id: int) -> None:
    project = projects.create_project(session, projects.ProjectInput(
        code=f"K{n:06d}", name=f"故障测试项目{n}", list_year=2026, stage="continuing",
        total_investment_yuan=n * 1000, annual_plan_yuan=n * 100))
    for i in range(ISSUES_PER_BATCH):
        issue = issues.create_issue(session, issues.IssueInput(
            f"{TEXT}（批次{n}第{i}个）", date(2026, 3, 1), project_id=project.id,
            lead_unit_id=unit_id, deadline=date(2026, 6, 30)))
        if i % 3 == 0:
            issues.escalate(session, issue.id, "district", "需区级协调", on=date(2026, 3, 2))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("first", type=int)
    parser.add_argument("--fsize-limit", type=int)
    args = parser.parse_args()
    # The parent has created and migrated the database; skipping the start-up checks (and Alembic's import time)
    # keeps each of the many kill cycles short. The writes go through the same Database and services as the app.
    db = Database(make_engine(sqlite_url(str(database_file(args.data_dir)))), operator="故障测试")
    with db.transaction() as s:
        unit = s.query(Unit).filter_by(name="区住建局").one_or_none() or Unit(name="区住建局")
        s.add(unit)
    if args.fsize_limit:
        # The kernel then refuses to grow any file past the limit: the closest thing to a full disk without root.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize_limit, args.fsize_limit))
    print("ready", flush=True)
    n = args.first
    while True:
        try:
            with db.transaction() as s:
                write_batch(s, n, unit.id)
        except UserError as exc:
            print(f"refused {n} {type(exc).__name__} {exc}", flush=True)
            return 3
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main())
