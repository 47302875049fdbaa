"""简报与通报设置: 编印单位, masthead names, the 报/送/发 lists, 共印份数 and the font profile.

They are office settings stored with the data (`office_settings`), so every PC of the office prints the same
masthead and distribution; the dialog shows which fonts of each profile this PC lacks, since that is the usual
reason a printout looks wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from desktop.exporters.docx import PROFILES, missing_fonts
from desktop.services import office_settings
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_document_settings import Ui_DocumentSettings
from desktop.ui.ops import Change
from desktop.ui.widgets.fitting import fit_to_screen

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

_LIST_KEYS = ("report_to", "send_to", "issue_to")
_TEXT_KEYS = {"office_name": "office_edit", "masthead_name": "masthead_edit",
              "notice_masthead_name": "notice_masthead_edit"}


class DocumentSettingsDialog(WorkerDialog):
    """Read and saved on the window's worker (`WorkerLink`); a save broadcasts a settings change."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.form = Ui_DocumentSettings()
        self.form.setupUi(self)
        self.link = WorkerLink(self, ops, self.form.button_box, None)
        for name in PROFILES:
            self.form.font_profile_combo.addItem(name, name)
        self._connect_signals()
        self._show_fonts()
        self.link.load(_read, self._fill)

    def _connect_signals(self) -> None:
        self.form.button_box.accepted.connect(self.save)
        self.form.button_box.rejected.connect(self.reject)
        self.form.font_profile_combo.currentIndexChanged.connect(self._show_fonts)

    def _fill(self, current: tuple[dict[str, str], office_settings.Distribution, str]) -> None:
        f = self.form
        texts, dist, profile = current
        for key, widget in _TEXT_KEYS.items():
            getattr(f, widget).setText(texts[key])
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

        def work(workspace: Workspace) -> None:
            with workspace.db.transaction() as session:
                for key, value in values.items():
                    office_settings.put(session, key, value)

        self.link.submit(work, lambda _none: self.accept(), lambda _none: Change(settings=True))


def _read(workspace: Workspace) -> tuple[dict[str, str], office_settings.Distribution, str]:
    with workspace.db.read() as session:
        return _current(session)


def _current(session: Session) -> tuple[dict[str, str], office_settings.Distribution, str]:
    texts = {key: str(office_settings.get(session, key) or "") for key in _TEXT_KEYS}
    return texts, office_settings.distribution(session), str(office_settings.get(session, "font_profile"))


def button(dialog: DocumentSettingsDialog, which: QDialogButtonBox.StandardButton):  # type: ignore[no-untyped-def]
    """The dialog's Save/Cancel button (tests click it)."""
    return dialog.form.button_box.button(which)
