"""Menu-bar helpers shared by the window and the feature modules that add their entries to it."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar


def menu_titled(bar: QMenuBar, title: str, before: str) -> QMenu:
    """The bar's menu titled `title`; made (owned by the bar) just before the menu titled `before` when missing."""
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == title:
            return menu
    menu = QMenu(title, bar)
    anchor = next((a for a in bar.actions() if a.text() == before), None)
    if anchor is not None:
        bar.insertMenu(anchor, menu)
    else:
        bar.addMenu(menu)
    return menu
