"""Office-wide settings stored with the data (they travel with backups and exchanges), with typed defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    # 工作通报 uses the same masthead style under its own name.
    "notice_masthead_name": "工作通报",
    # 报尾 of 简报/通报: who receives the printed copies (报 upwards, 送 peers, 发 downwards) and the print run.
    "report_to": ["区委、区政府主要领导"],
    "send_to": ["区级各包保领导"],
    "issue_to": ["各项目专班", "包保工作领导组各成员单位"],
    "copies": 30,
    # 销号 with 未能征求 (nobody could be asked, with the reason): off unless the office decides otherwise.
    "allow_feedback_not_asked": False,
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


@dataclass(frozen=True)
class Distribution:
    """The 报/送/发 lists and 共印份数 printed at the foot of every 简报 and 通报."""

    report_to: tuple[str, ...]
    send_to: tuple[str, ...]
    issue_to: tuple[str, ...]
    copies: int | None


def split_names(value: Any) -> tuple[str, ...]:
    """A stored list, or names typed with ，/, or one per line, as clean names.

    "、" is not a separator: one recipient is often written "区委、区政府主要领导".
    """
    if value is None:
        return ()
    parts = re.split(r"[，,;；\n]", value) if isinstance(value, str) else [str(v) for v in value]
    return tuple(p.strip() for p in parts if p and p.strip())


def distribution(session: Session) -> Distribution:
    copies = get(session, "copies")
    try:
        count = int(copies) if copies not in (None, "") else None
    except (TypeError, ValueError):
        count = None
    return Distribution(split_names(get(session, "report_to")), split_names(get(session, "send_to")),
                        split_names(get(session, "issue_to")), count if count and count > 0 else None)
