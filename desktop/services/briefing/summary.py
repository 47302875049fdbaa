"""年度工作总结 (and 半年总结) drafted from the data, in the register offices use (seed 004: "一年来，……").

Every figure is read, none is typed: the plan and its revisions (services/plan), the 推进会 held with the projects
each studied and the items each decided, how many of those items are done and the open ones named in full, the 包保
活动 recorded, the problems resolved named by project, the units that resolved most, the 简报 and 通报 issued. What
the data cannot know — next year's focus — is left to the clerk as a marked line, and the draft is edited like a 简报
before it is printed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.enums import BriefingKind, IssueStatus, MeetingType
from desktop.db.models import (
    AgendaItem,
    Briefing,
    Decision,
    Issue,
    Meeting,
    PlanVersion,
    Project,
    Unit,
    Visit,
)
from desktop.services.briefing.draft import Draft
from desktop.services.figures import Rate
from desktop.services.journal import cn_date
from desktop.services.plan.versions import diff, plan_on

_DONE = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)
_CN = "一二三四五六七八九十"
NEXT_YEAR_MARK = "（此处由办公室填写下一步工作打算）"


def _ordinal(n: int) -> str:
    return f"第{_CN[n - 1]}次" if 1 <= n <= 10 else f"第{n}次"


@dataclass(frozen=True)
class VersionFacts:
    name: str
    doc_number: str
    on: date
    projects: int
    load_text: str
    before_projects: int | None = None  # a revision: the plan it replaced
    before_load: str = ""
    removed: Counter[str] = field(default_factory=Counter)  # reason → projects
    added: int = 0


@dataclass(frozen=True)
class MeetingFacts:
    held_on: date
    projects: int
    decided: int


@dataclass(frozen=True)
class SummaryFacts:
    start: date
    end: date
    versions: list[VersionFacts]
    meetings: list[MeetingFacts]
    decided: Rate
    open_items: list[str]
    visits: int
    solved: list[tuple[str, str]]  # (project, problem)
    units: list[tuple[str, int]]  # unit, problems resolved
    briefings: int
    notices: int


def _versions(session: Session, start: date, end: date) -> list[VersionFacts]:
    found = session.scalars(select(PlanVersion).where(PlanVersion.issued_on <= end)
                            .order_by(PlanVersion.issued_on)).all()
    facts: list[VersionFacts] = []
    previous: PlanVersion | None = None
    for version in found:
        if version.issued_on >= start:
            plan = plan_on(session, version.issued_on)
            if previous is None:
                facts.append(VersionFacts(version.name, version.doc_number or "", version.issued_on,
                                          len(plan.projects), plan.load_text()))
            else:
                change = diff(session, previous.issued_on, version.issued_on)
                reasons = Counter(why or "其他原因" for _, why in change.removed)
                facts.append(VersionFacts(version.name, version.doc_number or "", version.issued_on,
                                          len(plan.projects), plan.load_text(), len(change.before.projects),
                                          change.before.load_text(), reasons, len(change.added)))
        previous = version
    return facts


def gather(session: Session, start: date, end: date) -> SummaryFacts:
    meetings = session.scalars(select(Meeting).where(
        Meeting.kind == MeetingType.PROGRESS.value,
        Meeting.held_at >= datetime.combine(start, time.min), Meeting.held_at < datetime.combine(end + timedelta(days=1),
                                                                                                 time.min))
        .order_by(Meeting.held_at)).all()
    meeting_facts: list[MeetingFacts] = []
    decided_total = decided_done = 0
    open_items: list[str] = []
    for meeting in meetings:
        studied = {a.project_id for a in session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id))
                   if a.project_id is not None}
        decisions = session.scalars(select(Decision).where(Decision.meeting_id == meeting.id)
                                    .order_by(Decision.seq)).all()
        studied |= {d.project_id for d in decisions if d.project_id is not None}
        meeting_facts.append(MeetingFacts(meeting.held_at.date(), len(studied), len(decisions)))
        for d in decisions:
            decided_total += 1
            done = d.status in _DONE and (d.resolved_on is None or d.resolved_on <= end)
            decided_done += 1 if done else 0
            if not done:
                open_items.append(d.text)
    visits = session.scalar(select(func.count()).select_from(Visit).where(Visit.visited_on.between(start, end))) or 0
    solved_rows = session.execute(
        select(Project.name, Issue.description).join(Project, Project.id == Issue.project_id)
        .where(Issue.status.in_(_DONE), Issue.resolved_on.between(start, end))
        .order_by(Issue.resolved_on, Issue.id)).all()
    units = session.execute(
        select(Unit.name, func.count()).select_from(Issue).join(Unit, Unit.id == Issue.lead_unit_id)
        .where(Issue.status.in_(_DONE), Issue.resolved_on.between(start, end))
        .group_by(Unit.name).order_by(func.count().desc(), Unit.name).limit(6)).all()
    counts = dict(session.execute(
        select(Briefing.kind, func.count()).where(Briefing.issued_on.between(start, end))
        .group_by(Briefing.kind)).all())
    return SummaryFacts(start, end, _versions(session, start, end), meeting_facts, Rate(decided_done, decided_total),
                        open_items, visits, [(p, d) for p, d in solved_rows], [(u, n) for u, n in units],
                        counts.get(BriefingKind.BRIEFING.value, 0), counts.get(BriefingKind.NOTICE.value, 0))


def _plan_paragraph(facts: SummaryFacts, since: str) -> str | None:
    if not facts.versions:
        return None
    parts = []
    for v in facts.versions:
        named = f"《{v.name}》" + (f"（{v.doc_number}）" if v.doc_number else "")
        if v.before_projects is None:
            parts.append(f"{cn_date(v.on)}，印发{named}，{v.load_text}，对{v.projects}个重点项目开展包保服务")
        else:
            removed = "、".join(f"{why}{n}个" for why, n in v.removed.items())
            parts.append(f"{cn_date(v.on)}，印发{named}，对方案进行了动态调整，包保项目由{v.before_projects}个调整为"
                         f"{v.projects}个，原来{v.before_load}调整为{v.load_text}"
                         + (f"，调出{sum(v.removed.values())}个项目（{removed}）" if v.removed else "")
                         + (f"，新增{v.added}个项目" if v.added else ""))
    revised = any(v.before_projects is not None for v in facts.versions)
    head = f"{since}，制定出台了包保工作方案" + ("并对方案进行了动态调整" if revised else "") + "。"
    return head + "；".join(parts) + "。"


def _meetings_paragraph(facts: SummaryFacts, since: str) -> str | None:
    if not facts.meetings:
        return None
    n = len(facts.meetings)
    each = "；".join(f"{cn_date(m.held_on)}，{_ordinal(i)}推进会就{m.projects}个项目存在的问题和困难进行了研究，"
                    f"议定了{m.decided}个具体事项" for i, m in enumerate(facts.meetings, 1))
    rate = facts.decided
    text = (f"{since}，召开了{n}次推进会，研究解决项目存在的困难和问题。{each}。截至{cn_date(facts.end)}，"
            f"{n}次推进会议定的{rate.denominator}个具体事项已完成{rate.numerator}个，办结率达到{rate.short_text}")
    if facts.open_items:
        named = "、".join(f"“{t}”" for t in facts.open_items[:5])
        more = f"等{len(facts.open_items)}个" if len(facts.open_items) > 5 else f"{len(facts.open_items)}个"
        text += f"，{named}{more}议定事项正在按照时间节点推进中"
    return text + "。"


def _visits_paragraph(facts: SummaryFacts, since: str) -> str | None:
    if not facts.visits and not facts.solved:
        return None
    text = f"{since}，全体包保领导深入各自包保的项目，共开展包保活动{facts.visits}次"
    if facts.solved:
        shown = facts.solved[:8]
        named = "、".join(f"{project}{problem}" for project, problem in shown)
        text += (f"，{named}" + ("等" if len(facts.solved) > len(shown) else "")
                 + f"{len(facts.solved)}个问题得到解决")
    return text + "。"


def _units_paragraph(facts: SummaryFacts, since: str) -> str | None:
    if not facts.units:
        return None
    named = "；".join(f"{unit}牵头办结问题{n}个" for unit, n in facts.units)
    return f"{since}，包保工作领导组各成员单位各司其职，为项目推进提供服务：{named}。"


def _office_paragraph(facts: SummaryFacts, since: str, office: str = "") -> str | None:
    if not facts.briefings and not facts.notices:
        return None
    issued = "、".join(part for part in (f"《工作简报》{facts.briefings}期" if facts.briefings else "",
                                         f"《工作通报》{facts.notices}期" if facts.notices else "") if part)
    # The office's one name (文档设置), as its masthead prints it (issue 17: one name on every document).
    return f"{since}，{office or '包保工作领导组办公室'}认真履职，编辑印发{issued}。"


def area_word(office: str) -> str:
    """全区 / 全市 / 全县: how the office names its own area in a summary."""
    for level in ("市", "县", "区"):
        if office.startswith(level):
            return f"全{level}"
    return "全区"


def draft_summary(facts: SummaryFacts, subject: str = "全区", office: str = "") -> Draft:
    """The 年度 (1 January – 31 December) or 半年 (1 January – 30 June) summary; `subject` is the office's area
    (全区 / 全市)."""
    year = facts.start.year
    half = facts.start == date(year, 1, 1) and facts.end == date(year, 6, 30)
    since = "上半年以来" if half else "一年来"
    title = f"{year}年{'上半年' if half else ''}重点项目包保工作总结"
    paragraphs = [p for p in (_plan_paragraph(facts, since), _meetings_paragraph(facts, since),
                              _visits_paragraph(facts, since), _units_paragraph(facts, since),
                              _office_paragraph(facts, since, office)) if p]
    opening = (f"{year}年{'上半年' if half else ''}，{subject}紧紧围绕重点项目建设，扎实开展领导干部包保重点项目工作，"
               "现将有关情况总结如下。")
    closing = (f"{'下半年' if half else f'{year + 1}年'}工作打算：{NEXT_YEAR_MARK}")
    return Draft(title=title, body="\n".join([opening, *paragraphs, closing]))
