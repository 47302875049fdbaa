"""Writing a package for another office, and remembering what was sent.

Besides the rows, a package carries the audit entries of those rows (the latest per field, so the receiver can
show who changed what and when) and the deletions recorded in the audit log (tombstones), so that a deletion is
shown to the receiver instead of the row silently staying or vanishing. After writing, the sent state of each
row becomes the baseline for that recipient: the common ancestor used to detect conflicts later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import scratch
from desktop.db.models import AuditLog, ExchangeBaseline, ExchangeRecord
from desktop.errors import UserError
from desktop.services import attachment_files
from desktop.services.encryption import sealed
from desktop.services.exchange import codec, keys, office, sealed_package
from desktop.services.exchange.package import write_package
from desktop.services.exchange.selection import ExportScope, ScopeKind, select_rows
from desktop.workspace import Workspace


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    counts: dict[str, int]
    since: datetime | None
    encrypted_to: str | None = None  # the recipient's encryption key fingerprint, when sealed

    @property
    def total_rows(self) -> int:
        return sum(v for k, v in self.counts.items() if k not in ("deletions", "attachments"))


def export_package(workspace: Workspace, scope: ExportScope, target: Path, *, recipient: str | None,
                   today: date | None = None, encrypt: bool = True) -> ExportResult:
    """Write `target` (.kpx) with the rows of `scope`, signed with this office's key; record it in the history
    and the recipient's baselines. When this office has 加密备份和数据包 on, the package is sealed to the
    recipient's registered encryption key (refused, nothing written, when it has none); `encrypt=False`
    (`--no-encrypt`) writes it plain all the same, which the history row says."""
    recipient = (recipient or "").strip() or None
    if scope.kind is ScopeKind.SINCE_LAST and not recipient:
        raise UserError("按“上次发送以来的变动”导出时，必须填写接收单位。")
    if scope.kind in (ScopeKind.TASK_FORCE, ScopeKind.LEADER, ScopeKind.UNIT) and scope.ref_id is None:
        raise UserError(f"导出范围“{scope.as_dict()['label']}”需要选定具体对象。")
    today = today or date.today()
    signing_key = keys.office_private_key(workspace.data_dir)  # made on first use, outside the database
    with workspace.db.transaction() as session:
        me = office.identity(session)
        if recipient and recipient == me.name:
            raise UserError(f"接收单位「{recipient}」与本单位同名。请在导出设置中填写本单位的名称，以便对方区分来源。")
        index = codec.UuidIndex(session)
        high_water = session.scalar(select(func.max(AuditLog.id))) or 0
        ref_name = _ref_name(session, scope, index)
        selection = select_rows(session, scope, recipient=recipient, today=today, index=index)
        tables = {entity: sorted(rows.values(), key=lambda r: r["uuid"])
                  for entity, rows in selection.rows.items() if rows}
        uuids = {row["uuid"] for rows in tables.values() for row in rows}
        deletions = _tombstones(session, selection.since_audit_id)
        if not tables and not deletions:
            raise UserError("所选范围内没有可导出的记录" + ("（自上次发送以来没有变动）。" if selection.since else "。"))
        audit = _audit_entries(session, uuids)
        attachments = _attachment_files(workspace, tables.get("attachment", []))
        scope_info = scope.as_dict(ref_name)
        if selection.since:
            scope_info["since"] = selection.since.isoformat(sep=" ")
        sealed_to = sealed_package.recipient_key(session, recipient) if encrypt else None
        if sealed_to is None:
            manifest = write_package(Path(target), sender=me.as_dict(), recipient=recipient, scope=scope_info,
                                     tables=tables, deletions=deletions, audit=audit, attachments=attachments,
                                     key=signing_key)
        else:  # the plain package stays in the data folder, never beside the target (a USB stick)
            plain = scratch.scratch_file(workspace.data_dir, "package.kpx")
            try:
                manifest = write_package(plain, sender=me.as_dict(), recipient=recipient, scope=scope_info,
                                         tables=tables, deletions=deletions, audit=audit,
                                         attachments=attachments, key=signing_key)
                sealed_package.seal_file(plain, Path(target), sealed_to, recipient or "")
            finally:
                plain.unlink(missing_ok=True)
            scope_info["encrypted_to"] = sealed.fingerprint(sealed_to)
        if not encrypt:
            scope_info["not_encrypted"] = True
        if recipient:
            _remember_baselines(session, recipient, tables)
        session.add(ExchangeRecord(package_id=manifest["package_id"], direction="sent", peer_name=recipient or "（未指定）",
                                   operator=workspace.db.operator, scope=scope_info, counts=manifest["counts"],
                                   file_name=str(target), audit_high_water=high_water))
    return ExportResult(Path(target), manifest["package_id"], manifest["counts"], selection.since,
                        scope_info.get("encrypted_to"))


def _ref_name(session: Session, scope: ExportScope, index: codec.UuidIndex) -> str | None:
    entity = {ScopeKind.TASK_FORCE: "task_force", ScopeKind.LEADER: "leader", ScopeKind.UNIT: "unit"}.get(scope.kind)
    if entity is None:
        return None
    rows = codec.read_rows(session, entity, index, [scope.ref_id or 0])
    if not rows:
        raise UserError(f"找不到要导出的{codec.ENTITY_LABELS[entity]}（编号 {scope.ref_id}）。")
    return codec.row_title(entity, next(iter(rows.values())))


def _audit_entries(session: Session, uuids: set[str]) -> list[dict[str, Any]]:
    """The creation entry and the latest change per field of each exported row (older history stays home)."""
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    stmt = select(AuditLog).where(AuditLog.action != "delete", AuditLog.entity.in_(codec.ENTITY_ORDER),
                                  AuditLog.reverted_by.is_(None)).order_by(AuditLog.id)
    for entry in session.scalars(stmt):
        if entry.entity_uuid not in uuids:
            continue
        latest[(entry.entity_uuid, entry.action, entry.field or "")] = {
            "entity": entry.entity, "uuid": entry.entity_uuid, "action": entry.action, "field": entry.field,
            "operator": entry.operator, "at": entry.at.isoformat(sep=" "), "new_value": entry.new_value,
        }
    return list(latest.values())


def _tombstones(session: Session, since_audit_id: int | None) -> list[dict[str, Any]]:
    # a deletion taken back by a restore or merge undo is no deletion: the row is here again
    stmt = select(AuditLog).where(AuditLog.action == "delete", AuditLog.entity.in_(codec.ENTITY_ORDER),
                                  AuditLog.entity_uuid.is_not(None), AuditLog.reverted_by.is_(None)).order_by(AuditLog.id)
    if since_audit_id is not None:
        stmt = stmt.where(AuditLog.id > since_audit_id)
    return [{"entity": e.entity, "uuid": e.entity_uuid, "at": e.at.isoformat(sep=" "), "operator": e.operator,
             "summary": e.old_value or ""} for e in session.scalars(stmt)]


def _attachment_files(workspace: Workspace, rows: list[dict[str, Any]]) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for row in rows:
        path = attachment_files.stored_path(workspace.attachments_dir, row["sha256"])
        if not path.exists():
            raise UserError(f"附件「{row['filename']}」的文件在数据文件夹中找不到（{path.name[:12]}…），无法导出。")
        files[row["sha256"]] = path
    return files


def _remember_baselines(session: Session, peer: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    existing = {b.entity_uuid: b for b in session.scalars(
        select(ExchangeBaseline).where(ExchangeBaseline.peer_name == peer))}
    for entity, rows in tables.items():
        for row in rows:
            remember(session, existing, peer, entity, row["uuid"], codec.baseline_fields(entity, row))


def remember(session: Session, existing: dict[str, ExchangeBaseline], peer: str, entity: str, row_uuid: str,
             values: dict[str, Any]) -> None:
    """Set the agreed state of one row with `peer` (insert or overwrite)."""
    baseline = existing.get(row_uuid)
    if baseline is None:
        baseline = ExchangeBaseline(peer_name=peer, entity=entity, entity_uuid=row_uuid, fields=values)
        session.add(baseline)
        existing[row_uuid] = baseline
    else:
        baseline.fields = values
        baseline.at = datetime.now().replace(microsecond=0)
