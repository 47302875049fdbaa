"""Export from one office, merge into another: round trips, conflicts, deletions, idempotence, undo."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.db.models import AuditLog, ExchangeRecord, Issue, IssueNote, Project, Unit
from desktop.errors import UserError
from desktop.services import attachment_files
from desktop.services.exchange.export import export_package
from desktop.services.exchange.history import load_history
from desktop.services.exchange.merge import apply_merge, preview, undo_last_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import OURS, THEIRS, ItemKind
from desktop.services.exchange.selection import ExportScope, ScopeKind
from tests.services.exchange.twooffices import PHOTO, ROOM, TEAM, Offices, make_office, snapshot


def _issue(ws, issue_uuid: str) -> Issue:
    with ws.db.read() as s:
        return s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(issue_uuid)).options(
            selectinload(Issue.supporting_units), selectinload(Issue.lead_unit), selectinload(Issue.person))).one()


def _edit_issue(ws, issue_uuid: str, **changes) -> None:
    with ws.db.transaction() as s:
        issue = s.scalars(select(Issue).where(Issue.uuid == uuid.UUID(issue_uuid))).one()
        for name, value in changes.items():
            setattr(issue, name, value)


def test_round_trip_rows_equal_field_by_field(offices: Offices) -> None:
    result = offices.receive(offices.send())

    assert result.counts["new"] == sum(len(rows) for rows in snapshot(offices.team).values())
    assert snapshot(offices.room) == snapshot(offices.team)  # UUIDs, links (as UUIDs), stamps, every field
    stored = attachment_files.stored_path(offices.room.attachments_dir, attachment_files.store_bytes(
        offices.folder / "probe", PHOTO))
    assert stored.read_bytes() == PHOTO
    room_issue = _issue(offices.room, offices.issue_uuid)
    assert room_issue.lead_unit.name == "区住建局" and [u.name for u in room_issue.supporting_units] == ["区供电公司"]
    with offices.room.db.read() as s:
        unit = s.scalars(select(Unit).where(Unit.name == "区住建局")).one()
        assert s.get(Unit, unit.parent_id).name == "区政府"
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.operator.like("调度室李四（合并%"))) > 0


def test_demo_task_force_round_trip(demo_workspace, tmp_path) -> None:
    """A realistic slice (one task force of the demo year: ~1,000 rows) arrives identical, links included."""
    room = make_office(tmp_path / "room", ROOM, "调度室李四")
    try:
        export_package(demo_workspace, ExportScope(ScopeKind.TASK_FORCE, 1), tmp_path / "tf.kpx", recipient=ROOM)
        package = read_package(tmp_path / "tf.kpx")
        apply_merge(room, package, {})
        sent, arrived = snapshot(demo_workspace), snapshot(room)
        for entity, rows in package.tables.items():
            assert {r["uuid"]: arrived[entity][r["uuid"]] for r in rows} == {r["uuid"]: sent[entity][r["uuid"]]
                                                                         for r in rows}
        assert sum(map(len, arrived.values())) == sum(map(len, package.tables.values())) > 500
    finally:
        room.close()


def test_same_package_twice_changes_nothing(offices: Offices) -> None:
    package = offices.send()
    offices.receive(package)
    before = snapshot(offices.room)
    with offices.room.db.read() as s:
        audit_before = s.scalar(select(func.count(AuditLog.id)))

    again = offices.receive(package)

    assert again.already_imported_at is not None and not again.changed_anything
    assert snapshot(offices.room) == before
    with offices.room.db.read() as s:
        assert s.scalar(select(func.count(AuditLog.id))) == audit_before
    # a new package with the same content is also a no-op (nothing differs)
    full = offices.send("full.kpx", ExportScope(ScopeKind.ALL))
    plan = preview(offices.room, read_package(full))
    assert plan.items == [] and plan.unchanged > 0


def test_scope_task_force_brings_what_rows_need(offices: Offices) -> None:
    path = offices.send("tf.kpx", ExportScope(ScopeKind.TASK_FORCE, offices.task_force_id))
    package = read_package(path)
    assert {"project", "issue", "unit", "person", "category", "leader", "task_force", "issue_note",
            "attachment"} <= set(package.tables)
    assert package.manifest["scope"]["ref_name"] == TEAM
    offices.receive(path)
    assert _issue(offices.room, offices.issue_uuid).person.name == "李明"


def test_one_sided_change_is_applied_without_question(offices: Offices) -> None:
    offices.receive(offices.send())
    _edit_issue(offices.team, offices.issue_uuid, latest_progress="供电公司已完成方案审查")

    plan = preview(offices.room, read_package(offices.send("2.kpx")))

    [item] = plan.items
    assert item.kind is ItemKind.CHANGED and [d.field for d in item.fields] == ["latest_progress"]
    assert item.fields[0].theirs_by.startswith("专班张三")
    offices.receive(plan.package.path)
    assert _issue(offices.room, offices.issue_uuid).latest_progress == "供电公司已完成方案审查"


@pytest.mark.parametrize("choice", [THEIRS, OURS])
def test_conflict_decided_each_way(offices: Offices, choice: str) -> None:
    offices.receive(offices.send())
    _edit_issue(offices.team, offices.issue_uuid, latest_progress="专班：方案已批复", deadline_text="7月底前")
    _edit_issue(offices.room, offices.issue_uuid, latest_progress="调度室：已督办", found_by="调度室")

    package = read_package(offices.send("2.kpx"))
    plan = preview(offices.room, package)

    [item] = plan.items
    assert item.kind is ItemKind.CONFLICT
    by_field = {d.field: d for d in item.fields}
    assert set(by_field) == {"latest_progress", "deadline_text"}  # found_by changed only here: kept, not shown
    conflict = by_field["latest_progress"]
    assert conflict.conflict and not by_field["deadline_text"].conflict
    assert (conflict.ours_text, conflict.theirs_text) == ("调度室：已督办", "专班：方案已批复")
    assert conflict.ours_by.startswith("调度室李四") and conflict.theirs_by.startswith("专班张三")
    assert plan.kept_ours == 1

    result = apply_merge(offices.room, package, {(item.uuid, "latest_progress"): choice})

    merged = _issue(offices.room, offices.issue_uuid)
    assert merged.latest_progress == ("专班：方案已批复" if choice == THEIRS else "调度室：已督办")
    assert merged.deadline_text == "7月底前" and merged.found_by == "调度室"
    assert result.counts["conflicts_theirs" if choice == THEIRS else "conflicts_ours"] == 1


def test_undecided_conflict_is_not_applied(offices: Offices) -> None:
    offices.receive(offices.send())
    _edit_issue(offices.team, offices.issue_uuid, latest_progress="专班的说法")
    _edit_issue(offices.room, offices.issue_uuid, latest_progress="调度室的说法")
    result = offices.receive(offices.send("2.kpx"))
    assert result.counts["undecided"] == 1
    assert _issue(offices.room, offices.issue_uuid).latest_progress == "调度室的说法"


def test_kept_value_flows_back_without_a_conflict(offices: Offices) -> None:
    offices.receive(offices.send())
    _edit_issue(offices.team, offices.issue_uuid, latest_progress="专班的说法")
    _edit_issue(offices.room, offices.issue_uuid, latest_progress="调度室的说法")
    offices.receive(offices.send("2.kpx"), {})
    # the team receives the room's reply: its own value is the baseline, so the room's value simply applies
    plan = preview(offices.team, read_package(offices.reply()))
    changed = [i for i in plan.items if i.uuid == offices.issue_uuid]
    assert [i.kind for i in changed] == [ItemKind.CHANGED]


def test_deletion_shown_and_applied_only_when_accepted(offices: Offices) -> None:
    offices.receive(offices.send())
    with offices.team.db.transaction() as s:
        s.delete(s.scalars(select(IssueNote).where(IssueNote.uuid == uuid.UUID(offices.note_uuid))).one())
    package = read_package(offices.send("2.kpx"))

    plan = preview(offices.room, package)
    [item] = plan.of_kind(ItemKind.DELETE)
    assert item.entity == "issue_note" and "专班张三" in item.note

    kept = apply_merge(offices.room, package, {})
    assert kept.counts["undecided"] == 1
    with offices.room.db.read() as s:
        assert s.scalar(select(func.count(IssueNote.id))) == 1
    undo_last_merge(offices.room)

    applied = apply_merge(offices.room, package, {(item.uuid, None): THEIRS})
    assert applied.counts["deleted"] == 1
    with offices.room.db.read() as s:
        assert s.scalar(select(func.count(IssueNote.id))) == 0
        assert s.scalar(select(AuditLog.operator).where(AuditLog.action == "delete")) == "调度室李四（合并「现代服务业专班」数据包）"


def test_row_deleted_here_is_not_brought_back_silently(offices: Offices) -> None:
    offices.receive(offices.send())
    with offices.room.db.transaction() as s:
        s.delete(s.scalars(select(IssueNote)).one())
    plan = preview(offices.room, read_package(offices.send("full.kpx", ExportScope(ScopeKind.ALL))))
    [item] = plan.of_kind(ItemKind.REVIVE)
    assert "调度室李四" in item.note
    offices.receive(plan.package.path)
    with offices.room.db.read() as s:
        assert s.scalar(select(func.count(IssueNote.id))) == 0


def test_same_unit_typed_in_both_offices_is_matched_not_duplicated(offices: Offices) -> None:
    with offices.room.db.transaction() as s:
        s.add(Unit(name="区住建局", kind="部门", short_name="住建局", parent=Unit(name="区政府")))
    plan = preview(offices.room, read_package(offices.send()))
    assert not [i for i in plan.items if i.entity == "unit" and i.title in ("区住建局", "区政府")
                and i.kind is ItemKind.NEW]
    offices.receive(plan.package.path, {k: THEIRS for k in plan.open_decisions()})
    with offices.room.db.read() as s:
        housing = s.scalars(select(Unit).where(Unit.name == "区住建局")).one()
        assert housing.short_name == "住建局"  # they had none: ours is not blanked out
        assert s.get(Unit, housing.parent_id).name == "区政府" and housing.kind == "部门"
        assert s.scalar(select(func.count(Unit.id))) == 3
        assert s.get(Unit, s.scalars(select(Project)).one().lead_unit_id).name == "区住建局"


def test_undo_restores_and_refuses_after_later_work(offices: Offices) -> None:
    before = snapshot(offices.room)
    offices.receive(offices.send())
    undo_last_merge(offices.room)
    assert snapshot(offices.room) == before
    assert [r.direction for r in _history(offices.room)] == ["undone"]

    offices.receive(offices.send("again.kpx", ExportScope(ScopeKind.ALL)))
    _edit_issue(offices.room, offices.issue_uuid, latest_progress="合并后的新工作")
    with pytest.raises(UserError, match="之后已有新的修改"):
        undo_last_merge(offices.room)
    assert _issue(offices.room, offices.issue_uuid).latest_progress == "合并后的新工作"


def test_history_lists_sent_and_received(offices: Offices) -> None:
    offices.receive(offices.send())
    [sent] = _history(offices.team)
    [received] = _history(offices.room)
    assert (sent.direction_label, sent.peer_name) == ("发出", ROOM)
    assert (received.direction_label, received.peer_name) == ("收到并合并", TEAM)
    assert sent.package_id == received.package_id and "问题1" in sent.counts_text
    with offices.room.db.read() as s:
        assert s.scalars(select(ExchangeRecord)).one().backup_path


def test_since_last_sends_only_changes_and_own_package_refused(offices: Offices) -> None:
    offices.send()
    _edit_issue(offices.team, offices.issue_uuid, latest_progress="新进展")
    package = read_package(offices.send("2.kpx"))
    assert "issue" in package.tables and "meeting" not in package.tables
    with pytest.raises(UserError, match="本单位自己导出"):
        preview(offices.team, package)
    with pytest.raises(UserError, match="必须填写接收单位"):
        export_package(offices.team, ExportScope(ScopeKind.SINCE_LAST), offices.folder / "x.kpx", recipient=None,
                       today=date(2026, 11, 25))


def _history(ws):
    with ws.db.read() as s:
        return load_history(s)


def test_entity_order_puts_every_referenced_table_first() -> None:
    """Rows are inserted in ENTITY_ORDER, so each foreign key must point at an earlier (or the same) table."""
    from desktop.services.exchange import codec

    for position, entity in enumerate(codec.ENTITY_ORDER):
        for column in codec.content_columns(entity):
            target = codec.reference_target(entity, column)
            if target is not None:
                assert codec.ENTITY_ORDER.index(target) <= position, f"{entity}.{column.name} → {target}"
    exchanged = {t for t in codec.ENTITY_ORDER}
    from desktop.db.models import Base, RowMixin

    row_tables = {m.local_table.name for m in Base.registry.mappers if issubclass(m.class_, RowMixin)}
    # issued documents stay with the office that issued them; import batches are this PC's own undo records;
    # saved upper-level templates are this office's own forms; 督办 instruments are numbered documents of the office
    # that issued them (their journal entries on the items travel with the items); the 包保方案 versions are the
    # office's own plan documents; 反馈轮次 are this office's own rounds with its units (the progress they brought
    # travels as journal entries), and so are the requests their answers made (decisions travel as journal entries
    # and the records' own fields)
    assert row_tables - exchanged == {"briefing", "import_batch", "fill_template", "supervision_notice",
                                      "supervision_item", "plan_version", "feedback_round", "feedback_item",
                                      "feedback_reply", "feedback_request"}
