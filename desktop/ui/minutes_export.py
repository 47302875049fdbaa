"""Word export, PDF and print preview of the open meeting's minutes, from the panel's buttons.

The minutes are saved first (autosave flush, on the serial worker, so the read after it finds the text on screen);
the data is read on the `Ops` worker and the save dialog, named after the document, opens when it arrives. The
Word file is written on the worker too; the PDF and the preview paint with Qt on the GUI thread (a few pages).
Missing fonts are reported after writing: Word substitutes silently and the printout would look wrong at the
print office. `then(path)` tells a caller (the 导出 menu) what was written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QBoxLayout, QFileDialog, QLabel, QMessageBox

from desktop.errors import UserError
from desktop.exporters.docx.fonts import PROFILES, missing_fonts
from desktop.exporters.docx.minutes import MinutesOptions, document_title, export_minutes
from desktop.exporters.minutes_html import end_block, minutes_html
from desktop.services import office_settings
from desktop.services.meetings.minutes_data import MinutesData, minutes_data
from desktop.ui.minutes_print import export_pdf, preview_dialog

if TYPE_CHECKING:
    from desktop.ui.meetings_panel import MeetingsPanel
    from desktop.workspace import Workspace

Prepared = tuple[MinutesData, MinutesOptions]


class MinutesExporter:
    def __init__(self, panel: MeetingsPanel) -> None:
        self.panel = panel
        self.last_dir = Path.home()

    def _prepare(self, then: Callable[[MinutesData, MinutesOptions], None]) -> None:
        """Save the typed text, read the open meeting's 纪要 on the worker, then `then(data, options)`."""
        m = self.panel.current
        if m is None:
            return
        self.panel.flush_minutes()  # queued first: the read below finds the text on screen
        meeting_id = m.id
        f = self.panel.form
        masthead, table = f.masthead_check.isChecked(), f.table_check.isChecked()

        def read(session: Any) -> Prepared:
            profile = PROFILES.get(str(office_settings.get(session, "font_profile")), MinutesOptions().profile)
            return minutes_data(session, meeting_id), MinutesOptions(masthead=masthead, decision_table=table,
                                                                     profile=profile)

        self.panel.read(read, lambda prepared: then(*prepared))

    def _ask_path(self, data: MinutesData, suffix: str, title: str, filter_text: str) -> Path | None:
        suggested = self.last_dir / f"{document_title(data)}{suffix}"
        name, _ = QFileDialog.getSaveFileName(self.panel, title, str(suggested), filter_text)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        self.last_dir = path.parent
        return path

    def export_word(self, path: Path | None = None, then: Callable[[Path], None] | None = None) -> None:
        """导出Word: the file named (or asked for), written on the worker; `then(path)` once it is there."""

        def write(data: MinutesData, options: MinutesOptions) -> None:
            target = path or self._ask_path(data, ".docx", "导出会议纪要（Word）", "Word 文档 (*.docx)")
            if target is None:
                return
            today = self.panel.today

            def work(_workspace: Workspace) -> Path:
                try:
                    return export_minutes(data, target, options, today=today)
                except OSError as exc:
                    raise UserError(f"无法写入文件 {target}：{exc.strerror or exc}") from exc

            def written(done: Path) -> None:
                absent = missing_fonts(options.profile)
                note = f"（本机缺少字体{'、'.join(absent)}，Word/WPS会临时代替，请在装有这些字体的电脑上打印）" if absent else ""
                self.panel.form.save_state_label.setText(f"已导出：{done}{note}")
                self.panel.form.save_state_label.setToolTip(str(done))
                if then is not None:
                    then(done)

            self.panel.ops.run(work, written, lambda message: QMessageBox.warning(self.panel, "导出失败", message))

        self._prepare(write)

    def html(self, then: Callable[[str], None]) -> None:
        def show(data: MinutesData, options: MinutesOptions) -> None:
            then(minutes_html(data, masthead=options.masthead, decision_table=options.decision_table,
                              profile=options.profile, today=self.panel.today))

        self._prepare(show)

    def export_pdf(self, path: Path | None = None, then: Callable[[Path], None] | None = None) -> None:
        def write(data: MinutesData, options: MinutesOptions) -> None:
            target = path or self._ask_path(data, ".pdf", "导出会议纪要（PDF）", "PDF 文件 (*.pdf)")
            if target is None:
                return
            html = minutes_html(data, masthead=options.masthead, decision_table=options.decision_table,
                                profile=options.profile, today=self.panel.today)
            try:
                written = export_pdf(html, target, end_block(data, today=self.panel.today))
            except OSError as exc:
                QMessageBox.warning(self.panel, "导出失败", f"无法写入文件 {target}：{exc.strerror or exc}")
                return
            self.panel.form.save_state_label.setText(f"已导出：{written.name}")
            if then is not None:
                then(written)

        self._prepare(write)

    def print_preview(self) -> None:
        """The preview, with what to correct before printing said above the pages (item text against its 完成时限,
        relative dates, a second issuer name): the clerk fixes them before the 纪要 goes out."""
        self._prepare(self._preview)

    def _preview(self, data: MinutesData, options: MinutesOptions) -> None:
        html = minutes_html(data, masthead=options.masthead, decision_table=options.decision_table,
                            profile=options.profile, today=self.panel.today)
        dialog = preview_dialog(html, self.panel, end_block(data, today=self.panel.today))
        warnings = [str(w) for w in data.warnings()]
        if warnings:
            label = QLabel("请核对：" + "；".join(warnings), dialog)
            label.setObjectName("minutes_warnings")
            label.setWordWrap(True)
            label.setStyleSheet("color: #c0392b; padding: 4px;")
            layout = dialog.layout()  # QPrintPreviewDialog's own: its tool bar above the pages
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(1, label)
            dialog.warning_label = label
        self.panel.exec_dialog(dialog)
