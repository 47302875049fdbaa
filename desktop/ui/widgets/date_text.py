"""Dates as clerks type them: 2026-12-15, 2026.12.15, 2026/12/15, 20261215, 2026年12月15日, or 12-15 for this year.

Plain Python (no Qt), so every rule is unit-tested on its own. The year typed is the year stored: nothing here
moves a date into another year, fills in a missing part from an old value, or guesses between readings — text
that could mean two dates is refused with a hint, never interpreted.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

FORMATS_HINT = "可输入 2026-12-15、2026.12.15、2026/12/15、20261215、2026年12月15日，或 12-15（今年）"
MIN_YEAR, MAX_YEAR = 1900, 2099

_SEP = r"\s*[-./\s]\s*"
_FULL = re.compile(rf"^(\d{{4}})(?:{_SEP}|\s*年\s*)(\d{{1,2}})(?:{_SEP}|\s*月\s*)(\d{{1,2}})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(rf"^(\d{{1,2}})(?:{_SEP}|\s*月\s*)(\d{{1,2}})\s*[日号]?$")
_SHORT_YEAR = re.compile(rf"^(\d{{2}})(?:{_SEP}|\s*年\s*)(\d{{1,2}})(?:{_SEP}|\s*月\s*)(\d{{1,2}})\s*[日号]?$")


class DateTextError(ValueError):
    """Typed text that is not one date; the message says why in Chinese, with the accepted forms."""


def normalise(text: str) -> str:
    """Full-width digits and punctuation of a Chinese input method as plain ones; 。 and ． read as a dot."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("。", ".").replace("、", ".").strip()


def parse_date_text(text: str, today: date) -> date | None:
    """The date `text` names, None for empty text; DateTextError otherwise. `today` gives the year of 12-15."""
    raw = text.strip()
    cleaned = normalise(text)
    if not cleaned:
        return None
    for pattern in (_FULL, _COMPACT):
        match = pattern.match(cleaned)
        if match:
            return _make(raw, int(match[1]), int(match[2]), int(match[3]))
    match = _MONTH_DAY.match(cleaned)
    if match:
        return _make(raw, today.year, int(match[1]), int(match[2]))
    if _SHORT_YEAR.match(cleaned) or re.fullmatch(r"\d{6}", cleaned):
        raise _error(raw, "年份请写全四位（如 2026-12-15），以免记错年份")
    if re.fullmatch(r"\d{3,4}", cleaned):
        raise _error(raw, "请写全年月日（如 20261215），或用分隔符写月和日（如 12-15）")
    raise _error(raw, FORMATS_HINT)


def _error(raw: str, reason: str) -> DateTextError:
    return DateTextError(f"“{raw}”不是有效日期：{reason}")


def _make(raw: str, year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _error(raw, f"年份应在{MIN_YEAR}—{MAX_YEAR}年之间")
    if not 1 <= month <= 12:
        raise _error(raw, "月份应为1—12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise _error(raw, f"{year}年{month}月只有{days}天")
    return date(year, month, day)


def date_text(value: date | None) -> str:
    """How the field shows a date (the ISO form every ledger and export of this program uses)."""
    return "" if value is None else value.isoformat()
