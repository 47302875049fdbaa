"""Benchmark: write_ledger against bare openpyxl write-only appends of the same cells.

Not a test.  Run ``python -m desktop.bench.ledger_export --rows 10000 100000 [--repeat 3]``.  Each case runs in
its own subprocess so that ru_maxrss is that case's peak; the target is a time ratio of at most 1.3× bare
openpyxl.  "ledger" feeds tuples, "ledger_dict" the same rows as dicts (what most exports will pass).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook

from desktop.exporters.xlsx import ColumnKind, LedgerColumn, LedgerSpec, write_ledger

CASES = ("bare", "ledger", "ledger_dict")
STATUS = {"new": "待交办", "assigned": "办理中", "phased": "阶段性推进", "resolved": "已办结", "closed": "已销号"}
TODAY = dt.date(2025, 6, 30)

PROJECTS = [f"{p}项目" for p in ("紫云府", "山西体育职业学院新址", "太原邮件处理中心", "聚盛合日日顺智慧仓储物流基地",
                                  "融创中心", "煤科院棚户区改造", "光信晋阳嘉园", "万马商务中心")]
CATEGORIES = ["用地", "规划", "审批手续", "征地拆迁", "配套设施", "要素保障", "资金", "用工", "施工环境", "其他"]
PROBLEMS = ["项目用地范围内存在违法建筑，影响施工", "周边配套路网雨污管网不通，需协调市政部门尽快接入",
            "渣土清运手续办理流程复杂", "外省专业技术工人无法及时返岗，影响主体结构施工进度",
            "场地平整土源不足", "配套小学施工进度偏慢，需确保2023年9月开学投用"]
UNITS = ["小店街道办事处", "区城管局", "区住建局", "区自然资源分局", "区教育局", "区人社局", "北格镇人民政府"]
PEOPLE = ["李明", "赵强", "孙海", "周波", "吴磊", "郑芳", "冯刚", "何静", "马超"]
LEVELS = ["现场解决", "专班", "区级", "市级"]
NOTES = ["已拆除违建6处，场地移交建设单位", "雨水管网已接通，污水管网正在施工", "已简化办理流程，实行容缺受理",
         "协调周边项目余土3万方", "主体结构已封顶，正在进行装饰装修"]
STATUS_CODES = list(STATUS)


def issue_spec() -> LedgerSpec:
    columns = [
        LedgerColumn("project", "项目", 12),
        LedgerColumn("category", "类别", 5, align="center"),
        LedgerColumn("problem", "问题描述", 22),
        LedgerColumn("unit", "责任单位", 9),
        LedgerColumn("person", "责任人", 4, align="center"),
        LedgerColumn("deadline", "完成时限", 7, kind=ColumnKind.DATE),
        LedgerColumn("level", "当前层级", 5, align="center"),
        LedgerColumn("status", "状态", 5, kind=ColumnKind.STATUS, labels=STATUS),
        LedgerColumn("progress", "最新进展", 20),
        LedgerColumn("found", "发现日期", 7, kind=ColumnKind.DATE),
    ]

    def overdue(row: dict[str, object]) -> tuple[str, ...]:
        deadline = row["deadline"]
        if isinstance(deadline, dt.date) and deadline < TODAY and row["status"] not in ("resolved", "closed"):
            return ("deadline",)
        return ()

    return LedgerSpec("问题台账（基准测试）", columns, sheet_name="问题台账", unit="区包保办", report_date=TODAY,
                      highlight=overdue, notes=["填表人：　　审核人：　　联系电话："])


KEYS = issue_spec().keys


def rows(n: int) -> Iterator[tuple[object, ...]]:
    """Deterministic synthetic issues, generated lazily so the generator itself costs no memory."""
    base = dt.date(2025, 1, 1)
    for i in range(n):
        yield (PROJECTS[i % 8], CATEGORIES[i % 10], PROBLEMS[i % 6] + f"（第{i}号）", UNITS[i % 7], PEOPLE[i % 9],
               base + dt.timedelta(days=i % 365), LEVELS[i % 4], STATUS_CODES[i % 5], NOTES[i % 5],
               base + dt.timedelta(days=i % 180))


def run_case(case: str, n: int, out: Path) -> tuple[float, float]:
    """Return (wall seconds, CPU seconds) of one export."""
    start = time.perf_counter()
    cpu_start = time.process_time()
    if case == "bare":
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("问题台账")
        ws.append(["序号", "项目", "类别", "问题描述", "责任单位", "责任人", "完成时限", "当前层级", "状态", "最新进展",
                   "发现日期"])
        for i, row in enumerate(rows(n), 1):
            ws.append([i, *row])
        wb.save(out)
    elif case == "ledger":
        write_ledger(out, [(issue_spec(), rows(n))])
    elif case == "ledger_dict":
        write_ledger(out, [(issue_spec(), (dict(zip(KEYS, r, strict=True)) for r in rows(n)))])
    else:
        raise SystemExit(f"unknown case {case}")
    return time.perf_counter() - start, time.process_time() - cpu_start


def child(case: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{case}.xlsx"
        seconds, cpu = run_case(case, n, out)
        size = out.stat().st_size
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"case": case, "rows": n, "seconds": seconds, "cpu": cpu, "peak_mib": peak_kib / 1024,
                      "file_mib": size / 2**20}))


def measure(case: str, n: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "desktop.bench.ledger_export", "--child", case, "--rows", str(n)],
                          check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="write_ledger vs bare openpyxl write-only")
    parser.add_argument("--rows", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the fastest is kept")
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.rows[0])
        return
    # Ratios use CPU time: on a shared machine wall time swings by 2x with other load.
    print(f"{'rows':>8} {'case':<12} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} {'file MiB':>9} {'ratio(CPU)':>10}")
    for n in args.rows:
        runs: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
        for _ in range(max(1, args.repeat)):
            for case in CASES:  # interleaved, so a burst of load hits every case alike
                runs[case].append(measure(case, n))
        best = {case: min(r, key=lambda x: x["cpu"]) for case, r in runs.items()}
        bare = best["bare"]["cpu"]
        for case in CASES:
            r = best[case]
            print(f"{n:>8} {case:<12} {r['seconds']:>7.2f} {r['cpu']:>7.2f} {r['peak_mib']:>9.1f} "
                  f"{r['file_mib']:>9.2f} {r['cpu'] / bare:>9.2f}x")


if __name__ == "__main__":
    main()
