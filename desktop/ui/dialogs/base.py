"""A dialog built from a `.ui` form whose OK runs a service step and stays open, showing why, when it is refused.

The office reads the service's own message (field and reason) next to what they typed, instead of losing the input
to a message box. Date fields that cannot be read, or whose date is questioned and not yet confirmed, stop the
dialog before the service is asked.

A `submit` that runs its service call on the window's worker (`wait_for`) keeps the dialog open and its buttons
off until the worker answers: then the dialog closes, or shows the refusal beside the input as a direct call would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import UserError
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

PENDING = object()  # what a `submit` returns when it has handed its work to the worker (see `wait_for`)


class FormDialog(QDialog):
    settled = Signal()  # the operation OK started has answered: the dialog closed, or shows why not

    def __init__(self, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = form
        self.form.setupUi(self)
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
