"""Benchmark (not a test): preview + import of a large issue ledger into a real database, and its undo.

    python -m desktop.bench.import_apply --rows 10000

Target: reading and importing a 10k-row 问题台账 (each issue with its journal note, units, people, projects,
leaders created along the way, the batch recorded for undo, a backup first) in ≤ 5 s on this machine. The
dry run the wizard shows before 导入 is timed separately: it costs about as much as the import itself.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from desktop.bench.import_ledger import build_ledger
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import apply_import, dry_run_import
from desktop.services.importing.undo import undo_import
from desktop.workspace import open_workspace

TODAY = date(2026, 11, 25)


def run_once(folder: Path, ledger: Path, *, measure_memory: bool) -> dict[str, float]:
    workspace = open_workspace(folder, operator="基准测试")
    try:
        if measure_memory:
            tracemalloc.start()
        start, cpu_start = time.perf_counter(), time.process_time()
        preview = build_preview(ledger, "issues")
        read, cpu_read = time.perf_counter(), time.process_time()
        result = apply_import(workspace.db, preview, data_dir=workspace.data_dir, source=ledger, today=TODAY)
        stored, cpu_stored = time.perf_counter(), time.process_time()
        figures = {"preview": read - start, "apply": stored - read, "rows": float(result.stored_rows),
                   "preview_cpu": cpu_read - cpu_start, "apply_cpu": cpu_stored - cpu_read}
        if measure_memory:
            figures["peak"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            tracemalloc.stop()
            return figures
        dry_start = time.perf_counter()
        dry_run_import(workspace.db, preview, today=TODAY)  # second file over the first: all duplicates
        figures["dry_run_duplicates"] = time.perf_counter() - dry_start
        assert result.batch_id is not None
        undo_start = time.perf_counter()
        undo_import(workspace.db, result.batch_id)
        figures["undo"] = time.perf_counter() - undo_start
        return figures
    finally:
        workspace.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time preview + import (+ undo) of a large issue ledger.")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "问题台账_bench_2022.xlsx"
        build_ledger(ledger, args.rows)
        runs = [run_once(Path(tmp) / f"data{n}", ledger, measure_memory=False) for n in range(args.repeat)]
        best = min(runs, key=lambda r: r["preview"] + r["apply"])
        total = best["preview"] + best["apply"]
        print(f"台账：{args.rows} 行问题（{ledger.stat().st_size / 1024:.0f} KiB），导入 {best['rows']:.0f} 行")
        print(f"读取与预览 build_preview：{best['preview']:.2f} s")
        print(f"写入数据库 apply_import（含备份、批次记录、日志）：{best['apply']:.2f} s")
        print(f"合计：{total:.2f} s（目标 ≤ 5 s：{'达标' if total <= 5 else '未达标'}）")
        cpu = best["preview_cpu"] + best["apply_cpu"]
        print(f"CPU 时间：预览 {best['preview_cpu']:.2f} s + 导入 {best['apply_cpu']:.2f} s = {cpu:.2f} s"
              "（机器繁忙时墙钟时间远大于 CPU 时间，以此为参考）")
        if hasattr(os, "getloadavg"):
            print(f"测量时系统负载（1 分钟）：{os.getloadavg()[0]:.1f}，CPU 数：{os.cpu_count()}")
        print(f"再次导入同一文件的试运行（全部重复）：{best['dry_run_duplicates']:.2f} s")
        print(f"整体撤销：{best['undo']:.2f} s")
        memory = run_once(Path(tmp) / "data-mem", ledger, measure_memory=True)
        print(f"预览 + 导入峰值内存（tracemalloc，Python 分配）：{memory['peak']:.0f} MiB")
        try:
            import resource  # Unix only
        except ImportError:
            return
        print(f"进程峰值 RSS：{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
