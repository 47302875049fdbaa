"""A ledger rendered by LibreOffice prints as A4 landscape pages with the header repeated on every page."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.exporters.xlsx import ColumnKind, LedgerColumn, LedgerSpec, write_ledger

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"),
]


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")


def test_render_a4_landscape_with_repeated_header(tmp_path: Path) -> None:
    columns = [
        LedgerColumn("project", "项目名称", 12),
        LedgerColumn("desc", "存在问题", 24),
        LedgerColumn("lead", "牵头单位", 8, group="责任单位"),
        LedgerColumn("support", "配合单位", 8, group="责任单位"),
        LedgerColumn("deadline", "完成时限", 7, kind=ColumnKind.DATE),
        LedgerColumn("progress", "办理进展", 24),
        LedgerColumn("status", "办理状态", 5, kind=ColumnKind.STATUS),
    ]
    spec = LedgerSpec("问题台账渲染测试", columns, sheet_name="问题台账", unit="区包保办",
                      report_date=dt.date(2025, 6, 30), status_choices=("办理中", "已办结"), paper="A4")
    rows = [{"project": f"项目{i}", "desc": "项目用地范围内存在违法建筑，影响施工进度，需要协调" * (1 + i % 2),
             "lead": "小店街道办事处", "support": "区城管局", "deadline": dt.date(2025, 6, 30),
             "progress": "已拆除违建6处，场地移交建设单位", "status": "办理中"} for i in range(1, 61)]
    xlsx = tmp_path / "render.xlsx"
    write_ledger(xlsx, [(spec, rows)])

    profile = tmp_path / "lo_profile"
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "render.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields["Pages"])
    assert pages >= 2
    width, _, height = fields["Page size"].split()[:3]
    assert (round(float(width)), round(float(height))) == (842, 595)  # A4 landscape in points

    texts = _pdf_pages(pdf)
    assert "问题台账渲染测试" in texts[0]
    for number, page in enumerate(texts[:pages], 1):
        assert "责任单位" in page and "牵头单位" in page and "办理进展" in page, number
        assert f"第 {number} 页，共 {pages} 页" in page
    assert "问题台账渲染测试" not in texts[1]  # only the header rows repeat, not the title
