"""Every field the 操作日志 can name has a Chinese name (the log records every column of every audited table but
the bookkeeping ones), and the minutes appear in it as words, not markup."""

from __future__ import annotations

import pytest

from desktop.db.audit import _SKIPPED_FIELDS as BOOKKEEPING  # what the audit hook never logs
from desktop.db.models import Base, RowMixin
from desktop.services.table_labels import field_label, table_label, value_label

AUDITED = sorted((m.local_table.name, m) for m in Base.registry.mappers if issubclass(m.class_, RowMixin))


@pytest.mark.parametrize("table, mapper", AUDITED, ids=[t for t, _m in AUDITED])
def test_every_audited_field_has_a_chinese_name(table, mapper) -> None:
    assert not table_label(table).isascii(), table
    unnamed = [c.key for c in mapper.columns if c.key not in BOOKKEEPING and field_label(c.key, table).isascii()]
    assert unnamed == [], f"{table}: {unnamed}"


def test_minutes_in_the_log_are_text() -> None:
    stored = "<h1>一、会议总体情况</h1><p>会议听取了&lt;汇报&gt;。</p><p><b>加粗</b>段落</p>"
    assert value_label("minutes_html", stored, "meeting") == "一、会议总体情况\n会议听取了<汇报>。\n加粗段落"
    assert field_label("minutes_html", "meeting") == "会议纪要正文"
