"""Issue 18's merge findings, made the way they were found: an older genuine package imported after a newer one, a
half-applied life-cycle step, a package skipping the life cycle, and a package rewriting a record it does not own."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.models import Category, Issue, IssueNote
from desktop.services.exchange import steps
from desktop.services.exchange.merge import apply_merge, preview
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import OURS, THEIRS, ItemKind, build_plan
from desktop.services.exchange.selection import ExportScope, ScopeKind
from desktop.services.issues import actions
from tests.services.exchange.twooffices import Offices, snapshot

ALL = ExportScope(ScopeKind.ALL)


def _issue_id(ws, issue_uuid: str) -> int:
    with ws.db.read() as s:
        return s.scalar(select(Issue.id).where(Issue.uuid == uuid.UUID(issue_uuid)))


def _issue(ws, issue_uuid: str) -> Issue:
    with ws.db.read() as s:
        return s.get(Issue, _issue_id(ws, issue_uuid))


def test_older_package_after_a_newer_one_changes_nothing(offices: Offices) -> None:
    old = offices.send("old.kpx", ALL)
    team_issue = _issue_id(offices.team, offices.issue_uuid)
    with offices.team.db.transaction() as s:
        actions.add_progress(s, team_issue, "增容方案已批复", on=date(2026, 6, 1))
        actions.update_issue(s, team_issue, description="施工用电增容（方案已批复）")
    new = offices.send("new.kpx", ALL)
    offices.receive(new)
    after_new = snapshot(offices.room)
    assert after_new["issue"][offices.issue_uuid]["revision"] == 2

    plan = preview(offices.room, read_package(old))
    [stale] = [i for i in plan.items if i.uuid == offices.issue_uuid]
    assert stale.kind is ItemKind.STALE and "第 2 版" in stale.note and not stale.decision_keys()
    result = offices.receive(old, {k: THEIRS for k in plan.open_decisions()})
    assert result.counts["stale"] >= 1 and result.counts["changed"] == 0
    assert snapshot(offices.room) == after_new  # nothing reverted, no revision went back


def _half_step(offices: Offices) -> None:
    """Team closes the issue while the room marks it 阶段性推进: both changed the step, each its own fields."""
    offices.receive(offices.send())
    team_issue = _issue_id(offices.team, offices.issue_uuid)
    with offices.team.db.transaction() as s:
        actions.resolve(s, team_issue, "增容完成", on=date(2026, 6, 20))
        actions.close(s, team_issue, "satisfied", on=date(2026, 6, 25))
    with offices.room.db.transaction() as s:
        actions.mark_phased(s, _issue_id(offices.room, offices.issue_uuid), "7月底前完成增容", on=date(2026, 6, 21))


@pytest.mark.parametrize("choice", [OURS, THEIRS, None])
def test_a_life_cycle_step_is_one_conflict_merged_whole(offices: Offices, choice: str | None) -> None:
    _half_step(offices)
    path = offices.send("2.kpx")
    plan = preview(offices.room, read_package(path))
    [item] = [i for i in plan.items if i.uuid == offices.issue_uuid]
    assert item.kind is ItemKind.CONFLICT
    assert [d.field for d in item.fields if d.conflict] == [steps.STEP]  # one conflict, shown as the step
    step = next(d for d in item.fields if d.field == steps.STEP)
    assert "销号日期" in step.theirs_text and "阶段性推进" in step.ours_text

    offices.receive(path, {} if choice is None else {(offices.issue_uuid, steps.STEP): choice})
    issue = _issue(offices.room, offices.issue_uuid)
    with offices.room.db.read() as s:
        kinds = [n.kind for n in s.scalars(select(IssueNote).where(IssueNote.issue_id == issue.id))]
    if choice == THEIRS:
        assert (issue.status, issue.closed_on, issue.feedback, issue.phased_plan) == (
            "closed", date(2026, 6, 25), "satisfied", None)
        assert "close" in kinds and "resolve" in kinds
    else:  # ours whole: never open again carrying their 销号日期 and 企业反馈, nor their 销号 entry
        assert (issue.status, issue.resolved_on, issue.closed_on, issue.feedback) == ("phased", None, None, None)
        assert issue.phased_plan == "7月底前完成增容"
        assert "close" not in kinds and "resolve" not in kinds and "phase" in kinds


def test_skipping_the_life_cycle_is_shown_and_needs_a_choice(offices: Offices) -> None:
    team = offices.team
    with team.db.transaction() as s:
        project_id = s.get(Issue, _issue_id(team, offices.issue_uuid)).project_id
        fresh = actions.create_issue(s, actions.IssueInput(description="临时用地审批未办", found_on=date(2026, 5, 2),
                                                           project_id=project_id))
        fresh_uuid = str(fresh.uuid)
    offices.receive(offices.send())
    with team.db.transaction() as s:  # straight to 已销号: no 交办, no 办结
        issue = s.get(Issue, _issue_id(team, fresh_uuid))
        issue.status, issue.closed_on, issue.feedback = "closed", date(2026, 6, 1), "satisfied"
    path = offices.send("2.kpx")
    plan = preview(offices.room, read_package(path))
    [item] = [i for i in plan.items if i.uuid == fresh_uuid]
    assert item.kind is ItemKind.CONFLICT and "跳过办理流程" in item.note and "交办" in item.note
    assert item.decision_keys() == [(fresh_uuid, steps.STEP)]

    offices.receive(path, {})  # not applied without the user's choice
    assert (_issue(offices.room, fresh_uuid).status, _issue(offices.room, fresh_uuid).closed_on) == ("new", None)


def test_a_package_may_not_rewrite_a_record_its_office_neither_owns_nor_was_handed(offices: Offices) -> None:
    room = offices.room
    with room.db.transaction() as s:
        own = Category(kind="issue", name="调度室自建分类")
        s.add(own)
        s.flush()
        own_uuid = str(own.uuid)
    package = read_package(offices.send())
    forged = {"uuid": own_uuid, "created_at": None, "updated_at": None, "kind": "issue", "name": "被改掉的分类",
              "sort_order": 0, "active": True, "revision": 9}
    tables = {entity: list(rows) for entity, rows in package.tables.items()}
    tables.setdefault("category", []).append(forged)
    package = dataclasses.replace(package, tables=tables)
    with room.db.read() as s:
        plan = build_plan(s, package)
    [item] = [i for i in plan.items if i.uuid == own_uuid]
    assert item.kind is ItemKind.NOT_ALLOWED and "无权修改" in item.note and not item.decision_keys()
    result = apply_merge(room, package, {k: THEIRS for k in plan.open_decisions()})
    assert result.counts["not_allowed"] == 1
    with room.db.read() as s:
        assert s.scalars(select(Category).where(Category.uuid == uuid.UUID(own_uuid))).one().name == "调度室自建分类"


def test_merged_rows_carry_origin_and_revision_both_ways(offices: Offices) -> None:
    offices.receive(offices.send())
    assert snapshot(offices.room) == snapshot(offices.team)  # origin, revision and office of revision included
    with offices.room.db.read() as s:
        issue = s.get(Issue, _issue_id(offices.room, offices.issue_uuid))
        assert issue.origin_office and issue.revised_by == issue.origin_office and issue.revision == 1
    with offices.room.db.transaction() as s:
        actions.add_progress(s, _issue_id(offices.room, offices.issue_uuid), "调度室督办", on=date(2026, 6, 2))
    path = offices.reply()
    apply_merge(offices.team, read_package(path), {})
    team_issue = snapshot(offices.team)["issue"][offices.issue_uuid]
    room_issue = snapshot(offices.room)["issue"][offices.issue_uuid]
    assert {**team_issue, "updated_at": None} == {**room_issue, "updated_at": None}  # the stamp is each office's
    assert team_issue["revision"] == 2 and team_issue["revised_by"] != team_issue["origin_office"]
