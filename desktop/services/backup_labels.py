"""Chinese names for the tables a backup counts, so a user can tell at a glance what a backup holds."""

from __future__ import annotations

TABLE_LABELS: dict[str, str] = {
    "project": "重点项目",
    "issue": "问题",
    "issue_note": "办理进展",
    "escalation": "流转记录",
    "meeting": "会议",
    "agenda_item": "议题",
    "decision": "议定事项",
    "decision_note": "议定事项进展",
    "visit": "走访/包保活动",
    "enterprise": "企业",
    "unit": "单位",
    "person": "干部",
    "leader": "包保领导",
    "assignment": "包保关系",
    "task_force": "项目专班",
    "category": "类别",
    "investment_report": "投资进度",
    "milestone": "形象进度节点",
    "briefing": "简报/通报",
    "attachment": "附件记录",
    "audit_log": "操作日志",
}

MAIN_TABLES = ("project", "issue", "meeting", "decision", "visit", "enterprise", "audit_log")


def count_lines(counts: dict[str, int]) -> list[str]:
    """The counts users care about first, then the rest on one line."""
    main = [f"{TABLE_LABELS[t]}：{counts[t]}" for t in MAIN_TABLES if t in counts]
    rest = [f"{TABLE_LABELS.get(t, t)}{counts[t]}" for t in sorted(counts) if t not in MAIN_TABLES and counts[t]]
    lines = ["；".join(main)] if main else []
    if rest:
        lines.append("其他：" + "，".join(rest))
    return lines
