"""Small helpers every service that writes shares: the operator's name, today's date, fetching a row or failing."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from desktop.errors import NotFound

T = TypeVar("T")


def operator_of(session: Session) -> str:
    return str(session.info.get("operator") or "系统")


def get_or_fail(session: Session, model: type[T], row_id: int, what: str) -> T:
    obj = session.get(model, row_id)
    if obj is None:
        raise NotFound(f"找不到{what}（编号 {row_id}），可能已被删除，请刷新后重试。")
    return obj


def cn_date(d: date | None) -> str:
    """2026年6月30日 — no zero padding, as GB/T 9704 writes dates."""
    return "" if d is None else f"{d.year}年{d.month}月{d.day}日"
