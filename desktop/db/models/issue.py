"""Issues (问题/诉求), their journal (办理进展) and escalations (流转)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, Date, DateTime, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin, now
from desktop.db.models.org import Category, Person, Unit
from desktop.db.models.project import Project

FEEDBACK_CODE_CHECK = "feedback IS NULL OR feedback IN ('satisfied', 'basically', 'unsatisfied', 'not_asked')"
FEEDBACK_REASON_CHECK = ("feedback IS NULL OR feedback <> 'not_asked' "
                         "OR (feedback_reason IS NOT NULL AND length(trim(feedback_reason)) > 0)")

issue_supporting_unit = Table(
    "issue_supporting_unit",
    Base.metadata,
    Column("issue_id", ForeignKey("issue.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id", ondelete="RESTRICT"), primary_key=True),
)


class Issue(RowMixin, Base):
    """A problem raised by or for a project or an enterprise, chased until closed (销号)."""

    __tablename__ = "issue"
    __table_args__ = (
        Index("ix_issue_status_deadline", "status", "deadline"),
        # covering index of the period figures (migration 0009): grouped scans read the index alone
        Index("ix_issue_period", "found_on", "status", "level", "deadline", "resolved_on", "lead_unit_id",
              "project_id"),
        CheckConstraint(
            "status IN ('new', 'assigned', 'phased', 'resolved', 'closed')", name="status_code"
        ),
        # migration 0010: only the four feedback codes, and 未能征求 never without its reason
        CheckConstraint(FEEDBACK_CODE_CHECK, name="feedback_code"),
        CheckConstraint(FEEDBACK_REASON_CHECK, name="feedback_reason"),
    )

    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(
        ForeignKey("enterprise.id", ondelete="RESTRICT"), index=True
    )
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id", ondelete="SET NULL"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str | None] = mapped_column(String(16))  # visit / meeting / enterprise / other
    found_by: Mapped[str | None] = mapped_column(String(64))
    found_on: Mapped[date | None] = mapped_column(Date, index=True)  # None: the ledger did not give it (0026)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="new")
    level: Mapped[str] = mapped_column(String(16), nullable=False, default="site")
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(64))  # e.g. 6月底前, kept as the office wrote it
    latest_progress: Mapped[str | None] = mapped_column(Text)
    phased_plan: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str | None] = mapped_column(String(16))
    feedback_reason: Mapped[str | None] = mapped_column(Text)  # why the feedback could not be asked (未能征求)

    project: Mapped[Project | None] = relationship()
    category: Mapped[Category | None] = relationship()
    lead_unit: Mapped[Unit | None] = relationship()
    person: Mapped[Person | None] = relationship()
    supporting_units: Mapped[list[Unit]] = relationship(secondary=issue_supporting_unit)
    notes: Mapped[list[IssueNote]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueNote.id"
    )
    escalations: Mapped[list[Escalation]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="Escalation.id"
    )


class IssueNote(RowMixin, Base):
    """One journal entry: progress, or the record of a life-cycle step (kind says which)."""

    __tablename__ = "issue_note"

    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    noted_on: Mapped[date] = mapped_column(Date, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    operator: Mapped[str | None] = mapped_column(String(64))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    issue: Mapped[Issue] = relationship(back_populates="notes")


class Escalation(RowMixin, Base):
    """流转 / 上报: the issue moved from one level to another, with the reason."""

    __tablename__ = "escalation"

    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"), index=True)
    from_level: Mapped[str] = mapped_column(String(16), nullable=False)
    to_level: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    escalated_at: Mapped[datetime] = mapped_column(DateTime, default=now, nullable=False)
    operator: Mapped[str | None] = mapped_column(String(64))

    issue: Mapped[Issue] = relationship(back_populates="escalations")
