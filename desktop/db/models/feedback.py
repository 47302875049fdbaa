"""反馈轮次: the office sends each responsible unit a form of its open issues and collects what comes back.

A round is kept as sent: every item it named, with the issue's version and the office's own cells as they stood,
so that a returned form can be checked cell by cell (locked cells edited, the issue changed in the office since)
and the 反馈情况 (who replied, when, who is late) can be told per round. Each collected file is a reply; each row
taken from it leaves its digest on the item, which makes collecting the same answer twice a no-op.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin
from desktop.db.models.issue import Issue
from desktop.db.models.meeting import Decision
from desktop.db.models.org import Unit
from desktop.db.models.project import Project

# The two kinds of round (migration 0028): 问题办理反馈 (issues and decided items) and the monthly 投资进度填报.
ISSUE_KIND = "issue"
INVESTMENT_KIND = "investment"


class FeedbackRound(RowMixin, Base):
    __tablename__ = "feedback_round"

    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    sent_on: Mapped[date] = mapped_column(Date, nullable=False)
    operator: Mapped[str | None] = mapped_column(String(64))
    # The units the round went to, by name as on the day (the items carry their ids).
    units: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    # What the forms ask for (ISSUE_KIND / INVESTMENT_KIND); an investment round is for one month of one year.
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default=ISSUE_KIND, server_default=ISSUE_KIND)
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)

    items: Mapped[list[FeedbackItem]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="FeedbackItem.id")
    replies: Mapped[list[FeedbackReply]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="FeedbackReply.id")


ONE_RECORD = ("(CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN decision_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) = 1")


ONE_RECIPIENT = "(unit_id IS NULL) <> (recipient IS NULL)"


class FeedbackItem(RowMixin, Base):
    """One issue on one unit's form, as sent; `answer_sha256` is the digest of the unit's last answer taken."""

    __tablename__ = "feedback_item"
    __table_args__ = (UniqueConstraint("round_id", "issue_id", name="uq_feedback_item_round_issue"),
                      UniqueConstraint("round_id", "decision_id", name="uq_feedback_item_round_decision"),
                      UniqueConstraint("round_id", "project_id", name="uq_feedback_item_round_project"),
                      CheckConstraint(ONE_RECORD, name="one_record"),
                      CheckConstraint(ONE_RECIPIENT, name="one_recipient"))

    round_id: Mapped[int] = mapped_column(ForeignKey("feedback_round.id", ondelete="CASCADE"), index=True)
    # Whom the form went to: a unit, or (an investment round sent to the projects' owners, migration 0031) the
    # owner's name as the project records it; exactly one of the two.
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200))
    # The item is an issue or a decided item (migration 0025): exactly one of the two is set.
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issue.id", ondelete="RESTRICT"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"), index=True)
    # …or, in an investment round (migration 0028), a project: its month's figures, as sent in `sent_values`.
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    issue_version: Mapped[int] = mapped_column(Integer, nullable=False)
    # The office's cells as written: {"项目": …, "问题": …, "完成时限": …, "当前状态": …}.
    sent_values: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    answer_sha256: Mapped[str | None] = mapped_column(String(64))
    # The issue's version right after the last answer was taken: later office changes are conflicts again.
    answered_version: Mapped[int | None] = mapped_column(Integer)

    round: Mapped[FeedbackRound] = relationship(back_populates="items")
    unit: Mapped[Unit | None] = relationship()
    issue: Mapped[Issue | None] = relationship()
    decision: Mapped[Decision | None] = relationship()
    project: Mapped[Project | None] = relationship()

    @property
    def addressee(self) -> str:
        """The unit's name, or the owner's: whom the form went to."""
        if self.recipient is not None:
            return self.recipient
        assert self.unit is not None
        return self.unit.name

    @property
    def record(self) -> Issue | Decision | Project:
        """The issue, decided item or project this item names."""
        found = self.issue if self.issue_id is not None else self.decision if self.decision_id is not None \
            else self.project
        assert found is not None
        return found


class FeedbackReply(RowMixin, Base):
    """One returned file taken in (collect), with what it brought."""

    __tablename__ = "feedback_reply"
    __table_args__ = (CheckConstraint(ONE_RECIPIENT, name="one_recipient"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("feedback_round.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200))  # as on FeedbackItem
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    items_updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    operator: Mapped[str | None] = mapped_column(String(64))
    backup_file: Mapped[str | None] = mapped_column(Text)

    round: Mapped[FeedbackRound] = relationship(back_populates="replies")
    unit: Mapped[Unit | None] = relationship()


REQUEST_KIND_CHECK = "kind IN ('done', 'extension', 'coordination')"
REQUEST_STATE_CHECK = ("state IN ('pending', 'confirmed', 'returned', 'approved', 'refused', 'escalated', "
                       "'answered', 'superseded')")


class FeedbackRequest(RowMixin, Base):
    """What a unit's answer asks the office to decide (migration 0029): a reported 已办结 awaiting confirmation,
    a 申请延期 or a 需上级协调. Nothing in the record changes until the clerk decides; the decision is kept here
    (who, when, why; the deadline before an approved extension) and `undo` holds what it changed, so it can be
    taken back while nobody has worked on the record since."""

    __tablename__ = "feedback_request"
    __table_args__ = (CheckConstraint("(issue_id IS NULL) <> (decision_id IS NULL)", name="one_record"),
                      CheckConstraint(REQUEST_KIND_CHECK, name="kind_code"),
                      CheckConstraint(REQUEST_STATE_CHECK, name="state_code"))

    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_item.id", ondelete="CASCADE"), index=True)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issue.id", ondelete="RESTRICT"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="pending", index=True)
    reported_on: Mapped[date] = mapped_column(Date, nullable=False)  # the day the unit's file was collected
    unit_date: Mapped[date | None] = mapped_column(Date)  # the unit's 预计完成时间 (its done date for 已办结)
    unit_text: Mapped[str | None] = mapped_column(Text)  # what the unit wrote: 办理进展, 需协调事项
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    answer: Mapped[str | None] = mapped_column(Text)  # the reason of a refusal or return, an answer, a 流转 reason
    old_deadline: Mapped[date | None] = mapped_column(Date)  # 完成时限 before an approved extension
    old_deadline_text: Mapped[str | None] = mapped_column(String(64))
    undo: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    item: Mapped[FeedbackItem] = relationship()
    unit: Mapped[Unit] = relationship()
    issue: Mapped[Issue | None] = relationship()
    decision: Mapped[Decision | None] = relationship()

    @property
    def record(self) -> Issue | Decision:
        found = self.issue if self.issue_id is not None else self.decision
        assert found is not None
        return found
