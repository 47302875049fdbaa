"""The window's spine: the one workspace handle, one serial worker, one change broadcast.

`Ops` is owned by the main window. Panels, controllers and dialogs are given it where they used to be given a
`Workspace`: it answers `db`, `data_dir`, `database_file` … from whatever workspace it holds now, so a restore, a
server switch or a new operator (`swap`) is followed by every part by construction — nobody keeps an old handle.

It may hold nothing: at start-up until the data is open (`open` on the worker, then `receive`), and after a restore
whose reopen failed. Work asked while it holds nothing is refused here, in one place (the caller's `on_broken`
ends its waiting; the window says once, in Chinese, that no data is open) — no part guards against it itself.
`receive` and `swap` tell every part with the same broadcast, `Change(everything=True, replaced=True)`.

`run(work, on_done, on_failed)` runs `work(workspace)` (a service call) on one serialised worker thread and hands
the result back on the GUI thread. A `UserError` goes to the caller's `on_failed` (its inline label or message
box); anything else goes to the crash reporter (`ui/crash.py`): its traceback to the log file, one dialog.
Every write announces what it changed with `notify(Change…)`; `changed` broadcasts it and each part decides
what to re-read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME
from desktop.errors import DamagedDatabase, UserError
from desktop.ui import crash
from desktop.ui.ops_worker import Job, Relay

if TYPE_CHECKING:
    from desktop.db.engine import Database
    from desktop.workspace import Workspace

log = logging.getLogger(__name__)
NOTHING_OPEN = "数据库没有打开，不能进行操作。"


class NothingHeld(UserError):
    """Work asked while `Ops` holds no workspace (start-up, or a restore whose reopen failed): refused."""

    def __init__(self) -> None:
        super().__init__(NOTHING_OPEN)


@dataclass(frozen=True)
class ReopenFailed:
    """A swap's answer when `make` gave nothing to hold: why, in Chinese."""

    message: str


@dataclass(frozen=True)
class Change:
    """What one write changed. `everything` (import, merge, restore) means: re-read all; `replaced` also means
    the workspace itself is a new one (undo commands of the old one no longer apply)."""

    issues: frozenset[int] = field(default_factory=frozenset)
    projects: frozenset[int] = field(default_factory=frozenset)
    meetings: bool = False
    decisions: bool = False
    settings: bool = False
    # Other records, by kind ("visits", "enterprises", "investment", "milestones"): the field tabs that show them.
    records: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False
    replaced: bool = False

    @staticmethod
    def of_issues(ids: list[int] | frozenset[int]) -> Change:
        return Change(issues=frozenset(ids))

    @staticmethod
    def of_records(*kinds: str, issues: list[int] | tuple[int, ...] | frozenset[int] = ()) -> Change:
        return Change(issues=frozenset(issues), records=frozenset(kinds))


EVERYTHING = Change(everything=True)


class Ops(QObject):
    changed = Signal(object)  # a Change
    idle = Signal()  # the last operation asked for has answered (and its callbacks have run)
    lost = Signal(str)  # a restore's reopen failed: nothing is held now (why, in Chinese)

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        # The workspace held last, kept after a failed reopen (closed): a later restore reopens its folder under
        # its operator.
        self._last = workspace
        self._parent = parent
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # serial: one operation at a time, in the order asked
        self._closed = False
        self._relays: set[Relay] = set()
        self.errors_shown: list[str] = []  # what the one error dialog showed (tests read it)
        # Who offers the newest good backup when a read meets a broken file (the 文件 menu's restore, installed
        # by reliability_menu); without one the damage is shown like any other failure.
        self.damage_handler: Callable[[str], None] | None = None

    # --- the handle ------------------------------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise NothingHeld
        return self._workspace

    @property
    def holds(self) -> bool:
        """Whether a workspace is held (the window's state: its menus act only then)."""
        return self._workspace is not None

    @property
    def last(self) -> Workspace | None:
        """The workspace held now or, after a failed reopen, the one held last (closed): its folder and operator."""
        return self._workspace or self._last

    @property
    def db(self) -> Database:
        return self.workspace.db

    @property
    def data_dir(self) -> Path:
        return self.workspace.data_dir

    @property
    def database_file(self) -> Path | None:
        return self.workspace.database_file

    @property
    def attachments_dir(self) -> Path:
        return self.workspace.attachments_dir

    @property
    def backups_dir(self) -> Path:
        return self.workspace.backups_dir

    @property
    def warnings(self) -> list[str]:
        return self.workspace.warnings

    def is_empty(self) -> bool:
        return self.workspace.is_empty()

    def open(self, opener: Callable[[], Workspace | None], on_done: Callable[[Workspace | None], None]) -> None:
        """Start-up: `opener()` (imports and the open, ~1 s) on the worker while the window paints; its answer
        (None: the open failed, and the caller's guarded open says why) to `on_done`. Nothing is held yet: the
        caller checks the password and the operator, then hands the workspace to `receive`."""
        self._submit(opener, on_done, None, None)

    def receive(self, workspace: Workspace) -> None:
        """Hold the opened workspace from now on and tell every part: the same `Change(everything=True,
        replaced=True)` a restore sends, so a start fills the window exactly as a restore refills it."""
        assert self._workspace is None, "a workspace is held: a restore replaces it through swap"
        self._workspace = self._last = workspace
        self.changed.emit(Change(everything=True, replaced=True))

    def swap(self, make: Callable[[Workspace], tuple[Workspace | None, str | None]],
             on_done: Callable[[str | None], None] | None = None) -> None:
        """A restore: on the worker, after every operation asked before it, close the workspace held and let
        `make(old)` give the one to hold from now on (it restores the file in between, and reopens the old data
        when the restore is refused). The new one is held before the next operation starts, so nothing ever runs
        on a closed handle, and nobody waits on the GUI thread. Then every part is told (`EVERYTHING`, replaced)
        and `on_done(refusal or None)` runs.

        When `make` raises or gives nothing, nothing is held: the closed handle is never kept, every part is told
        the same way, `lost` says why (the window offers the backups and exit), `on_done` gets the reason, and
        every operation until the next successful swap is refused. After a failed reopen `old` is the closed
        workspace held last (its folder and operator)."""

        def work() -> str | ReopenFailed | None:
            old = self.last
            assert old is not None, "nothing was ever held"
            if self._workspace is not None:
                self._workspace = None  # from here on nothing runs on it, whatever `make` does
                old.close()
            try:
                new, problem = make(old)
            except Exception as exc:  # an unreadable file, a full disk, a bug: nothing is held, said in Chinese
                log.exception("reopen after a restore failed")
                new, problem = None, str(exc) if isinstance(exc, UserError) else "发生意外错误，详情已记入日志"
            self._workspace = new  # on the worker: the next operation in the queue is handed the new one
            if new is None:
                return ReopenFailed(f"数据未能重新打开：{problem or '没有可打开的数据'}")
            self._last = new
            return problem

        def done(answer: str | ReopenFailed | None) -> None:
            self.changed.emit(Change(everything=True, replaced=True))
            if isinstance(answer, ReopenFailed):
                self.lost.emit(answer.message)
                answer = answer.message
            if on_done is not None:
                on_done(answer)

        self._submit(work, done, None, (lambda: on_done("发生意外错误，详情已记入日志。")) if on_done else None)

    def set_operator(self, name: str, on_done: Callable[[None], None] | None = None) -> None:
        """更改操作人: set on the worker, in order with the writes asked before and after it, on the workspace held
        then (a restore made before it is followed)."""

        def work(workspace: Workspace) -> None:
            workspace.db.operator = name

        self.run(work, on_done)

    def close(self) -> None:
        """At exit: let the running operation finish, then close the workspace held now."""
        self._closed = True
        self.pool.waitForDone(30_000)
        if self._workspace is not None:
            self._workspace.close()

    # --- operations ------------------------------------------------------------------------------------------
    def notify(self, change: Change) -> None:
        self.changed.emit(change)

    def run(self, work: Callable[[Workspace], Any], on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[str], None] | None = None, *,
            on_broken: Callable[[], None] | None = None) -> None:
        """Run `work(workspace)` on the worker; `on_done(result)` or `on_failed(message)` on the GUI thread.

        Any other failure is shown here, once; `on_broken()` then lets the caller undo its waiting state. Work
        that finds nothing held when its turn comes is refused here: `on_broken()`, nothing shown (the window
        already says that no data is open)."""
        self._submit(lambda: work(self.workspace), on_done, on_failed, on_broken)  # the one held when it runs

    def _submit(self, call: Callable[[], Any], on_done: Callable[[Any], None] | None,
                on_failed: Callable[[str], None] | None, on_broken: Callable[[], None] | None) -> None:
        relay = Relay()
        self._relays.add(relay)

        def done(value: object) -> None:
            if not self._alive():
                return
            try:
                if on_done is not None:
                    on_done(value)
            finally:
                self._settle(relay)

        def failed(exc: Exception) -> None:
            if not self._alive():
                return
            try:
                if isinstance(exc, NothingHeld):
                    if on_broken is not None:
                        on_broken()
                elif isinstance(exc, DamagedDatabase):
                    self.report_damage(str(exc))
                    if on_broken is not None:
                        on_broken()
                elif isinstance(exc, UserError) and on_failed is not None:
                    on_failed(str(exc))
                else:
                    self.show_failure(exc)
                    if on_broken is not None:
                        on_broken()
            finally:
                self._settle(relay)

        relay.done.connect(done, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self.pool.start(Job(call, relay))

    def query(self, service: Callable[..., Any], *args: object, on_done: Callable[[Any], None] | None = None,
              on_failed: Callable[[str], None] | None = None) -> None:
        """`service(session, *args)` in one read transaction on the worker; `on_done(result)` on the GUI thread.
        The window's reads are plain service functions of a session (ui/window_data.py): this is their one way
        to the database."""
        self.run(lambda workspace: _read(workspace, service, args), on_done, on_failed)

    def _alive(self) -> bool:
        """An answer that arrives after the window closed (its queued signal still in the event loop) is dropped:
        the widgets it would update are gone, and the work itself is already committed or rolled back."""
        return not self._closed and shiboken6.isValid(self)

    def _settle(self, relay: Relay) -> None:
        # After the callback: one that asks for a follow-up read keeps the window busy until that one answers.
        self._relays.discard(relay)
        if not self._relays:
            self.idle.emit()

    def busy(self) -> bool:
        return bool(self._relays)

    def report_damage(self, message: str) -> None:
        """The database file is broken: offer the newest good backup (never an English driver error)."""
        if self.damage_handler is not None:
            self.damage_handler(message)
        else:
            self.show_failure(DamagedDatabase(message))

    def show_failure(self, exc: Exception) -> None:
        """The one place a failure without its own handler is shown: a `UserError`'s Chinese message as it is;
        anything else is a bug, logged with its traceback and shown by the crash dialog."""
        message = str(exc) or exc.__class__.__name__
        if not isinstance(exc, UserError):
            self.errors_shown.append(f"意外错误：{exc.__class__.__name__}：{message}")
            crash.report(exc, self._parent)
            return
        self.errors_shown.append(message)
        QMessageBox.warning(self._parent, APP_NAME, message)


def _read(workspace: Workspace, service: Callable[..., Any], args: tuple[object, ...]) -> Any:
    with workspace.db.read() as session:
        return service(session, *args)
