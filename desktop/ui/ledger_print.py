"""打印预览 and 导出PDF of the five 台账 (and of the issue table as shown), from the 导出 menu.

The rows are read on the window's worker (`ops.run`) through `jobs.ledger_sheet` — the very spec and rows the
xlsx export writes — and turned into HTML there; only the painting, which needs the printer, runs on the GUI
thread. Printers and dialogs come from `ui.printing`, which keeps each printer alive as long as its dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.exporters import jobs
from desktop.ui import printing

if TYPE_CHECKING:
    from desktop.ui.export_menu import ExportMenu
    from desktop.workspace import Workspace

SHOWN_ISSUES = "shown-issues"  # the issue table's visible rows, in their on-screen order
SHOWN_ISSUES_LABEL = "问题台账（按当前表格筛选和排序）"
# The ledgers' menu entries with their letters: 导出 and its two print submenus give a ledger the same letter.
LEDGER_LABELS = {SHOWN_ISSUES: f"{SHOWN_ISSUES_LABEL}(&S)", "ledger-issues": "问题台账(&I)",
                 "ledger-decisions": "议定事项台账(&Y)", "ledger-projects": "重点项目台账(&X)",
                 "investment": "投资进度表(&D)", "responsibility": "包保责任表(&B)"}
AskPdfPath = Callable[[str, str], Path | None]


class LedgerPrint(QObject):
    """Two submenus of the 导出 menu, one entry per 台账 in each; no shortcuts (every key is taken elsewhere)."""

    pdf_saved = Signal(object)  # the Path written
    preview_closed = Signal()

    def __init__(self, exports: ExportMenu, menu: QMenu) -> None:
        super().__init__(exports)
        self.exports = exports
        self.parent_widget = exports.parent_widget  # the dialogs' parent
        self.ask_pdf_path: AskPdfPath = lambda title, suggested: printing.ask_pdf_path(self.parent_widget, title,
                                                                                       suggested)
        self.last_pdf: Path | None = None
        self.preview_menu = menu.addMenu("打印预览台账(&L)")
        self.pdf_menu = menu.addMenu("台账导出PDF(&H)")
        labels = {SHOWN_ISSUES: SHOWN_ISSUES_LABEL, **jobs.LEDGER_KINDS}
        shown = {kind: LEDGER_LABELS.get(kind, label) for kind, label in labels.items()}
        self.preview_actions = {kind: self.preview_menu.addAction(f"{text}…", lambda k=kind: self.preview(k))
                                for kind, text in shown.items()}
        self.pdf_actions = {kind: self.pdf_menu.addAction(f"{text}…", lambda k=kind: self.export_pdf(k))
                            for kind, text in shown.items()}
        self.labels = labels

    def _request(self, kind: str) -> jobs.LedgerRequest | None:
        exports = self.exports
        if kind != SHOWN_ISSUES:
            return jobs.LedgerRequest(kind, exports.period(), self.exports.today)
        rows = self.exports.issue_panel.model.visible_rows()
        if not rows:
            QMessageBox.information(self.parent_widget, "问题台账", "当前表格中没有问题，请调整筛选条件。")
            return None
        return jobs.LedgerRequest("ledger-issues", exports.period(), self.exports.today, issue_rows=rows)

    def _html(self, kind: str, then: Callable[[str, str, str], None]) -> None:
        """Read and render on the worker, then `then(title, html, paper)` on the GUI thread: the paper is the
        workbook's (A3 landscape when A4 would print under 9 pt), so preview, PDF and Excel print the same page."""
        request = self._request(kind)
        if request is None:
            return
        from desktop.exporters.ledger_html import PAGE_WIDTHS_MM, ledger_html

        def work(workspace: Workspace) -> tuple[str, str, str]:
            fit = jobs.ledger_fit(workspace.db, request)
            return fit.spec.title, ledger_html(fit.spec, fit.rows, PAGE_WIDTHS_MM[fit.paper]), fit.paper

        self.exports.status_bar.showMessage(f"正在准备{self.labels[kind]}…", 8000)
        self.exports.ops.run(work, lambda result: then(*result),
                            lambda message: QMessageBox.warning(self.parent_widget, self.labels[kind], message))

    def preview(self, kind: str) -> None:
        def show(title: str, html: str, paper: str) -> None:
            dialog = printing.preview(f"{title} — 打印预览", printing.ledger_layout(paper),
                                      lambda printer: printing.paint_ledger(html, printer), self.parent_widget)
            self.exports.status_bar.clearMessage()
            dialog.exec()
            self.preview_closed.emit()

        self._html(kind, show)

    def export_pdf(self, kind: str, path: Path | None = None) -> None:
        """Ask where first (nothing is read if the user cancels), then read, render and write the PDF."""
        if path is None:
            suggested = self.exports.export_dir / f"{self.exports.year()}年{self.labels[kind]}.pdf"
            path = self.ask_pdf_path(f"{self.labels[kind]}导出PDF", str(suggested))
            if path is None:
                return
        target = path

        def write(_title: str, html: str, paper: str) -> None:
            try:
                saved = printing.write_pdf(printing.ledger_layout(paper),
                                           lambda printer: printing.paint_ledger(html, printer), target)
            except OSError as exc:
                reason = f"无法写入文件 {target}：{exc.strerror}" if exc.strerror else str(exc)
                QMessageBox.warning(self.parent_widget, "导出PDF", reason)
                return
            self.last_pdf = saved
            self.exports.export_dir = saved.parent
            self.exports.status_bar.showMessage(f"已导出{self.labels[kind]}（PDF）：{saved}", 8000)
            self.pdf_saved.emit(saved)

        self._html(kind, write)
