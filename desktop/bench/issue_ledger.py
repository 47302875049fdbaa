"""Benchmark: the 问题台账 export path (IssueRow → ledger_rows → ledgers.write_issue_ledger) vs bare openpyxl.

Not a test. Run ``python -m desktop.bench.issue_ledger --rows 10000 100000``. Rows are `IssueRow` tuples as the
issue table holds them, turned into ledger rows by `services.ledger_rows.issue_ledger_rows` exactly as a real
export does. The baseline writes the same cell values (序号 + 11 columns, status as its label) with openpyxl in
write-only mode and nothing else; ``--normal`` adds openpyxl's normal mode for the memory comparison. Each case
runs in its own subprocess so ru_maxrss is that case's peak. Target: ≤ 1.3× the bare time.
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

from desktop.db.enums import IssueStatus
from desktop.exporters.ledgers import ISSUE_COLUMNS, LedgerHeader, write_issue_ledger
from desktop.services.issues.rows import IssueRow
from desktop.services.ledger_rows import issue_ledger_rows

TODAY = dt.date(2026, 11, 25)
PROJECTS = ["紫云府项目", "山西体育职业学院新址项目", "太原邮件处理中心", "聚盛合日日顺智慧仓储物流基地项目",
            "融创中心项目", "煤科院棚户区改造项目", "光信晋阳嘉园项目", "万马商务中心项目"]
CATEGORIES = ["用地", "规划", "审批手续", "征地拆迁", "配套设施", "要素保障", "资金", "用工", "施工环境", "其他"]
PROBLEMS = ["项目用地范围内存在违法建筑，影响施工", "周边配套路网雨污管网不通，需协调市政部门尽快接入",
            "渣土清运手续办理流程复杂", "外省专业技术工人无法及时返岗，影响主体结构施工进度", "场地平整土源不足",
            "=配套小学施工进度偏慢，需确保9月开学投用"]
UNITS = ["小店街道办事处", "区城管局", "区住建局", "区自然资源分局", "区教育局", "区人社局", "北格镇人民政府"]
PEOPLE = ["李明", "赵强", "孙海", "周波", "吴磊", "郑芳", "冯刚", "何静", "马超"]
LEVELS = ["site", "task_force", "district", "city"]
NOTES = ["已拆除违建6处，场地移交建设单位", "雨水管网已接通，污水管网正在施工", "已简化办理流程，实行容缺受理",
         "协调周边项目余土3万方", ""]
STATUSES = [s.value for s in IssueStatus]
CASES = ("bare", "ledger")


def issue_rows(n: int) -> Iterator[IssueRow]:
    """Deterministic synthetic issues shaped like `load_issue_rows` output, generated lazily."""
    base = dt.date(2026, 1, 1)
    for i in range(n):
        yield IssueRow(i, i % 100, f"XD{i % 100:04d}", PROJECTS[i % 8], CATEGORIES[i % 10],
                       PROBLEMS[i % 6] + f"（第{i}号）", i % 7, UNITS[i % 7], PEOPLE[i % 9],
                       base + dt.timedelta(days=i % 330), "", LEVELS[i % 4], STATUSES[i % 5], NOTES[i % 5],
                       base + dt.timedelta(days=i % 300), None)


def supporting(n: int) -> dict[int, str]:
    return {i: "区发改局、区财政局" for i in range(0, n, 3)}


def run_case(case: str, n: int, out: Path) -> float:
    start = time.perf_counter()
    rows = issue_ledger_rows(issue_rows(n), supporting(n), TODAY)
    if case == "bare":
        keys = [c.key for c in ISSUE_COLUMNS]
        labels = {s.value: s.label for s in IssueStatus}
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("问题台账")
        ws.append(["序号", *(c.header for c in ISSUE_COLUMNS)])
        for i, row in enumerate(rows, 1):
            values = [row[k] for k in keys]
            values[8] = labels[values[8]]
            ws.append([i, *values])
        wb.save(out)
    elif case == "ledger":
        write_issue_ledger(out, LedgerHeader("重点项目问题台账（基准测试）", "区重点项目服务保障办公室", TODAY), rows)
    elif case == "normal":
        wb = Workbook()
        ws = wb.active
        keys = [c.key for c in ISSUE_COLUMNS]
        for i, row in enumerate(rows, 1):
            ws.append([i, *(row[k] for k in keys)])
        wb.save(out)
    else:
        raise SystemExit(f"unknown case {case}")
    return time.perf_counter() - start


def child(case: str, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{case}.xlsx"
        seconds = run_case(case, n, out)
        size = out.stat().st_size
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"case": case, "rows": n, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                      "peak_mib": usage.ru_maxrss / 1024, "file_mib": size / 2**20}))  # ru_maxrss: KiB on Linux


def measure(case: str, n: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "desktop.bench.issue_ledger", "--child", case, "--rows", str(n)],
                          check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="问题台账 export path vs bare openpyxl write-only")
    parser.add_argument("--rows", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the fastest is kept")
    parser.add_argument("--normal", action="store_true", help="also run openpyxl normal mode (memory reference)")
    parser.add_argument("--child", choices=(*CASES, "normal"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.rows[0])
        return
    cases = (*CASES, "normal") if args.normal else CASES
    # Wall time is what the user waits for; CPU time (whole child process, imports included) is steadier on a
    # shared machine. Both ratios are against the bare case of the same run.
    print(f"{'rows':>8} {'case':<8} {'seconds':>8} {'ratio':>6} {'cpu s':>7} {'cpu ratio':>9} {'peak MiB':>9} "
          f"{'file MiB':>9}")
    for n in args.rows:
        results = {}
        for case in cases:
            runs = [measure(case, n) for _ in range(max(1, args.repeat))]
            results[case] = min(runs, key=lambda r: r["seconds"])
        bare, bare_cpu = results["bare"]["seconds"], results["bare"]["cpu"]
        for case in cases:
            r = results[case]
            print(f"{n:>8} {case:<8} {r['seconds']:>8.2f} {r['seconds'] / bare:>5.2f}x {r['cpu']:>7.2f} "
                  f"{r['cpu'] / bare_cpu:>8.2f}x {r['peak_mib']:>9.1f} {r['file_mib']:>9.2f}", flush=True)


if __name__ == "__main__":
    main()
