"""台账打印列: which columns each 台账 prints, saved per ledger for the export, print preview and PDF alike.

Reads and writes on the Ops worker (the saved choice lives in the office settings, so it travels with backups);
the list offers every column the ledger can hold, with the wide ledger's optional ones unticked by default.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem, QWidget

from desktop.errors import UserError
from desktop.exporters import jobs
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.forms.ui_ledger_columns_dialog import Ui_LedgerColumnsDialog
from desktop.ui.ops import Ops
from desktop.workspace import Workspace


class LedgerColumnsDialog(FormDialog):
    def __init__(self, ops: Ops, kind: str = "ledger-projects", parent: QWidget | None = None) -> None:
        super().__init__(Ui_LedgerColumnsDialog(), parent)
        self.ops = ops
        f = self.form
        for key, label in jobs.LEDGER_KINDS.items():
            f.kind_combo.addItem(label, key)
        f.kind_combo.setCurrentIndex(max(0, f.kind_combo.findData(kind)))
        f.kind_combo.currentIndexChanged.connect(lambda _i: self.load())
        f.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText("恢复默认")
        f.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        self.submit = self._save
        self.load()

    def kind(self) -> str:
        return str(self.form.kind_combo.currentData())

    def load(self) -> None:
        kind = self.kind()
        self._fill(kind, None)
        self.form.column_list.setEnabled(False)

        def shown(saved: tuple[str, ...] | None) -> None:
            if self.kind() == kind:
                self._fill(kind, saved)
                self.form.column_list.setEnabled(True)

        self.ops.run(lambda ws: jobs.saved_columns(ws.db, kind), shown, self.form.error_label.setText)

    def _fill(self, kind: str, saved: Sequence[str] | None) -> None:
        """Tick the saved columns, or by default every column but the optional ones."""
        listing = self.form.column_list
        listing.clear()
        for key, header, optional in jobs.ledger_column_choices(kind):
            item = QListWidgetItem(header + ("（默认不打印）" if optional else ""))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = key in saved if saved else not optional
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            listing.addItem(item)

    def restore_defaults(self) -> None:
        self._fill(self.kind(), None)

    def chosen(self) -> list[str]:
        listing = self.form.column_list
        return [listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
                if listing.item(i).checkState() == Qt.CheckState.Checked]

    def _defaults(self) -> list[str]:
        return [key for key, _header, optional in jobs.ledger_column_choices(self.kind()) if not optional]

    def _save(self) -> object:
        keys = self.chosen()
        if not keys:
            raise UserError("至少要勾选一列。")
        kind = self.kind()
        stored = None if keys == self._defaults() else keys

        def work(ws: Workspace) -> None:
            jobs.save_columns(ws.db, kind, stored)

        return self.wait_for(self.ops, work, lambda _r: None)
