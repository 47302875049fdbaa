"""The project tree in the left dock: its year, grouping and search, its items, and the scope it gives the issue
table (a project, a group, or everything).

Split from the main window so the window only wires parts together. It is given the widgets it drives and the
issue panel it scopes, never the window; what the window must know (which project is current, whether it was
taken off the list) it says with `scope_changed`. After an edit the tree is not rebuilt: `set_nodes` with the
projects whose figures moved (found by the worker) changes those items in place.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QTreeView

from desktop.services.issues.row import InProjects
from desktop.services.projects.node import GROUPINGS, ProjectNode
from desktop.ui.issue_panel import IssuePanel
from desktop.ui.models.project_tree import (
    GROUP_ROLE,
    PROJECT_ID_ROLE,
    build_tree,
    changed_nodes,
    update_tree,
)


class ProjectTreeController(QObject):
    scope_changed = Signal(object, bool)  # the current project id (None: a group or all), and whether it is removed

    def __init__(self, view: QTreeView, year_combo: QComboBox, grouping_combo: QComboBox, search_edit: QLineEdit,
                 issue_panel: IssuePanel, default_year: int) -> None:
        super().__init__(view)
        self.view = view
        self.year_combo = year_combo
        self.grouping_combo = grouping_combo
        self.search_edit = search_edit
        self.issue_panel = issue_panel
        self.default_year = default_year
        self.nodes: list[ProjectNode] = []
        self._key: tuple[str, object] = ("group", "*")  # what is selected, kept across rebuilds
        self._scope_key: tuple[object, ...] | None = None  # the scope applied to the table last
        for key, label in GROUPINGS.items():
            grouping_combo.addItem(label, key)

    def listen(self) -> None:
        """Follow the grouping and the search from now on (after the saved grouping was restored: no tree yet)."""
        self.grouping_combo.currentIndexChanged.connect(self.rebuild)
        self.search_edit.textChanged.connect(self.rebuild)

    # --- what the tree shows -----------------------------------------------------------------------------------
    def grouping(self) -> str:
        return self.grouping_combo.currentData() or "category"

    def choose_grouping(self, grouping: object) -> None:
        """The grouping kept from the last session, when it is still one of ours."""
        index = self.grouping_combo.findData(grouping)
        if index >= 0:
            self.grouping_combo.setCurrentIndex(index)

    def year(self) -> int:
        return int(self.year_combo.currentData() or self.default_year)

    def fill_years(self, years: list[int], current: int) -> None:
        combo = self.year_combo
        combo.blockSignals(True)
        combo.clear()
        for year in years:
            combo.addItem(f"{year}年", year)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def years(self) -> list[int]:
        return [self.year_combo.itemData(i) for i in range(self.year_combo.count())]

    def set_nodes(self, nodes: list[ProjectNode], changed: dict[int, ProjectNode] | None = None) -> None:
        """`changed`: the worker found every project where it was and only these ones' figures moved."""
        model = self.view.model()
        old, self.nodes = self.nodes, nodes
        if changed is None and model is not None:
            changed = changed_nodes(old, nodes, self.grouping())
        if [n.leaders for n in old] != [n.leaders for n in nodes] or len(old) != len(nodes):
            self.issue_panel.set_project_leaders({n.id: n.leaders for n in nodes})
        if model is not None and changed is not None:
            # Same items, same selection, same scope: the issue table is not filtered again; no flicker.
            update_tree(model, nodes, changed, self.grouping(), self.search_edit.text())
            return
        self.rebuild()

    def rebuild(self) -> None:
        model = build_tree(self.nodes, self.grouping(), self.search_edit.text())
        view = self.view
        old = view.model()
        expanded = {old.index(r, 0).data(GROUP_ROLE) for r in range(old.rowCount())
                    if view.isExpanded(old.index(r, 0))} if old is not None else set()
        view.setModel(model)
        if old is not None:
            old.deleteLater()
        view.selectionModel().currentChanged.connect(self._on_current)
        for r in range(model.rowCount()):
            if model.item(r).data(GROUP_ROLE) in expanded or self.search_edit.text().strip():
                view.expand(model.index(r, 0))
        self.restore_selection()

    # --- selection and scope -------------------------------------------------------------------------------------
    def restore_selection(self) -> None:
        kind, key = self._key
        model = self.view.model()
        for r in range(model.rowCount()):
            group = model.item(r)
            if kind == "group" and group.data(GROUP_ROLE) == key:
                self.view.setCurrentIndex(group.index())
                return
            for c in range(group.rowCount()):
                if kind == "project" and group.child(c).data(PROJECT_ID_ROLE) == key:
                    self.view.setCurrentIndex(group.child(c).index())
                    return
        self._apply_scope(QModelIndex())

    def rescope(self) -> None:
        """Apply the selection's scope again even when it looks unchanged (the window was completed)."""
        self._scope_key = None
        self.restore_selection()

    def select_project(self, project_id: int) -> None:
        self._key = ("project", project_id)
        self.restore_selection()

    def select_all(self) -> None:
        self._key = ("group", "*")
        self.restore_selection()

    def current_project_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(PROJECT_ID_ROLE) if index.isValid() else None

    def node(self, project_id: int | None) -> ProjectNode | None:
        return next((n for n in self.nodes if n.id == project_id), None)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        project_id = current.data(PROJECT_ID_ROLE)
        self._key = ("project", project_id) if project_id is not None else ("group", current.data(GROUP_ROLE)
                                                                             or "*")
        self._apply_scope(current)

    def _apply_scope(self, current: QModelIndex) -> None:
        project_id = current.data(PROJECT_ID_ROLE) if current.isValid() else None
        group = current.data(GROUP_ROLE) if current.isValid() else None
        node = self.node(project_id)
        self.scope_changed.emit(project_id, bool(node and node.removed))
        grouping = self.grouping_combo.currentData()
        if project_id is not None:
            key: tuple[object, ...] = ("project", project_id, node.name if node else "")
        elif group == "*" or group is None:
            key = ("all",)
        else:
            key = ("group", grouping, group, frozenset(n.id for n in self.nodes if group in n.group_keys(grouping)))
        if key == self._scope_key:
            return  # same rows as before (e.g. the tree was rebuilt after an edit): no need to filter again
        self._scope_key = key
        if project_id is not None:
            self.issue_panel.set_scope(InProjects([project_id]), node.name if node else "")
        elif key[0] == "all":
            self.issue_panel.set_scope(None, "全部项目")
        else:
            members = key[3]
            assert isinstance(members, frozenset)
            self.issue_panel.set_scope(InProjects(members), str(group))
