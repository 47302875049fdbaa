"""Declarative description of a 台账 sheet: what the columns are, not how cells get styled.

Each export (问题台账, 议定事项台账, 投资进度表 …) only states its title, columns and rows; layout, print setup and
styling are the writer's business, so every ledger the office hands out looks the same.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

Align = Literal["left", "center", "right"]
# "auto" prints on A4 landscape when the columns fit its width at a readable size, else on A3 landscape.
Paper = Literal["auto", "A4", "A3"]
PAPERS: tuple[str, ...] = ("auto", "A4", "A3")


class ColumnKind(StrEnum):
    """How a column's Python values become cells."""

    TEXT = "text"
    INT = "int"
    MONEY_WAN = "money_wan"  # int 元 in Python, shown as 万元 with 2 decimals
    PERCENT = "percent"  # a ratio (0.9706) shown as 97.06%
    DATE = "date"
    STATUS = "status"  # text from a fixed list, offered as a drop-down


_DEFAULT_ALIGN: dict[ColumnKind, Align] = {
    ColumnKind.TEXT: "left",
    ColumnKind.INT: "right",
    ColumnKind.MONEY_WAN: "right",
    ColumnKind.PERCENT: "right",
    ColumnKind.DATE: "center",
    ColumnKind.STATUS: "center",
}

_DEFAULT_FORMAT: dict[ColumnKind, str] = {
    ColumnKind.TEXT: "General",
    ColumnKind.INT: "0",
    ColumnKind.MONEY_WAN: "0.00",
    ColumnKind.PERCENT: "0.00%",
    ColumnKind.DATE: 'yyyy"年"m"月"d"日"',
    ColumnKind.STATUS: "General",
}

# A date such as 2025年12月31日 needs about 6.5 CJK character widths; narrower shows "####" in Excel.
MIN_DATE_WIDTH = 6.5


class LedgerSpecError(ValueError):
    """A spec that cannot be laid out; raised before any file is touched."""


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    """One column of the ledger.

    ``width`` is in CJK characters because that is how offices think about 台账 columns; ``group`` puts a shared
    upper header (责任单位 over 牵头单位 | 配合单位) over consecutive columns.  ``labels`` maps stored codes (e.g.
    IssueStatus values) to the Chinese shown in the cell.
    """

    key: str
    header: str
    width: float = 8.0
    kind: ColumnKind = ColumnKind.TEXT
    group: str | None = None
    wrap: bool = True
    align: Align | None = None
    labels: Mapping[str, str] | None = None
    number_format: str | None = None
    # Written but not printed (a hidden sheet column): the data stays in the file for re-import and for the
    # reader who unhides it, while the printout keeps to the columns chosen (or the ones with any value).
    hidden: bool = False
    # Printed only when the user chooses it: a wide ledger's default print leaves it out to stay readable.
    optional: bool = False

    @property
    def alignment(self) -> Align:
        return self.align or _DEFAULT_ALIGN[self.kind]

    @property
    def format(self) -> str:
        return self.number_format or _DEFAULT_FORMAT[self.kind]

    @property
    def char_width(self) -> float:
        if self.kind is ColumnKind.DATE and self.number_format is None:
            return max(self.width, MIN_DATE_WIDTH)
        return self.width


@dataclass(frozen=True, slots=True)
class LedgerFonts:
    """Font names and sizes; a cell holds one font name, so pick ones the offices' PCs have (宋体/黑体)."""

    title: str = "方正小标宋简体"
    title_size: float = 20
    header: str = "黑体"
    header_size: float = 11
    body: str = "宋体"
    body_size: float = 11
    info_size: float = 12  # the 填报单位 / 填报日期 line and the notes under the table


@dataclass(frozen=True, slots=True)
class SectionRow:
    """A bold row that is not a record: a group heading, a 小计 or the 合计.

    ``label`` is written from the 序号 column and merged rightwards up to the first column that has a value in
    ``values`` (the whole row when ``values`` is empty), as offices lay out "一、产业项目（128个）" with its sums.
    """

    label: str
    values: Mapping[str, Any] = field(default_factory=dict)


class GroupRow(SectionRow):
    """Heading of a group such as "一、产业项目（128个）"."""

    __slots__ = ()


class SubtotalRow(SectionRow):
    """The 小计 closing a group."""

    __slots__ = ()


class TotalRow(SectionRow):
    """The 合计 at the end of the table."""

    __slots__ = ()


def subtotal_row(values: Mapping[str, Any], label: str = "小计") -> SubtotalRow:
    return SubtotalRow(label, values)


def total_row(values: Mapping[str, Any], label: str = "合计") -> TotalRow:
    return TotalRow(label, values)


# A data row: a mapping by column key, or a sequence in column order (序号 excluded).
LedgerRow = Mapping[str, Any] | Sequence[Any] | SectionRow

# Given a data row as a mapping, returns the keys of the cells to highlight (e.g. an overdue 完成时限).
HighlightRule = Callable[[Mapping[str, Any]], Collection[str]]


@dataclass(frozen=True)
class LedgerSpec:
    """Everything that describes one ledger sheet apart from its rows."""

    title: str
    columns: Sequence[LedgerColumn]
    sheet_name: str = "台账"
    unit: str = ""
    unit_label: str = "填报单位："
    report_date: date | None = None
    date_label: str = "填报日期："
    status_choices: Sequence[str] = ()
    highlight: HighlightRule | None = None
    notes: Sequence[str] = ()
    serial_header: str | None = "序号"
    serial_width: float = 3.0
    fonts: LedgerFonts = field(default_factory=LedgerFonts)
    paper: Paper = "auto"

    def __post_init__(self) -> None:
        if not self.columns:
            raise LedgerSpecError(f"台账「{self.title}」没有定义任何列。")
        seen: set[str] = set()
        for col in self.columns:
            if col.key in seen:
                raise LedgerSpecError(f"台账「{self.title}」的列键「{col.key}」重复。")
            seen.add(col.key)
            if col.width <= 0:
                raise LedgerSpecError(f"台账「{self.title}」的列「{col.header}」宽度必须大于0。")
        if self.paper not in PAPERS:
            raise LedgerSpecError(f"台账「{self.title}」的纸张「{self.paper}」无效，应为 A4、A3 或 auto。")
        closed: set[str] = set()
        previous: str | None = None
        for col in self.columns:
            if col.group != previous:
                if col.group is not None and col.group in closed:
                    raise LedgerSpecError(
                        f"台账「{self.title}」的表头分组「{col.group}」下的列必须相邻（列「{col.header}」）。"
                    )
                if previous is not None:
                    closed.add(previous)
                previous = col.group

    @property
    def two_level(self) -> bool:
        return any(col.group is not None for col in self.columns)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(col.key for col in self.columns)

    def choices_for(self, column: LedgerColumn) -> tuple[str, ...]:
        """Drop-down entries of a status column: the spec's list, else the column's labels."""
        if self.status_choices:
            return tuple(self.status_choices)
        if column.labels:
            return tuple(dict.fromkeys(column.labels.values()))
        return ()
