"""The 工作总结 kept as issued: numbered per year, refused while next year's focus is still the marked line,
printed again exactly as stored whatever the data says later; the same through `keyproj export summary`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest

from desktop.cli import main
from desktop.db.models import Briefing, Visit
from desktop.errors import ValidationError
from desktop.exporters import summary_job
from desktop.services.briefing import summary_issue
from desktop.services.briefing.summary import NEXT_YEAR_MARK
from desktop.workspace import open_workspace
from tests.services.plan.test_year_summary import _office

TODAY = date(2023, 1, 16)
FOCUS = "2023年，持续深入开展好包保工作，做好项目全生命周期服务。"


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())


def test_issue_numbers_keeps_and_reprints_exactly(db_workspace, tmp_path: Path) -> None:
    db = db_workspace.db
    _office(db)
    content = summary_job.draft(db, 2022, False, TODAY)
    assert (content.year, content.number, content.period_from, content.period_to) == (2023, 1, date(2022, 1, 1),
                                                                                      date(2022, 12, 31))
    assert content.facts is not None and content.facts["decided_done"] == 33 and content.facts["visits"] == 297
    with pytest.raises(ValidationError, match="下一步工作打算尚未填写"):
        summary_job.issue_and_write(db, content, tmp_path / "未完成.docx")
    assert not (tmp_path / "未完成.docx").exists()
    with db.read() as s:
        assert summary_issue.issued(s) == []
    content.body = content.body.replace(NEXT_YEAR_MARK, FOCUS) + "\n办公室补充的一段话。"
    first, saved = summary_job.issue_and_write(db, content, tmp_path / "总结.docx")
    issued_text = _text(saved)
    assert FOCUS in issued_text and "办公室补充的一段话。" in issued_text and "2023年1月16日" in issued_text
    assert "送审稿" not in issued_text
    # The same number again is refused and nothing is written.
    with pytest.raises(ValidationError, match="2023年第1号工作总结已印发"):
        summary_job.issue_and_write(db, content, tmp_path / "重号.docx")
    assert not (tmp_path / "重号.docx").exists()
    # Later the data changes; the issued summary prints as it went out, a new draft says the new figure.
    with db.transaction() as s:
        s.add(Visit(visited_on=date(2022, 12, 28), content="补录的包保活动"))
    again = summary_job.rewrite(db, first, tmp_path / "重印.docx")
    assert _text(again) == issued_text
    fresh = summary_job.draft(db, 2022, False, TODAY)
    assert fresh.number == 2 and "共开展包保活动298次" in fresh.body and "共开展包保活动297次" in issued_text
    half = summary_job.draft(db, 2022, True, TODAY)
    half.body = half.body.replace(NEXT_YEAR_MARK, "下半年继续推进。")
    second, _ = summary_job.issue_and_write(db, half, tmp_path / "半年.docx")
    with db.read() as s:
        listed = summary_issue.issued(s)
        loaded = summary_issue.load(s, first)
        assert s.get(Briefing, first).kind == "summary"
    assert [(r.id, r.number) for r in listed] == [(second, 2), (first, 1)]
    assert listed[0].label == "2023年第2号 2022年上半年重点项目包保工作总结"
    assert loaded.body == content.body and loaded.office == "区重点项目服务保障办公室" and loaded.issued_on == TODAY
    # A summary is not counted among the 简报/通报 a later summary reports.
    with db.read() as s:
        later = summary_issue.new_summary(s, date(2023, 1, 1), date(2023, 12, 31), date(2023, 12, 31))
    assert "《工作简报》" not in later.body


def test_bad_inputs_are_refused_naming_the_field(db_workspace) -> None:
    db = db_workspace.db
    _office(db)
    content = summary_job.draft(db, 2022, False, TODAY)
    content.body = content.body.replace(NEXT_YEAR_MARK, FOCUS)
    with db.transaction() as s:
        for bad, field in ((replace(content, title=" "), "「标题」"), (replace(content, body=""), "「正文」"),
                           (replace(content, office=""), "「落款」"), (replace(content, number=0), "「编号」"),
                           (replace(content, issued_on=date(2022, 12, 1)), "「成文日期」")):
            with pytest.raises(ValidationError, match=field):
                summary_issue.issue(s, bad)
    with pytest.raises(ValidationError, match="2030年尚未开始"):
        summary_job.draft(db, 2030, False, TODAY)
    with db.read() as s:
        assert summary_issue.issued(s) == []


def test_cli_issues_only_with_next_year_and_reprints(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    with open_workspace(data) as ws:
        _office(ws.db)
    out = tmp_path / "总结.docx"
    base = ["export", "summary", "--year", "2022", "--out", str(out), "--data-dir", str(data), "--today", "2023-01-16"]
    assert main(base) != 0
    assert "下一步工作打算须由办公室填写" in capsys.readouterr().err and not out.exists()
    assert main([*base, "--next-year", FOCUS]) == 0
    said = capsys.readouterr().out
    assert "已印发《2022年重点项目包保工作总结》2023年第1号" in said and "--summary" in said
    summary_id = int(said.split("编号 ")[1].split("，")[0])
    assert FOCUS in _text(out)
    body = tmp_path / "正文.txt"
    body.write_text("一年来，全区包保工作扎实推进。\n\n2023年工作打算：继续做好服务。\n", encoding="utf-8")
    second = tmp_path / "总结2.docx"
    assert main([*base[:5], str(second), *base[6:], "--body-file", str(body), "--title", "2022年包保工作总结"]) == 0
    assert "2023年第2号" in capsys.readouterr().out
    assert _text(second).startswith("2022年包保工作总结\n一年来，全区包保工作扎实推进。\n2023年工作打算：继续做好服务。")
    reprint = tmp_path / "重印.docx"
    assert main(["export", "summary", "--out", str(reprint), "--data-dir", str(data), "--summary",
                 str(summary_id)]) == 0
    assert _text(reprint) == _text(out)
    assert main(["export", "summary", "--out", str(reprint), "--data-dir", str(data), "--summary", "999"]) != 0
    assert "找不到编号为999的已印发工作总结" in capsys.readouterr().err
