"""What a template column can be filled with: the fields of each kind of row, and the figures computed for them.

Header texts are first read with the importer's synonyms (one vocabulary for reading a ledger and for filling a
form: `importers.fields`); the importer's field codes are translated here to fill fields. Only what the importer
does not know — computed figures such as 序时进度, the project's open issues under 存在问题, 牵头领导 beside
包保领导 — has synonyms of its own below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from desktop.importers.text import match_key


class Purpose(StrEnum):
    """Which records become the rows of the form."""

    PROJECTS = "projects"
    ISSUES = "issues"
    DECISIONS = "decisions"

    @property
    def label(self) -> str:
        return {"projects": "重点项目", "issues": "问题", "decisions": "议定事项"}[self.value]

    @property
    def importer_kinds(self) -> tuple[str, ...]:
        """The importer kinds whose header vocabulary describes such a form (and which read it back)."""
        return {"projects": ("projects", "investment"), "issues": ("issues",), "decisions": ("decisions",)}[self.value]


class ValueKind(StrEnum):
    TEXT = "text"
    MONEY = "money"  # integer 元, written in the template's unit (万元 / 亿元)
    PERCENT = "percent"  # Decimal percentage (97.06), written as 0.9706 in a % cell or 97.06 under "（%）"
    INT = "int"
    DATE = "date"  # a date, or the office's own deadline text (6月底前)


@dataclass(frozen=True)
class FillField:
    """One thing a column can show. `summed` fields add up on group, 小计 and 合计 rows; `rolled` ones (rates,
    lights) are recomputed for those rows by the investment service from the sums, never averaged."""

    code: str
    label: str
    kind: ValueKind = ValueKind.TEXT
    summed: bool = False
    rolled: bool = False
    synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    note: str = ""


SEQ = "seq"
T, M, P, N, D = ValueKind.TEXT, ValueKind.MONEY, ValueKind.PERCENT, ValueKind.INT, ValueKind.DATE


def _f(code: str, label: str, kind: ValueKind = T, *synonyms: str, summed: bool = False, rolled: bool = False,
       patterns: tuple[str, ...] = (), note: str = "") -> FillField:
    return FillField(code, label, kind, summed, rolled, synonyms, patterns, note)


_SEQ_FIELD = _f(SEQ, "序号（自动编号）", N, "序号", "序", "排序", note="记录行依次编号1、2、3……")

PROJECT_FIELDS = (
    _SEQ_FIELD,
    _f("code", "项目编号"),
    _f("name", "项目名称"),
    _f("category", "项目类别"),
    _f("task_force", "项目专班"),
    _f("owner", "建设单位"),
    _f("location", "建设地点"),
    _f("stage", "建设阶段"),
    _f("content", "建设内容"),
    _f("total", "总投资", M, summed=True),
    _f("annual_plan", "年度计划投资", M, summed=True),
    _f("month_done", "本月完成投资", M, summed=True),
    _f("ytd", "1至N月累计完成投资", M, "完成投资", "累计完成投资", "已完成投资", summed=True,
       patterns=(r"1[-~—至到]?(?:\d{1,2}|n)月(?:份)?(?:累计)?(?:实际)?完成(?:投资)?(?:额)?",)),
    _f("plan_rate", "完成年度计划（%）", P, "完成年度计划比例", "占年度计划比例", "年度计划完成率", "完成比例",
       rolled=True, note="累计完成÷年度计划"),
    _f("due", "序时计划投资", M, "序时计划", "序时目标", "序时应完成投资", "序时进度计划", summed=True,
       note="年度计划×已过月数÷12；录入了月度目标的按目标累计"),
    _f("schedule", "完成序时进度（%）", P, "序时进度", "完成序时进度", "序时进度完成率", "完成序时进度比例",
       "序时完成率", "序时进度完成情况", rolled=True, note="累计完成÷序时计划"),
    _f("light", "进度状态（正常/滞后/严重滞后）", T, "进度状态", "预警状态", "预警", "亮灯情况", "亮灯", "红黄绿灯",
       "进度预警", rolled=True),
    _f("planned_start", "计划开工时间", D, "计划开工时间", "计划开工日期", "计划开工"),
    _f("planned_end", "计划竣工时间", D, "计划竣工时间", "计划竣工日期", "计划竣工", "计划完工时间"),
    _f("started_on", "开复工时间", D, "开复工时间", "开复工日期", "实际开工时间", "开工时间", "开工日期"),
    _f("progress", "形象进度（已达到的节点）", T, "形象进度", "形象进展", "工程形象进度",
       note="最近已完成的形象进度节点及日期"),
    _f("issues", "存在问题（未办结问题）", T, "存在问题", "存在的问题", "困难问题", "存在困难和问题",
       "存在问题及需协调事项", "需协调解决的问题", "存在问题及建议", "困难和问题", "问题及诉求",
       note="该项目未办结的问题，逐条编号"),
    _f("open_issue_count", "未办结问题数", N, "未办结问题", "未解决问题数", "问题数", "问题个数", summed=True),
    _f("leaders", "包保领导（全部）"),
    _f("lead_leaders", "牵头领导", T, "牵头领导", "牵头区领导", "牵头市领导", "牵头包保领导"),
    _f("support_leaders", "包保领导（不含牵头）"),
    _f("lead_unit", "责任单位"),
)

ISSUE_FIELDS = (
    _SEQ_FIELD,
    _f("project", "项目名称"),
    _f("enterprise", "企业名称"),
    _f("category", "问题类别"),
    _f("description", "问题描述"),
    _f("found_by", "发现人"),
    _f("found_on", "发现时间", D),
    _f("lead_unit", "责任单位"),
    _f("supporting_units", "配合单位"),
    _f("person", "责任人"),
    _f("deadline", "完成时限", D),
    _f("level", "办理层级"),
    _f("status", "办理状态"),
    _f("progress", "办理进展"),
    _f("feedback", "企业评价"),
    _f("leader", "包保领导"),
)

DECISION_FIELDS = (
    _SEQ_FIELD,
    _f("decision_no", "事项编号（会议内）", N, "事项编号", "议定事项编号"),
    _f("meeting", "会议"),
    _f("text", "议定事项"),
    _f("project", "项目名称"),
    _f("lead_unit", "责任单位"),
    _f("supporting_units", "配合单位"),
    _f("person", "责任人"),
    _f("deadline", "完成时限", D),
    _f("status", "落实状态"),
    _f("progress", "落实情况"),
    _f("remarks", "备注"),
)

FIELDS: dict[Purpose, tuple[FillField, ...]] = {
    Purpose.PROJECTS: PROJECT_FIELDS, Purpose.ISSUES: ISSUE_FIELDS, Purpose.DECISIONS: DECISION_FIELDS}

# importer kind → importer field code → fill field (None: the office keeps no such data, the column stays empty).
FROM_IMPORTER: dict[str, dict[str, str | None]] = {
    "projects": {
        "code": "code", "name": "name", "category": "category", "owner": "owner", "location": "location",
        "total_investment": "total", "annual_plan": "annual_plan", "stage": "stage", "start_date": "started_on",
        "end_date": "planned_end", "content": "content", "leader": "leaders", "task_force": "task_force",
        "lead_unit": "lead_unit", "progress": "progress", "remarks": None,
    },
    "investment": {
        "code": "code", "project": "name", "category": "category", "owner": "owner", "year": None, "month": None,
        "total_investment": "total", "annual_plan": "annual_plan", "amount_month": "month_done",
        "amount_ytd": "ytd", "plan_ratio": "plan_rate", "progress": "progress", "leader": "leaders",
        "lead_unit": "lead_unit", "remarks": None,
    },
    "issues": {
        "project": "project", "enterprise": "enterprise", "category": "category", "description": "description",
        "found_by": "found_by", "found_date": "found_on", "lead_unit": "lead_unit",
        "supporting_units": "supporting_units", "person": "person", "deadline": "deadline", "level": "level",
        "status": "status", "progress": "progress", "feedback": "feedback", "leader": "leader", "remarks": None,
    },
    "decisions": {
        "meeting": "meeting", "text": "text", "project": "project", "lead_unit": "lead_unit",
        "supporting_units": "supporting_units", "person": "person", "deadline": "deadline", "status": "status",
        "progress": "progress", "remarks": "remarks",
    },
}

NO_DATA_REASON = "本系统没有这项数据，留空"


def fields(purpose: Purpose | str) -> tuple[FillField, ...]:
    return FIELDS[Purpose(purpose)]


def field(purpose: Purpose | str, code: str) -> FillField:
    for spec in fields(purpose):
        if spec.code == code:
            return spec
    raise KeyError(code)


def field_codes(purpose: Purpose | str) -> frozenset[str]:
    return frozenset(spec.code for spec in fields(purpose))


@cache
def _own_index(purpose: Purpose) -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for spec in FIELDS[purpose]:
        for synonym in spec.synonyms:
            exact.setdefault(match_key(synonym), spec.code)
        patterns.extend((re.compile(p), spec.code) for p in spec.patterns)
    return exact, tuple(patterns)


def own_match(purpose: Purpose, key: str) -> str | None:
    """A fill field named by a header key (see `importers.header.split_unit`) in this module's own synonyms."""
    exact, patterns = _own_index(purpose)
    if key in exact:
        return exact[key]
    for pattern, code in patterns:
        if pattern.fullmatch(key):
            return code
    return None
