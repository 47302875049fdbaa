"""Word export, PDF and print preview of the open meeting's minutes, from the panel's buttons.

The minutes are saved first (autosave flush), so what is exported is what is on screen; the data is read on the
`Ops` worker (the panel's `wait_read`: the save dialog names the document after it). Missing fonts are
reported before writing: Word substitutes silently and the printout would look wrong at the print office.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QFileDialog, QLabel, QMessageBox

from desktop.exporters.docx.fonts import PROFILES, missing_fonts
from desktop.exporters.docx.minutes import MinutesOptions, document_title, export_minutes
from desktop.exporters.minutes_html import end_block, minutes_html
from desktop.services import office_settings
from desktop.services.meetings.minutes_data import MinutesData, minutes_data
from desktop.ui.minutes_print import export_pdf, preview_dialog

if TYPE_CHECKING:
    from desktop.ui.meetings_panel import MeetingsPanel


class MinutesExporter:
    def __init__(self, panel: MeetingsPanel) -> None:
        self.panel = panel
        self.last_dir = Path.home()

    def _data(self) -> tuple[MinutesData, MinutesOptions] | None:
        m = self.panel.current
        if m is None:
            return None
        self.panel.flush_minutes()
        meeting_id = m.id
        data, profile = self.panel.wait_read(lambda session: (  # the file dialog names the document: it waits
            minutes_data(session, meeting_id),
            PROFILES.get(str(office_settings.get(session, "font_profile")), MinutesOptions().profile)))
        f = self.panel.form
        return data, MinutesOptions(masthead=f.masthead_check.isChecked(), decision_table=f.table_check.isChecked(),
                                    profile=profile)

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

    def export_word(self, path: Path | None = None) -> Path | None:
        prepared = self._data()
        if prepared is None:
            return None
        data, options = prepared
        path = path or self._ask_path(data, ".docx", "导出会议纪要（Word）", "Word 文档 (*.docx)")
        if path is None:
            return None
        try:
            written = export_minutes(data, path, options, today=self.panel.today)
        except OSError as exc:
            QMessageBox.warning(self.panel, "导出失败", f"无法写入文件 {path}：{exc.strerror or exc}")
            return None
        absent = missing_fonts(options.profile)
        note = f"（本机缺少字体{'、'.join(absent)}，Word/WPS会临时代替，请在装有这些字体的电脑上打印）" if absent else ""
        self.panel.form.save_state_label.setText(f"已导出：{written}{note}")
        self.panel.form.save_state_label.setToolTip(str(written))
        return written

    def html(self) -> str | None:
        prepared = self._data()
        if prepared is None:
            return None
        data, options = prepared
        return minutes_html(data, masthead=options.masthead, decision_table=options.decision_table,
                            profile=options.profile, today=self.panel.today)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        prepared = self._data()
        if prepared is None:
            return None
        data, options = prepared
        path = path or self._ask_path(data, ".pdf", "导出会议纪要（PDF）", "PDF 文件 (*.pdf)")
        if path is None:
            return None
        html = minutes_html(data, masthead=options.masthead, decision_table=options.decision_table,
                            profile=options.profile, today=self.panel.today)
        written = export_pdf(html, path, end_block(data, today=self.panel.today))
        self.panel.form.save_state_label.setText(f"已导出：{written.name}")
        return written

    def print_preview(self) -> None:
        """The preview, with what to correct before printing said above the pages (item text against its 完成时限,
        relative dates, a second issuer name): the clerk fixes them before the 纪要 goes out."""
        prepared = self._data()
        if prepared is None:
            return
        data, options = prepared
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
