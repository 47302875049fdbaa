"""Two imports of the same ledger at the same moment (issue 16): the second waits for the first and finds its rows
as duplicates — never every issue twice. Real threads against one real database, SQLite file and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from desktop.db.models import Issue
from desktop.importers.preview import build_preview
from desktop.services.importing.apply import NothingToImport, apply_import
from desktop.services.importing.outcome import RowStatus

TODAY = date(2026, 11, 25)
ROWS = 400


def test_two_imports_at_once_store_each_row_once(db_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目名称", "问题描述", "责任单位", "发现时间"])
    for n in range(ROWS):
        sheet.append([f"项目{n % 20}", f"问题{n}", f"单位{n % 7}", date(2026, 1, 1) + timedelta(days=n % 300)])
    path = tmp_path / "2026年问题台账.xlsx"
    workbook.save(path)
    preview = build_preview(path, "issues")
    start = threading.Barrier(2)
    results: list[object] = []

    def run() -> None:
        start.wait()
        try:
            results.append(apply_import(db_workspace.db, preview, today=TODAY))
        except NothingToImport as refused:
            results.append(refused)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 2
    stored = [r for r in results if not isinstance(r, NothingToImport)]
    refused = [r for r in results if isinstance(r, NothingToImport)]
    assert len(stored) == 1 and len(refused) == 1, results
    assert stored[0].count(RowStatus.NEW) == ROWS  # type: ignore[attr-defined]
    assert f"重复 {ROWS} 行" in str(refused[0])
    with db_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Issue)) == ROWS
