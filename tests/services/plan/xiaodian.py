"""小店's 2022 as the seed (004) tells it, built through the models for the plan and summary tests."""

from __future__ import annotations

from datetime import date

from desktop.db.models import Assignment, Leader, Project

PLAN = date(2022, 3, 4)
REVISION = date(2022, 8, 5)


def build_plan(session) -> None:  # type: ignore[no-untyped-def]
    """25 leaders with 3, 3, 3, 2, 4, … projects (75); on the revision 12 projects leave (2 竣工, 10 不具备条件)
    and 35 join; 22 leaders then carry 4 (12 of them) or 5 (10 of them), 98 in all."""
    leaders = [Leader(name=f"领导{n:02d}", sort_order=n) for n in range(1, 26)]
    projects = [Project(code=f"2022-{n:03d}", name=f"项目{n:03d}", list_year=2022, stage="continuing")
                for n in range(1, 111)]
    session.add_all(leaders + projects)
    session.flush()
    loads_before = [3] * 21 + [2, 2, 4, 4]  # 63 + 4 + 8 = 75
    it = iter(projects[:75])
    first: dict[int, Leader] = {}
    for leader, load in zip(leaders, loads_before, strict=True):
        for _ in range(load):
            project = next(it)
            first[project.id] = leader
            session.add(Assignment(project_id=project.id, leader_id=leader.id, role="lead", start_date=PLAN))
    session.flush()
    for project in projects[:2]:
        for a in session.query(Assignment).filter_by(project_id=project.id):
            a.end_date, a.end_reason = REVISION, "项目已竣工"
    for project in projects[2:12]:
        for a in session.query(Assignment).filter_by(project_id=project.id):
            a.end_date, a.end_reason = REVISION, "不具备推进条件，调出"
    # After the revision: the 63 remaining + 35 new = 98, re-spread over the first 22 leaders: 12×4 + 10×5.
    remaining = projects[12:75] + projects[75:110]
    for a in session.query(Assignment).filter(Assignment.end_date.is_(None)):
        a.end_date, a.end_reason = REVISION, "方案调整，重新分配"
    loads_after = [4] * 12 + [5] * 10
    it = iter(remaining)
    for leader, load in zip(leaders[:22], loads_after, strict=True):
        for _ in range(load):
            project = next(it)
            session.add(Assignment(project_id=project.id, leader_id=leader.id, role="lead", start_date=REVISION))
    session.flush()




OPEN_ITEM = "融创中心项目方加快小学施工进度，确保2023年9月份开学时新建小学正常投入使用"
MEETINGS = ((date(2022, 3, 29), 8, 16), (date(2022, 5, 26), 4, 8), (date(2022, 8, 12), 3, 10))
SOLVED = (("紫云府项目", "用地范围内违建拆除"), ("山西体育职业学院新址", "用地迁坟"),
          ("聚盛合日日顺智慧仓储物流基地项目", "土源不足"))


def build_year(session) -> None:  # type: ignore[no-untyped-def]
    """The plan, then three 推进会 (8/4/3 projects studied, 16/8/10 items decided, all done but OPEN_ITEM),
    297 包保活动, three problems resolved by 区住建局, 106 简报 and 9 通报 issued in 2022."""
    from datetime import datetime

    from desktop.db.models import AgendaItem, Briefing, Decision, Issue, Meeting, Unit, Visit

    build_plan(session)
    projects = session.query(Project).order_by(Project.id).all()
    unit = Unit(name="区住建局")
    session.add(unit)
    session.flush()
    last = len(MEETINGS)
    for number, (held, studied, decided) in enumerate(MEETINGS, 1):
        meeting = Meeting(kind="progress", year=2022, number=number, title=f"第{number}次推进会",
                          held_at=datetime(held.year, held.month, held.day, 9))
        session.add(meeting)
        session.flush()
        chosen = projects[number * 10:number * 10 + studied]
        for order, project in enumerate(chosen):
            session.add(AgendaItem(meeting_id=meeting.id, sort_order=order, topic=f"{project.name}存在的问题",
                                   project_id=project.id))
        for seq in range(1, decided + 1):
            is_open = number == last and seq == decided
            session.add(Decision(meeting_id=meeting.id, seq=seq, text=OPEN_ITEM if is_open else f"议定事项{number}-{seq}",
                                 project_id=chosen[seq % studied].id, lead_unit_id=unit.id,
                                 status="assigned" if is_open else "closed",
                                 resolved_on=None if is_open else date(2022, 11, 30),
                                 closed_on=None if is_open else date(2022, 12, 5),
                                 feedback=None if is_open else "satisfied"))
    for n in range(297):
        session.add(Visit(visited_on=date(2022, 3, 5) + (date(2022, 12, 20) - date(2022, 3, 5)) * n // 297,
                          project_id=projects[n % 98 + 12].id, content="包保活动"))
    names = {p.name: p for p in projects}
    for index, (project_name, problem) in enumerate(SOLVED):
        project = names.get(project_name) or Project(code=f"S-{index}", name=project_name, list_year=2022,
                                                     stage="continuing")
        session.add(project)
        session.flush()
        session.add(Issue(project_id=project.id, description=problem, found_on=date(2022, 4, 1), status="resolved",
                          lead_unit_id=unit.id, deadline=date(2022, 6, 30), resolved_on=date(2022, 6, 1 + index)))
    for kind, count in (("briefing", 106), ("notice", 9)):
        for number in range(1, count + 1):
            session.add(Briefing(kind=kind, year=2022, number=number, title=f"第{number}期", body="",
                                 issued_on=date(2022, 1, 1) + (date(2022, 12, 30) - date(2022, 1, 1)) * number // count))
    session.flush()
