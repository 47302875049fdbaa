# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_history_dialog.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ExchangeHistoryDialog(object):
    def setupUi(self, ExchangeHistoryDialog):
        if not ExchangeHistoryDialog.objectName():
            ExchangeHistoryDialog.setObjectName(u"ExchangeHistoryDialog")
        ExchangeHistoryDialog.resize(1000, 480)
        self.main_layout = QVBoxLayout(ExchangeHistoryDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.history_view = QTableView(ExchangeHistoryDialog)
        self.history_view.setObjectName(u"history_view")
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)

        self.main_layout.addWidget(self.history_view)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.undo_button = QPushButton(ExchangeHistoryDialog)
        self.undo_button.setObjectName(u"undo_button")

        self.button_layout.addWidget(self.undo_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.button_box = QDialogButtonBox(ExchangeHistoryDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.button_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(ExchangeHistoryDialog)
    # setupUi

    def retranslateUi(self, ExchangeHistoryDialog):
        ExchangeHistoryDialog.setWindowTitle(QCoreApplication.translate("ExchangeHistoryDialog", u"\u6570\u636e\u4ea4\u6362\u8bb0\u5f55", None))
        self.undo_button.setText(QCoreApplication.translate("ExchangeHistoryDialog", u"\u64a4\u9500\u6700\u8fd1\u4e00\u6b21\u5408\u5e76\u2026", None))
#if QT_CONFIG(tooltip)
        self.undo_button.setToolTip(QCoreApplication.translate("ExchangeHistoryDialog", u"\u7528\u5408\u5e76\u524d\u7684\u5907\u4efd\u6062\u590d\uff1b\u5408\u5e76\u4e4b\u540e\u5982\u5df2\u6709\u65b0\u7684\u4fee\u6539\u5219\u4e0d\u80fd\u64a4\u9500", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

