"""Rows for ledgers grouped by category with sums: "一、产业项目（128个）", records, 小计, …, 合计.

投资进度表 and similar tables put each group's sums on its heading row, so a group's records must be known before
its heading is written: each group is held in memory (groups are tens or hundreds of projects), while the
sequence of groups is still consumed lazily.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from .spec import GroupRow, LedgerRow, SubtotalRow, TotalRow

_DIGITS = "零一二三四五六七八九"

Sums = dict[str, int]
Derive = Callable[[Sums], Mapping[str, Any]]


def chinese_ordinal(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the numbering of 一、二、… headings)."""
    if not 1 <= number <= 99:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def default_heading(index: int, name: str, count: int) -> str:
    return f"{chinese_ordinal(index)}、{name}（{count}个）"


def _value(row: Mapping[str, Any] | Sequence[Any], key: str, keys: Sequence[str] | None) -> Any:
    if isinstance(row, Mapping):
        return row.get(key)
    if keys is None:
        raise TypeError("sequence rows need the column keys")
    return row[keys.index(key)]


def _add(into: Sums, row: Mapping[str, Any] | Sequence[Any], sum_keys: Sequence[str],
         keys: Sequence[str] | None) -> None:
    for key in sum_keys:
        value = _value(row, key, keys)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"合计列「{key}」的值应为整数（金额以元计），实际为「{value}」")
        into[key] = into.get(key, 0) + value


def _shown(sums: Sums, derive: Derive | None) -> dict[str, Any]:
    shown: dict[str, Any] = dict(sums)
    if derive is not None:
        shown.update(derive(sums))
    return shown


def with_subtotals(groups: Iterable[tuple[str, Iterable[Mapping[str, Any] | Sequence[Any]]]],
                   sum_keys: Sequence[str], *,
                   keys: Sequence[str] | None = None,
                   heading: Callable[[int, str, int], str] = default_heading,
                   sums_on_heading: bool = True,
                   subtotals: bool = True,
                   total: bool = True,
                   derive: Derive | None = None,
                   subtotal_label: str = "小计",
                   total_label: str = "合计") -> Iterator[LedgerRow]:
    """Yield heading, records and 小计 for each (name, records) group, then the 合计.

    ``sum_keys`` are integer columns (money in 元, counts) summed exactly; ``derive`` computes further shown values
    from the sums, e.g. a ratio ``{"rate": done / plan}``.  ``keys`` is needed only for sequence records.
    """
    grand: Sums = {}
    for index, (name, records) in enumerate(groups, 1):
        held = list(records)
        sums: Sums = {}
        for record in held:
            _add(sums, record, sum_keys, keys)
        for key, value in sums.items():
            grand[key] = grand.get(key, 0) + value
        shown = _shown(sums, derive)
        yield GroupRow(heading(index, name, len(held)), shown if sums_on_heading else {})
        yield from held
        if subtotals:
            yield SubtotalRow(subtotal_label, shown)
    if total:
        yield TotalRow(total_label, _shown(grand, derive))
