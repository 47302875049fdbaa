"""Key projects and what is tracked per project: leaders (with history), milestones, monthly investment."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin
from desktop.db.models.org import Category, Leader, TaskForce, Unit


class Project(RowMixin, Base):
    """重点项目. Money in integer 元. A project taken off the list (动态调整) keeps its row with `removed_on`."""

    __tablename__ = "project"

    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    list_year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id", ondelete="RESTRICT"), index=True)
    task_force_id: Mapped[int | None] = mapped_column(ForeignKey("task_force.id", ondelete="SET NULL"), index=True)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    owner: Mapped[str | None] = mapped_column(String(200))  # 建设单位
    location: Mapped[str | None] = mapped_column(String(64))  # 街乡
    stage: Mapped[str] = mapped_column(String(16), nullable=False)
    total_investment_yuan: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    annual_plan_yuan: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    planned_start: Mapped[date | None] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date)
    started_on: Mapped[date | None] = mapped_column(Date)  # 开复工 date in its list year
    content: Mapped[str | None] = mapped_column(Text)  # 建设内容
    # 形象进度 and 备注 as the office's ledger writes them (migration 0021): text, the newest report's words.
    image_progress: Mapped[str | None] = mapped_column(Text)
    remarks: Mapped[str | None] = mapped_column(Text)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removed_reason: Mapped[str | None] = mapped_column(Text)

    category: Mapped[Category | None] = relationship()
    task_force: Mapped[TaskForce | None] = relationship()
    lead_unit: Mapped[Unit | None] = relationship()
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Assignment.start_date"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Milestone.sort_order"
    )

    @property
    def due_to_start(self) -> bool:
        """开复工 counts new starts and continuing projects: both must be on site this year."""
        return self.stage in ("new_start", "continuing")


class Assignment(RowMixin, Base):
    """包保 assignment of a leader to a project; ending it (with a reason) keeps the history of 动态调整."""

    __tablename__ = "assignment"

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("leader.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)

    project: Mapped[Project] = relationship(back_populates="assignments")
    leader: Mapped[Leader] = relationship()


class Milestone(RowMixin, Base):
    """形象进度节点: planned against actual."""

    __tablename__ = "milestone"

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    planned_date: Mapped[date | None] = mapped_column(Date)
    actual_date: Mapped[date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    project: Mapped[Project] = relationship(back_populates="milestones")


class InvestmentReport(RowMixin, Base):
    """One month of one project: the amount completed that month and, optionally, the office's target for it."""

    __tablename__ = "investment_report"
    __table_args__ = (UniqueConstraint("project_id", "year", "month", name="uq_investment_report_month"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    month: Mapped[int] = mapped_column(Integer, nullable=False)
    amount_yuan: Mapped[int | None] = mapped_column(BigInteger)
    target_yuan: Mapped[int | None] = mapped_column(BigInteger)
    remark: Mapped[str | None] = mapped_column(Text)  # the 投资进度表's 备注 for that month (migration 0021)


class PlanVersion(RowMixin, Base):
    """A dated 包保方案 as the office issued it (方案 name, 文号, date) or a revision of it (动态调整, with the reason).

    The assignments themselves carry who looked after what from when to when; a version names the dates the office
    itself treats as its plan, so the plan of any version is the assignments in force on its date.
    """

    __tablename__ = "plan_version"

    name: Mapped[str] = mapped_column(String(128), nullable=False)
    doc_number: Mapped[str | None] = mapped_column(String(64))  # e.g. 小店委办字〔2022〕6号
    issued_on: Mapped[date] = mapped_column(Date, nullable=False, unique=True)
    reason: Mapped[str | None] = mapped_column(Text)
