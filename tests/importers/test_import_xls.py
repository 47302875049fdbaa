"""The old-.xls variant of a workbook with one sheet per 专班 (issue 16): every sheet of the layout is imported
from the .xls exactly as from the .xlsx it was saved from (LibreOffice, Excel 97-2003 format), merged cells and
dates included, and the sheet that is not a ledger is named.

tests/data/ledgers/分专班项目表.xlsx was written with openpyxl (title rows merged across, 建设单位 merged over the
first two projects of 专班一, a 填表说明 sheet) and saved as .xls by
`soffice --headless --convert-to xls`; both files are committed so the test needs neither LibreOffice nor xlwt.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.importers.preview import build_preview
from desktop.services.importing.apply import apply_import

pytest.importorskip("xlrd")

LEDGERS = Path(__file__).resolve().parents[1] / "data" / "ledgers"
TODAY = date(2026, 11, 25)


def _rows(path: Path) -> list[tuple[str | None, int, dict]]:
    preview = build_preview(path, "projects")
    assert preview.sheets == ["专班一", "专班二", "专班三"]
    assert dict(preview.skipped_sheets) == {"填表说明": "说明类工作表，不含台账数据，已跳过"}
    return [(row.sheet, row.row, row.values) for row in preview.rows]


def test_an_xls_with_one_sheet_per_task_force_reads_like_its_xlsx(workspace) -> None:  # type: ignore[no-untyped-def]
    old, new = _rows(LEDGERS / "分专班项目表.xls"), _rows(LEDGERS / "分专班项目表.xlsx")
    assert old == new and len(old) == 12
    first = {values["name"]: values for _sheet, _row, values in old}
    assert first["专班一项目2"]["owner"] == "建设单位一1"  # under the merged cell
    assert first["专班一项目1"]["progress"] == "主体施工\n外立面"
    assert first["专班三项目4"]["start_date"] == date(2026, 4, 10)
    assert first["专班二项目3"]["task_force"] == "专班二"
    result = apply_import(workspace.db, build_preview(LEDGERS / "分专班项目表.xls", "projects"), today=TODAY)
    assert result.stored_rows == 12
