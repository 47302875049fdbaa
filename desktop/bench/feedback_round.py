"""Benchmark: 发出反馈表 and the 收取反馈 preview (issue #19) against bare openpyxl on the same cells and files.

Not a test. ``python -m desktop.bench.feedback_round [--size city] [--cache DIR] [--units 60] [--repeat 3]``;
`run.py` calls `figures`. Both figures are CPU time, best of `repeat`, each interleaved with its floor:

- send: the whole `send_round` (open issues read per unit, signed keys, one styled, locked workbook per unit with
  its validations and 新增问题 sheet, the round recorded; rolled back after each run), against a bare openpyxl
  write-only workbook per unit holding the same cell values (both sheets), saved.
- collect: `preview_collect` over the returned files (every row judged against the database: key signature,
  round, unit, locked cells, answer), against a bare openpyxl read-only pass over the same files. The files are
  the sent forms cut to `rows` data rows and filled in as units do. Peak memory is the VmHWM of a fresh process
  that opens the database and previews them all.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.bench.dataset import TODAY
from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADERS
from desktop.workspace import Workspace, open_workspace

ROUND = "基准轮"
PROGRESS = HEADERS.index("办理进展") + 1
STATUS = HEADERS.index("办理状态") + 1
EXPECTED = HEADERS.index("预计完成时间") + 1


def _cpu(func: Callable[[], object]) -> float:
    """CPU ms of one call, garbage of earlier runs collected first and the collector paused (as timeit does)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        func()
        return (time.process_time() - start) * 1000
    finally:
        gc.enable()


def _units(workspace: Workspace, count: int) -> list[str]:
    from desktop.services.feedback.send import send_choices

    with workspace.db.read() as session:
        return [name for name, _open in send_choices(session, TODAY).units[:count]]


def _send(workspace: Workspace, out: Path, units: list[str], *, keep: bool) -> list[Path]:
    """One round to `units` written into `out`; recorded when `keep`, else rolled back (a timing run)."""
    from desktop.services.feedback.send import send_round

    session = workspace.db.new_session()
    try:
        session.begin()
        result = send_round(session, out, units=units, deadline=TODAY + timedelta(days=7), name=ROUND, today=TODAY)
        if keep:
            session.commit()
        return [form.path for form in result.forms]
    finally:
        if session.in_transaction():
            session.rollback()
        session.close()


def _cells(path: Path) -> list[tuple[str, list[list[object]]]]:
    workbook = load_workbook(path)
    return [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in workbook.worksheets]


def measure_send(workspace: Workspace, units: list[str], work: Path, repeat: int) -> tuple[float, float, int, int]:
    """(send ms, floor ms, workbooks, rows) — the send rolled back each time, so every run is the same round."""
    warm = work / "warm"
    warm.mkdir()
    paths = _send(workspace, warm, units, keep=False)
    contents = [(path.name, _cells(path)) for path in paths]
    rows = sum(len(rows) for _name, sheets in contents for title, rows in sheets[:1]) - 4 * len(contents)

    def bare(target: Path) -> None:
        for name, sheets in contents:
            workbook = Workbook(write_only=True)
            for title, values in sheets:
                sheet = workbook.create_sheet(title)
                for row in values:
                    sheet.append(row)
            workbook.save(target / name)

    sends, floors = [], []
    for run in range(max(1, repeat)):
        floor_dir, send_dir = work / f"bare{run}", work / f"send{run}"
        floor_dir.mkdir()
        send_dir.mkdir()
        floors.append(_cpu(lambda d=floor_dir: bare(d)))  # type: ignore[misc]
        sends.append(_cpu(lambda d=send_dir: _send(workspace, d, units, keep=False)))  # type: ignore[misc]
    return min(sends), min(floors), len(paths), rows


def returned_files(workspace: Workspace, units: list[str], work: Path, rows: int) -> list[Path]:
    """The round sent and recorded, each form cut to `rows` data rows and filled in as a unit does."""
    sent = work / "sent"
    sent.mkdir()
    back = work / "back"
    back.mkdir()
    statuses = ("办理中", "已办结", "阶段性推进", "申请延期", "需上级协调")
    found = []
    for path in _send(workspace, sent, units, keep=True):
        workbook = load_workbook(path)
        sheet = workbook.active
        last = FIRST_DATA_ROW + rows
        if sheet.max_row >= last:
            sheet.delete_rows(last, sheet.max_row - last + 1)
        for offset, row in enumerate(range(FIRST_DATA_ROW, min(last, sheet.max_row + 1))):
            sheet.cell(row, PROGRESS).value = f"第{offset + 1}项：已召开专题协调会，相关手续正在办理，预计按期完成"
            sheet.cell(row, STATUS).value = statuses[offset % len(statuses)]
            sheet.cell(row, EXPECTED).value = TODAY + timedelta(days=30 + offset)
        target = back / path.name
        workbook.save(target)
        found.append(target)
    return found


def bare_read(paths: list[Path]) -> int:
    cells = 0
    for path in paths:
        workbook = load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
        workbook.close()
    return cells


def measure_collect(workspace: Workspace, paths: list[Path], repeat: int) -> tuple[float, float, int]:
    """(preview ms, floor ms, rows judged)."""
    from desktop.services.feedback.collect import preview_collect

    preview = preview_collect(workspace.db, paths, today=TODAY + timedelta(days=3))  # warm-up
    judged = sum(len(f.rows) for f in preview.files)
    refused = [f.refusal for f in preview.files if f.refusal]
    assert not refused, refused
    previews, floors = [], []
    for _ in range(max(1, repeat)):
        floors.append(_cpu(lambda: bare_read(paths)))
        previews.append(_cpu(lambda: preview_collect(workspace.db, paths, today=TODAY + timedelta(days=3))))
    return min(previews), min(floors), judged


_PEAK = """
import json, sys
from datetime import date
from pathlib import Path
from desktop.services.feedback.collect import preview_collect
from desktop.workspace import open_workspace
workspace = open_workspace(Path(sys.argv[1]), operator="基准测试")
paths = [Path(p) for p in json.loads(sys.argv[2])]
preview = preview_collect(workspace.db, paths, today=date.fromisoformat(sys.argv[3]))
rows = sum(len(f.rows) for f in preview.files)
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(rows, int(peak.split()[1]) // 1024)
"""


def peak_rss(folder: Path, paths: list[Path]) -> int | None:
    """MB: the VmHWM of a fresh process that opens the database and previews every file (Linux only)."""
    if not Path("/proc/self/status").exists():
        return None
    done = subprocess.run([sys.executable, "-c", _PEAK, str(folder), json.dumps([str(p) for p in paths]),
                           (TODAY + timedelta(days=3)).isoformat()], capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return int(done.stdout.split()[1])


def measure(folder: Path, units: int = 60, rows: int = 100, repeat: int = 3) -> dict[str, object]:
    """Every figure on a copy of the database in `folder` (the round is recorded in the copy only)."""
    import shutil

    with tempfile.TemporaryDirectory(prefix="keyproj-bench-feedback-") as scratch:
        work = Path(scratch)
        copy = work / "data"
        copy.mkdir()
        for name in os.listdir(folder):
            if name.startswith("keyproj.sqlite3"):
                shutil.copy2(folder / name, copy / name)
        workspace = open_workspace(copy, operator="基准测试")
        try:
            chosen = _units(workspace, units)
            send_ms, send_floor, books, sent_rows = measure_send(workspace, chosen, work, repeat)
            paths = returned_files(workspace, chosen, work, rows)
            collect_ms, collect_floor, judged = measure_collect(workspace, paths, repeat)
        finally:
            workspace.close()
        peak = peak_rss(copy, paths)
    return {"send": (send_ms, send_floor, books, sent_rows), "collect": (collect_ms, collect_floor, len(paths), judged),
            "peak_mb": peak}


def main(argv: list[str] | None = None) -> int:
    from desktop.bench.run import database

    parser = argparse.ArgumentParser(prog="python -m desktop.bench.feedback_round", description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="district", help="demo, district or city")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "keyproj-bench")
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    folder = database(args.cache, args.size)
    result = measure(folder, args.units, args.rows, args.repeat)
    send_ms, send_floor, books, sent_rows = result["send"]  # type: ignore[misc]
    collect_ms, collect_floor, files, judged = result["collect"]  # type: ignore[misc]
    print(f"{date.today()} {args.size}: send {books} workbooks / {sent_rows} rows: {send_ms:.0f} ms, floor "
          f"{send_floor:.0f} ms, {send_ms / send_floor:.2f}×")
    print(f"collect preview of {files} files / {judged} rows: {collect_ms:.0f} ms, floor {collect_floor:.0f} ms, "
          f"{collect_ms / collect_floor:.2f}×; peak RSS {result['peak_mb']} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
