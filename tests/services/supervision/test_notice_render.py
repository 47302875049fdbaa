"""A 督办单 as printed: rendered with LibreOffice (our stand-in for WPS), read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from desktop.exporters.docx.supervision import write_notice
from desktop.services.supervision.document import NoticeDocument
from desktop.tools.render_docs import render_many_to_pdf, soffice_path

pytestmark = pytest.mark.libreoffice


def _rows(count: int) -> tuple[tuple[str, ...], ...]:
    return tuple((str(n), f"城乡基础设施项目{n}", "项目用地范围内存在违法建筑，影响施工进度，需协调拆除",
                  f"2026年{10 + n % 3}月{20 + n % 10}日", f"{n * 3}天", f"第{1 + n % 3}次") for n in range(1, count + 1))


def test_notice_prints_on_a4_with_whole_dates_and_repeated_header(tmp_path: Path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    data = NoticeDocument("督办单", "督办〔2026〕12号", "区重点项目服务保障办公室", "区市场监督管理局", date(2026, 12, 31),
                          "经核查，你单位牵头办理的以下30项问题已超过完成时限，现予督办。",
                          "请于2026年12月31日前将办理进展、整改计划和完成时限书面报送区重点项目服务保障办公室。",
                          _rows(30), "国标经典", None)
    docx_path = write_notice(data, tmp_path / "督办单.docx")
    pdf = render_many_to_pdf([docx_path], tmp_path / "pdf")[0]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 2
    assert "督办〔2026〕12 号" in text.replace("12号", "12 号") and "区市场监督管理局：" in text
    # Every 完成时限 on one line: the whole date appears 30 times, no line holds a lone 日.
    assert len(re.findall(r"2026 ?年 ?1[0-2] ?月 ?2\d ?日", text)) == 30
    assert not [line for line in text.splitlines() if line.strip() == "日"]
    # The header row is repeated at the top of the second page's table.
    assert "完成时限" in pages[1] and "天数" in pages[1] and "次数" in pages[1]
    assert text.index("书面报送") < text.rindex("区重点项目服务保障办公室") < text.rindex("2026 年 12 月 31 日")


def test_notice_with_its_reply_form_prints_the_attachment_before_the_signature(tmp_path: Path) -> None:
    if soffice_path() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler not installed")
    data = NoticeDocument("督办单", "督办〔2026〕13号", "区重点项目服务保障办公室", "区住建局", date(2026, 12, 3),
                          "经核查，你单位牵头办理的以下2项问题已超过完成时限，现予督办。",
                          "请于2026年12月10日前将办理进展、整改计划和完成时限书面报送区重点项目服务保障办公室。",
                          _rows(2), "国标经典", None, "问题办理反馈表（请填写后于2026年12月10日前按原文件报回）")
    pdf = render_many_to_pdf([write_notice(data, tmp_path / "督办单.docx")], tmp_path / "pdf")[0]
    flat = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                             check=True).stdout)
    attachment = "附件：问题办理反馈表（请填写后于2026年12月10日前按原文件报回）"
    assert attachment in flat
    assert flat.index("书面报送") < flat.index(attachment) < flat.rindex("区重点项目服务保障办公室")
