"""A believable year of key-project service work, generated through the same services users call.

Deterministic (fixed seed) so tests can rely on it. The decided items reproduce 小店's year: three 推进会 with
16, 8 and 10 decided items, 33 of 34 done (办结率 97.06%). Everything else — ~100 projects in four categories,
leaders with 4 projects each, ~300 issues in every state (overdue and escalated ones included), visits, monthly
investment, milestones and a few hundred enterprises — is sized like the reports describe.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from desktop.credit_code import credit_code_check_char
from desktop.db.enums import CategoryKind, Feedback, IssueLevel, LeaderRole, MeetingType, ProjectStage
from desktop.db.models import (
    Category,
    Enterprise,
    InvestmentReport,
    Leader,
    Milestone,
    Person,
    TaskForce,
    Unit,
    Visit,
)
from desktop.services.demo import names as N
from desktop.services.issues import actions as issues
from desktop.services.meetings import actions as meetings
from desktop.services.projects import actions as projects

YI = 100_000_000
WAN = 10_000


@dataclass
class DemoSummary:
    projects: int
    issues: int
    meetings: int
    decisions: int
    visits: int
    enterprises: int


def demo_year(today: date) -> int:
    """The demo shows a year whose three meetings are already past: this year from August 13 on, else last year."""
    return today.year if today >= date(today.year, 8, 13) else today.year - 1


def _rand_date(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _person_name(rng: random.Random) -> str:
    return rng.choice(N.SURNAMES) + rng.choice(N.GIVEN)


def _credit_code(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + "140105" + "".join(rng.choice(alphabet) for _ in range(9))
    return body + credit_code_check_char(body)


def load_demo(session: Session, today: date | None = None, *, seed: int = 20221231) -> DemoSummary:
    today = today or date.today()
    year = demo_year(today)
    horizon = min(today, date(year, 12, 31))
    rng = random.Random(seed)
    session.info["operator"] = "演示数据"

    project_cats = [Category(kind=CategoryKind.PROJECT.value, name=n, sort_order=i)
                    for i, n in enumerate(N.PROJECT_CATEGORIES)]
    issue_cats = [Category(kind=CategoryKind.ISSUE.value, name=n, sort_order=i)
                  for i, n in enumerate(N.ISSUE_CATEGORIES)]
    session.add_all(project_cats + issue_cats)

    # Only units that can lead or support an item: 市级部门, 区级部门 and 街道（乡） are how the list is ordered
    # (sort_order), not units, and as rows they were offered as a 责任单位 in every unit chooser.
    units: list[Unit] = []
    for i, name in enumerate(N.CITY_UNITS):
        units.append(Unit(name=name, kind="部门", sort_order=10 + i))
    for i, name in enumerate(N.DISTRICT_UNITS):
        units.append(Unit(name=name, kind="部门", sort_order=100 + i))
    street_units = [Unit(name=f"{s}办事处" if s.endswith("街道") else f"{s}人民政府", kind="街乡",
                         sort_order=200 + i) for i, s in enumerate(N.STREETS)]
    units += street_units
    session.add_all(units)
    handling_units = [u for u in units if u.name not in ("市总调度室",)]

    people: dict[str, list[Person]] = {}
    for unit in units:
        for title in ("局长" if unit.kind == "部门" else "主任", "科长"):
            person = Person(name=_person_name(rng), unit=unit, title=title,
                            phone=f"1{rng.choice('35789')}{rng.randrange(10**8, 10**9)}")
            people.setdefault(unit.name, []).append(person)
            session.add(person)

    leaders = [Leader(name=_person_name(rng), title=N.LEADER_TITLES[i % len(N.LEADER_TITLES)], sort_order=i)
               for i in range(25)]
    session.add_all(leaders)
    task_forces = [TaskForce(name=n, leader=leaders[i + 2], sort_order=i) for i, n in enumerate(N.TASK_FORCES)]
    session.add_all(task_forces)
    session.flush()

    # Projects: named ones from the reports first, then generated names.
    project_specs: list[tuple[str, int]] = list(N.NAMED_PROJECTS)
    counters = dict.fromkeys(range(4), 0)
    while len(project_specs) < 100:
        cat = rng.choices(range(4), weights=(34, 28, 30, 8))[0]
        kinds = N.PROJECT_KINDS[cat]
        name = f"{rng.choice(N.STREETS)[:2]}{rng.choice(N.PROJECT_PREFIXES)}{kinds[counters[cat] % len(kinds)]}"
        counters[cat] += 1
        if name not in {p for p, _ in project_specs}:
            project_specs.append((name, cat))

    stages = [ProjectStage.NEW_START, ProjectStage.CONTINUING, ProjectStage.PRELIMINARY, ProjectStage.COMPLETED,
              ProjectStage.PLANNING]
    created = []
    for index, (name, cat) in enumerate(project_specs, start=1):
        stage = rng.choices(stages, weights=(35, 40, 12, 8, 5))[0]
        total = rng.randrange(1 * YI, 50 * YI, 10 * WAN)
        plan = 0 if stage is ProjectStage.PLANNING else int(total * rng.uniform(0.15, 0.45)) // WAN * WAN
        planned_start = _rand_date(rng, date(year, 2, 1), date(year, 9, 30))
        started_on = None
        if stage in (ProjectStage.CONTINUING, ProjectStage.COMPLETED):
            started_on = _rand_date(rng, date(year, 2, 15), date(year, 4, 30))
        elif stage is ProjectStage.NEW_START and rng.random() < 0.75 and planned_start <= horizon:
            started_on = min(horizon, planned_start + timedelta(days=rng.randrange(0, 40)))
        project = projects.create_project(session, projects.ProjectInput(
            code=f"{year}-{index:03d}", name=name, list_year=year, stage=stage.value,
            category_id=project_cats[cat].id, task_force_id=task_forces[index % 4].id,
            lead_unit_id=rng.choice(handling_units).id, owner=f"{rng.choice(N.ENTERPRISE_WORDS)}{rng.choice(N.OWNERS)}",
            location=rng.choice(N.STREETS), total_investment_yuan=total, annual_plan_yuan=plan,
            planned_start=planned_start, planned_end=date(year + rng.randrange(1, 4), rng.randrange(1, 13), 28),
            started_on=started_on, content=f"总建筑面积约{rng.randrange(2, 60)}万平方米，建设{name.removesuffix('项目')}及配套设施。",
        ))
        created.append(project)
        leader = leaders[(index - 1) // 4]
        projects.assign_leader(session, project.id, leader.id, LeaderRole.LEAD.value, date(year, 3, 4))
        for m_index, (m_name, month) in enumerate((("开工", 3), ("主体封顶", 8), ("竣工验收", 11), ("投用", 12))):
            planned = date(year, month, rng.randrange(1, 28))
            actual = None
            if planned <= horizon and rng.random() < 0.7:
                actual = min(horizon, planned + timedelta(days=rng.randrange(-10, 30)))
            session.add(Milestone(project=project, name=m_name, planned_date=planned, actual_date=actual,
                                  sort_order=m_index))
        _investment(session, rng, project.id, plan, year, horizon, stage)

    # 动态调整: a couple of projects were taken off the list, as 小店 did in August.
    for project in created[-2:]:
        projects.remove_from_list(session, project.id, "不具备开工条件，动态调整调出", date(year, 8, 5))
    # A leader handed one project over to another mid-year.
    first = created[5].assignments[0]
    projects.end_assignment(session, first.id, "人员调整", date(year, 8, 5))
    projects.assign_leader(session, created[5].id, leaders[24].id, LeaderRole.LEAD.value, date(year, 8, 5))

    enterprises = _enterprises(session, rng, people, 320)
    # 一带三包 (feat/field): each leader with a team serves a share of the enterprises; no random draws here,
    # so the rest of the demo stays exactly as it was
    for i, enterprise in enumerate(enterprises):
        enterprise.leader_id = leaders[i % len(leaders)].id
        enterprise.team = f"第{'一二三'[i // len(leaders) % 3]}工作组"
    visit_rows = _visits(session, rng, leaders, created, enterprises, year, horizon)
    issue_count = _issues(session, rng, created, issue_cats, handling_units, people, visit_rows, year, horizon, today)
    decision_count = _meetings(session, rng, created, handling_units, people, year, today)
    session.flush()
    return DemoSummary(projects=len(created), issues=issue_count, meetings=3, decisions=decision_count,
                       visits=len(visit_rows), enterprises=len(enterprises))


def _investment(session: Session, rng: random.Random, project_id: int, plan: int, year: int, horizon: date,
                stage: ProjectStage) -> None:
    if stage is ProjectStage.PLANNING or plan == 0:
        return
    last_month = horizon.month - 1 if horizon.year == year and horizon.month < 12 else 12
    pace = rng.uniform(0.3, 0.8) if stage is ProjectStage.PRELIMINARY else rng.choice((0.6, 0.9, 1.0, 1.05, 1.15, 1.3))
    late = rng.random() < 0.08
    for month in range(1, last_month + 1):
        if late and month == last_month:
            continue
        amount = int(plan / 12 * pace * rng.uniform(0.6, 1.4)) // WAN * WAN
        session.add(InvestmentReport(project_id=project_id, year=year, month=month, amount_yuan=amount))


def _enterprises(session: Session, rng: random.Random, people: dict[str, list[Person]], count: int) -> list[Enterprise]:
    cadres = [p for group in people.values() for p in group]
    rows, seen = [], set()
    while len(rows) < count:
        name = f"太原{rng.choice(N.ENTERPRISE_WORDS)}{rng.choice(N.ENTERPRISE_WORDS)}{rng.choice(N.ENTERPRISE_TAILS)}"
        if name in seen:
            continue
        seen.add(name)
        rows.append(Enterprise(
            name=name, credit_code=_credit_code(rng), industry=rng.choice(N.INDUSTRIES),
            address=f"{rng.choice(N.STREETS)}{rng.randrange(1, 300)}号", location=rng.choice(N.STREETS),
            contact=_person_name(rng), phone=f"0351-{rng.randrange(1000000, 9999999)}",
            size_flags=rng.choice(("四上企业", "规上工业", "限上商贸", "", "")) or None, cadre=rng.choice(cadres),
        ))
    session.add_all(rows)
    session.flush()
    return rows


def _visits(session: Session, rng: random.Random, leaders: list[Leader], created: list, enterprises: list[Enterprise],
            year: int, horizon: date) -> list[Visit]:
    rows = []
    for i in range(296):
        leader = leaders[i % len(leaders)]
        own = [p for p in created if any(a.leader_id == leader.id for a in p.assignments)] or created
        project = rng.choice(own)
        with_enterprise = rng.random() < 0.15
        rows.append(Visit(
            visited_on=_rand_date(rng, date(year, 3, 5), horizon), leader=leader,
            companions="区发改局、所在街道负责同志", project_id=None if with_enterprise else project.id,
            enterprise_id=rng.choice(enterprises).id if with_enterprise else None,
            content=rng.choice(("深入项目现场，听取项目进展情况汇报，协调解决推进中的困难和问题。",
                                "实地查看施工进度，督促加快形象进度，确保按期完成年度目标。",
                                "走访企业，了解生产经营情况和诉求，宣传惠企政策。")),
        ))
    session.add_all(rows)
    session.flush()
    return rows


def _issues(session: Session, rng: random.Random, created: list, issue_cats: list[Category], units: list[Unit],
            people: dict[str, list[Person]], visits: list[Visit], year: int, horizon: date, today: date) -> int:
    plan = (["new"] * 22 + ["assigned"] * 95 + ["phased"] * 15 + ["resolved"] * 58 + ["closed"] * 110)
    rng.shuffle(plan)
    project_visits = [v for v in visits if v.project_id]
    for target in plan:
        visit = rng.choice(project_visits) if rng.random() < 0.6 else None
        project_id = visit.project_id if visit else rng.choice(created[:-2]).id
        found_on = visit.visited_on if visit else _rand_date(rng, date(year, 3, 5), horizon)
        cat = rng.choice(issue_cats)
        description = rng.choice(N.ISSUE_TEMPLATES[cat.name])
        issue = issues.create_issue(session, issues.IssueInput(
            description=description, found_on=found_on, project_id=project_id, category_id=cat.id,
            found_by=visit.leader.name if visit and visit.leader else "包保办", source="visit" if visit else "other",
            visit_id=visit.id if visit else None,
        ))
        if target == "new":
            continue
        unit = rng.choice(units)
        overdue = target in ("assigned", "phased") and rng.random() < 0.3
        if overdue:
            deadline = max(found_on + timedelta(days=5), today - timedelta(days=rng.randrange(3, 60)))
            if deadline >= today:
                deadline = found_on + timedelta(days=1)
        elif target in ("assigned", "phased") and rng.random() < 0.2:
            deadline = max(found_on, today + timedelta(days=rng.randrange(0, 7)))
        else:
            deadline = found_on + timedelta(days=rng.choice((15, 30, 45, 60, 90)))
        supporting = [u.id for u in rng.sample(units, rng.choice((0, 0, 1, 2)))]
        issues.assign(session, issue.id, unit.id, deadline, person_id=rng.choice(people[unit.name]).id,
                      supporting_unit_ids=[s for s in supporting if s != unit.id], on=found_on)
        step_day = min(today, found_on + timedelta(days=rng.randrange(2, 20)))
        if rng.random() < 0.18:
            to = rng.choice((IssueLevel.TASK_FORCE, IssueLevel.DISTRICT, IssueLevel.CITY))
            issues.escalate(session, issue.id, to.value, "涉及多个部门职能，需上级统筹协调", on=step_day)
        issues.add_progress(session, issue.id, rng.choice(N.PROGRESS_TEMPLATES), on=step_day)
        if target == "phased":
            issues.mark_phased(session, issue.id, "受客观条件限制，已向企业解释说明，制定分阶段推进计划", on=step_day)
        if target in ("resolved", "closed"):
            done_day = min(today, step_day + timedelta(days=rng.randrange(1, 40)))
            issues.resolve(session, issue.id, "问题已协调解决，企业已确认。", on=done_day)
            if target == "closed":
                feedback = rng.choices((Feedback.SATISFIED, Feedback.BASICALLY), weights=(8, 2))[0]
                issues.close(session, issue.id, feedback.value, on=min(today, done_day + timedelta(days=3)))
    return len(plan)


def _meetings(session: Session, rng: random.Random, created: list, units: list[Unit],
              people: dict[str, list[Person]], year: int, today: date) -> int:
    dates = (datetime(year, 3, 29, 9, 0), datetime(year, 5, 26, 9, 0), datetime(year, 8, 12, 15, 0))
    total = 0
    for number, (held_at, count) in enumerate(zip(dates, N.DECISIONS_BY_MEETING, strict=True), start=1):
        meeting = meetings.create_meeting(session, meetings.MeetingInput(
            kind=MeetingType.PROGRESS.value, title=f"重点项目包保工作第{'一二三'[number - 1]}次推进会",
            held_at=held_at, number=number, place="区政府第一会议室", chair="区委副书记、区长",
            attendees="各包保区领导，区发改局、区住建局、区自然资源分局等责任单位主要负责同志", recorder="包保办",
        ))
        meeting.cc = "区委办公室，区人大常委会办公室，区政府办公室，区政协办公室"
        meeting.issuer = None  # printed under the office's one name (文档设置), like every other document
        meeting.issued_on = (held_at + timedelta(days=2)).date()
        for i in range(count):
            project = rng.choice(created[:-2])
            unit = rng.choice(units)
            last = number == 3 and i == count - 1
            text = N.OPEN_DECISION if last else rng.choice(N.DECISION_TEMPLATES).format(
                p=project.name, u=unit.name, d=f"{(held_at + timedelta(days=60)).month}月底")
            deadline = date(year + 1, 8, 31) if last else (held_at + timedelta(days=rng.choice((30, 45, 60)))).date()
            decision = meetings.add_decision(session, meeting.id, meetings.DecisionInput(
                text=text, lead_unit_id=unit.id, deadline=deadline, project_id=project.id,
                person_id=rng.choice(people[unit.name]).id,
            ))
            total += 1
            if last:
                meetings.add_progress(session, decision.id, "正在按照时间节点推进，主体结构已完成。", on=min(today, date(year, 11, 20)))
                continue
            done_day = min(today, held_at.date() + timedelta(days=rng.randrange(10, 50)))
            meetings.resolve(session, decision.id, "已按期完成。", on=done_day)
            if rng.random() < 0.6:
                meetings.close(session, decision.id, Feedback.SATISFIED.value, on=done_day)
    return total
