"""Meetings (推进会 …), their agenda (议题) and decided items (议定事项), tracked like issues."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin
from desktop.db.models.issue import FEEDBACK_CODE_CHECK, FEEDBACK_REASON_CHECK, Issue
from desktop.db.models.org import Person, Unit
from desktop.db.models.project import Project

decision_supporting_unit = Table(
    "decision_supporting_unit",
    Base.metadata,
    Column("decision_id", ForeignKey("decision.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True),
)

decision_issue = Table(
    "decision_issue",
    Base.metadata,
    Column("decision_id", ForeignKey("decision.id", ondelete="CASCADE"), primary_key=True),
    Column("issue_id", ForeignKey("issue.id", ondelete="CASCADE"), primary_key=True),
)


class Meeting(RowMixin, Base):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("kind", "year", "number", name="uq_meeting_kind_year_number"),)

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)  # 第N次 within kind and year
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    held_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    place: Mapped[str | None] = mapped_column(String(128))
    chair: Mapped[str | None] = mapped_column(String(64))
    attendees: Mapped[str | None] = mapped_column(Text)  # 出席, as the office wrote it (units, titles, names)
    on_leave: Mapped[str | None] = mapped_column(Text)  # 请假 (migration 0024)
    observers: Mapped[str | None] = mapped_column(Text)  # 列席 (migration 0024)
    recorder: Mapped[str | None] = mapped_column(String(64))
    minutes_html: Mapped[str | None] = mapped_column(Text)
    cc: Mapped[str | None] = mapped_column(Text)  # 抄送
    issuer: Mapped[str | None] = mapped_column(String(128))  # 印发机关
    issued_on: Mapped[date | None] = mapped_column(Date)

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.sort_order"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Decision.seq"
    )


class AgendaItem(RowMixin, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    topic: Mapped[str] = mapped_column(Text, nullable=False)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issue.id", ondelete="SET NULL"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    carried_from_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    issue: Mapped[Issue | None] = relationship()
    project: Mapped[Project | None] = relationship()


class Decision(RowMixin, Base):
    """议定事项: same life cycle as an issue, without escalation."""

    __tablename__ = "decision"
    __table_args__ = (  # migration 0010, as for issues
        CheckConstraint(FEEDBACK_CODE_CHECK, name="feedback_code"),
        CheckConstraint(FEEDBACK_REASON_CHECK, name="feedback_reason"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"), index=True)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="assigned")
    latest_progress: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str | None] = mapped_column(String(16))
    feedback_reason: Mapped[str | None] = mapped_column(Text)  # why the feedback could not be asked (未能征求)
    remark: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="decisions")
    project: Mapped[Project | None] = relationship()
    lead_unit: Mapped[Unit | None] = relationship()
    person: Mapped[Person | None] = relationship()
    supporting_units: Mapped[list[Unit]] = relationship(secondary=decision_supporting_unit)
    issues: Mapped[list[Issue]] = relationship(secondary=decision_issue)
    notes: Mapped[list[DecisionNote]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionNote.id"
    )


class DecisionNote(RowMixin, Base):
    __tablename__ = "decision_note"

    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    noted_on: Mapped[date] = mapped_column(Date, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    operator: Mapped[str | None] = mapped_column(String(64))

    decision: Mapped[Decision] = relationship(back_populates="notes")
