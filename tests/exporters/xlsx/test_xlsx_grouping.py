"""Category groups with exact sums, as in the 投资进度表 (一、产业项目（3个） … 小计 … 合计)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

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

COLUMNS = [
    LedgerColumn("name", "项目名称", 12),
    LedgerColumn("owner", "建设单位", 10),
    LedgerColumn("total", "总投资（万元）", 6, kind=ColumnKind.MONEY_WAN),
    LedgerColumn("plan", "年度计划投资（万元）", 7, kind=ColumnKind.MONEY_WAN),
    LedgerColumn("done", "1-10月完成投资（万元）", 7, kind=ColumnKind.MONEY_WAN),
    LedgerColumn("rate", "占年度计划", 6, kind=ColumnKind.PERCENT),
]


def _project(name: str, total: int, plan: int, done: int) -> dict[str, Any]:
    return {"name": name, "owner": "建设单位", "total": total, "plan": plan, "done": done, "rate": done / plan}


GROUPS = [
    ("产业项目", [_project("东亚纳米科技园", 3_000_000_000, 600_000_000, 510_000_000),
                 _project("海沧半导体产业基地", 4_500_000_000, 800_000_000, 860_000_000),
                 _project("天马第6代柔性AMOLED生产线", 48_000_000_000, 6_000_000_000, 6_630_000_001)]),
    ("社会事业项目", [_project("新店中心小学北校区", 180_000_000, 60_000_000, 70_000_000)]),
]


def _rate(sums: dict[str, int]) -> dict[str, float]:
    return {"rate": sums["done"] / sums["plan"]}


def test_chinese_ordinal() -> None:
    assert [chinese_ordinal(n) for n in (1, 9, 10, 11, 20, 21, 99)] == ["一", "九", "十", "十一", "二十", "二十一",
                                                                        "九十九"]


def test_with_subtotals_yields_exact_integer_sums() -> None:
    out = list(with_subtotals(iter(GROUPS), ["total", "plan", "done"], derive=_rate))
    kinds = [type(r).__name__ for r in out]
    assert kinds == ["GroupRow", "dict", "dict", "dict", "SubtotalRow", "GroupRow", "dict", "SubtotalRow",
                     "TotalRow"]
    head = out[0]
    assert isinstance(head, GroupRow) and head.label == "一、产业项目（3个）"
    assert head.values["done"] == 510_000_000 + 860_000_000 + 6_630_000_001
    assert isinstance(out[4], SubtotalRow) and out[4].values == head.values
    total = out[-1]
    assert isinstance(total, TotalRow) and total.label == "合计"
    assert total.values["total"] == 3_000_000_000 + 4_500_000_000 + 48_000_000_000 + 180_000_000
    assert total.values["rate"] == pytest.approx(8_070_000_001 / 7_460_000_000)


def test_with_subtotals_rejects_float_money() -> None:
    with pytest.raises(ValueError, match="合计列「total」的值应为整数"):
        list(with_subtotals([("x", [{"total": 1.5}])], ["total"]))


def test_grouped_ledger_written_and_reopened(tmp_path: Path) -> None:
    spec = LedgerSpec("2020年市重点项目投资进度表（1-10月）", COLUMNS, sheet_name="投资进度")
    path = tmp_path / "invest.xlsx"
    write_ledger(path, [(spec, with_subtotals(GROUPS, ["total", "plan", "done"], derive=_rate,
                                               subtotals=False))])
    ws = openpyxl.load_workbook(path)["投资进度"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # No unit/date line: header row 2, first group heading row 3 with its sums from column D.
    assert ws["A3"].value == "一、产业项目（3个）" and "A3:C3" in merged
    assert ws["D3"].value == pytest.approx(5_550_000.0) and ws["D3"].number_format == "0.00"
    assert ws["F3"].value == pytest.approx(800_000.0001)
    assert ws["G3"].value == pytest.approx(8_000_000_001 / 7_400_000_000) and ws["G3"].font.b is True
    assert [ws.cell(r, 1).value for r in (4, 5, 6)] == [1, 2, 3]
    assert ws["A7"].value == "二、社会事业项目（1个）" and ws["A8"].value == 4
    assert ws["A9"].value == "合计" and ws["D9"].value == pytest.approx(5_568_000.0)
    assert ws["A10"].value is None
