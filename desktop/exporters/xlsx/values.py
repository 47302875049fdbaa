"""Turning a column's Python value into what goes in the cell: (value, openpyxl data type, formula-like?).

Money stays integer 元 everywhere in the app; only here is it scaled to 万元 for display, and the cell keeps the
full precision (the number format rounds to two decimals) so sums in Excel stay exact to the 元.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .safe import FORMULA_TRIGGERS, cell_text
from .spec import ColumnKind, LedgerColumn

CellValue = tuple[Any, str, bool]
Converter = Callable[[Any], CellValue]

_EMPTY: CellValue = (None, "n", False)


class BadValue(ValueError):
    """A value that does not fit its column; the writer adds sheet, row and column to the message."""


def _text(value: Any) -> CellValue:
    if value is None:
        return _EMPTY
    text = cell_text(value)
    if not text:
        return _EMPTY
    return text, "s", text[0] in FORMULA_TRIGGERS


def _int(value: Any) -> CellValue:
    if value is None:
        return _EMPTY
    if isinstance(value, int) and not isinstance(value, bool):
        return value, "n", False
    raise BadValue(f"应为整数，实际为「{cell_text(value)}」")


def _money_wan(value: Any) -> CellValue:
    if value is None:
        return _EMPTY
    if isinstance(value, int) and not isinstance(value, bool):
        # 元 → 万元; exact to 4 decimals in the XML text, shown with 2.
        return value / 10000, "n", False
    raise BadValue(f"金额应为以元为单位的整数，实际为「{cell_text(value)}」")


def _percent(value: Any) -> CellValue:
    if value is None:
        return _EMPTY
    if isinstance(value, int | float | Decimal | Fraction) and not isinstance(value, bool):
        ratio = float(value)
        if math.isnan(ratio) or math.isinf(ratio):
            return _EMPTY
        return ratio, "n", False
    raise BadValue(f"百分比应为数值（如0.9706表示97.06%），实际为「{cell_text(value)}」")


def _date(value: Any) -> CellValue:
    if value is None:
        return _EMPTY
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise BadValue("日期不能带时区")
        return value, "d", False
    if isinstance(value, date):
        return value, "d", False
    if isinstance(value, str):
        # Deadlines such as "长期坚持" or "2025年底前" are legitimately text.
        return _text(value)
    raise BadValue(f"应为日期，实际为「{cell_text(value)}」")


def _status(labels: Mapping[str, str] | None) -> Converter:
    if not labels:
        return _text

    def convert(value: Any) -> CellValue:
        if value is None:
            return _EMPTY
        return _text(labels.get(value, value) if isinstance(value, str) else value)

    return convert


def converter_for(column: LedgerColumn) -> Converter:
    kind = column.kind
    if kind is ColumnKind.TEXT:
        return _text
    if kind is ColumnKind.INT:
        return _int
    if kind is ColumnKind.MONEY_WAN:
        return _money_wan
    if kind is ColumnKind.PERCENT:
        return _percent
    if kind is ColumnKind.DATE:
        return _date
    return _status(column.labels)


def chinese_date(day: date) -> str:
    """GB/T 9704 style: full year, no zero padding (2025年6月30日)."""
    return f"{day.year}年{day.month}月{day.day}日"
