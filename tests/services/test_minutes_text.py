"""Minutes text read back from the editor's HTML, drafts, and the plain data a 纪要 prints."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.db.models import Meeting
from desktop.services.meetings import drafts
from desktop.services.meetings.minutes_data import DECISIONS_INTRO, held_at_text, minutes_data
from desktop.services.meetings.rich_text import clean_line, parse_minutes, strip_number

QT_HTML = """<!DOCTYPE HTML><html><head><meta name="qrichtext" content="1" /><meta charset="utf-8" />
<style type="text/css">p, li { white-space: pre-wrap; }</style></head>
<body style=" font-family:'Sans Serif'; font-size:9pt; font-weight:400;">
<h1 style=" margin-top:0px;">一、总体情况</h1>
<p style=" margin-top:0px;">会议听取了<span style=" font-weight:700;">各责任单位</span>汇报。</p>
<ol style="margin-top: 0px;"><li>项目一</li><li>项目二</li></ol>
<p>（二）关于用地问题</p><p><!--[if gte mso 9]>x<![endif]-->二、不是标题，因为句子很长而且以句号结束，这是正文的一部分内容。</p>
</body></html>"""


def test_qt_html_becomes_blocks() -> None:
    blocks = parse_minutes(QT_HTML)
    assert [b.kind for b in blocks] == ["h1", "p", "li", "li", "h2", "p"]
    assert [(s.text, s.bold) for s in blocks[1].spans] == [("会议听取了", False), ("各责任单位", True), ("汇报。", False)]
    assert [b.ordinal for b in blocks[2:4]] == [1, 2]
    assert strip_number(blocks[4].text) == "关于用地问题"
    assert "font-family" not in "".join(b.text for b in blocks)


def test_plain_text_and_control_characters() -> None:
    blocks = parse_minutes("第一段\x0b含垂直制表符\n\n\x07第二段😀\u200b")
    assert [b.text for b in blocks] == ["第一段含垂直制表符", "第二段😀"]
    assert parse_minutes("   ") == []
    assert clean_line("a\u00a0b\x1fc") == "a bc"


@given(st.text())
def test_any_text_parses_without_error(text: str) -> None:
    for block in parse_minutes(text):
        assert block.text.strip()
        assert not any(0 < ord(ch) < 9 for ch in block.text)


def test_held_at_text() -> None:
    assert held_at_text(datetime(2026, 8, 12, 15, 0)) == "2026年8月12日下午3:00"
    assert held_at_text(datetime(2026, 3, 9, 9, 30)) == "2026年3月9日上午9:30"


def test_drafts_are_atomic_and_offered_only_when_different(tmp_path) -> None:
    assert drafts.read_draft(tmp_path, 7) is None
    drafts.write_draft(tmp_path, 7, "<p>草稿😀</p>", now=datetime(2026, 11, 25, 10, 0))
    draft = drafts.pending_draft(tmp_path, 7, "<p>旧</p>")
    assert draft is not None and draft.html == "<p>草稿😀</p>" and draft.saved_at.hour == 10
    assert drafts.pending_draft(tmp_path, 7, "<p>草稿😀</p>") is None  # same as saved: removed
    assert not drafts.draft_path(tmp_path, 7).exists()
    drafts.draft_path(tmp_path, 8).parent.mkdir(exist_ok=True)
    drafts.draft_path(tmp_path, 8).write_text("{broken", encoding="utf-8")
    assert drafts.read_draft(tmp_path, 8) is None
    assert [p.name for p in drafts.drafts_dir(tmp_path).iterdir()] == ["minutes-8.json"]  # no temp files left


def test_minutes_data_of_the_third_demo_meeting(demo_workspace) -> None:
    with demo_workspace.db.read() as s:
        third = s.scalars(select(Meeting.id).order_by(Meeting.held_at.desc())).first()
        data = minutes_data(s, third)
    assert data.label == "2026年第3次推进会"
    assert len(data.items) == 10 and data.items[0].seq == 1
    assert data.facts()[0] == ("时间", "2026年8月12日下午3:00")
    # "……区市场监督管理局负责落实": the text names the unit, the bracket gives the rest once.
    assert data.items[0].duty_line == "（责任人：杨建国；完成时限：2026年10月11日前）"
    plain = next(item for item in data.items if not item.names_its_units)
    assert plain.duty_line.startswith(f"（责任单位：{plain.lead_unit}；") and "完成时限：" in plain.duty_line
    assert data.issued_on == date(2026, 8, 14) and data.issued_on_text == "2026年8月14日"
    assert data.masthead_name == "重点项目推进会\n会议纪要" and data.number_text == "第3期"
    assert DECISIONS_INTRO == "现将会议议定事项纪要如下："
