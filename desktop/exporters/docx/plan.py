"""包保责任表 and 包保方案调整对照表 in GB/T 9704 form: 2号 title, 楷体 line naming the version and its date, one
line of figures, then the tables (header repeated on every page, no row split), the office signing at the end."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.docx.official import OfficialDocument
from desktop.services.plan.document import PlanDocument

# 156 mm type area at 小四: 序号 and 项数 hold 3 digits, a leader's name 5 characters, the projects the rest.
_WIDTHS = {4: (12.0, 28.0, 100.0, 16.0), 3: (12.0, 64.0, 80.0), 2: (14.0, 142.0)}
_LOAD_WIDTHS = (14.0, 62.0, 40.0, 40.0)


def build_plan(data: PlanDocument) -> OfficialDocument:
    doc = OfficialDocument(profile_for(data.font_profile))
    doc.plain_title(data.title, data.subtitle)
    doc.paragraph(data.summary)
    for section in data.sections:
        if section.heading:
            doc.heading(1, section.heading)
        if not section.rows:
            doc.paragraph(section.empty_text)
            continue
        widths = _LOAD_WIDTHS if section.headers[-1] == "调整后" else _WIDTHS[len(section.headers)]
        align = tuple("left" if h in ("包保项目", "项目名称", "调出原因", "包保领导") else "center"
                      for h in section.headers)
        doc.table(section.headers, section.rows, widths, 12, col_align=align)  # type: ignore[arg-type]
    doc.blank_line()
    doc.paragraph(data.office, indent=False, align="right")
    return doc


def write_plan(data: PlanDocument, path: str | os.PathLike[str]) -> Path:
    return build_plan(data).save(path)
