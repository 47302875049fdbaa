"""Autosave of the minutes: a crash-safe draft file almost at once, the database a moment after typing stops.

Two timers, because the two stores fail differently: the draft file is cheap and local, so it is written 0.3 s
after each change; the database write goes through the audit log, so it waits until typing pauses (debounced).
Once the database holds the text, the draft is removed; a draft left behind means unsaved text, which the
panel offers back the next time the meeting is opened.

The database write is handed to the window's serial worker (`save(meeting_id, html, saved, failed)`) and nobody
waits for it: whatever is asked of the worker after a `flush` (an export's read, a dialog's write, the exit's
close) runs after the text is in the database. The draft file is written first, on the GUI thread (a small local
file), so a failing database write loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.meetings import drafts
from desktop.ui.widgets.minutes_edit import MinutesEdit

DRAFT_DELAY_MS = 300
DATABASE_DELAY_MS = 1500
# (meeting id, html, saved(), failed(message)): the write runs on the worker, one of the two answers on the GUI thread
SaveMinutes = Callable[[int, str, Callable[[], None], Callable[[str], None]], None]


class MinutesAutosave(QObject):
    state_changed = Signal(str)  # what the status label says: 已保存 / 未保存 / 保存失败：…
    saved = Signal(int)  # meeting id written to the database

    def __init__(self, editor: MinutesEdit, data_dir: Path, save: SaveMinutes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.data_dir = Path(data_dir)
        self._save = save
        self.meeting_id: int | None = None
        self._saved_html = ""
        self._saving_html: str | None = None  # the text a write under way puts in the database
        self._loading = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._db_timer = QTimer(self)
        self._db_timer.setSingleShot(True)
        self._db_timer.setInterval(DATABASE_DELAY_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.editor.textChanged.connect(self._on_changed)
        self._draft_timer.timeout.connect(self.write_draft)
        self._db_timer.timeout.connect(self.flush)

    def load(self, meeting_id: int | None, html: str) -> drafts.Draft | None:
        """Show a meeting's minutes (saving the previous one first); returns a newer draft to offer, if any."""
        self.flush()
        self.meeting_id = meeting_id
        self._saved_html = html
        self._saving_html = None
        self._loading = True
        try:
            self.editor.load_minutes(html)
        finally:
            self._loading = False
        self.editor.document().setModified(False)
        self.editor.setEnabled(meeting_id is not None)
        self.state_changed.emit("")
        if meeting_id is None:
            return None
        # Compare with what the editor will save, as Qt normalises the stored HTML on load.
        self._saved_html = self.editor.minutes_html() if html else ""
        return drafts.pending_draft(self.data_dir, meeting_id, self._saved_html)

    def detach(self) -> None:
        """Forget the current meeting without saving (it was deleted) and drop any draft of it."""
        self._draft_timer.stop()
        self._db_timer.stop()
        if self.meeting_id is not None:
            drafts.discard_draft(self.data_dir, self.meeting_id)
        self.meeting_id = None
        self._loading = True
        try:
            self.editor.clear()
        finally:
            self._loading = False
        self.editor.setEnabled(False)

    def restore(self, draft: drafts.Draft) -> None:
        """Take the draft's text into the editor; it is then saved like any other change."""
        self.editor.load_minutes(draft.html)
        self.flush()

    def discard(self, draft: drafts.Draft) -> None:
        drafts.discard_draft(self.data_dir, draft.meeting_id)

    def _on_changed(self) -> None:
        if self._loading or self.meeting_id is None:
            return
        self.state_changed.emit("未保存")
        self._draft_timer.start()
        self._db_timer.start()

    def write_draft(self) -> None:
        self._draft_timer.stop()
        if self.meeting_id is None:
            return
        html = self.editor.minutes_html()
        if html == self._saved_html:
            return
        try:
            drafts.write_draft(self.data_dir, self.meeting_id, html)
        except OSError as exc:
            self.state_changed.emit(f"草稿写入失败：{exc.strerror or exc}")

    def flush(self) -> None:
        """Save now (leaving the meeting, closing the window, exporting): the draft at once, the database on the
        worker, ahead of whatever is asked after this."""
        self._db_timer.stop()
        if self.meeting_id is None:
            return
        html = self.editor.minutes_html()
        if html == self._saved_html:
            self._draft_timer.stop()
            drafts.discard_draft(self.data_dir, self.meeting_id)
            return
        if html == self._saving_html:
            return  # that very text is on its way to the database
        self.write_draft()  # first the draft, so a failing database write loses nothing
        meeting_id = self.meeting_id
        self._saving_html = html
        self.state_changed.emit("正在保存…")
        self._save(meeting_id, html, lambda: self._saved(meeting_id, html), lambda m: self._failed(meeting_id, html, m))

    def _saved(self, meeting_id: int, html: str) -> None:
        """The database holds `html`: its draft goes, unless the clerk typed on (a newer draft is kept)."""
        here = self.meeting_id == meeting_id
        if here and self._saving_html == html:
            self._saving_html = None
        if here:
            self._saved_html = html
        drafts.pending_draft(self.data_dir, meeting_id, html)  # removes the draft only if it holds this text
        if here and self.editor.minutes_html() == html:
            self._draft_timer.stop()
            self.state_changed.emit("已自动保存")
        self.saved.emit(meeting_id)

    def _failed(self, meeting_id: int, html: str, message: str) -> None:
        """A refusal, a locked or a broken database: the draft keeps the text, and the next change tries again."""
        if self.meeting_id == meeting_id and self._saving_html == html:
            self._saving_html = None
        if self.meeting_id == meeting_id:
            self.state_changed.emit(f"保存失败：{message}（文字已存为草稿）")
