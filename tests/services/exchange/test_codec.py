"""Wire values: what is encoded decodes to the same value; a value of the wrong type is refused by name."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.exchange import codec
from desktop.services.exchange.codec import PackageDataError

ISSUE = codec.table_for("issue").c
PROJECT = codec.table_for("project").c


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=64), day=st.dates(), money=st.integers(min_value=-(2**62), max_value=2**62),
       at=st.datetimes(min_value=datetime(1990, 1, 1)).map(lambda d: d.replace(microsecond=0)))
def test_values_survive_the_wire(text: str, day: date, money: int, at: datetime) -> None:
    assert codec.decode_value("issue", "t", ISSUE.deadline_text, codec.encode_value(text)) == text
    assert codec.decode_value("issue", "t", ISSUE.deadline, codec.encode_value(day)) == day
    assert codec.decode_value("project", "t", PROJECT.total_investment_yuan, codec.encode_value(money)) == money
    assert codec.decode_value("escalation", "t", codec.table_for("escalation").c.escalated_at,
                              codec.encode_value(at)) == at


@pytest.mark.parametrize(("column", "value", "reason"), [
    (PROJECT.total_investment_yuan, True, "类型不正确"),
    (PROJECT.total_investment_yuan, "12亿", "类型不正确"),
    (ISSUE.deadline, "6月底前", "类型不正确"),
    (ISSUE.description, None, "不能为空"),
    (ISSUE.deadline_text, "很" * 65, "超过64个字符"),
])
def test_wrong_values_refused_with_field_named(column, value, reason: str) -> None:
    with pytest.raises(PackageDataError, match=f"「{codec.field_label(column.name)}」.*{reason}"):
        codec.decode_value(column.table.name, "某记录", column, value)
