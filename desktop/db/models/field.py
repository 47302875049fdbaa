"""Work in the field: visits (走访/包保活动), enterprises (助企), and attachments stored as files by hash."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin
from desktop.db.models.org import Leader, Person
from desktop.db.models.project import Project


class Enterprise(RowMixin, Base):
    __tablename__ = "enterprise"

    name: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    industry: Mapped[str | None] = mapped_column(String(64))
    address: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(64))  # 街乡
    contact: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    size_flags: Mapped[str | None] = mapped_column(String(64))  # e.g. 四上企业
    remarks: Mapped[str | None] = mapped_column(Text)  # 备注 of the enterprise directory (migration 0021)
    cadre_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    # 一带三包: a leader (包联领导) leads a team (工作组) whose cadre (包联干部) serves the enterprise
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("leader.id", ondelete="SET NULL"), index=True)
    team: Mapped[str | None] = mapped_column(String(64))

    cadre: Mapped[Person | None] = relationship()
    leader: Mapped[Leader | None] = relationship()


class Visit(RowMixin, Base):
    __tablename__ = "visit"

    visited_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("leader.id", ondelete="RESTRICT"), index=True)
    companions: Mapped[str | None] = mapped_column(Text)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprise.id", ondelete="SET NULL"))
    content: Mapped[str] = mapped_column(Text, nullable=False)

    leader: Mapped[Leader | None] = relationship()
    project: Mapped[Project | None] = relationship()
    enterprise: Mapped[Enterprise | None] = relationship()


class Attachment(RowMixin, Base):
    """A photo or scan: the file lives in the data folder under its SHA-256, the row says whose it is."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    owner_table: Mapped[str] = mapped_column(String(32), nullable=False)
    owner_id: Mapped[int] = mapped_column(nullable=False)
    taken_on: Mapped[date | None] = mapped_column(Date)
    caption: Mapped[str | None] = mapped_column(Text)
