"""提示单 / 督办单 / 催办通知 in GB/T 9704 form: red name, 发文字号, issuer and date over the red rule, the unit
addressed, the items as a table (repeated header, no row split), the requirement, the reply form as 附件 when it went with
it, the issuer's signature."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.exporters.cn_text import cn_date
from desktop.exporters.docx.briefing import profile_for
from desktop.exporters.docx.official import OfficialDocument
from desktop.services.supervision.document import HEADERS, NoticeDocument

# 156 mm type area at 小四 (12 pt, a CJK character 4.23 mm, a digit half that, 1 mm cell margin each side):
# 完成时限 holds the longest date, 2026年12月31日, on one line (8 digits, 3 characters and the space LibreOffice and
# WPS put between digits and CJK: about 37 mm); 超期天数/督办次数 their
# 4-character headers; 存在问题 takes the rest.
COLUMN_MM = (12.0, 26.0, 42.0, 38.0, 19.0, 19.0)


def build_notice(doc_data: NoticeDocument) -> OfficialDocument:
    doc = OfficialDocument(profile_for(doc_data.font_profile))
    doc.masthead("\u3000".join(doc_data.kind_label), doc_data.number_text, doc_data.office, doc_data.issued_on,
                 name_size_pt=42)
    if doc_data.withdrawn:
        doc.paragraph(f"（{doc_data.withdrawn}）", indent=False, align="center")
    doc.paragraph(f"{doc_data.unit}：", indent=False, align="left")
    doc.paragraph(doc_data.opening)
    doc.table(HEADERS, doc_data.rows, COLUMN_MM, 12, col_align=("center", "left", "left", "center", "center", "center"))
    doc.blank_line()
    doc.paragraph(doc_data.requirement)
    if doc_data.attachment:  # GB/T 9704 附件说明: a blank line after the body, indented like it
        doc.blank_line()
        doc.paragraph(f"附件：{doc_data.attachment}")
    doc.blank_line(2)
    doc.paragraph(doc_data.office, indent=False, align="right")
    doc.paragraph(cn_date(doc_data.issued_on), indent=False, align="right")
    return doc


def write_notice(doc_data: NoticeDocument, path: str | os.PathLike[str]) -> Path:
    return build_notice(doc_data).save(path)
