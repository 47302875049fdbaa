"""A package deleting an issue this office has supervised (督办) or sent a feedback form about: it hit
supervision_item's RESTRICT foreign key (issue 18). Now the preview shows it as 本方保留 with the notice numbers,
nothing can accept it, and the merge leaves the issue, its notice and the 操作日志 as they were."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from desktop.cli import main
from desktop.db.models import AuditLog, Issue, SupervisionItem, Unit
from desktop.services.exchange import report
from desktop.services.exchange.merge import apply_merge, preview
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import THEIRS, ItemKind
from desktop.services.supervision.kinds import SupervisionKind
from desktop.services.supervision.notices import NoticeRequest, issue_notice
from tests.services.exchange.twooffices import Offices


def _supervise_in_room(offices: Offices) -> int:
    with offices.room.db.transaction() as s:
        issue = s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(offices.issue_uuid))).one()
        unit = s.scalars(select(Unit).where(Unit.name == "区住建局")).one()
        notice = issue_notice(s, NoticeRequest(SupervisionKind.NOTICE, unit.id, [issue.id], date(2026, 7, 10),
                                               date(2026, 7, 17)), today=date(2026, 7, 10))
        return notice.number


def _delete_in_team(offices: Offices) -> None:
    with offices.team.db.transaction() as s:
        s.delete(s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(offices.issue_uuid))).one())


def test_a_supervised_issue_deleted_by_the_sender_is_kept_with_the_reason(offices: Offices) -> None:
    offices.receive(offices.send())
    number = _supervise_in_room(offices)
    _delete_in_team(offices)
    package = read_package(offices.send("2.kpx"))

    plan = preview(offices.room, package)
    [kept] = plan.of_kind(ItemKind.KEPT)
    assert kept.entity == "issue" and kept.uuid == offices.issue_uuid
    assert f"督办〔2026〕{number}号" in kept.note and "不能删除" in kept.note and "专班张三" in kept.note
    assert kept.decision_keys() == []  # nothing to accept: it is not offered as a deletion
    assert offices.issue_uuid not in {i.uuid for i in plan.of_kind(ItemKind.DELETE)}
    assert "对方删除但本方保留 1 条" in report.summary(plan)
    assert any("本方保留" in line for line in report.preview_lines(plan))

    plan.decide_all(THEIRS)  # every deletion offered is accepted (the journal entries of that issue)
    with offices.room.db.read() as s:
        deletes_before = s.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == "delete"))
    result = apply_merge(offices.room, package, {**plan.decisions, (offices.issue_uuid, None): THEIRS})
    assert result.counts["kept"] == 1
    assert not any("未删除" in w for w in result.warnings)
    with offices.room.db.read() as s:
        issue = s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(offices.issue_uuid))).one()
        assert s.scalar(select(func.count(SupervisionItem.id)).where(SupervisionItem.issue_id == issue.id)) == 1
        deleted = s.scalars(select(AuditLog).where(AuditLog.action == "delete")).all()
    assert len(deleted) - deletes_before == result.counts["deleted"]  # the log names only what was deleted
    assert not [d for d in deleted if d.entity == "issue"]


def test_an_unsupervised_issue_is_still_a_deletion_to_decide(offices: Offices) -> None:
    offices.receive(offices.send())
    _delete_in_team(offices)
    plan = preview(offices.room, read_package(offices.send("2.kpx")))
    assert offices.issue_uuid in {i.uuid for i in plan.of_kind(ItemKind.DELETE)}
    assert not plan.of_kind(ItemKind.KEPT)


def test_cli_import_with_accept_deletions_keeps_the_supervised_issue(offices: Offices, capsys) -> None:
    offices.receive(offices.send())
    _supervise_in_room(offices)
    _delete_in_team(offices)
    package = offices.send("2.kpx")
    code = main(["exchange", "import", str(package), "--data-dir", str(offices.room.data_dir), "--prefer", "theirs",
                 "--accept-deletions"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "对方删除、本方保留 1 条" in out.out and "Traceback" not in out.err
    with offices.room.db.read() as s:
        assert s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(offices.issue_uuid))).one_or_none() is not None


def test_a_project_on_a_sent_investment_form_deleted_by_the_sender_is_kept(offices: Offices) -> None:
    """The round's item names the project (RESTRICT): the deletion is shown as 本方保留, not an integrity error."""
    from desktop.db.models import Project
    from desktop.services.feedback.invest_send import send_investment_round

    offices.receive(offices.send())
    out = offices.folder / "invest"
    out.mkdir()
    with offices.room.db.transaction() as s:
        send_investment_round(s, out, year=2026, month=6, today=date(2026, 7, 1))
        project_uuid = str(s.scalars(select(Project.uuid).where(Project.code == "2026-001")).one())
    with offices.team.db.transaction() as s:
        for issue in s.scalars(select(Issue)).all():
            s.delete(issue)
        s.flush()
        s.delete(s.scalars(select(Project).where(Project.code == "2026-001")).one())
    package = read_package(offices.send("2.kpx"))
    plan = preview(offices.room, package)
    kept = [k for k in plan.of_kind(ItemKind.KEPT) if k.entity == "project"]
    assert [k.uuid for k in kept] == [project_uuid] and "投资进度填报表 1 次" in kept[0].note
    plan.decide_all(THEIRS)
    apply_merge(offices.room, package, plan.decisions)
    with offices.room.db.read() as s:
        assert s.scalars(select(Project).where(Project.code == "2026-001")).one_or_none() is not None
