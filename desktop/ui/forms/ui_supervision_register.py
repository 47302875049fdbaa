# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_register.ui'
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
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit

class Ui_SupervisionRegister(object):
    def setupUi(self, SupervisionRegister):
        if not SupervisionRegister.objectName():
            SupervisionRegister.setObjectName(u"SupervisionRegister")
        SupervisionRegister.resize(900, 560)
        self.main_layout = QVBoxLayout(SupervisionRegister)
        self.main_layout.setObjectName(u"main_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.year_label = QLabel(SupervisionRegister)
        self.year_label.setObjectName(u"year_label")

        self.filter_layout.addWidget(self.year_label)

        self.year_spin = QSpinBox(SupervisionRegister)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.filter_layout.addWidget(self.year_spin)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_layout.addItem(self.filter_spacer)


        self.main_layout.addLayout(self.filter_layout)

        self.notice_table = QTableWidget(SupervisionRegister)
        self.notice_table.setObjectName(u"notice_table")
        self.notice_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notice_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notice_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notice_table.horizontalHeader().setStretchLastSection(True)
        self.notice_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.notice_table)

        self.date_layout = QHBoxLayout()
        self.date_layout.setObjectName(u"date_layout")
        self.on_label = QLabel(SupervisionRegister)
        self.on_label.setObjectName(u"on_label")

        self.date_layout.addWidget(self.on_label)

        self.on_edit = DateEdit(SupervisionRegister)
        self.on_edit.setObjectName(u"on_edit")

        self.date_layout.addWidget(self.on_edit)

        self.date_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.date_layout.addItem(self.date_spacer)


        self.main_layout.addLayout(self.date_layout)

        self.text_edit = QPlainTextEdit(SupervisionRegister)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setMaximumSize(QSize(16777215, 70))

        self.main_layout.addWidget(self.text_edit)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.reply_button = QPushButton(SupervisionRegister)
        self.reply_button.setObjectName(u"reply_button")

        self.action_layout.addWidget(self.reply_button)

        self.withdraw_button = QPushButton(SupervisionRegister)
        self.withdraw_button.setObjectName(u"withdraw_button")

        self.action_layout.addWidget(self.withdraw_button)

        self.reprint_button = QPushButton(SupervisionRegister)
        self.reprint_button.setObjectName(u"reprint_button")

        self.action_layout.addWidget(self.reprint_button)

        self.action_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)


        self.main_layout.addLayout(self.action_layout)

        self.error_label = QLabel(SupervisionRegister)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(SupervisionRegister)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

        self.main_layout.setStretch(1, 1)

        self.retranslateUi(SupervisionRegister)
    # setupUi

    def retranslateUi(self, SupervisionRegister):
        SupervisionRegister.setWindowTitle(QCoreApplication.translate("SupervisionRegister", u"\u7763\u529e\u6587\u4e66\u767b\u8bb0\u7c3f", None))
        self.year_label.setText(QCoreApplication.translate("SupervisionRegister", u"\u5e74\u5ea6\uff1a", None))
        self.year_spin.setSuffix(QCoreApplication.translate("SupervisionRegister", u"\u5e74", None))
        self.on_label.setText(QCoreApplication.translate("SupervisionRegister", u"\u65e5\u671f\uff1a", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("SupervisionRegister", u"\u767b\u8bb0\u56de\u590d\u65f6\u586b\u5199\u5355\u4f4d\u7684\u56de\u590d\u5185\u5bb9\uff1b\u64a4\u56de\u65f6\u586b\u5199\u64a4\u56de\u539f\u56e0", None))
        self.reply_button.setText(QCoreApplication.translate("SupervisionRegister", u"\u767b\u8bb0\u56de\u590d", None))
        self.withdraw_button.setText(QCoreApplication.translate("SupervisionRegister", u"\u64a4\u56de\uff08\u6587\u53f7\u4fdd\u7559\uff09", None))
        self.reprint_button.setText(QCoreApplication.translate("SupervisionRegister", u"\u91cd\u65b0\u6253\u5370\uff08Word\uff09\u2026", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("SupervisionRegister", u"color: #b3261e;", None))
    # retranslateUi

