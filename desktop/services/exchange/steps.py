"""Life-cycle steps merge whole: an issue's status, its 办结/销号 dates, the enterprise's feedback and the step's
journal entries move together, never field by field.

Field-by-field merging could take their 销号日期 and 企业反馈 while keeping our 状态 (重新打开): an issue open again
yet carrying a closing date and a satisfaction nobody gave for it. So these fields are one unit in the preview
(one diff, one decision) and in the merge (all of theirs or all of ours); the journal entries that record a step
(交办, 阶段性推进, 办结, 销号, 重新打开, 流转) come in only when the step does. A package that would jump over the life
cycle (待交办 straight to 已办结/已销号 with no 交办 or 办结 entry on either side) is a conflict the user decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

STEP = "lifecycle"  # the decision key's field for the whole step
STEP_LABEL = "办理环节（状态、办结/销号日期、企业反馈及其日志）"
STEP_FIELDS = ("status", "phased_plan", "resolved_on", "closed_on", "feedback", "feedback_reason")
STEP_NOTE_KINDS = frozenset({"assign", "phase", "resolve", "close", "reopen", "escalate"})
_STATUS_LABELS = {"new": "待交办", "assigned": "已交办", "phased": "阶段性推进", "resolved": "已办结", "closed": "已销号"}


def is_step_field(entity: str, name: str) -> bool:
    return entity == "issue" and name in STEP_FIELDS


def fields_of(names: Iterable[str]) -> list[str]:
    """Decision fields → the columns they stand for (the step stands for all its fields)."""
    out: list[str] = []
    for name in names:
        out.extend(STEP_FIELDS if name == STEP else (name,))
    return out


def skipped(ours: dict[str, Any], theirs: dict[str, Any], note_kinds: set[str]) -> str:
    """Why their status is no life-cycle step from ours ('' when it is one): 待交办 → 办结/销号 with no 交办
    (or, for 销号, no 办结) entry in either journal."""
    if ours.get("status") != "new" or theirs.get("status") not in ("resolved", "closed"):
        return ""
    needed = [("assign", "交办")] + ([("resolve", "办结")] if theirs.get("status") == "closed" else [])
    missing = [label for kind, label in needed if kind not in note_kinds]
    if not missing:
        return ""
    return (f"跳过办理流程：对方由「待交办」直接改为「{_STATUS_LABELS[str(theirs['status'])]}」，"
            f"双方都没有{'、'.join(missing)}记录，需确认")
