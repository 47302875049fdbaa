"""All tables, importable from one place so metadata is complete wherever it is used."""

from desktop.db.models.admin import AppSetting, AuditLog, Briefing
from desktop.db.models.base import Base, RowMixin, now
from desktop.db.models.exchange import ExchangeBaseline, ExchangePeerKey, ExchangeRecord
from desktop.db.models.feedback import FeedbackItem, FeedbackReply, FeedbackRequest, FeedbackRound
from desktop.db.models.field import Attachment, Enterprise, Visit
from desktop.db.models.imports import ImportBatch, ImportItem
from desktop.db.models.issue import Escalation, Issue, IssueNote, issue_supporting_unit
from desktop.db.models.meeting import (
    AgendaItem,
    Decision,
    DecisionNote,
    Meeting,
    decision_issue,
    decision_supporting_unit,
)
from desktop.db.models.org import Category, Leader, Person, TaskForce, Unit
from desktop.db.models.project import Assignment, InvestmentReport, Milestone, PlanVersion, Project
from desktop.db.models.supervision import SupervisionItem, SupervisionNotice
from desktop.db.models.templates import FillTemplate, FillTemplateFile

__all__ = [
    "AgendaItem",
    "AppSetting",
    "Assignment",
    "Attachment",
    "AuditLog",
    "Base",
    "Briefing",
    "Category",
    "Decision",
    "DecisionNote",
    "Enterprise",
    "Escalation",
    "ExchangeBaseline",
    "ExchangePeerKey",
    "ExchangeRecord",
    "FeedbackItem",
    "FeedbackReply",
    "FeedbackRequest",
    "FeedbackRound",
    "FillTemplate",
    "FillTemplateFile",
    "ImportBatch",
    "ImportItem",
    "InvestmentReport",
    "Issue",
    "IssueNote",
    "Leader",
    "Meeting",
    "Milestone",
    "Person",
    "PlanVersion",
    "Project",
    "RowMixin",
    "SupervisionItem",
    "SupervisionNotice",
    "TaskForce",
    "Unit",
    "Visit",
    "decision_issue",
    "decision_supporting_unit",
    "issue_supporting_unit",
    "now",
]
