"""The first draft of a 工作简报 / 工作通报, written from the facts in the register offices use.

Pure text generation: it takes `BriefingFacts` (figures from `stats.headline` plus the lists behind them) and
returns a title and a body the user then edits freely. Body lines follow the 公文 heading levels ("一、" …,
"（一）" …, "1." …) so the Word exporter can set each level in its font; every figure printed comes straight from
the headline, so the briefing and the dashboard can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.db.enums import IssueLevel
from desktop.services.briefing.facts import BriefingFacts
from desktop.services.briefing.issued import DocTable
from desktop.services.directory import UNIT_ORDER_TEXT
from desktop.services.figures import Light, yi_text
from desktop.services.journal import cn_date
from desktop.services.scope import Period, ScopeKind

_CN = "一二三四五六七八九十"
# What a 简报/通报 lists in full at most: a city's lists are the 台账's business (issue 17: 210 pages).
MEETINGS_LISTED = 5
LIST_CAP = 50
RANKING_ENDS = 20
# The order the 通报 states for its ranking (`facts.unit_standings` sorts by exactly this).
RANKING_ORDER = f"办结率相同的，超期问题少、问题多的在前，再按{UNIT_ORDER_TEXT}"
_LIST_ALIGN = ("center", "left", "left", "left", "center", "center")


@dataclass
class Draft:
    title: str
    body: str
    editor_note: str = ""
    tables: list[DocTable] = field(default_factory=list)


def _cn(n: int) -> str:
    return _CN[n - 1] if 1 <= n <= 10 else str(n)


def period_text(facts: BriefingFacts) -> str:
    return period_words(facts.period)


def period_words(period: Period) -> str:
    """2026年1—11月 / 2026年 / 2026年3月1日至6月30日, as 简报 and 台账 titles name a reporting period."""
    start, end = period.start, period.end
    month_end = Period.months(end.year, end.month, end.month).end
    if start.year == end.year and start.day == 1 and end == month_end:
        if start.month == 1 and end.month == 12:
            return f"{start.year}年"
        if start.month == end.month:
            return f"{start.year}年{start.month}月"
        return f"{start.year}年{start.month}—{end.month}月"
    tail = f"{end.month}月{end.day}日" if start.year == end.year else cn_date(end)
    return f"{cn_date(start)}至{tail}"


def as_of(facts: BriefingFacts) -> date:
    """Counts of open and overdue items are as of today; a period still running is reported up to today."""
    return min(facts.period.end, facts.today)


def _subject(facts: BriefingFacts) -> str:
    if facts.scope.kind is ScopeKind.ALL:
        return "全区"
    if facts.scope.kind is ScopeKind.CATEGORY:
        return f"全区{facts.scope_name}"
    return facts.scope_name


def _office(facts: BriefingFacts) -> str:
    """Where reports go: the office's one name, as the masthead and 版记 print it."""
    return facts.office or "包保工作领导组办公室"


def _top_units(counts: dict[str, int], limit: int = 5) -> str:
    items = list(counts.items())[:limit]
    text = "、".join(f"{unit}（{n}个）" for unit, n in items)
    return text + ("等单位" if len(counts) > limit else "")


def _issues_paragraph(facts: BriefingFacts, due_soon_days: int) -> str:
    i = facts.headline.issues
    text = (f"截至{cn_date(as_of(facts))}，共收集梳理项目问题{i.raised}个，已办结{i.done}个，办结率{i.rate.text}；"
            f"尚未办结{i.open}个，其中超过完成时限{i.overdue}个，{due_soon_days}日内到期{i.due_soon}个{i.undated_text}。")
    levels = [f"{level.label}{i.by_level[level.label]}个" for level in IssueLevel if i.by_level.get(level.label)]
    if levels:
        text += "按当前办理层级分，" + "，".join(levels) + "。"
    return text


def _decisions_paragraph(facts: BriefingFacts) -> str:
    d = facts.headline.decisions
    if d.meetings == 0:
        return "本期未召开推进会、调度会。"
    parts = [f"{label}议定{n}个具体事项，已完成{done}个" for label, n, done in d.per_meeting]
    text = f"{period_text(facts)}共召开推进会、调度会等会议{d.meetings}次"
    if len(parts) > MEETINGS_LISTED:
        # A city holds thousands of meetings: one sentence per meeting made a 140,000-character paragraph.
        text += "，各次会议议定事项的落实情况见议定事项落实台账。"
    else:
        text += ("，其中" + "；".join(parts) + "。") if parts else "。"
    if d.decided:
        text += (f"截至{cn_date(as_of(facts))}，{len(d.per_meeting)}次会议议定的{d.decided}个具体事项已完成"
                 f"{d.done}个，办结率达到{d.rate.text}")  # one precision per document
        remaining = d.decided - d.done
        text += f"，尚有{remaining}个事项正在推进" if remaining else "，全部按期落实"
        text += f"，其中超期{d.overdue}个。" if d.overdue else "。"
    return text


def _starts_paragraph(facts: BriefingFacts) -> str:
    s = facts.headline.starts
    return (f"{facts.period.end.year}年应开复工项目{s.due}个，已开复工{s.started}个，"
            f"开复工率{s.rate.text}。")


def _investment_paragraph(facts: BriefingFacts) -> str:
    lines = facts.headline.investment
    if not lines:
        return "本期暂无投资完成数据。"
    months = f"1—{facts.month}月" if facts.month > 1 else "1月"
    parts = []
    total = None
    for line in lines:
        if line.label == "合计":
            total = line
            continue
        pct = "—" if line.schedule_pct is None else f"{line.schedule_pct:.2f}%"
        parts.append(f"{line.label}{line.projects}个，{months}完成投资{yi_text(line.completed)}亿元，"
                     f"完成年度计划{line.plan_rate.text}，完成序时进度计划{pct}")
    text = "；".join(parts) + "。"
    if total is not None:
        pct = "—" if total.schedule_pct is None else f"{total.schedule_pct:.2f}%"
        text += (f"合计{total.projects}个项目完成投资{yi_text(total.completed)}亿元，年度计划"
                 f"{yi_text(total.annual_plan)}亿元，完成年度计划{total.plan_rate.text}，完成序时进度计划{pct}。")
    return text


def _lag_counts(facts: BriefingFacts) -> tuple[int, int]:
    red = sum(1 for p in facts.lagging if p.light is Light.RED)
    return red, len(facts.lagging) - red


def draft_briefing(facts: BriefingFacts, *, due_soon_days: int = 7) -> Draft:
    """工作简报: summary figures, what got solved, what is overdue, what comes next."""
    h = facts.headline
    subject = _subject(facts)
    title = f"{period_text(facts)}{subject}重点项目包保工作情况"
    lines = [
        f"{period_text(facts)}，{subject}共有重点项目{h.projects}个，区级领导开展包保活动{h.visits}次，"
        f"召开推进会、调度会等会议{h.decisions.meetings}次。现将有关情况简报如下。",
        "一、主要指标完成情况",
        "（一）问题办理情况。" + _issues_paragraph(facts, due_soon_days),
        "（二）议定事项落实情况。" + _decisions_paragraph(facts),
        "（三）项目开复工情况。" + _starts_paragraph(facts),
        "（四）投资完成情况。" + _investment_paragraph(facts),
    ]
    section = 1
    if facts.resolved:
        section += 1
        lines.append(f"{_cn(section)}、问题解决成效")
        lines.append(f"{period_text(facts)}，一批影响项目推进的问题得到协调解决，主要有：")
        for n, item in enumerate(facts.resolved, 1):
            owner = f"，由{item.unit}牵头" if item.unit else ""
            lines.append(f"{n}.{item.project}：{item.description.rstrip('。')}{owner}，"
                         f"已于{cn_date(item.resolved_on)}办结。")
    section += 1
    lines.append(f"{_cn(section)}、需要关注的问题")
    concerns = []
    i = h.issues
    if i.overdue:
        concerns.append(f"截至{cn_date(as_of(facts))}，仍有{i.overdue}个问题超过完成时限未办结，"
                        f"主要涉及{_top_units(i.overdue_by_unit)}。")
    if facts.overdue_decisions:
        items = "；".join(f"{d.meeting}第{d.seq}项“{d.text.rstrip('。')}”（{d.unit}牵头，超期{d.days_overdue}天）"
                         for d in facts.overdue_decisions[:3])
        more = f"等{len(facts.overdue_decisions)}个" if len(facts.overdue_decisions) > 3 else ""
        concerns.append(f"推进会议定事项中，{items}{more}尚未完成。")
    red, yellow = _lag_counts(facts)
    if red or yellow:
        names = "、".join(p.project for p in facts.lagging[:3])
        concerns.append(f"投资完成方面，{red}个项目严重滞后于序时进度，{yellow}个项目滞后，"
                        f"主要是{names}{'等项目' if len(facts.lagging) > 3 else ''}。")
    lines.extend(concerns or ["本期问题均在完成时限内办理，议定事项按期推进，项目投资均达到序时进度。"])
    section += 1
    lines.append(f"{_cn(section)}、下一步工作")
    steps = []
    if i.open:
        steps.append(f"对尚未办结的{i.open}个问题，各责任单位要对照完成时限倒排工期，"
                     + (f"超期的{i.overdue}个问题要说明原因、明确办结时间，" if i.overdue else "")
                     + f"办理进展按时报送{_office(facts)}。")
    if red or yellow:
        steps.append(f"对投资完成滞后的{red + yellow}个项目，包保领导要深入项目现场，会同责任单位逐项研究解决措施，"
                     "推动项目加快建设。")
    steps.append("对各项目新反映的问题，坚持谁发现谁跟踪、谁发现谁反馈，能现场解决的现场解决，不能现场解决的及时提报推进会研究。")
    lines.extend(steps)
    return Draft(title=title, body="\n".join(lines))


def _longest_overdue(rows: list, cap: int) -> list:
    """The `cap` items overdue longest, kept in the list's own order (unit by unit)."""
    if len(rows) <= cap:
        return rows
    keep = {id(r) for r in sorted(rows, key=lambda r: -r.days_overdue)[:cap]}
    return [r for r in rows if id(r) in keep]


def _capped(title: str, shown: int, total: int, what: str, ledger: str) -> str:
    return title if shown >= total else f"{title}（{what}{shown}个，共{total}个，全部见{ledger}）"


def notice_tables(facts: BriefingFacts) -> list[DocTable]:
    """The 通报's attached tables, non-empty ones only, in the order the text refers to them.

    Lists are capped at what a reader uses (issue 17: a city's 通报 listed 36k overdue issues): the units ranked
    first and last, the items overdue longest, the projects furthest behind; each capped title says so and the
    full lists are in the 台账. Use `base_title` to find a table by its kind.
    """
    tables: list[DocTable] = []
    if facts.units:
        ranked = list(enumerate(facts.units, 1))
        if len(ranked) > 2 * RANKING_ENDS:
            ranked = ranked[:RANKING_ENDS] + ranked[-RANKING_ENDS:]
        title = "责任单位问题办理情况排名表"
        if len(ranked) < len(facts.units):
            title += f"（共{len(facts.units)}个单位，列出前{RANKING_ENDS}名和后{RANKING_ENDS}名）"
        tables.append(DocTable(
            title, ("排名", "责任单位", "问题数", "已办结", "超期", "被督办", "按时反馈", "反馈更新", "办结率"),
            tuple((str(n), u.unit, str(u.raised), str(u.done), str(u.overdue), str(u.supervised), u.feedback_text,
                   u.updated_text, u.rate.text) for n, u in ranked),
            (12, 34, 14, 14, 12, 14, 18, 20, 18),
            ("center", "left", "center", "center", "center", "center", "center", "center", "center")))
    if facts.overdue_issues:
        shown = _longest_overdue(facts.overdue_issues, LIST_CAP)
        tables.append(DocTable(
            _capped("超期未办结问题清单", len(shown), len(facts.overdue_issues), "超期时间最长的", "问题台账"),
            ("序号", "项目名称", "问题描述", "责任单位", "完成时限", "超期天数"),
            tuple((str(n), o.project, o.description, o.unit, cn_date(o.deadline), str(o.days_overdue))
                  for n, o in enumerate(shown, 1)),
            (12, 26, 40, 30, 34, 14), _LIST_ALIGN))
    if facts.overdue_decisions:
        shown = _longest_overdue(facts.overdue_decisions, LIST_CAP)
        tables.append(DocTable(
            _capped("超期未完成议定事项清单", len(shown), len(facts.overdue_decisions), "超期时间最长的",
                    "议定事项落实台账"),
            ("序号", "会议", "议定事项", "责任单位", "完成时限", "超期天数"),
            tuple((str(n), d.meeting, d.text, d.unit, cn_date(d.deadline), str(d.days_overdue))
                  for n, d in enumerate(shown, 1)),
            (12, 24, 42, 30, 34, 14), _LIST_ALIGN))
    if facts.lagging:
        shown = facts.lagging[:LIST_CAP]  # red first, furthest behind first
        tables.append(DocTable(
            _capped("投资完成滞后项目清单", len(shown), len(facts.lagging), "滞后最多的", "投资进度表"),
            ("序号", "项目名称", "责任单位", "包保领导", "序时进度", "状态"),
            tuple((str(n), p.project, p.unit, p.leaders, p.schedule_text,
                   "红灯" if p.light is Light.RED else "黄灯")
                  for n, p in enumerate(shown, 1)),
            (12, 50, 32, 26, 22, 14), ("center", "left", "left", "center", "center", "center")))
    return tables


def base_title(title: str) -> str:
    """A table's kind without the cap note: "超期未办结问题清单（超期时间最长的50个…）" → "超期未办结问题清单"."""
    return title.split("（", 1)[0]


def draft_notice(facts: BriefingFacts, *, due_soon_days: int = 7) -> Draft:
    """工作通报: overdue items and decided items by unit, units ranked, projects with red/yellow lights."""
    h = facts.headline
    subject = _subject(facts)
    tables = notice_tables(facts)
    number = {base_title(t.title): n for n, t in enumerate(tables, 1)}

    def see(title: str) -> str:
        return f"（详见附件{number[title]}）" if title in number else ""

    title = f"关于{period_text(facts)}{subject}重点项目问题办理和议定事项落实情况的通报"
    lines = [
        f"为压实包保责任、加快问题办理，现将{period_text(facts)}{subject}重点项目问题办理和推进会议定事项落实情况"
        "通报如下。",
        "一、总体情况",
        "（一）问题办理情况。" + _issues_paragraph(facts, due_soon_days),
        "（二）议定事项落实情况。" + _decisions_paragraph(facts),
        "二、责任单位办理情况",
    ]
    if facts.units:
        best = [u for u in facts.units if u.raised][:3]
        lines.append(f"按问题办结率由高到低排序{see('责任单位问题办理情况排名表')}（{RANKING_ORDER}），办结率较高的是"
                     + "、".join(f"{u.unit}（{u.rate.text}）" for u in best) + "。")
        # Stable sorts: ties keep the ranking's order, which ends in the office's unit order (never char codes).
        worst = sorted((u for u in facts.units if u.overdue), key=lambda u: -u.overdue)[:3]
        if worst:
            lines.append("超期问题较多的是" + "、".join(f"{u.unit}（{u.overdue}个）" for u in worst)
                         + "，请上述单位高度重视，认真分析原因，加快办理进度。")
        pressed = sorted((u for u in facts.units if u.supervised), key=lambda u: -u.supervised)
        if pressed:
            lines.append("本期被督办较多的是" + "、".join(f"{u.unit}（{u.supervised}次）" for u in pressed[:3]) + "。")
        slow = sorted((u for u in facts.units if u.feedback_due > u.feedback_on_time),
                      key=lambda u: u.feedback_on_time - u.feedback_due)
        if slow:
            lines.append("未按时报回问题办理反馈表的有" + "、".join(
                f"{u.unit}（{u.feedback_due - u.feedback_on_time}轮）" for u in slow[:5])
                + ("等单位" if len(slow) > 5 else "") + "。")
        unchanged = sorted((u for u in facts.units if u.feedback_items > u.feedback_updated),
                           key=lambda u: u.feedback_updated - u.feedback_items)
        if unchanged:
            lines.append("反馈表中未报告办理情况的事项较多的是" + "、".join(
                f"{u.unit}（{u.feedback_items - u.feedback_updated}项）" for u in unchanged[:3]) + "。")
    else:
        lines.append("本期无交办责任单位的问题。")
    lines.append("三、超期未办结事项")
    if facts.overdue_issues or facts.overdue_decisions:
        if facts.overdue_issues:
            lines.append(f"截至{cn_date(as_of(facts))}，超过完成时限未办结的问题{len(facts.overdue_issues)}个"
                         f"{see('超期未办结问题清单')}，涉及{_top_units(h.issues.overdue_by_unit)}。")
        if facts.overdue_decisions:
            lines.append(f"推进会议定事项超期未完成{len(facts.overdue_decisions)}个{see('超期未完成议定事项清单')}。")
    else:
        lines.append("本期无超期未办结的问题和议定事项。")
    lines.append("四、项目投资进度")
    red, yellow = _lag_counts(facts)
    if red or yellow:
        lines.append(f"对照序时进度，{red}个项目亮红灯（严重滞后），{yellow}个项目亮黄灯（滞后）"
                     f"{see('投资完成滞后项目清单')}。" + _investment_paragraph(facts))
    else:
        lines.append("各项目投资完成均达到序时进度。" + _investment_paragraph(facts))
    lines.append("五、有关要求")
    lines.append("各责任单位要对照通报事项逐项制定整改措施，明确责任人和完成时限，"
                 f"办理结果及时报送{_office(facts)}；对无正当理由长期超期的事项，将提请区委、区政府督查室跟踪督办。")
    if tables:
        lines.append("附件：" + "\n".join(f"{n}.{t.title}" for n, t in enumerate(tables, 1)))
    return Draft(title=title, body="\n".join(lines), tables=tables)
