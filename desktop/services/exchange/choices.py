"""What the export dialog offers: the task forces, leaders and units a package can be scoped to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Leader, TaskForce, Unit
from desktop.services.exchange.selection import ScopeKind


def scope_targets(session: Session, kind: ScopeKind) -> list[tuple[int, str]]:
    """(id, name) pairs for a scope that needs a target; empty for the others."""
    if kind is ScopeKind.TASK_FORCE:
        rows = session.execute(select(TaskForce.id, TaskForce.name).order_by(TaskForce.sort_order, TaskForce.id))
    elif kind is ScopeKind.LEADER:
        rows = session.execute(select(Leader.id, Leader.name).where(Leader.active.is_(True))
                               .order_by(Leader.sort_order, Leader.id))
    elif kind is ScopeKind.UNIT:
        rows = session.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.name))
    else:
        return []
    return [(row_id, name) for row_id, name in rows]
