"""A dialog built from a `.ui` form whose OK runs a service step and stays open, showing why, when it is refused.

The office reads the service's own message (field and reason) next to what they typed, instead of losing the input
to a message box. Date fields that cannot be read, or whose date is questioned and not yet confirmed, stop the
dialog before the service is asked.

A `submit` that runs its service call on the window's worker (`wait_for`) keeps the dialog open and its buttons
off until the worker answers: then the dialog closes, or shows the refusal beside the input as a direct call would.

`WorkerLink` gives a plain `QDialog` the same two things: the read that fills it runs on the worker (the fields
stay off until it answers, so nothing typed is overwritten), and its OK's write runs there too, broadcasting what
it changed through `Ops`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from desktop.errors import UserError
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.ui.widgets.ok_keys import ok_on_ctrl_return

if TYPE_CHECKING:
    from desktop.ui.ops import Change, Ops
    from desktop.workspace import Workspace

PENDING = object()  # what a `submit` returns when it has handed its work to the worker (see `wait_for`)


class FormDialog(QDialog):
    settled = Signal()  # the operation OK started has answered: the dialog closed, or shows why not

    def __init__(self, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = form
        self.form.setupUi(self)
        ok_on_ctrl_return(self, self.form.button_box)
        self.submit: Callable[[], object] | None = None
        self.pending = False  # OK was pressed and the worker has not answered yet
        self._connect_base_signals()

    def _connect_base_signals(self) -> None:
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)

    def accept(self) -> None:
        if self.pending:
            return  # one OK at a time: the first one's answer decides
        self.form.error_label.clear()
        refusal = self.refusal()
        if refusal is not None:
            self.form.error_label.setText(refusal)
            return
        if self.submit is not None:
            try:
                outcome = self.submit()
            except UserError as error:
                self.form.error_label.setText(str(error))
                return
            if outcome is PENDING:
                return
        super().accept()

    def reject(self) -> None:
        if not self.pending:  # the write is under way: it cannot be called back, so the dialog waits for it
            super().reject()

    def wait_for(self, ops: Ops, work: Callable[[Workspace], Any], on_done: Callable[[Any], None]) -> object:
        """Run `work` on the worker; `on_done(result)` then closes the dialog, a `UserError` is shown here and the
        input stays. Returns `PENDING` for `submit` to return."""
        self.pending = True
        self.form.button_box.setEnabled(False)

        def done(result: Any) -> None:
            self._end_wait()
            on_done(result)
            QDialog.accept(self)
            self.settled.emit()

        def failed(message: str) -> None:
            self._end_wait()
            self.form.error_label.setText(message)
            self.settled.emit()

        def broke() -> None:  # an unexpected failure, already shown by `Ops`: the input stays for another try
            self._end_wait()
            self.settled.emit()

        ops.run(work, done, failed, on_broken=broke)
        return PENDING

    def _end_wait(self) -> None:
        self.pending = False
        self.form.button_box.setEnabled(True)

    def refusal(self) -> str | None:
        """Why the dialog cannot finish as filled in, before anything is written (dates that are no dates or not
        yet confirmed, here; subclasses add their own)."""
        stop = check_dates(self)
        if stop is None:
            return None
        stop[0].setFocus()
        return stop[1]

    @property
    def error_text(self) -> str:
        return self.form.error_label.text()


class WorkerLink(QObject):
    """One dialog's reads and writes on the window's worker (`Ops.run`).

    `load(read, fill)`: the dialog opens at once with its fields off; `fill(result)` runs when the worker answers.
    `submit(work, done, change)`: OK and the fields are off while the write runs; `done(result)` then closes the
    dialog, a `UserError` is shown in `error_label` and the input stays. `change(result)` says what the write
    changed; `Ops` broadcasts it. `loading` / `pending` say what is under way; `settled` fires after each answer
    (tests and `exec()` callers wait on it)."""

    settled = Signal()

    def __init__(self, dialog: QDialog, ops: Ops, buttons: QDialogButtonBox, error_label: QLabel | None) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.ops = ops
        self.buttons = buttons
        self.error_label = error_label
        self.loading = False
        self.pending = False
        self._held: list[QWidget] = []

    @property
    def busy(self) -> bool:
        return self.loading or self.pending

    def _hold(self, held: bool) -> None:
        """Fields and OK off while the worker works; back on afterwards only those this switched off (a field
        the dialog itself keeps off stays off)."""
        if held:
            keep = {self.buttons, self.error_label}
            widgets: list[QWidget] = [w for w in self.dialog.findChildren(QWidget)
                                      if w.parentWidget() is self.dialog and w not in keep]
            for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save):
                button = self.buttons.button(which)
                if button is not None:
                    widgets.append(button)
            self._held = [w for w in widgets if w.isEnabledTo(self.dialog)]
            for widget in self._held:
                widget.setEnabled(False)
        else:
            for widget in self._held:
                widget.setEnabled(True)
            self._held = []

    def _say(self, message: str) -> None:
        if self.error_label is not None:
            self.error_label.setText(message)

    def load(self, read: Callable[[Workspace], Any], fill: Callable[[Any], None]) -> None:
        self.loading = True
        self._hold(True)

        def end() -> None:
            self.loading = False
            self._hold(False)

        def done(value: Any) -> None:
            end()
            fill(value)  # after the fields are back on: what it switches off stays off
            self.settled.emit()

        def failed(message: str) -> None:
            self._say(message)
            refuse()

        def refuse() -> None:  # nothing to show, so nothing to save: OK stays off, 取消 closes
            end()
            for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save):
                button = self.buttons.button(which)
                if button is not None:
                    button.setEnabled(False)
            self.settled.emit()

        self.ops.run(read, done, failed, on_broken=refuse)

    def submit(self, work: Callable[[Workspace], Any], done: Callable[[Any], None],
               change: Callable[[Any], Change | None] | None = None, *,
               refused: Callable[[str], None] | None = None) -> None:
        """`refused(message)`, when given, tells a refusal instead of `error_label` (a message box)."""
        if self.pending:
            return  # one OK at a time: the first one's answer decides
        self.pending = True
        self._say("")
        self._hold(True)
        self.buttons.setEnabled(False)

        def end() -> None:
            self.pending = False
            self.buttons.setEnabled(True)
            self._hold(False)

        def succeeded(value: Any) -> None:
            end()
            what = change(value) if change is not None else None
            if what is not None:
                self.ops.notify(what)
            done(value)
            self.settled.emit()

        def failed(message: str) -> None:
            end()
            (refused or self._say)(message)
            self.settled.emit()

        def broke() -> None:
            end()
            self.settled.emit()

        self.ops.run(work, succeeded, failed, on_broken=broke)


class WorkerDialog(QDialog):
    """A plain dialog whose reads and writes go through `self.link` (a `WorkerLink`): Esc or 取消 wait while its
    write is under way, since a write on the worker cannot be called back."""

    link: WorkerLink

    def reject(self) -> None:
        if not self.link.pending:
            super().reject()
