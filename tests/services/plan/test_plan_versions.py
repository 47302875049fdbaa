"""小店's 2022 包保方案 as the seed tells it: 75 projects on 2022-03-04 (each leader 2–4), revised on 2022-08-05 to
98 (each leader 4–5): 2 completed and 10 not-ready projects removed, 35 added."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db.models import Assignment, Leader, Project
from desktop.errors import UserError
from desktop.services.plan.versions import diff, list_versions, plan_on, record_version
from desktop.workspace import open_workspace

PLAN = date(2022, 3, 4)
REVISION = date(2022, 8, 5)


def _xiaodian(session) -> None:  # type: ignore[no-untyped-def]
    """25 leaders with 3, 3, 3, 2, 4, … projects (75); on the revision 12 projects leave (2 竣工, 10 不具备条件)
    and 35 join; 22 leaders then carry 4 (12 of them) or 5 (10 of them), 98 in all."""
    leaders = [Leader(name=f"领导{n:02d}", sort_order=n) for n in range(1, 26)]
    projects = [Project(code=f"2022-{n:03d}", name=f"项目{n:03d}", list_year=2022, stage="continuing")
                for n in range(1, 111)]
    session.add_all(leaders + projects)
    session.flush()
    loads_before = [3] * 21 + [2, 2, 4, 4]  # 63 + 4 + 8 = 75
    it = iter(projects[:75])
    first: dict[int, Leader] = {}
    for leader, load in zip(leaders, loads_before, strict=True):
        for _ in range(load):
            project = next(it)
            first[project.id] = leader
            session.add(Assignment(project_id=project.id, leader_id=leader.id, role="lead", start_date=PLAN))
    session.flush()
    for project in projects[:2]:
        for a in session.query(Assignment).filter_by(project_id=project.id):
            a.end_date, a.end_reason = REVISION, "项目已竣工"
    for project in projects[2:12]:
        for a in session.query(Assignment).filter_by(project_id=project.id):
            a.end_date, a.end_reason = REVISION, "不具备推进条件，调出"
    # After the revision: the 63 remaining + 35 new = 98, re-spread over the first 22 leaders: 12×4 + 10×5.
    remaining = projects[12:75] + projects[75:110]
    for a in session.query(Assignment).filter(Assignment.end_date.is_(None)):
        a.end_date, a.end_reason = REVISION, "方案调整，重新分配"
    loads_after = [4] * 12 + [5] * 10
    it = iter(remaining)
    for leader, load in zip(leaders[:22], loads_after, strict=True):
        for _ in range(load):
            project = next(it)
            session.add(Assignment(project_id=project.id, leader_id=leader.id, role="lead", start_date=REVISION))
    session.flush()


@pytest.fixture
def xiaodian(db_workspace):
    with db_workspace.db.transaction() as s:
        _xiaodian(s)
        record_version(s, "2022年区级领导包保重点项目工作方案", PLAN, doc_number="小店委办字〔2022〕6号",
                       today=date(2022, 12, 31))
        record_version(s, "关于调整区级领导包保重点项目的通知", REVISION, reason="2个项目竣工、10个项目不具备条件调出，新增35个",
                       today=date(2022, 12, 31))
    return db_workspace


def test_plan_on_each_version_and_the_diff(xiaodian) -> None:
    with xiaodian.db.read() as s:
        before, after = plan_on(s, PLAN), plan_on(s, REVISION)
        assert (len(before.projects), len(before.leaders), before.loads()) == (75, 25, (2, 4))
        assert (len(after.projects), len(after.leaders), after.loads()) == (98, 22, (4, 5))
        assert plan_on(s, date(2022, 3, 3)).projects == {}
        change = diff(s, PLAN, REVISION)
        assert len(change.removed) == 12 and len(change.added) == 35
        assert change.removed[0] == ("项目001", "项目已竣工")
        assert change.removed[5][1] == "不具备推进条件，调出"
        assert change.summary() == ("项目75个 → 98个（调出12个，新增35个）；包保领导25名 → 22名；"
                                    "每人包保2—4项 → 每人包保4—5项")
        assert [v.doc_number for v in list_versions(s)] == ["小店委办字〔2022〕6号", ""]


def test_versions_are_refused_without_what_they_need(xiaodian) -> None:
    for kwargs, reason in [({"name": " ", "issued_on": date(2022, 9, 1)}, "须填写名称"),
                           ({"name": "再调整", "issued_on": date(2022, 9, 1)}, "须写明调整原因"),
                           ({"name": "同日", "issued_on": REVISION, "reason": "x"}, "同一天只能记录一个版本"),
                           ({"name": "未来", "issued_on": date(2099, 1, 1), "reason": "x"}, "晚于今天")]:
        with pytest.raises(UserError, match=reason), xiaodian.db.transaction() as s:
            record_version(s, **kwargs)
    with pytest.raises(UserError, match="应晚于"), xiaodian.db.read() as s:
        diff(s, REVISION, PLAN)


def test_cli_add_show_diff(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    with open_workspace(data) as ws, ws.db.transaction() as s:
        _xiaodian(s)
    assert main(["plan", "add", "--name", "2022年区级领导包保重点项目工作方案", "--date", "2022-03-04",
                 "--number", "小店委办字〔2022〕6号", "--data-dir", str(data)]) == 0
    assert "当日在册项目75个、包保领导25名，每人包保2—4项" in capsys.readouterr().out
    assert main(["plan", "add", "--name", "调整通知", "--date", "2022-08-05", "--data-dir", str(data)]) == 2
    assert "须写明调整原因" in capsys.readouterr().err
    assert main(["plan", "add", "--name", "调整通知", "--date", "2022-08-05", "--reason", "动态调整",
                 "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["plan", "diff", "1", "2", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2022年区级领导包保重点项目工作方案（小店委办字〔2022〕6号） → 调整通知\n")
    assert "项目75个 → 98个（调出12个，新增35个）" in out and "  调出：项目003（不具备推进条件，调出）" in out
    assert out.count("  新增：") == 35
    assert main(["plan", "show", "2022-08-05", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "项目98个，包保领导22名，每人包保4—5项" in out and "  领导01（4项）：" in out
    assert "keyproj export responsibility --to 2022-08-05" in out
