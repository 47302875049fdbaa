"""Choose the meeting to bring issues or an open decided item before: an existing one, or a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.forms.ui_meeting_chooser_dialog import Ui_MeetingChooserDialog
from desktop.ui.widgets.fitting import fit_to_screen


class MeetingChooserDialog(QDialog):
    def __init__(self, meetings: list[tuple[int, str]], prompt: str, *, preselect: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_MeetingChooserDialog()
        self.form.setupUi(self)
        f = self.form
        f.prompt_label.setText(prompt)
        for meeting_id, label in meetings:
            f.meeting_combo.addItem(label, meeting_id)
        if preselect is not None:
            f.meeting_combo.setCurrentIndex(max(0, f.meeting_combo.findData(preselect)))
        if not meetings:
            f.existing_radio.setEnabled(False)
            f.meeting_combo.setEnabled(False)
            f.new_radio.setChecked(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        f = self.form
        f.existing_radio.toggled.connect(f.meeting_combo.setEnabled)
        f.button_box.accepted.connect(self.accept)
        f.button_box.rejected.connect(self.reject)

    def chosen_meeting(self) -> int | None:
        """The chosen meeting's id, or None when the office wants a new meeting."""
        if self.form.new_radio.isChecked():
            return None
        return self.form.meeting_combo.currentData()
