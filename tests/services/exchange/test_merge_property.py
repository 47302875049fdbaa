"""Property: random sequences of local edits, life-cycle steps, packages both ways (each decided 采用对方, 保留本方
or left open) and merge undos between two offices. After every step no record in either office has gone back to an
older revision (but by that office's own undo, which returns to its pre-merge copy on purpose), and both 操作日志
chains verify as `keyproj check` verifies them; after a final exchange both ways, the two offices hold the same
records: fields, links, origin and revision."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.db.models import Issue, Project, Unit
from desktop.errors import UserError
from desktop.services.backup.log_check import check_log
from desktop.services.exchange.export import export_package
from desktop.services.exchange.merge import apply_merge, preview, undo_last_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import OURS, THEIRS
from desktop.services.exchange.selection import ExportScope, ScopeKind
from desktop.services.issues import actions
from desktop.workspace import Workspace, open_workspace
from tests.services.exchange.twooffices import ROOM, TEAM, open_offices, snapshot

NAMES = {"team": TEAM, "room": ROOM}
OTHER = {"team": "room", "room": "team"}

offices_st = st.sampled_from(["team", "room"])
words_st = st.text(alphabet="专班调度室进展已办结增容手续", min_size=1, max_size=6)
OPS = st.one_of(
    st.tuples(st.just("edit"), offices_st, st.sampled_from(["latest_progress", "description", "project"]), words_st),
    st.tuples(st.just("step"), offices_st),
    st.tuples(st.just("send"), offices_st, st.sampled_from([THEIRS, OURS, None])),
    st.tuples(st.just("undo"), offices_st),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two offices that have exchanged once, made once: each example starts from a copy of both folders."""
    folder = tmp_path_factory.mktemp("two-offices")
    pair = open_offices(folder)
    target = folder / "first.kpx"
    export_package(pair.team, ExportScope(ScopeKind.ALL), target, recipient=ROOM, today=date(2026, 11, 25))
    apply_merge(pair.room, read_package(target), {})
    with pair.room.db.transaction() as s:  # later work: that first merge is not what an undo takes back
        s.add(Unit(name="调度室自建单位", kind="部门"))
    (folder / "issue_uuid").write_text(pair.issue_uuid)
    for ws in (pair.team, pair.room):
        ws.db.engine.dispose()
        with ws.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ws.close()
    return folder


class Run:
    def __init__(self, template: Path, folder: Path) -> None:
        self.folder = folder
        self.ws: dict[str, Workspace] = {}
        for name in ("team", "room"):
            shutil.copytree(template / name, folder / name)
            self.ws[name] = open_workspace(folder / name, operator="专班张三" if name == "team" else "调度室李四")
        self.issue_uuid = uuid.UUID((template / "issue_uuid").read_text())
        self.seen: dict[str, dict[str, int]] = {name: {} for name in self.ws}
        self.count = 0

    def close(self) -> None:
        for ws in self.ws.values():
            ws.close()

    def do(self, op: tuple) -> None:
        kind, where = op[0], op[1]
        ws = self.ws[where]
        if kind == "edit":
            with ws.db.transaction() as s:
                issue = s.scalars(select(Issue).where(Issue.uuid == self.issue_uuid)).one()
                if op[2] == "project":
                    s.get(Project, issue.project_id).name = f"紫云府项目{op[3]}"
                elif op[2] == "description":
                    actions.update_issue(s, issue.id, description=op[3])
                elif issue.status != "closed":
                    actions.add_progress(s, issue.id, op[3], on=date(2026, 6, 1))
        elif kind == "step":
            with ws.db.transaction() as s:
                issue = s.scalars(select(Issue).where(Issue.uuid == self.issue_uuid)).one()
                if issue.status in ("assigned", "phased"):
                    actions.resolve(s, issue.id, "办结", on=date(2026, 6, 10))
                elif issue.status == "resolved":
                    actions.close(s, issue.id, "satisfied", on=date(2026, 6, 12))
                elif issue.status == "closed":
                    actions.reopen(s, issue.id, "企业反映仍未解决", on=date(2026, 6, 15))
        elif kind == "send":
            self.send(where, op[2])
        elif kind == "undo":
            try:
                undo_last_merge(ws)
            except UserError:
                pass  # refused (later work, or no merge to undo): nothing changed
            else:
                self.seen[where] = {}  # its own undo goes back to the pre-merge copy on purpose
        self.check()

    def send(self, sender: str, prefer: str | None) -> None:
        self.count += 1
        target = self.folder / f"{self.count}.kpx"
        export_package(self.ws[sender], ExportScope(ScopeKind.ALL), target, recipient=NAMES[OTHER[sender]],
                       today=date(2026, 11, 25))
        receiver = self.ws[OTHER[sender]]
        package = read_package(target)
        decisions = {}
        if prefer is not None:
            plan = preview(receiver, package)
            plan.decide_all(prefer)
            decisions = plan.decisions
        apply_merge(receiver, package, decisions)

    def check(self) -> None:
        for name, ws in self.ws.items():
            for entity, rows in snapshot(ws).items():
                for row_uuid, row in rows.items():
                    before = self.seen[name].get(row_uuid, 0)
                    assert row["revision"] >= before, (name, entity, row, before)
                    self.seen[name][row_uuid] = row["revision"]
            report = check_log(ws.database_file, ws.data_dir)
            assert report.ok, (name, report.lines)


def _comparable(ws: Workspace) -> dict:
    return {e: {u: {**r, "updated_at": None} for u, r in rows.items()} for e, rows in snapshot(ws).items()}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(OPS, min_size=1, max_size=6))
@example(ops=[("step", "team"), ("send", "room", OURS), ("step", "room"), ("edit", "room", "latest_progress", "调度专")])
@example(ops=[("undo", "room"), ("step", "team"), ("send", "room", THEIRS), ("undo", "team"),
              ("edit", "room", "project", "手")])
@example(ops=[("edit", "room", "latest_progress", "室结已手展"), ("edit", "room", "latest_progress", "手班专"),
              ("undo", "team"), ("send", "room", THEIRS), ("undo", "team"), ("step", "team")])  # a merge taken back
def test_two_offices_converge_and_never_go_back(template: Path, tmp_path_factory: pytest.TempPathFactory,
                                                ops: list[tuple]) -> None:
    run = Run(template, tmp_path_factory.mktemp("run"))
    try:
        run.check()
        for op in ops:
            run.do(op)
        run.send("team", THEIRS)
        run.send("room", THEIRS)
        run.check()
        assert _comparable(run.ws["team"]) == _comparable(run.ws["room"])
    finally:
        run.close()
