"""Dialogs for the issue life-cycle steps: new issue, assign, escalate, a dated note (progress/resolve/phase/reopen),
and close with feedback. Each only collects values; the caller's `submit` runs the service step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.db.enums import Feedback, IssueLevel
from desktop.services.directory import Choice
from desktop.services.issues.actions import IssueInput
from desktop.ui.dates import to_date, to_qdate
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.forms.ui_assign_dialog import Ui_AssignDialog
from desktop.ui.forms.ui_close_dialog import Ui_CloseDialog
from desktop.ui.forms.ui_escalate_dialog import Ui_EscalateDialog
from desktop.ui.forms.ui_issue_dialog import Ui_IssueDialog
from desktop.ui.forms.ui_note_dialog import Ui_NoteDialog
from desktop.ui.widgets.date_edit import DateEdit

SOURCES = (("visit", "走访发现"), ("meeting", "会议提出"), ("enterprise", "企业反映"), ("other", "其他"))


def fill_combo(combo: QComboBox, choices: list[Choice], empty: str | None = None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in choices:
        combo.addItem(label, value)
    if combo.isEditable():
        # Typing filters the list (contains, not prefix), so a long unit list is quick to pick from.
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)


def combo_value(combo: QComboBox) -> int | None:
    """The chosen id; for an editable combo the typed text must match an entry exactly."""
    index = combo.findText(combo.currentText()) if combo.isEditable() else combo.currentIndex()
    return combo.itemData(index) if index >= 0 else None


def unmatched(combo: QComboBox, field: str, register: str) -> str | None:
    """Why an editable combo cannot be read: text typed that names no entry. Without this the typed name was
    read as "none chosen": a 交办 refused as 「责任单位」不能为空 beside the name the clerk had typed, a new issue
    as 请选择问题所属的项目 beside the project typed."""
    text = combo.currentText().strip()
    if not text or combo_value(combo) is not None:
        return None
    combo.setFocus()
    return f"「{field}」：“{text}”不在{register}中，请从列表中选择（输入几个字可列出包含它的{register[:2]}）。"


def issue_caption(text: str, project: str) -> str:
    short = text if len(text) <= 60 else text[:60] + "…"
    return f"<b>{project or '（无项目）'}</b>：{short}"


class IssueDialog(FormDialog):
    def __init__(self, projects: list[Choice], categories: list[Choice], today: date, *,
                 project_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_IssueDialog(), parent)
        f = self.form
        fill_combo(f.project_combo, projects)
        if project_id is not None:
            f.project_combo.setCurrentIndex(max(0, f.project_combo.findData(project_id)))
        fill_combo(f.category_combo, categories, "（未分类）")
        for code, label in SOURCES:
            f.source_combo.addItem(label, code)
        f.found_on_edit.set_today(today)
        f.found_on_edit.setDate(to_qdate(today))
        f.found_on_edit.setMaximumDate(to_qdate(today))

    def refusal(self) -> str | None:
        return unmatched(self.form.project_combo, "所属项目", "项目名单") or super().refusal()

    def value(self) -> IssueInput:
        f = self.form
        return IssueInput(
            description=f.description_edit.toPlainText(), found_on=to_date(f.found_on_edit.date()),
            project_id=combo_value(f.project_combo), category_id=f.category_combo.currentData(),
            found_by=f.found_by_edit.text().strip() or None, source=f.source_combo.currentData(),
        )


class AssignDialog(FormDialog):
    def __init__(self, caption: str, units: list[Choice], people: list[tuple[int, str, int | None]], today: date,
                 *, unit_id: int | None = None, person_id: int | None = None, deadline: date | None = None,
                 supporting: tuple[int, ...] = (), found_on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_AssignDialog(), parent)
        f = self.form
        f.issue_label.setText(caption)
        self._people = people
        fill_combo(f.unit_combo, units)
        f.unit_combo.setCurrentIndex(f.unit_combo.findData(unit_id) if unit_id else -1)
        self.supporting_model = QStandardItemModel(self)
        for uid, name in units:
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(uid, Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if uid in supporting else Qt.CheckState.Unchecked)
            self.supporting_model.appendRow(item)
        f.supporting_list_view.setModel(self.supporting_model)
        # No deadline is proposed: it decides what counts as overdue, so the clerk writes the one the office set.
        dated(f.deadline_edit, deadline, today, found_on)
        dated(f.on_edit, today, today, found_on)
        self._fill_people(person_id)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.form.unit_combo.currentIndexChanged.connect(lambda _i: self._fill_people(None))
        # A unit typed by its name changes the text, not the index: its people come first as well.
        self.form.unit_combo.editTextChanged.connect(self._unit_typed)

    def _unit_typed(self, _text: str) -> None:
        if combo_value(self.form.unit_combo) != self._people_for:
            self._fill_people(None)

    def _fill_people(self, person_id: int | None) -> None:
        """People of the chosen unit first, so the usual 责任人 is one click away."""
        unit_id = combo_value(self.form.unit_combo)
        self._people_for = unit_id
        ranked = sorted(self._people, key=lambda p: (p[2] != unit_id, p[1]))
        fill_combo(self.form.person_combo, [(pid, label) for pid, label, _u in ranked], "（暂不指定）")
        if person_id is not None:
            self.form.person_combo.setCurrentIndex(max(0, self.form.person_combo.findData(person_id)))

    def refusal(self) -> str | None:
        return unmatched(self.form.unit_combo, "责任单位", "单位名录") or super().refusal()

    def supporting_ids(self) -> list[int]:
        model = self.supporting_model
        return [model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())
                if model.item(r).checkState() == Qt.CheckState.Checked]

    def set_supporting(self, ids: list[int]) -> None:
        for r in range(self.supporting_model.rowCount()):
            item = self.supporting_model.item(r)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> dict:
        f = self.form
        return {"unit_id": combo_value(f.unit_combo), "deadline": to_date(f.deadline_edit.date()),
                "person_id": f.person_combo.currentData(), "supporting_unit_ids": self.supporting_ids(),
                "deadline_text": f.deadline_text_edit.text().strip() or None, "on": to_date(f.on_edit.date())}


class EscalateDialog(FormDialog):
    def __init__(self, caption: str, current_level: str, today: date, parent: QWidget | None = None, *,
                 found_on: date | None = None, reason: str = "") -> None:
        super().__init__(Ui_EscalateDialog(), parent)
        f = self.form
        f.issue_label.setText(caption)
        f.reason_edit.setPlainText(reason)
        current = IssueLevel(current_level)
        f.current_level_label.setText(current.label)
        for level in IssueLevel:
            if level.rank > current.rank:
                f.level_combo.addItem(level.label, level.value)
        dated(f.on_edit, today, today, found_on)

    def values(self) -> dict:
        f = self.form
        return {"to_level": f.level_combo.currentData() or "", "reason": f.reason_edit.toPlainText(),
                "on": to_date(f.on_edit.date())}


class NoteDialog(FormDialog):
    """One text and a date: 添加进展, 办结, 标记阶段性推进, 重新打开, 调出名单, 结束包保 all take this shape."""

    def __init__(self, title: str, caption: str, prompt: str, today: date, *, text: str = "",
                 found_on: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_NoteDialog(), parent)
        f = self.form
        self.setWindowTitle(title)
        f.issue_label.setText(caption)
        f.issue_label.setVisible(bool(caption))
        f.text_label.setText(prompt)
        f.text_edit.setPlainText(text)
        dated(f.on_edit, today, today, found_on)

    def values(self) -> tuple[str, date]:
        return self.form.text_edit.toPlainText(), to_date(self.form.on_edit.date())


class CloseDialog(FormDialog):
    """销号: nothing is chosen for the clerk. The dialog does not finish until one answer is picked (满意 / 基本满意
    / 不满意), or 未能征求 with its reason where the office allows it; the service refuses the same."""

    def __init__(self, caption: str, today: date, parent: QWidget | None = None, *, allow_not_asked: bool = False,
                 found_on: date | None = None) -> None:
        super().__init__(Ui_CloseDialog(), parent)
        f = self.form
        f.issue_label.setText(caption)
        self._choices = {f.satisfied_radio: Feedback.SATISFIED, f.basically_radio: Feedback.BASICALLY,
                         f.unsatisfied_radio: Feedback.UNSATISFIED, f.not_asked_radio: Feedback.NOT_ASKED}
        for radio in (f.not_asked_radio, f.reason_label, f.reason_edit):
            radio.setVisible(allow_not_asked)
        f.reason_edit.setEnabled(False)
        dated(f.on_edit, today, today, found_on)
        f.feedback_group.buttonToggled.connect(self._on_feedback)

    def _on_feedback(self, *_args: object) -> None:
        asked = self.feedback() is not Feedback.NOT_ASKED
        self.form.reason_edit.setEnabled(not asked)
        if not asked:
            self.form.reason_edit.setFocus()
        self.form.error_label.clear()

    def feedback(self) -> Feedback | None:
        checked = self.form.feedback_group.checkedButton()
        return self._choices.get(checked) if checked is not None else None  # type: ignore[arg-type]

    def choose(self, feedback: Feedback) -> None:
        next(r for r, fb in self._choices.items() if fb is feedback).setChecked(True)

    def refusal(self) -> str | None:
        fb = self.feedback()
        answers = "、".join(f.label for f in Feedback.answers())
        if fb is None:
            self.form.satisfied_radio.setFocus()
            return f"请选择企业反馈（{answers}）：销号须记录企业的实际答复，本窗口不预设答案。"
        if fb is Feedback.NOT_ASKED and not self.form.reason_edit.text().strip():
            self.form.reason_edit.setFocus()
            return "选择“未能征求”时，须写明未能征求企业意见的原因。"
        return super().refusal()

    def values(self) -> dict:
        f = self.form
        fb = self.feedback()
        return {"feedback": fb.value if fb else None, "remark": f.remark_edit.text().strip() or None,
                "reason": f.reason_edit.text().strip() or None if fb is Feedback.NOT_ASKED else None,
                "on": to_date(f.on_edit.date())}


def dated(edit: DateEdit, value: date | None, today: date, found_on: date | None = None) -> None:
    """A date field of an issue step: `value` shown, 12-15 read in `today`'s year, a date before the issue was
    found questioned."""
    edit.set_today(today)
    edit.set_value(value)
    edit.set_not_before(found_on, "发现日期")


__all__ = ["AssignDialog", "CloseDialog", "EscalateDialog", "IssueDialog", "NoteDialog"]
