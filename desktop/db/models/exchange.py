"""What the offline exchange between offices remembers: the packages sent and received, and per peer office the
state of each row as last exchanged with it (the common ancestor that tells a conflict from a one-sided change).

Neither table is exchanged itself, and neither carries the RowMixin bookkeeping: they describe this office's
relationship with its peers, not shared project data.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.models.base import Base, now


class ExchangeRecord(Base):
    """One package written (sent) or merged (received), or the undoing of a merge; the exchange history."""

    __tablename__ = "exchange_record"
    __table_args__ = (Index("ix_exchange_record_package", "package_id", "direction"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), nullable=False)
    direction: Mapped[str] = mapped_column(String(16), nullable=False)  # sent / received / undone
    at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)
    peer_name: Mapped[str] = mapped_column(String(128), nullable=False)
    peer_office_id: Mapped[str | None] = mapped_column(String(36))
    operator: Mapped[str] = mapped_column(String(64), nullable=False)
    scope: Mapped[dict | None] = mapped_column(JSON)
    counts: Mapped[dict | None] = mapped_column(JSON)
    file_name: Mapped[str | None] = mapped_column(Text)
    backup_path: Mapped[str | None] = mapped_column(Text)
    audit_high_water: Mapped[int | None] = mapped_column(Integer)  # last audit id right after a merge (undo check)


class ExchangeBaseline(Base):
    """A row's fields (in wire form, links as local UUIDs) as this office and `peer_name` last agreed on them."""

    __tablename__ = "exchange_baseline"
    __table_args__ = (UniqueConstraint("peer_name", "entity_uuid", name="uq_exchange_baseline_peer_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_name: Mapped[str] = mapped_column(String(128), nullable=False)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    entity_uuid: Mapped[str] = mapped_column(String(36), nullable=False)
    fields: Mapped[dict] = mapped_column(JSON, nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)


class ExchangePeerKey(Base):
    """A peer office paired with this one: its id, the name it is known by here, and its Ed25519 public key.

    A package is believed only when it is signed by one of these keys and names the office the key belongs to; the
    key is registered once from the .kpk file the office hands over, its fingerprint compared by phone.
    """

    __tablename__ = "exchange_peer_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    public_key: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)  # base64 of the 32 raw bytes
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    # X25519, base64: packages for this office are sealed to it when encryption is on (none until it sends one)
    encryption_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)
    operator: Mapped[str] = mapped_column(String(64), nullable=False)
