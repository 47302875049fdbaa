"""The benchmark's cases still produce the same cells (keeps `python -m desktop.bench.ledger_export` honest)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop.bench.ledger_export import CASES, rows, run_case


def test_bench_cases_write_the_same_records(tmp_path: Path) -> None:
    expected = list(rows(30))
    for case in CASES:
        out = tmp_path / f"{case}.xlsx"
        run_case(case, 30, out)
        ws = openpyxl.load_workbook(out)["问题台账"]
        first = 2 if case == "bare" else 4  # the ledger has title and unit/date rows above its header
        got = [tuple(c.value for c in ws[first + i])[1:11] for i in range(30)]
        assert [g[0] for g in got] == [e[0] for e in expected], case
        assert [g[2] for g in got] == [e[2] for e in expected], case
        assert ws.cell(first + 29, 1).value == 30, case
