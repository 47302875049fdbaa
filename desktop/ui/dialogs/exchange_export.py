"""文件 → 导出数据包: who we are, for whom, which records, where to save.

What it lists and the package it writes are read and written on the window's worker (`Ops`, via `WorkerLink`):
the dialog opens at once and its fields come on when the office's name, peers and key are read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from desktop.errors import UserError
from desktop.services.exchange import office, trust
from desktop.services.exchange.choices import scope_targets
from desktop.services.exchange.export import ExportResult, export_package
from desktop.services.exchange.history import known_peers
from desktop.services.exchange.package import SUFFIX
from desktop.services.exchange.selection import SCOPE_LABELS, ExportScope, ScopeKind
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_exchange_export_dialog import Ui_ExchangeExportDialog
from desktop.ui.ops import Ops
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

_NEEDS_TARGET = (ScopeKind.TASK_FORCE, ScopeKind.LEADER, ScopeKind.UNIT)


class ExchangeExportDialog(WorkerDialog):
    def __init__(self, ops: Ops, *, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.today = today or date.today()
        self.export_result: ExportResult | None = None
        self.form = Ui_ExchangeExportDialog()
        self.form.setupUi(self)
        self.form.button_box.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        self.form.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.link = WorkerLink(self, ops, self.form.button_box, None)
        for kind, label in SCOPE_LABELS.items():
            self.form.scope_combo.addItem(label, kind.value)
        self._connect_signals()
        self._suggest_file()
        self.link.load(_who_and_peers, self._fill)

    def _fill(self, found: tuple[str, list[str], str]) -> None:
        me_name, peers, fingerprint = found
        self.form.office_name_edit.setText(me_name)
        self.form.recipient_combo.addItems(peers or ["区调度室"])
        self.form.signature_label.setText(f"用本单位密钥签名（公钥指纹 {fingerprint}）")
        self._scope_changed()

    def _connect_signals(self) -> None:
        f = self.form
        f.scope_combo.currentIndexChanged.connect(self._scope_changed)
        f.recipient_combo.currentTextChanged.connect(self._suggest_file)
        f.browse_button.clicked.connect(self._browse)
        f.button_box.accepted.connect(self.accept)
        f.button_box.rejected.connect(self.reject)

    def scope(self) -> ExportScope:
        kind = ScopeKind(self.form.scope_combo.currentData())
        combo = self.form.target_combo
        target = combo.currentData() if kind in _NEEDS_TARGET and combo.count() else None
        return ExportScope(kind, target)

    def _scope_changed(self) -> None:
        kind = ScopeKind(self.form.scope_combo.currentData())
        combo = self.form.target_combo
        combo.clear()
        combo.setEnabled(False)

        def fill(targets: list[tuple[int, str]]) -> None:
            if kind != ScopeKind(self.form.scope_combo.currentData()):
                return  # another scope was chosen meanwhile: its own read follows
            combo.clear()
            for row_id, name in targets:
                combo.addItem(name, row_id)
            combo.setEnabled(kind in _NEEDS_TARGET)
            self.form.target_label.setEnabled(kind in _NEEDS_TARGET)

        self.link.load(lambda workspace: _targets(workspace, kind), fill)

    def _suggest_file(self) -> None:
        folder = Path(self.form.file_edit.text()).parent if self.form.file_edit.text() else Path.home()
        recipient = self.form.recipient_combo.currentText().strip() or "数据包"
        self.form.file_edit.setText(str(folder / f"发{recipient}_{self.today:%Y%m%d}{SUFFIX}"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存数据包", self.form.file_edit.text(), f"数据包 (*{SUFFIX})")
        if path:
            self.form.file_edit.setText(path if path.endswith(SUFFIX) else path + SUFFIX)

    def accept(self) -> None:
        name = self.form.office_name_edit.text().strip()
        target = self.form.file_edit.text().strip()
        if not name or not target:
            QMessageBox.warning(self, "导出数据包", "请填写本单位名称和保存位置。")
            return
        scope, recipient, today = self.scope(), self.form.recipient_combo.currentText(), self.today
        encrypt = not self.form.plain_check.isChecked()  # only matters when the office encrypts its packages

        def work(workspace: Workspace) -> ExportResult:
            try:
                with workspace.db.transaction() as session:
                    office.set_name(session, name)
                return export_package(workspace, scope, Path(target), recipient=recipient, today=today,
                                      encrypt=encrypt)
            except OSError as exc:
                raise UserError(str(exc)) from exc

        def done(result: ExportResult) -> None:
            self.export_result = result
            super(ExchangeExportDialog, self).accept()

        self.link.submit(work, done, refused=lambda message: QMessageBox.warning(self, "导出数据包",
                                                                                 f"未能导出：{message}"))


def _who_and_peers(workspace: Workspace) -> tuple[str, list[str], str]:
    with workspace.db.read() as session:
        me_name = office.identity(session).name
        peers = known_peers(session)
    return me_name, peers, trust.own_key(workspace).fingerprint


def _targets(workspace: Workspace, kind: ScopeKind) -> list[tuple[int, str]]:
    with workspace.db.read() as session:
        return list(scope_targets(session, kind))
