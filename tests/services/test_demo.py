"""The demo data is realistic and complete: every state, escalations, history, leaders with 2–5 projects."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from desktop.credit_code import credit_code_valid
from desktop.db.models import (
    Assignment,
    Enterprise,
    Escalation,
    InvestmentReport,
    Issue,
    Meeting,
    Milestone,
    Project,
    Visit,
)


def test_demo_contents(demo_workspace) -> None:
    with demo_workspace.db.read() as s:
        assert s.scalar(select(func.count(Project.id))) == 100
        statuses = Counter(s.scalars(select(Issue.status)))
        assert set(statuses) == {"new", "assigned", "phased", "resolved", "closed"}
        assert s.scalar(select(func.count(Escalation.id))) > 20
        assert s.scalar(select(func.count(Meeting.id))) == 3
        assert s.scalar(select(func.count(Visit.id))) > 250
        assert s.scalar(select(func.count(Milestone.id))) == 400
        assert s.scalar(select(func.count(InvestmentReport.id))) > 500
        codes = list(s.scalars(select(Enterprise.credit_code)))
        assert len(codes) >= 300 and all(credit_code_valid(c) for c in codes)
        per_leader = Counter(s.scalars(select(Assignment.leader_id).where(Assignment.end_date.is_(None))))
        assert all(2 <= n <= 5 for n in per_leader.values())
        ended = s.scalars(select(Assignment).where(Assignment.end_reason.is_not(None))).all()
        assert any(a.end_reason == "人员调整" for a in ended)
        categories = {p.category.name for p in s.scalars(select(Project))}
        assert categories == {"产业项目", "社会事业项目", "城乡基础设施项目", "新城基地"}
