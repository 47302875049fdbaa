"""Closed vocabularies of the domain.

Values are stored as their short English codes so that the database stays readable in any locale; the Chinese
labels the offices use live here, once, and every layer (UI, exports, imports) asks for them.
"""

from __future__ import annotations

from enum import StrEnum


class IssueStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    PHASED = "phased"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _ISSUE_STATUS_LABELS[self]

    @property
    def is_done(self) -> bool:
        """Counted as 办结 in 办结率: the unit reported it done, whether or not it is closed yet."""
        return self in (IssueStatus.RESOLVED, IssueStatus.CLOSED)

    @property
    def is_open(self) -> bool:
        return not self.is_done


_ISSUE_STATUS_LABELS = {
    IssueStatus.NEW: "待交办",
    IssueStatus.ASSIGNED: "办理中",
    IssueStatus.PHASED: "阶段性推进",
    IssueStatus.RESOLVED: "已办结",
    IssueStatus.CLOSED: "已销号",
}


class IssueLevel(StrEnum):
    SITE = "site"
    TASK_FORCE = "task_force"
    DISTRICT = "district"
    CITY = "city"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]

    @property
    def rank(self) -> int:
        return list(IssueLevel).index(self)


_LEVEL_LABELS = {
    IssueLevel.SITE: "现场解决",
    IssueLevel.TASK_FORCE: "专班/工作组",
    IssueLevel.DISTRICT: "区级",
    IssueLevel.CITY: "市级",
}


class Feedback(StrEnum):
    """The enterprise's (or unit's) answer recorded at 销号. NOT_ASKED records that nobody could be asked — only
    where the office allows it, and always with the reason (the record never says 满意 when nobody said so)."""

    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"
    NOT_ASKED = "not_asked"

    @property
    def label(self) -> str:
        return _FEEDBACK_LABELS[self]

    @classmethod
    def answers(cls) -> tuple[Feedback, ...]:
        """The answers someone actually gave."""
        return (cls.SATISFIED, cls.BASICALLY, cls.UNSATISFIED)


_FEEDBACK_LABELS = {
    Feedback.SATISFIED: "满意",
    Feedback.BASICALLY: "基本满意",
    Feedback.UNSATISFIED: "不满意",
    Feedback.NOT_ASKED: "未能征求",
}


class ProjectStage(StrEnum):
    PLANNING = "planning"
    PRELIMINARY = "preliminary"
    NEW_START = "new_start"
    CONTINUING = "continuing"
    COMPLETED = "completed"
    IN_USE = "in_use"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {
    ProjectStage.PLANNING: "谋划",
    ProjectStage.PRELIMINARY: "前期",
    ProjectStage.NEW_START: "新开工",
    ProjectStage.CONTINUING: "续建",
    ProjectStage.COMPLETED: "竣工",
    ProjectStage.IN_USE: "投用",
}


class LeaderRole(StrEnum):
    LEAD = "lead"
    SUPPORT = "support"

    @property
    def label(self) -> str:
        return "牵头" if self is LeaderRole.LEAD else "包保"


class MeetingType(StrEnum):
    PROGRESS = "progress"
    DISPATCH = "dispatch"
    SPECIAL = "special"
    ONSITE = "onsite"
    WEEKLY = "weekly"

    @property
    def label(self) -> str:
        return _MEETING_LABELS[self]


_MEETING_LABELS = {
    MeetingType.PROGRESS: "推进会",
    MeetingType.DISPATCH: "调度会",
    MeetingType.SPECIAL: "专题会",
    MeetingType.ONSITE: "现场会",
    MeetingType.WEEKLY: "周会商",
}


class CategoryKind(StrEnum):
    """Which dictionary a category entry belongs to."""

    PROJECT = "project"
    ISSUE = "issue"


class BriefingKind(StrEnum):
    """A numbered document the office issues and keeps exactly as issued (the `briefing` table)."""

    BRIEFING = "briefing"
    NOTICE = "notice"
    SUMMARY = "summary"  # 年度/半年工作总结

    @property
    def label(self) -> str:
        return _BRIEFING_LABELS[self]


_BRIEFING_LABELS = {
    BriefingKind.BRIEFING: "工作简报",
    BriefingKind.NOTICE: "工作通报",
    BriefingKind.SUMMARY: "工作总结",
}


def label_of(enum_cls: type[StrEnum], code: str | None) -> str:
    """Chinese label for a stored code; an unknown code is shown as-is rather than hidden."""
    if code is None:
        return ""
    try:
        return enum_cls(code).label  # type: ignore[attr-defined]
    except ValueError:
        return code


class RequestKind(StrEnum):
    """What a unit's answer on a 反馈表 asks of the office (services/feedback/requests.py)."""

    DONE = "done"  # 已办结: the unit says it is done; the office confirms or returns it
    EXTENSION = "extension"  # 申请延期: a new 完成时限 (the unit's 预计完成时间), approved or refused
    COORDINATION = "coordination"  # 需上级协调: escalated (流转) or answered

    @property
    def label(self) -> str:
        return _REQUEST_KIND_LABELS[self]


_REQUEST_KIND_LABELS = {
    RequestKind.DONE: "报告办结",
    RequestKind.EXTENSION: "申请延期",
    RequestKind.COORDINATION: "需上级协调",
}


class RequestState(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"  # 已办结 confirmed: the record is 已办结 with the unit's date
    RETURNED = "returned"  # 已办结 returned to the unit with the reason: still 办理中
    APPROVED = "approved"  # 延期 approved: 完成时限 = the unit's 预计完成时间
    REFUSED = "refused"  # 延期 refused with the reason: the deadline stands
    ESCALATED = "escalated"  # 协调: 流转 to a higher level
    ANSWERED = "answered"  # 协调: answered by the office
    SUPERSEDED = "superseded"  # a newer answer of the unit on the same item asks the same again

    @property
    def label(self) -> str:
        return _REQUEST_STATE_LABELS[self]


_REQUEST_STATE_LABELS = {
    RequestState.PENDING: "待处理",
    RequestState.CONFIRMED: "已确认办结",
    RequestState.RETURNED: "已退回",
    RequestState.APPROVED: "已同意延期",
    RequestState.REFUSED: "不同意延期",
    RequestState.ESCALATED: "已流转",
    RequestState.ANSWERED: "已答复",
    RequestState.SUPERSEDED: "被新申请取代",
}
