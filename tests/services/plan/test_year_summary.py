"""The 年度工作总结 drafted from 小店's 2022 data states the seed's figures and names the open item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from desktop.cli import main
from desktop.services.briefing.summary import NEXT_YEAR_MARK, draft_summary, gather
from desktop.services.plan.versions import record_version
from desktop.workspace import open_workspace
from tests.services.plan.xiaodian import OPEN_ITEM, PLAN, REVISION, build_year


def _office(db) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        build_year(s)
        record_version(s, "太原市小店区领导干部包保重点转型项目实施方案", PLAN, doc_number="小店委办字〔2022〕6号",
                       today=date(2023, 1, 16))
        record_version(s, "太原市小店区领导干部包保重点转型项目实施方案（调整）", REVISION,
                       reason="阶段性成效、人员调整和项目进展", today=date(2023, 1, 16))


def test_summary_states_the_year_from_the_data(db_workspace) -> None:
    _office(db_workspace.db)
    with db_workspace.db.read() as s:
        facts = gather(s, date(2022, 1, 1), date(2022, 12, 31))
    assert [(m.projects, m.decided) for m in facts.meetings] == [(8, 16), (4, 8), (3, 10)]
    assert (facts.decided.numerator, facts.decided.denominator, facts.decided.short_text) == (33, 34, "97%")
    assert facts.open_items == [OPEN_ITEM] and facts.visits == 297
    assert (facts.briefings, facts.notices) == (106, 9)
    body = draft_summary(facts).body
    assert ("2022年3月4日，印发《太原市小店区领导干部包保重点转型项目实施方案》（小店委办字〔2022〕6号），"
            "每人包保2—4项，对75个重点项目开展包保服务") in body
    assert "包保项目由75个调整为98个，原来每人包保2—4项调整为每人包保4—5项，调出12个项目（项目已竣工2个、不具备推进条件，调出10个）" \
        in body and "新增35个项目" in body
    assert ("2022年3月29日，第一次推进会就8个项目存在的问题和困难进行了研究，议定了16个具体事项；"
            "2022年5月26日，第二次推进会就4个项目") in body
    assert "3次推进会议定的34个具体事项已完成33个，办结率达到97%" in body
    assert f"“{OPEN_ITEM}”1个议定事项正在按照时间节点推进中" in body
    assert "共开展包保活动297次，紫云府项目用地范围内违建拆除、" in body and "3个问题得到解决" in body
    assert "区住建局牵头办结问题3个" in body and "编辑印发《工作简报》106期、《工作通报》9期" in body
    assert body.endswith(f"2023年工作打算：{NEXT_YEAR_MARK}")
    named = draft_summary(facts, "全区", "小店区重点项目服务保障办公室").body  # one office name on every document
    assert "一年来，小店区重点项目服务保障办公室认真履职，编辑印发《工作简报》106期" in named


def test_half_year_summary_and_cli_word_draft(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    with open_workspace(data) as ws:
        _office(ws.db)
        with ws.db.read() as s:
            half = draft_summary(gather(s, date(2022, 1, 1), date(2022, 6, 30)))
    assert half.title == "2022年上半年重点项目包保工作总结" and "上半年以来，召开了2次推进会" in half.body
    assert "调整为98个" not in half.body  # the August revision is not in the first half
    out = tmp_path / "总结.docx"
    args = ["export", "summary", "--year", "2022", "--out", str(out), "--data-dir", str(data), "--today", "2023-01-16"]
    assert main([*args, "--draft"]) == 0
    assert "已起草《2022年重点项目包保工作总结》送审稿" in capsys.readouterr().out
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert text.startswith("2022年重点项目包保工作总结\n（送审稿）") and "办结率达到97%" in text
    assert "区重点项目服务保障办公室" in text and NEXT_YEAR_MARK in text
