"""Rows for the project tree: each project with what the tree shows beside it (groups, counts, light)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Assignment, Category, Issue, Leader, Project, TaskForce
from desktop.services import stats
from desktop.services.figures import LagThresholds, Light
from desktop.services.projects.node import GROUPINGS, ProjectNode  # noqa: F401 - re-exported


def load_project_nodes(session: Session, year: int, today: date, thresholds: LagThresholds) -> list[ProjectNode]:
    done = ("resolved", "closed")
    # `project_id + 0` is an expression, not the indexed column: SQLite then reads the issue table once in order
    # instead of walking the project_id index with a random row look-up per issue (84 vs 197 ms at 100k issues).
    project = Issue.project_id + 0
    counts = {
        pid: (open_n or 0, overdue_n or 0)
        for pid, open_n, overdue_n in session.execute(
            select(project,
                   func.sum(case((Issue.status.not_in(done), 1), else_=0)),
                   func.sum(case((Issue.status.not_in(done) & (Issue.deadline < today), 1), else_=0)))
            .where(project.is_not(None)).group_by(project))
    }
    leaders: dict[int, list[str]] = {}
    for pid, name in session.execute(
        select(Assignment.project_id, Leader.name).join(Leader, Leader.id == Assignment.leader_id)
        .where(Assignment.end_date.is_(None)).order_by(Assignment.role, Assignment.id)
    ):
        leaders.setdefault(pid, []).append(name)
    month = stats.reported_month(stats.Period.year(year), today, session)
    lights = {pid: line.light for pid, line in stats.investment_by_project(session, year, month,
                                                                        thresholds=thresholds)}
    rows = session.execute(
        select(Project.id, Project.code, Project.name, Project.owner, Category.name, TaskForce.name,
               Project.location, Project.stage, Project.removed_on)
        .join(Category, Category.id == Project.category_id, isouter=True)
        .join(TaskForce, TaskForce.id == Project.task_force_id, isouter=True)
        .where(Project.list_year == year).order_by(Project.code)
    )
    return [
        ProjectNode(pid, code, name, owner or "", cat or "", tf or "", leaders.get(pid, []), loc or "", stage,
                    removed is not None, *counts.get(pid, (0, 0)), lights.get(pid, Light.NONE))
        for pid, code, name, owner, cat, tf, loc, stage, removed in rows
    ]


def available_years(session: Session) -> list[int]:
    return [y for (y,) in session.execute(select(Project.list_year).distinct().order_by(Project.list_year.desc()))]
