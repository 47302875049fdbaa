"""Search keys of the issue table: pinyin initials for names and descriptions, rebuilt when a row changes."""

from __future__ import annotations

from datetime import date

from desktop.services.issue_rows import IssueRow
from desktop.services.row_search import RowSearch
from desktop.services.search import char_initials, initials


def _row(**kw) -> IssueRow:
    values = dict(id=1, project_id=1, project_code="2026-001", project_name="汉口学院新校区", category="要素保障",
                  description="施工用电接入慢", unit_id=1, unit="区供电公司", person="李强", deadline=None,
                  deadline_text="", level="site", status="assigned", latest_progress="", found_on=date(2026, 5, 1),
                  enterprise_id=None)
    values.update(kw)
    return IssueRow(**values)


def test_char_initials_agree_with_phrase_initials_on_plain_text() -> None:
    for text in ("施工用电接入慢", "汉口学院", "征地拆迁", "区住建局"):
        assert char_initials(text) == initials(text)
    assert char_initials("3号楼ABC") == "3hlabc"  # digits and Latin letters kept as typed


def test_row_key_matches_every_field_and_follows_edits() -> None:
    search = RowSearch()
    row = _row()
    for needle in ("sgyd", "施工用电", "hkxy", "2026-001", "qgdgs", "lq", "ysbz"):
        assert needle in search.key(row), needle
    assert "tdbp" not in search.key(row)
    edited = row._replace(description="土地报批进度慢")
    assert "tdbp" in search.key(edited) and "sgyd" not in search.key(edited)
    search.forget(set())
    assert search._keys == {}
