"""The main window's layout kept between runs (geometry, docks, the issue table's columns, the tree's grouping) in
the user's QSettings: nothing of it is data, so none of it goes through `Ops`."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow

from desktop.ui.project_tree_controller import ProjectTreeController


def restore(window: QMainWindow, settings: QSettings, header: QHeaderView, tree: ProjectTreeController) -> None:
    geometry = settings.value("main_window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("main_window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    saved = settings.value("issue_table/header")
    if isinstance(saved, QByteArray):
        header.restoreState(saved)
    tree.choose_grouping(settings.value("project_tree/grouping"))


def save(window: QMainWindow, settings: QSettings, header: QHeaderView, tree: ProjectTreeController) -> None:
    settings.setValue("main_window/geometry", window.saveGeometry())
    settings.setValue("main_window/state", window.saveState())
    settings.setValue("issue_table/header", header.saveState())
    settings.setValue("project_tree/grouping", tree.grouping())
    settings.sync()
