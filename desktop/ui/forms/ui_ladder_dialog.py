# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ladder_dialog.ui'
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

class Ui_LadderDialog(object):
    def setupUi(self, LadderDialog):
        if not LadderDialog.objectName():
            LadderDialog.setObjectName(u"LadderDialog")
        LadderDialog.resize(560, 400)
        self.main_layout = QVBoxLayout(LadderDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.hint_label = QLabel(LadderDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.steps_table = QTableWidget(LadderDialog)
        self.steps_table.setObjectName(u"steps_table")
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_table.horizontalHeader().setStretchLastSection(True)
        self.steps_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.steps_table)

        self.row_buttons_layout = QHBoxLayout()
        self.row_buttons_layout.setObjectName(u"row_buttons_layout")
        self.add_button = QPushButton(LadderDialog)
        self.add_button.setObjectName(u"add_button")

        self.row_buttons_layout.addWidget(self.add_button)

        self.remove_button = QPushButton(LadderDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.row_buttons_layout.addWidget(self.remove_button)

        self.default_button = QPushButton(LadderDialog)
        self.default_button.setObjectName(u"default_button")

        self.row_buttons_layout.addWidget(self.default_button)

        self.row_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row_buttons_layout.addItem(self.row_buttons_spacer)


        self.main_layout.addLayout(self.row_buttons_layout)

        self.error_label = QLabel(LadderDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(LadderDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(LadderDialog)
    # setupUi

    def retranslateUi(self, LadderDialog):
        LadderDialog.setWindowTitle(QCoreApplication.translate("LadderDialog", u"\u7763\u529e\u9636\u68af\u8bbe\u7f6e", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("LadderDialog", u"color: #555555;", None))
        self.hint_label.setText(QCoreApplication.translate("LadderDialog", u"\u95ee\u9898\u8d85\u8fc7\u5b8c\u6210\u65f6\u9650\u8fbe\u5230\u6240\u5217\u5929\u6570\u65f6\uff0c\u5f85\u529e\u63d0\u9192\u5217\u51fa\u5e94\u91c7\u53d6\u7684\u63aa\u65bd\uff0c\u7531\u7ecf\u529e\u4eba\u4e00\u952e\u529e\u7406\uff1b\u4e0d\u4f1a\u81ea\u52a8\u7b7e\u53d1\u6216\u6d41\u8f6c\u3002\u5929\u6570\u5e94\u9010\u6b65\u589e\u52a0\uff0c\u6587\u4e66\u5e94\u9010\u7ea7\u52a0\u91cd\uff08\u63d0\u793a\u5355 \u2192 \u7763\u529e\u5355 \u2192 \u50ac\u529e\u901a\u77e5\uff09\u3002\u672c\u8bbe\u7f6e\u968f\u6570\u636e\u4fdd\u5b58\uff0c\u6bcf\u6b21\u66f4\u6539\u90fd\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\u3002", None))
        self.add_button.setText(QCoreApplication.translate("LadderDialog", u"\u589e\u52a0\u4e00\u6b65", None))
        self.remove_button.setText(QCoreApplication.translate("LadderDialog", u"\u5220\u9664\u6240\u9009", None))
        self.default_button.setText(QCoreApplication.translate("LadderDialog", u"\u6062\u590d\u9ed8\u8ba4\uff081\u20143\u20147\u201430\u5929\uff09", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("LadderDialog", u"color: #b3261e;", None))
    # retranslateUi

