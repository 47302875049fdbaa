"""A dialog built from a `.ui` form whose OK runs a service step and stays open, showing why, when it is refused.

The office reads the service's own message (field and reason) next to what they typed, instead of losing the input
to a message box. Date fields that cannot be read, or whose date is questioned and not yet confirmed, stop the
dialog before the service is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import UserError
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen


class FormDialog(QDialog):
    def __init__(self, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = form
        self.form.setupUi(self)
        self.submit: Callable[[], None] | None = None
        self._connect_base_signals()

    def _connect_base_signals(self) -> None:
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)

    def accept(self) -> None:
        self.form.error_label.clear()
        refusal = self.refusal()
        if refusal is not None:
            self.form.error_label.setText(refusal)
            return
        if self.submit is not None:
            try:
                self.submit()
            except UserError as error:
                self.form.error_label.setText(str(error))
                return
        super().accept()

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
