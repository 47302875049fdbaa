"""Read-only list tables as the meetings tab shows them: fixed row height, no row numbers, last column stretched."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def configure_table(view: QTableView, widths: tuple[int, ...]) -> None:
    """Fixed row heights: never resize rows to contents (engineering-facts §1, slow on big tables)."""
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
