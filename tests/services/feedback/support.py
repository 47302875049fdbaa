"""Filling a sent form the way a unit does: openpyxl on the real file, rows found by their key cell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop.importers.feedback_form import FIRST_DATA_ROW, HEADERS

COLUMN = {name: index + 1 for index, name in enumerate(HEADERS)}


def data_rows(path: Path) -> list[dict[str, Any]]:
    """The form's data rows as {header: value}, in sheet order."""
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = []
    for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
        values = {name: sheet.cell(row, column).value for name, column in COLUMN.items()}
        if values["校验码"]:
            rows.append(values)
    return rows


def fill(path: Path, target: Path, answers: dict[int, dict[str, Any]], *, reverse: bool = False,
         edit: dict[int, dict[str, Any]] | None = None) -> Path:
    """Write `answers` (by 序号) into the unit's cells and save to `target`; `reverse` re-sorts the rows
    (the last first), `edit` changes office cells as a careless unit would."""
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = [[sheet.cell(r, c).value for c in range(1, len(HEADERS) + 1)]
            for r in range(FIRST_DATA_ROW, sheet.max_row + 1)]
    if reverse:
        rows.reverse()
    for offset, values in enumerate(rows):
        number = values[0]
        for name, value in {**answers.get(number, {}), **(edit or {}).get(number, {})}.items():
            values[COLUMN[name] - 1] = value
        for column, value in enumerate(values, start=1):
            sheet.cell(FIRST_DATA_ROW + offset, column).value = value
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def resave_with_libreoffice(path: Path, out_dir: Path) -> Path | None:
    """The file as LibreOffice writes it (open and save as .xlsx); None when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir.parent / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out_dir), str(path)], check=True, capture_output=True, timeout=180)
    return out_dir / path.name
