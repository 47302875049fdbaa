"""The words around the table: 填报单位/日期 filled in after their labels, the form's own period moved on."""

from __future__ import annotations

from desktop.exporters.template_fill.texts import fill_fields, period_text

OFFICE = "南湖区重点项目服务中心"
DAY = "2026年11月25日"


def test_unit_and_date_fields_are_filled_after_their_labels() -> None:
    assert fill_fields("填报单位（盖章）：　　　　　　填报日期：　　年　月　日　　　　单位：万元", OFFICE, DAY) == (
        f"填报单位（盖章）：{OFFICE}　　　　　　填报日期：{DAY}　　　　单位：万元")
    assert fill_fields("填报单位：", OFFICE, DAY) == f"填报单位：{OFFICE}"
    assert fill_fields("填报单位：区住建局", OFFICE, DAY) == f"填报单位：{OFFICE}"  # last month's copy
    assert fill_fields("报送时间：____年__月__日", OFFICE, DAY) == f"报送时间：{DAY}"
    assert fill_fields("填表人：　　联系电话：", OFFICE, DAY) == "填表人：　　联系电话："  # nothing made up
    assert fill_fields("单位：亿元", OFFICE, DAY) == "单位：亿元"


def test_only_the_forms_own_period_moves() -> None:
    old, new = (2026, 9), (2026, 10)
    assert period_text("2026年1-9月重点项目推进情况表", old, new) == "2026年1-10月重点项目推进情况表"
    assert period_text("1—9月完成", old, new) == "1—10月完成"
    assert period_text("截至2026年9月底", old, new) == "截至2026年10月底"
    assert period_text("1-3月完成（一季度）", old, new) == "1-3月完成（一季度）"  # another period stays
    assert period_text("2026年1-12月", (2026, 12), (2027, 3)) == "2027年1-3月"
    assert period_text("2025年完成投资", (2026, 9), (2027, 9)) == "2025年完成投资"
