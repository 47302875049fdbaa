"""小店's 2022 包保方案 as the seed tells it: 75 projects on 2022-03-04 (each leader 2–4), revised on 2022-08-05 to
98 (each leader 4–5): 2 completed and 10 not-ready projects removed, 35 added."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.errors import UserError
from desktop.services.plan.versions import diff, list_versions, plan_on, record_version
from desktop.workspace import open_workspace
from tests.services.plan.xiaodian import PLAN, REVISION
from tests.services.plan.xiaodian import build_plan as _xiaodian


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
