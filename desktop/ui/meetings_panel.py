"""The meetings tab: meeting list, and per meeting its agenda (议题), minutes (纪要) and decided items (议定事项).

Layout lives in forms/meetings_panel.ui. Every read and write is a service call run by `Ops` on its worker, the
answer put on screen back on the GUI thread. A write announces what it changed (`Change(meetings=…, issues=…)`:
an agenda entry is also a line in those issues' histories), and the panel re-reads from that broadcast like every
other part — so it follows a restore or a server switch too. Nothing waits on the GUI thread: a dialog that
needs data before it can show is opened by the callback of the read that brings it, and a dialog's OK hands its
write to the worker (`FormDialog.wait_for`), staying open with the refusal beside the input until it answers. Since
the worker is serial, a minutes save asked before an export or a dialog's write is in the database before they
read. The decided-items tab is driven by `DecisionTracker`; dialogs are run through `exec_dialog` so tests can fill
and accept them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from desktop.services.figures import Rate
from desktop.services.meetings import actions as meetings
from desktop.services.meetings import agenda
from desktop.services.meetings.actions import MeetingInput
from desktop.services.meetings.choices import MeetingChoices, load_choices
from desktop.services.meetings.detail import MeetingDetail, load_meeting
from desktop.services.meetings.rows import DecisionRow, MeetingRow, load_meetings
from desktop.ui.decision_actions import DecisionTracker
from desktop.ui.dialogs.issue_picker_dialog import IssuePickerDialog
from desktop.ui.dialogs.meeting_dialog import MeetingDialog
from desktop.ui.follow import Follow
from desktop.ui.forms.ui_meetings_panel import Ui_MeetingsPanel
from desktop.ui.meeting_facts import open_meeting_dialog
from desktop.ui.minutes_autosave import MinutesAutosave
from desktop.ui.models.meeting_table import MeetingTableModel
from desktop.ui.ops import Change, Ops
from desktop.ui.widgets.table_setup import configure_table
from desktop.workspace import Workspace

if TYPE_CHECKING:
    from desktop.ui.minutes_export import MinutesExporter

AGENDA_COLUMNS = ("序号", "来源", "议题")
ID_ROLE = Qt.ItemDataRole.UserRole
Loaded = tuple[list[MeetingRow], dict[int, list[DecisionRow]], MeetingChoices]


def _wants(change: Change) -> bool:
    return change.meetings or change.decisions


class MeetingsPanel(QWidget):
    def __init__(self, ops: Ops, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today or date.today()
        self._queued = False  # a reload waits on the worker: a second request is the same read
        self._select_after: int | None = None  # the meeting to show when the reload arrives
        self._wanted: int | None = None  # the meeting whose detail was asked for last
        self._agenda_row_after: int | None = None  # the agenda row to select once a move is shown
        self._after_shown: tuple[int, Callable[[], None]] | None = None  # `select_meeting`'s follow-up
        self.form = Ui_MeetingsPanel()
        self.form.setupUi(self)
        self.exec_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.current: MeetingDetail | None = None
        self._choices: MeetingChoices | None = None
        f = self.form
        self.meeting_model = MeetingTableModel(self)
        f.meeting_view.setModel(self.meeting_model)
        configure_table(f.meeting_view, (138, 84, 40, 40))
        self.agenda_model = QStandardItemModel(0, len(AGENDA_COLUMNS), self)
        self.agenda_model.setHorizontalHeaderLabels(list(AGENDA_COLUMNS))
        f.agenda_view.setModel(self.agenda_model)
        configure_table(f.agenda_view, (44, 72))
        f.meeting_view.setMinimumWidth(300)
        f.main_splitter.setSizes([420, 960])
        f.minutes_splitter.setSizes([700, 260])
        # Names the main window (and feat/ui's reminder jump) already use on the panel.
        self.summary_label = f.summary_label
        self.meeting_view = f.meeting_view
        self.decision_view = f.decision_view
        self.tracker = DecisionTracker(self)
        self._exporter: MinutesExporter | None = None
        self.autosave = MinutesAutosave(f.minutes_edit, ops.data_dir, self._save_minutes, self)
        self._connect_signals()
        self._show_meeting(None)
        self.follow = Follow(self, ops, self.refresh_current, _wants)
        self.follow.stale = False  # the window's loads fill it (`set_data`); the broadcast re-reads it

    @property
    def exporter(self) -> MinutesExporter:
        """The Word/PDF/print side, built on first use: it loads python-docx (~0.3 s), which a start must not
        wait for."""
        if self._exporter is None:
            from desktop.ui.minutes_export import MinutesExporter

            self._exporter = MinutesExporter(self)
        return self._exporter

    def _connect_signals(self) -> None:
        f = self.form
        f.meeting_view.selectionModel().currentRowChanged.connect(self._on_meeting_changed)
        f.new_meeting_button.clicked.connect(lambda: self.new_meeting())
        f.edit_meeting_button.clicked.connect(self.edit_meeting)
        f.delete_meeting_button.clicked.connect(self.delete_meeting)
        f.add_issues_button.clicked.connect(lambda: self.pick_issues())
        f.add_topic_button.clicked.connect(self.add_topic)
        f.move_up_button.clicked.connect(lambda: self.move_agenda_item(-1))
        f.move_down_button.clicked.connect(lambda: self.move_agenda_item(1))
        f.remove_agenda_button.clicked.connect(self.remove_agenda_item)
        f.bold_button.clicked.connect(f.minutes_edit.toggle_bold)
        f.heading1_button.clicked.connect(lambda: f.minutes_edit.set_heading(1))
        f.heading2_button.clicked.connect(lambda: f.minutes_edit.set_heading(2))
        f.heading3_button.clicked.connect(lambda: f.minutes_edit.set_heading(3))
        f.body_button.clicked.connect(lambda: f.minutes_edit.set_heading(0))
        f.ordered_list_button.clicked.connect(lambda: f.minutes_edit.make_list(True))
        f.bullet_list_button.clicked.connect(lambda: f.minutes_edit.make_list(False))
        f.minutes_edit.currentCharFormatChanged.connect(
            lambda fmt: f.bold_button.setChecked(fmt.fontWeight() >= 600))
        f.decision_from_selection_button.clicked.connect(self.decision_from_selection)
        f.add_decision_inline_button.clicked.connect(lambda: self.tracker.add_decision())
        f.side_decision_list.itemDoubleClicked.connect(lambda item: self.tracker.edit_decision(item.data(ID_ROLE)))
        self.autosave.state_changed.connect(f.save_state_label.setText)
        f.print_preview_button.clicked.connect(lambda: self.exporter.print_preview())
        f.export_pdf_button.clicked.connect(lambda: self.exporter.export_pdf())
        f.export_word_button.clicked.connect(lambda: self.exporter.export_word())

    # --- running things -----------------------------------------------------------------------------------
    def write(self, action: Callable[[Any], Any], change: Change, then: Callable[[Any], None] | None = None
              ) -> None:
        """Run one write in a transaction on the worker, then `then(result)` and announce `change` (the broadcast
        re-reads the panel); a refusal is shown in Chinese and nothing is announced."""

        def work(workspace: Workspace) -> Any:
            with workspace.db.transaction() as session:
                return action(session)

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.announce(change)

        self.ops.run(work, done, lambda message: QMessageBox.warning(self, "无法完成", message))

    def announce(self, change: Change) -> None:
        """A write of this panel's: re-read it now, shown or not (what it shows is what was just done), and tell
        everyone else."""
        self.refresh_current()
        self.ops.notify(change)

    def read(self, query: Callable[[Any], Any], then: Callable[[Any], None],
             failed: Callable[[str], None] | None = None) -> None:
        """Run one read on the worker and hand its answer to `then` on the GUI thread (a refusal to `failed`, or
        a message box)."""

        def work(workspace: Workspace) -> Any:
            with workspace.db.read() as session:
                return query(session)

        self.ops.run(work, then, failed or (lambda message: QMessageBox.warning(self, "无法完成", message)))

    def cached_choices(self) -> MeetingChoices | None:
        return self._choices

    def keep_choices(self, choices: MeetingChoices) -> None:
        self._choices = choices

    def show_after_write(self, meeting_id: int) -> None:
        """The meeting to show once the re-read after a write arrives."""
        self._select_after = meeting_id

    def with_choices(self, then: Callable[[MeetingChoices], None]) -> None:
        """The lists a dialog offers (units, people, projects …): those the last reload brought, or read first."""
        if self._choices is not None:
            then(self._choices)
            return

        def arrived(choices: MeetingChoices) -> None:
            self._choices = choices
            then(choices)

        self.read(load_choices, arrived)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getMultiLineText(self, title, label, text)
        return value if ok else None

    # --- meeting list -------------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        if select_id is not None:
            self._select_after = select_id
        if self._queued:
            return
        self._queued = True

        def work(workspace: Workspace) -> Loaded:
            self._queued = False  # a change from now on needs a read of its own
            with workspace.db.read() as session:
                return (*load_meetings(session), load_choices(session))

        self.ops.run(work, self._loaded)

    def _loaded(self, loaded: Loaded) -> None:
        rows, decisions, self._choices = loaded
        select_id, self._select_after = self._select_after, None
        self.set_data(rows, decisions, select_id=select_id)

    def set_data(self, rows: list[MeetingRow], decisions: dict[int, list[DecisionRow]], *,
                 select_id: int | None = None) -> None:
        keep = select_id or self._wanted  # the meeting asked for last (its detail may still be on its way)
        view = self.form.meeting_view
        view.selectionModel().blockSignals(True)
        self.meeting_model.set_rows(rows)
        view.selectionModel().blockSignals(False)
        total = sum(m.decided for m in rows)
        done = sum(m.done for m in rows)
        target_row = (self.meeting_model.row_of(keep) if keep is not None else None) or 0
        rate = Rate(done, total)
        self.summary_label.setText(f"共{len(rows)}次会议，议定事项{total}项，已完成{done}项，"
                                   f"办结率{rate.text}（{rate.short_text}）")
        if rows:
            view.selectRow(target_row)
            self._show_meeting(self.meeting_model.meeting_at(target_row).id)
        else:
            self._show_meeting(None)

    def current_meeting_id(self) -> int | None:
        return self.current.id if self.current is not None else None

    def select_meeting(self, meeting_id: int, then: Callable[[], None] | None = None) -> None:
        """Show a meeting chosen elsewhere (a reminder, a drill-down, the 导出 menu); `then()` once it is on
        screen (its detail is read on the worker), for callers that go on with it (export its minutes, select one
        of its decided items)."""
        row = self.meeting_model.row_of(meeting_id)
        if row is None:
            return
        if self.current_meeting_id() == meeting_id and self._wanted == meeting_id:
            self.form.meeting_view.selectRow(row)
            if then is not None:
                then()
            return
        self._after_shown = (meeting_id, then) if then is not None else None
        self.form.meeting_view.selectRow(row)  # its detail is read (`_show_meeting`), then `then` runs
        if self._wanted != meeting_id:
            self._show_meeting(meeting_id)

    def select_decision(self, meeting_id: int, decision_id: int) -> None:
        """Open a decided item where it is tracked (a reminder or a search result points here)."""
        self.form.detail_tabs.setCurrentWidget(self.form.decisions_tab)
        self.form.open_only_check.setChecked(False)
        self.select_meeting(meeting_id, lambda: self.tracker.select(decision_id))

    def _on_meeting_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self._show_meeting(self.meeting_model.meeting_at(current.row()).id)

    def refresh_current(self) -> None:
        """Reload the list (rates) and the open meeting after a write, keeping the editor's text as it is."""
        self.reload(self._select_after or self._wanted)

    def _show_meeting(self, meeting_id: int | None) -> None:
        self._wanted = meeting_id
        if meeting_id is None:
            self._put_meeting(None, None)
            return
        self.read(lambda session: load_meeting(session, meeting_id),
                  lambda detail: self._put_meeting(meeting_id, detail))

    def _put_meeting(self, meeting_id: int | None, detail: MeetingDetail | None) -> None:
        if meeting_id != self._wanted:
            return  # another meeting was chosen while this one was read: its own answer follows
        f = self.form
        same = self.current is not None and self.current.id == meeting_id
        self.current = detail
        has = self.current is not None
        for widget in (f.detail_tabs, f.edit_meeting_button, f.delete_meeting_button, f.print_preview_button,
                       f.export_pdf_button, f.export_word_button):
            widget.setEnabled(has)
        self._fill_header()
        self._fill_agenda()
        self.tracker.fill()
        if not same:
            self._load_minutes()
        after = self._after_shown
        if after is not None and after[0] == meeting_id and detail is not None:
            self._after_shown = None
            after[1]()

    def _fill_header(self) -> None:
        m = self.current
        if m is None:
            self.form.header_label.setText("请选择或新建一次会议。")
            return
        facts = "　".join(x for x in (m.held_at.strftime("%Y-%m-%d %H:%M"), m.place, f"主持：{m.chair}" if m.chair else "") if x)
        self.form.header_label.setText(f"<b>{m.label}</b>　{m.title}<br>{facts}")

    def _load_minutes(self) -> None:
        m = self.current
        draft = self.autosave.load(m.id if m else None, m.minutes_html if m else "")
        if draft is None:
            return
        answer = QMessageBox.question(
            self, "恢复未保存的纪要",
            f"发现{m.label}纪要有一份未保存的草稿（{draft.saved_at:%Y-%m-%d %H:%M:%S}），比已保存的内容新。\n"
            "是否恢复草稿？选择“否”将丢弃草稿。")
        if answer == QMessageBox.StandardButton.Yes:
            self.autosave.restore(draft)
        else:
            self.autosave.discard(draft)

    def _save_minutes(self, meeting_id: int, html: str, saved: Callable[[], None],
                      failed: Callable[[str], None]) -> None:
        """The autosave's write, on the worker: whatever is asked after it (an export's read, a dialog's write,
        the exit) finds the text in the database."""

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                meetings.save_minutes(session, meeting_id, html)

        self.ops.run(work, lambda _none: saved(), failed, on_broken=lambda: failed("发生意外错误，详情已记入日志"))

    # --- meeting facts ------------------------------------------------------------------------------------
    def meeting_dialog(self, initial: MeetingInput | None, opened: Callable[[MeetingDialog], None]) -> None:
        """新建会议 / 会议信息: the dialog, once what it offers is read (`ui/meeting_facts.py`)."""
        open_meeting_dialog(self, initial, opened)

    def new_meeting(self, then: Callable[[int], None] | None = None) -> None:
        """新建会议: the dialog opens once its lists are read; `then(id)` once the meeting is written (the re-read
        that shows it is under way). Nothing when cancelled."""

        def opened(dialog: MeetingDialog) -> None:
            accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
            if accepted and dialog.saved_id is not None and then is not None:
                then(dialog.saved_id)

        self.meeting_dialog(None, opened)

    def edit_meeting(self) -> None:
        m = self.current
        if m is None:
            return
        self.autosave.flush()
        initial = MeetingInput(kind=m.kind, title=m.title, held_at=m.held_at, number=m.number, place=m.place,
                               chair=m.chair, attendees=m.attendees, on_leave=m.on_leave,
                               observers=m.observers, recorder=m.recorder, cc=m.cc, issuer=m.issuer,
                               issued_on=m.issued_on)
        self.meeting_dialog(initial, self.exec_dialog)  # a save is announced, and the broadcast re-reads

    def delete_meeting(self) -> None:
        m = self.current
        if m is None:
            return
        answer = QMessageBox.question(self, "删除会议", f"确定删除{m.label}（{m.title}）？议题和纪要将一并删除。")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.autosave.flush()

        meeting_id = m.id

        def gone(_result: object) -> None:
            if self.autosave.meeting_id == meeting_id:
                self.autosave.detach()  # the meeting is gone: no save, no draft for it

        self.write(lambda s: meetings.delete_meeting(s, meeting_id),
                   Change(meetings=True, decisions=True, issues=frozenset(m.issue_ids)), gone)

    # --- agenda -------------------------------------------------------------------------------------------
    def _fill_agenda(self) -> None:
        self.agenda_model.removeRows(0, self.agenda_model.rowCount())
        if self.current is None:
            return
        for n, row in enumerate(self.current.agenda, start=1):
            items = [QStandardItem(str(n)), QStandardItem(row.source_label), QStandardItem(row.topic)]
            items[0].setData(row.id, ID_ROLE)
            items[2].setToolTip(row.topic)
            self.agenda_model.appendRow(items)
        self.form.detail_tabs.setTabText(0, f"议题（{len(self.current.agenda)}）")
        row_after, self._agenda_row_after = self._agenda_row_after, None
        if row_after is not None:
            self.form.agenda_view.selectRow(row_after)

    def _selected_agenda_id(self) -> int | None:
        index = self.form.agenda_view.currentIndex()
        return self.agenda_model.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    def pick_issues(self, then: Callable[[list[int]], None] | None = None) -> None:
        """从问题台账选择: open issues filtered by project, leader, overdue → this meeting's agenda; `then(added)`
        gets the agenda entries made. Each filter's candidates are read on the worker."""
        if self.current is None:
            return
        meeting_id, already = self.current.id, set(self.current.issue_ids)

        def load(flt: agenda.CandidateFilter, fill: Callable[[list], None], failed: Callable[[str], None]) -> None:
            self.read(lambda session: agenda.candidate_issues(session, flt, self.today), fill, failed)

        def opened(choices: MeetingChoices) -> None:
            dialog = IssuePickerDialog(choices, load, self.today, already=already, parent=self)
            if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.chosen_ids():
                self.add_issues(meeting_id, dialog.chosen_ids(), then)

        self.with_choices(opened)

    def add_issues(self, meeting_id: int, issue_ids: list[int],
                   then: Callable[[list[int]], None] | None = None) -> None:
        """Put the issues on the meeting's agenda; `then(added)` gets the agenda entries made (one already there
        is skipped). The issues' histories now show 列入议题: the change names them."""
        self._select_after = meeting_id
        self.write(lambda s: [a.id for a in agenda.add_issues(s, meeting_id, issue_ids)],
                   Change(meetings=True, issues=frozenset(issue_ids)), then)

    def add_topic(self) -> None:
        if self.current is None:
            return
        text = self.ask_text("新增议题", "议题内容：")
        if text and text.strip():
            meeting_id = self.current.id
            self.write(lambda s: agenda.add_topic(s, meeting_id, text), Change(meetings=True))

    def move_agenda_item(self, delta: int) -> None:
        item_id = self._selected_agenda_id()
        if item_id is None:
            return
        row = self.form.agenda_view.currentIndex().row()
        self._agenda_row_after = max(0, min(row + delta, self.agenda_model.rowCount() - 1))
        self.write(lambda s: agenda.move_item(s, item_id, delta), Change(meetings=True))

    def remove_agenda_item(self) -> None:
        item_id = self._selected_agenda_id()
        if item_id is not None:
            self.write(lambda s: agenda.remove_item(s, item_id), Change(meetings=True, decisions=True))

    # --- minutes ------------------------------------------------------------------------------------------
    def decision_from_selection(self) -> None:
        """Record the sentence selected in the minutes as a decided item, then fill in units and deadline."""
        text = self.form.minutes_edit.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not text:
            QMessageBox.information(self, "议定事项", "请先在纪要正文中选中议定事项的文字。")
            return
        self.tracker.add_decision(text)

    def flush_minutes(self) -> None:
        """Save the typed minutes now (on the worker, before anything asked after this)."""
        self.autosave.flush()
