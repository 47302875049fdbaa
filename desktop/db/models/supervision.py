"""督办 instruments: 提示单 / 督办单 / 催办通知 issued to a unit against its overdue items, numbered per kind and year.

A notice is kept as issued: the items it named, each with its deadline and days overdue on the day of issue, so that
the register and every reprint say what the unit was actually told. A notice is never deleted and its number never
given again: a mistaken one is withdrawn (撤回, with the reason) and stays in the register as such.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin
from desktop.db.models.issue import Issue
from desktop.db.models.org import Unit


class SupervisionNotice(RowMixin, Base):
    __tablename__ = "supervision_notice"
    __table_args__ = (
        UniqueConstraint("kind", "year", "number", name="uq_supervision_notice_kind_year_number"),
        CheckConstraint("kind IN ('reminder', 'notice', 'urge')", name="kind_known"),
        CheckConstraint("number > 0", name="number_positive"),
    )

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    reply_due: Mapped[date] = mapped_column(Date, nullable=False)
    requirement: Mapped[str] = mapped_column(Text, nullable=False, default="")
    operator: Mapped[str | None] = mapped_column(String(64))
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply_text: Mapped[str | None] = mapped_column(Text)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)

    unit: Mapped[Unit] = relationship()
    items: Mapped[list[SupervisionItem]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="SupervisionItem.position")


class SupervisionItem(RowMixin, Base):
    """One item a notice named, as it stood that day."""

    __tablename__ = "supervision_item"
    __table_args__ = (UniqueConstraint("notice_id", "issue_id", name="uq_supervision_item_notice_issue"),)

    notice_id: Mapped[int] = mapped_column(ForeignKey("supervision_notice.id", ondelete="CASCADE"), index=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    deadline: Mapped[date | None] = mapped_column(Date)
    days_overdue: Mapped[int] = mapped_column(Integer, nullable=False)
    round: Mapped[int] = mapped_column(Integer, nullable=False)  # 第N次督办 of this issue

    notice: Mapped[SupervisionNotice] = relationship(back_populates="items")
    issue: Mapped[Issue] = relationship()
