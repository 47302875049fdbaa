"""Turning grid rows below the header into typed PreviewRows or SkippedRows.

Ledgers mix data with rows no one would import: group rows (一、产业项目（128个）) that also
name the category of the rows below them, 合计/小计 lines, the header repeated after a page
break, blank spacer rows and 注：/填表人： lines at the bottom. Each is recognised and reported,
so the user sees why the row count differs from the sheet's last row number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.importers import values as v
from desktop.importers.fields import FieldSpec, FieldType, KindSpec
from desktop.importers.header import HeaderInfo, split_unit
from desktop.importers.text import clean_text, is_blank, match_key

BLANK_REASON = "空行"
NO_CONTENT_REASON = "没有可导入的内容（只有序号或无关列）"
TOTAL_REASON = "合计/小计行"
REPEATED_HEADER_REASON = "重复的表头行"
NOTE_REASON = "注释/落款行"
GROUP_REASON = "分组行"
ABOVE_HEADER_REASON = "标题行（位于表头之上）"
FORMULA_REASON = "单元格是公式，但文件中没有保存计算结果。请用 Excel/WPS 打开该文件并保存后再导入"
REQUIRED_REASON = "必填项为空"
DEADLINE_KEPT = "原文保留为完成时限说明，不设日期"
# Columns naming units and people: 无 / / / — / 空 there mean "nobody", not a unit called 无.
NAME_FIELDS = frozenset({"lead_unit", "supporting_units", "person", "leader", "cadre", "task_force"})
# Kinds whose records carry an import note (办理记录): a cell that cannot be read is written there as it stands.
NOTED_KINDS = frozenset({"issues", "decisions"})
NOTED = "导入时该项留空，原文记入导入的办理记录"
FOUND_DATE_MISSING = "未填"
FOUND_DATE_KEPT = "未记录"  # an unknown found date stays empty, never the import day (issue #16)
# Issue.deadline_text / Decision.deadline_text are String(64).
DEADLINE_TEXT_LIMIT = 64
# Cached results of formulas that failed in Excel; they read as these strings.
EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"})

_NOTE = re.compile(
    r"^(?:注|说明|备注|填表人|填报人|审核人|制表人|审核|负责人|单位负责人|联系人|联系电话|填表说明|填报说明|"
    r"数据来源|资料来源|分管领导|主要领导)\d*[:、.]"
)
_TOTAL = re.compile(r"^(?:.{0,12})(?:合计|小计|总计|共计)(?:\((?:共)?\d+(?:个|项|家)?(?:项目)?\))?$")
_GROUP = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+(?:部分|类|批)[:、.]?)")
_GROUP_COUNT = re.compile(r"[(（]\s*(?:共)?\s*\d+\s*(?:个|项|家)?(?:项目)?\s*[)）]$")
_GROUP_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+(?:部分|类|批)[:：、.．]?)")
_TRAILING_PUNCT = "。.;；:：、 "


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong in one cell (or row); `blocking` problems keep the row out."""

    row: int
    column_label: str
    value: str
    reason: str
    field: str | None = None
    blocking: bool = True
    # What happens to the cell instead, when that is not "left empty" (e.g. kept as the deadline's text).
    kept: str | None = None
    # Set when the import reads several sheets of one layout, so 第5行 says which sheet.
    sheet: str | None = None

    def __str__(self) -> str:
        shown = f"“{self.value}”" if self.value else ""
        tail = "" if self.blocking else f"（{self.kept or '导入时该项留空'}）"
        where = f"【{self.column_label}】" if self.column_label else ""
        return f"{sheet_prefix(self.sheet)}第{self.row}行{where}{shown}：{self.reason}{tail}"


def sheet_prefix(sheet: str | None) -> str:
    """工作表“专班二” before a row number, when the import reads several sheets."""
    return f"工作表“{sheet}”" if sheet else ""


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str
    sheet: str | None = None


@dataclass(slots=True)
class PreviewRow:
    """A data row: typed `values` by field code, the cell texts in `raw`, its problems. Slotted: a 50,000-row
    ledger keeps 50,000 of them through the dry run and the import."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    group: str | None = None
    sheet: str | None = None

    @property
    def key(self) -> tuple[str | None, int]:
        """(sheet, row): unique also when several sheets are imported together."""
        return self.sheet, self.row

    @property
    def importable(self) -> bool:
        return not any(problem.blocking for problem in self.problems)


def group_label(text: str) -> str:
    """产业项目 from 一、产业项目（128个）: numbering and count removed."""
    label = _GROUP_PREFIX.sub("", text.strip())
    label = _GROUP_COUNT.sub("", label)
    return label.strip(_TRAILING_PUNCT) or text.strip()


def classify(cells: list[Any], keys: list[frozenset[str]], mapping: dict[int, str]) -> tuple[str, str | None] | None:
    """(skip reason, group label) for rows that are not data, None for data rows.

    `keys` comes from header_keys(header), computed once per sheet.
    """
    first = next((cell for cell in cells if not is_blank(cell)), None)
    if first is None:
        return BLANK_REASON, None
    if isinstance(first, str):
        text = clean_text(first) or ""
        key = match_key(text)
        if _NOTE.match(key):
            return NOTE_REASON, None
        if _TOTAL.match(key.strip(_TRAILING_PUNCT)):
            return TOTAL_REASON, None
        if _GROUP.match(key):
            label = group_label(text)
            return f"{GROUP_REASON}：{text}", label
    if mapping and _is_repeated_header(cells, keys, mapping):
        return REPEATED_HEADER_REASON, None
    if all(is_blank(cells[col]) for col in mapping if col < len(cells)):
        return NO_CONTENT_REASON, None
    return None


def header_keys(header: HeaderInfo) -> list[frozenset[str]]:
    """Per column, the keys a repeated copy of the header could show (whole, parent, child)."""
    return [frozenset(match_key(part) for part in (label, *label.split("/")) if part) for label in header.labels]


def _is_repeated_header(cells: list[Any], keys: list[frozenset[str]], mapping: dict[int, str]) -> bool:
    same = 0
    for col in mapping:
        cell = cells[col] if col < len(cells) else None
        # Header texts are short; long cells are data and need no normalising.
        if not isinstance(cell, str) or len(cell) > 40 or col >= len(keys):
            continue
        if match_key(cell) in keys[col]:
            same += 1
    return same >= max(2, len(mapping) // 2)


def _display(value: Any) -> str:
    return v.parse_text(value) or ""


def parse_cell(spec: FieldSpec, value: Any, header: HeaderInfo, column: int, context_year: int | None) -> Any:
    """Dispatch one cell to its type's parser (values.py)."""
    kind = spec.type
    if kind is FieldType.TEXT:
        return v.parse_text(value)
    if kind is FieldType.DATE:
        return v.parse_date(value, context_year)
    if kind is FieldType.DEADLINE:
        return v.parse_deadline(value, context_year)
    if kind is FieldType.MONEY:
        return v.parse_money(value, header.unit_for(column))
    if kind is FieldType.PERCENT:
        _key, unit = split_unit(header.labels[column]) if column < len(header.labels) else ("", None)
        return v.parse_percent(value, column_in_percent=unit == "%")
    parser = {
        FieldType.INT: v.parse_int,
        FieldType.STATUS: v.parse_status,
        FieldType.FEEDBACK: v.parse_feedback,
        FieldType.LEVEL: v.parse_level,
        FieldType.STAGE: v.parse_stage,
        FieldType.CREDIT_CODE: v.parse_credit_code,
        FieldType.YEAR: v.parse_year,
        FieldType.MONTH: v.parse_month,
        FieldType.FLAG: v.parse_flag,
    }[kind]
    return parser(value)


@dataclass
class RowContext:
    """What applies to every row of one sheet."""

    kind: KindSpec
    header: HeaderInfo
    mapping: dict[int, str]
    context_year: int | None
    context_month: int | None
    uncached: set[tuple[int, int]]
    specs: dict[str, FieldSpec] = field(default_factory=dict)
    sheet: str | None = None

    def __post_init__(self) -> None:
        self.specs = {spec.code: spec for spec in self.kind.fields}


def build_row(number: int, cells: list[Any], ctx: RowContext, group: str | None) -> PreviewRow:
    """Parse the mapped cells of one data row and add the row-level rules."""
    row = PreviewRow(row=number, group=group, sheet=ctx.sheet)
    header = ctx.header
    for column, code in ctx.mapping.items():
        spec = ctx.specs[code]
        value = cells[column] if column < len(cells) else None
        label = header.column_label(column)
        if (number, column) in ctx.uncached:
            row.problems.append(RowProblem(number, label, "", FORMULA_REASON, code, spec.required))
            continue
        if is_blank(value):
            continue
        row.raw[code] = display = _display(value)
        if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
            reason = f"单元格显示错误值 {value.strip()}，请在 Excel/WPS 中修正公式或改填数值后再导入"
            row.problems.append(RowProblem(number, label, display, reason, code, spec.required))
            continue
        if spec.type is FieldType.TEXT:
            if display and not (code in NAME_FIELDS and v.is_placeholder(value)):
                row.values[code] = display
            continue
        parsed = parse_cell(spec, value, header, column, ctx.context_year)
        if isinstance(parsed, v.Invalid) and spec.type is FieldType.DEADLINE:
            _keep_deadline_text(row, code, label, parsed.reason, spec.required)
        elif isinstance(parsed, v.Invalid):
            kept = NOTED if ctx.kind.code in NOTED_KINDS and not spec.required else None
            if ctx.kind.code == "issues" and code == "found_date":
                kept = f"{FOUND_DATE_KEPT}，原文记入导入的办理记录"
            row.problems.append(RowProblem(number, label, row.raw[code], parsed.reason, code, spec.required, kept))
        elif isinstance(parsed, v.Deadline):
            row.values[code] = parsed.date
            row.values[f"{code}_text"] = parsed.text
        elif parsed is not None:
            row.values[code] = parsed
    _apply_row_rules(row, ctx, group)
    if ctx.sheet is not None:
        row.problems = [replace(problem, sheet=ctx.sheet) for problem in row.problems]
    return row


def _keep_deadline_text(row: PreviewRow, code: str, label: str, reason: str, required: bool) -> None:
    """已完成 / 6月30日左右 / 2022年2月30日 in a deadline column: no date is made up, the words are kept as written."""
    text = row.raw[code]
    if len(text) > DEADLINE_TEXT_LIMIT:
        row.problems.append(RowProblem(row.row, label, text, f"{reason}；原文超过{DEADLINE_TEXT_LIMIT}字，无法作为时限说明保存，"
                                       "请精简后再导入", code))
        return
    row.values[code] = None
    row.values[f"{code}_text"] = text
    row.problems.append(RowProblem(row.row, label, text, reason, code, required, kept=DEADLINE_KEPT))


def _apply_row_rules(row: PreviewRow, ctx: RowContext, group: str | None) -> None:
    kind, header = ctx.kind, ctx.header
    codes = kind.field_codes()
    if kind.group_field and group and row.values.get(kind.group_field) is None:
        row.values[kind.group_field] = group
    # 是否销号 = 是 closes the item whatever the status column says short of 销号; 否 leaves the status as read.
    if row.values.get("closed_flag") is True:
        row.values["status"] = "closed"
    # 落实情况 columns often hold only 已完成 / 推进中: that is the status when no status column exists.
    if "status" in codes and row.values.get("status") is None and isinstance(row.values.get("progress"), str):
        code = v.STATUS_WORDS.get(match_key(row.values["progress"]))
        if code is not None:
            row.values["status"] = code
    if "year" in codes and row.values.get("year") is None and ctx.context_year is not None:
        row.values["year"] = ctx.context_year
    if "month" in codes and row.values.get("month") is None and ctx.context_month is not None:
        row.values["month"] = ctx.context_month
    mapped = set(ctx.mapping.values())
    failed = {problem.field for problem in row.problems}
    if kind.code == "issues" and "found_date" in mapped and "found_date" not in failed and not row.values.get("found_date"):
        column = next(col for col, code in ctx.mapping.items() if code == "found_date")
        row.problems.append(RowProblem(row.row, header.column_label(column), "", FOUND_DATE_MISSING, "found_date",
                                       False, FOUND_DATE_KEPT))
    for spec in kind.fields:
        if spec.required and spec.code in mapped and spec.code not in failed and row.values.get(spec.code) is None:
            column = next(col for col, code in ctx.mapping.items() if code == spec.code)
            row.problems.append(RowProblem(row.row, header.column_label(column), "", REQUIRED_REASON, spec.code))
    for group_codes in kind.required_one_of:
        if any(code in mapped for code in group_codes) and all(row.values.get(code) is None for code in group_codes):
            labels = "、".join(kind.field(code).label for code in group_codes)
            row.problems.append(RowProblem(row.row, "", "", f"{labels}至少填写一项"))
