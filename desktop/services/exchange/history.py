"""The exchange history as plain rows: what was sent and received, when, with whom, how much."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import ExchangeRecord
from desktop.services.exchange.codec import ENTITY_LABELS

DIRECTION_LABELS = {"sent": "发出", "received": "收到并合并", "undone": "撤销合并"}
_RESULT_LABELS = {"new": "新增", "changed": "修改", "conflicts_theirs": "冲突采用对方", "conflicts_ours": "冲突保留本方",
                  "undecided": "未决定", "deleted": "删除", "revived": "恢复", "attachments": "附件"}


@dataclass(frozen=True)
class HistoryRow:
    id: int
    at: datetime
    direction: str
    peer_name: str
    operator: str
    scope_text: str
    counts_text: str
    package_id: str
    file_name: str

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS.get(self.direction, self.direction)


def counts_text(counts: dict | None) -> str:
    if not counts:
        return ""
    parts = []
    for key, value in counts.items():
        if value and key != "kept_ours":
            label = ENTITY_LABELS.get(key) or _RESULT_LABELS.get(key) or ("删除记录" if key == "deletions" else key)
            parts.append(f"{label}{value}")
    return "，".join(parts) or "无改动"


def scope_text(scope: dict | None) -> str:
    if not scope:
        return ""
    text = str(scope.get("label") or "")
    if scope.get("ref_name"):
        text += f"：{scope['ref_name']}"
    if scope.get("since"):
        text += f"（{scope['since']} 以来）"
    return text


def load_history(session: Session, limit: int = 500) -> list[HistoryRow]:
    records = session.scalars(select(ExchangeRecord).order_by(ExchangeRecord.id.desc()).limit(limit))
    return [HistoryRow(r.id, r.at, r.direction, r.peer_name, r.operator, scope_text(r.scope), counts_text(r.counts),
                       r.package_id, r.file_name or "") for r in records]


def known_peers(session: Session) -> list[str]:
    """Offices this one has exchanged with, most recent first (for the recipient box)."""
    names: list[str] = []
    for name in session.scalars(select(ExchangeRecord.peer_name).order_by(ExchangeRecord.id.desc())):
        if name not in names and not name.startswith("（"):
            names.append(name)
    return names
