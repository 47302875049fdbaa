"""Registering a peer office's public key: the fingerprint is shown before anything is stored, and 登记 stays
disabled until the user says it was compared by phone (a key file on a USB stick proves nothing by itself)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.services.exchange.keys import OfficeKey
from desktop.ui.forms.ui_peer_key_dialog import Ui_PeerKeyDialog
from desktop.ui.widgets.fitting import fit_to_screen


class PeerKeyDialog(QDialog):
    def __init__(self, found: OfficeKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.form = Ui_PeerKeyDialog()
        self.form.setupUi(self)
        self.form.file_name_label.setText(f"{found.name}（编号 {found.office_id}）")
        self.form.fingerprint_label.setText(found.fingerprint + (f"\n加密公钥指纹：{found.encryption_fingerprint}"
                                                                 if found.encryption_key else ""))
        self.form.name_edit.setText(found.name)
        self.ok_button = self.form.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("登记")
        self.form.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.form.confirm_check.toggled.connect(self._update)
        self.form.name_edit.textChanged.connect(self._update)
        self.form.button_box.accepted.connect(self.accept)
        self.form.button_box.rejected.connect(self.reject)
        self._update()

    def chosen_name(self) -> str:
        return self.form.name_edit.text().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.form.confirm_check.isChecked() and bool(self.chosen_name()))
