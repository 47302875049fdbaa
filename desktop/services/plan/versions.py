"""The 包保方案 and its 动态调整, read from the assignments.

Who looked after which project from when to when is already kept, assignment by assignment (an ended one keeps its
end date and reason). A version is the office's own dated plan — 方案 name, 文号, date, reason — and the plan of a
version is every assignment in force on its date: started on or before it and not ended by it (an assignment ended
on the day of a revision is no longer part of the revised plan). Nothing here is stored twice, so a version can never
disagree with the assignments it is read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Assignment, Leader, PlanVersion, Project
from desktop.errors import UserError
from desktop.services.journal import cn_date, get_or_fail


def record_version(session: Session, name: str, issued_on: date, *, doc_number: str | None = None,
                   reason: str | None = None, today: date | None = None) -> PlanVersion:
    name = (name or "").strip()
    if not name:
        raise UserError("包保方案须填写名称。")
    if issued_on > (today or date.today()):
        raise UserError(f"方案日期{cn_date(issued_on)}晚于今天。")
    existing = session.scalar(select(PlanVersion).where(PlanVersion.issued_on == issued_on))
    if existing is not None:
        raise UserError(f"{cn_date(issued_on)}已有包保方案“{existing.name}”，同一天只能记录一个版本。")
    earlier = session.scalar(select(PlanVersion).where(PlanVersion.issued_on < issued_on).limit(1))
    if earlier is not None and not (reason or "").strip():
        raise UserError("方案调整须写明调整原因（如 “2个项目已竣工、10个项目不具备条件调出，新增35个项目”）。")
    version = PlanVersion(name=name[:128], issued_on=issued_on, doc_number=(doc_number or "").strip()[:64] or None,
                          reason=(reason or "").strip() or None)
    session.add(version)
    session.flush()
    return version


@dataclass(frozen=True)
class VersionLine:
    id: int
    name: str
    doc_number: str
    issued_on: date
    reason: str


def list_versions(session: Session) -> list[VersionLine]:
    return [VersionLine(v.id, v.name, v.doc_number or "", v.issued_on, v.reason or "")
            for v in session.scalars(select(PlanVersion).order_by(PlanVersion.issued_on))]


@dataclass(frozen=True)
class Plan:
    on: date
    projects: dict[int, str]  # project id → name, for every project someone looks after on that day
    leaders: dict[str, list[str]]  # leader → the names of the projects they look after, in list order

    def loads(self) -> tuple[int, int]:
        counts = [len(p) for p in self.leaders.values()]
        return (min(counts), max(counts)) if counts else (0, 0)

    def load_text(self) -> str:
        low, high = self.loads()
        return f"每人包保{low}项" if low == high else f"每人包保{low}—{high}项"


def plan_on(session: Session, on: date) -> Plan:
    stmt = (select(Project.id, Project.name, Leader.name)
            .join(Assignment, Assignment.project_id == Project.id)
            .join(Leader, Leader.id == Assignment.leader_id)
            .where(Assignment.start_date <= on, (Assignment.end_date.is_(None)) | (Assignment.end_date > on))
            .order_by(Leader.sort_order, Leader.id, Project.code, Project.id))
    projects: dict[int, str] = {}
    leaders: dict[str, list[str]] = {}
    for pid, project, leader in session.execute(stmt):
        projects[pid] = project
        names = leaders.setdefault(leader, [])
        if project not in names:
            names.append(project)
    return Plan(on, projects, leaders)


def version_date(session: Session, ref: str) -> tuple[date, str]:
    """A version named by its id (as listed) or a date YYYY-MM-DD; returns the date and how to call it."""
    text = ref.strip()
    if text.isdigit():
        version = get_or_fail(session, PlanVersion, int(text), "包保方案版本")
        number = f"（{version.doc_number}）" if version.doc_number else ""
        return version.issued_on, f"{version.name}{number}"
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"“{ref}”既不是方案版本编号，也不是 YYYY-MM-DD 日期。") from exc
    return day, f"{cn_date(day)}的包保方案"


@dataclass(frozen=True)
class PlanDiff:
    before: Plan
    after: Plan
    added: list[str]
    removed: list[tuple[str, str]]  # project, why its assignments ended (as recorded; empty when none was)

    def summary(self) -> str:
        return (f"项目{len(self.before.projects)}个 → {len(self.after.projects)}个（调出{len(self.removed)}个，"
                f"新增{len(self.added)}个）；包保领导{len(self.before.leaders)}名 → {len(self.after.leaders)}名；"
                f"{self.before.load_text()} → {self.after.load_text()}")


def diff(session: Session, before_on: date, after_on: date) -> PlanDiff:
    if after_on <= before_on:
        raise UserError("比较两个版本时，后一个版本的日期应晚于前一个。")
    before, after = plan_on(session, before_on), plan_on(session, after_on)
    gone = [pid for pid in before.projects if pid not in after.projects]
    reasons: dict[int, list[str]] = {}
    if gone:
        for pid, why in session.execute(
                select(Assignment.project_id, Assignment.end_reason)
                .where(Assignment.project_id.in_(gone), Assignment.end_date > before_on,
                       Assignment.end_date <= after_on)):
            if why and why not in reasons.setdefault(pid, []):
                reasons[pid].append(why)
    removed = [(before.projects[pid], "；".join(reasons.get(pid, []))) for pid in gone]
    added = [name for pid, name in after.projects.items() if pid not in before.projects]
    return PlanDiff(before, after, added, removed)
