"""The 文件 menu's data-exchange actions (导出数据包 / 导入数据包 / 数据交换记录 / 本单位公钥 / 登记对方公钥), kept out
of main_window.py. A package whose sender cannot be confirmed reaches the preview only with its warning; one that
poses as a registered office is refused here and never previewed.

The window builds one `ExchangeMenu(parent, ops, today, file_menu)`: it is given `Ops` and a parent for its
dialogs, never the window. A package is read, checked and planned on the window's worker (`Ops.run`) before its
preview opens, and merged there too, broadcast as "everything changed"; the history dialog's undo of a merge is
broadcast through `Ops` like any write.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop.errors import UserError
from desktop.services.exchange import sealed_package, trust
from desktop.services.exchange.keys import KEY_SUFFIX, OfficeKey, read_key_file
from desktop.services.exchange.merge import preview
from desktop.services.exchange.package import SUFFIX, read_package
from desktop.ui.dialogs.exchange_export import ExchangeExportDialog
from desktop.ui.dialogs.exchange_history import ExchangeHistoryDialog
from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.dialogs.passphrase_dialog import ask_passphrase
from desktop.ui.dialogs.peer_key import PeerKeyDialog
from desktop.ui.ops_progress import Cancelled, OpsRunner, Progress

if TYPE_CHECKING:
    from desktop.services.exchange.package import Package
    from desktop.services.exchange.preview import MergePlan
    from desktop.services.exchange.trust import Verdict
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace


class ExchangeMenu(QObject):
    """导出数据包 / 导入数据包 / 数据交换记录 / 本单位公钥 / 登记对方公钥, inserted into the 文件 menu."""

    def __init__(self, parent: QWidget, ops: Ops, today: date, file_menu: QMenu,
                 before: QAction | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the dialogs' parent
        self.ops = ops
        self.today = today
        self._runner: OpsRunner | None = None  # a package being read, kept alive until it answers
        self.actions: list[QAction] = []
        for text, slot in (("导出数据包(&E)…", self.export_package_dialog),
                           ("导入数据包(&M)…", self.import_package_dialog),
                           ("数据交换记录(&H)…", self.history_dialog),
                           ("本单位公钥(&K)…", self.export_key_dialog),
                           ("登记对方公钥(&R)…", self.register_key_dialog)):
            action = QAction(text, parent)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.actions.append(action)
        if before is not None:
            file_menu.insertActions(before, self.actions)
            file_menu.insertSeparator(before)
        else:
            file_menu.addActions(self.actions)

    def export_package_dialog(self) -> None:
        dialog = ExchangeExportDialog(self.ops, today=self.today, parent=self.parent_widget)
        if dialog.exec() and dialog.export_result:
            result = dialog.export_result
            QMessageBox.information(self.parent_widget, "导出数据包", f"已导出 {result.total_rows} 条记录"
                                    f"（删除记录 {result.counts.get('deletions', 0)} 条，附件 "
                                    f"{result.counts.get('attachments', 0)} 个）到：\n{result.path}")

    def import_package_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "选择数据包", str(Path.home()),
                                              f"数据包 (*{SUFFIX});;所有文件 (*)")
        if not path:
            return
        self.read_and_preview(Path(path))

    def read_and_preview(self, path: Path) -> None:
        """Verify the package and build its preview on the worker behind a progress bar (a large package takes
        seconds: every member is hashed, the rows streamed to disk), then open the preview dialog."""
        passphrase = None
        if sealed_package.is_encrypted(path):  # eight bytes read: which prompt to show
            passphrase = ask_passphrase(f"数据包 {path.name} 已加密给本单位。请输入本单位的加密口令（或恢复码）以解密；"
                                        "解密后照常校验签名并显示合并预览。", self.parent_widget)
            if passphrase is None:
                return
        runner = OpsRunner(self.ops, self.parent_widget)
        self._runner = runner

        def job(workspace: Workspace, progress: Progress, _cancelled: Cancelled) -> tuple[Package, Verdict, MergePlan]:
            package = (read_package(path, progress) if passphrase is None
                       else sealed_package.read_encrypted(workspace, path, passphrase, progress))
            verdict = trust.verdict_for(workspace, package)
            if not verdict.acceptable and not verdict.trusted:
                raise UserError(verdict.refusal(cli=False))
            return package, verdict, preview(workspace, package)

        runner.start("读取数据包", job, lambda answer: self._show_preview(*answer), cancellable=False,
                     label=f"正在校验并比对数据包 {path.name}……",
                     progress_text=lambda done, total: f"正在校验数据包 {path.name}：已完成 {done * 100 // max(total, 1)}%",
                     on_error=lambda message: QMessageBox.warning(self.parent_widget, "导入数据包", message))

    def _show_preview(self, package: Package, verdict: Verdict, plan: MergePlan) -> None:
        dialog = MergePreviewDialog(self.ops, package, plan, self.parent_widget, verdict=verdict)
        if dialog.exec() and dialog.merge_result is not None:
            c = dialog.merge_result.counts
            text = (f"合并完成：新增 {c.get('new', 0)} 条，修改 {c.get('changed', 0)} 条，删除 {c.get('deleted', 0)} 条；"
                    f"冲突采用对方 {c.get('conflicts_theirs', 0)} 处、保留本方 {c.get('conflicts_ours', 0)} 处，"
                    f"未决定未应用 {c.get('undecided', 0)} 处。")
            if dialog.merge_result.warnings:
                text += "\n\n" + "\n".join(dialog.merge_result.warnings[:10])
            QMessageBox.information(self.parent_widget, "导入数据包", text)  # every view re-reads ("everything")

    def history_dialog(self) -> None:
        ExchangeHistoryDialog(self.ops, self.parent_widget).exec()  # an undone merge is broadcast as "everything"

    def export_key_dialog(self) -> None:
        """Save this office's public key (.kpk) for the peer office, with the fingerprint to read out by phone."""
        suggested = str(Path.home() / f"本单位公钥{KEY_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "导出本单位公钥", suggested,
                                              f"公钥文件 (*{KEY_SUFFIX})")
        if not path:
            return
        target = Path(path if path.endswith(KEY_SUFFIX) else path + KEY_SUFFIX)

        def written(mine: OfficeKey) -> None:
            QMessageBox.information(self.parent_widget, "本单位公钥", f"已导出「{mine.name}」的公钥到：\n{target}\n\n"
                                    f"公钥指纹：{mine.fingerprint}\n"
                                    + (f"加密公钥指纹：{mine.encryption_fingerprint}（对方发来的数据包将加密给本单位）\n"
                                       if mine.encryption_key else "")
                                    + "\n请把文件交给对方单位登记，并电话核对此指纹。")

        self.ops.run(lambda workspace: trust.export_own_key(workspace, target), written,  # on the worker
                     lambda message: QMessageBox.warning(self.parent_widget, "本单位公钥", message))

    def register_key_dialog(self) -> None:
        """Register a peer office from its .kpk after the user compared the fingerprint (shown before anything is
        stored) and chose the name it is known by here."""
        parent = self.parent_widget
        path, _ = QFileDialog.getOpenFileName(parent, "选择对方单位的公钥文件", str(Path.home()),
                                              f"公钥文件 (*{KEY_SUFFIX});;所有文件 (*)")
        if not path:
            return
        try:
            found = read_key_file(Path(path))
        except UserError as exc:
            QMessageBox.warning(parent, "登记对方公钥", str(exc))
            return
        dialog = PeerKeyDialog(found, parent)
        if not dialog.exec():
            return
        name = dialog.chosen_name()

        def register(workspace: Workspace) -> tuple[str, str]:
            peer = trust.register_peer(workspace, Path(path), name)
            return peer.name, peer.fingerprint  # plain values: the record's session ended on the worker

        def registered(peer: tuple[str, str]) -> None:
            QMessageBox.information(parent, "登记对方公钥", f"已登记「{peer[0]}」的公钥（指纹 {peer[1]}）。\n"
                                    "此后该单位签名的数据包可直接导入。")

        self.ops.run(register, registered,  # on the worker
                     lambda message: QMessageBox.warning(parent, "登记对方公钥", message))
