"""The five 台账 the office hands upwards, declared on the xlsx toolkit: 问题台账, 议定事项台账, 重点项目台账,
投资进度表 and 包保责任表.

Only the columns, titles and group rows live here; the layout (merged title, 填报单位 line, two-level header,
print titles, A4 landscape, footer, drop-downs) is the toolkit's, so all five print alike. Rows come from
`services.ledger_rows` as plain dicts. Each `*_sheet` gives the spec and rows that both the xlsx writer and the
printed/PDF table (`exporters.ledger_html`) take, so paper and Excel show the same rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.exporters.xlsx import (
    ColumnKind,
    GroupRow,
    LedgerColumn,
    LedgerSpec,
    SubtotalRow,
    TotalRow,
    chinese_ordinal,
    with_subtotals,
    write_ledger,
)
from desktop.services.figures import Light
from desktop.services.ledger_rows import STATUS_LABELS, InvestmentGroup

ProgressCallback = Callable[[int, int | None], None]
CancelCallback = Callable[[], bool]
NOTES = ("填表人：　　　　　　审核人：　　　　　　联系电话：",)
LIGHT_CHOICES = tuple(light.label for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.NONE))
LIGHT_LABELS = {light.value: light.label for light in Light}
# One sheet as every writer takes it (xlsx, the print/PDF table): its spec and its rows, group rows included.
Sheet = tuple[LedgerSpec, Iterable[Any]]


@dataclass(frozen=True)
class LedgerHeader:
    """What differs between two exports of the same ledger: the title, 填报单位 and 填报日期."""

    title: str
    unit: str
    report_date: date


def _overdue(keys: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[str, ...]]:
    def rule(row: Mapping[str, Any]) -> tuple[str, ...]:
        return keys if row.get("overdue") else ()
    return rule


def _lagging(row: Mapping[str, Any]) -> tuple[str, ...]:
    return ("schedule", "light") if row.get("lagging") else ()


# ------------------------------------------------------------------ 问题台账
ISSUE_COLUMNS = (
    LedgerColumn("project", "项目名称", 10),
    LedgerColumn("category", "问题类别", 4, align="center"),
    LedgerColumn("description", "问题描述", 18),
    LedgerColumn("lead_unit", "牵头单位", 7, group="责任单位"),
    LedgerColumn("support_units", "配合单位", 7, group="责任单位"),
    LedgerColumn("person", "责任人", 4, group="责任单位", align="center"),
    LedgerColumn("deadline", "完成时限", 6.5, kind=ColumnKind.DATE),
    LedgerColumn("level", "当前层级", 5, align="center"),
    LedgerColumn("status", "办理状态", 5, kind=ColumnKind.STATUS, labels=STATUS_LABELS),
    LedgerColumn("supervised", "督办次数", 4, kind=ColumnKind.INT, align="center"),
    LedgerColumn("progress", "最新进展", 16),
    LedgerColumn("found_on", "发现日期", 6.5, kind=ColumnKind.DATE),
)


def issue_spec(header: LedgerHeader) -> LedgerSpec:
    return LedgerSpec(header.title, ISSUE_COLUMNS, sheet_name="问题台账", unit=header.unit,
                      report_date=header.report_date, highlight=_overdue(("deadline", "status")), notes=NOTES)


def issue_sheet(header: LedgerHeader, rows: Iterable[Mapping[str, Any]]) -> Sheet:
    return issue_spec(header), rows


def write_issue_ledger(path: str | os.PathLike[str], header: LedgerHeader, rows: Iterable[Mapping[str, Any]],
                       progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    return write_ledger(path, [issue_sheet(header, rows)], progress, cancel)


# ------------------------------------------------------------------ 议定事项台账
DECISION_COLUMNS = (
    LedgerColumn("seq", "事项编号", 4, kind=ColumnKind.INT, align="center"),
    LedgerColumn("text", "议定事项", 20),
    LedgerColumn("project", "涉及项目", 9),
    LedgerColumn("lead_unit", "牵头单位", 7, group="责任单位"),
    LedgerColumn("support_units", "配合单位", 7, group="责任单位"),
    LedgerColumn("person", "责任人", 4, group="责任单位", align="center"),
    LedgerColumn("deadline", "完成时限", 6.5, kind=ColumnKind.DATE),
    LedgerColumn("status", "落实状态", 5, kind=ColumnKind.STATUS, labels=STATUS_LABELS),
    LedgerColumn("progress", "落实情况", 14),
    LedgerColumn("remark", "备注", 5),
)


def decision_spec(header: LedgerHeader) -> LedgerSpec:
    return LedgerSpec(header.title, DECISION_COLUMNS, sheet_name="议定事项台账", unit=header.unit,
                      report_date=header.report_date, highlight=_overdue(("deadline", "status")), notes=NOTES)


def _meeting_heading(index: int, name: str, count: int) -> str:
    return f"{chinese_ordinal(index)}、{name}议定事项（{count}项）"


def decision_sheet(header: LedgerHeader, groups: Iterable[tuple[str, Iterable[Mapping[str, Any]]]]) -> Sheet:
    return decision_spec(header), with_subtotals(groups, (), heading=_meeting_heading, subtotals=False, total=False)


def write_decision_ledger(path: str | os.PathLike[str], header: LedgerHeader,
                          groups: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
                          progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    return write_ledger(path, [decision_sheet(header, groups)], progress, cancel)


# ------------------------------------------------------------------ 重点项目台账
def project_columns(month: int) -> tuple[LedgerColumn, ...]:
    done = f"1—{month}月完成" if month > 1 else "1月完成"
    return (
        # 项目编号 and 建设地点 print only when chosen: with all 16 columns the sheet is too wide even for A3.
        LedgerColumn("code", "项目编号", 5, align="center", optional=True),
        LedgerColumn("name", "项目名称", 11),
        LedgerColumn("category", "项目类别", 5, align="center"),
        LedgerColumn("task_force", "项目专班", 5, align="center"),
        LedgerColumn("owner", "建设单位", 8),
        LedgerColumn("location", "建设地点", 4, align="center", optional=True),
        LedgerColumn("stage", "建设阶段", 4, align="center"),
        LedgerColumn("content", "建设内容", 14),
        LedgerColumn("total", "总投资", 5.5, kind=ColumnKind.MONEY_WAN, group="投资情况（万元）"),
        LedgerColumn("annual_plan", "年度计划", 5.5, kind=ColumnKind.MONEY_WAN, group="投资情况（万元）"),
        LedgerColumn("completed", done, 5.5, kind=ColumnKind.MONEY_WAN, group="投资情况（万元）"),
        LedgerColumn("plan_rate", "完成年度计划", 4.5, kind=ColumnKind.PERCENT, group="投资情况（万元）"),
        LedgerColumn("lead_leaders", "牵头领导", 4, group="包保领导", align="center"),
        LedgerColumn("support_leaders", "包保领导", 5, group="包保领导", align="center"),
        LedgerColumn("lead_unit", "责任单位", 7),
        LedgerColumn("started_on", "开复工日期", 6.5, kind=ColumnKind.DATE),
    )


def project_sheet(header: LedgerHeader, month: int, rows: Iterable[Mapping[str, Any]]) -> Sheet:
    return LedgerSpec(header.title, project_columns(month), sheet_name="重点项目台账", unit=header.unit,
                      report_date=header.report_date, notes=NOTES), rows


def write_project_ledger(path: str | os.PathLike[str], header: LedgerHeader, month: int,
                         rows: Iterable[Mapping[str, Any]], progress: ProgressCallback | None = None,
                         cancel: CancelCallback | None = None) -> int:
    return write_ledger(path, [project_sheet(header, month, rows)], progress, cancel)


# ------------------------------------------------------------------ 投资进度表
def investment_columns(month: int) -> tuple[LedgerColumn, ...]:
    done = f"1—{month}月完成" if month > 1 else "1月完成"
    return (
        LedgerColumn("name", "项目名称", 14),
        LedgerColumn("owner", "建设单位", 9),
        LedgerColumn("lead_unit", "责任单位", 8),
        LedgerColumn("annual_plan", "年度计划", 6, kind=ColumnKind.MONEY_WAN, group="投资（万元）"),
        LedgerColumn("completed", done, 6, kind=ColumnKind.MONEY_WAN, group="投资（万元）"),
        LedgerColumn("due", "序时计划", 6, kind=ColumnKind.MONEY_WAN, group="投资（万元）"),
        LedgerColumn("plan_rate", "完成年度计划", 5, kind=ColumnKind.PERCENT, group="完成比例"),
        LedgerColumn("schedule", "完成序时进度", 5, kind=ColumnKind.PERCENT, group="完成比例"),
        LedgerColumn("light", "进度状态", 4.5, kind=ColumnKind.STATUS, labels=LIGHT_LABELS),
    )


_SUM_COLUMNS = ("annual_plan", "completed", "due", "plan_rate", "schedule", "light")


def _section_values(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values.get(k) for k in _SUM_COLUMNS}


def investment_rows(groups: Iterable[InvestmentGroup], total: Mapping[str, Any] | None) -> Iterator[Any]:
    """一、产业项目（40个） with its sums, the projects, 小计; …; 合计 — sums are the statistics service's."""
    for index, group in enumerate(groups, 1):
        yield GroupRow(f"{chinese_ordinal(index)}、{group.name}（{len(group.projects)}个）",
                       _section_values(group.rollup))
        yield from group.projects
        yield SubtotalRow("小计", _section_values(group.rollup))
    if total is not None:
        yield TotalRow(f"合计（{total['projects']}个）", _section_values(total))


def investment_sheet(header: LedgerHeader, month: int, groups: list[InvestmentGroup],
                     total: Mapping[str, Any] | None) -> Sheet:
    spec = LedgerSpec(header.title, investment_columns(month), sheet_name="投资进度表", unit=header.unit,
                      report_date=header.report_date, status_choices=LIGHT_CHOICES, highlight=_lagging,
                      notes=("说明：序时计划＝年度计划×已过月数÷12，录入了月度目标的按目标累计；完成序时进度＝累计完成÷序时计划；"
                             "落后序时进度10至30个百分点为滞后，30个百分点以上为严重滞后。", *NOTES))
    return spec, investment_rows(groups, total)


def write_investment_ledger(path: str | os.PathLike[str], header: LedgerHeader, month: int,
                            groups: list[InvestmentGroup], total: Mapping[str, Any] | None,
                            progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    return write_ledger(path, [investment_sheet(header, month, groups, total)], progress, cancel)


# ------------------------------------------------------------------ 包保责任表
RESPONSIBILITY_COLUMNS = (
    LedgerColumn("project", "包保项目", 14),
    LedgerColumn("role", "包保方式", 4, align="center"),
    LedgerColumn("category", "项目类别", 5, align="center"),
    LedgerColumn("stage", "建设阶段", 4, align="center"),
    LedgerColumn("owner", "建设单位", 9),
    LedgerColumn("lead_unit", "责任单位", 8),
    LedgerColumn("task_force", "项目专班", 5, align="center"),
    LedgerColumn("since", "包保起始", 6.5, kind=ColumnKind.DATE),
    LedgerColumn("open_issues", "未办结问题", 5, kind=ColumnKind.INT, align="center"),
)


def _leader_heading(index: int, name: str, count: int) -> str:
    return f"{chinese_ordinal(index)}、{name}　包保项目{count}个"


def responsibility_sheet(header: LedgerHeader, groups: Iterable[tuple[str, Iterable[Mapping[str, Any]]]]) -> Sheet:
    spec = LedgerSpec(header.title, RESPONSIBILITY_COLUMNS, sheet_name="包保责任表", unit=header.unit,
                      report_date=header.report_date, notes=NOTES)
    return spec, with_subtotals(groups, (), heading=_leader_heading, subtotals=False, total=False)


def write_responsibility_ledger(path: str | os.PathLike[str], header: LedgerHeader,
                                groups: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
                                progress: ProgressCallback | None = None,
                                cancel: CancelCallback | None = None) -> int:
    return write_ledger(path, [responsibility_sheet(header, groups)], progress, cancel)
