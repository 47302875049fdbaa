"""文件 → 加密备份和数据包: switch encryption on (passphrase twice, then the recovery sheet), change the passphrase,
or switch it off. Everything is read and written on the window's worker (scrypt takes a tenth of a second or
more); the setting change is audited by the hook (fingerprint only) and broadcast as a settings change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from desktop.services import office_settings
from desktop.services.encryption import office_key
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_encryption_dialog import Ui_EncryptionDialog
from desktop.ui.forms.ui_recovery_sheet_dialog import Ui_RecoverySheetDialog
from desktop.ui.ops import Change
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class Saved:
    action: str
    enabled: office_key.Enabled | None
    office_name: str


class EncryptionDialog(WorkerDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.form = Ui_EncryptionDialog()
        self.form.setupUi(self)
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.status = office_key.Status(False, None, None)
        self.sheet: RecoverySheetDialog | None = None  # shown after a first switch-on
        f = self.form
        f.warning_label.setText(office_key.FORGET_WARNING)
        f.warning_label.setStyleSheet("color: #b00020;")
        for radio in (f.on_radio, f.change_radio, f.off_radio):
            radio.toggled.connect(self._arrange)
        f.button_box.accepted.connect(self._save)
        f.button_box.rejected.connect(self.reject)
        self.link.load(_status, self._fill)

    def _fill(self, status: office_key.Status) -> None:
        self.status = status
        f = self.form
        if status.public_key is None:
            f.status_label.setText("当前：未开启加密。")
        elif status.enabled:
            f.status_label.setText(f"当前：已开启加密。密钥指纹：{status.fingerprint}")
        else:
            f.status_label.setText(f"当前：已关闭加密（密钥保留，以前的加密备份仍可恢复）。密钥指纹：{status.fingerprint}")
        f.on_radio.setEnabled(not status.enabled)
        f.change_radio.setEnabled(status.public_key is not None)
        f.off_radio.setEnabled(status.enabled)
        (f.change_radio if status.enabled else f.on_radio).setChecked(True)
        self._arrange()

    def _action(self) -> str:
        f = self.form
        return "change" if f.change_radio.isChecked() else "off" if f.off_radio.isChecked() else "on"

    def _arrange(self) -> None:
        """Only the fields the chosen action needs: a first switch-on sets a passphrase, switching on again or
        off needs the current one, a change needs both."""
        action, first = self._action(), self.status.public_key is None
        needs_current = not (action == "on" and first)
        needs_new = action == "change" or (action == "on" and first)
        f = self.form
        for widget in (f.current_label, f.current_edit):
            widget.setEnabled(needs_current)
        for widget in (f.passphrase_label, f.passphrase_edit, f.confirm_label, f.confirm_edit):
            widget.setEnabled(needs_new)
        f.warning_label.setVisible(needs_new)

    def _save(self) -> None:
        f = self.form
        action = self._action()
        current, new, confirm = f.current_edit.text(), f.passphrase_edit.text(), f.confirm_edit.text()
        first = self.status.public_key is None

        def work(workspace: Workspace) -> Saved:
            with workspace.db.transaction() as session:
                enabled = None
                if action == "on":
                    enabled = office_key.enable(session, new if first else current, confirm if first else "")
                elif action == "off":
                    office_key.disable(session, current)
                else:
                    office_key.change_passphrase(session, current, new, confirm)
                return Saved(action, enabled, str(office_settings.get(session, "office_name")))

        self.link.submit(work, self._saved, lambda _saved: Change(settings=True))

    def _saved(self, saved: Saved) -> None:
        if saved.enabled is not None and saved.enabled.recovery_code:
            self.sheet = RecoverySheetDialog(saved.office_name, saved.enabled, self.parentWidget())
            self.sheet.open()
        self.accept()


def _status(workspace: Workspace) -> office_key.Status:
    with workspace.db.read() as session:
        return office_key.status(session)


def sheet_text(office_name: str, enabled: office_key.Enabled, now: datetime | None = None) -> str:
    """The printed recovery sheet: whose key, when, its fingerprint, the code, and what to do with it."""
    return "\n".join([
        f"{office_name}  重点项目包保工作台 加密恢复页",
        f"制作时间：{(now or datetime.now()):%Y年%m月%d日 %H:%M}",
        f"密钥指纹：{enabled.fingerprint}",
        "",
        f"恢复码：{enabled.recovery_code}",
        "",
        "用途：忘记加密口令时，恢复备份（文件 → 备份与恢复，或 keyproj restore）和更换口令时，在“加密口令或恢复码”处输入"
        "恢复码（不区分大小写，空格和短横线可省略）。",
        "保管：与电脑分开，放在只有负责人能取到的地方；不要拍照存在电脑或手机里。口令和恢复码都丢失时，加密的备份和数据包"
        "无法恢复，任何人都无法打开。",
    ])


class RecoverySheetDialog(QDialog):
    """The recovery code, shown once, with 打印 (the system's print dialog) for a paper copy."""

    def __init__(self, office_name: str, enabled: office_key.Enabled, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.form = Ui_RecoverySheetDialog()
        self.form.setupUi(self)
        self.text = sheet_text(office_name, enabled)
        self.form.sheet_edit.setPlainText(self.text)
        self.form.print_button.clicked.connect(self.print_sheet)
        self.form.button_box.accepted.connect(self.accept)

    def document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setPlainText(self.text)
        return document

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
