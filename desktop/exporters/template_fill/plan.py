"""From records to the rows of the form: numbering, group headings (一、产业项目 / （一）续建), 小计 and 合计.

A template with heading rows is filled in groups; what a level groups by is read from the headings' own words
(产业项目 is a category, 续建 a stage …). The headings the template lists come first and in its order, also when
a group has no record (the upper level wants every line of its form); other groups follow. Sums of amounts are
exact integer 元; the rates and lights of a heading or 合计 are the investment service's roll-up of its projects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from desktop.db.enums import ProjectStage
from desktop.exporters.xlsx.grouping import chinese_ordinal
from desktop.importers.text import match_key
from desktop.services import stats
from desktop.services.figures import LagThresholds
from desktop.services.templates import catalog
from desktop.services.templates.catalog import SEQ, Purpose
from desktop.services.templates.layout import PlanRow, RowRole, TemplateLayout
from desktop.services.templates.records import LINE, line_values

GROUPINGS: dict[Purpose, dict[str, str]] = {
    Purpose.PROJECTS: {"category": "按项目类别", "stage": "按建设阶段", "task_force": "按项目专班",
                       "lead_unit": "按责任单位", "lead_leaders": "按牵头领导"},
    Purpose.ISSUES: {"category": "按问题类别", "level": "按办理层级", "status": "按办理状态", "lead_unit": "按责任单位",
                     "project": "按项目"},
    Purpose.DECISIONS: {"meeting": "按会议", "lead_unit": "按责任单位", "status": "按落实状态"},
}
NO_VALUE = "未分类"
STAGE_ORDER = [s.label for s in ProjectStage]
_COUNT = re.compile(r"[(（]\s*(?:共)?\s*(\d+)\s*(个|项|家)?\s*(?:项目)?\s*[)）]$")
_NUMBERING = re.compile(r"^([一二三四五六七八九十]+)([、.．]?)")

Order = Callable[[str], Any]


def group_key(record: dict[str, Any], dimension: str) -> str:
    value = record.get(dimension) or ""
    if dimension == "lead_leaders":
        value = str(value).split("、", 1)[0]
    return str(value) or NO_VALUE


def _matches(label: str, value: str) -> bool:
    a, b = match_key(label), match_key(value)
    return bool(a and b) and (a == b or a in b or b in a)


def infer_grouping(layout: TemplateLayout, records: Sequence[dict[str, Any]]) -> tuple[str, ...]:
    """The dimension of each heading level of the template, judged by which values its headings name."""
    options = list(GROUPINGS[layout.purpose])
    chosen: list[str] = []
    for level in layout.group_levels:
        labels = [r.label for r in layout.rows_of(RowRole.GROUP, level)]
        best, best_score = None, 0
        for dimension in options:
            if dimension in chosen:
                continue
            values = {group_key(r, dimension) for r in records}
            if dimension == "stage":
                values |= set(STAGE_ORDER)
            score = sum(1 for label in labels if any(_matches(label, v) for v in values))
            if score > best_score:
                best, best_score = dimension, score
        if best is None:
            fallback = ("stage" if level == 2 and layout.purpose is Purpose.PROJECTS else
                        next(d for d in options if d not in chosen))
            best = fallback
        chosen.append(best)
    return tuple(chosen)


def _default_order(dimension: str, orders: dict[str, Order]) -> Order:
    if dimension in orders:
        return orders[dimension]
    if dimension == "stage":
        return lambda key: (STAGE_ORDER.index(key) if key in STAGE_ORDER else len(STAGE_ORDER), key)
    return lambda key: (key == NO_VALUE, key)


class PlanBuilder:
    def __init__(self, layout: TemplateLayout, grouping: Sequence[str], month: int, thresholds: LagThresholds,
                 orders: dict[str, Order] | None = None) -> None:
        self.layout = layout
        self.purpose = layout.purpose
        self.grouping = tuple(grouping)
        self.month = month
        self.thresholds = thresholds
        self.orders = orders or {}
        self.summed = [f.code for f in catalog.fields(self.purpose) if f.summed]
        self.count_unit = "个" if self.purpose is Purpose.PROJECTS else "项"
        self.seq = 0

    def build(self, records: Sequence[dict[str, Any]]) -> list[PlanRow]:
        body = self._groups(list(records), 0) if self.grouping else [self._record(r) for r in records]
        total = self.layout.total_row
        if total is None:
            return body
        row = PlanRow(RowRole.TOTAL, self._sums(records), label=self._counted(total.text, len(records)))
        return [row, *body] if self.layout.total_on_top else [*body, row]

    def _record(self, record: dict[str, Any]) -> PlanRow:
        self.seq += 1
        record[SEQ] = self.seq  # the records are this fill's own dicts
        return PlanRow(RowRole.RECORD, record)

    def _template_labels(self, level: int) -> list[str]:
        seen: list[str] = []
        for row in self.layout.rows_of(RowRole.GROUP, level):
            if row.label not in seen:
                seen.append(row.label)
        return seen

    def _groups(self, records: list[dict[str, Any]], depth: int) -> list[PlanRow]:
        dimension = self.grouping[depth]
        level = depth + 1
        members: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            members.setdefault(group_key(record, dimension), []).append(record)
        template = self._template_labels(level)
        order: list[tuple[str, str]] = []  # (shown label, key)
        for label in template:
            key = next((k for k in members if _matches(label, k)), None)
            if key is not None or (level == 1 and depth == 0):
                order.append((label, key or ""))
        used = {key for _label, key in order}
        for key in sorted((k for k in members if k not in used), key=_default_order(dimension, self.orders)):
            order.append((key, key))
        rows: list[PlanRow] = []
        examples = self.layout.rows_of(RowRole.GROUP, level)
        # A heading shows its group's sums when the template's heading does (formulas), or when the form has no
        # 小计 row to show them.
        sums_on_heading = bool(examples and examples[0].formulas) or not self.layout.rows_of(RowRole.SUBTOTAL)
        for index, (label, key) in enumerate(order, 1):
            group = members.get(key, []) if key else []
            values = self._sums(group) if sums_on_heading else {}
            rows.append(PlanRow(RowRole.GROUP, values, level, self._heading(level, index, label, len(group))))
            if depth + 1 < len(self.grouping):
                rows.extend(self._groups(group, depth + 1))
            else:
                rows.extend(self._record(r) for r in group)
                subtotal = self.layout.rows_of(RowRole.SUBTOTAL)
                if subtotal:
                    rows.append(PlanRow(RowRole.SUBTOTAL, self._sums(group),
                                        label=self._counted(subtotal[0].text, len(group))))
        return rows

    def _heading(self, level: int, index: int, label: str, count: int) -> str:
        examples = self.layout.rows_of(RowRole.GROUP, level)
        example = examples[0].text if examples else ""
        if level == 1:
            found = _NUMBERING.match(example)
            text = f"{chinese_ordinal(index)}{found.group(2) if found else '、'}{label}"
        else:
            ascii_brackets = example.startswith("(")
            text = f"({chinese_ordinal(index)}){label}" if ascii_brackets else f"（{chinese_ordinal(index)}）{label}"
        counted = examples[0].counted if examples else not self.layout.group_levels
        return f"{text}（{count}{self._unit(example)}）" if counted else text

    def _unit(self, example: str) -> str:
        found = _COUNT.search(example)
        return found.group(2) if found and found.group(2) else self.count_unit

    def _counted(self, text: str, count: int) -> str:
        found = _COUNT.search(text)
        if not found:
            return text
        return f"{text[:found.start()]}（{count}{found.group(2) or ''}）"

    def _sums(self, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
        sums: dict[str, Any] = {}
        for code in self.summed:
            values = [r[code] for r in records if isinstance(r.get(code), int)]
            sums[code] = sum(values) if values else (0 if not records else None)
        lines = [r[LINE] for r in records if LINE in r]
        if lines:
            sums.update(line_values(stats.rollup_lines("", lines, self.month, self.thresholds), self.month))
        return sums
