"""Benchmark (not a test): a 50,000-row 问题台账, dry run and import, beside a bare openpyxl read-only pass.

    python -m desktop.bench.import_large --rows 50000

Issue 16 asks for CPU time and peak memory of the dry run and of the import, each against the floor of a bare
read-only openpyxl pass over the same file in the same run; targets ≤ 3× the floor's CPU time and ≤ 300 MB peak.
Each phase runs in its own process so that its peak resident memory (VmHWM / ru_maxrss) is its own and not the
high-water mark of building the ledger or of an earlier phase.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 25)
CPU_TARGET = 3.0
PEAK_TARGET_MB = 300.0


def _peak_mb() -> float:
    """This process's peak resident memory: VmHWM on Linux, ru_maxrss elsewhere on Unix, 0 when neither exists."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def run_phase(phase: str, ledger: Path, folder: Path) -> dict[str, float]:
    """One phase in this process: `bare` (openpyxl read-only pass), `dry` (preview + dry run) or `import`
    (preview + import with its backup and batch record). Imports happen inside the timed span on purpose only
    for the work itself: modules are loaded before the clock starts."""
    from desktop.bench.import_ledger import bare_pass
    from desktop.importers.preview import build_preview
    from desktop.services.importing.apply import apply_import, dry_run_import
    from desktop.workspace import open_workspace

    workspace = open_workspace(folder, operator="基准测试") if phase != "bare" else None
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = 0.0
        if phase == "bare":
            rows = float(bare_pass(ledger))
        else:
            assert workspace is not None
            preview = build_preview(ledger, "issues")
            if phase == "dry":
                result = dry_run_import(workspace.db, preview, today=TODAY)
            else:
                result = apply_import(workspace.db, preview, data_dir=workspace.data_dir, source=ledger, today=TODAY)
            rows = float(result.stored_rows)
        return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall, "rows": rows,
                "peak_mb": _peak_mb()}
    finally:
        if workspace is not None:
            workspace.close()


def _in_subprocess(phase: str, ledger: Path, folder: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "desktop.bench.import_large", "--phase", phase, "--ledger",
                          str(ledger), "--folder", str(folder)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="50k-row ledger: dry run and import against a bare openpyxl pass.")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--phase", choices=("bare", "dry", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--ledger", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.ledger, args.folder)))
        return 0
    from desktop.bench.import_ledger import build_ledger

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "问题台账_bench_2022.xlsx"
        build_ledger(ledger, args.rows)
        bare = _in_subprocess("bare", ledger, Path(tmp) / "unused")
        dry = _in_subprocess("dry", ledger, Path(tmp) / "dry")
        done = _in_subprocess("import", ledger, Path(tmp) / "import")
        print(f"台账：{args.rows} 行问题，{ledger.stat().st_size / 1024 / 1024:.1f} MiB，共 {bare['rows']:.0f} 行（含标题、分组、合计）")
        print("| 阶段 | CPU 时间 | 墙钟时间 | 倍数（CPU） | 峰值内存（VmHWM） | 达标（≤ 3×，≤ 300 MB） |")
        print("|---|---|---|---|---|---|")
        ok = True
        for label, fig in (("openpyxl 只读遍历（下限）", bare), ("试运行（预览 + 检查）", dry),
                           ("导入（预览 + 备份 + 写入 + 批次记录）", done)):
            ratio = fig["cpu"] / bare["cpu"]
            met = fig is bare or (ratio <= CPU_TARGET and fig["peak_mb"] <= PEAK_TARGET_MB)
            ok = ok and met
            print(f"| {label} | {fig['cpu']:.2f} s | {fig['wall']:.2f} s | {ratio:.2f}× | {fig['peak_mb']:.0f} MB | "
                  f"{'—' if fig is bare else '是' if met else '**否**'} |")
        print(f"试运行可导入 {dry['rows']:.0f} 行，导入写入 {done['rows']:.0f} 行")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
