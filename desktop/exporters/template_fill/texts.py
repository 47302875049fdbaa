"""The words around the table: 填报单位 and 填报日期 filled in, the period of the title and header brought up to
the month reported (a form saved for 1-9月 is handed in next month as 1-10月).

Only what follows a 填报单位： / 填报日期： label is replaced (blanks, underscores, the empty 年 月 日), up to the
next label on the same line, so "填报单位（盖章）：　　　　单位：万元" keeps its 单位：万元 and its spacing.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.worksheet.worksheet import Worksheet

from desktop.services.templates.layout import FillPlan, TemplateLayout

_NEXT_LABEL = (r"(?=[ \u3000]*(?:(?:填报|报送|填表)(?:单位|日期|时间)|(?:金额)?单位[:：]|填表人|填报人|审核人|"
               r"联系人|联系电话|负责人)|$)")
UNIT_FIELD = re.compile(r"((?:填报|报送|填表)单位[^:：\n]{0,8}[:：])(.*?)" + _NEXT_LABEL, re.S)
DATE_FIELD = re.compile(r"((?:填报|报送|填表)(?:日期|时间)[^:：\n]{0,8}[:：])(.*?)" + _NEXT_LABEL, re.S)
MONTH_RANGE = re.compile(r"(?<!\d)(1\s*月?\s*[-~—－至到]+\s*)(\d{1,2})(\s*月)")
AS_OF = re.compile(r"(截至\s*(?:(?:19|20)\d{2}\s*年)?\s*)(\d{1,2})(\s*月)")


def _date_text(plan: FillPlan) -> str:
    day = plan.report_date
    return f"{day.year}年{day.month}月{day.day}日"


def fill_fields(text: str, office: str, day_text: str) -> str:
    text = UNIT_FIELD.sub(lambda m: f"{m.group(1)}{office}", text)
    return DATE_FIELD.sub(lambda m: f"{m.group(1)}{day_text}", text)


def period_text(text: str, old: tuple[int | None, int | None], new: tuple[int, int]) -> str:
    """The template's own period brought to the one filled: 1-9月 → 1-10月, 截至9月 → 截至10月, 2025年 → 2026年.

    Only the year and month the template was made for change, so a column 2025年完成投资 beside 2026年计划 keeps
    its year when the form is for 2026."""
    (old_year, old_month), (year, month) = old, new

    def months(found: re.Match[str]) -> str:
        return f"{found.group(1)}{month}{found.group(3)}" if int(found.group(2)) == old_month else found.group(0)

    if old_month is not None and old_month != month:
        text = AS_OF.sub(months, MONTH_RANGE.sub(months, text))
    if old_year is not None and old_year != year:
        text = re.sub(rf"(?<!\d){old_year}(?=\s*年)", str(year), text)
    return text


def _rewrite(value: Any, change: Any) -> Any:
    """Apply `change` to plain text, or to each run of rich text so its fonts are kept."""
    if isinstance(value, CellRichText):
        parts = [TextBlock(p.font, change(p.text)) if isinstance(p, TextBlock) else change(p) for p in value]
        return CellRichText(parts)
    return change(value) if isinstance(value, str) else value


def rewrite_texts(ws: Worksheet, layout: TemplateLayout, plan: FillPlan) -> None:
    day_text = _date_text(plan)
    for text_cell in {(c.row, c.column) for c in (*layout.unit_cells, *layout.date_cells)}:
        row, column = text_cell
        if row > layout.body_end:
            row += plan_delta(layout, plan)
        cell = ws.cell(row, column + 1)
        cell.value = _rewrite(cell.value, lambda t: fill_fields(t, plan.office, day_text))
    old, new = (layout.context_year, layout.context_month), (plan.year, plan.month)
    if old[0] in (None, new[0]) and old[1] in (None, new[1]):
        return
    if layout.title is not None:
        cell = ws.cell(layout.title.row, layout.title.column + 1)
        cell.value = _rewrite(cell.value, lambda t: period_text(t, old, new))
    for number in range(layout.header_row, layout.header_last_row + 1):
        for column in layout.columns:
            cell = ws._cells.get((number, column.index + 1))
            if cell is not None and cell.value is not None and not str(cell.value).startswith("="):
                cell.value = _rewrite(cell.value, lambda t: period_text(t, old, new))


def plan_delta(layout: TemplateLayout, plan: FillPlan) -> int:
    """How far rows below the body moved."""
    return len(plan.rows) - (layout.body_end - layout.body_start + 1)
