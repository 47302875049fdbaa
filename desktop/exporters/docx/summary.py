"""年度/半年工作总结 in GB/T 9704 form: 2号 title, body in 3号仿宋 on the 22-line grid, the office and date signed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from desktop.exporters.cn_text import cn_date
from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.docx.official import OfficialDocument
from desktop.services.briefing.draft import Draft


def write_summary(draft: Draft, office: str, signed_on: date, font_profile: str,
                  path: str | os.PathLike[str]) -> Path:
    doc = OfficialDocument(profile_for(font_profile))
    doc.title(draft.title)
    for line in draft.body.split("\n"):
        if line.strip():
            doc.paragraph(line)
    doc.blank_line(2)
    doc.paragraph(office, indent=False, align="right")
    doc.paragraph(cn_date(signed_on), indent=False, align="right")
    return doc.save(path)
