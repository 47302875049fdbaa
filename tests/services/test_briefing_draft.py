"""Drafts of 简报/通报: every figure printed is the one `stats.headline` gives for the same period and scope."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.db.enums import BriefingKind
from desktop.db.models import TaskForce
from desktop.errors import ValidationError
from desktop.exporters import jobs
from desktop.services import stats
from desktop.services.briefing import draft as briefing_draft
from desktop.services.briefing import facts as briefing_facts
from desktop.services.briefing import issued as briefings
from desktop.services.figures import yi_text
from desktop.services.scope import Period, Scope, ScopeKind


def _facts(session, period: Period, scope: Scope, today: date) -> briefing_facts.BriefingFacts:
    return briefing_facts.gather(session, period, scope, today)


def _assert_headline_in(text: str, h: stats.Headline) -> None:
    i, d, s = h.issues, h.decisions, h.starts
    assert f"共有重点项目{h.projects}个" in text
    assert f"开展包保活动{h.visits}次" in text
    assert f"共收集梳理项目问题{i.raised}个，已办结{i.done}个，办结率{i.rate.text}" in text
    assert f"尚未办结{i.open}个，其中超过完成时限{i.overdue}个" in text
    if d.decided:
        # One precision for every percentage of the document (it printed "56.00%" beside "97%").
        assert f"议定的{d.decided}个具体事项已完成{d.done}个，办结率达到{d.rate.text}" in text
    assert not re.search(r"(?<![\d.])\d+%", text), "a percentage without the document's two decimals"
    assert f"应开复工项目{s.due}个，已开复工{s.started}个，开复工率{s.rate.text}" in text
    for line in h.investment:
        pct = "—" if line.schedule_pct is None else f"{line.schedule_pct:.2f}%"
        assert f"完成投资{yi_text(line.completed)}亿元" in text, line.label
        assert f"完成年度计划{line.plan_rate.text}，完成序时进度计划{pct}" in text, line.label


def test_briefing_draft_states_the_headline_figures(demo_workspace, today) -> None:
    period = Period.year(today.year)
    with demo_workspace.db.read() as session:
        facts = _facts(session, period, Scope(), today)
        headline = stats.headline(session, period, Scope(), today=today)
    draft = briefing_draft.draft_briefing(facts)
    assert draft.title == f"{today.year}年全区重点项目包保工作情况"
    _assert_headline_in(draft.body, headline)
    # The 小店 figure of the seeds: 34 decided items, 33 done.
    assert "3次会议议定的34个具体事项已完成33个，办结率达到97.06%" in draft.body
    lines = draft.body.split("\n")
    assert lines[1] == "一、主要指标完成情况" and lines[2].startswith("（一）问题办理情况。")
    assert [ln for ln in lines if ln[1:2] == "、"] == [
        "一、主要指标完成情况", "二、问题解决成效", "三、需要关注的问题", "四、下一步工作"]


@pytest.mark.parametrize("kind", [ScopeKind.TASK_FORCE, ScopeKind.CATEGORY, ScopeKind.LEADER])
def test_scoped_drafts_match_scoped_headline(demo_workspace, today, kind) -> None:
    period = Period.months(today.year, 1, 10)
    with demo_workspace.db.read() as session:
        model = {ScopeKind.TASK_FORCE: "task_forces", ScopeKind.CATEGORY: "categories",
                 ScopeKind.LEADER: "leaders"}[kind]
        from desktop.services import directory

        choices = directory.categories(session, "project") if model == "categories" else getattr(directory, model)(session)
        scope = Scope(kind, choices[0][0])
        facts = _facts(session, period, scope, today)
        headline = stats.headline(session, period, scope, today=today)
    assert headline.projects < 98
    draft = briefing_draft.draft_briefing(facts)
    _assert_headline_in(draft.body, headline)
    assert facts.scope_name in draft.title and "1—10月" in draft.title


def test_lists_are_the_ones_counted(demo_workspace, today) -> None:
    period = Period.year(today.year)
    with demo_workspace.db.read() as session:
        facts = _facts(session, period, Scope(), today)
    h = facts.headline
    assert len(facts.overdue_issues) == h.issues.overdue > 0
    assert len(facts.overdue_decisions) == h.decisions.overdue
    per_unit: dict[str, int] = {}
    for item in facts.overdue_issues:
        per_unit[item.unit] = per_unit.get(item.unit, 0) + 1
        assert item.days_overdue == (today - item.deadline).days > 0
    assert per_unit == h.issues.overdue_by_unit
    assert sum(u.overdue for u in facts.units) == h.issues.overdue
    assert sum(u.done for u in facts.units) == h.issues.done
    rates = [u.rate.value for u in facts.units]
    assert rates == sorted(rates, reverse=True)
    assert all(p.light.value in ("red", "yellow") for p in facts.lagging)
    assert facts.resolved and all(period.contains(r.resolved_on) for r in facts.resolved)


def test_briefing_needs_no_notice_lists(demo_workspace, today) -> None:
    """A 简报 is gathered without the overdue list and the unit ranking (a city's tens of thousands of rows)."""
    period = Period.year(today.year)
    with demo_workspace.db.read() as session:
        full = _facts(session, period, Scope(), today)
        lean = briefing_facts.gather(session, period, Scope(), today, for_notice=False)
    assert full.overdue_issues and full.units and not lean.overdue_issues and not lean.units
    assert briefing_draft.draft_briefing(lean) == briefing_draft.draft_briefing(full)


def test_resolved_are_the_highest_level_then_newest(demo_workspace, today) -> None:
    from desktop.db.enums import IssueLevel

    period = Period.year(today.year)
    with demo_workspace.db.read() as session:
        chosen = briefing_facts.resolved_issues(session, period, Scope(), limit=6)
        every = briefing_facts.resolved_issues(session, period, Scope(), limit=10_000)

    def key(r: briefing_facts.ResolvedIssue) -> tuple[int, int]:
        return -IssueLevel(r.level).rank, -r.resolved_on.toordinal()

    assert len(every) > 6 and chosen == every[:6]
    assert [key(r) for r in every] == sorted(key(r) for r in every)


def test_notice_refers_to_its_attachments_in_order(demo_workspace, today) -> None:
    with demo_workspace.db.read() as session:
        facts = _facts(session, Period.year(today.year), Scope(), today)
    draft = briefing_draft.draft_notice(facts)
    titles = [t.title for t in draft.tables]
    capped = f"超期未办结问题清单（超期时间最长的50个，共{facts.headline.issues.overdue}个，全部见问题台账）"
    assert titles == ["责任单位问题办理情况排名表", capped, "投资完成滞后项目清单"]
    assert "（详见附件1）" in draft.body and "（详见附件2）" in draft.body and "（详见附件3）" in draft.body
    assert draft.body.endswith(f"附件：1.责任单位问题办理情况排名表\n2.{capped}\n3.投资完成滞后项目清单")
    overdue = draft.tables[1]
    assert len(overdue.rows) == briefing_draft.LIST_CAP < facts.headline.issues.overdue
    longest = sorted((o.days_overdue for o in facts.overdue_issues), reverse=True)[:briefing_draft.LIST_CAP]
    assert sorted((int(r[5]) for r in overdue.rows), reverse=True) == longest  # the longest overdue are listed
    # The ranking's order is stated, and ties follow the office's unit order, then pinyin — not character codes.
    assert "（办结率相同的，超期问题少、问题多的在前，再按本单位设定的单位顺序，未设定的按单位名称拼音）" in draft.body
    assert [r[0] for r in overdue.rows] == [str(n) for n in range(1, len(overdue.rows) + 1)]
    assert all(len(r) == len(t.headers) for t in draft.tables for r in t.rows)
    assert draft.title.startswith("关于") and draft.title.endswith("的通报")


def test_period_words() -> None:
    assert briefing_draft.period_words(Period.year(2026)) == "2026年"
    assert briefing_draft.period_words(Period.months(2026, 1, 10)) == "2026年1—10月"
    assert briefing_draft.period_words(Period.months(2026, 3, 3)) == "2026年3月"
    assert briefing_draft.period_words(Period(date(2026, 3, 5), date(2026, 6, 30))) == "2026年3月5日至6月30日"


def test_numbering_and_issue_is_frozen(demo_workspace, today) -> None:
    db = demo_workspace.db
    with db.transaction() as session:
        content = briefings.new_content(session, BriefingKind.BRIEFING, today.year, today)
        assert (content.number, content.total_number) == (1, None)
        content.title, content.body, content.total_number = "标题", "正文", 106
        content.tables = [briefings.DocTable("表", ("甲", "乙"), (("1", "2"),), (10, 20), ("center", "left"))]
        first = briefings.issue(session, content)
    with db.transaction() as session:
        assert briefings.next_number(session, BriefingKind.BRIEFING, today.year) == (2, 107)
        assert briefings.next_number(session, BriefingKind.NOTICE, today.year) == (1, None)
        with pytest.raises(ValidationError, match="第1期工作简报已印发"):
            briefings.issue(session, content)
    with db.read() as session:
        again = briefings.load(session, first)
        listed = briefings.issued(session)
    assert briefings.content_dict(again) == briefings.content_dict(content)
    assert listed[0].label == f"{today.year}年第1期（总第106期） 标题"


def test_issue_refuses_empty_title_and_body(demo_workspace, today) -> None:
    with demo_workspace.db.transaction() as session:
        content = briefings.new_content(session, BriefingKind.NOTICE, today.year, today)
        with pytest.raises(ValidationError, match="标题") as err:
            briefings.issue(session, content)
    assert "正文" in str(err.value)


def test_scope_name_for_task_force(demo_workspace) -> None:
    with demo_workspace.db.read() as session:
        tf = session.query(TaskForce).first()
        assert briefing_facts.scope_name(session, Scope(ScopeKind.TASK_FORCE, tf.id)) == tf.name
        assert briefing_facts.scope_name(session, Scope()) == "全区"


def test_distribution_settings(workspace) -> None:
    from desktop.services import office_settings

    with workspace.db.transaction() as session:
        dist = office_settings.distribution(session)
        assert dist.report_to == ("区委、区政府主要领导",) and dist.copies == 30
        office_settings.put(session, "issue_to", "各街道办事处，区直各部门, 区供电公司\n")
        office_settings.put(session, "copies", "x")
        dist = office_settings.distribution(session)
    assert dist.issue_to == ("各街道办事处", "区直各部门", "区供电公司") and dist.copies is None


def test_overdue_decisions_listed_by_unit(demo_workspace, today) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from desktop.db.models import Decision

    with demo_workspace.db.transaction() as session:
        for d in session.scalars(select(Decision).order_by(Decision.id).limit(4)):
            d.status, d.resolved_on, d.deadline = "assigned", None, today - timedelta(days=d.id)
    with demo_workspace.db.read() as session:
        facts = _facts(session, Period.year(today.year), Scope(), today)
    items = facts.overdue_decisions
    assert len(items) == facts.headline.decisions.overdue == 4
    assert [(d.unit, -d.days_overdue) for d in items] == sorted((d.unit, -d.days_overdue) for d in items)
    draft = briefing_draft.draft_notice(facts)
    table = next(t for t in draft.tables if t.title == "超期未完成议定事项清单")
    assert [r[3] for r in table.rows] == [d.unit for d in items]
    assert "推进会议定事项超期未完成4个（详见附件3）" in draft.body


def test_notice_ranks_units_with_their_supervision_count(demo_workspace, today) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from desktop.services.issues.rows import load_issue_rows
    from desktop.services.supervision.kinds import SupervisionKind
    from desktop.services.supervision.notices import NoticeRequest, issue_notice

    with demo_workspace.db.transaction() as session:
        late = next(r for r in load_issue_rows(session) if r.unit_id is not None and r.deadline is not None
                    and r.deadline < today and r.status in ("assigned", "phased") and r.found_on.year == today.year)
        for _ in range(2):
            issue_notice(session, NoticeRequest(SupervisionKind.NOTICE, late.unit_id, [late.id], today,
                                                today + timedelta(days=5)), today=today)
    content = jobs.draft(demo_workspace.db, BriefingKind.NOTICE, Period.year(today.year), Scope(), today)
    ranking = next(t for t in content.tables if t.title == "责任单位问题办理情况排名表")
    assert ranking.headers[5] == "被督办"
    assert {r[1]: r[5] for r in ranking.rows}[late.unit] == "2"
    assert sum(int(r[5]) for r in ranking.rows) == 2
    assert f"本期被督办较多的是{late.unit}（2次）。" in content.body


def test_notice_ranks_units_with_their_feedback_on_time(demo_workspace, today, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """按时反馈 counts rounds that fell due in the period; a unit that answered after the deadline is not on time."""
    from datetime import timedelta

    from desktop.services.feedback.collect import collect
    from desktop.services.feedback.send import send_choices, send_round
    from tests.services.feedback.support import fill

    out = tmp_path / "out"
    out.mkdir()
    sent_on = date(today.year, 1, 10)
    with demo_workspace.db.transaction() as session:
        three = [name for name, _count in send_choices(session, sent_on).units[:3]]
        result = send_round(session, out, units=three, deadline=sent_on + timedelta(days=7), name="一月轮",
                            today=sent_on)
    on_time, late, silent = result.forms[0], result.forms[1], result.forms[2:]
    for form, day in ((on_time, sent_on + timedelta(days=3)), (late, sent_on + timedelta(days=9))):
        back = fill(form.path, tmp_path / form.unit / form.path.name, {1: {"办理进展": f"{form.unit}的进展"}})
        collect(demo_workspace.db, [back], today=day)
    content = jobs.draft(demo_workspace.db, BriefingKind.NOTICE, Period.year(today.year), Scope(), today)
    ranking = next(t for t in content.tables if t.title == "责任单位问题办理情况排名表")
    assert ranking.headers[6:] == ("按时反馈", "反馈更新", "办结率")
    shown = {r[1]: r[6] for r in ranking.rows}
    updated = {r[1]: r[7] for r in ranking.rows}
    assert updated[on_time.unit] == f"1/{on_time.items}" and updated[late.unit] == f"1/{late.items}"
    assert all(updated[f.unit] == f"0/{f.items}" for f in silent if f.unit in updated)
    assert all(updated[u] == "—" for u in set(shown) - {f.unit for f in result.forms})
    assert shown[on_time.unit] == "1/1" and shown[late.unit] == "0/1"
    assert all(shown[f.unit] == "0/1" for f in silent if f.unit in shown)
    units_without_round = set(shown) - {f.unit for f in result.forms}
    assert all(shown[u] == "—" for u in units_without_round)
    slow = "、".join(f"{u.unit}（1轮）" for u in sorted([late, *silent], key=lambda f: f.unit))
    assert f"未按时报回问题办理反馈表的有{slow}。" in content.body
    assert f"{on_time.unit}（1轮）" not in content.body
    assert "反馈表中未报告办理情况的事项较多的是" in content.body
