"""The 包保责任表 of a plan version (or of any day) and the 调整对照 of two versions, as printable text.

Everything is read from the assignments through `versions.plan_on` / `versions.diff`, so the printed table says
what `keyproj plan show|diff` says; the exporter (exporters/docx/plan.py) only lays the text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.services import office_settings
from desktop.services.journal import cn_date
from desktop.services.plan.versions import Plan, diff, plan_on, version_date

PLAN_HEADERS = ("序号", "包保领导", "包保项目", "项数")
REMOVED_HEADERS = ("序号", "项目名称", "调出原因")
ADDED_HEADERS = ("序号", "项目名称")
LOAD_HEADERS = ("序号", "包保领导", "调整前", "调整后")


@dataclass(frozen=True)
class Section:
    heading: str  # 调出项目（12个）, printed as 一、…; empty for the table of a plan
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = ""  # said instead of an empty table


@dataclass(frozen=True)
class PlanDocument:
    title: str
    subtitle: str
    summary: str
    sections: tuple[Section, ...]
    office: str
    font_profile: str

    def as_text(self) -> str:
        """The document as plain lines, for the window's 包保方案 view (what the Word file prints)."""
        lines = [self.title, self.subtitle, self.summary]
        for n, section in enumerate(self.sections, 1):
            if section.heading:
                lines.append(f"{'一二三四五'[n - 1]}、{section.heading}")
            if not section.rows:
                lines.append(f"  {section.empty_text}")
            lines += ["  " + "  ".join(cell for cell in row) for row in section.rows]
        return "\n".join(lines)


def _plan_rows(plan: Plan) -> tuple[tuple[str, ...], ...]:
    return tuple((str(n), leader, "、".join(projects), str(len(projects)))
                 for n, (leader, projects) in enumerate(plan.leaders.items(), 1))


def _office(session: Session) -> tuple[str, str]:
    return str(office_settings.get(session, "office_name")), str(office_settings.get(session, "font_profile"))


def plan_document(session: Session, ref: str | None, today: date) -> PlanDocument:
    """The 包保责任表 of a version (its id) or of a day (YYYY-MM-DD; default today)."""
    on, label = version_date(session, ref) if ref else (today, "今天的包保方案")
    plan = plan_on(session, on)
    office, profile = _office(session)
    summary = (f"截至{cn_date(on)}，在册重点项目{len(plan.projects)}个，包保领导{len(plan.leaders)}名，"
               f"{plan.load_text()}。" if plan.projects else f"{cn_date(on)}没有在册的包保责任。")
    return PlanDocument("重点项目包保责任表", f"（{label}，{cn_date(on)}）", summary,
                        (Section("", PLAN_HEADERS, _plan_rows(plan), "（无）"),), office, profile)


def changes_document(session: Session, before_ref: str, after_ref: str) -> PlanDocument:
    """What a revision changed: projects removed with the reason recorded, projects added, each leader's load."""
    before_on, before = version_date(session, before_ref)
    after_on, after = version_date(session, after_ref)
    change = diff(session, before_on, after_on)
    office, profile = _office(session)
    leaders = list(change.before.leaders) + [n for n in change.after.leaders if n not in change.before.leaders]
    loads = tuple((str(n), leader, f"{len(change.before.leaders.get(leader, []))}项",
                   f"{len(change.after.leaders.get(leader, []))}项") for n, leader in enumerate(leaders, 1))
    sections = (
        Section(f"调出项目（{len(change.removed)}个）", REMOVED_HEADERS,
                tuple((str(n), p, why or "未记录原因") for n, (p, why) in enumerate(change.removed, 1)), "无。"),
        Section(f"新增项目（{len(change.added)}个）", ADDED_HEADERS,
                tuple((str(n), p) for n, p in enumerate(change.added, 1)), "无。"),
        Section("包保领导包保项目数", LOAD_HEADERS, loads, "无。"),
    )
    return PlanDocument("包保方案调整对照表", f"（{before}，{cn_date(before_on)} → {after}，{cn_date(after_on)}）",
                        change.summary() + "。", sections, office, profile)
