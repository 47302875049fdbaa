"""Fixtures for the importer tests; the file builders live in ledger_files.py (importable by name)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (and merges) with openpyxl, as an office's Excel would store them."""

    def make(rows: list[list[Any]], merges: tuple[str, ...] = (), name: str = "台账.xlsx",
             sheet_title: str = "台账", extra_sheets: dict[str, list[list[Any]]] | None = None) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = sheet_title
        for row in rows:
            sheet.append(row)
        for ref in merges:
            sheet.merge_cells(ref)
        for title, extra_rows in (extra_sheets or {}).items():
            other = workbook.create_sheet(title)
            for row in extra_rows:
                other.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return make
