"""The life cycle of issues and decided items, as a table: which action is allowed in which state, and why not.

Keeping the rule in one table means the UI can grey out actions and explain the refusal with the very same words
the service uses when it refuses.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.db.enums import IssueStatus
from desktop.errors import TransitionRefused


class Action(StrEnum):
    ASSIGN = "assign"
    ESCALATE = "escalate"
    PROGRESS = "progress"
    PHASE = "phase"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.ASSIGN: "交办",
    Action.ESCALATE: "流转/上报",
    Action.PROGRESS: "添加进展",
    Action.PHASE: "标记阶段性推进",
    Action.RESOLVE: "办结",
    Action.CLOSE: "销号",
    Action.REOPEN: "重新打开",
}

S = IssueStatus
# None = allowed; a string = the reason it is refused in that state.
_RULES: dict[Action, dict[IssueStatus, str | None]] = {
    Action.ASSIGN: {
        S.NEW: None, S.ASSIGNED: None, S.PHASED: None,
        S.RESOLVED: "已办结的事项不能再交办，如需继续办理请先重新打开",
        S.CLOSED: "已销号的事项不能再交办，如需继续办理请先重新打开",
    },
    Action.ESCALATE: {
        S.NEW: None, S.ASSIGNED: None, S.PHASED: None,
        S.RESOLVED: "已办结的事项无需流转",
        S.CLOSED: "已销号的事项无需流转",
    },
    Action.PROGRESS: {
        S.NEW: None, S.ASSIGNED: None, S.PHASED: None, S.RESOLVED: None,
        S.CLOSED: "已销号的事项不能再添加进展，如需继续办理请先重新打开",
    },
    Action.PHASE: {
        S.NEW: "尚未交办，请先交办责任单位和完成时限",
        S.ASSIGNED: None,
        S.PHASED: "已是阶段性推进状态",
        S.RESOLVED: "已办结的事项不能标记为阶段性推进",
        S.CLOSED: "已销号的事项不能标记为阶段性推进",
    },
    Action.RESOLVE: {
        S.NEW: None, S.ASSIGNED: None, S.PHASED: None,
        S.RESOLVED: "已经办结",
        S.CLOSED: "已经销号",
    },
    Action.CLOSE: {
        S.NEW: "尚未办结，不能销号：须责任单位办结并确认后才能销号",
        S.ASSIGNED: "尚未办结，不能销号：须责任单位办结并确认后才能销号",
        S.PHASED: "阶段性推进中，尚未办结，不能销号",
        S.RESOLVED: None,
        S.CLOSED: "已经销号",
    },
    Action.REOPEN: {
        S.NEW: "事项未办结，无需重新打开",
        S.ASSIGNED: "事项正在办理中，无需重新打开",
        S.PHASED: None,
        S.RESOLVED: None,
        S.CLOSED: None,
    },
}

DECISION_ACTIONS = (Action.ASSIGN, Action.PROGRESS, Action.PHASE, Action.RESOLVE, Action.CLOSE, Action.REOPEN)


def refusal(action: Action, status: str) -> str | None:
    """Why `action` is not allowed in `status`, or None when it is."""
    return _RULES[action][IssueStatus(status)]


def check(action: Action, status: str, *, what: str = "该问题") -> None:
    reason = refusal(action, status)
    if reason is not None:
        raise TransitionRefused(f"不能{action.label}{what}：{reason}。")


def allowed_actions(status: str, *, escalation: bool = True) -> list[Action]:
    actions = [a for a in Action if refusal(a, status) is None]
    return actions if escalation else [a for a in actions if a is not Action.ESCALATE]
