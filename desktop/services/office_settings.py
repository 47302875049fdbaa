"""Office-wide settings stored with the data (they travel with backups and exchanges), with typed defaults."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from desktop.db.models import AppSetting
from desktop.services.figures import LagThresholds

DEFAULTS: dict[str, Any] = {
    "office_name": "区重点项目服务保障办公室",
    "masthead_name": "工作简报",
    "lag_yellow_points": 10,
    "lag_red_points": 30,
    "due_soon_days": 7,
    "font_profile": "国标经典",
}


def get(session: Session, key: str) -> Any:
    row = session.get(AppSetting, key)
    return DEFAULTS.get(key) if row is None else row.value


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def thresholds(session: Session) -> LagThresholds:
    return LagThresholds(Decimal(str(get(session, "lag_yellow_points"))), Decimal(str(get(session, "lag_red_points"))))
