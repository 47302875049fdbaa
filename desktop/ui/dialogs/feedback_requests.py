"""反馈 → 单位申请: what the units' answers ask the office to decide, and the clerk's decision.

A unit's 已办结 awaits confirmation here (确认办结 with the unit's date, or 退回 with the reason); 申请延期 is approved
(the new 完成时限 is the unit's 预计完成时间) or refused; 需上级协调 is escalated (流转) or answered. The layout is
`forms/feedback_requests_dialog.ui`; the list is read and every decision made on the worker (services/feedback/
requests.py), the change broadcast tells the window, and each decision goes on the window's undo stack as well as
having its own 撤销处理 button. Nothing is decided by default: each button says what it does to the selected request.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QTableWidgetItem, QWidget

from desktop.ui.forms.ui_feedback_requests_dialog import Ui_FeedbackRequestsDialog
from desktop.ui.ops import Change, Ops

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.services.feedback.requests import RequestRow
    from desktop.workspace import Workspace

PENDING_COLOR = QColor("#1f3b66")
LEVELS = (("task_force", "专班/工作组"), ("district", "区级"), ("city", "市级"))
_LEVEL_RANK = {"现场解决": 0, "专班/工作组": 1, "区级": 2, "市级": 3}


class FeedbackRequestsDialog(QDialog):
    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.undo_stack = undo_stack
        self.form = Ui_FeedbackRequestsDialog()
        self.form.setupUi(self)
        self.rows: list[RequestRow] = []
        self.done_text: str = ""  # what the last decision did, as the dialog said it
        self.wanted: int | None = None  # a request to select once the list is read (from the 待办 panel)
        # Asked of the clerk (replaced in tests): a reason or answer, a done date, a level and reason for 流转.
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.ask_date: Callable[[str], date | None] = self._ask_date
        self.ask_level: Callable[[list[tuple[str, str]], str], tuple[str, str] | None] = self._ask_level
        self.form.request_table.verticalHeader().hide()  # the 编号 column names each request
        header = self.form.request_table.horizontalHeader()
        for column in range(9):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        f = self.form
        f.show_all_check.toggled.connect(lambda _on: self.reload())
        f.request_table.itemSelectionChanged.connect(self._selected)
        f.approve_button.clicked.connect(self.approve)
        f.refuse_button.clicked.connect(self.refuse)
        f.escalate_button.clicked.connect(self.escalate)
        f.answer_button.clicked.connect(self.answer)
        f.undo_button.clicked.connect(self.undo)
        f.button_box.rejected.connect(self.reject)
        self.ops.changed.connect(self._on_change)
        self.reload()

    # --- reading -------------------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.everything or change.settings or change.issues or change.decisions:
            self.reload()

    def reload(self) -> None:
        pending_only = not self.form.show_all_check.isChecked()

        def work(workspace: Workspace) -> list[RequestRow]:
            from desktop.services.feedback.requests import list_requests

            with workspace.db.read() as session:
                return list_requests(session, pending_only=pending_only)

        self.ops.run(work, self._loaded, self.form.error_label.setText)

    def _loaded(self, rows: list[RequestRow]) -> None:
        if not shiboken6.isValid(self):  # closed (and deleted) while the list was read
            return
        current = self.current()
        self.rows = rows
        table = self.form.request_table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            received = f"{row.round_name}，{row.reported_on.isoformat()}"
            cells = (str(row.id), row.kind_label, row.unit, row.project, row.text, row.asks,
                     row.deadline.isoformat() if row.deadline else "未定", received, row.state_label)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.pending:
                    item.setForeground(PENDING_COLOR)
                table.setItem(index, column, item)
        table.blockSignals(False)
        pending = sum(1 for r in rows if r.pending)
        self.form.summary_label.setText(f"待处理的单位申请{pending}项" + ("（报告已办结的须确认后才算办结；"
                                                                  "申请延期经同意才改完成时限）" if pending else "。"))
        wanted = self.wanted if self.wanted is not None else current.id if current is not None else None
        self.wanted = None
        keep = next((i for i, r in enumerate(rows) if r.id == wanted), 0 if rows else -1)
        if keep >= 0:
            table.selectRow(keep)
        self._selected()

    def current(self) -> RequestRow | None:
        selected = self.form.request_table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def select_request(self, request_id: int) -> None:
        index = next((i for i, r in enumerate(self.rows) if r.id == request_id), -1)
        if index >= 0:
            self.form.request_table.selectRow(index)

    def _selected(self) -> None:
        f, row = self.form, self.current()
        pending = row is not None and row.pending
        kind = row.kind if row is not None else ""
        f.approve_button.setEnabled(pending and kind in ("done", "extension"))
        f.refuse_button.setEnabled(pending and kind in ("done", "extension"))
        f.escalate_button.setEnabled(pending and kind == "coordination" and row is not None
                                     and row.record_kind == "issue")
        f.answer_button.setEnabled(pending and kind == "coordination")
        f.undo_button.setEnabled(row is not None and row.state not in ("pending", "superseded"))
        f.approve_button.setText("同意延期" if kind == "extension" else "确认办结")
        f.refuse_button.setText("不同意…" if kind == "extension" else "退回…")
        if row is None:
            f.detail_label.setText("")
            return
        said = f"；处理：{row.decided_on.isoformat() if row.decided_on else ''} {row.decided_by} {row.answer}" \
            if not row.pending else ""
        was = f"（原完成时限 {row.old_deadline.isoformat()}）" if row.old_deadline else ""
        f.detail_label.setText(f"{row.unit}：{row.asks}。现为{row.status}{('，' + row.level) if row.level else ''}；"
                               f"来自 {row.file_name}{said}{was}")

    # --- deciding ------------------------------------------------------------------------------------------
    def approve(self) -> None:
        row = self.current()
        if row is None or not row.pending:
            return
        request_id, today = row.id, self.today
        from desktop.services.feedback import requests

        if row.kind == "extension":
            if row.unit_date is None:
                self.form.error_label.setText("单位未填写预计完成时间，不能按申请延期；请选“不同意…”并说明。")
                return
            self._decide("同意延期", row, lambda s: requests.approve_extension(s, request_id, on=today))
            return
        done_on = None
        if row.unit_date is None or row.unit_date > today:
            done_on = self.ask_date("单位未填写办结日期（或填写的日期晚于今天）。\n请填写单位报告的办结日期：")
            if done_on is None:
                return
        self._decide("确认办结", row, lambda s: requests.confirm_done(s, request_id, done_on=done_on, on=today))

    def refuse(self) -> None:
        row = self.current()
        if row is None or not row.pending:
            return
        from desktop.services.feedback import requests

        request_id, today = row.id, self.today
        if row.kind == "done":
            reason = self.ask_text("退回办结", "退回原因（记入办理进展，问题继续办理）：")
            if reason is not None:
                self._decide("退回办结", row, lambda s: requests.return_done(s, request_id, reason, on=today))
        elif row.kind == "extension":
            reason = self.ask_text("不同意延期", "不同意的原因（完成时限不变）：")
            if reason is not None:
                self._decide("不同意延期", row, lambda s: requests.refuse_extension(s, request_id, reason, on=today))

    def escalate(self) -> None:
        row = self.current()
        if row is None or not row.pending or row.kind != "coordination":
            return
        from desktop.services.feedback import requests

        higher = [(code, label) for code, label in LEVELS if _LEVEL_RANK[label] > _LEVEL_RANK.get(row.level, 0)]
        if not higher:
            self.form.error_label.setText("该问题已在市级，不能再向上流转；请答复该协调申请。")
            return
        chosen = self.ask_level(higher, f"{row.unit}申请上级协调：{row.unit_text}" if row.unit_text else "")
        if chosen is None:
            return
        level, reason = chosen
        request_id, today = row.id, self.today
        self._decide("流转协调申请", row, lambda s: requests.escalate(s, request_id, level, reason, on=today))

    def answer(self) -> None:
        row = self.current()
        if row is None or not row.pending or row.kind != "coordination":
            return
        from desktop.services.feedback import requests

        text = self.ask_text("答复协调申请", "答复内容（记入办理进展）：")
        if text is not None:
            request_id, today = row.id, self.today
            self._decide("答复协调申请", row, lambda s: requests.answer(s, request_id, text, on=today))

    def _decide(self, label: str, row: RequestRow, step: Callable[[Session], object]) -> None:
        self.form.error_label.setText("")
        issue_id = row.record_id if row.record_kind == "issue" else None

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                step(session)

        def done(_none: None) -> None:
            if not shiboken6.isValid(self):
                self._notify_from(issue_id)
                return
            self.done_text = f"已{label}：{row.unit} · {row.text[:30]}"
            self.form.error_label.setText("")
            self.form.summary_label.setText(self.done_text)
            if self.undo_stack is not None:
                from desktop.ui.undo import RequestDecisionCommand

                self.undo_stack.push(RequestDecisionCommand(
                    f"{label}（单位申请 {row.id}）", self.ops, self.undo_stack, row.id, step, issue_id,
                    self._notify, self.form.error_label.setText, self.today))
            self._notify([issue_id] if issue_id is not None else [])

        self.ops.run(work, done, self.form.error_label.setText)

    def undo(self) -> None:
        row = self.current()
        if row is None or row.state in ("pending", "superseded"):
            return
        request_id, today = row.id, self.today
        issue_id = row.record_id if row.record_kind == "issue" else None

        def work(workspace: Workspace) -> None:
            from desktop.services.feedback import requests

            with workspace.db.transaction() as session:
                requests.undo_decision(session, request_id, on=today)

        def done(_none: None) -> None:
            if not shiboken6.isValid(self):
                self._notify_from(issue_id)
                return
            self.done_text = f"已撤销对单位申请 {request_id} 的处理，该申请重新待处理。"
            self.form.summary_label.setText(self.done_text)
            self._notify([issue_id] if issue_id is not None else [])

        self.ops.run(work, done, self.form.error_label.setText)

    def _notify(self, issue_ids: list[int]) -> None:
        self.ops.notify(Change(issues=frozenset(issue_ids), decisions=not issue_ids, settings=True))

    def _notify_from(self, issue_id: int | None) -> None:
        """The dialog closed before the decision was answered: the window still hears of it."""
        ids = [issue_id] if issue_id is not None else []
        self.ops.notify(Change(issues=frozenset(ids), decisions=not ids, settings=True))

    # --- asking --------------------------------------------------------------------------------------------
    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text if ok else None

    def _ask_date(self, label: str) -> date | None:
        from desktop.ui.widgets.date_text import DateTextError, parse_date_text

        proposed, problem = "", ""
        while True:
            text, ok = QInputDialog.getText(self, "办结日期", f"{problem}{label}", text=proposed)
            if not ok:
                return None
            try:
                day = parse_date_text(text, self.today)
            except DateTextError as exc:
                proposed, problem = text, f"{exc}\n"
                continue
            if day is not None:
                return day
            problem = "请填写日期。\n"

    def _ask_level(self, levels: list[tuple[str, str]], reason: str) -> tuple[str, str] | None:
        label, ok = QInputDialog.getItem(self, "流转", "流转至：", [lb for _c, lb in levels], 0, False)
        if not ok:
            return None
        text, ok = QInputDialog.getMultiLineText(self, "流转", "流转原因：", reason)
        if not ok:
            return None
        return next(code for code, lb in levels if lb == label), text
