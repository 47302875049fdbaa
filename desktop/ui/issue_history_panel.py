"""The side panel beside the issue table: the selected issue's facts, escalation path, journal and audit rows.

Rendered as one HTML page in a QTextBrowser: a few dozen lines per issue, read top to bottom, newest first.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.forms.ui_issue_history_panel import Ui_IssueHistoryPanel

if TYPE_CHECKING:  # the panel is built before the services are imported (start-up first screen)
    from desktop.services.issues.history import IssueHistory



class IssueHistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_IssueHistoryPanel()
        self.form.setupUi(self)
        self.issue_id = 0
        self.show_history(None)

    def show_history(self, history: IssueHistory | None) -> None:
        self.issue_id = history.id if history else 0
        self.form.history_browser.setHtml(render(history) if history else
                                          "<p style='color:#666'>在问题台账中选择一个问题，这里显示它的办理过程、"
                                          "流转路径和修改记录。</p>")

    def text(self) -> str:
        return self.form.history_browser.toPlainText()


def render(h: IssueHistory) -> str:
    def row(label: str, value: str) -> str:
        return f"<tr><td style='color:#666;padding-right:6px'>{label}</td><td>{escape(value) or '—'}</td></tr>"

    parts = [f"<h3 style='margin:0'>{escape(h.title)}</h3>", "<table>",
             row("项目", h.project), row("状态", h.status_label), row("当前层级", h.level_label),
             row("责任单位", h.unit), row("责任人", h.person), row("配合单位", "、".join(h.supporting)),
             row("完成时限", h.deadline)]
    if h.phased_plan:
        parts.append(row("阶段性计划", h.phased_plan))
    if h.feedback:
        parts.append(row("企业反馈", h.feedback))
    parts.append("</table>")
    parts.append(f"<h4>流转路径</h4><p>{escape(h.level_path)}</p>")
    for e in h.escalations:
        parts.append(f"<p style='margin:2px 0'>{e.at:%Y-%m-%d %H:%M} {escape(e.from_label)} → {escape(e.to_label)}"
                     f"：{escape(e.reason)}<span style='color:#666'>（{escape(e.operator)}）</span></p>")
    parts.append("<h4>办理记录（最新在上）</h4>")
    for n in h.notes:
        parts.append(f"<p style='margin:2px 0'><b>{n.on:%Y-%m-%d}</b> [{escape(n.kind_label)}] "
                     f"{escape(n.text)} <span style='color:#666'>{escape(n.operator)}</span></p>")
    parts.append("<h4>修改记录（谁在何时改了什么）</h4>")
    for a in h.audit:
        if a.action == "update":
            what = f"{escape(a.field)}：{escape(a.old)} → {escape(a.new)}"
        elif a.action in ("undo", "redo"):  # the step row: which step, and the record before → after
            what = f"{escape(a.action_label)}“{escape(a.field)}”：{escape(a.old)} → {escape(a.new)}"
        else:
            what = escape(a.action_label)
        parts.append(f"<p style='margin:2px 0;color:#333'>{a.at:%Y-%m-%d %H:%M} {escape(a.operator)} {what}</p>")
    return "".join(parts)
