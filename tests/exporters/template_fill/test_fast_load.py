"""The template reader (`template_fill.fastload`) gives the same workbook as openpyxl's own `load_workbook`.

Compared cell by cell (value, type, style array, cell class) and by the parts the filled copy keeps, on a
hand-written sheet with every cell shape the OOXML standard allows (shared and inline strings, rich text, dates,
booleans, errors, shared and array formulas, cells and rows without references), on the forms upper levels send,
and on a filled copy (openpyxl writes every string inline).
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.formula import ArrayFormula

from desktop.bench.dataset import TODAY
from desktop.exporters.template_fill import job
from desktop.exporters.template_fill.fastload import load_template
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection
from tests.exporters.template_fill import forms

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet {NS} xmlns:r="{REL}"><dimension ref="A1:H9"/><sheetData>
<row r="1" spans="1:8" ht="30" customHeight="1">
  <c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
  <c r="D1" t="inlineStr"><is><t xml:space="preserve">  前后有空格  </t></is></c>
  <c r="E1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t>细</t></r></is></c>
  <c r="F1" t="inlineStr"><is><t/></is></c><c r="G1" t="inlineStr"/><c r="H1" t="inlineStr"><is><t>A_x000D_B</t></is></c>
</row>
<row r="2">
  <c r="A2"><v>42</v></c><c r="B2"><v>3.25</v></c><c r="C2"><v>1E-3</v></c><c r="D2" s="2"><v>46351</v></c>
  <c r="E2" s="3"><v>46351.5</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#DIV/0!</v></c>
  <c r="H2" t="str"><v>公式文本</v></c>
</row>
<row r="3">
  <c r="A3"><f>SUM(A2:C2)</f><v>45.251</v></c><c r="B3"><f t='shared' ref="B3:D3" si="0">B2*2</f><v>6.5</v></c>
  <c r="C3"><f t='shared' si="0"/><v>0.002</v></c><c r="D3"><f t='shared' si="0"/></c>
  <c r="E3"><f t="array" ref="E3:E3">SUM(A2:B2*2)</f><v>1</v></c><c r="F3" t="d"><v>2026-11-25T00:00:00</v></c>
  <c r="G3" s="1"/><c r="H3" s="1"><v></v></c>
</row>
<row><c><v>7</v></c><c t="inlineStr"><is><t>无坐标</t></is></c></row>
<row r="6"><c r="a6"><v>1</v></c><c r="B6" t="s"><v>3</v></c><c r="C6" t="s"/></row>
<row r="7" hidden="1"><c r="A7"><v>1e5</v></c><c r="B7" t="inlineStr"><is><t>音</t><rPh sb="0" eb="1"><t>yin</t></rPh></is></c></row>
<row r="9"><c r="XFD9"><v>9</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A9:C9"/></mergeCells></worksheet>"""
STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst {NS} count="4" uniqueCount="4"><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>总</t></r><r><t>投资</t></r></si>
<si><t>有_x005F_x000D_转义</t></si><si><t>办理进展</t><rPh sb="0" eb="2"><t>bl</t></rPh></si></sst>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="12"/><name val="黑体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
PARTS = {
    "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>""",
    "_rels/.rels": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
    "xl/workbook.xml": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {NS} xmlns:r="{REL}"><sheets><sheet name="填报表" sheetId="1" r:id="rId1"/></sheets></workbook>""",
    "xl/_rels/workbook.xml.rels": f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>""",
    "xl/worksheets/sheet1.xml": SHEET,
    "xl/sharedStrings.xml": STRINGS,
    "xl/styles.xml": STYLES,
}


def every_shape(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
    return path


def shown(value: object) -> str:
    """A value as text, formula objects by their contents (their repr is their address)."""
    if isinstance(value, ArrayFormula):
        return f"ArrayFormula({value.ref}, {value.text})"
    return repr(value)


def snapshot(path: Path, *, rich_text: bool, reader) -> dict:  # type: ignore[no-untyped-def]
    wb = reader(path, rich_text=rich_text)
    sheets = {}
    for ws in wb.worksheets:
        cells = {key: (type(c).__name__, shown(c.value), type(c.value).__name__, c.data_type, tuple(c._style))
                 for key, c in ws._cells.items()}
        assert all(c.parent is ws and (c.row, c.column) == key for key, c in ws._cells.items())
        assert len({id(c._style) for c in ws._cells.values()}) == len(ws._cells)  # no shared style arrays
        rows = {i: (d.height, d.hidden, d.customHeight) for i, d in ws.row_dimensions.items()}
        sheets[ws.title] = (cells, rows, sorted(str(r) for r in ws.merged_cells.ranges), ws.max_row,
                            ws.max_column, ws._current_row, str(ws.data_validations.dataValidation),
                            ws.print_title_rows, ws.freeze_panes, bool(ws.protection.sheet))
    return sheets


def assert_same(path: Path) -> None:
    for rich_text in (False, True):
        assert snapshot(path, rich_text=rich_text, reader=load_template) == snapshot(
            path, rich_text=rich_text, reader=load_workbook)


def test_every_cell_shape_reads_as_openpyxl_reads_it(tmp_path) -> None:
    path = every_shape(tmp_path / "各种单元格.xlsx")
    assert_same(path)
    ws = load_template(path).active
    # the shapes read directly, spelled out (the comparison above would pass if both readers lost them)
    assert [ws["A1"].value, ws["B1"].value, ws["D1"].value, ws["F1"].value, ws["G1"].value] == [
        "项目名称", "总投资", "  前后有空格  ", "", None]
    assert (ws["A2"].value, ws["B2"].value, ws["C2"].value, ws["A7"].value) == (42, 3.25, 0.001, 100000.0)
    assert ws["D2"].value.date() == date(2026, 11, 25) and ws["D2"].data_type == "d"
    assert ws["C3"].value == "=C2*2" and ws["D3"].value == "=D2*2"
    assert ws["A4"].value == 7 and ws["B4"].value == "无坐标"
    assert ws["B6"].value == "办理进展" and ws["XFD9"].value == 9
    assert ws["A1"].font.bold and ws["A1"].border.left.style == "thin" and ws["G3"].has_style


def test_upper_level_forms_and_a_filled_copy_read_the_same(demo_workspace, tmp_path) -> None:
    shapes = [forms.city_monthly(), forms.grouped_yi(), forms.issues_with_notes(), forms.decisions_of_meeting(),
              forms.protected_header()]
    for i, form in enumerate(shapes):
        assert_same(form.build(tmp_path / f"模板{i}.xlsx"))
    blank = forms.city_monthly().build(tmp_path / "空白.xlsx")
    copy = tmp_path / "已填.xlsx"
    job.fill_template(demo_workspace.db, job.FillRequest(blank, copy, Selection(Purpose.PROJECTS, 2026, 10), TODAY))
    assert_same(copy)
    assert load_template(copy).active.max_row > 90


def test_a_cell_set_after_loading_restyles_only_itself(tmp_path) -> None:
    path = forms.city_monthly().build(tmp_path / "模板.xlsx")
    ws = load_template(path).active
    before = ws["B6"].font.bold
    ws["B5"].font = Font(name=ws["B5"].font.name, bold=not before)
    assert ws["B6"].font.bold == before


@pytest.mark.parametrize("broken", ['<c r="A1" s="9"><v>1</v></c>', '<c r="A1"><v>x</v></c>'])
def test_broken_cells_fail_as_openpyxl_fails(tmp_path, broken: str) -> None:
    path = tmp_path / "坏.xlsx"
    PARTS_BROKEN = dict(PARTS, **{"xl/worksheets/sheet1.xml": SHEET.replace(
        '<row r="9"><c r="XFD9"><v>9</v></c></row>', f'<row r="9">{broken}</row>')})
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in PARTS_BROKEN.items():
            archive.writestr(name, text)
    with pytest.raises(Exception) as theirs:
        load_workbook(path)
    with pytest.raises(Exception) as ours:
        load_template(path)
    assert type(ours.value) is type(theirs.value)
