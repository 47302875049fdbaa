"""Undoing a merge keeps the 操作日志: the merge's rows stay (marked as taken back) and the undo has its own row;
a taken-back deletion is never sent on as a tombstone."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from desktop.db import audit_chain
from desktop.db.models import AuditLog, ExchangeRecord, IssueNote, Unit
from desktop.services.exchange.export import _tombstones
from desktop.services.exchange.merge import undo_last_merge
from desktop.services.exchange.package import read_package
from desktop.services.exchange.preview import THEIRS, ItemKind, build_plan
from tests.services.exchange.twooffices import TEAM, Offices, snapshot


def _log(ws) -> list[AuditLog]:
    with ws.db.read() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.id)))


def test_undo_keeps_the_merge_rows_and_adds_its_own(offices: Offices) -> None:
    before_rows = _log(offices.room)
    before = snapshot(offices.room)
    path = offices.send()
    offices.receive(path)
    merged = [e for e in _log(offices.room) if e.id > before_rows[-1].id]
    assert merged and all(e.source == f"merge:{TEAM}" for e in merged)

    record = undo_last_merge(offices.room)

    assert snapshot(offices.room) == before  # the data is back as it was
    after = _log(offices.room)
    assert [(e.id, e.action, e.field, e.new_value) for e in after[:len(before_rows)]] == \
        [(e.id, e.action, e.field, e.new_value) for e in before_rows]
    carried = after[len(before_rows):-1]
    assert [(e.id, e.action, e.entity, e.field, e.new_value, e.operator) for e in carried] == \
        [(e.id, e.action, e.entity, e.field, e.new_value, e.operator) for e in merged]
    step = after[-1]
    assert (step.action, step.operator, step.entity, step.entity_id) == ("undo_merge", "调度室李四", "exchange_record",
                                                                          record.id)
    assert TEAM in step.old_value and str(path) in step.old_value and record.package_id[:8] in step.old_value
    assert f"{len(merged)} 条操作记录" in step.new_value
    assert all(e.reverted_by == step.id for e in carried)
    assert all(e.reverted_by is None for e in after[:len(before_rows)]) and step.reverted_by is None
    with offices.room.db.read() as s:
        assert s.scalars(select(ExchangeRecord.direction).order_by(ExchangeRecord.id)).all() == ["undone"]
    with offices.room.db.engine.connect() as conn:
        chain = audit_chain.verify(conn)
    assert chain.ok and chain.intact == len(after)


def test_undone_merge_leaves_no_temp_copy(offices: Offices) -> None:
    offices.receive(offices.send())
    undo_last_merge(offices.room)
    assert [p.name for p in offices.room.backups_dir.iterdir() if p.name.startswith(".")] == []


def test_a_taken_back_deletion_is_not_a_tombstone(offices: Offices) -> None:
    offices.receive(offices.send())
    with offices.team.db.transaction() as s:
        s.delete(s.scalars(select(IssueNote).where(IssueNote.uuid == uuid.UUID(offices.note_uuid))).one())
    package = read_package(offices.send("2.kpx"))
    with offices.room.db.read() as s:
        [item] = build_plan(s, package).of_kind(ItemKind.DELETE)
    offices.receive(package.path, {(item.uuid, None): THEIRS})
    with offices.room.db.read() as s:
        assert [t["uuid"] for t in _tombstones(s, None)] == [offices.note_uuid]

    undo_last_merge(offices.room)

    with offices.room.db.read() as s:
        assert s.scalar(select(func.count(IssueNote.id))) == 1  # the note is back
        deleted = s.scalars(select(AuditLog).where(AuditLog.action == "delete")).one()
        assert deleted.reverted_by is not None  # kept in the log, as taken back
        assert _tombstones(s, None) == []  # and never sent on as a deletion


def test_a_forged_merge_note_in_the_operator_name_hides_no_local_edit(offices: Offices) -> None:
    """The operator text is no longer how the merge knows its own rows (issue 18): a local edit made under a name
    written like a merge note is still a local edit, so their differing value is a conflict, not a silent change."""
    with offices.room.db.transaction() as s:
        s.add(Unit(name="区住建局", kind="部门", short_name="住建", parent=Unit(name="区政府")))
    with offices.room.db.transaction() as s:  # a name no longer accepted anywhere, as older versions stored it
        s.info["operator"] = f"李四（合并「{TEAM}」数据包）"
        s.scalars(select(Unit).where(Unit.name == "区住建局")).one().short_name = "调度室写的简称"
    with offices.team.db.transaction() as s:
        s.scalars(select(Unit).where(Unit.name == "区住建局")).one().short_name = "专班写的简称"
    with offices.room.db.read() as s:
        plan = build_plan(s, read_package(offices.send()))
    [item] = [i for i in plan.items if i.entity == "unit" and i.title == "区住建局"]
    assert item.kind is ItemKind.CONFLICT
    assert [d.field for d in item.fields if d.conflict] == ["short_name"]
