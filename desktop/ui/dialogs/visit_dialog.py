"""登记走访: a visit with its companions, target, content, photos and the problems found (one issue per line).

The lists are read and the visit is written on the window's worker (`WorkerLink`); the panel that opened the
dialog announces the new visit and its issues once it closes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCompleter, QDialogButtonBox, QFileDialog, QWidget

from desktop.services import directory, visits
from desktop.ui.dialogs.base import WorkerDialog, WorkerLink
from desktop.ui.forms.ui_visit_dialog import Ui_VisitDialog
from desktop.ui.widgets.date_edit import check_dates
from desktop.ui.widgets.fitting import fit_to_screen
from desktop.ui.widgets.ok_keys import ok_on_ctrl_return

if TYPE_CHECKING:
    from desktop.services.directory import Choice
    from desktop.ui.ops import Ops
    from desktop.workspace import Workspace

Lists = tuple["list[Choice]", "list[Choice]", "list[Choice]"]

IMAGE_FILTER = "图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"


class VisitDialog(WorkerDialog):
    def __init__(self, ops: Ops, today: date, parent: QWidget | None = None, *,
                 leader_id: int | None = None, project_id: int | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # clamped to the screen's available area when shown
        self.today = today
        self.form = Ui_VisitDialog()
        self.form.setupUi(self)
        ok_on_ctrl_return(self, self.form.button_box)
        self.link = WorkerLink(self, ops, self.form.button_box, self.form.error_label)
        self.visit_id: int | None = None
        self._photos: list[Path] = []
        self._enterprise_ids: dict[str, int] = {}
        f = self.form
        f.visited_on_edit.set_today(today)
        f.visited_on_edit.setDate(QDate(today.year, today.month, today.day))
        f.visited_on_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self._on_target_kind()
        self._connect_signals()
        year = today.year

        def read(workspace: Workspace) -> Lists:
            with workspace.db.read() as session:
                return (directory.leaders(session), visits.project_choices(session, year),
                        visits.enterprise_choices(session))

        self.link.load(read, lambda lists: self._fill(lists, leader_id, project_id))

    def _fill(self, lists: Lists, leader_id: int | None, project_id: int | None) -> None:
        f = self.form
        leaders, projects, enterprises = lists
        f.leader_combo.addItem("（请选择）", None)
        for lid, name in leaders:
            f.leader_combo.addItem(name, lid)
        for pid, label in projects:
            f.project_combo.addItem(label, pid)
        self._enterprise_ids = {name: eid for eid, name in reversed(enterprises)}
        completer = QCompleter(list(self._enterprise_ids), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        f.enterprise_edit.setCompleter(completer)
        if leader_id is not None:
            f.leader_combo.setCurrentIndex(max(0, f.leader_combo.findData(leader_id)))
        if project_id is not None:
            f.project_combo.setCurrentIndex(max(0, f.project_combo.findData(project_id)))

    def _connect_signals(self) -> None:
        f = self.form
        f.button_box.accepted.connect(self.save)
        f.button_box.rejected.connect(self.reject)
        f.project_radio.toggled.connect(self._on_target_kind)
        f.add_photo_button.clicked.connect(self._choose_photos)
        f.remove_photo_button.clicked.connect(self._remove_photo)

    def _on_target_kind(self) -> None:
        by_project = self.form.project_radio.isChecked()
        self.form.project_combo.setVisible(by_project)
        self.form.enterprise_edit.setVisible(not by_project)

    def _choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "选择现场照片", str(Path.home()), IMAGE_FILTER)
        self.add_photos([Path(f) for f in files])

    def add_photos(self, files: list[Path]) -> None:
        for path in files:
            if path not in self._photos:
                self._photos.append(path)
                self.form.photos_list.addItem(path.name)

    def _remove_photo(self) -> None:
        row = self.form.photos_list.currentRow()
        if row >= 0:
            self.form.photos_list.takeItem(row)
            del self._photos[row]

    def collect(self) -> visits.VisitInput:
        f = self.form
        project_id = enterprise_id = None
        if f.project_radio.isChecked():
            project_id = f.project_combo.currentData()
        else:
            enterprise_id = self._enterprise_ids.get(f.enterprise_edit.text().strip())
        return visits.VisitInput(
            visited_on=f.visited_on_edit.date().toPython(), leader_id=f.leader_combo.currentData(),
            content=f.content_edit.toPlainText(), companions=f.companions_edit.text(), project_id=project_id,
            enterprise_id=enterprise_id, problems=[line for line in f.problems_edit.toPlainText().splitlines()
                                                   if line.strip()],
            photos=list(self._photos))

    def save(self) -> None:
        stop = check_dates(self)
        if stop is not None:
            self.form.error_label.setText(stop[1])
            stop[0].setFocus()
            return
        data = self.collect()
        if self.form.enterprise_radio.isChecked() and data.enterprise_id is None and \
                self.form.enterprise_edit.text().strip():
            self.form.error_label.setText(f"「走访对象」：企业名录中没有“{self.form.enterprise_edit.text().strip()}”，"
                                          "请从提示中选择")
            return
        today = self.today

        def work(workspace: Workspace) -> int:
            with workspace.db.transaction() as session:
                return visits.create_visit(session, data, workspace.attachments_dir, today).id

        self.link.submit(work, self._saved)  # the panel announces it (visits and their issues)

    def _saved(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self.accept()

    def save_button(self) -> QWidget:
        return self.form.button_box.button(QDialogButtonBox.StandardButton.Save)
