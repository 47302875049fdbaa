"""`keyproj export supervision` and `keyproj supervision …` on a real data folder; the Word file re-opened."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import docx

from desktop.cli import main
from desktop.db.models import Project, SupervisionNotice, Unit
from desktop.services.issues import actions as issues
from desktop.workspace import open_workspace


def _office(data: Path) -> dict[str, int]:
    today = date.today()
    with open_workspace(data, operator="张三") as ws, ws.db.transaction() as s:
        zj = Unit(name="南湖区住房和城乡建设局")
        project = Project(code="2026-001", name="紫云府项目", list_year=today.year, stage="continuing")
        s.add_all([zj, project])
        s.flush()
        ids = {}
        for key, days in (("late", -13), ("later", -3), ("fine", 30)):
            issue = issues.create_issue(s, issues.IssueInput(f"施工用电增容{key}", today - timedelta(days=60),
                                                             project_id=project.id))
            issues.assign(s, issue.id, zj.id, today + timedelta(days=days), on=today - timedelta(days=60))
            ids[key] = issue.id
    return ids


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_issue_reprint_reply_and_list(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    ids = _office(data)
    year = date.today().year
    out = tmp_path / "督办单.docx"
    assert main(["export", "supervision", "--kind", "督办单", "--unit", "住房和城乡建设局", "--out", str(out),
                 "--data-dir", str(data)]) == 0
    printed = capsys.readouterr().out
    assert f"已签发督办单督办〔{year}〕1号" in printed and "列入2项问题" in printed
    text = _text(out)
    assert f"督办〔{year}〕1号" in text and "南湖区住房和城乡建设局：" in text
    assert "施工用电增容late" in text and "施工用电增容later" in text and "施工用电增容fine" not in text
    assert "13天" in text and "第1次" in text and "整改计划" in text
    assert text.index("施工用电增容late") < text.index("施工用电增容later")  # most overdue first

    again = tmp_path / "重印.docx"
    assert main(["export", "supervision", "--notice", "1", "--out", str(again), "--data-dir", str(data)]) == 0
    assert _text(again) == text
    with open_workspace(data) as ws, ws.db.read() as s:
        assert len(s.query(SupervisionNotice).all()) == 1  # a reprint records nothing

    assert main(["supervision", "reply", "1", "--text", "已制定整改计划", "--data-dir", str(data)]) == 0
    assert main(["supervision", "list", "--data-dir", str(data)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("1\t督办单\t") and "2项" in line and "已回复" in line
    assert ids


def test_refusals_exit_2_and_take_no_number(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    ids = _office(data)
    out = tmp_path / "x.docx"
    assert main(["export", "supervision", "--kind", "督办单", "--unit", "住房和城乡建设局", "--items", str(ids["fine"]),
                 "--out", str(out), "--data-dir", str(data)]) == 2
    assert "尚未超期" in capsys.readouterr().err and not out.exists()
    assert main(["export", "supervision", "--kind", "通知单", "--unit", "住房和城乡建设局", "--out", str(out),
                 "--data-dir", str(data)]) == 2
    assert "不认识" in capsys.readouterr().err
    assert main(["export", "supervision", "--kind", "督办单", "--unit", "交通局", "--out", str(out),
                 "--data-dir", str(data)]) == 2
    assert "没有名为“交通局”的单位" in capsys.readouterr().err
    with open_workspace(data) as ws, ws.db.read() as s:
        assert s.query(SupervisionNotice).count() == 0 and s.query(Unit).count() == 1


def test_due_and_ladder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    ids = _office(data)
    assert main(["supervision", "due", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("\t")[0] for line in lines] == [str(ids["late"]), str(ids["later"])]
    assert lines[0].endswith("超期7天：催办通知") and lines[1].endswith("超期3天：督办单")
    assert main(["supervision", "ladder", "--set", "2:提示单,10:督办单,20:流转=提请主要领导",
                 "--data-dir", str(data)]) == 0
    assert "超期20天：提请主要领导" in capsys.readouterr().out
    assert main(["supervision", "due", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].endswith("超期10天：督办单") and lines[1].endswith("超期2天：提示单")
    assert main(["supervision", "ladder", "--set", "3:催办通知,5:提示单", "--data-dir", str(data)]) == 2
    assert "逐级加重" in capsys.readouterr().err
    with open_workspace(data) as ws, ws.db.read() as s:
        assert Project and s.query(Project).count() == 1
