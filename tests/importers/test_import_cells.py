"""The importer's cell reader (`importers.cells`) gives every row exactly as openpyxl's read-only values pass does.

Compared row by row (values and their types) on a hand-written sheet with every cell shape the standard allows
(shared and inline strings, rich text, phonetic runs, dates and times by number format, booleans, errors,
formulas with and without cached values, cells and rows without references, rows out of order, repeated, empty
or missing, a cell right of its row's last one), on the sample ledgers and on a ledger written by openpyxl.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ledger_files import SAMPLES
from openpyxl import Workbook, load_workbook

from desktop.importers.cells import sheet_values
from tests.exporters.template_fill.test_fast_load import PARTS, SHEET

ODD_ROWS = """
<row r="11"><c r="C11"><v>3</v></c><c r="A11"><v>1</v></c></row>
<row r="10"><c r="A10" t="str"><v>late</v></c></row>
<row r="12"/>
<row r="13.0"><c r="B13" t="inlineStr"><is><t xml:space="preserve">行内
换行</t></is></c><c r="C13" t="e"><v>#N/A</v></c><c r="D13" t="b"><v>0</v></c></row>
<row r="14"><c r="A14" t="inlineStr"><v>5</v></c><c r="B14" t="s"><v>2</v></c><c r="C14"><v> 7 </v></c>
  <c r="D14" s="0"><v>12</v></c><c r="E14" t="n"/><c r="F14" t="str"><v></v></c></row>
<row r="16"><c r="B16" t="inlineStr"><is><t>跳过一行</t></is></c></row>
"""


def _workbook(path: Path, sheet: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(name, text)
    return path


def _openpyxl_rows(path: Path) -> dict[str, list[list[Any]]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        out = {}
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            out[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
        return out
    finally:
        workbook.close()


def _our_rows(path: Path) -> dict[str, list[list[Any]]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        with zipfile.ZipFile(path) as archive:
            return {sheet.title: sheet_values(archive, sheet._worksheet_path, sheet._shared_strings, workbook)
                    for sheet in workbook.worksheets}
    finally:
        workbook.close()


def _typed(rows: dict[str, list[list[Any]]]) -> dict[str, list[list[tuple[str, Any]]]]:
    """Values with their types: 1 and 1.0 and True must not compare equal here."""
    return {title: [[(type(value).__name__, value) for value in row] for row in sheet] for title, sheet in rows.items()}


def assert_same(path: Path) -> dict[str, list[list[Any]]]:
    ours = _our_rows(path)
    assert _typed(ours) == _typed(_openpyxl_rows(path))
    return ours


def test_every_cell_shape_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    sheet = SHEET.replace("</sheetData>", ODD_ROWS + "</sheetData>")
    rows = assert_same(_workbook(tmp_path / "各种单元格.xlsx", sheet))["填报表"]
    # The shapes read directly, spelled out (the comparison above would pass if both readers lost them).
    assert rows[0] == ["项目名称", "总投资", "有_x000D_转义", "  前后有空格  ", "粗细", "", None, "A_x000D_B"]
    assert rows[1][:3] == [42, 3.25, 0.001] and rows[1][3].date() == date(2026, 11, 25)
    assert rows[1][5:] == [True, "#DIV/0!", "公式文本"]
    assert rows[3] == [7, "无坐标"] and rows[4] == [] and rows[8][-1] == 9 and len(rows[8]) == 16_384
    assert rows[9] == []  # row 10 comes after row 11 in the part: openpyxl yields it empty, in its place
    assert rows[10] == [1]  # C11 before A11: the row is as wide as its last cell
    assert rows[11] == [] and rows[12] == [None, "行内\n换行", "#N/A", False]
    assert rows[13] == [None, "有_x000D_转义", 7, 12, None, None] and rows[14] == [] and rows[15] == [None, "跳过一行"]


def test_sample_ledgers_and_an_openpyxl_ledger_read_the_same(tmp_path: Path) -> None:
    for sample in sorted(SAMPLES.glob("*.xlsx")):
        assert_same(sample)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["序号", "存在问题", "完成时限", "金额", "备注"])
    sheet.append([1, "违法建筑 影响施工", date(2022, 4, 30), 12.5, None])
    sheet.append([2, "", "2022年5月31日", -3, "=A2*2"])
    sheet.append([None, None, None, None, "末列"])
    other = workbook.create_sheet("专班二")
    other.append(["项目名称", True, 0.25])
    path = tmp_path / "openpyxl.xlsx"
    workbook.save(path)
    rows = assert_same(path)
    assert rows["专班二"] == [["项目名称", True, 0.25]]


@pytest.mark.parametrize("broken", ['<c r="A1"><v>x</v></c>', '<c r="A1" t="s"><v>99</v></c>'])
def test_broken_cells_fail_as_openpyxl_fails(tmp_path: Path, broken: str) -> None:
    path = _workbook(tmp_path / "坏.xlsx", SHEET.replace('<row r="9"><c r="XFD9"><v>9</v></c></row>',
                                                         f'<row r="9">{broken}</row>'))
    with pytest.raises(Exception) as theirs:
        _openpyxl_rows(path)
    with pytest.raises(Exception) as ours:
        _our_rows(path)
    assert type(ours.value) is type(theirs.value)
