"""values.py: every form offices write, with the exact reasons for what cannot be read."""

from __future__ import annotations

import random
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.credit_code import ALPHABET, credit_code_check_char, credit_code_valid
from desktop.importers.values import (
    Deadline,
    Invalid,
    parse_credit_code,
    parse_date,
    parse_deadline,
    parse_feedback,
    parse_flag,
    parse_int,
    parse_level,
    parse_money,
    parse_month,
    parse_percent,
    parse_stage,
    parse_status,
    parse_text,
    parse_year,
)

DATE_HINT = "可写作 2022-04-30、2022/4/30、2022.4.30、2022年4月30日 或 20220430"


@pytest.mark.parametrize(
    "value",
    [
        datetime(2022, 4, 30, 0, 0),
        datetime(2022, 4, 30, 15, 20),
        date(2022, 4, 30),
        44681,
        44681.0,
        44681.75,
        "44681",
        "2022-04-30",
        "2022/4/30",
        "2022.4.30",
        "2022年4月30日",
        "2022年04月30日",
        " 2022 年 4 月 30 日 ",
        "20220430",
        20220430,
        "4月30日",
        "4/30",
        "２０２２年４月３０日",
        "2022-04-30 00:00:00",
        "2022\u00a0-04-30",
    ],
)
def test_date_forms(value: object) -> None:
    assert parse_date(value, context_year=2022) == date(2022, 4, 30)


def test_date_problems_and_empties() -> None:
    assert parse_date("2022年2月30日") == Invalid("日期不存在：2022年2月30日")
    assert parse_date("4月30日") == Invalid("“4月30日”没有年份，且无法从表格标题确定年度，请写明年份")
    assert parse_date("下周") == Invalid(f"无法识别的日期（{DATE_HINT}）")
    assert parse_date(5) == Invalid(f"数字 5 不像日期（{DATE_HINT}）")
    assert parse_date("2022年3月") == date(2022, 3, 1)
    assert parse_date(None) is None
    assert parse_date("—") is None
    assert parse_date("/") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月底前", date(2022, 6, 30)),
        ("6月底", date(2022, 6, 30)),
        ("六月底前", date(2022, 6, 30)),
        ("2月底前", date(2022, 2, 28)),
        ("6月前", date(2022, 5, 31)),
        ("6月中旬", date(2022, 6, 20)),
        ("6月上旬", date(2022, 6, 10)),
        ("年底前", date(2022, 12, 31)),
        ("年内", date(2022, 12, 31)),
        ("年中", date(2022, 6, 30)),
        ("上半年", date(2022, 6, 30)),
        ("下半年", date(2022, 12, 31)),
        ("三季度末", date(2022, 9, 30)),
        ("第一季度", date(2022, 3, 31)),
        ("4季度", date(2022, 12, 31)),
        ("2023年6月底前", date(2023, 6, 30)),
        ("2023年底前", date(2023, 12, 31)),
        ("2023年上半年", date(2023, 6, 30)),
        ("2022年6月", date(2022, 6, 30)),
        ("4月30日前", date(2022, 4, 30)),
        ("2022.6.30", date(2022, 6, 30)),
        ("长期", None),
        ("持续推进", None),
        ("长期坚持", None),
        ("常态化", None),
    ],
)
def test_vague_deadlines(text: str, expected: date | None) -> None:
    assert parse_deadline(text, context_year=2022) == Deadline(expected, text)


def test_deadline_from_excel_date_and_problems() -> None:
    assert parse_deadline(datetime(2022, 9, 30), 2020) == Deadline(date(2022, 9, 30), "2022-09-30")
    assert parse_deadline("6月底前") == Invalid(
        "完成时限没有写年份，且无法从表格标题确定年度，请写明年份（如 2022年6月底前）"
    )
    assert parse_deadline("13月底前", 2022) == Invalid("月份不存在：13月")
    assert parse_deadline("尽快", 2022) == Invalid(
        f"无法识别的完成时限（{DATE_HINT}，也可写 6月底前、年底前、上半年、三季度末、长期、持续推进）"
    )
    assert parse_deadline("2022年2月30日", 2022) == Invalid("日期不存在：2022年2月30日")
    assert parse_deadline("", 2022) is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (5.1, "亿元", 510_000_000),
        (0.7, "亿元", 70_000_000),
        (1200, "万元", 12_000_000),
        ("1,200", "万元", 12_000_000),
        ("1，200.5万元", None, 12_005_000),
        ("3.5亿", "万元", 350_000_000),
        ("3.5亿元", None, 350_000_000),
        ("500万", "亿元", 5_000_000),
        ("12,345,678元", "万元", 12_345_678),
        ("１２３", "万元", 1_230_000),
        ("\u00a0123\u3000", "万元", 1_230_000),
        ("1.234567891亿元", None, 123_456_789),
        (30, None, 300_000),
        ("-20", "万元", -200_000),
        ("2000千元", None, 2_000_000),
    ],
)
def test_money(value: object, unit: str | None, expected: int) -> None:
    result = parse_money(value, unit)
    assert result == expected
    assert type(result) is int


def test_money_problems() -> None:
    assert parse_money("约三千万") == Invalid("无法识别的金额（请填写数字，可带单位 元/万元/亿元，如 1,200万元）")
    assert parse_money(True) == Invalid("不是金额")
    assert parse_money("—") is None
    assert parse_money("  ") is None


def test_percent_int_year_month() -> None:
    assert parse_percent("97.06%") == Decimal("97.06")
    assert parse_percent("９７％") == Decimal("97")
    assert parse_percent(97.06) == Decimal("97.06")
    assert parse_percent(0.9706, column_in_percent=False) == Decimal("97.0600")
    assert parse_percent("很高") == Invalid("无法识别的百分比（如 97.06%）")
    assert parse_int("12个") == 12
    assert parse_int(3.0) == 3
    assert parse_int(3.5) == Invalid("应为整数")
    assert parse_year("2022年度") == 2022
    assert parse_year(2022.0) == 2022
    assert parse_year("22") == Invalid("无法识别的年度（如 2022 或 2022年）")
    assert parse_month("1-10月") == 10
    assert parse_month("10月份") == 10
    assert parse_month(10) == 10
    assert parse_month("13月") == Invalid("无法识别的月份（应为 1–12，如 10 或 10月）")


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("已办结", "resolved"), ("办结", "resolved"), ("已完成", "resolved"), ("已解决", "resolved"), ("完成", "resolved"),
        ("已销号", "closed"), ("销号", "closed"),
        ("推进中", "assigned"), ("办理中", "assigned"), ("正在办理", "assigned"), ("未完成", "assigned"),
        ("未办结", "assigned"),
        ("阶段性推进", "phased"), ("长期推进", "phased"), ("持续推进", "phased"),
        ("未交办", "new"), ("待交办", "new"), ("新增", "new"),
        (" 已 办 结 ", "resolved"), ("已办结（5月）", "resolved"), ("是", "resolved"), ("否", "assigned"),
    ],
)
def test_status_words(word: str, code: str) -> None:
    assert parse_status(word) == code


def test_unknown_words_name_the_value() -> None:
    assert parse_status("研究中") == Invalid(
        "无法识别的办理状态“研究中”（可填：已办结、已销号、推进中、阶段性推进、待交办）"
    )
    assert parse_feedback("还行") == Invalid("无法识别的评价“还行”（可填：满意、基本满意、不满意）")
    assert parse_level("省级") == Invalid("无法识别的办理层级“省级”（可填：现场解决、专班/工作组、区级、市级）")
    assert parse_stage("暂停") == Invalid("无法识别的项目阶段“暂停”（可填：谋划、前期、新开工、续建、竣工、投用）")
    assert parse_flag("可能") == Invalid("应填“是”或“否”，不能识别“可能”")


def test_feedback_level_stage_flag() -> None:
    assert [parse_feedback(w) for w in ("满意", "基本满意", "不满意")] == ["satisfied", "basically", "unsatisfied"]
    assert [parse_level(w) for w in ("现场解决", "专班", "工作组", "区级", "市总调度室")] == [
        "site", "task_force", "task_force", "district", "city",
    ]
    assert [parse_stage(w) for w in ("谋划", "前期", "新开工", "续建", "在建", "竣工", "建成投用")] == [
        "planning", "preliminary", "new_start", "continuing", "continuing", "completed", "in_use",
    ]
    assert [parse_flag(w) for w in ("是", "否", "√", None, "")] == [True, False, True, None, None]


def test_text_is_kept_as_written_only_the_ends_trimmed() -> None:
    assert parse_text("  区住建局\u3000") == "区住建局"
    assert parse_text("项目\u00a0\u00a0一期") == "项目\u00a0\u00a0一期"
    assert parse_text("第１２３号") == "第１２３号"
    assert parse_text("第一行\r\n\r\n  第二行 ") == "第一行\r\n\r\n  第二行"
    assert parse_text("响铃\x07\x1f") == "响铃\x07\x1f"
    assert parse_text(12.0) == "12"
    assert parse_text(datetime(2022, 4, 30)) == "2022-04-30"
    assert parse_text("\u3000") is None


def _code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


def test_credit_code_known_and_computed() -> None:
    assert credit_code_valid("91350100M000100Y43")
    assert credit_code_valid("91110000600037341L")
    rng = random.Random(7)
    for _ in range(200):
        code = _code("9" + rng.choice("123") + "".join(rng.choice(ALPHABET) for _ in range(15)))
        assert credit_code_valid(code)
        assert credit_code_valid(code.lower())
        # Any single changed character must be caught by the weighted mod-31 check.
        position = rng.randrange(18)
        replacement = rng.choice([ch for ch in ALPHABET if ch != code[position]])
        assert not credit_code_valid(code[:position] + replacement + code[position + 1 :])


def test_credit_code_malformed() -> None:
    assert not credit_code_valid("91350100M000100Y4")
    assert not credit_code_valid("91350100M000100YI3")
    assert not credit_code_valid(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        credit_code_check_char("123")
    assert parse_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"
    assert parse_credit_code("91350100M000100Y44") == Invalid("统一社会信用代码校验位不正确，请核对是否抄错")
    assert parse_credit_code("9135010") == Invalid("统一社会信用代码应为18位，这里是7位")
    assert parse_credit_code("91350100M000100YO3") == Invalid("统一社会信用代码含有不允许的字符：O")



@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["元", "万元", "亿元"]))
def test_money_with_thousands_separators_is_exact(amount: int, unit: str) -> None:
    factor = {"元": 1, "万元": 10_000, "亿元": 100_000_000}[unit]
    assert parse_money(f"{amount:,}", unit) == amount * factor
    assert parse_money(f"{amount:,}{unit}", "元") == amount * factor
    assert parse_money(f"{amount}.5", "元") == amount + 1
