"""What a clerk would correct in a 纪要 before printing, found before it is printed: an item whose own words give
a deadline other than its 完成时限 ("于5月底前完成" beside "2026年5月13日前"), and relative dates ("明年9月份",
"下周") that mean nothing once the 纪要 is read a month later.

Only warnings: the text stays as the office wrote it (nothing is rewritten or invented); the preview, the Word
export and `keyproj export minutes` name each one so the clerk can fix the item or the meeting's text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# A deadline in running text: "5月底前", "2026年6月30日前", "6月中旬前完成", "9月份之前".
_DEADLINE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?:份)?"
    r"(?:(?P<day>\d{1,2})日|(?P<part>底|末|上旬|中旬|下旬))?(?:前|之前|以前)")
# Words that date a thing relative to the day they were spoken.
RELATIVE = re.compile(r"明年|今年|去年|后年|下个?月|本月|上个?月|下周|本周|上周|下星期|明天|后天|今天|昨天|"
                      r"下半年|上半年|下季度|本季度|近日|近期")


@dataclass(frozen=True)
class Warning:
    where: str  # "第3项议定事项" / "会议纪要正文"
    text: str  # what is wrong, in Chinese

    def __str__(self) -> str:
        return f"{self.where}：{self.text}"


def text_deadlines(text: str, year: int) -> list[tuple[str, date]]:
    """Every deadline the words give, as (words, the last day they allow); a year left out is *year*."""
    found = []
    for match in _DEADLINE.finditer(text):
        month = int(match["month"])
        y = int(match["year"]) if match["year"] else year
        if not 1 <= month <= 12:
            continue
        last = calendar.monthrange(y, month)[1]
        if match["day"]:
            day = int(match["day"])
            if not 1 <= day <= last:
                continue
        elif match["part"] == "上旬":
            day = 10
        elif match["part"] == "中旬":
            day = 20
        else:  # 底/末/下旬, or the month alone ("9月份前": by the end of September is how offices read it)
            day = last
        found.append((match.group(0), date(y, month, day)))
    return found


def relative_dates(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in RELATIVE.finditer(text)))


def item_warnings(seq: int, text: str, deadline: date | None, deadline_words: str, meeting_on: date) -> list[Warning]:
    """The warnings of one decided item: its text against its 完成时限, and relative dates in either."""
    where = f"第{seq}项议定事项"
    warnings = []
    due = deadline
    if due is None and deadline_words:
        given = text_deadlines(deadline_words, meeting_on.year)
        due = given[0][1] if given else None
    given = text_deadlines(text, due.year) if due is not None else []
    if given:
        # Steps on the way ("6月底前完成拆迁，9月底前开工") are fine; the last one the text names must be the
        # 完成时限 itself.
        words, meant = max(given, key=lambda pair: pair[1])
        if meant != due:
            warnings.append(Warning(where, f"正文写“{words}”，完成时限为“{deadline_words}”，两者不一致"))
    for words in relative_dates(text):
        warnings.append(Warning(where, f"正文中的“{words}”是相对日期，纪要印发后含义不明，请写明具体年月"))
    for words in relative_dates(deadline_words):
        warnings.append(Warning(where, f"完成时限“{deadline_words}”中的“{words}”是相对日期，请写明具体年月日"))
    return warnings


def narrative_warnings(paragraphs: list[str]) -> list[Warning]:
    found = list(dict.fromkeys(w for p in paragraphs for w in relative_dates(p)))
    return [Warning("会议纪要正文", f"“{w}”是相对日期，纪要印发后含义不明，请写明具体年月") for w in found]
