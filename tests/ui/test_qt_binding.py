"""Guards against a binding bug we measured: PySide6 6.12.0 on Python 3.11 drops a reference to None every time an
empty QVariant reaches Python (QStandardItem.data of an unset role, QModelIndex.data, QSettings.value …), so a
long session ends in "Fatal Python error: none_dealloc". 6.11.3 is clean; this test keeps it that way."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


def test_empty_variants_do_not_leak_none_references(qapp, tmp_path) -> None:
    model = QStandardItemModel()
    item = QStandardItem("项目")
    model.appendRow(item)
    settings = QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)
    before = sys.getrefcount(None)
    for _ in range(300):
        item.data(Qt.ItemDataRole.UserRole + 5)
        model.index(0, 0).data(Qt.ItemDataRole.UserRole + 5)
        QModelIndex().data()
        settings.value("missing")
    assert abs(sys.getrefcount(None) - before) < 50
