"""Chinese names for tables and common fields, for the backup summary and the 操作日志 view."""

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


FIELD_LABELS: dict[str, str] = {
    "name": "名称", "code": "编号", "status": "状态", "description": "描述", "deadline": "完成时限",
    "deadline_text": "时限（原文）", "lead_unit_id": "责任单位", "person_id": "责任人", "level": "层级",
    "latest_progress": "最新进展", "phased_plan": "阶段性推进计划", "resolved_on": "办结日期",
    "closed_on": "销号日期", "feedback": "企业反馈", "found_on": "发现日期", "found_by": "发现人",
    "category_id": "类别", "project_id": "项目", "enterprise_id": "企业", "stage": "阶段", "owner": "建设单位",
    "location": "位置", "total_investment_yuan": "总投资（元）", "annual_plan_yuan": "年度计划投资（元）",
    "planned_start": "计划开工", "planned_end": "计划竣工", "started_on": "开工日期", "content": "内容",
    "removed_on": "调出日期", "removed_reason": "调出原因", "text": "内容", "title": "标题", "value": "值",
    "short_name": "简称", "phone": "电话", "end_date": "结束日期", "end_reason": "调整原因", "role": "角色",
    "list_year": "年度", "task_force_id": "专班", "held_at": "时间", "place": "地点", "chair": "主持人",
}

ACTION_LABELS = {"create": "新增", "update": "修改", "delete": "删除"}


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


def field_label(name: str | None) -> str:
    if not name:
        return ""
    return FIELD_LABELS.get(name, name)
