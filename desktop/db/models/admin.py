"""Records about the records: the audit log, issued briefings, and office settings kept with the data."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.models.base import Base, RowMixin, now


class AuditLog(Base):
    """操作日志: append-only; one row per changed field. No version column: it is never updated."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False, index=True)
    operator: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # create / update / delete
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # Who besides the operator wrote the row: "merge:<peer office>" for a merged package. Set by the program, never
    # typed, so an operator name can never make a local edit look like a merged one (see exchange.preview).
    source: Mapped[str | None] = mapped_column(String(160))
    # The row (a 恢复备份 or 撤销合并 entry) whose return to an earlier database took this change back; the row
    # itself was carried over into that database so the log keeps it. Such rows describe no current data.
    reverted_by: Mapped[int | None] = mapped_column(Integer)
    # Tamper evidence (desktop.db.audit_chain): the row's place in the chain and sha256 over the previous row's
    # hash and this row's fields, both written when the row's transaction commits.
    chain_seq: Mapped[int | None] = mapped_column(Integer, index=True, unique=True)
    row_hash: Mapped[str | None] = mapped_column(String(64))


class Briefing(RowMixin, Base):
    """An issued 工作简报 / 工作通报, kept exactly as issued (text and the figures of that day)."""

    __tablename__ = "briefing"
    __table_args__ = (UniqueConstraint("kind", "year", "number", name="uq_briefing_kind_year_number"),)

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    total_number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    scope: Mapped[dict | None] = mapped_column(JSON)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    figures: Mapped[dict | None] = mapped_column(JSON)
    issued_on: Mapped[date | None] = mapped_column(Date)


class AppSetting(Base):
    """Office-wide settings that travel with the data (masthead name, thresholds …), as JSON values."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict | list | str | int | float | bool | None] = mapped_column(JSON)
