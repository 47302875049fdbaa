"""Chinese names of the tables, for every message that names one: the 操作日志, backup summaries, exchange
previews (through services/table_labels.py) and the database layer's own report of a damaged table."""

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
    "app_setting": "系统设置",
    "import_batch": "导入记录",
    "minutes_draft": "纪要草稿",
    "supervision_notice": "督办文书",
    "supervision_item": "督办事项",
    "feedback_round": "反馈轮次",
    "feedback_item": "反馈事项",
    "feedback_reply": "收取的反馈表",
    "feedback_request": "单位申请",
    "database": "数据库",  # not a table: the subject of a 恢复备份 row in the 操作日志
    "exchange_record": "数据交换记录",
    "plan_version": "包保方案版本",
    "fill_template": "上级填报模板",
    "fill_template_file": "上级填报模板文件",
    "exchange_baseline": "数据交换基线",
    "import_item": "导入明细",
    "exchange_peer_key": "对方单位公钥",
}


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)
