"""Databases of benchmark sizes, written in bulk through SQLAlchemy Core (the services would take an hour at city
size). Rows are shaped like the demo: same vocabulary, every state, overdue and escalated issues.

Sizes: district (100 projects, 1k issues), city (2k projects, 100k issues, 5k meetings, 20k enterprises).
Every issue has its own text (`issue_text`): a real ledger repeats almost no description, and 100k copies of 24
shared strings made the city's memory figure 40 MB lighter than a real office's.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop.credit_code import credit_code_check_char
from desktop.db.models import (
    Assignment,
    Category,
    Decision,
    Enterprise,
    InvestmentReport,
    Issue,
    IssueNote,
    Leader,
    Meeting,
    Person,
    Project,
    TaskForce,
    Unit,
    Visit,
)
from desktop.services.demo import names as N
from desktop.workspace import Workspace, open_workspace


@dataclass(frozen=True)
class Size:
    name: str
    projects: int
    issues: int
    meetings: int
    enterprises: int
    visits: int


SIZES = {
    "district": Size("district", 100, 1_000, 20, 500, 300),
    "city": Size("city", 2_000, 100_000, 5_000, 20_000, 6_000),
}
YEAR = 2026
TODAY = date(2026, 11, 25)
DATASET_VERSION = 2  # part of the cache folder's name: a change of the generated rows builds a fresh database
WHERE = ("项目东侧", "项目西侧", "南区地块", "北区地块", "二期地块", "主体施工区", "配套区", "出入口处", "厂区内",
         "红线外")
DETAILS = ("涉及{n}户群众", "影响约{n}米管线施工", "涉及{n}亩用地", "影响{n}台设备进场", "已拖延{n}天",
           "涉及资金约{n}万元", "影响{n}名工人进场", "涉及{n}处点位", "需协调{n}个部门", "影响{n}号楼施工")
STATUSES = ("new", "assigned", "assigned", "phased", "resolved", "closed", "closed")
LEVELS = ("site", "site", "site", "task_force", "district", "city")


def issue_text(rng: random.Random, template: str, project_name: str, seen: set[str]) -> str:
    """A description of its own for one issue: where on which project, the problem, and a detail with a figure
    (as 台账 texts are written), never one already given to another issue."""
    for _ in range(20):
        text = (f"{project_name}{rng.choice(WHERE)}{template}，"
                f"{rng.choice(DETAILS).format(n=rng.randrange(2, 400))}")
        if text not in seen:
            break
    else:
        text = f"{text}（{len(seen) + 1}）"
    seen.add(text)
    return text


def _progress(rng: random.Random, found: date) -> str:
    on = min(TODAY, found + timedelta(days=rng.randrange(1, 60)))
    return f"{on.month}月{on.day}日，{rng.choice(N.PROGRESS_TEMPLATES)}"


def _base(now: datetime) -> dict:
    return {"created_at": now, "updated_at": now, "version": 1}


def _rows(model, rows: list[dict], conn, chunk: int = 5000) -> None:
    for start in range(0, len(rows), chunk):
        conn.execute(insert(model), rows[start:start + chunk])


def build(folder: Path, size: Size, *, seed: int = 7) -> Workspace:
    """Create (or reuse) a database of `size` in `folder`."""
    workspace = open_workspace(folder, operator="基准测试")
    if not workspace.is_empty():
        return workspace
    rng = random.Random(seed)
    now = datetime(2026, 11, 1, 9, 0)
    b = _base(now)

    def uid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128))

    with workspace.db.engine.begin() as conn:
        _rows(Category, [{**b, "uuid": uid(), "id": i + 1, "kind": "project", "name": n, "sort_order": i,
                          "active": True} for i, n in enumerate(N.PROJECT_CATEGORIES)], conn)
        _rows(Category, [{**b, "uuid": uid(), "id": 10 + i, "kind": "issue", "name": n, "sort_order": i,
                          "active": True} for i, n in enumerate(N.ISSUE_CATEGORIES)], conn)
        unit_names = list(N.CITY_UNITS + N.DISTRICT_UNITS) + [f"{s}办事处" for s in N.STREETS]
        unit_names += [f"第{i}街道办事处" for i in range(max(0, size.projects // 20))]
        _rows(Unit, [{**b, "uuid": uid(), "id": i + 1, "name": n, "sort_order": i} for i, n in enumerate(unit_names)],
              conn)
        n_units = len(unit_names)
        _rows(Person, [{**b, "uuid": uid(), "id": i + 1, "name": rng.choice(N.SURNAMES) + rng.choice(N.GIVEN),
                        "unit_id": i % n_units + 1, "title": "科长"} for i in range(n_units * 2)], conn)
        n_leaders = max(25, size.projects // 4)
        _rows(Leader, [{**b, "uuid": uid(), "id": i + 1, "name": rng.choice(N.SURNAMES) + rng.choice(N.GIVEN),
                        "title": N.LEADER_TITLES[i % len(N.LEADER_TITLES)], "sort_order": i, "active": True}
                       for i in range(n_leaders)], conn)
        _rows(TaskForce, [{**b, "uuid": uid(), "id": i + 1, "name": n, "sort_order": i}
                          for i, n in enumerate(N.TASK_FORCES)], conn)
        projects = []
        for i in range(size.projects):
            cat = rng.randrange(4)
            kinds = N.PROJECT_KINDS[cat]
            plan = rng.randrange(2_000, 200_000) * 10_000
            projects.append({
                **b, "uuid": uid(), "id": i + 1, "code": f"{YEAR}-{i + 1:05d}",
                "name": f"{rng.choice(N.STREETS)[:2]}{rng.choice(N.PROJECT_PREFIXES)}{rng.choice(kinds)}{i + 1}号",
                "list_year": YEAR, "category_id": cat + 1, "task_force_id": i % 4 + 1,
                "lead_unit_id": rng.randrange(n_units) + 1, "owner": f"{rng.choice(N.ENTERPRISE_WORDS)}{N.OWNERS[0]}",
                "location": rng.choice(N.STREETS), "stage": rng.choice(("new_start", "continuing", "preliminary")),
                "total_investment_yuan": plan * 4, "annual_plan_yuan": plan,
                "started_on": date(YEAR, rng.randrange(2, 6), 1) if rng.random() < 0.8 else None,
            })
        _rows(Project, projects, conn)
        _rows(Assignment, [{**b, "uuid": uid(), "project_id": p["id"], "leader_id": (p["id"] - 1) // 4 % n_leaders + 1,
                            "role": "lead", "start_date": date(YEAR, 3, 4)} for p in projects], conn)
        _rows(InvestmentReport, [{**b, "uuid": uid(), "project_id": p["id"], "year": YEAR, "month": m,
                                  "amount_yuan": int(p["annual_plan_yuan"] / 12 * rng.uniform(0.5, 1.4)) // 10_000 * 10_000}
                                 for p in projects for m in range(1, 11)], conn)
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        enterprises = []
        for i in range(size.enterprises):
            body = "91140105" + "".join(rng.choice(alphabet) for _ in range(9))
            enterprises.append({**b, "uuid": uid(), "id": i + 1,
                                "name": f"{rng.choice(N.ENTERPRISE_WORDS)}{rng.choice(N.ENTERPRISE_WORDS)}{i}{rng.choice(N.ENTERPRISE_TAILS)}",
                                "credit_code": body + credit_code_check_char(body), "industry": rng.choice(N.INDUSTRIES),
                                "location": rng.choice(N.STREETS), "contact": rng.choice(N.SURNAMES) + rng.choice(N.GIVEN)})
        _rows(Enterprise, enterprises, conn)
        _rows(Visit, [{**b, "uuid": uid(), "id": i + 1, "visited_on": date(YEAR, 3, 1) + timedelta(days=rng.randrange(260)),
                       "leader_id": rng.randrange(n_leaders) + 1, "project_id": rng.randrange(size.projects) + 1,
                       "content": "深入项目现场，协调解决推进中的困难和问题。"} for i in range(size.visits)], conn)
        issues, notes = [], []
        texts: set[str] = set()
        for i in range(size.issues):
            status = rng.choice(STATUSES)
            found = date(YEAR, 1, 5) + timedelta(days=rng.randrange(320))
            cat = rng.choice(N.ISSUE_CATEGORIES)
            project = projects[rng.randrange(size.projects)]
            assigned = status != "new"
            deadline = found + timedelta(days=rng.choice((15, 30, 60, 90))) if assigned else None
            done = status in ("resolved", "closed")
            issues.append({
                **b, "uuid": uid(), "id": i + 1, "project_id": project["id"],
                "category_id": 10 + N.ISSUE_CATEGORIES.index(cat),
                "description": issue_text(rng, rng.choice(N.ISSUE_TEMPLATES[cat]), project["name"], texts),
                "found_on": found, "status": status, "level": rng.choice(LEVELS),
                "lead_unit_id": rng.randrange(n_units) + 1 if assigned else None,
                "person_id": rng.randrange(n_units * 2) + 1 if assigned else None, "deadline": deadline,
                "latest_progress": _progress(rng, found) if assigned else None,
                "resolved_on": min(TODAY, found + timedelta(days=20)) if done else None,
                "closed_on": min(TODAY, found + timedelta(days=25)) if status == "closed" else None,
                "feedback": "satisfied" if status == "closed" else None,
            })
            notes.append({**b, "uuid": uid(), "issue_id": i + 1, "kind": "found", "noted_on": found,
                          "text": "发现问题", "operator": "基准测试"})
        _rows(Issue, issues, conn)
        _rows(IssueNote, notes, conn)
        meetings, decisions = [], []
        for i in range(size.meetings):
            held = datetime(YEAR, 1, 10, 9) + timedelta(days=rng.randrange(300))
            meetings.append({**b, "uuid": uid(), "id": i + 1, "kind": ("progress", "dispatch", "special", "weekly")[i % 4],
                             "year": YEAR, "number": i // 4 + 1, "title": f"第{i // 4 + 1}次会议", "held_at": held,
                             "place": "区政府会议室"})
            for s in range(1, 4):
                decisions.append({**b, "uuid": uid(), "meeting_id": i + 1, "seq": s, "text": "协调解决项目推进问题",
                                  "lead_unit_id": rng.randrange(n_units) + 1,
                                  "deadline": (held + timedelta(days=30)).date(),
                                  "status": rng.choice(("assigned", "resolved", "closed")),
                                  "resolved_on": (held + timedelta(days=20)).date()})
        for d in decisions:
            if d["status"] == "assigned":
                d["resolved_on"] = None
        _rows(Meeting, meetings, conn)
        _rows(Decision, decisions, conn)
    return workspace
