"""简报与通报设置: 编印单位, masthead names, the 报/送/发 lists, 共印份数 and the font profile.

They are office settings stored with the data (`office_settings`), so every PC of the office prints the same
masthead and distribution; the dialog shows which fonts of each profile this PC lacks, since that is the usual
reason a printout looks wrong.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.exporters.docx import PROFILES, missing_fonts
from desktop.services import office_settings
from desktop.ui.forms.ui_document_settings import Ui_DocumentSettings
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.workspace import Workspace

_LIST_KEYS = ("report_to", "send_to", "issue_to")
_TEXT_KEYS = {"office_name": "office_edit", "masthead_name": "masthead_edit",
              "notice_masthead_name": "notice_masthead_edit"}


class DocumentSettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.workspace = workspace
        self.form = Ui_DocumentSettings()
        self.form.setupUi(self)
        for name in PROFILES:
            self.form.font_profile_combo.addItem(name, name)
        self._load()
        self._connect_signals()
        self._show_fonts()

    def _connect_signals(self) -> None:
        self.form.button_box.accepted.connect(self.save)
        self.form.button_box.rejected.connect(self.reject)
        self.form.font_profile_combo.currentIndexChanged.connect(self._show_fonts)

    def _load(self) -> None:
        f = self.form
        with self.workspace.db.read() as session:
            for key, widget in _TEXT_KEYS.items():
                getattr(f, widget).setText(str(office_settings.get(session, key) or ""))
            dist = office_settings.distribution(session)
            profile = str(office_settings.get(session, "font_profile"))
        f.report_to_edit.setText("，".join(dist.report_to))
        f.send_to_edit.setText("，".join(dist.send_to))
        f.issue_to_edit.setText("，".join(dist.issue_to))
        f.copies_spin.setValue(dist.copies or 0)
        f.font_profile_combo.setCurrentIndex(max(0, f.font_profile_combo.findData(profile)))

    def _show_fonts(self) -> None:
        profile = PROFILES[self.form.font_profile_combo.currentData() or "国标经典"]
        missing = missing_fonts(profile)
        self.form.font_status_label.setText(
            f"本机缺少：{'、'.join(missing)}（文件仍按此方案命名字体，在装有这些字体的电脑上打印正常）"
            if missing else "本机已安装该方案的全部字体。")

    def values(self) -> dict[str, object]:
        f = self.form
        values: dict[str, object] = {key: getattr(f, widget).text().strip() for key, widget in _TEXT_KEYS.items()}
        for key in _LIST_KEYS:
            values[key] = list(office_settings.split_names(getattr(f, f"{key}_edit").text()))
        values["copies"] = f.copies_spin.value() or None
        values["font_profile"] = f.font_profile_combo.currentData()
        return values

    def save(self) -> None:
        values = self.values()
        if not values["office_name"] or not values["masthead_name"] or not values["notice_masthead_name"]:
            self.form.font_status_label.setText("编印单位、简报名称和通报名称不能为空。")
            return
        with self.workspace.db.transaction() as session:
            for key, value in values.items():
                office_settings.put(session, key, value)
        self.accept()


def button(dialog: DocumentSettingsDialog, which: QDialogButtonBox.StandardButton):  # type: ignore[no-untyped-def]
    """The dialog's Save/Cancel button (tests click it)."""
    return dialog.form.button_box.button(which)
