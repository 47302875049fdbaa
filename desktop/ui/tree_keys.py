"""Keyboard paths through the project tree: Enter on a project opens its page (on a group it opens or closes the
group), and Down in the tree's search box moves into the results, on the first project found. Installed by the
main window with one call, given the tree, its search box and what opens a project — not the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTreeView

from desktop.ui.models.project_tree import PROJECT_ID_ROLE

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class TreeKeys(QObject):
    def __init__(self, tree: QTreeView, search: QLineEdit, open_project: Callable[[int], None]) -> None:
        super().__init__(tree)
        self.tree = tree
        self.search = search
        self.open_project = open_project
        self.tree.installEventFilter(self)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.tree and key in ENTER:
            return self.enter(self.tree.currentIndex())
        if watched is self.search and key == Qt.Key.Key_Down:
            self.into_results()
            return True
        return False

    def enter(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        project_id = index.data(PROJECT_ID_ROLE)
        if project_id is not None:
            self.open_project(project_id)
            return True
        self.tree.setExpanded(index, not self.tree.isExpanded(index))
        return True

    def into_results(self) -> None:
        """Focus the tree on the first project matching the search (or the first row when none matches)."""
        model = self.tree.model()
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)
        if model is None or model.rowCount() == 0:
            return
        target = model.index(0, 0)
        for r in range(model.rowCount()):
            group = model.index(r, 0)
            if model.rowCount(group):
                target = model.index(0, 0, group)
                self.tree.expand(group)
                break
        self.tree.setCurrentIndex(target)


def install(tree: QTreeView, search: QLineEdit, open_project: Callable[[int], None]) -> TreeKeys:
    return TreeKeys(tree, search, open_project)
