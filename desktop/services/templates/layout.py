"""The shapes passed between reading a template, deciding what goes in it and writing it: plain data, no openpyxl.

`TemplateLayout` is what the exporter found in the form (header, columns, the rows of its table body, the title
and 填报单位/日期 cells); `FillPlan` is what the services decided to write there (one `PlanRow` per row, values
keyed by fill field). Row and column numbers are the sheet's: rows 1-based, column indexes 0-based as in the
importer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from desktop.errors import UserError
from desktop.importers.grid import column_letter
from desktop.importers.text import match_key
from desktop.services.templates.catalog import Purpose, ValueKind

# The column keeps the template's own formula (=F5/E5) instead of a field.
FORMULA = "=formula"
_DIGITS = re.compile(r"\d+")


class TemplateRefused(UserError):
    """The file cannot be used as a template (no header, merged or locked data cells, not a workbook …); the
    message names the file, sheet, row and reason, and nothing was written."""


def column_key(label: str) -> str:
    """A header text as compared across months: width, spaces and numbers folded (1-9月完成 = 1-10月完成)."""
    return _DIGITS.sub("#", match_key(label))


class RowRole(StrEnum):
    RECORD = "record"
    GROUP = "group"
    SUBTOTAL = "subtotal"
    TOTAL = "total"


@dataclass(frozen=True)
class TemplateColumn:
    index: int
    label: str  # as the header shows it; two-level headers read 上级/下级
    unit: str | None = None  # 元 / 万元 / 亿元 / % from the column's own header
    formula: str | None = None  # the template's formula in its first record row

    @property
    def key(self) -> str:
        return column_key(self.label)

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def title(self) -> str:
        """完成时限（H列）: how messages and the dialog name a column."""
        return f"{self.label}（{self.letter}列）" if self.label else f"{self.letter}列"


@dataclass(frozen=True)
class BodyRow:
    """One row of the template's table body: a record row (blank, or filled in an earlier copy), a group heading
    (一、产业项目 is level 1, （一）续建 level 2), a 小计 or the 合计 row."""

    row: int
    role: RowRole
    level: int = 0
    text: str = ""  # the heading as written: 一、产业项目（128个）
    label: str = ""  # without numbering and count: 产业项目
    label_column: int | None = None
    counted: bool = False  # the heading carries a count (（128个）)
    formulas: dict[int, str] = field(default_factory=dict)
    filled: bool = False  # a record row that already holds data


@dataclass(frozen=True)
class TextCell:
    row: int
    column: int  # 0-based
    text: str


@dataclass
class TemplateLayout:
    file_name: str
    sheet: str
    sheets: list[str]
    header_row: int
    header_last_row: int
    columns: list[TemplateColumn]
    body: list[BodyRow]
    body_end: int  # last row of the body; header_last_row when the template has no body rows
    importer_kind: str
    purpose: Purpose
    sheet_unit: str | None = None  # 单位：万元 above the header
    title: TextCell | None = None
    unit_cells: list[TextCell] = field(default_factory=list)  # 填报单位
    date_cells: list[TextCell] = field(default_factory=list)  # 填报日期
    context_year: int | None = None
    context_month: int | None = None
    protected: bool = False
    locked_columns: frozenset[int] = frozenset()  # on a protected sheet, record cells the office cannot edit
    notes: list[str] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        return self.header_last_row + 1

    @property
    def signature(self) -> str:
        """Identifies the form's header: the kind of rows and every column's key, in order."""
        text = self.purpose.value + "\x1f" + "\x1f".join(c.key for c in self.columns)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def column(self, index: int) -> TemplateColumn:
        for column in self.columns:
            if column.index == index:
                return column
        raise KeyError(index)

    @property
    def labelled_columns(self) -> list[TemplateColumn]:
        return [c for c in self.columns if c.label]

    def rows_of(self, role: RowRole, level: int | None = None) -> list[BodyRow]:
        return [r for r in self.body if r.role is role and (level is None or r.level == level)]

    @property
    def record_rows(self) -> list[BodyRow]:
        return self.rows_of(RowRole.RECORD)

    @property
    def filled_rows(self) -> int:
        return sum(1 for r in self.record_rows if r.filled)

    @property
    def total_row(self) -> BodyRow | None:
        totals = self.rows_of(RowRole.TOTAL)
        return totals[0] if totals else None

    @property
    def total_on_top(self) -> bool:
        total = self.total_row
        others = [r.row for r in self.body if r.role is not RowRole.TOTAL]
        return total is not None and bool(others) and total.row < min(others)

    @property
    def group_levels(self) -> list[int]:
        return sorted({r.level for r in self.rows_of(RowRole.GROUP)})

    def amount_unit(self, column: TemplateColumn) -> str:
        """The unit a money column is written in: its own header, else the sheet's 单位 line, else 万元."""
        if column.unit in ("元", "千元", "万元", "百万元", "亿元"):
            return column.unit
        return self.sheet_unit or "万元"

    def describe(self) -> list[str]:
        """What was found, in the words of the dialog and the CLI."""
        rows = (f"第{self.header_row}行" if self.header_row == self.header_last_row
                else f"第{self.header_row}–{self.header_last_row}行（两级表头）")
        lines = [f"模板：{self.file_name}　工作表：{self.sheet}　填报内容：{self.purpose.label}",
                 f"表头：{rows}；数据从第{self.body_start}行开始；金额单位：{self.sheet_unit or '未注明（按万元）'}"]
        if len(self.sheets) > 1:
            others = "、".join(s for s in self.sheets if s != self.sheet)
            lines.append(f"其他工作表（原样保留）：{others}")
        if self.group_levels:
            texts = "、".join(r.text for r in self.rows_of(RowRole.GROUP))
            lines.append(f"模板中的分组行：{texts}")
        total = self.total_row
        if total is not None:
            kind = "公式" if total.formulas else "数值"
            lines.append(f"合计行：第{total.row}行（{kind}），填报后{'仍为公式，合计所填各行' if total.formulas else '填入合计数'}")
        if self.filled_rows:
            lines.append(f"模板中已有{self.filled_rows}行数据，填报时全部替换为本系统的数据")
        lines.extend(self.notes)
        return lines


@dataclass(frozen=True)
class ColumnFill:
    """What one template column receives: a fill field (with its kind) or the template's own formula."""

    index: int
    field: str  # a fill field code, or FORMULA
    kind: ValueKind = ValueKind.TEXT
    summed: bool = False
    rolled: bool = False


@dataclass(frozen=True)
class PlanRow:
    role: RowRole
    values: dict[str, Any]
    level: int = 0
    label: str = ""  # the heading or 合计 text as written in the form


@dataclass
class FillPlan:
    columns: Sequence[ColumnFill]
    rows: Sequence[PlanRow]
    office: str
    report_date: date
    year: int
    month: int
    notes: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(1 for r in self.rows if r.role is RowRole.RECORD)
