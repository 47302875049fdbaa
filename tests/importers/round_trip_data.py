"""What the round-trip ledgers say: for each import kind its columns, its rows as the office typed them, and what
each cell must become once imported (the truth the harness compares the database and the export against).

The values are written here by hand, not computed with the importer's own parsers, so a parser that changes a
value fails the harness instead of agreeing with itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Cell:
    """A cell as typed (`cell`) and what it must be stored as, by field code (`expect`)."""

    cell: Any
    expect: dict[str, Any]


def text(value: str | None) -> Cell:
    """A text cell: stored exactly as written, only the ends trimmed."""
    return Cell(value, {})


@dataclass(frozen=True)
class KindData:
    """One kind's base ledger: header labels with the field they name, and the rows."""

    kind: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, Any], ...]
    # (export job, period as (year, first month, last month)), or None where no export carries the kind.
    export: tuple[str, tuple[int, int, int]] | None
    # Fields the export writes and a re-import reads back; the others are checked in the database only.
    exported_fields: frozenset[str] = frozenset()
    # The field that tells rows apart (compared by it, never by position).
    key: str = "description"
    # Header of a parent row for two-row layouts: (first column, last column, parent text).
    parent: tuple[int, int, str] | None = None
    title: str = ""
    money_unit_note: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def expected_values(kind: KindData, row: dict[str, Any]) -> dict[str, Any]:
    """The preview values a row must give: text as written (ends trimmed), typed cells as their Cell says."""
    out: dict[str, Any] = {}
    for _label, code in kind.columns:
        value = row.get(code)
        if isinstance(value, Cell):
            out.update(value.expect)
        elif isinstance(value, str):
            trimmed = value.strip(" \t\n\r\u3000")
            if trimmed:
                out[code] = trimmed
    return out


def cell_value(value: Any) -> Any:
    return value.cell if isinstance(value, Cell) else value


def _deadline(day: date) -> Cell:
    return Cell(day, {"deadline": day, "deadline_text": day.isoformat()})


def _day(code: str, day: date) -> Cell:
    return Cell(day, {code: day})


def _wan(code: str, amount: float | int, yuan: int) -> Cell:
    return Cell(amount, {code: yuan})


ISSUES = KindData(
    "issues",
    (("项目名称", "project"), ("问题类别", "category"), ("问题描述", "description"), ("牵头单位", "lead_unit"),
     ("配合单位", "supporting_units"), ("责任人", "person"), ("完成时限", "deadline"), ("办理状态", "status"),
     ("办理进展", "progress"), ("发现时间", "found_date"), ("备注", "remarks")),
    (
        {"project": "紫云府项目", "category": "征地拆迁", "description": "  用地范围内  违法建筑\n\n影响施工 ",
         "lead_unit": "小店街道办事处", "supporting_units": "区城管局", "person": "李明",
         "deadline": _deadline(date(2026, 4, 30)), "status": Cell("已办结", {"status": "resolved"}),
         "progress": "已拆除违建６处，场地移交", "found_date": _day("found_date", date(2026, 1, 5)),
         "remarks": "含二期　地块"},
        {"project": "紫云府项目", "category": "手续办理", "description": "渣土清运手续复杂（ＡＢ地块）",
         "lead_unit": "区城管局", "person": "赵强",
         "deadline": Cell("6月底前", {"deadline": date(2026, 6, 30), "deadline_text": "6月底前"}),
         "status": Cell("办理中", {"status": "assigned"}), "progress": "已简化流程\n容缺受理",
         "found_date": _day("found_date", date(2026, 2, 1))},
        {"project": "东亚纳米科技园", "category": "要素保障", "description": "电力增容 需求",
         "lead_unit": "区发改局", "supporting_units": "区供电公司", "person": "王芳",
         "deadline": _deadline(date(2026, 12, 31)), "status": Cell("办理中", {"status": "assigned"}),
         "progress": "正在协调", "found_date": _day("found_date", date(2026, 3, 10))},
        {"project": "东亚纳米科技园", "category": "要素保障", "description": "用工缺口约200人",
         "lead_unit": "区人社局", "person": "孙丽",
         "deadline": Cell("2026年9月30日", {"deadline": date(2026, 9, 30), "deadline_text": "2026年9月30日"}),
         "status": Cell("已办结", {"status": "resolved"}), "progress": "已组织专场招聘会",
         "found_date": _day("found_date", date(2026, 3, 11)), "remarks": "企业满意"},
        {"project": "海沧半导体产业基地", "category": "规划设计", "description": "规划条件调整",
         "lead_unit": "区自然资源局", "deadline": _deadline(date(2026, 10, 31)),
         "status": Cell("办理中", {"status": "assigned"}), "found_date": _day("found_date", date(2026, 5, 20))},
    ),
    ("ledger-issues", (2026, 1, 12)),
    frozenset({"project", "category", "description", "lead_unit", "supporting_units", "person", "deadline",
               "deadline_text", "status", "progress", "found_date"}),
    parent=(3, 5, "责任单位"),
    title="2026年重点项目问题台账",
)

DECISIONS = KindData(
    "decisions",
    (("会议名称", "meeting"), ("议定事项", "text"), ("项目名称", "project"), ("牵头单位", "lead_unit"),
     ("配合单位", "supporting_units"), ("责任人", "person"), ("完成时限", "deadline"), ("办理状态", "status"),
     ("落实情况", "progress"), ("备注", "remarks")),
    (
        {"meeting": "第一次推进会（2026年3月29日）", "text": "5月底前完成用地范围内  违建拆除",
         "project": "紫云府项目", "lead_unit": "小店街道办事处", "supporting_units": "区城管局", "person": "李明",
         "deadline": _deadline(date(2026, 5, 31)), "status": Cell("已办结", {"status": "resolved"}),
         "progress": "已完成\n验收合格", "remarks": "第１批"},
        {"meeting": "第一次推进会（2026年3月29日）", "text": "6月底前完成迁坟（ＡＢ两区）",
         "project": "东亚纳米科技园", "lead_unit": "北格镇人民政府", "person": "张伟",
         "deadline": Cell("6月底前", {"deadline": date(2026, 6, 30), "deadline_text": "6月底前"}),
         "status": Cell("办理中", {"status": "assigned"}), "progress": "已迁 30 座"},
        {"meeting": "第二次推进会（2026年6月15日）", "text": "协调电力增容",
         "project": "东亚纳米科技园", "lead_unit": "区发改局", "supporting_units": "区供电公司",
         "deadline": _deadline(date(2026, 9, 30)), "status": Cell("办理中", {"status": "assigned"})},
    ),
    ("ledger-decisions", (2026, 1, 12)),
    frozenset({"text", "project", "lead_unit", "supporting_units", "person", "deadline", "deadline_text", "status",
               "progress", "remarks"}),
    key="text",
    parent=(3, 5, "责任单位"),
    title="2026年推进会议定事项落实台账",
)

PROJECTS = KindData(
    "projects",
    (("项目名称", "name"), ("项目类别", "category"), ("建设单位", "owner"), ("建设地点", "location"),
     ("总投资（万元）", "total_investment"), ("年度计划投资（万元）", "annual_plan"), ("开工时间", "start_date"),
     ("竣工时间", "end_date"), ("建设内容", "content"), ("项目专班", "task_force"), ("责任单位", "lead_unit"),
     ("形象进度", "progress"), ("备注", "remarks")),
    (
        {"name": "紫云府项目", "category": "产业项目", "owner": "紫云置业有限公司", "location": "小店街道",
         "total_investment": _wan("total_investment", 30000, 300_000_000),
         "annual_plan": _wan("annual_plan", 6000, 60_000_000),
         "start_date": _day("start_date", date(2026, 3, 1)), "end_date": _day("end_date", date(2028, 12, 31)),
         "content": "总建筑面积  12万平方米\n含商业配套", "task_force": "城建专班", "lead_unit": "区住建局",
         "progress": "主体封顶\n外立面施工", "remarks": "含二期　地块"},
        {"name": "东亚纳米科技园", "category": "产业项目", "owner": "东亚纳米科技有限公司", "location": "北格镇",
         "total_investment": _wan("total_investment", 45000.5, 450_005_000),
         "annual_plan": _wan("annual_plan", 8000, 80_000_000), "content": "纳米材料生产线（ＡＢ线）",
         "task_force": "产业专班", "lead_unit": "区发改局", "progress": "设备安装"},
        {"name": "海沧半导体产业基地", "category": "基础设施", "owner": "海沧投资集团", "location": "刘家堡乡",
         "total_investment": _wan("total_investment", 12000, 120_000_000),
         "annual_plan": _wan("annual_plan", 3000, 30_000_000),
         "start_date": _day("start_date", date(2026, 5, 10)), "task_force": "产业专班", "lead_unit": "区发改局"},
    ),
    ("ledger-projects", (2026, 1, 12)),
    frozenset({"name", "category", "owner", "location", "content", "task_force", "lead_unit", "total_investment",
               "annual_plan"}),
    key="name",
    parent=(4, 5, "投资情况"),
    title="2026年重点项目台账",
)

ENTERPRISES = KindData(
    "enterprises",
    (("企业名称", "name"), ("统一社会信用代码", "credit_code"), ("所属行业", "industry"), ("地址", "address"),
     ("联系人", "contact"), ("联系电话", "phone"), ("备注", "remarks")),
    (
        {"name": "某某科技有限公司", "credit_code": Cell("91140105MA0GX7B1K2", {"credit_code": "91140105MA0GX7B1K2"}),
         "industry": "软件和信息技术服务业", "address": "小店区  长治路１号", "contact": "张三",
         "phone": Cell("0351-7654321", {"phone": "0351-7654321"}), "remarks": "拟迁入　新园区"},
        {"name": "东亚纳米科技有限公司", "industry": "新材料", "address": "北格镇工业园\nB区3号", "contact": "李四",
         "phone": Cell(13800001111, {"phone": "13800001111"})},
        {"name": "海沧投资集团", "industry": "建筑业", "contact": "王五", "remarks": "集团总部"},
    ),
    None,
    key="name",
    parent=(4, 5, "联系方式"),
    title="包联企业名录",
)

INVESTMENT = KindData(
    "investment",
    (("项目名称", "project"), ("建设单位", "owner"), ("年度计划投资", "annual_plan"),
     ("1-10月累计完成投资", "amount_ytd"), ("形象进度", "progress"), ("责任单位", "lead_unit"), ("备注", "remarks")),
    (
        {"project": "紫云府项目", "owner": "紫云置业有限公司", "annual_plan": _wan("annual_plan", 6000, 60_000_000),
         "amount_ytd": _wan("amount_ytd", 4080.5, 40_805_000), "progress": "主体封顶\n外立面施工",
         "lead_unit": "区住建局", "remarks": "10月停工  3天"},
        {"project": "东亚纳米科技园", "owner": "东亚纳米科技有限公司", "annual_plan": _wan("annual_plan", 8000, 80_000_000),
         "amount_ytd": _wan("amount_ytd", 6800, 68_000_000), "progress": "设备安装", "lead_unit": "区发改局"},
        {"project": "海沧半导体产业基地", "owner": "海沧投资集团", "annual_plan": _wan("annual_plan", 3000, 30_000_000),
         "amount_ytd": _wan("amount_ytd", 0, 0), "lead_unit": "区发改局", "remarks": "未开工"},
    ),
    ("investment", (2026, 1, 10)),
    frozenset({"project", "owner", "lead_unit", "annual_plan", "amount_ytd"}),
    key="project",
    parent=(2, 3, "投资（万元）"),
    title="2026年1-10月重点项目投资进度表",
    extra={"year": 2026, "month": 10},
)

KINDS: dict[str, KindData] = {k.kind: k for k in (ISSUES, DECISIONS, PROJECTS, ENTERPRISES, INVESTMENT)}
