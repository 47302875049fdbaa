"""Typed dates: every form a clerk uses reads as exactly the date typed; anything else is refused with a reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.widgets.date_text import DateTextError, date_text, normalise, parse_date_text

TODAY = date(2026, 11, 25)
WANT = date(2026, 12, 15)


@pytest.mark.parametrize("text", [
    "2026-12-15", "2026.12.15", "2026/12/15", "20261215", "2026年12月15日", "2026年12月15号", "2026年12月15",
    "2026 12 15", "2026-12-15 ", " 2026-12-15", "2026 - 12 - 15", "2026年 12月 15日",
    "２０２６－１２－１５", "２０２６年１２月１５日", "2026。12。15", "2026．12．15", "2026、12、15", "２０２６１２１５",
    "12-15", "12.15", "12/15", "12月15日", "12月15号", "１２－１５", "12 15",
])
def test_the_forms_clerks_type(text: str) -> None:
    assert parse_date_text(text, TODAY) == WANT


@pytest.mark.parametrize(("text", "want"), [
    ("2026-1-5", date(2026, 1, 5)), ("2026.1.5", date(2026, 1, 5)), ("2026/01/05", date(2026, 1, 5)),
    ("20260105", date(2026, 1, 5)), ("1-5", date(2026, 1, 5)), ("2026年1月5日", date(2026, 1, 5)),
    ("2024-02-29", date(2024, 2, 29)), ("2-28", date(2026, 2, 28)), ("1900-01-01", date(1900, 1, 1)),
    ("2099-12-31", date(2099, 12, 31)), ("2027-01-01", date(2027, 1, 1)),
])
def test_single_digit_parts_and_edges(text: str, want: date) -> None:
    assert parse_date_text(text, TODAY) == want


def test_month_and_day_take_the_year_of_today_never_another() -> None:
    assert parse_date_text("12-15", date(2027, 1, 3)) == date(2027, 12, 15)  # the year it is, even in January
    assert parse_date_text("1-3", date(2026, 12, 30)) == date(2026, 1, 3)  # … and in December


@pytest.mark.parametrize("text", ["", "   ", "\t", "　"])
def test_empty_is_no_date(text: str) -> None:
    assert parse_date_text(text, TODAY) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("2026-13-01", "月份应为1—12"), ("2026-00-10", "月份应为1—12"), ("13-01", "月份应为1—12"),
    ("2026-02-29", "2026年2月只有28天"), ("2026-04-31", "2026年4月只有30天"), ("2-30", "2026年2月只有28天"),
    ("2026-12-00", "2026年12月只有31天"), ("20261301", "月份应为1—12"), ("20260230", "2026年2月只有28天"),
    ("1899-12-31", "年份应在1900—2099年之间"), ("2100-01-01", "年份应在1900—2099年之间"),
    ("26-12-15", "年份请写全四位"), ("261215", "年份请写全四位"), ("26年12月15日", "年份请写全四位"),
    ("1215", "请写全年月日"), ("121", "请写全年月日"), ("2026", "请写全年月日"),
    ("下周", "可输入 2026-12-15"), ("2026-12", "可输入"), ("12", "可输入"),
    ("2026-12-15-01", "可输入"), ("202612150", "可输入"), ("2026-12-15x", "可输入"), ("6月底前", "可输入"),
    ("12/15/2026", "可输入"), ("15.12.2026", "可输入"), ("2026--12-15", "可输入"),
])
def test_what_is_not_one_date_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateTextError) as refused:
        parse_date_text(text, TODAY)
    message = str(refused.value)
    assert message.startswith(f"“{text.strip()}”不是有效日期：") and reason in message


def test_normalise_reads_input_method_punctuation() -> None:
    assert normalise("２０２６。１２．１５") == "2026.12.15"
    assert normalise("  12－15　") == "12-15"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_in_every_full_form_reads_back_exactly(day: date) -> None:
    forms = (day.isoformat(), f"{day.year}.{day.month}.{day.day}", f"{day.year}/{day.month:02d}/{day.day:02d}",
             f"{day:%Y%m%d}", f"{day.year}年{day.month}月{day.day}日")
    for text in forms:
        assert parse_date_text(text, TODAY) == day
    assert parse_date_text(date_text(day), TODAY) == day
    if (day.month, day.day) != (2, 29):
        assert parse_date_text(f"{day.month}-{day.day}", TODAY) == date(TODAY.year, day.month, day.day)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_the_year_typed_is_the_year_stored_whatever_today_is(day: date, today: date) -> None:
    assert parse_date_text(day.isoformat(), today).year == day.year
    assert parse_date_text(f"{day:%Y%m%d}", today) == day


def test_leap_day_without_a_year_is_refused_outside_leap_years() -> None:
    with pytest.raises(DateTextError, match="2026年2月只有28天"):
        parse_date_text("2-29", TODAY)
    assert parse_date_text("2-29", date(2028, 1, 1)) == date(2028, 2, 29)
    assert parse_date_text("2-29", TODAY + timedelta(days=365 * 2)) == date(2028, 2, 29)
