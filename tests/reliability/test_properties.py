"""Random sequences of life-cycle actions, through the real services on a real SQLite file: no sequence reaches
an illegal state, every refused action changes nothing, every accepted one adds exactly one journal entry, and
the statistics always add up (done + open = raised; the per-unit and per-category parts sum to the whole)."""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from desktop.db.enums import Feedback, IssueLevel, IssueStatus
from desktop.db.models import Category, Issue, IssueNote, Project, Unit
from desktop.errors import UserError
from desktop.paths import DB_FILENAME
from desktop.services import stats
from desktop.services.issues import actions as issues
from desktop.services.scope import Period, Scope, ScopeKind
from desktop.workspace import open_workspace

STEPS = int(os.environ.get("KEYPROJ_PROPERTY_STEPS", "20"))
EXAMPLES = int(os.environ.get("KEYPROJ_PROPERTY_EXAMPLES", "30"))
START = date(2026, 1, 5)
YEAR = Period.year(2026)
TODAY = date(2026, 11, 25)

ACTIONS = ("assign", "escalate", "progress", "phase", "resolve", "close", "reopen")


class LifeCycle(RuleBasedStateMachine):
    """One machine run = one fresh data folder; the rules pick issues and actions at random."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(LifeCycle.base) / f"run{LifeCycle.counter}"
        LifeCycle.counter += 1
        self.folder.mkdir()
        shutil.copy2(Path(LifeCycle.base) / "template" / DB_FILENAME, self.folder / DB_FILENAME)
        self.ws = open_workspace(self.folder, operator="属性测试")
        self.issue_ids: list[int] = []
        self.accepted = 0
        self.refused = 0

    base = ""
    counter = 0
    totals: ClassVar[list[int]] = [0, 0]

    @initialize()
    def setup(self) -> None:
        with self.ws.db.transaction() as s:
            cats = [Category(kind="project", name=n) for n in ("产业项目", "社会事业项目")]
            units = [Unit(name=n) for n in ("区住建局", "区自然资源局", "供电公司")]
            s.add_all(cats + units)
            s.flush()
            projects = [Project(code=f"P{i}", name=f"项目{i}", list_year=2026, stage="continuing",
                                category_id=cats[i % 2].id) for i in range(3)]
            s.add_all(projects)
            s.flush()
            self.unit_ids = [u.id for u in units]
            self.project_ids = [p.id for p in projects]

    def teardown(self) -> None:
        LifeCycle.totals[0] += self.accepted
        LifeCycle.totals[1] += self.refused
        self.ws.close()

    @rule(project=st.integers(0, 2), day=st.integers(0, 300), unit=st.none() | st.integers(0, 2))
    def raise_issue(self, project: int, day: int, unit: int | None) -> None:
        found = START + timedelta(days=day)
        data = issues.IssueInput("用地手续办理慢", found, project_id=self.project_ids[project],
                                 lead_unit_id=None if unit is None else self.unit_ids[unit],
                                 deadline=found + timedelta(days=30))
        with self.ws.db.transaction() as s:
            issue = issues.create_issue(s, data)
        self.issue_ids.append(issue.id)
        assert self._notes(issue.id) == (1 if unit is None else 2)

    @precondition(lambda self: self.issue_ids)
    @rule(data=st.data(), plan=st.lists(st.tuples(
        st.sampled_from(ACTIONS), st.integers(0, 60), st.sampled_from([f.value for f in Feedback]),
        st.sampled_from([lv.value for lv in IssueLevel]), st.integers(0, 2), st.booleans()), min_size=1, max_size=8))
    def act(self, data, plan) -> None:
        """A burst of actions on one issue, each in its own transaction, as a user works through a ledger row."""
        issue_id = data.draw(st.sampled_from(self.issue_ids))
        for action, days, feedback, level, unit, blank in plan:
            self._act_once(issue_id, action, days, feedback, level, unit, blank)

    def _act_once(self, issue_id: int, action: str, days: int, feedback: str, level: str, unit: int,
                  blank: bool) -> None:
        before = self._row(issue_id)
        notes_before = self._notes(issue_id)
        on = before.found_on + timedelta(days=days)
        text = "" if blank else "按计划推进"
        try:
            with self.ws.db.transaction() as s:
                if action == "assign":
                    issues.assign(s, issue_id, self.unit_ids[unit], on + timedelta(days=20), on=on)
                elif action == "escalate":
                    issues.escalate(s, issue_id, level, text, on=on)
                elif action == "progress":
                    issues.add_progress(s, issue_id, text, on=on)
                elif action == "phase":
                    issues.mark_phased(s, issue_id, text, on=on)
                elif action == "resolve":
                    issues.resolve(s, issue_id, text, on=on)
                elif action == "close":
                    issues.close(s, issue_id, feedback, on=on)
                else:
                    issues.reopen(s, issue_id, text, on=on)
        except (UserError, ValueError):
            self.refused += 1
            after = self._row(issue_id)
            assert (after.status, after.version, after.resolved_on, after.closed_on, after.level) == (
                before.status, before.version, before.resolved_on, before.closed_on, before.level)
            assert self._notes(issue_id) == notes_before
            return
        self.accepted += 1
        assert self._notes(issue_id) == notes_before + 1

    def _row(self, issue_id: int) -> Issue:
        with self.ws.db.read() as s:
            return s.get(Issue, issue_id)

    def _notes(self, issue_id: int) -> int:
        with self.ws.db.read() as s:
            return s.scalar(select(func.count(IssueNote.id)).where(IssueNote.issue_id == issue_id))

    @invariant()
    def states_are_legal(self) -> None:
        with self.ws.db.read() as s:
            for issue in s.scalars(select(Issue)):
                status = IssueStatus(issue.status)
                assert (issue.resolved_on is not None) == status.is_done, (issue.id, status, issue.resolved_on)
                if status is IssueStatus.CLOSED:
                    assert issue.feedback in (Feedback.SATISFIED, Feedback.BASICALLY) and issue.closed_on
                else:
                    assert issue.closed_on is None
                if status in (IssueStatus.ASSIGNED, IssueStatus.PHASED):
                    assert issue.lead_unit_id is not None and issue.deadline is not None
                if issue.resolved_on is not None:
                    assert issue.resolved_on >= issue.found_on

    @invariant()
    def figures_add_up(self) -> None:
        with self.ws.db.read() as s:
            whole = stats.issue_figures(s, YEAR, today=TODAY)
            rows = s.execute(select(Issue.status, Issue.resolved_on, Issue.lead_unit_id, Issue.project_id)).all()
            assert whole.raised == len(rows)
            assert whole.done == sum(1 for st_, r, _u, _p in rows if st_ in stats.DONE and r <= YEAR.end)
            assert whole.done + whole.open == whole.raised
            assert sum(whole.by_status.values()) == whole.raised
            assert sum(whole.by_level.values()) == whole.raised
            unassigned = sum(1 for _s, _r, u, _p in rows if u is None)
            per_unit = [stats.issue_figures(s, YEAR, Scope(ScopeKind.UNIT, u), today=TODAY) for u in self.unit_ids]
            assert sum(f.raised for f in per_unit) + unassigned == whole.raised
            assert sum(f.done for f in per_unit) <= whole.done
            cats = s.scalars(select(Category.id)).all()
            per_cat = [stats.issue_figures(s, YEAR, Scope(ScopeKind.CATEGORY, c), today=TODAY) for c in cats]
            assert sum(f.raised for f in per_cat) == whole.raised
            assert sum(f.done for f in per_cat) == whole.done
            assert sum(f.overdue for f in per_cat) == whole.overdue


def _run(tmp_path: Path, examples: int, steps: int) -> None:
    open_workspace(tmp_path / "template").close()  # migrated once; each run starts from a copy
    LifeCycle.base = str(tmp_path)
    LifeCycle.counter = 0
    LifeCycle.totals = [0, 0]
    LifeCycle.TestCase.settings = settings(max_examples=examples, stateful_step_count=steps, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much],
                                           database=None)
    LifeCycle.TestCase("runTest").runTest()
    accepted, refused = LifeCycle.totals
    print(f"{LifeCycle.counter} runs, {accepted} accepted and {refused} refused actions")
    assert accepted > 0 and refused > 0  # both paths were exercised


def test_life_cycle_and_statistics(tmp_path: Path) -> None:
    _run(tmp_path, EXAMPLES, STEPS)


@pytest.mark.slow
def test_life_cycle_and_statistics_long(tmp_path: Path) -> None:
    _run(tmp_path, 200, 60)
