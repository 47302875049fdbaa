"""文件 → 导出数据包: who we are, for whom, which records, where to save.

The names and the scope's targets are read, and the package is written, on the window's worker (`WorkerLink`);
the office name and shared key it saves are broadcast as a settings change."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from desktop.errors import UserError
from desktop.services.exchange import office
from desktop.services.exchange.choices import scope_targets
from desktop.services.exchange.export import ExportResult, export_package
from desktop.services.exchange.history import known_peers
from desktop.services.exchange.package import SUFFIX
from desktop.services.exchange.selection import SCOPE_LABELS, ExportScope, ScopeKind
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_exchange_export_dialog import Ui_ExchangeExportDialog
from desktop.ui.ops import Change
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.services.directory import Choice
    from desktop.ui.ops import Ops
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
        self.link.load(_names, self._fill)

    def _fill(self, names: tuple[str, list[str], bytes | None]) -> None:
        me_name, peers, key = names
        self.form.office_name_edit.setText(me_name)
        self.form.recipient_combo.addItems(peers or ["区调度室"])
        self.form.key_edit.setText(key.decode("utf-8") if key else "")
        self._scope_changed()
        self._suggest_file()

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

        def read(workspace: Workspace) -> list[Choice]:
            with workspace.db.read() as session:
                return list(scope_targets(session, kind))

        def show(targets: list[Choice]) -> None:
            if ScopeKind(self.form.scope_combo.currentData()) is not kind:
                return  # another scope was chosen meanwhile: its own read fills the list
            for row_id, name in targets:
                combo.addItem(name, row_id)
            combo.setEnabled(kind in _NEEDS_TARGET)
            self.form.target_label.setEnabled(kind in _NEEDS_TARGET)

        self.ops.run(read, show)

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
        key = self.form.key_edit.text()
        scope, recipient, today = self.scope(), self.form.recipient_combo.currentText(), self.today

        def work(workspace: Workspace) -> ExportResult:
            with workspace.db.transaction() as session:
                office.set_name(session, name)
                office.set_shared_key(session, key or None)
            try:
                return export_package(workspace, scope, Path(target), recipient=recipient, today=today,
                                      key=key.encode("utf-8") if key else None)
            except OSError as exc:  # a full disk, a missing folder: a refusal like any other
                raise UserError(str(exc)) from exc

        self.link.submit(work, self._exported, lambda _result: Change(settings=True),
                         refused=lambda message: QMessageBox.warning(self, "导出数据包", f"未能导出：{message}"))

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        QDialog.accept(self)


def _names(workspace: Workspace) -> tuple[str, list[str], bytes | None]:
    with workspace.db.read() as session:
        return office.identity(session).name, known_peers(session), office.shared_key(session)
