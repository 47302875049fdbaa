# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_log_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.fitting import ElidedLabel

class Ui_AuditLogDialog(object):
    def setupUi(self, AuditLogDialog):
        if not AuditLogDialog.objectName():
            AuditLogDialog.setObjectName(u"AuditLogDialog")
        AuditLogDialog.resize(1100, 600)
        self.main_layout = QVBoxLayout(AuditLogDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.operator_label = QLabel(AuditLogDialog)
        self.operator_label.setObjectName(u"operator_label")

        self.filter_layout.addWidget(self.operator_label)

        self.operator_combo = QComboBox(AuditLogDialog)
        self.operator_combo.setObjectName(u"operator_combo")

        self.filter_layout.addWidget(self.operator_combo)

        self.entity_label = QLabel(AuditLogDialog)
        self.entity_label.setObjectName(u"entity_label")

        self.filter_layout.addWidget(self.entity_label)

        self.entity_combo = QComboBox(AuditLogDialog)
        self.entity_combo.setObjectName(u"entity_combo")

        self.filter_layout.addWidget(self.entity_combo)

        self.date_filter_check = QCheckBox(AuditLogDialog)
        self.date_filter_check.setObjectName(u"date_filter_check")

        self.filter_layout.addWidget(self.date_filter_check)

        self.from_date_edit = DateEdit(AuditLogDialog)
        self.from_date_edit.setObjectName(u"from_date_edit")

        self.filter_layout.addWidget(self.from_date_edit)

        self.to_label = QLabel(AuditLogDialog)
        self.to_label.setObjectName(u"to_label")

        self.filter_layout.addWidget(self.to_label)

        self.to_date_edit = DateEdit(AuditLogDialog)
        self.to_date_edit.setObjectName(u"to_date_edit")

        self.filter_layout.addWidget(self.to_date_edit)

        self.text_edit = QLineEdit(AuditLogDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.text_edit)

        self.search_button = QPushButton(AuditLogDialog)
        self.search_button.setObjectName(u"search_button")

        self.filter_layout.addWidget(self.search_button)


        self.main_layout.addLayout(self.filter_layout)

        self.log_table_view = QTableView(AuditLogDialog)
        self.log_table_view.setObjectName(u"log_table_view")
        self.log_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table_view.setWordWrap(False)

        self.main_layout.addWidget(self.log_table_view)

        self.paging_layout = QHBoxLayout()
        self.paging_layout.setObjectName(u"paging_layout")
        self.page_label = ElidedLabel(AuditLogDialog)
        self.page_label.setObjectName(u"page_label")
        self.page_label.setWordWrap(False)

        self.paging_layout.addWidget(self.page_label)

        self.paging_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.paging_layout.addItem(self.paging_spacer)

        self.previous_button = QPushButton(AuditLogDialog)
        self.previous_button.setObjectName(u"previous_button")

        self.paging_layout.addWidget(self.previous_button)

        self.next_button = QPushButton(AuditLogDialog)
        self.next_button.setObjectName(u"next_button")

        self.paging_layout.addWidget(self.next_button)

        self.button_box = QDialogButtonBox(AuditLogDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.paging_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.paging_layout)


        self.retranslateUi(AuditLogDialog)
    # setupUi

    def retranslateUi(self, AuditLogDialog):
        AuditLogDialog.setWindowTitle(QCoreApplication.translate("AuditLogDialog", u"\u64cd\u4f5c\u65e5\u5fd7", None))
        self.operator_label.setText(QCoreApplication.translate("AuditLogDialog", u"\u64cd\u4f5c\u4eba\uff1a", None))
        self.entity_label.setText(QCoreApplication.translate("AuditLogDialog", u"\u8bb0\u5f55\u7c7b\u578b\uff1a", None))
        self.date_filter_check.setText(QCoreApplication.translate("AuditLogDialog", u"\u65e5\u671f\uff1a", None))
        self.to_label.setText(QCoreApplication.translate("AuditLogDialog", u"\u81f3", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("AuditLogDialog", u"\u6309\u539f\u503c/\u65b0\u503c\u67e5\u627e", None))
        self.search_button.setText(QCoreApplication.translate("AuditLogDialog", u"\u67e5\u8be2", None))
        self.page_label.setText("")
        self.previous_button.setText(QCoreApplication.translate("AuditLogDialog", u"\u4e0a\u4e00\u9875", None))
        self.next_button.setText(QCoreApplication.translate("AuditLogDialog", u"\u4e0b\u4e00\u9875", None))
    # retranslateUi

