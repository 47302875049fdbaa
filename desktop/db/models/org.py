"""Who does the work: units, people, leaders, task forces, and the editable category dictionaries."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.db.models.base import Base, RowMixin


class Category(RowMixin, Base):
    """项目类别 / 问题类别: a dictionary the office edits; `kind` says which one."""

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_category_kind_name"),)

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class Unit(RowMixin, Base):
    """责任单位 / 配合单位, as a tree: 市 → 区 → 部门/街乡."""

    __tablename__ = "unit"

    name: Mapped[str] = mapped_column(String(128), nullable=False, unique=True)
    short_name: Mapped[str | None] = mapped_column(String(64))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str | None] = mapped_column(String(16))  # 市级 / 区级 / 部门 / 街乡 / 企业 …
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id", back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")


class Person(RowMixin, Base):
    """干部 / 责任人."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(64), nullable=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))

    unit: Mapped[Unit | None] = relationship()


class Leader(RowMixin, Base):
    """包保领导: a district leader who looks after a few projects."""

    __tablename__ = "leader"

    name: Mapped[str] = mapped_column(String(64), nullable=False)
    title: Mapped[str | None] = mapped_column(String(64))  # e.g. 区委常委、常务副区长
    phone: Mapped[str | None] = mapped_column(String(32))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class TaskForce(RowMixin, Base):
    """项目专班: owns a group of projects."""

    __tablename__ = "task_force"

    name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("leader.id", ondelete="SET NULL"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    leader: Mapped[Leader | None] = relationship()
