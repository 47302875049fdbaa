"""Cell values as offices write them → typed Python values, or a reason in Chinese.

Every parser takes the raw cell (str, int, float, datetime, date or None) and returns the
typed value, None for an empty cell, or `Invalid(reason)`. They never raise on bad data: a
ledger of several thousand rows always has some odd cells, and the user needs all of them
listed at once rather than the import stopping at the first one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from desktop.credit_code import ALPHABET, credit_code_valid
from desktop.importers.text import clean_text, match_key, stored_text


@dataclass(frozen=True)
class Invalid:
    """A value that could not be understood; `reason` is shown to the user as-is."""

    reason: str


@dataclass(frozen=True)
class Deadline:
    """A 完成时限: the date it means (None for open-ended wording) and the words written.

    The text is kept because 长期 or 持续推进 is itself the office's decision and must be shown
    back unchanged, and because "6月底前" reads better in a minutes table than 2022-06-30.
    """

    date: date | None
    text: str


# Cells that mean "nothing here" in numeric and date columns. Not applied to text columns,
# where 无 in 配合单位 is a real answer.
PLACEHOLDERS = frozenset({"-", "--", "—", "——", "－", "/", "\\", "无", "暂无", "空", "n/a", "na"})

UNIT_MULTIPLIERS: dict[str, int] = {
    "元": 1,
    "千元": 1_000,
    "万": 10_000,
    "万元": 10_000,
    "百万元": 1_000_000,
    "亿": 100_000_000,
    "亿元": 100_000_000,
}

# Excel serial numbers between 1950-01-01 and 2100-12-31; outside that a number in a date
# column is more likely a typo than a date anyone in these offices would enter.
_SERIAL_MIN, _SERIAL_MAX = 18264, 73415
_EXCEL_EPOCH = date(1899, 12, 30)

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_DATE_HINT = "可写作 2022-04-30、2022/4/30、2022.4.30、2022年4月30日 或 20220430"
_DEADLINE_HINT = _DATE_HINT + "，也可写 6月底前、年底前、上半年、三季度末、长期、持续推进"


def _is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and match_key(value) in PLACEHOLDERS


def _cn_number(token: str) -> int | None:
    """1–12 written as digits or Chinese numerals (六, 十二), as months and quarters are."""
    if token.isdigit():
        return int(token)
    if token in _CN_DIGITS:
        return _CN_DIGITS[token]
    if len(token) == 2 and token[0] == "十" and token[1] in _CN_DIGITS:
        return 10 + _CN_DIGITS[token[1]]
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | Invalid:
    try:
        return date(year, month, day)
    except ValueError:
        return Invalid(f"日期不存在：{year}年{month}月{day}日")


def _from_serial(number: float) -> date | Invalid:
    if not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return Invalid(f"数字 {number:g} 不像日期（{_DATE_HINT}）")
    return _EXCEL_EPOCH + timedelta(days=int(number))


_FULL_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})日?$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")


def parse_date(value: Any, context_year: int | None = None) -> date | Invalid | None:
    """Dates in every form seen in ledgers.

    Excel dates, serial numbers (a date column pasted as values), ISO, slashes, dots,
    2022年4月30日, 20220430 and 4月30日 (year taken from `context_year`, usually the ledger's
    title year). A year and month alone give the first of the month: 开工时间 is commonly
    recorded to the month only.
    """
    if value is None or _is_placeholder(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return Invalid(f"不是日期（{_DATE_HINT}）")
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return _from_serial(value)
        number = int(value)
        if 19000101 <= number <= 21001231:
            found = _COMPACT_DATE.match(str(number))
            if found:
                return _safe_date(*(int(g) for g in found.groups()))
        return _from_serial(number)
    key = match_key(value)
    if not key:
        return None
    if found := _FULL_DATE.match(key):
        return _safe_date(*(int(g) for g in found.groups()))
    if found := _COMPACT_DATE.match(key):
        return _safe_date(*(int(g) for g in found.groups()))
    if key.isdigit() and len(key) == 5:
        return _from_serial(int(key))
    if found := _YEAR_MONTH.match(key):
        year, month = (int(g) for g in found.groups())
        if not 1 <= month <= 12:
            return Invalid(f"月份不存在：{year}年{month}月")
        return date(year, month, 1)
    if found := _MONTH_DAY.match(key):
        month, day = (int(g) for g in found.groups())
        if context_year is None:
            return Invalid(f"“{clean_text(value)}”没有年份，且无法从表格标题确定年度，请写明年份")
        return _safe_date(context_year, month, day)
    return Invalid(f"无法识别的日期（{_DATE_HINT}）")


# Words meaning "no fixed date" — kept as text with no date.
OPEN_ENDED = frozenset(
    {"长期", "长期推进", "长期坚持", "长期跟踪", "持续", "持续推进", "持续跟踪", "常态化", "常态化推进", "持续开展"}
)
_BEFORE = r"(?:前|之前|以前|内|以内)?(?:完成|办结)?$"
_YEAR_PREFIX = r"^(?:(\d{4})年?)?"
_MONTH_VAGUE = re.compile(_YEAR_PREFIX + r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月(底|末|份|上旬|中旬|下旬)?" + _BEFORE)
_YEAR_END = re.compile(_YEAR_PREFIX + r"(?:年底|年末|年内|底|年中)" + _BEFORE)
_HALF = re.compile(_YEAR_PREFIX + r"([上下])半年(?:底|末)?" + _BEFORE)
_QUARTER = re.compile(_YEAR_PREFIX + r"第?([一二三四1-4])季度(?:末|底)?" + _BEFORE)
_TRAILING_BEFORE = re.compile(r"(?:(?:前|之前|以前)(?:完成|办结)?|(?:前|之前|以前)?(?:完成|办结))$")


def parse_deadline(value: Any, context_year: int | None = None) -> Deadline | Invalid | None:
    """A 完成时限: an exact date, or the vague period offices write, ending where it ends.

    6月底前 → 30 June, 年底前 → 31 Dec, 上半年 → 30 June, 三季度末 → 30 Sep, all in the
    context year unless the text names a year; 长期 / 持续推进 give no date. "6月前" is read
    literally (before June → 31 May), since a deadline that is too early is safer than one
    that is late.
    """
    if value is None or _is_placeholder(value):
        return None
    text = stored_text(value) if isinstance(value, str) else None
    if text is None:
        parsed = parse_date(value, context_year)
        if parsed is None or isinstance(parsed, Invalid):
            return Invalid(f"无法识别的完成时限（{_DEADLINE_HINT}）") if parsed is not None else None
        return Deadline(parsed, parsed.isoformat())
    key = match_key(text)
    if key in OPEN_ENDED:
        return Deadline(None, text)
    exact = parse_date(_TRAILING_BEFORE.sub("", key), context_year)
    if isinstance(exact, date):
        if _YEAR_MONTH.match(_TRAILING_BEFORE.sub("", key)):
            # "2022年6月" as a deadline means by the end of that month.
            return Deadline(_month_end(exact.year, exact.month), text)
        return Deadline(exact, text)
    if isinstance(exact, Invalid) and exact.reason.startswith(("日期不存在", "月份不存在")):
        return exact
    period = _vague_period_end(key, context_year)
    if period is not None:
        return Deadline(period, text) if isinstance(period, date) else period
    if isinstance(exact, Invalid) and "没有年份" in exact.reason:
        return exact
    return Invalid(f"无法识别的完成时限（{_DEADLINE_HINT}）")


def _vague_period_end(key: str, context_year: int | None) -> date | Invalid | None:
    """End date of 6月底 / 年底 / 上半年 / 三季度末 forms; None when the key is none of them."""
    for pattern in (_MONTH_VAGUE, _YEAR_END, _HALF, _QUARTER):
        found = pattern.match(key)
        if not found:
            continue
        year = int(found.group(1)) if found.group(1) else context_year
        if year is None:
            return Invalid("完成时限没有写年份，且无法从表格标题确定年度，请写明年份（如 2022年6月底前）")
        if pattern is _MONTH_VAGUE:
            month = _cn_number(found.group(2))
            if month is None or not 1 <= month <= 12:
                return Invalid(f"月份不存在：{found.group(2)}月")
            part = found.group(3)
            if part == "上旬":
                return date(year, month, 10)
            if part == "中旬":
                return date(year, month, 20)
            if key.endswith(("月前", "月之前", "月以前")) and part is None:
                return date(year, month, 1) - timedelta(days=1)
            return _month_end(year, month)
        if pattern is _YEAR_END:
            return date(year, 6, 30) if "年中" in key else date(year, 12, 31)
        if pattern is _HALF:
            return date(year, 6, 30) if found.group(2) == "上" else date(year, 12, 31)
        quarter = _cn_number(found.group(2)) or 0
        return _month_end(year, quarter * 3)
    return None


_AMOUNT = re.compile(r"^([-+]?\d+(?:\.\d+)?)(元|千元|万元|百万元|亿元|万|亿)?$")


def parse_money(value: Any, unit: str | None = None, default_unit: str = "万元") -> int | Invalid | None:
    """An amount → integer 元.

    A unit written in the cell (3.5亿, 1,200万元) wins over the column's unit from the header
    or the 单位：亿元 line (`unit`); with neither, `default_unit` applies because ledgers of
    investment are kept in 万元 unless they say otherwise. Decimal arithmetic keeps 5.1亿 at
    exactly 510000000 元.
    """
    if value is None or _is_placeholder(value):
        return None
    if isinstance(value, bool):
        return Invalid("不是金额")
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        cell_unit = None
    else:
        key = match_key(value).replace(",", "")
        if not key:
            return None
        found = _AMOUNT.match(key)
        if not found:
            return Invalid("无法识别的金额（请填写数字，可带单位 元/万元/亿元，如 1,200万元）")
        number = Decimal(found.group(1))
        cell_unit = found.group(2)
    chosen = cell_unit or unit or default_unit
    if chosen not in UNIT_MULTIPLIERS:
        return Invalid(f"无法识别的金额单位：{chosen}")
    try:
        yuan = (number * UNIT_MULTIPLIERS[chosen]).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return Invalid("金额数值过大")
    return int(yuan)


_PERCENT = re.compile(r"^([-+]?\d+(?:\.\d+)?)%$")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def parse_percent(value: Any, column_in_percent: bool = True) -> Decimal | Invalid | None:
    """A percentage in percentage points (97.06 for 97.06%).

    Text with a % sign is unambiguous. A bare number is in points when the column header
    says (%) (`column_in_percent`), else a fraction as Excel stores percent-formatted cells.
    """
    if value is None or _is_placeholder(value):
        return None
    if isinstance(value, bool):
        return Invalid("不是百分比")
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return number if column_in_percent else number * 100
    key = match_key(value)
    if found := _PERCENT.match(key):
        return Decimal(found.group(1))
    if _PLAIN_NUMBER.match(key):
        number = Decimal(key)
        return number if column_in_percent else number * 100
    return Invalid("无法识别的百分比（如 97.06%）")


_INT_TEXT = re.compile(r"^([-+]?\d+)(?:\.0+)?(?:个|项|人|次|家|件|座|处)?$")


def parse_int(value: Any) -> int | Invalid | None:
    """Whole numbers, also when typed with a counting word (12个, 3项)."""
    if value is None or _is_placeholder(value):
        return None
    if isinstance(value, bool):
        return Invalid("不是整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else Invalid("应为整数")
    found = _INT_TEXT.match(match_key(value))
    return int(found.group(1)) if found else Invalid("应为整数")


def parse_year(value: Any) -> int | Invalid | None:
    """A year as 2022, 2022.0, 2022年 or 2022年度."""
    if value is None or _is_placeholder(value):
        return None
    key = match_key(value) if isinstance(value, str) else value
    if isinstance(key, str):
        key = re.sub(r"年度?$", "", key)
    number = parse_int(key)
    if isinstance(number, int) and 1950 <= number <= 2100:
        return number
    return Invalid("无法识别的年度（如 2022 或 2022年）")


_MONTH_TEXT = re.compile(r"^(?:\d{4}年)?(?:1[-~至到]|1月[-~至到])?(\d{1,2})月?份?$")


def parse_month(value: Any) -> int | Invalid | None:
    """A month as 10, 10月, 10月份 or 1-10月 (the last month of a year-to-date report)."""
    if value is None or _is_placeholder(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        month = parse_int(value)
    else:
        found = _MONTH_TEXT.match(match_key(value))
        month = int(found.group(1)) if found else None
    if isinstance(month, int) and 1 <= month <= 12:
        return month
    return Invalid("无法识别的月份（应为 1–12，如 10 或 10月）")


def _word_table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {match_key(word): code for code, words in groups.items() for word in words}


STATUS_WORDS = _word_table(
    {
        "resolved": ("已办结", "办结", "已完成", "已解决", "完成", "解决", "已落实", "落实", "是", "已处理"),
        "closed": ("已销号", "销号", "已关闭"),
        "assigned": ("推进中", "办理中", "正在办理", "未完成", "未办结", "正在推进", "在办", "未解决", "否", "跟踪中"),
        "phased": ("阶段性推进", "长期推进", "持续推进", "阶段性办结", "阶段性解决", "长期跟踪"),
        "new": ("未交办", "待交办", "新增", "新发现", "待办"),
    }
)
FEEDBACK_WORDS = _word_table(
    {
        "satisfied": ("满意", "非常满意", "很满意"),
        "basically": ("基本满意", "比较满意", "较满意"),
        "unsatisfied": ("不满意", "不太满意", "很不满意"),
    }
)
LEVEL_WORDS = _word_table(
    {
        "site": ("现场", "现场解决", "项目现场", "现场办结", "包保责任人"),
        "task_force": ("专班", "工作组", "专班/工作组", "项目专班", "专班解决", "专班协调", "工作专班"),
        "district": ("区级", "区", "区功能组", "区级协调", "区领导小组", "区指挥部", "区级层面"),
        "city": ("市级", "市", "市总调度室", "市级协调", "市调度室", "市级层面", "上报市级"),
    }
)
STAGE_WORDS = _word_table(
    {
        "planning": ("谋划", "谋划项目", "储备", "储备项目", "谋划阶段"),
        "preliminary": ("前期", "前期阶段", "前期手续", "前期项目", "拟开工"),
        "new_start": ("新开工", "新建", "新开工项目"),
        "continuing": ("续建", "在建", "续建项目", "建设中", "在建项目"),
        "completed": ("竣工", "已竣工", "完工", "已完工", "建成"),
        "in_use": ("投用", "已投用", "投产", "已投产", "建成投用", "投入使用", "运营"),
    }
)

_STATUS_NAMES = "已办结、已销号、推进中、阶段性推进、待交办"


_LONGEST_FIRST: dict[int, list[str]] = {}


def _lookup(value: Any, table: dict[str, str]) -> str | None:
    """Exact word first, then the longest known word the cell starts with (已办结（5月）)."""
    key = match_key(value).rstrip("。.;；")
    if key in table:
        return table[key]
    words = _LONGEST_FIRST.get(id(table))
    if words is None:
        words = _LONGEST_FIRST[id(table)] = sorted(table, key=len, reverse=True)
    for word in words:
        if key.startswith(word) and len(word) >= 2:
            return table[word]
    return None


def _parse_word(value: Any, table: dict[str, str], what: str, examples: str) -> str | Invalid | None:
    if value is None or _is_placeholder(value) or not match_key(value):
        return None
    code = _lookup(value, table)
    if code is None:
        return Invalid(f"无法识别的{what}“{clean_text(value)}”（可填：{examples}）")
    return code


def parse_status(value: Any) -> str | Invalid | None:
    """办理状态 words → an IssueStatus code string."""
    return _parse_word(value, STATUS_WORDS, "办理状态", _STATUS_NAMES)


def parse_feedback(value: Any) -> str | Invalid | None:
    """企业评价 words → a Feedback code string."""
    return _parse_word(value, FEEDBACK_WORDS, "评价", "满意、基本满意、不满意")


def parse_level(value: Any) -> str | Invalid | None:
    """办理层级 words → an IssueLevel code string."""
    return _parse_word(value, LEVEL_WORDS, "办理层级", "现场解决、专班/工作组、区级、市级")


def parse_stage(value: Any) -> str | Invalid | None:
    """项目阶段 / 建设性质 words → a ProjectStage code string."""
    return _parse_word(value, STAGE_WORDS, "项目阶段", "谋划、前期、新开工、续建、竣工、投用")


_TRUE = frozenset({"是", "已销号", "已办结", "√", "✓", "✔", "y", "yes", "1", "有", "规上", "规模以上", "true"})
_FALSE = frozenset({"否", "未销号", "未办结", "×", "✗", "n", "no", "0", "无", "规下", "规模以下", "false"})


def parse_flag(value: Any) -> bool | Invalid | None:
    """是/否 style flags (是否规上企业); a blank cell stays unknown rather than 否."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    key = match_key(value)
    if not key:
        return None
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return Invalid(f"应填“是”或“否”，不能识别“{clean_text(value)}”")


def parse_credit_code(value: Any) -> str | Invalid | None:
    """统一社会信用代码, upper-cased, checked against the GB 32100 check character."""
    if value is None or _is_placeholder(value):
        return None
    code = match_key(value).upper()
    if not code:
        return None
    if len(code) != 18:
        return Invalid(f"统一社会信用代码应为18位，这里是{len(code)}位")
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        return Invalid(f"统一社会信用代码含有不允许的字符：{''.join(bad)}")
    if not credit_code_valid(code):
        return Invalid("统一社会信用代码校验位不正确，请核对是否抄错")
    return code


def parse_text(value: Any) -> str | None:
    """Free text exactly as written (only the ends trimmed, see text.stored_text); numbers as Excel shows them."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    elif isinstance(value, date):
        value = value.isoformat()
    return stored_text(value)
