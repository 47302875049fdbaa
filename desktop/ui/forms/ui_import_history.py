# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_history.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ImportHistoryDialog(object):
    def setupUi(self, ImportHistoryDialog):
        if not ImportHistoryDialog.objectName():
            ImportHistoryDialog.setObjectName(u"ImportHistoryDialog")
        ImportHistoryDialog.resize(900, 420)
        self.history_layout = QVBoxLayout(ImportHistoryDialog)
        self.history_layout.setObjectName(u"history_layout")
        self.history_hint_label = QLabel(ImportHistoryDialog)
        self.history_hint_label.setObjectName(u"history_hint_label")
        self.history_hint_label.setWordWrap(True)

        self.history_layout.addWidget(self.history_hint_label)

        self.history_table = QTableWidget(ImportHistoryDialog)
        self.history_table.setObjectName(u"history_table")
        self.history_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.verticalHeader().setVisible(False)

        self.history_layout.addWidget(self.history_table)

        self.history_buttons = QHBoxLayout()
        self.history_buttons.setObjectName(u"history_buttons")
        self.undo_button = QPushButton(ImportHistoryDialog)
        self.undo_button.setObjectName(u"undo_button")

        self.history_buttons.addWidget(self.undo_button)

        self.history_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.history_buttons.addItem(self.history_spacer)

        self.button_box = QDialogButtonBox(ImportHistoryDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Close)

        self.history_buttons.addWidget(self.button_box)


        self.history_layout.addLayout(self.history_buttons)


        self.retranslateUi(ImportHistoryDialog)
    # setupUi

    def retranslateUi(self, ImportHistoryDialog):
        ImportHistoryDialog.setWindowTitle(QCoreApplication.translate("ImportHistoryDialog", u"\u5bfc\u5165\u8bb0\u5f55", None))
        self.history_hint_label.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u64a4\u9500\u4f1a\u5220\u9664\u8be5\u6b21\u5bfc\u5165\u65b0\u5efa\u7684\u5168\u90e8\u8bb0\u5f55\uff0c\u5e76\u6062\u590d\u88ab\u5b83\u66f4\u65b0\u7684\u8bb0\u5f55\uff1b\u5bfc\u5165\u540e\u53c8\u88ab\u4fee\u6539\u6216\u88ab\u5f15\u7528\u7684\u6570\u636e\u4e0d\u4f1a\u88ab\u64a4\u9500\u3002", None))
        self.undo_button.setText(QCoreApplication.translate("ImportHistoryDialog", u"\u64a4\u9500\u6240\u9009\u5bfc\u5165", None))
    # retranslateUi

