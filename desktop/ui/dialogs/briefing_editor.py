"""The 工作简报 / 工作通报 editor: pick period and scope, get a draft from the data, edit it, issue and export.

The dialog holds a `BriefingContent` (masthead, issuer, distribution, figures and attached tables come from the
draft) and only lets the user change what is theirs to change: number, date, title, 编者按 and body. Issuing
records it in the Briefing table and writes the .docx on the window's worker (`OpsRunner`, with progress); a 送审稿 (the copy for the leader's
sign-off) is written by the same service without taking the number, as `keyproj export … --draft`; the list on
the right re-exports any issued number exactly as it went out. Every read (the draft, the scope's targets, the
issued list, an issued number) runs on the worker too (`Ops.run`); nothing here opens a session of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget

from desktop.db.enums import BriefingKind
from desktop.exporters import jobs
from desktop.exporters.docx import missing_fonts
from desktop.exporters.docx.briefing import profile_for
from desktop.services import directory
from desktop.services.briefing import issued as briefings
from desktop.services.briefing.issued import BriefingContent
from desktop.services.scope import Period, Scope, ScopeKind
from desktop.ui.forms.ui_briefing_editor import Ui_BriefingEditor
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.directory import Choice
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

SCOPE_KINDS = ((ScopeKind.ALL, "全部项目"), (ScopeKind.CATEGORY, "项目类别"), (ScopeKind.TASK_FORCE, "项目专班"),
               (ScopeKind.LEADER, "包保领导"), (ScopeKind.UNIT, "责任单位"))
ISSUED_ID_ROLE = 0x0100  # Qt.UserRole

AskPath = Callable[[str, str], str]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def ask_save_path(parent: QWidget, title: str, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "Word 文档 (*.docx)")
    if path and not path.lower().endswith(".docx"):
        path += ".docx"
    return path


class BriefingEditor(QDialog):
    def __init__(self, ops: Ops, kind: BriefingKind, *, today: date, runner: OpsRunner,
                 period: Period | None = None, export_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.kind = kind
        self.today = today
        self.runner = runner
        self.export_dir = export_dir or Path.home()
        self.ask_path: AskPath = lambda title, suggested: ask_save_path(self, title, suggested)
        self.content: BriefingContent | None = None
        self.last_saved: Path | None = None
        self.drafter = OpsRunner(ops, self)  # a busy dialog, no 取消: the draft is a read
        self.form = Ui_BriefingEditor()
        self.form.setupUi(self)
        self.setWindowTitle(f"编辑{kind.label}")
        period = period or Period(date(today.year, 1, 1), today)
        for edit in (self.form.from_date_edit, self.form.to_date_edit, self.form.issued_on_edit):
            edit.set_today(today)
        self.form.from_date_edit.set_far_past_days(None)  # a period may well start long ago
        self.form.to_date_edit.set_far_past_days(None)
        self.form.from_date_edit.setDate(_qdate(period.start))
        self.form.to_date_edit.setDate(_qdate(period.end))
        self.form.issued_on_edit.setDate(_qdate(today))
        for scope_kind, label in SCOPE_KINDS:
            self.form.scope_kind_combo.addItem(label, scope_kind.value)
        self._connect_signals()
        self._fill_targets()
        self._reload_issued()
        self.redraft()

    def _connect_signals(self) -> None:
        f = self.form
        f.scope_kind_combo.currentIndexChanged.connect(self._fill_targets)
        f.draft_button.clicked.connect(self.redraft)
        f.total_check.toggled.connect(f.total_spin.setEnabled)
        f.export_button.clicked.connect(self.export)
        f.review_button.clicked.connect(self.export_review)
        f.close_button.clicked.connect(self.reject)
        f.issued_list.currentItemChanged.connect(
            lambda current, _previous: f.reexport_button.setEnabled(current is not None))
        f.reexport_button.clicked.connect(self.reexport)
        f.issued_list.itemDoubleClicked.connect(lambda _item: self.open_issued())

    # --- inputs ----------------------------------------------------------------------------------------------
    def period(self) -> Period:
        return Period(_pydate(self.form.from_date_edit.date()), _pydate(self.form.to_date_edit.date()))

    def scope(self) -> Scope:
        kind = ScopeKind(self.form.scope_kind_combo.currentData())
        return Scope() if kind is ScopeKind.ALL else Scope(kind, self.form.scope_target_combo.currentData())

    def _fill_targets(self) -> None:
        kind = ScopeKind(self.form.scope_kind_combo.currentData() or "all")
        combo = self.form.scope_target_combo
        combo.clear()
        combo.setEnabled(False)

        def read(workspace: Workspace) -> list[Choice]:
            with workspace.db.read() as session:
                return {
                    ScopeKind.CATEGORY: lambda: directory.categories(session, "project"),
                    ScopeKind.TASK_FORCE: lambda: directory.task_forces(session),
                    ScopeKind.LEADER: lambda: directory.leaders(session),
                    ScopeKind.UNIT: lambda: directory.units(session),
                }.get(kind, list)()

        def show(choices: list[Choice]) -> None:
            if ScopeKind(self.form.scope_kind_combo.currentData() or "all") is not kind:
                return  # another kind was chosen meanwhile: its own read fills the list
            for ref_id, label in choices:
                combo.addItem(label, ref_id)
            combo.setEnabled(kind is not ScopeKind.ALL)

        self.ops.run(read, show)

    # --- draft -----------------------------------------------------------------------------------------------
    def redraft(self) -> None:
        period = self.period()
        if period.start > period.end:
            QMessageBox.warning(self, self.windowTitle(), "起始日期不能晚于截止日期。")
            return
        issued_on = _pydate(self.form.issued_on_edit.date())
        kind, scope, today = self.kind, self.scope(), self.today
        # A city's year is ~0.5 s of reading: drafted off the GUI thread (a busy dialog only if it takes longer
        # than 0.3 s); nothing can be exported until the new draft is shown.
        self.form.export_button.setEnabled(False)
        self.form.review_button.setEnabled(False)
        self.form.draft_button.setEnabled(False)
        self.drafter.start(f"起草{kind.label}", lambda ws, _progress, _cancel: jobs.draft(
            ws.db, kind, period, scope, today, issued_on), self._drafted, cancellable=False,
            label=f"正在按数据起草{kind.label}……", on_error=self._draft_failed)

    def _drafted(self, content: BriefingContent) -> None:
        self.form.draft_button.setEnabled(True)
        self.content = content
        self._set_read_only(False)
        self._show(content)

    def _draft_failed(self, message: str) -> None:
        self.form.draft_button.setEnabled(True)
        self.form.export_button.setEnabled(self.content is not None)
        self.form.review_button.setEnabled(self.content is not None)
        QMessageBox.warning(self, self.windowTitle(), f"按数据起草失败：{message}")

    def open_issued(self) -> None:
        """Show an issued number as it went out (read only); 按数据重新起草 returns to a new draft."""
        item = self.form.issued_list.currentItem()
        if item is None:
            return
        briefing_id = int(item.data(ISSUED_ID_ROLE))

        def read(workspace: Workspace) -> BriefingContent:
            with workspace.db.read() as session:
                return briefings.load(session, briefing_id)

        self.ops.run(read, self._show_issued)

    def _show_issued(self, content: BriefingContent) -> None:
        self.content = None
        self._show(content)
        self.form.editor_note_edit.setPlainText(content.editor_note)
        self.form.issued_on_edit.setDate(_qdate(content.issued_on))
        self._set_read_only(True)
        self.form.tables_label.setText(f"正在查看已印发的{content.year}年{content.number_text}（只读）。"
                                       + self.form.tables_label.text())

    def _set_read_only(self, read_only: bool) -> None:
        f = self.form
        for edit in (f.title_edit, f.editor_note_edit, f.body_edit):
            edit.setReadOnly(read_only)
        for widget in (f.number_spin, f.total_check, f.issued_on_edit, f.export_button, f.review_button):
            widget.setEnabled(not read_only)
        f.total_spin.setEnabled(not read_only and f.total_check.isChecked())

    def _show(self, content: BriefingContent) -> None:
        f = self.form
        f.number_spin.setValue(content.number)
        f.total_check.setChecked(content.total_number is not None)
        f.total_spin.setEnabled(content.total_number is not None)
        if content.total_number is not None:
            f.total_spin.setValue(content.total_number)
        f.title_edit.setPlainText(content.title)
        f.body_edit.setPlainText(content.body)
        if content.tables:
            names = "、".join(f"附件{n}{t.title}（{len(t.rows)}行）" for n, t in enumerate(content.tables, 1))
            f.tables_label.setText(f"随文附表：{names}")
        else:
            f.tables_label.setText("")
        missing = missing_fonts(profile_for(content.font_profile))
        f.font_warning_label.setText(
            f"本机未安装字体：{'、'.join(missing)}。导出的文件在装有这些字体的电脑上才能按规范显示和打印。"
            if missing else "")

    def edited_content(self) -> BriefingContent:
        """The draft with the user's edits applied (what will be issued)."""
        if self.content is None:
            raise RuntimeError("no draft")
        f = self.form
        content = self.content
        content.number = f.number_spin.value()
        content.total_number = f.total_spin.value() if f.total_check.isChecked() else None
        content.issued_on = _pydate(f.issued_on_edit.date())
        content.year = content.issued_on.year
        content.title = f.title_edit.toPlainText().strip()
        content.editor_note = f.editor_note_edit.toPlainText().strip()
        content.body = f.body_edit.toPlainText()
        return content

    # --- export ----------------------------------------------------------------------------------------------
    def _fonts_ok(self, content: BriefingContent) -> bool:
        missing = missing_fonts(profile_for(content.font_profile))
        if not missing:
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(),
            f"本机未安装以下字体：{'、'.join(missing)}。\n文件中仍按规范字体命名，在装有这些字体的电脑上打印正常；"
            "在本机打开时会用其他字体代替。是否继续导出？")
        return answer == QMessageBox.StandardButton.Yes

    def _dates_ok(self) -> bool:
        stop = check_dates(self)
        if stop is None:
            return True
        stop[0].setFocus()
        QMessageBox.warning(self, self.windowTitle(), stop[1])
        return False

    def export_review(self) -> None:
        """送审稿: the draft as it stands, marked 送审稿 on the number line; no number is taken or recorded."""
        if not self._dates_ok():
            return
        content = self.edited_content()
        if not self._fonts_ok(content):
            return
        suggested = str(self.export_dir / f"{content.kind.label}{content.year}年第{content.number}期（送审稿）.docx")
        path = self.ask_path(f"导出{self.kind.label}送审稿", suggested)
        if not path:
            return
        self.runner.start(f"导出{self.kind.label}送审稿", lambda _ws, progress, _cancel: jobs.write_review_copy(
            content, path, progress), self._review_saved)

    def _review_saved(self, path: Path) -> None:
        self.last_saved = Path(path)

    def export(self) -> None:
        if not self._dates_ok():
            return
        content = self.edited_content()
        if not self._fonts_ok(content):
            return
        suggested = str(self.export_dir / f"{content.kind.label}{content.year}年第{content.number}期.docx")
        path = self.ask_path(f"导出{self.kind.label}", suggested)
        if not path:
            return
        self.runner.start(f"导出{self.kind.label}", lambda ws, progress, _cancel: jobs.issue_and_write(
            ws.db, content, path, progress), self._exported)

    def _exported(self, path: Path) -> None:
        self.last_saved = Path(path)
        self._reload_issued()
        if self.content is not None:  # the next issue gets the next number
            kind, year = self.kind, self.content.year

            def read(workspace: Workspace) -> tuple[int, int | None]:
                with workspace.db.read() as session:
                    return briefings.next_number(session, kind, year)

            self.ops.run(read, self._show_next_number)

    def _show_next_number(self, next_number: tuple[int, int | None]) -> None:
        number, total = next_number
        self.form.number_spin.setValue(number)
        if total is not None:
            self.form.total_check.setChecked(True)
            self.form.total_spin.setValue(total)

    def reexport(self) -> None:
        item = self.form.issued_list.currentItem()
        if item is None:
            return
        briefing_id = int(item.data(ISSUED_ID_ROLE))
        path = self.ask_path(f"重新导出{self.kind.label}", str(self.export_dir / f"{item.text().split(' ')[0]}.docx"))
        if not path:
            return
        self.runner.start(f"重新导出{self.kind.label}",
                          lambda ws, progress, _cancel: jobs.rewrite(ws.db, briefing_id, path, progress),
                          lambda saved: setattr(self, "last_saved", Path(saved)))

    def _reload_issued(self) -> None:
        kind = self.kind

        def read(workspace: Workspace) -> list[briefings.IssuedBriefing]:
            with workspace.db.read() as session:
                return briefings.issued(session, kind)

        self.ops.run(read, self._show_issued_list)

    def _show_issued_list(self, rows: list[briefings.IssuedBriefing]) -> None:
        self.form.issued_list.clear()
        for row in rows:
            item = QListWidgetItem(row.label)
            item.setData(ISSUED_ID_ROLE, row.id)
            self.form.issued_list.addItem(item)
