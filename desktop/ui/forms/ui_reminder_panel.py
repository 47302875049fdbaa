# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reminder_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_ReminderPanel(object):
    def setupUi(self, ReminderPanel):
        if not ReminderPanel.objectName():
            ReminderPanel.setObjectName(u"ReminderPanel")
        ReminderPanel.resize(340, 600)
        self.main_layout = QVBoxLayout(ReminderPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(4, 4, 4, 4)
        self.summary_label = QLabel(ReminderPanel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.reminder_table_view = QTableView(ReminderPanel)
        self.reminder_table_view.setObjectName(u"reminder_table_view")
        self.reminder_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reminder_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reminder_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reminder_table_view.setWordWrap(False)

        self.main_layout.addWidget(self.reminder_table_view)

        self.hint_label = QLabel(ReminderPanel)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)


        self.retranslateUi(ReminderPanel)
    # setupUi

    def retranslateUi(self, ReminderPanel):
        self.hint_label.setText(QCoreApplication.translate("ReminderPanel", u"\u53cc\u51fb\u4e00\u884c\u5373\u53ef\u5728\u53f0\u8d26\u4e2d\u5b9a\u4f4d\u8be5\u4e8b\u9879\u3002", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("ReminderPanel", u"color: #666666;", None))
        pass
    # retranslateUi

