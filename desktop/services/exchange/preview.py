"""The merge preview: what a verified package would change here, and where the user has to decide.

Each package row is compared with the local row of the same UUID (or, failing that, the same natural key: two
offices may each have typed 区住建局 themselves). Fields are compared three ways against the baseline, the state
last exchanged with the sending office:

* only they changed it since        → their value is applied (a "changed" record);
* only we changed it since          → ours is kept (counted, nothing to do);
* both changed it, to other values  → a conflict the user decides (theirs / ours).

Without a baseline for the row (never exchanged with this office), our local audit log decides: a field we
edited after the last exchange with them is a conflict, otherwise their value is taken. Deletions in the package
(tombstones) and rows they still have but we deleted are items the user must accept; nothing is removed or
brought back silently.

Before any field is compared, the record's revision (`desktop.db.revision`) and ownership are checked:

* a package row whose revision is older than ours, and not newer than the state last agreed with that office,
  never overwrites ours: it is listed as 已是较新版本 and nothing of it is applied (an older package imported after a
  newer one changes nothing);
* a package may only change a record its office owns (created: `origin_office` is the sender) or was handed: a
  record exchanged with that office before (a baseline exists for it); anything else is listed as 无权修改.

An issue's life-cycle fields are compared as one step (`steps`): one diff, one decision.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditLog, ExchangeBaseline, ExchangeRecord, IssueNote
from desktop.errors import UserError
from desktop.services import office_settings, table_labels
from desktop.services.exchange import codec, kept, office, steps, stream
from desktop.services.exchange.package import Package, PackageError
from desktop.services.exchange.plan import (  # noqa: F401 - the preview's vocabulary, re-exported
    ITEM_KIND_LABELS,
    OURS,
    THEIRS,
    FieldDiff,
    Item,
    ItemKind,
    MergePlan,
)

NEW_LISTED = 2000  # new rows listed per table in the preview; the others are counted (and merged all the same)


def build_plan(session: Session, package: Package) -> MergePlan:
    """Compare `package` with the database in `session` (read only)."""
    if package.sender_id == office.stored_id(session):
        raise UserError("这是本单位自己导出的数据包，不能导入本单位。请把它交给接收单位导入。")
    done = session.scalar(select(ExchangeRecord.at).where(ExchangeRecord.direction == "received",
                                                          ExchangeRecord.package_id == package.package_id))
    _check_entities(package)
    builder = _Builder(session, package)
    plan = builder.build()
    plan.already_imported_at = done
    plan.my_name = str(office_settings.get(session, office.OFFICE_NAME_KEY) or office_settings.get(session, "office_name"))
    return plan


def _check_entities(package: Package) -> None:
    for entity in package.tables:
        if entity not in codec.ENTITY_ORDER:
            raise PackageError(f"数据包中含有本程序不认识的数据类型「{entity[:40]}」，可能来自更新版本的程序，请先升级本程序。")
    for row in package.tables.get("attachment", []):
        sha = row.get("sha256")
        if not isinstance(sha, str) or sha not in package.attachment_hashes:
            raise PackageError(f"数据包中的附件「{str(row.get('filename'))[:60]}」缺少文件或哈希不符，已拒绝导入。")


class _Builder:
    def __init__(self, session: Session, package: Package) -> None:
        self.session = session
        self.package = package
        self.peer = package.sender_name
        self.my_id = office.stored_id(session) or ""
        self.index = codec.UuidIndex(session)
        self.mapping: dict[str, dict[str, str]] = {e: {} for e in codec.ENTITY_ORDER}  # their uuid → local uuid
        self.their_titles: dict[str, str] = {}
        self.baselines = {b.entity_uuid: b.fields for b in session.scalars(
            select(ExchangeBaseline).where(ExchangeBaseline.peer_name == self.peer))}
        self.last_exchange = session.scalar(select(func.max(ExchangeRecord.at)).where(
            ExchangeRecord.peer_name == self.peer, ExchangeRecord.direction.in_(("sent", "received"))))
        self.local_deleted = {(e.entity, e.entity_uuid): e for e in session.scalars(
            select(AuditLog).where(AuditLog.action == "delete", AuditLog.reverted_by.is_(None)))}
        self.their_audit = {(a.get("uuid"), a.get("field") or ""): a for a in package.audit if isinstance(a, dict)}
        self._local_titles: dict[tuple[str, str], str] = {}
        self.local_rows: dict[str, dict[str, Any]] = {}
        self.same_content: dict[str, tuple[tuple[int, str], tuple[int, str]]] = {}
        self.step_kinds: dict[str, set[str]] = {}  # their issue uuid → kinds of the journal entries they carry
        for note in package.tables.get("issue_note") or []:
            self.step_kinds.setdefault(str(note.get("issue_id")), set()).add(str(note.get("kind")))

    def build(self) -> MergePlan:
        items: list[Item] = []
        spool = stream.Spool()  # the normalised rows, for the merge to read back one at a time
        new_counts: dict[str, int] = {}
        kept_ours = unchanged = 0
        for entity in codec.ENTITY_ORDER:
            their_rows = self.package.tables.get(entity) or []
            if entity == "unit":  # a parent must be matched before its children's references are translated
                their_rows = codec.parents_first(their_rows)
            self.local_rows = {r["uuid"]: r for r in codec.read_rows(self.session, entity, self.index).values()} \
                if their_rows else {}
            local_by_key = self._local_by_natural_key(entity)
            for raw in their_rows:
                title = codec.row_title(entity, raw)
                row = self._normalise(entity, raw, title)
                local_uuid = row["uuid"] if row["uuid"] in self.index.by_uuid[entity] else None
                note = ""
                if local_uuid is None:
                    local_uuid = self._match(entity, row, local_by_key)
                    if local_uuid is not None:
                        note = "按名称/编号匹配到本库已有记录"
                        self.mapping[entity][row["uuid"]] = local_uuid
                        row["uuid"] = local_uuid
                self.their_titles[row["uuid"]] = title
                spool.add(entity, row)
                if local_uuid is None:
                    deleted = self.local_deleted.get((entity, row["uuid"]))
                    if deleted is None:  # new rows are counted; only the first ones are listed (bounded memory)
                        new_counts[entity] = new_counts.get(entity, 0) + 1
                        if new_counts[entity] <= NEW_LISTED:
                            items.append(Item(ItemKind.NEW, entity, row["uuid"], title, raw["uuid"]))
                        continue
                    note = f"本方 {deleted.operator} 于 {_when(deleted.at)} 删除"
                    items.append(Item(ItemKind.REVIVE, entity, row["uuid"], title, raw["uuid"], note=note))
                    continue
                item, kept = self._compare(entity, row, raw["uuid"], title, note)
                kept_ours += kept
                if item is None:
                    unchanged += 1
                else:
                    items.append(item)
        items.extend(self._deletions())
        return MergePlan(self.package, items, spool.tables(), kept_ours, unchanged, same_content=self.same_content,
                         new_counts=new_counts)

    # --- identity -----------------------------------------------------------------------------------------
    def _normalise(self, entity: str, raw: dict[str, Any], title: str) -> dict[str, Any]:
        """Check the row's fields and point its references at local UUIDs where a row was matched by key."""
        row: dict[str, Any] = {"uuid": raw["uuid"], "created_at": raw.get("created_at"),
                               "updated_at": raw.get("updated_at")}
        row["revision"], row["revised_by"] = codec.revision_of(raw, self.package.sender_id)
        origin = raw.get("origin_office")
        row["origin_office"] = origin[:36] if isinstance(origin, str) and origin else self.package.sender_id
        for column in codec.content_columns(entity):
            if column.name not in raw:
                raise PackageError(f"数据包中的{codec.ENTITY_LABELS[entity]}「{title}」缺少字段「{codec.field_label(column.name)}」。")
            value = raw[column.name]
            target = codec.reference_target(entity, column, raw)
            if target is None or value is None:
                codec.decode_value(entity, title, column, value)
            else:
                codec.check_uuid(entity, title, column.name, value)
                if target not in self.mapping:
                    raise PackageError(f"数据包中的附件「{title}」指向未知的数据类型「{str(target)[:40]}」。")
                value = self.mapping[target].get(str(value), str(value))
            row[column.name] = value
        for link in codec.LINK_FIELDS.get(entity, ()):
            values = raw.get(link.name) or []
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise PackageError(f"数据包中的{codec.ENTITY_LABELS[entity]}「{title}」的「{codec.field_label(link.name)}」格式不正确。")
            row[link.name] = sorted(self.mapping[link.target_entity].get(v, v) for v in values)
        return row

    def _local_by_natural_key(self, entity: str) -> dict[tuple, str]:
        keys = codec.natural_keys(entity)
        if not keys:
            return {}
        found: dict[tuple, str] = {}
        for row in self.local_rows.values():
            for key in keys:
                values = tuple(row.get(k) for k in key)
                if None not in values:
                    found[(key, values)] = row["uuid"]
        return found

    def _match(self, entity: str, row: dict[str, Any], local_by_key: dict[tuple, str]) -> str | None:
        for key in codec.natural_keys(entity):
            values = tuple(row.get(k) for k in key)
            if None not in values and (key, values) in local_by_key:
                return local_by_key[(key, values)]
        return None

    # --- comparing ----------------------------------------------------------------------------------------
    def _compare(self, entity: str, theirs: dict[str, Any], their_uuid: str, title: str, note: str
                 ) -> tuple[Item | None, int]:
        ours = self.local_rows[theirs["uuid"]]
        base = self.baselines.get(theirs["uuid"])
        revisions = (codec.revision_of(theirs, self.package.sender_id), codec.revision_of(ours, self.my_id))
        differing = [n for n in codec.compared_fields(entity) if theirs.get(n) != ours.get(n)]
        if not differing:
            if revisions[0] != revisions[1]:
                self.same_content[theirs["uuid"]] = revisions
            return None, 0
        (their_rev, _by), (our_rev, _mine) = revisions
        agreed = _agreed_revision(base)
        if their_rev < our_rev and (agreed is None or their_rev <= agreed[0]):
            return Item(ItemKind.STALE, entity, theirs["uuid"], title, their_uuid, revisions=revisions,
                        note=f"本方为第 {our_rev} 版，数据包中为第 {their_rev} 版，不会覆盖本方"), 0
        owned = ours.get("origin_office") == self.package.sender_id or base is not None
        if not owned and not note:  # our own record under its UUID, never handed to them
            return Item(ItemKind.NOT_ALLOWED, entity, theirs["uuid"], title, their_uuid, revisions=revisions,
                        note=f"该记录不是「{self.peer}」创建的，也从未与该单位交换过，数据包无权修改"), 0
        changes: dict[str, tuple[bool, bool]] = {}
        for name in differing:
            if base is not None and name in base:
                they_changed = theirs.get(name) != base[name]
                we_changed = ours.get(name) != base[name]
            elif theirs.get(name) in (None, "", []) and not steps.is_step_field(entity, name):
                they_changed = False  # no common history and nothing on their side: never blank out ours
                we_changed = True
            else:
                they_changed = True
                we_changed = self._edited_here_since(ours["uuid"], name)
            changes[name] = (they_changed, we_changed or not owned)  # typed on both sides: the user decides
        diffs: list[FieldDiff] = []
        kept = 0
        step = [n for n in differing if steps.is_step_field(entity, n)]
        for name in differing:
            they_changed, we_changed = changes[name]
            if name in step:
                continue
            if not they_changed:
                kept += 1
                continue
            diffs.append(self._diff(entity, name, ours, theirs, their_uuid, conflict=we_changed))
        warning = ""
        if step:
            if any(changes[n][0] for n in step):
                warning = steps.skipped(ours, theirs, self.step_kinds.get(their_uuid, set()) | self._our_steps(ours))
                conflict = warning != "" or any(changes[n][1] for n in step)
                diffs.append(self._step_diff(step, ours, theirs, their_uuid, conflict=conflict, warning=warning))
            else:
                kept += len(step)
        if not diffs:
            return None, kept
        kind = ItemKind.CONFLICT if any(d.conflict for d in diffs) else ItemKind.CHANGED
        note = "；".join(t for t in (note, warning) if t)
        return Item(kind, entity, theirs["uuid"], title, their_uuid, diffs, note, kept, revisions), kept

    def _our_steps(self, ours: dict[str, Any]) -> set[str]:
        issue_id = self.index.by_uuid["issue"].get(ours["uuid"])
        return set(self.session.scalars(select(IssueNote.kind).where(IssueNote.issue_id == issue_id)))

    def _step_diff(self, names: list[str], ours: dict[str, Any], theirs: dict[str, Any], their_uuid: str, *,
                   conflict: bool, warning: str) -> FieldDiff:
        """The whole life-cycle step as one diff: every step field of each side, decided together."""
        parts = [self._diff("issue", n, ours, theirs, their_uuid, conflict=conflict) for n in names]

        def text(side: str) -> str:
            return "；".join(f"{p.label}：{getattr(p, side + '_text')}" for p in parts)

        theirs_text = text("theirs") + (f"（⚠{warning}）" if warning else "")
        return FieldDiff(steps.STEP, {n: ours.get(n) for n in steps.STEP_FIELDS},
                         {n: theirs.get(n) for n in steps.STEP_FIELDS}, text("ours"), theirs_text,
                         parts[0].ours_by, parts[0].theirs_by, conflict)

    def _edited_here_since(self, row_uuid: str, name: str) -> bool:
        stmt = select(func.count(AuditLog.id)).where(
            AuditLog.entity_uuid == row_uuid, AuditLog.field == name, AuditLog.action == "update",
            AuditLog.reverted_by.is_(None),  # a change taken back by a restore or undo is not in the data
            # their own values, merged earlier: known by the mark the merge wrote, never by the operator text
            or_(AuditLog.source.is_(None), AuditLog.source != merge_source(self.peer)))
        if self.last_exchange is not None:
            stmt = stmt.where(AuditLog.at >= self.last_exchange)
        return bool(self.session.scalar(stmt))

    def _diff(self, entity: str, name: str, ours: dict[str, Any], theirs: dict[str, Any], their_uuid: str, *,
              conflict: bool) -> FieldDiff:
        mine = self.session.scalars(select(AuditLog).where(
            AuditLog.entity_uuid == ours["uuid"], AuditLog.field == name).order_by(AuditLog.id.desc()).limit(1)).first()
        ours_by = f"{mine.operator} {_when(mine.at)}" if mine else ""
        if mine is None:  # never edited here: say who entered the record instead
            mine = self.session.scalars(select(AuditLog).where(
                AuditLog.entity_uuid == ours["uuid"], AuditLog.action == "create").limit(1)).first()
            ours_by = f"录入：{mine.operator} {_when(mine.at)}" if mine else ""
        theirs_entry = self.their_audit.get((their_uuid, name))
        theirs_by = f"{theirs_entry.get('operator', '')} {str(theirs_entry.get('at', ''))[:16]}" if theirs_entry else ""
        if theirs_entry is None and (their_uuid, "") in self.their_audit:
            created = self.their_audit[(their_uuid, "")]
            theirs_by = f"录入：{created.get('operator', '')} {str(created.get('at', ''))[:16]}"
        return FieldDiff(
            name, ours.get(name), theirs.get(name),
            self.display(entity, name, ours.get(name)), self.display(entity, name, theirs.get(name)),
            ours_by, theirs_by, conflict,
        )

    def display(self, entity: str, name: str, value: Any) -> str:
        """A value as the user reads it: labels for codes, names for references."""
        if value is None or value == "" or value == []:
            return "（空）"
        if isinstance(value, bool):
            return "是" if value else "否"
        column = codec.table_for(entity).c.get(name)
        if column is not None:
            target = codec.reference_target(entity, column, None)
            if target is not None:
                return self._title(target, str(value))
        link = next((lk for lk in codec.LINK_FIELDS.get(entity, ()) if lk.name == name), None)
        if link is not None:
            return "、".join(self._title(link.target_entity, str(v)) for v in value)
        return table_labels.value_label(name, str(value), entity)

    def _title(self, entity: str, row_uuid: str) -> str:
        if row_uuid in self.their_titles:
            return self.their_titles[row_uuid]
        key = (entity, row_uuid)
        if key not in self._local_titles:
            local_id = self.index.by_uuid.get(entity, {}).get(row_uuid)
            rows = codec.read_rows(self.session, entity, self.index, [local_id]) if local_id else {}
            self._local_titles[key] = codec.row_title(entity, rows[local_id]) if rows else row_uuid[:8]
        return self._local_titles[key]

    def _deletions(self) -> list[Item]:
        items = []
        seen: set[str] = set()
        in_package = {r["uuid"] for rows in self.package.tables.values() for r in rows}
        for tomb in self.package.deletions:
            if not isinstance(tomb, dict):
                continue
            entity, row_uuid = tomb.get("entity"), str(tomb.get("uuid"))
            if entity not in codec.ENTITY_ORDER or row_uuid in seen or row_uuid in in_package:
                continue
            seen.add(row_uuid)
            if row_uuid not in self.index.by_uuid[entity]:
                continue
            title = self._title(entity, row_uuid)
            note = f"对方 {tomb.get('operator', '')} 于 {str(tomb.get('at', ''))[:16]} 删除"
            holder = kept.held_by(self.session, entity, self.index.by_uuid[entity][row_uuid])
            if holder:
                items.append(Item(ItemKind.KEPT, entity, row_uuid, title, row_uuid, note=f"{note}；{holder}"))
                continue
            items.append(Item(ItemKind.DELETE, entity, row_uuid, title, row_uuid, note=note))
        return items


def _agreed_revision(base: dict[str, Any] | None) -> tuple[int, str] | None:
    """The revision of the state last agreed with the peer, if the baseline was kept with one."""
    value = (base or {}).get(codec.BASELINE_REVISION)
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
        return int(value[0]), str(value[1])
    return None


def merge_source(peer_name: str) -> str:
    """The `AuditLog.source` of the rows a merge of `peer_name`'s package writes."""
    return f"merge:{peer_name}"[:160]


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else ""
