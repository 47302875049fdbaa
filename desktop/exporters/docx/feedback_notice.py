"""交办通知 / 催报通知 of a feedback round in GB/T 9704 form: red name, the round as its number line, the office and
date over the red rule, the units addressed, the items (or the late units) as a table, the requirement, the
signature. Not numbered: they go with a round, whose name identifies them."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.exporters.cn_text import cn_date
from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.docx.official import OfficialDocument
from desktop.services.feedback.notices import FeedbackNotice

# 156 mm type area at 小四: 完成时限 holds 2026年12月31日 on one line (see supervision.py), 当前状态 its 3 characters.
ASSIGN_MM = (12.0, 34.0, 53.0, 34.0, 23.0)
CHASE_MM = (14.0, 82.0, 26.0, 34.0)


def build_feedback_notice(data: FeedbackNotice) -> OfficialDocument:
    doc = OfficialDocument(profile_for(data.font_profile))
    doc.masthead("\u3000".join(data.label), data.round_name, data.office, data.issued_on, name_size_pt=42)
    doc.paragraph(data.addressed, indent=False, align="left")
    doc.paragraph(data.opening)
    widths = ASSIGN_MM if len(data.headers) == len(ASSIGN_MM) else CHASE_MM
    aligns = (("center", "left", "left", "center", "center") if widths is ASSIGN_MM
              else ("center", "left", "center", "center"))
    doc.table(data.headers, data.rows, widths, 12, col_align=aligns)
    doc.blank_line()
    doc.paragraph(data.requirement)
    doc.blank_line(2)
    doc.paragraph(data.office, indent=False, align="right")
    doc.paragraph(cn_date(data.issued_on), indent=False, align="right")
    return doc


def write_feedback_notice(data: FeedbackNotice, path: str | os.PathLike[str]) -> Path:
    return build_feedback_notice(data).save(path)
