"""The exports as printed: rendered with LibreOffice, measured with poppler (A4, orientation, repeated headers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.db.enums import BriefingKind
from desktop.exporters import jobs
from desktop.services.scope import Period, Scope
from desktop.tools.render_docs import render_many_to_pdf, soffice_path

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def rendered(demo_workspace, today, tmp_path) -> dict[str, Path]:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    period = Period.year(today.year)
    files = []
    for kind in BriefingKind:
        content = jobs.draft(demo_workspace.db, kind, period, Scope(), today)
        files.append(jobs.issue_and_write(demo_workspace.db, content, tmp_path / f"{kind.value}.docx"))
    for kind in ("ledger-issues", "investment"):
        path = tmp_path / f"{kind}.xlsx"
        jobs.export_ledger(demo_workspace.db, jobs.LedgerRequest(kind, period, today), path)
        files.append(path)
    return {p.stem: p for p in render_many_to_pdf(files, tmp_path / "pdf")}


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_documents_and_ledgers_print_on_a4(rendered) -> None:
    for stem in ("briefing", "notice"):
        info = pdfinfo(rendered[stem])
        assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"], stem  # A4 portrait
        assert "—1—" in page_text(rendered[stem], 1).replace(" ", "")
        assert "工作" in page_text(rendered[stem], 1)
    notice = rendered["notice"]
    pages = int(pdfinfo(notice)["Pages"])
    assert any("附件1" in page_text(notice, p).replace(" ", "") for p in range(2, pages + 1))
    assert "（共印30份）" in page_text(notice, pages).replace(" ", "")
    for stem in ("ledger-issues", "investment"):
        pdf = rendered[stem]
        info = pdfinfo(pdf)
        assert info["Page size"].startswith("841.") and "(A4)" in info["Page size"], stem  # A4 landscape
        pages = int(info["Pages"])
        assert pages >= 2
        last = page_text(pdf, pages)
        assert f"第 {pages} 页，共 {pages} 页" in last
        assert "序号" in page_text(pdf, 2), "header rows repeat on every page"  # print titles
    first = page_text(rendered["ledger-issues"], 1)
    assert "问题描述" in first and "最新进展" in first and "发现日期" in first  # all columns fit the page width
