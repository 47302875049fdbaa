"""Benchmark (not a test): build_preview on a large issue ledger vs a bare openpyxl pass.

    python -m desktop.bench.import_ledger --rows 10000

The target is build_preview ≤ 3× a bare read-only openpyxl pass over the same file and
≤ 5 s in absolute terms, on a 10k-row ledger in office layout (title, 填报单位 line, header,
project names merged down over their issues, group rows, a 合计 row and notes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.cell_range import CellRange

from desktop.importers.preview import build_preview

HEADERS = ["序号", "项目名称", "包保领导", "问题类别", "存在问题", "责任单位", "配合单位", "责任人", "完成时限", "办理进展", "办理状态", "备注"]
DEADLINES = [dt.datetime(2022, 4, 30), "2022年5月31日", "2022.6.30", "6月底前", "年底前", "2022-08-15", "长期"]
STATUSES = ["已办结", "推进中", "阶段性推进", "已销号", "办理中"]
# Issues of one project are different problems, as in a real ledger: texts this far apart (pairwise difflib ratio
# under 0.25) never read as 可能重复. The same problem may come up under another project.
DESCRIPTIONS = [
    "项目用地范围内存在违法建筑，影响施工",
    "施工用电线路尚未接入，临时发电成本高",
    "规划许可证办理滞后，主体工程无法开工",
    "征迁户对补偿标准有异议，拒绝签订协议",
    "项目资金缺口较大，银行贷款审批未通过",
    "环评批复尚未取得，设备进场时间推迟",
    "进场道路被雨水冲毁，材料运输受阻",
    "地下管网迁改方案未确定，基坑开挖暂停",
    "林地占用手续需报省级审批，周期较长",
    "周边群众反映夜间施工噪音扰民",
    "施工图审查意见未回复，招标工作停滞",
    "供水管道压力不足，无法满足消防验收要求",
]
CATEGORIES = ["征地拆迁", "要素保障", "审批手续", "资金筹措", "施工环境"]
UNITS = [("区住建局", "李明"), ("区自然资源分局", "张伟"), ("区发改局", "王芳"), ("区生态环境分局", "刘洋"),
         ("区水务局", "陈静"), ("区交通运输局", "杨帆"), ("区城管局", "赵磊"), ("区供电公司", "孙丽")]


def build_ledger(path: Path, rows: int, formulas: bool = False) -> None:
    """An issue ledger laid out as offices keep it, with every 3 issues under one project, each a different
    problem with its own unit (a ledger of one repeated text would make every row a 可能重复).

    With `formulas`, 序号 is a formula (=ROW()-n) as many offices number rows; openpyxl saves
    it without a cached value, which makes the importer take its slower formula scan.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "问题台账"
    sheet.append(["某区领导干部包保重点项目问题台账"])
    sheet.append(["填报单位：区包保办　　　　填报日期：2022年12月31日"])
    sheet.append(HEADERS)
    width = len(HEADERS)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    excel_row = 3
    for index in range(rows):
        if index % 500 == 0:
            sheet.append([f"{'一二三四五六七八九十'[(index // 500) % 10]}、产业项目（500个）"])
            excel_row += 1
            sheet.merge_cells(start_row=excel_row, start_column=1, end_row=excel_row, end_column=width)
        position = index % 500
        first_of_project = position % 3 == 0
        project = index // 3
        # The three issues of a project: three different problems (offsets 0, 5, 10 of 12), three units.
        topic = (project + 5 * (index % 3)) % len(DESCRIPTIONS)
        unit, person = UNITS[index % len(UNITS)]
        supporting = UNITS[(index + 3) % len(UNITS)][0]
        sheet.append(
            [
                f"=ROW()-{3 + index // 500 + 1}" if formulas else index + 1,
                f"重点项目{project:05d}" if first_of_project else None,
                "王建国" if first_of_project else None,
                CATEGORIES[topic % len(CATEGORIES)],
                DESCRIPTIONS[topic],
                unit,
                supporting,
                person,
                DEADLINES[index % len(DEADLINES)],
                "已协调相关单位，正在推进",
                STATUSES[index % len(STATUSES)],
                None,
            ]
        )
        excel_row += 1
        # The project's cells are merged down over its issues, never across a group row.
        span = min(3, 500 - position, rows - index)
        if first_of_project and span > 1:
            for column in (2, 3):
                _merge(sheet, excel_row, column, excel_row + span - 1, column)
    sheet.append(["合计", None, None, None, rows])
    sheet.append(["注：完成时限以区包保办交办单为准。"])
    workbook.save(path)


def _merge(sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """A merged range the file will hold, without openpyxl's overlap check: merge_cells compares each new range
    with every earlier one, which at 50,000 rows (33,000 ranges) takes longer than the benchmark itself. The cells
    under the range are empty already (the rows are built that way)."""
    sheet.merged_cells.ranges.add(CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row))


def bare_pass(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()


def _best_of(repeat: int, func, *args):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time build_preview against a bare openpyxl read-only pass.")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formulas", action="store_true", help="number rows with =ROW() formulas")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "问题台账_bench_2022.xlsx"
        build_ledger(path, args.rows, args.formulas)
        bare, count = _best_of(args.repeat, bare_pass, path)
        full, preview = _best_of(args.repeat, build_preview, path, "issues")
        tracemalloc.start()
        build_preview(path, "issues")
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        ratio = full / bare
        print(f"文件：{path.stat().st_size / 1024:.0f} KiB，{count} 行（含标题、分组、合计）")
        print(f"openpyxl 只读遍历：{bare:.2f} s")
        print(f"build_preview：{full:.2f} s（数据行 {len(preview.rows)}，跳过 {len(preview.skipped)}，问题 {len(preview.problems)}）")
        print(f"倍数：{ratio:.2f}×（目标 ≤ 3×），绝对时间目标 ≤ 5 s：{'达标' if ratio <= 3 and full <= 5 else '未达标'}")
        print(f"build_preview 峰值内存（tracemalloc，Python 分配）：{peak / 1024 / 1024:.1f} MiB")
        try:
            import resource  # Unix only; the benchmark also runs on Windows without it.
        except ImportError:
            return
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"进程峰值 RSS（含生成台账的写入）：{rss:.0f} MiB")


if __name__ == "__main__":
    main()
