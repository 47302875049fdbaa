"""Bad templates and bad mappings: a clear Chinese message naming file, sheet, row or column and reason, and no
file written (not even a partial one)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.errors import UserError
from desktop.exporters.template_fill import job
from desktop.services.scope import Scope, ScopeKind
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection
from desktop.tools.render_docs import soffice_path
from tests.exporters.template_fill import expected, forms
from tests.exporters.template_fill.forms import Column, Form

TODAY = date(2026, 11, 25)


def refused(workspace, template: Path, tmp_path: Path, *, mapping=None, selection=None) -> str:
    out = tmp_path / "out" / "填报.xlsx"
    out.parent.mkdir(exist_ok=True)
    request = job.FillRequest(template, out, selection or Selection(Purpose.PROJECTS, 2026, 10), TODAY, mapping)
    with pytest.raises(UserError) as caught:
        job.fill_template(workspace.db, request)
    assert list(out.parent.iterdir()) == []  # nothing written, no partial file
    return str(caught.value)


def test_no_recognisable_header(workspace, tmp_path) -> None:
    form = Form("通知", [Column("甲"), Column("乙"), Column("丙")], unit=None)
    message = refused(workspace, form.build(tmp_path / "通知.xlsx"), tmp_path)
    assert "模板“通知.xlsx”" in message and "没有找到可识别的表头" in message


def test_protected_sheet_with_locked_data_cells(workspace, tmp_path) -> None:
    form = forms.protected_header()
    form.lock_records = True
    message = refused(workspace, form.build(tmp_path / "锁定.xlsx"), tmp_path)
    assert "工作表“填报表”设置了保护" in message and "第4行起" in message and "撤销工作表保护" in message


def test_merged_cells_in_the_data_area(workspace, tmp_path) -> None:
    form = forms.city_monthly()
    form.merges = ["B6:B7"]
    message = refused(workspace, form.build(tmp_path / "合并.xlsx"), tmp_path)
    assert "第6行的数据区有合并单元格 B6:B7" in message and "工作表“填报表”" in message


def test_header_that_repeats_a_field(demo_workspace, tmp_path) -> None:
    form = Form("重点项目表", [Column("序号"), Column("项目名称"), Column("总投资"), Column("项目名称")], unit=None)
    template = form.build(tmp_path / "重复.xlsx")
    message = refused(demo_workspace, template, tmp_path)
    assert "【项目名称】同时对应了项目名称（B列）和项目名称（D列）" in message and "未生成任何文件" in message
    # the user leaves one of them empty: then it fills
    out = tmp_path / "ok.xlsx"
    inspection = job.inspect_template(template)
    mapping = {**inspection.mapping, 3: None}
    job.fill_template(demo_workspace.db, job.FillRequest(template, out, Selection(Purpose.PROJECTS, 2026, 10),
                                                         TODAY, mapping))
    assert load_workbook(out).active["D4"].value is None and load_workbook(out).active["B4"].value


def test_files_that_are_no_workbook(workspace, tmp_path) -> None:
    text = tmp_path / "模板.xlsx"
    text.write_text("序号,项目名称,总投资\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in refused(workspace, text, tmp_path)
    word = tmp_path / "通知.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "不是 Excel 工作簿" in refused(workspace, word, tmp_path)
    big = forms.city_monthly().build(tmp_path / "大.xlsx")
    from desktop.exporters.template_fill import source

    source_limit, source.MAX_TEMPLATE_BYTES = source.MAX_TEMPLATE_BYTES, 1024
    try:
        assert "超过模板上限" in refused(workspace, big, tmp_path)
    finally:
        source.MAX_TEMPLATE_BYTES = source_limit
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert "是空的" in refused(workspace, empty, tmp_path)


def test_a_form_without_rows_to_fill_and_bad_targets(demo_workspace, tmp_path) -> None:
    template = forms.city_monthly().build(tmp_path / "模板.xlsx")
    nobody = Selection(Purpose.PROJECTS, 2026, 10, Scope(ScopeKind.UNIT, 999_999))
    assert "没有符合条件的重点项目" in refused(demo_workspace, template, tmp_path, selection=nobody)
    with pytest.raises(UserError, match="会覆盖上级下发的空白模板"):
        job.fill_template(demo_workspace.db, job.FillRequest(template, template, Selection(Purpose.PROJECTS, 2026, 10),
                                                             TODAY))
    with pytest.raises(UserError, match=r"应保存为 \.xlsx"):
        job.fill_template(demo_workspace.db, job.FillRequest(template, tmp_path / "a.xls",
                                                             Selection(Purpose.PROJECTS, 2026, 10), TODAY))
    with pytest.raises(UserError, match="对应的数据项“bogus”不存在"):
        job.fill_template(demo_workspace.db, job.FillRequest(template, tmp_path / "a.xlsx",
                                                             Selection(Purpose.PROJECTS, 2026, 10), TODAY, {1: "bogus"}))
    assert not (tmp_path / "a.xlsx").exists()


@pytest.mark.libreoffice
def test_an_old_xls_form_is_read_where_possible(demo_workspace, tmp_path) -> None:
    if soffice_path() is None:
        pytest.skip("LibreOffice not installed")
    xlsx = forms.city_monthly().build(tmp_path / "月报.xlsx")
    subprocess.run([soffice_path(), f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "xls",
                    "--outdir", str(tmp_path / "xls"), str(xlsx)], check=True, capture_output=True, timeout=180)
    xls = tmp_path / "xls" / "月报.xls"
    inspection = job.inspect_template(xls)
    assert any("旧版 Excel" in note for note in inspection.notes)
    out = tmp_path / "填报.xlsx"
    result = job.fill_template(demo_workspace.db, job.FillRequest(xls, out, Selection(Purpose.PROJECTS, 2026, 10), TODAY))
    facts = expected.projects(demo_workspace, 10)
    ws = load_workbook(out).active
    assert result.records == len(facts) and ws["A1"].value == "2026年1-10月重点项目推进情况表"
    assert {ws.cell(r, 2).value for r in range(5, 5 + len(facts))} == set(facts)
    assert "E3:G3" in {str(m) for m in ws.merged_cells.ranges}
    from desktop.importers.preview import build_preview

    assert {r.values["project"] for r in build_preview(out, "investment").rows} == set(facts)
    shutil.rmtree(tmp_path / "lo", ignore_errors=True)
