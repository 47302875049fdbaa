# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'drilldown_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHeaderView, QLabel, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

from desktop.ui.widgets.fitting import ElidedLabel

class Ui_DrilldownDialog(object):
    def setupUi(self, DrilldownDialog):
        if not DrilldownDialog.objectName():
            DrilldownDialog.setObjectName(u"DrilldownDialog")
        DrilldownDialog.resize(980, 560)
        self.dialog_layout = QVBoxLayout(DrilldownDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.title_label = QLabel(DrilldownDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.title_label)

        self.count_label = ElidedLabel(DrilldownDialog)
        self.count_label.setObjectName(u"count_label")

        self.dialog_layout.addWidget(self.count_label)

        self.rows_table = QTableView(DrilldownDialog)
        self.rows_table.setObjectName(u"rows_table")

        self.dialog_layout.addWidget(self.rows_table)

        self.button_box = QDialogButtonBox(DrilldownDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(DrilldownDialog)
    # setupUi

    def retranslateUi(self, DrilldownDialog):
        DrilldownDialog.setWindowTitle(QCoreApplication.translate("DrilldownDialog", u"\u660e\u7ec6", None))
        self.title_label.setStyleSheet(QCoreApplication.translate("DrilldownDialog", u"font-size: 15px; font-weight: bold;", None))
        self.title_label.setText("")
        self.count_label.setText("")
    # retranslateUi

