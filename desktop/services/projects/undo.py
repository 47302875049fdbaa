"""Undo and redo of the project steps of the main window (调出名单, 保存 on the project page), each writing its own
操作日志 row (`undo_log`) beside the field changes the audit hook logs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import date

from sqlalchemy.orm import Session

from desktop.db.models import Project
from desktop.services import undo_log
from desktop.services.journal import get_or_fail
from desktop.services.projects import actions
from desktop.services.projects.actions import ProjectInput
from desktop.services.projects.page import MilestoneInput, page_state, save_project_page

FIELDS = (*(f.name for f in fields(ProjectInput)), "removed_on", "removed_reason")
REMOVE = "调出名单"


def values(session: Session, project_id: int) -> dict[str, object]:
    project = get_or_fail(session, Project, project_id, "项目")
    return {name: getattr(project, name) for name in FIELDS}


def undo_removal(session: Session, project_id: int) -> None:
    """Back on the list; the leader assignments the removal ended stay ended (they are history)."""
    old = values(session, project_id)
    actions.restore_to_list(session, project_id)
    undo_log.record(session, "undo", "project", project_id, REMOVE, old, values(session, project_id))


def redo_removal(session: Session, project_id: int, reason: str, on: date | None) -> None:
    old = values(session, project_id)
    actions.remove_from_list(session, project_id, reason, on)
    undo_log.record(session, "redo", "project", project_id, REMOVE, old, values(session, project_id))


def save_page(session: Session, action: str, step: str, project_id: int, data: ProjectInput,
              milestones: list[MilestoneInput], today: date) -> None:
    """Save a project page state again (the state before an edit for undo, the edit for redo)."""
    old = values(session, project_id)
    old_milestones = page_state(session, project_id)[1]
    save_project_page(session, project_id, data, milestones, today)
    extra = []
    if _milestones_text(old_milestones) != _milestones_text(milestones):
        extra.append(("形象进度节点", _milestones_text(old_milestones), _milestones_text(milestones)))
    undo_log.record(session, action, "project", project_id, step, old, values(session, project_id), extra)


def _milestones_text(rows: Sequence[MilestoneInput]) -> str:
    def one(m: MilestoneInput) -> str:
        dates = "，".join(p for p in (f"计划{m.planned}" if m.planned else "", f"实际{m.actual}" if m.actual else "")
                         if p)
        return f"{m.name.strip()}" + (f"（{dates}）" if dates else "")

    return "、".join(one(m) for m in rows)
