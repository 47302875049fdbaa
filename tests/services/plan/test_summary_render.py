"""The issued 年度工作总结 as printed: rendered with LibreOffice (our stand-in for WPS), read back with pdftotext.

小店's 2022 (seed 004) is built from the data, drafted, finished with next year's focus, issued and rendered: A4,
title on the first page, every figure of the seed in the text, the open item named in full, and the office and
date signed at the end, right-aligned, after the last paragraph.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.exporters import summary_job
from desktop.services.briefing.summary import NEXT_YEAR_MARK
from desktop.tools.render_docs import render_many_to_pdf, soffice_path
from desktop.workspace import open_workspace
from tests.services.plan.test_year_summary import _office
from tests.services.plan.xiaodian import OPEN_ITEM

pytestmark = pytest.mark.libreoffice
FOCUS = "2023年，我区将以持续深入开展好包保工作为切入点，全力落实项目推进机制，做好项目全生命周期服务。"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_issued_summary_renders_with_the_seed_figures(tmp_path: Path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    with open_workspace(tmp_path / "data") as ws:
        _office(ws.db)
        content = summary_job.draft(ws.db, 2022, False, date(2023, 1, 16))
        content.body = content.body.replace(NEXT_YEAR_MARK, FOCUS)
        summary_id, docx_path = summary_job.issue_and_write(ws.db, content, tmp_path / "总结.docx")
        reprint = summary_job.rewrite(ws.db, summary_id, tmp_path / "重印.docx")
    pdf, again = render_many_to_pdf([docx_path, reprint], tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts", info)  # A4
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    flat = _flat(text)
    assert _flat(pages[0]).startswith("2022年重点项目包保工作总结")
    for figure in ("对75个重点项目开展包保服务", "包保项目由75个调整为98个", "每人包保2—4项调整为每人包保4—5项",
                   "新增35个项目", "议定了16个具体事项", "议定了8个具体事项", "议定了10个具体事项",
                   "34个具体事项已完成33个，办结率达到97%", "共开展包保活动297次", "《工作简报》106期、《工作通报》9期",
                   f"“{OPEN_ITEM}”1个议定事项", _flat(FOCUS)):
        assert figure in flat, figure
    assert NEXT_YEAR_MARK not in flat
    # Signed at the end: the office, then the date, both right-aligned (their text starts right of the centre).
    lines = [line for line in pages[-1].splitlines() if line.strip()]
    # The last line naming the office is the signature (the body names the office too: one name throughout).
    office_line = max(i for i, line in enumerate(lines) if "区重点项目服务保障办公室" in line)
    assert "2023年1月16日" in _flat(lines[office_line + 1])
    assert [_flat(line) for line in lines[office_line + 2:]] == [f"—{len(pages)}—"]  # then only the page number
    body_left = min(len(line) - len(line.lstrip()) for line in lines[:office_line])
    assert len(lines[office_line]) - len(lines[office_line].lstrip()) > body_left + 20
    assert flat.index(_flat(FOCUS)) < flat.rindex("区重点项目服务保障办公室")
    # The reprint of the issued summary renders to the same text.
    assert subprocess.run(["pdftotext", "-layout", str(again), "-"], capture_output=True, text=True,
                          check=True).stdout == text
