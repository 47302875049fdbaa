"""Applying a merge plan, and undoing the last merge.

The merge is one transaction: new rows, accepted changes, decided conflicts and accepted deletions all commit
together or not at all, through the ORM so the audit log records every field as usual. Conflicts and deletions
left undecided are not applied. Before the transaction the SQLite database is copied with the online backup API.

Undoing the last merge is `merge_undo` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.backup import backup_sqlite
from desktop.db.models import AuditLog, ExchangeBaseline, ExchangeRecord
from desktop.errors import UserError
from desktop.services import attachment_files
from desktop.services.backup import encrypted
from desktop.services.exchange import codec, office, steps
from desktop.services.exchange.export import remember
from desktop.services.exchange.merge_undo import undo_last_merge  # noqa: F401 - re-exported
from desktop.services.exchange.package import Package
from desktop.services.exchange.preview import (
    OURS,
    THEIRS,
    Item,
    ItemKind,
    MergePlan,
    build_plan,
    merge_source,
)
from desktop.workspace import Workspace


@dataclass
class MergeResult:
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    backup_path: Path | None = None
    already_imported_at: datetime | None = None

    @property
    def changed_anything(self) -> bool:
        return any(self.counts.get(k) for k in ("new", "changed", "deleted", "revived"))


def preview(workspace: Workspace, package: Package) -> MergePlan:
    with workspace.db.read() as session:
        return build_plan(session, package)


def apply_merge(workspace: Workspace, package: Package, decisions: dict[tuple[str, str | None], str]
                ) -> MergeResult:
    """Merge `package` with the user's `decisions` ((uuid, field) → theirs/ours; field None for a whole row)."""
    with workspace.db.read() as session:
        probe = build_plan(session, package)
    if probe.already_imported_at is not None:
        return MergeResult({}, [f"该数据包已于 {probe.already_imported_at:%Y-%m-%d %H:%M} 导入过，本次没有任何改动。"],
                           already_imported_at=probe.already_imported_at)
    backup_path = None
    if workspace.db.is_sqlite:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = encrypted.plain_copies_dir(workspace.data_dir, encrypted.setting_of(workspace.db.engine))
        backup_path = backup_sqlite(workspace.db.engine,
                                    folder / f"合并前备份_{stamp}_{package.package_id[:8]}.sqlite3")
    try:
        result = _merge(workspace, package, decisions, backup_path)
    except IntegrityError as exc:
        raise UserError(f"合并未完成，数据未改动：数据包中的记录与本库的约束冲突（{exc.orig}）。"
                        "请把此信息告诉发送单位核对。") from exc
    result.backup_path = backup_path
    return result


def _merge(workspace: Workspace, package: Package, decisions: dict[tuple[str, str | None], str],
           backup_path: Path | None) -> MergeResult:
    with workspace.db.transaction() as session:
        # the audit log shows these edits as the operator's, made by merging this sender's package
        session.info["operator"] = f"{workspace.db.operator}（合并「{package.sender_name}」数据包）"[:64]
        session.info["audit_source"] = merge_source(package.sender_name)  # what conflict detection goes by
        plan = build_plan(session, package)  # recomputed inside the transaction: nothing changes under it
        plan.decisions = {k: v for k, v in decisions.items() if v in (THEIRS, OURS)}
        applier = _Applier(session, workspace, plan)
        result = applier.run()
        session.flush()
        high_water = session.scalar(select(func.max(AuditLog.id)))
        session.add(ExchangeRecord(
            package_id=package.package_id, direction="received", peer_name=package.sender_name,
            peer_office_id=package.sender_id, operator=workspace.db.operator, scope=package.manifest.get("scope"),
            counts=result.counts, file_name=str(package.source) if package.source else None,
            backup_path=str(backup_path) if backup_path else None, audit_high_water=high_water,
        ))
    return result


class _Applier:
    def __init__(self, session: Session, workspace: Workspace, plan: MergePlan) -> None:
        self.session = session
        self.workspace = workspace
        self.plan = plan
        self.index = codec.UuidIndex(session)
        self.skipped: set[str] = set()
        self.pending: list[tuple[Any, dict[str, Any], str]] = []
        self.counts = {"new": 0, "changed": 0, "conflicts_theirs": 0, "conflicts_ours": 0, "undecided": 0,
                       "deleted": 0, "revived": 0, "kept_ours": plan.kept_ours, "attachments": 0, "stale": 0,
                       "not_allowed": 0, "steps_held": 0, "kept": len(plan.of_kind(ItemKind.KEPT))}
        self.warnings: list[str] = []
        self.my_id = office.identity(session).id
        self.held_steps: set[str] = set()  # issues whose life-cycle step stays ours: their step entries stay out

    def run(self) -> MergeResult:
        items = {(i.entity, i.uuid): i for i in self.plan.items}
        peer = self.plan.package.sender_name
        baselines = {b.entity_uuid: b for b in self.session.scalars(
            select(ExchangeBaseline).where(ExchangeBaseline.peer_name == peer))}
        for entity in codec.ENTITY_ORDER:
            rows = self.plan.rows.get(entity) or []
            if entity == "unit":
                rows = codec.parents_first(rows)
            for row in rows:
                item = items.get((entity, row["uuid"]))
                if item is None and row["uuid"] not in self.index.by_uuid[entity]:  # new, beyond those listed
                    item = Item(ItemKind.NEW, entity, row["uuid"], codec.row_title(entity, row), row["uuid"])
                if item is None and row["uuid"] in self.plan.same_content:
                    self._converge(entity, row)
                if item is not None and not self._apply_item(entity, row, item):
                    continue
                if row["uuid"] not in self.skipped:
                    remember(self.session, baselines, peer, entity, row["uuid"], codec.baseline_fields(entity, row))
                if entity == "unit":  # a child unit needs its parent's id
                    self._flush_new(entity)
            self._flush_new(entity)
        deletions = [i for i in self.plan.items if i.kind is ItemKind.DELETE]
        for item in sorted(deletions, key=lambda i: -codec.ENTITY_ORDER.index(i.entity)):  # children first
            self._delete(item)
        return MergeResult(self.counts, self.warnings)

    def _apply_item(self, entity: str, row: dict[str, Any], item: Any) -> bool:
        """Apply one row's item; False when the row stays as it is here (and its baseline is not moved)."""
        if item.kind in (ItemKind.STALE, ItemKind.NOT_ALLOWED):
            self.counts[item.kind.value] += 1
            if entity == "issue":
                self.held_steps.add(row["uuid"])
            return False
        if entity == "issue_note" and item.kind is ItemKind.NEW and row.get("kind") in steps.STEP_NOTE_KINDS \
                and str(row.get("issue_id")) in self.held_steps:
            self.counts["steps_held"] += 1  # the entry of a step that was not taken: it goes with its step
            self.skipped.add(row["uuid"])
            return False
        if item.kind in (ItemKind.NEW, ItemKind.REVIVE):
            if item.kind is ItemKind.REVIVE:
                choice = self.plan.decisions.get((item.uuid, None))
                if choice != THEIRS:
                    self.counts["undecided" if choice is None else "conflicts_ours"] += 1
                    self.skipped.add(row["uuid"])
                    return False
            if self._insert(entity, row, item.title):
                self.counts["revived" if item.kind is ItemKind.REVIVE else "new"] += 1
                return True
            return False
        wanted = []
        refused = chosen_ours = False
        for diff in item.fields:
            if not diff.conflict:
                wanted.append(diff.field)
                continue
            choice = self.plan.decisions.get((item.uuid, diff.field))
            if choice == THEIRS:
                wanted.append(diff.field)
                self.counts["conflicts_theirs"] += 1
            else:
                self.counts["undecided" if choice is None else "conflicts_ours"] += 1
                refused = True
                chosen_ours = chosen_ours or choice == OURS
                if diff.field == steps.STEP:
                    self.held_steps.add(row["uuid"])
        if wanted:
            self._update(entity, row, item.title, steps.fields_of(wanted))
            self.counts["changed"] += 1
        if wanted or chosen_ours:
            theirs_whole = not refused and item.kept == 0
            self._set_revision(entity, row, item, theirs_whole)
        return True

    def _set_revision(self, entity: str, row: dict[str, Any], item: Any, theirs_whole: bool) -> None:
        """The merged row is theirs whole and theirs is the newer revision: it takes their revision. Otherwise it
        is a new state made here, newer than both sides (a revision never goes back), so it wins over either when it
        travels back."""
        obj = self.session.get(codec.model_for(entity), self.index.by_uuid[entity][row["uuid"]])
        (their_rev, their_by), (our_rev, _our_by) = item.revisions
        if theirs_whole and item.revisions[0] > item.revisions[1]:
            obj.revision, obj.revised_by = their_rev, self._local(their_by)
        else:
            obj.revision, obj.revised_by = max(their_rev, our_rev) + 1, None

    def _converge(self, entity: str, row: dict[str, Any]) -> None:
        """Same content, other revision: both offices keep the greater one (by number, then office id)."""
        theirs, ours = self.plan.same_content[row["uuid"]]
        if theirs > ours:
            obj = self.session.get(codec.model_for(entity), self.index.by_uuid[entity][row["uuid"]])
            obj.revision, obj.revised_by = theirs[0], self._local(theirs[1])

    def _local(self, office_id: str | None) -> str | None:
        """NULL stands for this office in the database."""
        return None if not office_id or office_id == self.my_id else office_id

    def _values(self, entity: str, row: dict[str, Any], title: str, names: list[str]) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        for column in codec.content_columns(entity):
            if column.name not in names:
                continue
            value = row[column.name]
            target = codec.reference_target(entity, column, row)
            if target is not None and value is not None:
                local_id = self.index.by_uuid.get(target, {}).get(str(value))
                if local_id is None:
                    if not column.nullable:
                        self.warnings.append(f"{codec.ENTITY_LABELS[entity]}「{title}」未导入：它所属的"
                                             f"{codec.field_label(column.name)}在本库中已删除或未导入。")
                        return None
                    self.warnings.append(f"{codec.ENTITY_LABELS[entity]}「{title}」的「{codec.field_label(column.name)}」"
                                         "在本库中已删除或未导入，已留空。")
                value = local_id
            else:
                value = codec.decode_value(entity, title, column, value)
            values[column.name] = value
        return values

    def _insert(self, entity: str, row: dict[str, Any], title: str) -> bool:
        names = [c.name for c in codec.content_columns(entity)]
        values = self._values(entity, row, title, names)
        if values is None:
            self.skipped.add(row["uuid"])
            return False
        model = codec.model_for(entity)
        meta = {name: codec.decode_value(entity, title, codec.table_for(entity).c[name], row.get(name))
                for name in ("uuid", "created_at", "updated_at") if row.get(name) is not None}
        if entity == "attachment":
            self._store_attachment(row)
        obj = model(**values, **meta, revision=row.get("revision") or 1,
                    origin_office=self._local(row.get("origin_office")), revised_by=self._local(row.get("revised_by")))
        self.session.add(obj)
        self.pending.append((obj, row, title))
        return True

    def _flush_new(self, entity: str) -> None:
        """Flush the rows inserted for `entity` in one go, then learn their ids and write their links."""
        if not self.pending:
            return
        self.session.flush()
        links = [lk.name for lk in codec.LINK_FIELDS.get(entity, ())]
        for obj, row, title in self.pending:
            self.index.add(entity, obj.id, row["uuid"])
            if links:
                self._set_links(entity, obj.id, row, title, links)
        self.pending.clear()

    def _update(self, entity: str, row: dict[str, Any], title: str, names: list[str]) -> None:
        obj = self.session.get(codec.model_for(entity), self.index.by_uuid[entity][row["uuid"]])
        values = self._values(entity, row, title, names) or {}
        for name, value in values.items():
            setattr(obj, name, value)
        if entity == "attachment" and "sha256" in values:
            self._store_attachment(row)
        self.session.flush()
        self._set_links(entity, obj.id, row, title, names)
        if any(lk.name in names for lk in codec.LINK_FIELDS.get(entity, ())):
            self.session.expire(obj)  # its collections were rewritten underneath it

    def _set_links(self, entity: str, owner_id: int, row: dict[str, Any], title: str, names: list[str]) -> None:
        for link in codec.LINK_FIELDS.get(entity, ()):
            if link.name not in names:
                continue
            targets = []
            for target_uuid in row.get(link.name) or []:
                target_id = self.index.by_uuid[link.target_entity].get(target_uuid)
                if target_id is None:
                    self.warnings.append(f"{codec.ENTITY_LABELS[entity]}「{title}」的一个「{codec.field_label(link.name)}」"
                                         "在本库中已删除或未导入，已略去。")
                else:
                    targets.append(target_id)
            self.session.execute(delete(link.table).where(link.table.c[link.owner_column] == owner_id))
            if targets:
                self.session.execute(insert(link.table), [
                    {link.owner_column: owner_id, link.target_column: t} for t in sorted(set(targets))])

    def _store_attachment(self, row: dict[str, Any]) -> None:
        data = self.plan.package.read_attachment(row["sha256"])  # verified against the hash again
        if len(data) != row.get("size"):
            self.warnings.append(f"附件「{row.get('filename')}」登记的大小与文件不符，已按实际文件保存。")
        attachment_files.store_bytes(self.workspace.attachments_dir, data)
        self.counts["attachments"] += 1

    def _delete(self, item: Any) -> None:
        choice = self.plan.decisions.get((item.uuid, None))
        if choice != THEIRS:
            self.counts["undecided" if choice is None else "conflicts_ours"] += 1
            return
        row_id = self.index.by_uuid[item.entity].get(item.uuid)
        obj = self.session.get(codec.model_for(item.entity), row_id) if row_id else None
        if obj is None:
            return
        try:
            with self.session.begin_nested():
                self.session.delete(obj)
                self.session.flush()
        except IntegrityError:
            self.warnings.append(f"{item.entity_label}「{item.title}」未删除：本库中仍有其他记录引用它，请先处理这些记录。")
            return
        self.index.forget(item.entity, item.uuid)
        self.counts["deleted"] += 1
