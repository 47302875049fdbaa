"""GB/T 9704 Word document toolkit shared by the 简报, 纪要 and 通报 exporters (python-docx, no Qt)."""

from desktop.exporters.cn_text import clean_text, cn_date, cn_number
from desktop.exporters.docx.fonts import (
    DEFAULT_PROFILE,
    PROFILES,
    FontProfile,
    installed_font_families,
    missing_fonts,
)
from desktop.exporters.docx.layout import FONT_SIZES_PT, STANDARD_MARGINS, Margins
from desktop.exporters.docx.official import OfficialDocument

__all__ = [
    "DEFAULT_PROFILE",
    "FONT_SIZES_PT",
    "PROFILES",
    "STANDARD_MARGINS",
    "FontProfile",
    "Margins",
    "OfficialDocument",
    "clean_text",
    "cn_date",
    "cn_number",
    "installed_font_families",
    "missing_fonts",
]
