"""文件 → 备份与恢复: back up now to a chosen file, restore (after showing what the backup holds), and the second
backup folder. Restoring needs the database closed, so the dialog asks its owner to swap the workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from desktop import APP_NAME
from desktop.errors import UserError
from desktop.services.backup import archive as backups
from desktop.services.backup.archive import BackupError, BackupInfo
from desktop.ui.dialogs.restore_preview import RestorePreviewDialog
from desktop.ui.forms.ui_backup_dialog import Ui_BackupDialog
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

COLUMNS = ("备份时间", "原因", "问题数", "项目数", "大小", "文件")


class BackupDialog(QDialog):
    """`restore_with(path)` is supplied by the main window: it closes the data, restores, and reopens."""

    def __init__(self, workspace: Workspace, restore_with: Callable[[Path], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
        self.restore_with = restore_with
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
        mirror = backups.mirror_folder(self.workspace.db)
        self.form.mirror_edit.setText(str(mirror) if mirror else "")
        items = backups.list_backups(self.workspace.data_dir, mirror)
        self._infos = [i for i in items if isinstance(i, BackupInfo)]
        table = self.form.backups_table
        table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            values = (f"{info.created_at:%Y-%m-%d %H:%M}", info.reason, str(info.counts.get("issue", 0)),
                      str(info.counts.get("project", 0)), f"{info.size / 1024 / 1024:.1f} MB", str(info.path))
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        self.form.restore_selected_button.setEnabled(bool(self._infos))
        unreadable = len(items) - len(self._infos)
        self.form.status_label.setText(f"共 {len(self._infos)} 个备份" +
                                       (f"；{unreadable} 个备份文件无法读取" if unreadable else ""))

    def backup_now(self, target: Path | None = None) -> Path | None:
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "备份到文件", backups.default_archive_name(),
                                                    "备份文件 (*.zip)")
            if not chosen:
                return None
            target = Path(chosen)
        if target.suffix.lower() != ".zip":
            target = target.with_suffix(".zip")
        try:
            info = backups.create_archive(self.workspace.db.engine, self.workspace.data_dir, target)
        except (UserError, OSError) as exc:
            QMessageBox.critical(self, APP_NAME, f"备份失败：{exc}")
            return None
        self.form.status_label.setText(f"已备份到 {info.path}（问题 {info.counts.get('issue', 0)} 个）")
        return info.path

    def restore_selected(self) -> None:
        rows = self.form.backups_table.selectionModel().selectedRows()
        if not rows:
            self.form.status_label.setText("请先在列表中选择一个备份。")
            return
        self.confirm_and_restore(self._infos[rows[0].row()].path)

    def restore_from_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(self.workspace.backups_dir),
                                                "备份文件 (*.zip)")
        if chosen:
            self.confirm_and_restore(Path(chosen))

    def confirm_and_restore(self, path: Path) -> bool:
        try:
            info = backups.inspect_archive(path)
        except BackupError as exc:
            QMessageBox.critical(self, APP_NAME, str(exc))
            return False
        if RestorePreviewDialog(info, self).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            self.restore_with(path)
        except (UserError, OSError) as exc:
            QMessageBox.critical(self, APP_NAME, f"恢复失败，当前数据未改动：{exc}")
            return False
        self.reload()
        self.form.status_label.setText(f"已恢复 {info.created_at:%Y-%m-%d %H:%M} 的备份。")
        return True

    def choose_mirror(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择第二备份位置")
        if chosen:
            self.set_mirror(Path(chosen))

    def set_mirror(self, folder: Path | None) -> None:
        if folder is not None and folder.resolve() == self.workspace.backups_dir.resolve():
            self.form.status_label.setText("「第二备份位置」：不能与数据文件夹的 backups 相同，请选择另一块磁盘或U盘。")
            return
        backups.set_mirror_folder(self.workspace.db, folder)
        self.reload()
        self.form.status_label.setText("已设置第二备份位置。" if folder else "已取消第二备份位置。")
