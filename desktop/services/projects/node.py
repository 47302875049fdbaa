"""One project as the project tree shows it (groups, counts, light). No database here: the start-up first
screen builds these before SQLAlchemy is imported; `project_tree` loads them from the database."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.db.enums import ProjectStage
from desktop.services.figures import Light

GROUPINGS = {"category": "按类别", "task_force": "按项目专班", "leader": "按包保领导", "location": "按街乡",
             "stage": "按阶段"}


@dataclass
class ProjectNode:
    id: int
    code: str
    name: str
    owner: str
    category: str
    task_force: str
    leaders: list[str]
    location: str
    stage: str
    removed: bool
    open_issues: int
    overdue_issues: int
    light: Light

    def group_keys(self, grouping: str) -> list[str]:
        if grouping == "category":
            return [self.category or "未分类"]
        if grouping == "task_force":
            return [self.task_force or "未分专班"]
        if grouping == "leader":
            return self.leaders or ["未安排包保领导"]
        if grouping == "location":
            return [self.location or "未填街乡"]
        return [ProjectStage(self.stage).label]
