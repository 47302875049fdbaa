"""反馈 → 收取反馈: the returned files (chosen, or dropped on the dialog or the window), one preview for all, then
the answers taken on the worker in one transaction after a backup.

The layout is `forms/feedback_collect_dialog.ui`. Each file is a top row (unit, round, what it holds, or why it is
refused); each of its rows shows what the unit reported beside the current record and the verdict. New answers are
checked, conflicts (the office changed the issue after the form went out) unchecked: the clerk decides per item.
What is applied is judged again inside the writing transaction (services/feedback/collect.py), so a preview that
went stale cannot apply something it did not show.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from desktop.ui.forms.ui_feedback_collect_dialog import Ui_FeedbackCollectDialog
from desktop.ui.ops import Change, Ops

if TYPE_CHECKING:
    from desktop.services.feedback.collect import CollectResult
    from desktop.services.feedback.preview import CollectPreview, FileReport, RowReport
    from desktop.workspace import Workspace

KEY_ROLE = Qt.ItemDataRole.UserRole
FILE_FILTER = "反馈表 (*.xlsx *.xlsm *.xls *.et *.csv)"


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local files and folders in a drop; nothing else (web links, text) is taken."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _answer_text(row: RowReport) -> str:
    answer = row.answer
    if row.project_id is not None:  # a 投资进度填报 row: the figures, what 序时进度 becomes, 形象进度, 存在问题
        return str(answer.summary())
    parts = [answer.status or "", answer.progress or ""]
    if answer.expected:
        parts.append(f"预计完成：{answer.expected.isoformat()}")
    if answer.coordination:
        parts.append(f"需协调：{answer.coordination}")
    return "；".join(p for p in parts if p)


class FeedbackCollectDialog(QDialog):
    def __init__(self, ops: Ops, today: date, start_dir: Path, parent: QWidget | None = None,
                 paths: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today
        self.start_dir = start_dir
        self.form = Ui_FeedbackCollectDialog()
        self.form.setupUi(self)
        self.paths: list[Path] = []
        self.preview: CollectPreview | None = None
        self.result: CollectResult | None = None
        self.busy = False
        header = self.form.preview_tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((220, 200, 200, 160, 70)):
            self.form.preview_tree.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.ok_button.setText("采用勾选的反馈")
        self.form.add_files_button.clicked.connect(self._add_files)
        self.form.add_folder_button.clicked.connect(self._add_folder)
        self.form.clear_button.clicked.connect(lambda: self.set_paths([]))
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)
        self._show_summary()
        if paths:
            self.set_paths(paths)

    @property
    def ok_button(self) -> QPushButton:
        return self.form.button_box.button(QDialogButtonBox.StandardButton.Ok)

    # --- choosing files -----------------------------------------------------------------------------------
    def _add_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "选择报回的反馈表", str(self.start_dir), FILE_FILTER)
        if names:
            self.set_paths(self.paths + [Path(n) for n in names])

    def _add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择存放反馈表的文件夹", str(self.start_dir))
        if chosen:
            self.set_paths([*self.paths, Path(chosen)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.set_paths(self.paths + paths)

    def set_paths(self, paths: list[Path]) -> None:
        """Read the files anew (on the worker) whenever the set changes."""
        unique: list[Path] = []
        for path in paths:
            if path not in unique:
                unique.append(path)
        self.paths = unique
        self.preview = None
        self.form.preview_tree.clear()
        self.form.error_label.clear()
        if not unique:
            self._show_summary()
            return
        self.busy = True
        self._show_summary("正在读取反馈表……")
        chosen, today = list(unique), self.today

        def work(workspace: Workspace) -> CollectPreview:
            from desktop.services.feedback.collect import preview_collect

            return preview_collect(workspace.db, chosen, today=today)

        self.ops.run(work, lambda preview: self._previewed(chosen, preview), self._refused,
                     on_broken=lambda: self._refused(""))

    # --- the preview --------------------------------------------------------------------------------------
    def _previewed(self, chosen: list[Path], preview: CollectPreview) -> None:
        if chosen != self.paths:  # the set changed while this was read: its own answer follows
            return
        self.busy = False
        self.preview = preview
        tree = self.form.preview_tree
        tree.clear()
        for report in preview.files:
            tree.addTopLevelItem(self._file_item(report))
        tree.expandAll()
        self._show_summary()

    def _file_item(self, report: FileReport) -> QTreeWidgetItem:
        from desktop.services.feedback.preview import Verdict

        head = report.unit or "（未识别单位）"
        if report.round_name:
            head += f" · {report.round_name}"
        counts = "，".join(f"{v.label}{report.count(v)}行" for v in Verdict if report.count(v))
        note = report.refusal or report.already or "；".join(report.notes)
        top = QTreeWidgetItem([report.name, head, "", "", counts or ("不予采用" if report.refusal else ""), note])
        top.setToolTip(5, note)
        for row in report.rows:
            reasons = "；".join([*row.reasons, *(f"已忽略：{e}" for e in row.locked_edits)])
            current = "；".join(p for p in (row.current_status, row.current_progress) if p)
            child = QTreeWidgetItem([f"第{row.row.row}行 {row.project}", row.problem, _answer_text(row), current,
                                     row.verdict.label, reasons])
            for column in (1, 2, 3, 5):
                child.setToolTip(column, child.text(column))
            if row.takeable and row.item_id is not None:
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = row.verdict is Verdict.NEW
                child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                child.setData(0, KEY_ROLE, (report.sha256, row.item_id, row.verdict.value))
            top.addChild(child)
        for problem in report.new_problems:
            found = problem.found_on.isoformat() if problem.found_on else "未填，未记录"
            reported = f"发现日期：{found}" + (f"；{problem.remarks}" if problem.remarks else "")
            child = QTreeWidgetItem([f"新增问题 第{problem.row.row}行 {problem.project}", problem.description, reported,
                                     "（新问题，采用后为待交办）" if problem.taken else "", problem.label,
                                     "；".join(problem.reasons)])
            for column in (1, 2, 5):
                child.setToolTip(column, child.text(column))
            if problem.taken:
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked)
                child.setData(0, KEY_ROLE, (report.sha256, problem.row.row, "new_problem"))
            top.addChild(child)
        return top

    def _rows(self) -> list[QTreeWidgetItem]:
        tree = self.form.preview_tree
        return [tree.topLevelItem(n).child(m) for n in range(tree.topLevelItemCount())
                for m in range(tree.topLevelItem(n).childCount())]

    def choice(self) -> tuple[bool, frozenset[tuple[str, int]], frozenset[tuple[str, int]], int]:
        """(include conflicts, the item rows left out, the new-problem rows left out, how many are checked)."""
        include_conflicts, declined, declined_new, checked = False, set(), set(), 0
        for item in self._rows():
            key = item.data(0, KEY_ROLE)
            if key is None:
                continue
            sha, number, verdict = key
            if item.checkState(0) == Qt.CheckState.Checked:
                checked += 1
                include_conflicts = include_conflicts or verdict == "conflict"
            elif verdict == "new_problem":
                declined_new.add((sha, number))
            else:
                declined.add((sha, number))
        return include_conflicts, frozenset(declined), frozenset(declined_new), checked

    def _show_summary(self, text: str | None = None) -> None:
        if text is None:
            if self.preview is None:
                text = "尚未选择文件。"
            else:
                from desktop.services.feedback.preview import Verdict

                counts = "，".join(f"{v.label}{self.preview.count(v)}行" for v in Verdict if self.preview.count(v))
                text = f"{len(self.preview.files)}个文件：{counts or '没有数据行'}。勾选的新反馈将记入各问题的办理进展" \
                       "（投资进度填报记入月度投资表）；冲突的行（发出后办公室已修改过该问题或该月数字）默认不采用，" \
                       "确认后可勾选。问题状态不因反馈而改变。"
        self.form.summary_label.setText(text)
        self.ok_button.setEnabled(self.preview is not None and not self.busy)

    # --- taking the answers -------------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        self.busy = False
        self.form.error_label.setText(message)
        self._show_summary()

    def accept(self) -> None:
        if self.busy or self.preview is None:
            return
        include_conflicts, declined, declined_new, checked = self.choice()
        if not checked:
            self.form.error_label.setText("没有勾选要采用的反馈。")
            return
        paths, today = list(self.paths), self.today
        self.busy = True
        self._show_summary(f"正在备份并采用{checked}项反馈……")

        def work(workspace: Workspace) -> CollectResult:
            from desktop.services.feedback.collect import collect

            return collect(workspace.db, paths, data_dir=workspace.data_dir, include_conflicts=include_conflicts,
                           declined=declined, declined_new=declined_new, today=today)

        self.ops.run(work, self._collected, self._refused, on_broken=lambda: self._refused(""))

    def _collected(self, result: CollectResult) -> None:
        self.busy = False
        self.result = result
        taken = [row.issue_id for _report, row in result.preview.takeable(True) if row.issue_id is not None]
        decided = any(row.decision_id is not None for _report, row in result.preview.takeable(True))
        if result.new_issues:  # new rows in the ledger and the tree's counts: re-read everything
            self.ops.notify(Change(everything=True))
        else:
            self.ops.notify(Change(issues=frozenset(taken), decisions=decided, settings=True,
                                   projects=frozenset(result.projects),
                                   records=frozenset({"investment"} if result.projects else ())))
        issues = result.taken - len(result.projects)
        said = [f"{issues}项问题反馈记入各问题的办理进展，问题状态未改变"] if issues or not result.projects else []
        if result.projects:
            said.append(f"{len(result.projects)}个项目的投资进度记入月度投资表，序时进度按新数重算")
        lines = [f"已采用{result.taken}项反馈（{result.replies}个文件）：{'；'.join(said)}。"]
        if result.new_issues:
            lines.append(f"登记单位报告的新问题{len(result.new_issues)}个（待交办，请在问题台账中交办）。")
        if result.backup_path is not None:
            lines.append(f"采用前的数据已备份到：{result.backup_path}")
        if result.batch_id is not None:
            lines.append("如需整体撤销本次收取：反馈 → 反馈情况 → 撤销最近一次收取。")
        if result.requests:
            lines.append("需办公室处理的申请（反馈 → 单位申请，或待办提醒中处理）：")
            lines += [f"  {line}" for line in result.requests]
        self.summary_text = "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, "收取反馈", self.summary_text, QMessageBox.StandardButton.Ok,
                          self.parentWidget())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.result_box = box
        super().accept()
