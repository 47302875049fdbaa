"""Benchmark: 按上级模板填报 of a 2,000-project form against a bare openpyxl load-and-write of the same workbook.

Not a test. ``python -m desktop.bench.template_fill [--cache DIR] [--repeat 3]``; `run.py` calls `figure`. The
fill is the whole job (template checks and header detection, the records and figures read from the database,
the rows written in the template's look, the save); the floor loads the same blank template with openpyxl, writes
the same cell values the fill wrote, and saves. Both are CPU time, best of `repeat`, interleaved. The template
with the target is the one an office fills every month: last month's returned copy, 2,000 project rows.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side

from desktop.bench.dataset import TODAY, YEAR, Size, build
from desktop.exporters.template_fill import job
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection
from desktop.workspace import open_workspace

SIZE = Size("template-fill", 2_000, 4_000, 10, 10, 10)
HEADER = [("序号", None, 5), ("项目名称", None, 24), ("建设单位", None, 16), ("总投资", None, 10),
          ("年度计划", "2026年投资", 10), ("1-9月完成", "2026年投资", 10), ("完成率", "2026年投资", 8),
          ("序时进度", None, 8), ("形象进度", None, 16), ("存在问题", None, 24), ("包保领导", None, 10),
          ("责任单位", None, 14)]


def build_template(path: Path, blank_rows: int = 10) -> Path:
    """A 市重点办-style blank form: title, 填报单位 line, two-row header, bordered blank rows, 合计 formula, footer."""
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    ws.title = "填报表"
    ws["A1"] = f"{YEAR}年1-9月重点项目推进情况表"
    ws["A1"].font = Font(size=18)
    ws.merge_cells("A1:L1")
    ws["A2"] = "填报单位（盖章）：　　　　　　　填报日期：　　年　月　日　　　　单位：万元"
    ws.merge_cells("A2:L2")
    for c, (label, parent, width) in enumerate(HEADER, 1):
        ws.column_dimensions[ws.cell(3, c).column_letter].width = width
        if parent is None:
            ws.cell(3, c, label)
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
        else:
            ws.cell(4, c, label)
    ws["E3"] = "2026年投资"
    ws.merge_cells("E3:G3")
    for r in range(3, 5 + blank_rows + 1):
        for c in range(1, len(HEADER) + 1):
            cell = ws.cell(r, c)
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    last = 4 + blank_rows
    total = last + 1
    ws.cell(total, 1, "合计")
    for letter in "DEF":
        ws[f"{letter}{total}"] = f"=SUM({letter}5:{letter}{last})"
    ws.cell(total + 1, 1, "填表人：　　　　审核人：　　　　联系电话：")
    ws.print_title_rows = "3:4"
    ws.page_setup.orientation = "landscape"
    wb.save(path)
    return path


def database(cache: Path) -> Path:
    folder = cache / SIZE.name
    if not (folder / "keyproj.sqlite3").exists():
        build(folder, SIZE).close()
    return folder


def _cpu(func) -> float:  # type: ignore[no-untyped-def]
    """CPU ms of one call, as timeit measures: garbage of earlier runs collected first, the collector paused
    during the call (openpyxl workbooks are reference cycles; whose run pays for them would be chance)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        func()
        return (time.process_time() - start) * 1000
    finally:
        gc.enable()


def _measure(workspace, template: Path, work: Path, repeat: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    selection = Selection(Purpose.PROJECTS, YEAR, 10)
    out = work / "填报.xlsx"
    result = job.fill_template(workspace.db, job.FillRequest(template, out, selection, TODAY))  # warm-up
    filled = load_workbook(out)["填报表"]
    cells = [(c.row, c.column, c.value) for row in filled.iter_rows(min_row=5, max_row=4 + result.rows)
             for c in row if c.value is not None]

    def bare() -> None:
        wb = load_workbook(template)
        ws = wb["填报表"]
        for row, column, value in cells:
            ws.cell(row, column).value = value
        wb.save(work / "bare.xlsx")

    def fill() -> None:
        job.fill_template(workspace.db, job.FillRequest(template, out, selection, TODAY))

    fills, floors = [], []
    for _ in range(max(1, repeat)):
        floors.append(_cpu(bare))
        fills.append(_cpu(fill))
    return min(fills), min(floors), result.records


def measure(cache: Path, repeat: int = 3) -> dict[str, tuple[float, float, int]]:
    """CPU ms (fill, floor, records), best of `repeat`, for the two templates an office fills:

    - "copy": last month's returned copy, 2,000 project rows in the template's look (the figure with the target);
    - "blank": the blank form with 10 prepared rows, grown to 2,000 (the first month; reported, no target).
    """
    folder = database(cache)
    work = Path(tempfile.mkdtemp(prefix="keyproj-bench-template-"))
    blank = build_template(work / "空白模板.xlsx")
    workspace = open_workspace(folder, operator="基准测试")
    try:
        copy = work / "9月报送.xlsx"
        job.fill_template(workspace.db, job.FillRequest(blank, copy, Selection(Purpose.PROJECTS, YEAR, 9), TODAY))
        return {"copy": _measure(workspace, copy, work, repeat), "blank": _measure(workspace, blank, work, repeat)}
    finally:
        workspace.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "keyproj-bench")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    for case, (fill, floor, records) in measure(args.cache, args.repeat).items():
        print(f"{case}: template fill, {records} projects: {fill:.0f} ms CPU; bare openpyxl load + write + save "
              f"{floor:.0f} ms; ratio {fill / floor:.2f}x" + (" (target ≤ 1.5x)" if case == "copy" else ""))


if __name__ == "__main__":
    main()
