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
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

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

        self.supervise_button = QPushButton(ReminderPanel)
        self.supervise_button.setObjectName(u"supervise_button")

        self.main_layout.addWidget(self.supervise_button)

        self.hint_label = QLabel(ReminderPanel)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)


        self.retranslateUi(ReminderPanel)
    # setupUi

    def retranslateUi(self, ReminderPanel):
        self.supervise_button.setText(QCoreApplication.translate("ReminderPanel", u"\u6309\u7763\u529e\u9636\u68af\u7b7e\u53d1\u2026", None))
#if QT_CONFIG(tooltip)
        self.supervise_button.setToolTip(QCoreApplication.translate("ReminderPanel", u"\u5bf9\u6240\u9009\u8d85\u671f\u95ee\u9898\u6309\u7763\u529e\u9636\u68af\u7b7e\u53d1\u63d0\u793a\u5355\u3001\u7763\u529e\u5355\u6216\u50ac\u529e\u901a\u77e5\uff08\u5217\u5165\u8be5\u5355\u4f4d\u5168\u90e8\u540c\u7c7b\u8d85\u671f\u95ee\u9898\uff0c\u53ef\u5728\u5bf9\u8bdd\u6846\u4e2d\u53d6\u6d88\u52fe\u9009\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.hint_label.setText(QCoreApplication.translate("ReminderPanel", u"\u53cc\u51fb\u4e00\u884c\u5373\u53ef\u5728\u53f0\u8d26\u4e2d\u5b9a\u4f4d\u8be5\u4e8b\u9879\u3002", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("ReminderPanel", u"color: #666666;", None))
        pass
    # retranslateUi

