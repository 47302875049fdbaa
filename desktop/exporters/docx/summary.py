"""年度/半年工作总结 in GB/T 9704 form: 2号 title, body in 3号仿宋 on the 22-line grid, the office and date signed.

The exporter prints a `SummaryContent` as given — a fresh draft or an issued summary loaded as stored — so an issued
summary prints again exactly as it went out. A copy for review (送审稿) says so under its title, so it cannot pass
for the issued one.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.exporters.cn_text import cn_date
from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.docx.official import OfficialDocument
from desktop.services.briefing.summary_issue import SummaryContent

REVIEW_MARK = "（送审稿）"


def build_summary(content: SummaryContent, *, review: bool = False) -> OfficialDocument:
    doc = OfficialDocument(profile_for(content.font_profile))
    doc.title(content.title, blank_after=not review)
    if review:
        doc.subtitle(REVIEW_MARK)
        doc.blank_line()
    for line in content.body.split("\n"):
        if line.strip():
            doc.paragraph(line)
    doc.blank_line(2)
    doc.paragraph(content.office, indent=False, align="right")
    doc.paragraph(cn_date(content.issued_on), indent=False, align="right")
    return doc


def write_summary(content: SummaryContent, path: str | os.PathLike[str], *, review: bool = False) -> Path:
    return build_summary(content, review=review).save(path)
