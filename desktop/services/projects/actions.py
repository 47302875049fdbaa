"""Key projects: create and edit with validation, take off the list with a reason (动态调整), leader assignments."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.enums import LeaderRole, ProjectStage
from desktop.db.models import Assignment, Leader, Project
from desktop.services import validation as v
from desktop.services.concurrency import check_version
from desktop.services.journal import get_or_fail


@dataclass
class ProjectInput:
    code: str
    name: str
    list_year: int
    stage: str = ProjectStage.PRELIMINARY.value
    category_id: int | None = None
    task_force_id: int | None = None
    lead_unit_id: int | None = None
    owner: str | None = None
    location: str | None = None
    total_investment_yuan: int = 0
    annual_plan_yuan: int = 0
    planned_start: date | None = None
    planned_end: date | None = None
    started_on: date | None = None
    content: str | None = None


def _validate(session: Session, data: ProjectInput, project_id: int | None) -> None:
    problems = [
        v.required(data.code, "项目编号"),
        v.required(data.name, "项目名称"),
        v.required(data.list_year, "年度"),
        v.non_negative(data.total_investment_yuan, "总投资"),
        v.non_negative(data.annual_plan_yuan, "年度计划投资"),
        v.not_before(data.planned_end, data.planned_start, "计划竣工日期", "计划开工日期"),
        v.max_length(data.name, 200, "项目名称"),
        v.max_length(data.code, 32, "项目编号"),
    ]
    if data.annual_plan_yuan and data.total_investment_yuan and data.annual_plan_yuan > data.total_investment_yuan:
        problems.append(v.Problem("年度计划投资", "不能大于总投资"))
    try:
        ProjectStage(data.stage)
    except ValueError:
        problems.append(v.Problem("项目阶段", f"无效的阶段「{data.stage}」"))
    if data.code and data.code.strip():
        clash = session.scalar(select(Project.id).where(Project.code == data.code.strip()))
        if clash is not None and clash != project_id:
            problems.append(v.Problem("项目编号", f"「{data.code.strip()}」已被其他项目使用"))
    v.raise_if_any(problems)


def create_project(session: Session, data: ProjectInput) -> Project:
    _validate(session, data, None)
    project = Project(**{f.name: getattr(data, f.name) for f in fields(data)})
    project.code = data.code.strip()
    project.name = data.name.strip()
    session.add(project)
    session.flush()
    return project


def update_project(session: Session, project_id: int, data: ProjectInput, *,
                   expected_version: int | None = None) -> Project:
    """Save an edit form; `expected_version` (the version the form loaded) guards against a colleague's save
    on a shared server being overwritten unseen."""
    project = get_or_fail(session, Project, project_id, "项目")
    check_version(session, project, expected_version, f"项目「{project.name}」")
    _validate(session, data, project_id)
    for f in fields(data):
        value = getattr(data, f.name)
        setattr(project, f.name, value.strip() if isinstance(value, str) else value)
    session.flush()
    return project


def project_input(project: Project) -> ProjectInput:
    return ProjectInput(**{f.name: getattr(project, f.name) for f in fields(ProjectInput)})


def remove_from_list(session: Session, project_id: int, reason: str, on: date | None = None) -> Project:
    """调出: the project leaves the active list; its row, issues and history stay, shown greyed as 已调出."""
    project = get_or_fail(session, Project, project_id, "项目")
    v.raise_if_any([v.required(reason, "调出原因")])
    if project.removed_on is not None:
        raise v.ValidationError([v.Problem("项目", f"「{project.name}」已于{project.removed_on}调出")])
    project.removed_on = on or date.today()
    project.removed_reason = reason.strip()
    for assignment in project.assignments:
        if assignment.end_date is None:
            assignment.end_date = project.removed_on
            assignment.end_reason = f"项目调出：{reason.strip()}"
    session.flush()
    return project


def restore_to_list(session: Session, project_id: int) -> Project:
    project = get_or_fail(session, Project, project_id, "项目")
    project.removed_on = None
    project.removed_reason = None
    session.flush()
    return project


def assign_leader(session: Session, project_id: int, leader_id: int, role: str = LeaderRole.SUPPORT.value,
                  start: date | None = None) -> Assignment:
    project = get_or_fail(session, Project, project_id, "项目")
    leader = get_or_fail(session, Leader, leader_id, "包保领导")
    LeaderRole(role)
    if any(a.leader_id == leader_id and a.end_date is None for a in project.assignments):
        raise v.ValidationError([v.Problem("包保领导", f"{leader.name}已在包保该项目")])
    assignment = Assignment(project=project, leader=leader, role=role, start_date=start or date.today())
    session.add(assignment)
    session.flush()
    return assignment


def end_assignment(session: Session, assignment_id: int, reason: str, on: date | None = None) -> Assignment:
    """动态调整: the leader stops looking after the project; the record and its reason are kept."""
    assignment = get_or_fail(session, Assignment, assignment_id, "包保关系")
    v.raise_if_any([v.required(reason, "调整原因")])
    day = on or date.today()
    v.raise_if_any([v.not_before(day, assignment.start_date, "结束日期", "开始日期")])
    assignment.end_date = day
    assignment.end_reason = reason.strip()
    session.flush()
    return assignment
