"""文件 → 备份与恢复: back up now to a chosen file, restore (after showing what the backup holds), and the second
backup folder. Restoring needs the database closed, so the dialog asks its owner to swap the workspace.

The list and the second folder are read, the folder is set and the backup is written on the window's worker
(`Ops.run`; the backup behind a busy dialog, seconds at city size). A restore checks the archive there too, shows
what it holds, and is then the owner's: on the same worker it closes the data, restores and holds the reopened
workspace (`Ops.swap`), which every part follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop import APP_NAME
from desktop.services.backup import archive as backups
from desktop.services.backup.archive import BackupError, BackupInfo
from desktop.services.encryption import office_key
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.forms.ui_backup_dialog import Ui_BackupDialog
from desktop.ui.ops import Change
from desktop.ui.ops_progress import OpsRunner
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

Listing = tuple["Path | None", "list[BackupInfo | BackupError]"]

COLUMNS = ("备份时间", "原因", "问题数", "项目数", "大小", "文件")


class BackupDialog(QDialog):
    """`restore_with(path, finished, passphrase)` is supplied by the main window: on the worker it closes the data,
    restores, and reopens; `finished(None)` or with the refusal. An encrypted backup's passphrase is asked in the
    preview and checked on the worker first, so a wrong one is said there and nothing is closed."""

    shown = Signal()  # the list the worker read is on screen
    backed_up = Signal(object)  # the archive `backup_now` wrote (a Path)
    restored = Signal(bool)  # a restore asked here has ended (True: the backup's data is the data now)

    def __init__(self, ops: Ops, restore_with: Callable[[Path, Callable[[str | None], None], str | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.ops = ops
        self.runner = OpsRunner(ops, self)
        self.loading = False
        self.last_backup: Path | None = None
        self.restore_with = restore_with
        self.restoring = False  # a restore asked here is being checked or made on the worker
        self.form = Ui_BackupDialog()
        self.form.setupUi(self)
        table = self.form.backups_table
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        self._infos: list[BackupInfo] = []
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        f = self.form
        f.backup_now_button.clicked.connect(self.backup_now)
        f.restore_selected_button.clicked.connect(self.restore_selected)
        f.restore_file_button.clicked.connect(self.restore_from_file)
        f.mirror_choose_button.clicked.connect(self.choose_mirror)
        f.mirror_clear_button.clicked.connect(lambda: self.set_mirror(None))
        f.button_box.rejected.connect(self.reject)

    def reload(self) -> None:
        self.loading = True
        self.ops.run(_listing, self._show)

    def _show(self, listing: Listing) -> None:
        self.loading = False
        mirror, items = listing
        self.form.mirror_edit.setText(str(mirror) if mirror else "")
        self._infos = [i for i in items if isinstance(i, BackupInfo)]
        table = self.form.backups_table
        table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            issues, projects = (("已加密", "已加密") if info.encrypted else  # counts only behind the passphrase
                                (str(info.counts.get("issue", 0)), str(info.counts.get("project", 0))))
            values = (f"{info.created_at:%Y-%m-%d %H:%M}", info.reason, issues, projects,
                      f"{info.size / 1024 / 1024:.1f} MB", str(info.path))
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        self.form.restore_selected_button.setEnabled(bool(self._infos))
        unreadable = len(items) - len(self._infos)
        self.form.status_label.setText(f"共 {len(self._infos)} 个备份" +
                                       (f"；{unreadable} 个备份文件无法读取" if unreadable else ""))
        self.shown.emit()

    def backup_now(self, target: Path | None = None) -> bool:
        """Start the backup on the worker; False when no file was chosen. `backed_up(path)` says where it went."""
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "备份到文件", backups.default_archive_name(),
                                                    "备份文件 (*.zip)")
            if not chosen:
                return False
            target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_suffix(".zip")
        archive = target
        return self.runner.start(
            "备份", lambda ws, _progress, _cancel: backups.create_archive(ws.db.engine, ws.data_dir, archive),
            self._backed_up, cancellable=False, label="正在备份……",
            on_error=lambda message: QMessageBox.critical(self, APP_NAME, f"备份失败：{message}"))

    def _backed_up(self, info: BackupInfo) -> None:
        self.last_backup = info.path
        self.form.status_label.setText(f"已备份到 {info.path}（" + ("已加密" if info.encrypted else
                                       f"问题 {info.counts.get('issue', 0)} 个") + "）")
        self.backed_up.emit(info.path)

    def restore_selected(self) -> None:
        rows = self.form.backups_table.selectionModel().selectedRows()
        if not rows:
            self.form.status_label.setText("请先在列表中选择一个备份。")
            return
        self.confirm_and_restore(self._infos[rows[0].row()].path)

    def restore_from_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(self.ops.backups_dir),
                                                "备份文件 (*.zip)")
        if chosen:
            self.confirm_and_restore(Path(chosen))

    def confirm_and_restore(self, path: Path) -> None:
        """Check every member of the archive on the worker (seconds for a city's backup), show what it holds, and
        on 确定 have it restored; `restored` tells how it ended."""
        if self.restoring:
            return
        self.restoring = True
        self.form.status_label.setText("正在检查备份文件……")

        def refused(message: str) -> None:
            QMessageBox.critical(self, APP_NAME, message)
            self._restore_ended(False)

        self.ops.run(lambda _workspace: backups.inspect_archive(path), lambda info: self._confirm(path, info),
                     refused, on_broken=lambda: self._restore_ended(False))

    def _confirm(self, path: Path, info: BackupInfo, error: str | None = None) -> None:
        preview = RestorePreviewDialog(info, self, error=error)
        if preview.exec() != QDialog.DialogCode.Accepted:
            self.form.status_label.setText("")
            self._restore_ended(False)
            return
        passphrase = preview.passphrase
        if passphrase is not None and info.encryption is not None:
            # scrypt takes a tenth of a second or more: checked on the worker, before the data is closed
            encryption = info.encryption
            self.form.status_label.setText("正在核对加密口令……")
            self.ops.run(lambda _workspace: office_key.unlock(encryption, passphrase),
                         lambda _key: self._restore(path, info, passphrase),
                         lambda message: self._confirm(path, info, f"「加密口令或恢复码」：{message}"),
                         on_broken=lambda: self._restore_ended(False))
            return
        self._restore(path, info, None)

    def _restore(self, path: Path, info: BackupInfo, passphrase: str | None) -> None:
        self.form.status_label.setText("正在恢复……")

        def finished(problem: str | None) -> None:
            if problem is not None and not self.ops.holds:  # the reopen failed: the window says so, once
                self._restore_ended(False)
                self.reject()  # nothing can be listed or restored through a workspace that is not there
                return
            if problem is not None:
                self.form.status_label.setText("")
                QMessageBox.critical(self, APP_NAME, f"恢复失败，当前数据未改动：{problem}")
                self._restore_ended(False)
                return
            self.reload()
            self.form.status_label.setText(f"已恢复 {info.created_at:%Y-%m-%d %H:%M} 的备份。")
            self._restore_ended(True)

        self.restore_with(path, finished, passphrase)

    def _restore_ended(self, done: bool) -> None:
        self.restoring = False
        self.restored.emit(done)

    def choose_mirror(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择第二备份位置")
        if chosen:
            self.set_mirror(Path(chosen))

    def set_mirror(self, folder: Path | None) -> None:
        if folder is not None and folder.resolve() == self.ops.backups_dir.resolve():
            self.form.status_label.setText("「第二备份位置」：不能与数据文件夹的 backups 相同，请选择另一块磁盘或U盘。")
            return

        def done(_none: None) -> None:
            self.ops.notify(Change(settings=True))
            self.reload()
            self.form.status_label.setText("已设置第二备份位置。" if folder else "已取消第二备份位置。")

        self.ops.run(lambda workspace: backups.set_mirror_folder(workspace.db, folder), done,
                     self.form.status_label.setText)


def _listing(workspace: Workspace) -> Listing:
    mirror = backups.mirror_folder(workspace.db)
    return mirror, list(backups.list_backups(workspace.data_dir, mirror))
