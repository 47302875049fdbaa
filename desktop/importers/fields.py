"""The registry of import kinds: which fields each has, their types and header synonyms.

Each office names the same column differently (存在问题 / 问题描述 / 诉求内容 …); the synonyms
here are the ones seen in the sample ledgers and the reports in the reference material.
Patterns cover headers that carry a number, such as 1-10月完成投资 or 2022年计划投资.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop.importers.text import match_key


class FieldType(StrEnum):
    """How a column's cells are parsed (see values.py)."""

    TEXT = "text"
    DATE = "date"
    DEADLINE = "deadline"
    MONEY = "money"
    INT = "int"
    PERCENT = "percent"
    STATUS = "status"
    FEEDBACK = "feedback"
    LEVEL = "level"
    STAGE = "stage"
    CREDIT_CODE = "credit_code"
    YEAR = "year"
    MONTH = "month"
    FLAG = "flag"


@dataclass(frozen=True)
class FieldSpec:
    """One target field: code name (as in the data model), Chinese label, type, synonyms."""

    code: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def synonym_keys(self) -> frozenset[str]:
        return frozenset(match_key(s) for s in (self.label, *self.synonyms))

    def compiled_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.patterns)


@dataclass(frozen=True)
class KindSpec:
    """An import kind; `group_field` receives the label of group rows (一、产业项目)."""

    code: str
    label: str
    fields: tuple[FieldSpec, ...]
    required_one_of: tuple[tuple[str, ...], ...] = ()
    group_field: str | None = None

    def field(self, code: str) -> FieldSpec:
        for spec in self.fields:
            if spec.code == code:
                return spec
        raise KeyError(code)

    def field_codes(self) -> tuple[str, ...]:
        return tuple(spec.code for spec in self.fields)


def _f(code: str, label: str, type_: FieldType = FieldType.TEXT, *synonyms: str, required: bool = False,
       patterns: tuple[str, ...] = ()) -> FieldSpec:
    return FieldSpec(code, label, type_, required, tuple(synonyms), patterns)


T = FieldType

# Shared column definitions; kinds reuse them so that a 责任单位 column is read the same way
# in an issue ledger and a decided-item ledger.
PROJECT_NAME = ("项目名称", "项目", "项目全称", "重点项目名称", "项目名", "涉及项目")
LEAD_UNIT = ("责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门", "承办单位", "办理单位", "责任单位(牵头)")
SUPPORTING = ("配合单位", "协办单位", "配合部门", "协同单位", "责任单位(配合)")
PERSON = ("责任人", "具体责任人", "经办人", "办理责任人")
DEADLINE = ("完成时限", "办结时限", "时限要求", "完成时间", "解决时限", "时限", "办理时限", "计划完成时间")
STATUS = ("办理状态", "状态", "是否办结", "办结情况", "完成情况", "办理结果", "落实状态")
PROGRESS = ("办理进展", "推进情况", "进展情况", "办理情况", "解决情况", "进展", "工作进展", "最新进展", "落实情况",
            "落实进展", "最新办理进展", "最新进展情况")
# 办理进展（最新） / 进展情况(截至10月底): the column of the latest progress, whatever the bracket says.
PROGRESS_PATTERNS = (r"(?:最新)?(?:办理|工作|推进|落实)?(?:进展|情况|进度)(?:情况)?\((?:最新|截至.{0,12}|截止.{0,12})\)",)
FOUND_DATE = ("发现日期", "提出时间", "提出日期", "反映时间", "收集时间", "受理日期", "受理时间", "交办日期", "交办时间",
              "登记日期", "登记时间", "发现时间", "反映日期")
RESOLVED_DATE = ("办结日期", "实际办结时间", "实际办结日期", "实际完成时间", "实际完成日期", "销号时间", "销号日期",
                 "办结时间")
REMARKS = ("备注", "说明")
LEADER = ("包保领导", "包联领导", "包保区领导", "牵头领导", "联系领导", "包保市领导", "责任领导")

TOTAL_INVESTMENT = _f("total_investment", "总投资", T.MONEY, "计划总投资", "项目总投资", "总投资额")
ANNUAL_PLAN = _f(
    "annual_plan", "年度计划投资", T.MONEY, "年度计划", "本年计划投资", "年计划投资", "年度投资计划", "计划投资",
    patterns=(r"(?:\d{4}年度?)?(?:年度)?计划(?:完成)?投资(?:额)?", r"\d{4}年度?计划"),
)

PROJECTS = KindSpec(
    "projects",
    "重点项目",
    (
        _f("code", "项目编号", T.TEXT, "项目代码", "编号", "项目编码", "项目序号"),
        _f("name", "项目名称", T.TEXT, *PROJECT_NAME, required=True),
        _f("category", "项目类别", T.TEXT, "类别", "项目类型", "项目分类"),
        _f("owner", "建设单位", T.TEXT, "业主单位", "项目单位", "建设主体", "实施单位", "项目业主"),
        _f("location", "建设地点", T.TEXT, "项目地点", "所在街乡", "所属街乡", "街乡", "所在地", "属地", "所在街道",
           "所属街道", "建设地址"),
        TOTAL_INVESTMENT,
        ANNUAL_PLAN,
        _f("stage", "项目阶段", T.STAGE, "建设阶段", "阶段", "建设性质", "项目性质"),
        _f("start_date", "开工时间", T.DATE, "开工日期", "计划开工时间", "开工年月"),
        _f("end_date", "竣工时间", T.DATE, "竣工日期", "计划竣工时间", "建成时间", "完工时间"),
        _f("content", "建设内容", T.TEXT, "建设规模及内容", "建设规模", "主要建设内容", "建设内容及规模"),
        _f("leader", "包保领导", T.TEXT, *LEADER),
        _f("task_force", "项目专班", T.TEXT, "专班", "所属专班", "工作专班"),
        _f("lead_unit", "责任单位", T.TEXT, *LEAD_UNIT),
        _f("progress", "形象进度", T.TEXT, "进展情况", "推进情况", "项目进展", "形象进展"),
        _f("remarks", "备注", T.TEXT, *REMARKS),
    ),
    group_field="category",
)

ISSUES = KindSpec(
    "issues",
    "问题",
    (
        _f("project", "项目名称", T.TEXT, *PROJECT_NAME),
        _f("enterprise", "企业名称", T.TEXT, "企业", "反映企业", "诉求企业"),
        _f("category", "问题类别", T.TEXT, "问题类型", "问题分类", "类别"),
        _f("description", "问题描述", T.TEXT, "存在问题", "诉求内容", "问题及诉求", "问题", "困难问题", "问题内容",
           "反映问题", "企业诉求", "存在的问题", "主要问题", required=True),
        _f("found_by", "发现人", T.TEXT, "提出人", "发现单位", "反映人", "提出单位", "收集人"),
        _f("found_date", "发现时间", T.DATE, *FOUND_DATE),
        _f("lead_unit", "责任单位", T.TEXT, *LEAD_UNIT),
        _f("supporting_units", "配合单位", T.TEXT, *SUPPORTING),
        _f("person", "责任人", T.TEXT, *PERSON),
        _f("deadline", "完成时限", T.DEADLINE, *DEADLINE),
        _f("level", "办理层级", T.LEVEL, "层级", "解决层级", "流转层级", "协调层级", "所在层级"),
        _f("status", "办理状态", T.STATUS, *STATUS),
        _f("closed_flag", "是否销号", T.FLAG, "是否已销号", "销号情况", "是否销账"),
        _f("resolved_date", "办结时间", T.DATE, *RESOLVED_DATE),
        _f("progress", "办理进展", T.TEXT, *PROGRESS, patterns=PROGRESS_PATTERNS),
        _f("feedback", "企业评价", T.FEEDBACK, "满意度", "企业反馈", "评价", "企业满意度", "反馈评价"),
        _f("leader", "包保领导", T.TEXT, *LEADER),
        _f("remarks", "备注", T.TEXT, *REMARKS),
    ),
    required_one_of=(("project", "enterprise"),),
)

DECISIONS = KindSpec(
    "decisions",
    "议定事项",
    (
        _f("meeting", "会议", T.TEXT, "会议名称", "会议名称及时间", "来源会议", "议定会议", "会议时间"),
        _f("text", "议定事项", T.TEXT, "议定内容", "会议议定事项", "决定事项", "交办事项", "事项内容", "议定事项内容",
           required=True),
        _f("project", "项目名称", T.TEXT, *PROJECT_NAME),
        _f("lead_unit", "责任单位", T.TEXT, *LEAD_UNIT),
        _f("supporting_units", "配合单位", T.TEXT, *SUPPORTING),
        _f("person", "责任人", T.TEXT, *PERSON),
        _f("deadline", "完成时限", T.DEADLINE, *DEADLINE),
        _f("status", "办理状态", T.STATUS, *STATUS),
        _f("closed_flag", "是否销号", T.FLAG, "是否已销号", "销号情况", "是否销账"),
        _f("resolved_date", "办结时间", T.DATE, *RESOLVED_DATE),
        _f("progress", "落实情况", T.TEXT, *PROGRESS, patterns=PROGRESS_PATTERNS),
        _f("remarks", "备注", T.TEXT, *REMARKS),
    ),
)

ENTERPRISES = KindSpec(
    "enterprises",
    "企业",
    (
        _f("name", "企业名称", T.TEXT, "企业", "单位名称", "公司名称", "企业全称", required=True),
        _f("credit_code", "统一社会信用代码", T.CREDIT_CODE, "信用代码", "社会信用代码", "统一信用代码"),
        _f("industry", "所属行业", T.TEXT, "行业", "行业类别", "行业分类"),
        _f("address", "地址", T.TEXT, "企业地址", "注册地址", "经营地址", "所在地址", "生产经营地址"),
        _f("contact", "联系人", T.TEXT, "企业联系人", "负责人", "企业负责人"),
        _f("phone", "联系电话", T.TEXT, "电话", "手机", "联系方式", "手机号码", "手机号"),
        _f("above_scale", "是否规上企业", T.FLAG, "规上企业", "是否规上", "是否规模以上", "规上"),
        _f("high_tech", "是否高新技术企业", T.FLAG, "高新技术企业", "是否高新", "高新企业"),
        _f("scale", "企业规模", T.TEXT, "规模", "企业类型"),
        _f("cadre", "包联干部", T.TEXT, "包保干部", "联系干部", "包联人", "服务专员", "包联责任人"),
        _f("remarks", "备注", T.TEXT, *REMARKS),
    ),
)

INVESTMENT = KindSpec(
    "investment",
    "投资进度",
    (
        _f("code", "项目编号", T.TEXT, "项目代码", "编号", "项目编码"),
        _f("project", "项目名称", T.TEXT, *PROJECT_NAME, required=True),
        _f("category", "项目类别", T.TEXT, "类别", "项目类型", "项目分类"),
        _f("owner", "建设单位", T.TEXT, "业主单位", "项目单位", "建设主体", "实施单位"),
        _f("year", "年度", T.YEAR, "年份", "填报年度"),
        _f("month", "月份", T.MONTH, "填报月份", "月"),
        TOTAL_INVESTMENT,
        ANNUAL_PLAN,
        _f("amount_month", "本月完成投资", T.MONEY, "当月完成投资", "本月完成", "当月完成",
           patterns=(r"\d{1,2}月(?:份)?(?:当月)?完成(?:投资)?(?:额)?",)),
        _f("amount_ytd", "累计完成投资", T.MONEY, "本年累计完成", "年度累计完成", "今年以来完成投资", "累计完成",
           "自年初累计完成投资", "本年累计完成投资",
           patterns=(r"(?:\d{4}年)?1(?:月)?[-~至到—–]\d{1,2}月(?:份)?(?:累计)?(?:实际)?完成(?:投资)?(?:额)?",)),
        _f("plan_ratio", "占年度计划", T.PERCENT, "占年度计划比例", "完成年度计划", "完成率", "占年计划"),
        _f("progress", "形象进度", T.TEXT, "进展情况", "推进情况", "项目进展"),
        _f("leader", "包保领导", T.TEXT, *LEADER),
        _f("lead_unit", "责任单位", T.TEXT, *LEAD_UNIT),
        _f("remarks", "备注", T.TEXT, *REMARKS),
    ),
    group_field="category",
)

KINDS: dict[str, KindSpec] = {k.code: k for k in (PROJECTS, ISSUES, DECISIONS, ENTERPRISES, INVESTMENT)}


def get_kind(kind: str | KindSpec) -> KindSpec:
    """Look a kind up by code; an unknown code is a programming error, not user input."""
    if isinstance(kind, KindSpec):
        return kind
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown import kind {kind!r}; known: {', '.join(KINDS)}") from None
