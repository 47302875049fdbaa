"""Two filled forms as printed: rendered with LibreOffice, read back with poppler (the README shows these two)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.exporters.template_fill import job
from desktop.services.templates.catalog import Purpose
from desktop.services.templates.records import Selection
from desktop.tools.render_docs import pdf_to_pngs, render_many_to_pdf, soffice_path
from tests.exporters.template_fill import forms

pytestmark = pytest.mark.libreoffice


def _text(pdf: Path, page: int = 1) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout.replace(" ", "")


def test_two_filled_forms_print_as_the_upper_level_laid_them_out(demo_workspace, tmp_path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    filled = []
    for name, form in (("月报", forms.city_monthly()), ("投资完成情况", forms.grouped_yi())):
        template = form.build(tmp_path / f"{name}模板.xlsx")
        out = tmp_path / f"{name}.xlsx"
        job.fill_template(demo_workspace.db, job.FillRequest(template, out, Selection(Purpose.PROJECTS, 2026, 10),
                                                             date(2026, 11, 25)))
        filled.append(out)
    pdfs = {p.stem: p for p in render_many_to_pdf(filled, tmp_path / "pdf")}
    monthly, grouped = _text(pdfs["月报"]), _text(pdfs["投资完成情况"])
    assert "2026年1-10月重点项目推进情况表" in monthly and "填报单位（盖章）：区重点项目服务保障办公室" in monthly
    assert "紫云府项目" in monthly and "2026年投资" in monthly and "1-10月完成" in monthly
    assert "一、产业项目" in grouped and "（一）续建项目" in grouped and "小计" in grouped and "单位：亿元" in grouped
    pages = int(subprocess.run(["pdfinfo", str(pdfs["月报"])], capture_output=True, text=True, check=True)
                .stdout.split("Pages:")[1].split()[0])
    assert pages >= 2 and "序号" in _text(pdfs["月报"], 2)  # the two header rows repeat on every page
    (tmp_path / "png").mkdir()
    assert pdf_to_pngs(pdfs["月报"], tmp_path / "png")
