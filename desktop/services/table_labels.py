"""The one table of Chinese names for what the database stores: tables, fields, actions, journal kinds and coded
values. The 操作日志 view, the issue history, the decided-item history, the backup summary and the data-exchange
previews all read it, so a user never meets a stored code (``closed``, ``assigned``, ``unsatisfied`` …) and one
field is called the same everywhere.
"""

from __future__ import annotations

import html
import json
import re
from enum import StrEnum

from desktop.db import enums
from desktop.db.table_names import TABLE_LABELS  # beside the models: the db layer names damaged tables too
from desktop.services.supervision.kinds import SupervisionKind

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
    "name": "名称", "short_name": "简称", "kind": "类型", "code": "项目编号", "title": "标题/职务",
    "description": "描述", "status": "状态", "level": "办理层级", "deadline": "完成时限",
    "deadline_text": "时限（原文）", "latest_progress": "最新进展", "phased_plan": "阶段性推进计划",
    "resolved_on": "办结日期", "closed_on": "销号日期", "feedback": "企业反馈", "feedback_reason": "未能征求原因",
    "lead_unit_id": "责任单位", "person_id": "责任人", "project_id": "项目", "enterprise_id": "企业",
    "category_id": "类别", "task_force_id": "专班", "leader_id": "领导", "unit_id": "单位", "parent_id": "上级单位",
    "phone": "电话", "stage": "项目阶段", "owner": "建设单位", "location": "街乡",
    "total_investment_yuan": "总投资（元）", "annual_plan_yuan": "年度计划投资（元）", "planned_start": "计划开工",
    "planned_end": "计划竣工", "started_on": "开复工日期", "content": "内容", "removed_on": "调出日期",
    "removed_reason": "调出原因", "found_on": "发现日期", "found_by": "发现人", "source": "来源", "text": "内容",
    "noted_on": "日期", "supporting_units": "配合单位", "issues": "关联问题", "remark": "备注", "seq": "序号",
    "topic": "议题", "held_at": "会议时间", "place": "地点", "chair": "主持人", "attendees": "出席", "on_leave": "请假", "observers": "列席",
    "amount_yuan": "完成投资（元）", "target_yuan": "目标（元）", "planned_date": "计划日期",
    "actual_date": "实际日期", "role": "角色", "start_date": "开始日期", "end_date": "结束日期",
    "end_reason": "调整原因", "visited_on": "走访日期", "caption": "说明", "filename": "文件名",
    "credit_code": "统一社会信用代码", "reason": "理由", "meeting_id": "会议", "decision_id": "议定事项",
    "issue_id": "问题", "cadre_id": "包联干部", "sort_order": "排序", "active": "启用", "visit_id": "来源走访",
    "list_year": "年度", "value": "值", "operator": "操作人", "from_level": "原层级", "to_level": "流转至",
    "escalated_at": "流转时间", "number": "期号", "year": "年度", "issued_on": "印发日期", "body": "正文",
    "recorder": "记录人", "minutes_html": "会议纪要正文", "cc": "抄送", "issuer": "印发单位", "companions": "同行人员",
    "industry": "所属行业", "address": "地址", "contact": "联系人", "size_flags": "企业规模", "remarks": "备注",
    "team": "服务专班", "image_progress": "形象进度", "month": "月份", "file_name": "文件名", "sheet": "工作表",
    "file_sha256": "文件校验值", "sha256": "文件校验值", "size": "文件大小（字节）", "backup_file": "导入前备份",
    "summary": "摘要", "undone_at": "撤销时间", "rows_created": "新增行数", "rows_updated": "更新行数",
    "rows_skipped": "跳过行数", "taken_on": "拍摄日期", "owner_table": "所属记录类型", "owner_id": "所属记录编号",
    "carried_from_decision_id": "续议自议定事项", "round_id": "反馈轮次", "position": "序号", "sent_on": "发出日期",
    "units": "单位", "received_on": "收到日期", "items_updated": "更新事项数", "issue_version": "发出时问题版本",
    "sent_values": "发出内容", "answer_sha256": "答复校验值", "answered_version": "答复时问题版本",
    "total_number": "总期号", "period_from": "统计起日", "period_to": "统计止日", "scope": "范围", "figures": "数据",
    "purpose": "用途", "signature": "表头特征", "header_version": "表头版本", "settings": "填报设置",
    "file_id": "模板文件", "last_used_at": "最近使用时间", "recipient": "填报对象（建设单位）",
}

# Where one table names a field more precisely than the generic name (the issue history reads these).
_TABLE_FIELD_LABELS: dict[str, dict[str, str]] = {
    "exchange_peer_key": {"public_key": "公钥登记"},
    "exchange_record": {"accept_unsigned": "接受来源未确认的数据包"},
    "audit_log": {"exchange_shared_key": "隐藏共享密钥"},
    "issue": {"description": "问题描述", "category_id": "问题类别", "project_id": "所属项目",
              "enterprise_id": "所属企业", "level": "当前层级", "deadline_text": "时限说明"},
    "decision": {"text": "议定事项"},
    "escalation": {"reason": "流转原因"},
    "project": {"description": "项目描述", "name": "项目名称", "content": "建设内容"},
    "supervision_notice": {"kind": "文书类型", "year": "年度", "number": "文号序号", "unit_id": "督办单位",
                           "issued_on": "签发日期", "reply_due": "回复期限", "requirement": "督办要求",
                           "replied_on": "回复日期", "reply_text": "回复内容", "withdrawn_on": "撤回日期",
                           "withdrawn_reason": "撤回原因", "operator": "经办人"},
    "feedback_request": {"item_id": "反馈表事项", "kind": "申请类型", "state": "处理情况", "reported_on": "报回日期",
                         "unit_date": "单位填写的日期", "unit_text": "单位填写的内容", "decided_on": "处理日期",
                         "decided_by": "处理人", "answer": "处理意见", "old_deadline": "原完成时限",
                         "old_deadline_text": "原时限说明", "undo": "撤销所需记录"},
    "plan_version": {"name": "方案名称", "doc_number": "文号", "issued_on": "印发日期", "reason": "调整原因"},
    "supervision_item": {"notice_id": "督办文书", "issue_id": "问题", "position": "序号", "deadline": "当时完成时限",
                         "days_overdue": "超期天数", "round": "第几次督办"},
}

# Office settings (`office_settings.DEFAULTS`), logged under the table "app_setting" with the key as the field.
SETTING_LABELS: dict[str, str] = {
    "office_name": "编印单位", "masthead_name": "简报名称", "notice_masthead_name": "通报名称",
    "lag_yellow_points": "黄灯阈值（百分点）", "lag_red_points": "红灯阈值（百分点）", "due_soon_days": "临期天数",
    "font_profile": "字体方案", "report_to": "报", "send_to": "送", "issue_to": "发", "copies": "共印份数",
    "allow_feedback_not_asked": "销号时允许“未能征求”企业意见",
    "exchange_shared_key": "共享密钥（已停用）", "exchange_office_id": "本单位交换编号",
    "exchange_office_name": "本单位交换名称",
    "office_uuid": "本单位标识", "office_label": "本单位名称", "supervision_ladder": "督办阶梯",
    "app_lock": "密码锁", "backup_mirror_dir": "第二备份位置", "feedback_secret": "回执签名密钥",
    "operators": "操作人名单",
}

ACTION_LABELS: dict[str, str] = {"create": "新增", "update": "修改", "delete": "删除", "undo": "撤销", "redo": "重做",
                                 "restore": "恢复备份", "undo_merge": "撤销合并",
                                 "rechain": "重新连接校验链"}
REVERTED_SUFFIX = "（已撤回）"  # a logged change a restore or merge undo took back: kept, but no longer in the data

# Journal entries (办理进展) of issues and decided items: what step wrote them.
NOTE_KIND_LABELS: dict[str, str] = {
    "found": "发现", "assign": "交办", "escalate": "流转", "progress": "进展", "phase": "阶段性推进",
    "resolve": "办结", "close": "销号", "reopen": "重新打开", "meeting": "会议研究", "agenda": "列入议题",
    "import": "导入", "carry": "续议", "edit": "修改", "undo": "撤销", "supervise": "督办",
    "supervise_reply": "督办回复", "request": "单位申请", "extend": "延期",
}
_DECISION_NOTE_KINDS = {**NOTE_KIND_LABELS, "assign": "议定"}

SOURCE_LABELS: dict[str, str] = {"visit": "走访发现", "meeting": "会议提出", "enterprise": "企业反映", "other": "其他"}
_CATEGORY_KINDS = {enums.CategoryKind.PROJECT.value: "项目类别", enums.CategoryKind.ISSUE.value: "问题类别"}

# Coded columns: (table or "*", field) → the code's Chinese name.
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "status": enums.IssueStatus, "level": enums.IssueLevel, "feedback": enums.Feedback,
    "stage": enums.ProjectStage, "role": enums.LeaderRole, "from_level": enums.IssueLevel,
    "to_level": enums.IssueLevel,
}
_TABLE_VALUE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("issue_note", "kind"): NOTE_KIND_LABELS,
    ("decision_note", "kind"): _DECISION_NOTE_KINDS,
    ("meeting", "kind"): {m.value: m.label for m in enums.MeetingType},
    ("briefing", "kind"): {b.value: b.label for b in enums.BriefingKind},
    ("supervision_notice", "kind"): {k.value: k.label for k in SupervisionKind},
    ("category", "kind"): _CATEGORY_KINDS,
    ("feedback_request", "kind"): {k.value: k.label for k in enums.RequestKind},
    ("feedback_request", "state"): {k.value: k.label for k in enums.RequestState},
}
_BOOLEANS = {"True": "是", "False": "否", "true": "是", "false": "否"}


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


def field_label(name: str | None, table: str | None = None) -> str:
    if not name:
        return ""
    if table == "app_setting":
        return SETTING_LABELS.get(name, name)
    special = _TABLE_FIELD_LABELS.get(table or "", {})
    return special.get(name) or FIELD_LABELS.get(name, name)


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)


def note_kind_label(kind: str, table: str = "issue_note") -> str:
    labels = _DECISION_NOTE_KINDS if table == "decision_note" else NOTE_KIND_LABELS
    return labels.get(kind, kind)


def value_label(field: str | None, value: str | None, table: str | None = None) -> str:
    """A stored value as the office reads it: codes as their Chinese names, booleans as 是/否, JSON lists of an
    office setting as a 、-separated list. Anything else is shown as stored."""
    if value is None:
        return ""
    if not field:
        return value
    if table == "app_setting":
        if field == "app_lock" and value.startswith("{"):  # logged before the hook hid it: salt and hash
            return "已设置密码（记录中的密码哈希不显示）"
        return _setting_text(value)
    named = _TABLE_VALUE_LABELS.get((table or "", field))
    if named is not None:
        return named.get(value, value)
    if field == "source":
        return SOURCE_LABELS.get(value, value)
    if field == "minutes_html":
        return minutes_text(value)
    enum_cls = _ENUM_FIELDS.get(field)
    if enum_cls is not None:
        return enums.label_of(enum_cls, value)
    return _BOOLEANS.get(value, value)


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|tr)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def minutes_text(stored: str) -> str:
    """The minutes as the clerk wrote them, one paragraph a line: the log shows words, not the stored markup."""
    text = _TAG.sub("", _BLOCK_END.sub("\n", stored))
    return "\n".join(line for line in html.unescape(text).splitlines() if line.strip())


def _setting_text(value: str) -> str:
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    if isinstance(decoded, bool):
        return "是" if decoded else "否"
    if isinstance(decoded, list):
        return "、".join(str(v) for v in decoded)
    return "" if decoded is None else str(decoded)
